"""Whether a remote voice's circuit breaker is open, shared by every process on one Redis.

Each web process and each work horse has its own CircuitBreaker. Without a shared state,
when Google starts refusing (429, 5xx) every one of them would find out for itself, with
its own failed calls, and every freshly forked horse would start closed again: many calls
into a refusal that only prolongs it. With it, the first breaker to open tells the others,
which leave Google alone for the same cool-down and read with the offline voice.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

import redis

from cache.keys import Keys

log = logging.getLogger("docnd.breaker")


class SharedBreakerState:
    def __init__(self, connection: redis.Redis, keys: Keys, name: str = "gtts", *,
                 check_every_s: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.connection = connection
        self.key = keys.meta(f"breaker-open:{name}")
        self.check_every_s = check_every_s
        self._clock = clock
        self._lock = threading.Lock()
        self._checked_at: float | None = None
        self._open = False

    def is_open(self) -> bool:
        """Has any process opened the breaker, and is its cool-down still running? Asked of
        Redis at most every `check_every_s`; if Redis cannot say, the answer is no."""
        now = self._clock()
        with self._lock:
            if self._checked_at is not None and now - self._checked_at < self.check_every_s:
                return self._open
        try:
            is_open = bool(self.connection.exists(self.key))
        except redis.exceptions.RedisError:
            is_open = False
        with self._lock:
            self._checked_at, self._open = now, is_open
        return is_open

    def open_for(self, seconds: float) -> None:
        """Tell every process to leave the remote voice alone for `seconds`."""
        try:
            self.connection.set(self.key, b"1", px=max(1, int(seconds * 1000)))
        except redis.exceptions.RedisError as exc:
            log.warning("could not share the open breaker: %s", exc)
        with self._lock:
            self._checked_at, self._open = self._clock(), True

    def close(self) -> None:
        """A call went through again: everybody may call."""
        try:
            self.connection.delete(self.key)
        except redis.exceptions.RedisError as exc:
            log.warning("could not share the closed breaker: %s", exc)
        with self._lock:
            self._checked_at, self._open = self._clock(), False
