"""AudioStore: MP3 bytes in Redis, content-addressed.

Two shelves: on-demand audio carries a TTL, so the embedded Redis (volatile-lru) may evict it
under memory pressure; audio editors prepared is stored without a TTL ("kept") and is never
evicted. A value is written in one SET with its complete bytes, so nobody ever reads half an
MP3.
"""
from __future__ import annotations

import redis

from cache.hot import HotBytes
from cache.keys import Keys

DEFAULT_TTL_S = 30 * 24 * 3600

# A prepared narration no longer uses this audio; if no other one does, move it from the
# kept shelf to the evictable one with a TTL. KEYS: kept, on-demand, keepers.
_LET_GO = """
redis.call('SREM', KEYS[3], ARGV[2])
if redis.call('SCARD', KEYS[3]) > 0 then
  return 0
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('EXPIRE', KEYS[2], ARGV[1])
  return 1
end
return 0
"""


class AudioStore:
    def __init__(self, connection: redis.Redis, keys: Keys, ttl_s: int = DEFAULT_TTL_S,
                 hot: HotBytes | None = None) -> None:
        self.connection = connection
        self.keys = keys
        self.ttl_s = int(ttl_s)
        self.hot = hot

    def get(self, key: str) -> bytes | None:
        """The audio under `key` from either shelf (one round trip), or from this process's
        memory when it was read lately (keys name their bytes: never stale)."""
        if self.hot is not None:
            data = self.hot.get(key)
            if data is not None:
                return data
        kept, on_demand = self.connection.mget(self.keys.audio_kept(key), self.keys.audio(key))
        data = kept if kept is not None else on_demand
        if data is not None and self.hot is not None:
            self.hot.put(key, data)
        return data

    def put(self, key: str, data: bytes, *, keep: bool = False) -> None:
        if not data:
            raise ValueError("refusing to store empty audio")
        if keep:
            pipe = self.connection.pipeline(transaction=True)
            pipe.set(self.keys.audio_kept(key), data)
            pipe.delete(self.keys.audio(key))  # one copy is enough
            pipe.execute()
        else:
            # NX: if the same bytes are already there, leave them (and their TTL) alone.
            self.connection.set(self.keys.audio(key), data, ex=self.ttl_s, nx=True)

    def keep(self, key: str) -> bool:
        """Move on-demand audio to the kept shelf (editors prepared it). False if missing."""
        data = self.get(key)
        if data is None:
            return False
        self.put(key, data, keep=True)
        return True

    def not_kept(self, keys: list[str]) -> list[str]:
        """Which of `keys` are not on the kept shelf (one pipelined round trip)."""
        pipe = self.connection.pipeline(transaction=False)
        for key in keys:
            pipe.exists(self.keys.audio_kept(key))
        return [key for key, count in zip(keys, pipe.execute()) if not count]

    def hold(self, narration_id: str, keys: list[str]) -> None:
        """The prepared narration `narration_id` uses `keys` (two articles can share a
        sentence, so its audio): they stay kept while any such narration uses them."""
        with self.connection.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.sadd(self.keys.audio_keepers(key), narration_id)
            pipe.execute()
        # Another narration that let go of a shared key just before we were noted may have
        # moved it to the evictable shelf: put it back.
        for key in self.not_kept(keys):
            self.keep(key)

    def let_go(self, narration_id: str, keys: list[str]) -> int:
        """`narration_id` no longer uses `keys` (its article changed): those no other prepared
        narration holds get the on-demand TTL, so Redis may evict them. How many moved."""
        script = self.connection.register_script(_LET_GO)
        return sum(int(script(keys=[self.keys.audio_kept(k), self.keys.audio(k),
                                    self.keys.audio_keepers(k)],
                              args=[self.ttl_s, narration_id])) for k in keys)

    def missing(self, keys: list[str]) -> list[str]:
        """Which of `keys` are on neither shelf (one pipelined round trip)."""
        if not keys:
            return []
        pipe = self.connection.pipeline(transaction=False)
        for key in keys:
            pipe.exists(self.keys.audio_kept(key), self.keys.audio(key))
        counts = pipe.execute()
        return [key for key, count in zip(keys, counts) if not count]
