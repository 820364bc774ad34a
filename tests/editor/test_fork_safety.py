"""A work horse is forked while other threads of the worker use Redis (the schedule thread,
RQ's pub/sub thread). It must never inherit a pool lock held by one of them: redis-py resets
the pool in the child under that lock, and the horse would wait forever."""
from __future__ import annotations

import os
import signal
import threading
import time

import redis

from cache.client import hold_pool_locks_across_fork


def _fork_and_ping(client: redis.Redis, timeout_s: float = 10.0) -> bool:
    """Fork a child that pings Redis; True if it finished in time (else it is killed)."""
    pid = os.fork()
    if pid == 0:  # the child: one thread, like a work horse
        try:
            client.ping()
            os._exit(0)
        except BaseException:
            os._exit(1)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) == 0
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False


def _held_by_another_thread(client: redis.Redis, for_s: float) -> threading.Thread:
    """Another thread in the middle of taking a connection: it holds the pool's lock."""
    held = threading.Event()

    def hold():
        with client.connection_pool._lock:
            held.set()
            time.sleep(for_s)

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    held.wait(5)
    return thread


def test_the_forked_child_starts_with_the_pool_lock_free(redis_url):
    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    client.ping()
    hold_pool_locks_across_fork(client)
    thread = _held_by_another_thread(client, for_s=0.5)
    assert _fork_and_ping(client)  # the fork waited for the other thread, then went on
    thread.join()


def test_without_it_the_child_hangs(redis_url):
    """The failure the guard prevents, shown on the same redis-py: so the test above cannot
    pass for the wrong reason."""
    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    client.ping()
    thread = _held_by_another_thread(client, for_s=1.0)
    assert not _fork_and_ping(client, timeout_s=3.0)
    thread.join()
