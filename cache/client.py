"""Building the Redis client (once, in create_app) and the key namespace."""
from __future__ import annotations

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
