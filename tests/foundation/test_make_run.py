"""`make run`'s supervisor end to end: serves /healthz on embedded defaults, stops everything
on SIGTERM (no Redis, worker or sample-site process left), and keeps data across runs."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import redis
import requests

from cache.redis_server import find_free_port

ROOT = Path(__file__).resolve().parents[2]


def _start(tmp_path, port, sample_port, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCND_")
           and k not in {"REDIS_URL", "SITE_URL", "TTS_ENGINE", "PORT"}}
    env.update(DOCND_PORT=str(port), DOCND_SAMPLE_PORT=str(sample_port),
               DOCND_INSTANCE_PATH=str(tmp_path / "instance"),
               DOCND_SITE_URL="http://127.0.0.1:9/", DOCND_TTS_ENGINE="offline",
               WEB_CONCURRENCY="1")
    env.update(extra or {})
    return subprocess.Popen([sys.executable, "runner.py"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_health(port, timeout_s=60):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            response = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return response
        except requests.RequestException:
            time.sleep(0.3)
    raise AssertionError("make run did not serve /healthz")


def _descendants(pid):
    return [p.pid for p in psutil.Process(pid).children(recursive=True)]


def _alive(pids):
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def test_run_serves_stops_cleanly_and_keeps_data(tmp_path):
    port, sample_port = find_free_port(), find_free_port()
    proc = _start(tmp_path, port, sample_port)
    try:
        response = _wait_health(port)
        assert response.status_code == 200 and response.json()["redis"] is True
        # The bundled sample stands in for the unreachable department site.
        assert requests.get(f"http://127.0.0.1:{sample_port}/", timeout=5).status_code == 200
        children = _descendants(proc.pid)
        names = " ".join(" ".join(psutil.Process(c).cmdline()) for c in children)
        assert "redis-server" in names and "gunicorn" in names and "services.worker" in names
        # Pre-rendering yields the CPU to listeners: the worker runs at a lower priority.
        nice = {" ".join(psutil.Process(c).cmdline()): psutil.Process(c).nice() for c in children}
        web = [n for cmd, n in nice.items() if "gunicorn" in cmd]
        worker = [n for cmd, n in nice.items() if "services.worker" in cmd]
        assert worker and min(worker) >= max(web) + 10
        redis_url = (tmp_path / "instance" / "redis.url").read_text()
        redis.Redis.from_url(redis_url).set("docnd:test:kept", b"1")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    deadline = time.monotonic() + 10
    while _alive(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(children), "processes left behind after SIGTERM"

    proc = _start(tmp_path, port, sample_port)
    try:
        _wait_health(port)
        redis_url = (tmp_path / "instance" / "redis.url").read_text()
        assert redis.Redis.from_url(redis_url).get("docnd:test:kept") == b"1"
        children = _descendants(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)  # even a hard kill leaves nothing behind
        proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while _alive(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(children), "processes left behind after SIGKILL"


def test_run_refuses_a_port_already_in_use(tmp_path):
    """Gunicorn listens with SO_REUSEPORT; without this check a second `make run` on the
    same port would silently share it with the first."""
    import socket
    port = find_free_port()
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        taken.bind(("127.0.0.1", port))
        taken.listen()
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOCND_")}
        env.update(DOCND_PORT=str(port), DOCND_INSTANCE_PATH=str(tmp_path / "instance"))
        done = subprocess.run([sys.executable, "runner.py"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Cổng" in done.stderr and f"{port}" in done.stderr and "already in use" in done.stderr
    assert not (tmp_path / "instance" / "redis.url").exists()  # nothing was started
