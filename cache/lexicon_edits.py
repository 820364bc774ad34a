"""Editors' additions to the lexicon (abbreviation -> how it is read), kept in Redis so every
web process and worker sees the same table; merged over the bundled lexicon by the reader."""
from __future__ import annotations

import hashlib

import redis

from cache.keys import Keys

MAX_ENTRIES = 2000
MAX_TERM_CHARS = 40
MAX_READING_CHARS = 200


class LexiconEdits:
    def __init__(self, connection: redis.Redis, keys: Keys) -> None:
        self.redis = connection
        self.keys = keys

    def entries(self) -> dict[str, str]:
        raw = self.redis.hgetall(self.keys.lexicon_edits())
        return {k.decode(): v.decode() for k, v in sorted(raw.items())}

    def get(self, term: str) -> str | None:
        value = self.redis.hget(self.keys.lexicon_edits(), term)
        return value.decode() if value is not None else None

    def put(self, term: str, reading: str) -> None:
        self.redis.hset(self.keys.lexicon_edits(), term, reading)

    def delete(self, term: str) -> bool:
        return bool(self.redis.hdel(self.keys.lexicon_edits(), term))

    def count(self) -> int:
        return int(self.redis.hlen(self.keys.lexicon_edits()))

    def version(self) -> str:
        """Short hash of the table: part of what makes audio differ after an edit."""
        blob = "\n".join(f"{k}\t{v}" for k, v in self.entries().items())
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]
