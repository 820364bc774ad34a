"""Helpers for the end-to-end tests: a copy of the sample site we may edit, real worker
processes, and the app configured like they are."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


ROOT = Path(__file__).resolve().parents[2]
TOKEN = "editor-test-token-0123456789"


@contextmanager
def served_copy(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The bundled sample site copied under tmp_path and served there: (base URL, folder)."""
    from samples.serve import SITE_DIR
    from tests.support.servers import serve_sample_site

    site_dir = tmp_path / "site"
    shutil.copytree(SITE_DIR, site_dir)
    with serve_sample_site(site_dir) as url:
        yield url, site_dir


def settings(redis_url: str, site_url: str, instance: Path) -> dict[str, str]:
    """The environment the app and its workers share in these tests (as DOCND_ variables)."""
    return {
        "REDIS_URL": redis_url, "TTS_ENGINE": "offline", "SITE_URL": site_url,
        "ALLOW_PRIVATE_HOSTS": "127.0.0.1", "INSTANCE_PATH": str(instance),
        "SECRET_KEY": "test-secret", "EDITOR_TOKEN": TOKEN, "CRAWL_INTERVAL_S": "0",
        "FETCH_MIN_INTERVAL_S": "0", "PRERENDER_RETRY_INTERVALS_S": "0,0,0",
        "WORKER_HEARTBEAT_S": "1", "WORKER_GRACE_S": "3",
    }


def app_config(env: dict[str, str]) -> dict:
    from config import load_config
    config = load_config({f"DOCND_{k}": v for k, v in env.items()})
    config["TESTING"] = True
    return config


def worker_env(env: dict[str, str]) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("DOCND_")}
    out.update({f"DOCND_{k}": v for k, v in env.items()})
    return out


def start_worker(env: dict[str, str], *args: str) -> subprocess.Popen:
    """`python -m services.worker` in its own session, so a group kill reaches it and nothing
    of pytest. (RQ puts each work horse in a process group of its own, so the group kill
    reaches the worker; tests that kill mid-job check what is left.)"""
    return subprocess.Popen([sys.executable, "-m", "services.worker", *args], cwd=ROOT,
                            env=worker_env(env), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def run_burst(env: dict[str, str], timeout_s: float = 300) -> str:
    """One worker that stops when the queues are empty; returns its log."""
    proc = start_worker(env, "--burst")
    try:
        out, _ = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise
    assert proc.returncode == 0, out.decode(errors="replace")[-3000:]
    return out.decode(errors="replace")


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def wait_for(predicate, timeout_s: float = 60, interval_s: float = 0.05):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval_s)
    raise AssertionError(f"timed out after {timeout_s} s")


def article_paths(site_dir: Path) -> list[Path]:
    return sorted(p for p in (site_dir / "tin-tuc").glob("*.html")
                  if not re.match(r"trang-\d+\.html$", p.name))


def edit_first_paragraph(page: Path, extra: str) -> None:
    """Change what is read aloud in one article: append a sentence to its first paragraph."""
    html = page.read_text(encoding="utf-8")
    start = html.index('class="news-content"')
    close = html.index("</p>", start)
    page.write_text(html[:close] + " " + extra + html[close:], encoding="utf-8")
    # A later mtime too, so conditional requests see the change.
    future = time.time() + 5
    os.utime(page, (future, future))
