"""A circuit breaker: after `threshold` failures in a row, stop calling for `cooldown_s`.

Closed: calls go through. Open: calls are refused until the cool-down ends. Then one trial
call is let through (half-open): success closes the breaker, failure opens it again.

With a `shared` state (cache.breaker_state, passed in by create_app) every process on the
same Redis learns when one of them opens: it then counts as open too, for the same cool-down.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Protocol


class SharedState(Protocol):
    def is_open(self) -> bool: ...
    def open_for(self, seconds: float) -> None: ...
    def close(self) -> None: ...


class CircuitBreaker:
    def __init__(self, threshold: int = 5, cooldown_s: float = 60.0,
                 clock: Callable[[], float] = time.monotonic,
                 shared: SharedState | None = None) -> None:
        self.threshold = threshold
        self.shared = shared
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False
        self.opened_count = 0  # how many times it has opened (for /healthz and tests)

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            # Closed here; open if another process opened it.
            return "open" if self.shared is not None and self.shared.is_open() else "closed"
        if self._clock() - self._opened_at >= self.cooldown_s:
            return "half-open"
        return "open"

    def allows(self) -> bool:
        """May a call go out now? (Does not reserve the half-open trial.)"""
        with self._lock:
            state = self._state()
            return state == "closed" or (state == "half-open" and not self._trial_running)

    def acquire(self) -> bool:
        """Reserve a call; in half-open only one trial call goes out at a time."""
        with self._lock:
            state = self._state()
            if state == "closed":
                return True
            if state == "half-open" and not self._trial_running:
                self._trial_running = True
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            if self._opened_at is not None and not self._trial_running:
                # A call sent before the breaker opened, answered late: it says nothing of
                # now, so it must not close what later failures opened (only the trial does).
                return
            recovered = self._opened_at is not None
            self._failures = 0
            self._opened_at = None
            self._trial_running = False
        if recovered and self.shared is not None:
            self.shared.close()

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            half_open = self._trial_running
            self._trial_running = False
            opened = half_open or (self._opened_at is None and self._failures >= self.threshold)
            if opened:
                self._open()
        if opened:
            self._tell_others()

    def trip(self) -> None:
        """Open now, whatever the count: the remote side cannot be reached at all."""
        with self._lock:
            self._failures = max(self._failures, self.threshold)
            self._trial_running = False
            opened = self._opened_at is None or self._state() == "half-open"
            if opened:
                self._open()
        if opened:
            self._tell_others()

    def _open(self) -> None:  # under self._lock
        self._opened_at = self._clock()
        self.opened_count += 1

    def _tell_others(self) -> None:  # outside the lock: it may wait on Redis
        if self.shared is not None:
            self.shared.open_for(self.cooldown_s)

    def release(self) -> None:
        """A reserved call ended with neither success nor a failure of the remote side."""
        with self._lock:
            self._trial_running = False
