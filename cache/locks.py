"""Single flight: a Redis lock with an expiry and an owner token.

`SET key token NX PX ttl` takes it; only the owner (same token) may extend or release it, so
a render that outlived its lock cannot free somebody else's. If the owner dies, the lock
expires by itself and the next request renders.
"""
from __future__ import annotations

import secrets
import time
from typing import Callable

import redis

from cache.keys import Keys

# Delete a key only if it still holds our value (a lock's owner token, a pending-job marker).
_COMPARE_AND_DELETE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
_EXTEND = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""


def delete_if_holds(connection: redis.Redis, key: str, value: str) -> bool:
    """DEL key if it still holds `value` (atomic): nobody frees what another took since."""
    return bool(connection.eval(_COMPARE_AND_DELETE, 1, key, value))


class RedisLock:
    """`owner`: a token of the caller's choosing (one per process, say), so a lock can be
    released by a later RedisLock of the same owner; else a new random token per acquire."""

    def __init__(self, connection: redis.Redis, keys: Keys, name: str, ttl_ms: int = 30000,
                 owner: str | None = None) -> None:
        self.connection = connection
        self.key = keys.lock(name)
        self.ttl_ms = int(ttl_ms)
        self.owner = owner
        self.token: str | None = owner

    def acquire(self) -> bool:
        token = self.owner or secrets.token_hex(16)
        if self.connection.set(self.key, token, nx=True, px=self.ttl_ms):
            self.token = token
            return True
        return False

    def extend(self) -> bool:
        """Push the expiry back; False if the lock is no longer ours."""
        if self.token is None:
            return False
        return bool(self.connection.eval(_EXTEND, 1, self.key, self.token, self.ttl_ms))

    def release(self) -> bool:
        if self.token is None:
            return False
        token, self.token = self.token, None
        return delete_if_holds(self.connection, self.key, token)

    def held(self) -> bool:
        """Is anyone holding it right now?"""
        return bool(self.connection.exists(self.key))


_SEM_ACQUIRE = """
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1])
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], ARGV[2], ARGV[4])
  redis.call('pexpire', KEYS[1], ARGV[5])
  return 1
end
return 0
"""


class RedisSemaphore:
    """At most `limit` holders across every process sharing this Redis (a sorted set of
    tokens scored by their expiry, so a holder that died frees its slot by itself)."""

    def __init__(self, connection: redis.Redis, keys: Keys, name: str, limit: int,
                 ttl_ms: int = 600_000, clock: Callable[[], float] = time.time) -> None:
        self.connection = connection
        self.key = keys.lock(f"semaphore:{name}")
        self.limit = int(limit)
        self.ttl_ms = int(ttl_ms)
        self._clock = clock  # wall time: every process scores its slots on the same scale

    def try_acquire(self) -> str | None:
        """A token if a slot was free, else None."""
        now_ms = int(self._clock() * 1000)
        token = secrets.token_hex(12)
        taken = self.connection.eval(_SEM_ACQUIRE, 1, self.key, now_ms, now_ms + self.ttl_ms,
                                     self.limit, token, self.ttl_ms)
        return token if taken else None

    def acquire(self, timeout_s: float, poll_s: float = 0.05) -> str | None:
        """Wait up to timeout_s for a slot (bounded); None if none came free."""
        deadline = time.monotonic() + timeout_s
        while True:
            token = self.try_acquire()
            if token or time.monotonic() >= deadline:
                return token
            time.sleep(poll_s)

    def release(self, token: str | None) -> None:
        if token:
            self.connection.zrem(self.key, token)

    def in_use(self) -> int:
        return int(self.connection.zcount(self.key, int(self._clock() * 1000), "+inf"))
