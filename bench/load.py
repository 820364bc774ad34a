"""Load on loopback with wrk, as `make run` serves it (gunicorn, private Redis, sample site):
cached whole-article audio and the reader page, 64 connections for 30 s each.
Figures: requests per second, p50, p99, errors; a chart goes to docs/bench/load.png.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from cache.redis_server import find_free_port

ROOT = Path(__file__).resolve().parents[1]
CHART = ROOT / "docs" / "bench" / "load.png"
CONNECTIONS = 64
DURATION_S = 30
P99_TARGET_MS = 100
ARTICLE = "tin-tuc/ra-quan-huong-ung-chien-dich-lam-cho-the-gioi-sach-hon-nam-2023.html"


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, connections: int = CONNECTIONS, duration_s: int = DURATION_S) -> dict:
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration_s}s",
                          "--timeout", "5s", "--latency", url],
                         capture_output=True, text=True, timeout=duration_s + 60).stdout
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, flags=re.M))
    errors = 0
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(x) for x in socket_errors.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": round(_ms(latency["50"]), 2),
        "p99_ms": round(_ms(latency["99"]), 2),
        "errors": errors,
        "connections": connections,
        "duration_s": duration_s,
    }


def _wait(url: str, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def _chart(results: dict[str, dict]) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.bar(names, [results[n]["requests_per_s"] for n in names], color=["#0b4f9c", "#b35900"])
    left.set_title(f"Requests per second ({CONNECTIONS} connections, {DURATION_S} s)")
    x = range(len(names))
    right.bar([i - 0.2 for i in x], [results[n]["p50_ms"] for n in names], 0.4, label="p50")
    right.bar([i + 0.2 for i in x], [results[n]["p99_ms"] for n in names], 0.4, label="p99")
    right.axhline(P99_TARGET_MS, color="#333333", linestyle="--", linewidth=1)
    right.annotate(f"p99 target for cached audio: {P99_TARGET_MS} ms", (-0.4, P99_TARGET_MS),
                   xytext=(0, 4), textcoords="offset points", fontsize=8)
    right.set_xticks(list(x), names)
    right.set_title("Latency (ms)")
    right.legend()
    fig.tight_layout()
    CHART.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(CHART, dpi=100)


def run() -> dict:
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    port, sample_port = find_free_port(), find_free_port()
    instance = tempfile.mkdtemp(prefix="docnd-load-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCND_")}
    env.update(DOCND_PORT=str(port), DOCND_SAMPLE_PORT=str(sample_port),
               DOCND_INSTANCE_PATH=instance, DOCND_SITE_URL="http://127.0.0.1:9/",
               DOCND_TTS_ENGINE="offline", DOCND_RATE_LIMITS_ENABLED="false")
    proc = subprocess.Popen([sys.executable, "runner.py"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    article = f"http://127.0.0.1:{sample_port}/{ARTICLE}"
    try:
        _wait(base + "/healthz")
        deadline = time.monotonic() + 120
        while True:
            record = requests.get(base + "/api/v1/narration", params={"url": article},
                                  timeout=60).json()
            if record.get("status") == "ready":
                break
            if time.monotonic() > deadline:
                raise RuntimeError("narration did not finish")
            time.sleep(0.5)
        audio_url = base + record["audio_url"]
        reader_url = requests.Request("GET", base + "/read", params={"url": article}).prepare().url
        _wait(reader_url)
        results = {"cached audio": run_wrk(audio_url), "reader page": run_wrk(reader_url)}
        results["cached audio"]["bytes"] = len(requests.get(audio_url, timeout=10).content)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
        shutil.rmtree(instance, ignore_errors=True)
    _chart(results)
    return {"chart": str(CHART.relative_to(ROOT)), **results}
