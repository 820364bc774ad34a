"""Child processes that cannot outlive their parent, and their supervision.

Every process we start (redis-server, the sample site, gunicorn, the RQ worker) gets
PR_SET_PDEATHSIG=SIGTERM, so even a parent killed with SIGKILL leaves no orphan behind.
`Child` restarts one that exits, with a bounded backoff.
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
import time
from typing import Callable, Sequence

_PR_SET_PDEATHSIG = 1
log = logging.getLogger("docnd.run")


def _die_with_parent() -> None:  # runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    os.setpgrp()  # Ctrl-C in a terminal reaches us; we stop children in order.


def start_child(argv: Sequence[str], **kwargs) -> subprocess.Popen:
    """Start a process bound to our lifetime."""
    return subprocess.Popen(list(argv), preexec_fn=_die_with_parent, **kwargs)


def stop_child(proc: subprocess.Popen, timeout_s: float = 10.0) -> None:
    """SIGTERM, wait, then SIGKILL: never leave it running."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout_s)


class Backoff:
    """Delays between restarts: `first_s` doubling up to `max_s`; a child that stayed up
    for `stable_s` starts again from `first_s` (a crash a day is not a crash loop)."""

    def __init__(self, first_s: float = 0.5, max_s: float = 30.0, stable_s: float = 60.0):
        self.first_s, self.max_s, self.stable_s = first_s, max_s, stable_s
        self._next_s = first_s

    def delay_after(self, ran_s: float) -> float:
        if ran_s >= self.stable_s:
            self._next_s = self.first_s
        delay, self._next_s = self._next_s, min(self._next_s * 2, self.max_s)
        return delay


class Child:
    """One supervised process. `launch` starts it and returns its Popen; `halt` stops it.
    With `restart`, a child that exits is started again after a backoff; without, its exit
    is reported to the supervisor (the web: the service is down, so we stop too)."""

    def __init__(self, name: str, launch: Callable[[], subprocess.Popen], *,
                 halt: Callable[[subprocess.Popen], None] = stop_child, restart: bool = True,
                 backoff: Backoff | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.name, self.launch, self.halt, self.restart = name, launch, halt, restart
        self.backoff = backoff or Backoff()
        self.clock = clock
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0
        self.due_at: float | None = None  # when to try again after an exit
        self.restarts = 0

    def start(self) -> None:
        self.proc = self.launch()
        self.started_at = self.clock()
        self.due_at = None

    def watch(self) -> int | None:
        """Look once. Returns the exit code of a child that must not be restarted."""
        now = self.clock()
        if self.proc is not None:
            code = self.proc.poll()
            if code is None:
                return None
            self.proc = None
            if not self.restart:
                log.error("%s exited with code %s; stopping", self.name, code)
                return code
            self._retry_later(now, now - self.started_at, f"exited with code {code}")
        if self.due_at is not None and now >= self.due_at:
            try:
                self.start()
                self.restarts += 1
                log.warning("%s restarted (pid %s)", self.name, self.proc.pid)
            except Exception as exc:  # noqa: BLE001 -- a failed start is retried, never fatal
                self._retry_later(now, 0.0, f"could not start: {exc}")
        return None

    def _retry_later(self, now: float, ran_s: float, why: str) -> None:
        delay = self.backoff.delay_after(ran_s)
        self.due_at = now + delay
        log.warning("%s %s; restarting in %.1f s", self.name, why, delay)

    def stop(self) -> None:
        if self.proc is not None:
            self.halt(self.proc)
            self.proc = None
        self.due_at = None
