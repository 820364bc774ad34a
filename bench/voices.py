"""Voices: offline real-time factor, and cached audio through the real WSGI server against a
raw Redis GET. (Google's voice, first audio and whole article against plain gTTS, is measured
through the real network path in bench/google_path.py.)

Everything is real: Redis (a private redis-server), libespeak-ng, lameenc, gunicorn, wrk.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_CHARS = 3000


def _article():
    """A 3,000-character article: the seed page, topped up from a sample article."""
    from scraper.article import Article
    from tests.voices.conftest import seed_article
    seed = seed_article()
    extra = json.loads((ROOT / "samples/articles/2024-08-01_luat-dat-dai.json").read_text())
    paragraphs = list(seed.paragraphs)
    text_len = len(" ".join([seed.title, seed.lead, *paragraphs, *seed.captions]))
    for paragraph in extra["body"]:
        if text_len >= ARTICLE_CHARS:
            break
        if not isinstance(paragraph, str):
            continue  # images, tables
        if len(paragraph) > ARTICLE_CHARS - text_len:  # cut at a word, end as a sentence
            paragraph = paragraph[:ARTICLE_CHARS - text_len].rsplit(" ", 1)[0] + "."
        paragraphs.append(paragraph)
        text_len += len(paragraph) + 1
    return Article(url=seed.url, title=seed.title, lead=seed.lead, paragraphs=paragraphs,
                   captions=seed.captions, published=seed.published), text_len


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_offline_rtf() -> dict:
    from reader import mp3
    from reader.engines import OfflineEngine
    from reader.engines.offline import encode_mp3, synthesize_pcm
    from reader.narrate import plan_segments
    from reader.normalize import normalize

    article, _ = _article()
    engine = OfflineEngine("vi", 165)
    plans = plan_segments(article, max_chars=engine.max_chars, normalize=normalize)
    engine.synthesize("Xin chào.")  # load the library outside the measurement
    synth_s = encode_s = 0.0
    audio_ms = 0
    wall_started, cpu_started = time.perf_counter(), time.process_time()
    for plan in plans:
        t0 = time.process_time()
        pcm, rate = synthesize_pcm(plan.spoken, engine.voice, engine.rate_wpm)
        t1 = time.process_time()
        data = encode_mp3(pcm, rate)
        t2 = time.process_time()
        synth_s += t1 - t0
        encode_s += t2 - t1
        audio_ms += mp3.duration_ms(data)
    wall_s = time.perf_counter() - wall_started
    cpu_s = time.process_time() - cpu_started
    audio_s = audio_ms / 1000
    # The machine is shared: CPU time is what the voice costs, wall time what it took here.
    return {"offline_audio_s": round(audio_s, 1), "offline_segments": len(plans),
            "offline_rtf_cpu": round(cpu_s / audio_s, 4),
            "offline_rtf_wall": round(wall_s / audio_s, 4),
            "offline_rtf_cpu_synthesis": round(synth_s / audio_s, 4),
            "offline_rtf_cpu_mp3_encoding": round(encode_s / audio_s, 4)}


def _wrk(url: str, seconds: int = 5, connections: int = 8) -> dict:
    if not shutil.which("wrk"):
        return {"wrk": "not installed"}
    threads = min(2, connections)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, timeout=seconds + 30).stdout
    figures = {}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            figures["requests_per_s"] = float(parts[1])
        elif len(parts) == 2 and parts[0] in ("50%", "99%"):
            figures[f"p{parts[0][:-1]}_ms"] = _ms(parts[1])
    return figures


def _ms(value: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(unit):
            return round(float(value[:-len(unit)]) * factor, 3)
    return float(value)


def bench_cached_audio(redis_url: str, instance: Path) -> dict:
    import redis

    from cache.audio import AudioStore
    from cache.keys import Keys
    from cache.redis_server import find_free_port
    from reader.engines import OfflineEngine

    client = redis.Redis.from_url(redis_url)
    keys = Keys("docnd:")
    audio = OfflineEngine().synthesize(
        "Sở Tài nguyên và Môi trường chủ trì phối hợp với các sở, ngành liên quan kiểm tra "
        "công tác thực hiện chương trình mục tiêu quốc gia.")
    key = "ab" * 20
    AudioStore(client, keys).put(key, audio)
    port = find_free_port()
    env = dict(os.environ, DOCND_REDIS_URL=redis_url, DOCND_INSTANCE_PATH=str(instance),
               DOCND_TTS_ENGINE="offline", DOCND_SITE_URL="http://127.0.0.1:9/",
               DOCND_SECRET_KEY="bench")
    gunicorn = Path(sys.executable).parent / "gunicorn"
    proc = subprocess.Popen([str(gunicorn), "--workers", "2", "--worker-class", "gthread",
                             "--threads", "8", "--bind", f"127.0.0.1:{port}", "--log-level",
                             "warning", "app:create_app()"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/audio/{key}.mp3"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url, timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        response = requests.get(url, timeout=5)
        assert response.status_code == 200 and response.content == audio
        one = _wrk(url, connections=1)
        wrk = _wrk(url)
    finally:
        proc.terminate()
        proc.wait(10)
    raw = []
    redis_key = keys.audio(key)
    for _ in range(5000):
        t0 = time.perf_counter()
        client.get(redis_key)
        raw.append((time.perf_counter() - t0) * 1000)
    return {
        "audio_bytes": len(audio),
        **{f"wsgi_one_client_{k}": v for k, v in one.items()},
        **{f"wsgi_8_clients_{k}": v for k, v in wrk.items()},
        "redis_get_p50_ms": round(_percentile(raw, 0.5), 3),
        "redis_get_p99_ms": round(_percentile(raw, 0.99), 3),
        "redis_get_per_s": round(1000 / statistics.mean(raw), 1),
    }


def run() -> dict:
    from cache.redis_server import EmbeddedRedis
    with tempfile.TemporaryDirectory() as tmp:
        server = EmbeddedRedis(Path(tmp) / "redis", maxmemory="256mb").start()
        try:
            figures = {}
            figures.update(bench_offline_rtf())
            figures.update(bench_cached_audio(server.url, Path(tmp) / "instance"))
            figures["load_average_1min"] = round(os.getloadavg()[0], 2)
            figures["cpus"] = os.cpu_count()
        finally:
            server.stop()
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
