"""Child processes that cannot outlive their parent.

Every process we start (redis-server, the sample site, gunicorn, the RQ worker) gets
PR_SET_PDEATHSIG=SIGTERM, so even a parent killed with SIGKILL leaves no orphan behind.
"""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from typing import Sequence

_PR_SET_PDEATHSIG = 1


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
