"""Building the Redis client (once, in create_app) and the key namespace."""
from __future__ import annotations

import os
import weakref

import redis


def connect_redis(url: str, *, timeout_s: float | None = 5.0) -> redis.Redis:
    """A client with timeouts on every call; it connects lazily (nothing at import)."""
    return redis.Redis.from_url(
        url,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
        health_check_interval=30,
        retry_on_timeout=False,
    )


def redis_ok(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.exceptions.RedisError:
        return False


def hold_pool_locks_across_fork(client: redis.Redis) -> None:
    """Make fork() safe for `client` in a process whose other threads use it (the RQ worker:
    its schedule thread talks to Redis while the main thread forks a work horse).

    After a fork, redis-py (8.1) resets the pool in the child under the pool's lock. If another
    thread held that lock at the moment of the fork, the child waits for it forever: a work
    horse hung that way in our tests. So we take the lock just before every fork and release
    it on both sides, and the child always starts with it free."""
    pool_ref = weakref.ref(client.connection_pool)

    def lock():
        pool = pool_ref()
        return getattr(pool, "_lock", None) if pool is not None else None

    held: list = []

    def before() -> None:
        found = lock()
        if found is not None:
            found.acquire()
            held.append(found)

    def after() -> None:
        while held:
            held.pop().release()

    os.register_at_fork(before=before, after_in_parent=after, after_in_child=after)
