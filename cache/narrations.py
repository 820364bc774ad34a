"""Narration records in Redis (JSON).

Two places: the finished record (written once, last, when every segment's audio is stored)
and the progress of a render in flight (short-lived, rewritten as segments arrive). A render
that fails or is interrupted never writes the finished record.
"""
from __future__ import annotations

import json

import redis

from cache.keys import Keys

DEFAULT_TTL_S = 30 * 24 * 3600
PROGRESS_TTL_S = 120  # renewed on every write; outlives a dead renderer only briefly
FAILED_TTL_S = 30  # how long pollers are told a render failed before a new try may start


class NarrationStore:
    def __init__(self, connection: redis.Redis, keys: Keys, ttl_s: int = DEFAULT_TTL_S) -> None:
        self.connection = connection
        self.keys = keys
        self.ttl_s = int(ttl_s)

    def get(self, narration_id: str) -> dict | None:
        raw = self.connection.get(self.keys.narration(narration_id))
        return json.loads(raw) if raw else None

    def put(self, narration_id: str, record: dict, *, keep: bool = False) -> None:
        """Store the finished record (kept records, like kept audio, never expire)."""
        blob = json.dumps(record, ensure_ascii=False)
        self.connection.set(self.keys.narration(narration_id), blob,
                            ex=None if keep else self.ttl_s)

    def get_progress(self, narration_id: str) -> dict | None:
        raw = self.connection.get(self.keys.narration_progress(narration_id))
        return json.loads(raw) if raw else None

    def put_progress(self, narration_id: str, record: dict, ttl_s: int = PROGRESS_TTL_S) -> None:
        blob = json.dumps(record, ensure_ascii=False)
        self.connection.set(self.keys.narration_progress(narration_id), blob, ex=ttl_s)

    def finish(self, narration_id: str, record: dict, *, keep: bool = False) -> None:
        """Write the finished record and drop the progress, in one transaction."""
        blob = json.dumps(record, ensure_ascii=False)
        pipe = self.connection.pipeline(transaction=True)
        pipe.set(self.keys.narration(narration_id), blob, ex=None if keep else self.ttl_s)
        pipe.delete(self.keys.narration_progress(narration_id))
        pipe.execute()

    def fail(self, narration_id: str, record: dict) -> None:
        """Tell pollers the render failed (briefly); nothing is cached as a narration."""
        self.put_progress(narration_id, record, ttl_s=FAILED_TTL_S)
