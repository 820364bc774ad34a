"""The blocks of each site's recent pages, for boilerplate by template difference
(scraper/template.py decides what is chrome; this only keeps the pages' block keys)."""
from __future__ import annotations

import json

import redis

from cache.keys import Keys
from scraper.template import RECENT_PAGES, chrome_blocks

CHROME_TTL_S = 7 * 24 * 3600  # a template changes rarely; a week of pages is plenty


class RedisChromeStore:
    def __init__(self, connection: redis.Redis, keys: Keys, ttl_s: int = CHROME_TTL_S) -> None:
        self.redis = connection
        self.keys = keys
        self.ttl_s = ttl_s

    def _key(self, host: str) -> str:
        return self.keys.meta(f"chrome:{host.lower()}")

    def remember(self, host: str, page_keys: set[str]) -> None:
        key = self._key(host)
        pipe = self.redis.pipeline()
        pipe.lpush(key, json.dumps(sorted(page_keys)))
        pipe.ltrim(key, 0, RECENT_PAGES - 1)
        pipe.expire(key, self.ttl_s)
        pipe.execute()

    def get(self, host: str) -> frozenset[str]:
        pages = []
        for raw in self.redis.lrange(self._key(host), 0, RECENT_PAGES - 1):
            try:
                pages.append(set(json.loads(raw)))
            except ValueError:
                continue
        return chrome_blocks(pages)
