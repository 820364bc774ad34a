"""Extracted articles in Redis, with what is needed to ask the source "has it changed?"
(ETag, Last-Modified) and when we last asked. Only whole, successful extractions are stored."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Callable

import redis

from cache.keys import Keys
from scraper.article import Article


@dataclass
class StoredArticle:
    article: Article
    etag: str | None
    last_modified: str | None
    fetched_at: str  # ISO time of the last full download
    checked_at: float  # epoch seconds of the last check with the source (200 or 304)
    content_hash: str
    current: bool = True  # extracted by this version of the scraper


def url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


class ArticleStore:
    def __init__(self, connection: redis.Redis, keys: Keys, ttl_s: int,
                 clock: Callable[[], float] = time.time, extractor_version: str = "") -> None:
        self.connection = connection
        self.keys = keys
        self.ttl_s = int(ttl_s)
        self._clock = clock
        # Records extracted by another version of the scraper count as absent.
        self.extractor_version = extractor_version

    def get(self, url: str, *, any_version: bool = False) -> StoredArticle | None:
        """The stored article; one extracted by another version of the scraper counts as
        absent unless `any_version` (then `current` is False: read the page again if the
        site answers, serve it if the site is down)."""
        raw = self.connection.get(self.keys.article(url_key(url)))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            current = data.get("extractor", "") == self.extractor_version
            if not current and not any_version:
                return None
            return StoredArticle(article=Article.from_dict(data["article"]), etag=data.get("etag"),
                                 last_modified=data.get("last_modified"),
                                 fetched_at=data.get("fetched_at", ""),
                                 checked_at=float(data.get("checked_at", 0)),
                                 content_hash=data.get("content_hash", ""), current=current)
        except (ValueError, KeyError, TypeError):
            return None  # a record from an older layout: fetch again

    def put(self, url: str, article: Article, *, etag: str | None = None,
            last_modified: str | None = None, fetched_at: str = "") -> StoredArticle:
        if not article.paragraphs or not article.title:
            raise ValueError("refusing to cache an incomplete article")
        record = StoredArticle(article=article, etag=etag, last_modified=last_modified,
                               fetched_at=fetched_at, checked_at=self._clock(),
                               content_hash=article.content_hash)
        self._write(url, record)
        return record

    def touch(self, url: str, record: StoredArticle) -> StoredArticle:
        """The source said 304: the record is good for another TTL."""
        record.checked_at = self._clock()
        self._write(url, record)
        return record

    def delete(self, url: str) -> None:
        self.connection.delete(self.keys.article(url_key(url)))

    def age_s(self, record: StoredArticle) -> float:
        return self._clock() - record.checked_at

    def _write(self, url: str, record: StoredArticle) -> None:
        data = {"article": record.article.to_dict(), "etag": record.etag,
                "last_modified": record.last_modified, "fetched_at": record.fetched_at,
                "checked_at": record.checked_at, "content_hash": record.content_hash,
                "extractor": self.extractor_version}
        self.connection.set(self.keys.article(url_key(url)),
                            json.dumps(data, ensure_ascii=False).encode("utf-8"), ex=self.ttl_s)

    # The latest-articles listing, kept briefly so the API does not crawl on every call.
    def get_listing(self, url: str) -> list[dict] | None:
        raw = self.connection.get(self.keys.meta(f"listing:{url_key(url)}"))
        return json.loads(raw) if raw else None

    def put_listing(self, url: str, items: list[dict], ttl_s: int) -> None:
        raw = json.dumps(items, ensure_ascii=False).encode("utf-8")
        pipe = self.connection.pipeline()
        pipe.set(self.keys.meta(f"listing:{url_key(url)}"), raw, ex=int(ttl_s))
        # The last good listing, without a TTL: the home page shows it while the site is down.
        pipe.set(self.keys.meta(f"listing-last:{url_key(url)}"), raw)
        pipe.execute()

    def get_last_listing(self, url: str) -> list[dict]:
        raw = self.connection.get(self.keys.meta(f"listing-last:{url_key(url)}"))
        return json.loads(raw) if raw else []
