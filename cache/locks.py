"""Single flight: a Redis lock with an expiry and an owner token.

`SET key token NX PX ttl` takes it; only the owner (same token) may extend or release it, so
a render that outlived its lock cannot free somebody else's. If the owner dies, the lock
expires by itself and the next request renders.
"""
from __future__ import annotations

import secrets

import redis

from cache.keys import Keys

_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
_EXTEND = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""


class RedisLock:
    def __init__(self, connection: redis.Redis, keys: Keys, name: str, ttl_ms: int = 30000) -> None:
        self.connection = connection
        self.key = keys.lock(name)
        self.ttl_ms = int(ttl_ms)
        self.token: str | None = None

    def acquire(self) -> bool:
        token = secrets.token_hex(16)
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
        return bool(self.connection.eval(_RELEASE, 1, self.key, token))

    def held(self) -> bool:
        """Is anyone holding it right now?"""
        return bool(self.connection.exists(self.key))
