"""The private Redis of `make run`: starts, keeps its data, stops, never orphans."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import psutil
import redis

from cache.redis_server import EmbeddedRedis


def _redis_pids_on(port: int) -> list[int]:
    found = []
    for proc in psutil.process_iter(["cmdline", "status"]):
        if proc.info["status"] == psutil.STATUS_ZOMBIE:
            continue
        cmd = " ".join(proc.info["cmdline"] or [])
        if "redis-server" in cmd and (f":{port}" in cmd or f"--port {port}" in cmd):
            found.append(proc.pid)
    return found


def test_start_persist_stop(tmp_path):
    server = EmbeddedRedis(tmp_path / "data").start()
    redis.Redis.from_url(server.url).set("kept", b"audio")
    port = server.port
    server.stop()
    assert not _redis_pids_on(port)
    again = EmbeddedRedis(tmp_path / "data", port=port).start()
    try:
        assert redis.Redis.from_url(again.url).get("kept") == b"audio"
    finally:
        again.stop()


def test_no_orphan_when_the_parent_is_killed(tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {os.getcwd()!r})
        from cache.redis_server import EmbeddedRedis
        s = EmbeddedRedis({str(tmp_path / 'k')!r}).start()
        print(s.port, flush=True)
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    port = int(parent.stdout.readline())
    assert _redis_pids_on(port)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while _redis_pids_on(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _redis_pids_on(port)


def test_a_port_taken_between_choosing_and_binding_is_chosen_again(tmp_path, monkeypatch):
    """Other test runs on the machine pick free ports too: the one we chose may be bound by
    someone else before redis-server binds it (it cannot bind port 0 and say which)."""
    import socket

    from cache import redis_server
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        choices = iter([taken.getsockname()[1], redis_server.find_free_port()])
        monkeypatch.setattr(redis_server, "find_free_port", lambda: next(choices))
        server = EmbeddedRedis(tmp_path / "data")
        assert server.port == taken.getsockname()[1]
        server.start()
        try:
            assert server.port != taken.getsockname()[1]
            assert redis.Redis.from_url(server.url).ping()
        finally:
            server.stop()
