"""`make run` keeps its children alive: Redis, the sample site and the worker come back after
SIGKILL; the web dying ends the run with a non-zero status (so systemd restarts it);
settings the operator gave are extended, not replaced; the systemd unit is valid."""
import os
import shutil
import signal
import subprocess
import sys
import time

import psutil
import pytest
import requests

from cache.redis_server import find_free_port
from procutil import Backoff, Child
from runner import private_hosts_with
from tests.foundation.test_make_run import ROOT, _alive, _start, _wait_health


def _until(predicate, timeout_s=45.0, what="condition"):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _child(runner_pid, marker):
    """The runner's direct child whose command line holds `marker`, or None."""
    for proc in psutil.Process(runner_pid).children():
        try:
            if marker in " ".join(proc.cmdline()) and proc.status() != psutil.STATUS_ZOMBIE:
                return proc
        except psutil.NoSuchProcess:
            pass
    return None


def _health(port):
    try:
        return requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
    except requests.RequestException:
        return None


def test_backoff_doubles_to_a_bound_and_resets_after_a_stable_run():
    backoff = Backoff(first_s=0.5, max_s=30.0, stable_s=60.0)
    delays = [backoff.delay_after(ran_s=1.0) for _ in range(9)]
    assert delays == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]
    assert backoff.delay_after(ran_s=120.0) == 0.5  # it ran long enough: not a crash loop


def test_child_is_restarted_after_the_backoff_and_a_critical_one_is_reported():
    now = [100.0]
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    child = Child("sleeper", lambda: subprocess.Popen(sleeper), clock=lambda: now[0])
    critical = Child("web", lambda: subprocess.Popen(sleeper), restart=False,
                     clock=lambda: now[0])
    try:
        child.start()
        critical.start()
        first = child.proc.pid
        child.proc.kill()
        child.proc.wait()
        assert child.watch() is None and child.proc is None  # waits out the backoff
        now[0] += 0.5
        assert child.watch() is None
        assert child.proc is not None and child.proc.pid != first and child.restarts == 1
        critical.proc.kill()
        critical.proc.wait()
        assert critical.watch() == -signal.SIGKILL
    finally:
        child.stop()
        critical.stop()


def test_operator_private_hosts_are_extended_not_replaced():
    assert private_hosts_with(["127.0.0.1"], "127.0.0.1:8001") == "127.0.0.1,127.0.0.1:8001"
    assert private_hosts_with([], "127.0.0.1:8001") == "127.0.0.1:8001"
    assert private_hosts_with(["127.0.0.1:8001"], "127.0.0.1:8001") == "127.0.0.1:8001"


def test_children_come_back_after_sigkill_and_the_web_dying_is_a_failure(tmp_path):
    port, sample_port = find_free_port(), find_free_port()
    proc = _start(tmp_path, port, sample_port,
                  extra={"DOCND_ALLOW_PRIVATE_HOSTS": "127.0.0.1:9"})
    try:
        assert _wait_health(port).status_code == 200
        web = _child(proc.pid, "gunicorn")
        # The operator's own entry is kept next to the sample's address.
        allowed = web.environ()["DOCND_ALLOW_PRIVATE_HOSTS"].split(",")
        assert "127.0.0.1:9" in allowed and f"127.0.0.1:{sample_port}" in allowed

        answers = []

        def web_answers_meanwhile(marker, before):
            # While a child is away the web keeps answering: 200, or 503 with Retry-After
            # (Redis down), never a refused connection or a 500.
            response = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
            answers.append((response.status_code, response.headers.get("Retry-After")))
            child = _child(proc.pid, marker)
            return child if child is not None and child.pid != before.pid else None

        for marker in ("samples.serve", "services.worker", "redis-server"):
            before = _child(proc.pid, marker)
            assert before is not None, marker
            before.send_signal(signal.SIGKILL)
            again = _until(lambda: web_answers_meanwhile(marker, before),
                           what=f"{marker} to come back")
            assert again.is_running()
            assert proc.poll() is None, "the runner stopped when a child died"
            assert _child(proc.pid, "gunicorn").pid == web.pid  # the web kept serving
        _until(lambda: (r := _health(port)) is not None and r.status_code == 200
               and r.json()["redis"], what="Redis to be back")
        assert all(code == 200 or (code == 503 and retry) for code, retry in answers), answers
        assert requests.get(f"http://127.0.0.1:{sample_port}/", timeout=5).status_code == 200

        everything = [p.pid for p in psutil.Process(proc.pid).children(recursive=True)]
        web.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) != 0  # systemd's Restart=on-failure starts it again
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    _until(lambda: not _alive(everything), timeout_s=30, what="every child to stop")


def test_sigterm_still_stops_with_status_zero(tmp_path):
    port, sample_port = find_free_port(), find_free_port()
    proc = _start(tmp_path, port, sample_port)
    try:
        _wait_health(port)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed (apt-get install systemd)")
def test_systemd_unit_verifies(tmp_path):
    unit = (ROOT / "deploy" / "docnd.service").read_text()
    assert "Restart=on-failure" in unit and "runner.py" in unit
    # The unit names /opt/docnd; verify it where this checkout is (it checks ExecStart exists).
    local = tmp_path / "docnd.service"
    local.write_text(unit.replace("/opt/docnd/.venv/bin/python", sys.executable)
                     .replace("/opt/docnd", str(ROOT)))
    done = subprocess.run(["systemd-analyze", "verify", str(local)], capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, SYSTEMD_LOG_LEVEL="warning"))
    assert done.returncode == 0, done.stderr
    assert "Unknown" not in done.stderr and "ignoring" not in done.stderr, done.stderr


def test_runner_refuses_a_short_editor_token_before_starting_anything(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCND_")}
    env.update(DOCND_PORT=str(find_free_port()), DOCND_INSTANCE_PATH=str(tmp_path / "instance"),
               DOCND_EDITOR_TOKEN="short-token")
    done = subprocess.run([sys.executable, "runner.py"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "DOCND_EDITOR_TOKEN quá ngắn" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "instance" / "redis.url").exists()
