"""Google's voice through the real network path: the app's gTTS engine → HTTPS_PROXY →
bench/gfake.py (a TLS stand-in for Google: 300 ms a round trip, two more for each new
connection, canned audio), against plain `gTTS(text, lang="vi").save()` on the same path.

Each measurement runs in a fresh process built by create_app(), as `make run`'s web
processes are: `start` asks for a narration the moment the app is built (its connections
still opening), `main` measures the first narration once the app has started (cold), the
next article (warm), the whole seed article and connections per burst; `plain` is plain gTTS
on the same path. Cold and warm run three times (medians reported, every run listed).
The in-process `responses` fake (tests/voices/fake_google.py) is for the tests.
"""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RTT_MS = 300
NEXT_ARTICLE = ROOT / "samples/articles/2025-06-10_thanh-tra-khoang-san.json"


RUNS = 3  # fresh processes measuring cold and warm: the machine is shared, take the median
VARYING = ("first_audio_at_start_s", "whole_article_at_start_s", "first_audio_cold_s",
           "whole_article_cold_s", "first_audio_warm_s", "whole_next_article_s")


def run() -> dict:
    runs = [_child("start") | _child("main") for _ in range(RUNS)]
    figures = dict(runs[-1])
    for key in VARYING:
        values = sorted(r[key] for r in runs)
        figures[key] = values[len(values) // 2]
        figures[f"{key}_all_runs"] = [r[key] for r in runs]
    for key in ("connections_at_start", "new_connections_first_burst",
                "new_connections_next_burst"):
        figures[f"{key}_max"] = max(r[key] for r in runs)
    figures.update(_child("plain"))
    figures["load_average_1min"] = round(os.getloadavg()[0], 2)
    return figures


def _child(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.google_path", mode], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"bench.google_path {mode}: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


class Gfake:
    """bench/gfake.py in its own process; `stats()` reads its counters so far."""

    def __init__(self, rtt_ms: float) -> None:
        from cache.redis_server import find_free_port
        self.port = find_free_port()
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "bench/gfake.py"), "--port", str(self.port),
             "--rtt-ms", str(rtt_ms), "--canned", "--quiet"],
            stdout=subprocess.PIPE, text=True)
        banner = self.proc.stdout.readline()
        if not banner.startswith("gfake on"):
            raise RuntimeError(f"gfake did not start: {banner!r}")
        self.url = f"http://127.0.0.1:{self.port}"

    def stats(self) -> dict[str, int]:
        self.proc.send_signal(signal.SIGUSR1)
        line = self.proc.stdout.readline().split()
        return {k: int(v) for k, v in (part.split("=") for part in line[1:])}

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _next_article():
    from scraper.article import Article
    data = json.loads(NEXT_ARTICLE.read_text(encoding="utf-8"))
    return Article(url=f"https://stnmt.langson.gov.vn/tin/{data['slug']}.html",
                   title=data["title"], lead=data.get("lead") or "",
                   paragraphs=[p for p in data["body"] if isinstance(p, str)],
                   published=data["published"])


def _text(article) -> str:
    return " ".join([article.title, article.lead, *article.paragraphs, *article.captions])


def _narrate(narrator, article) -> dict:
    """First audio (the request answers with a segment ready) and the whole article."""
    started = time.perf_counter()
    record = narrator.request(article)
    first_s = time.perf_counter() - started
    while narrator.records.get(record["id"]) is None:
        time.sleep(0.005)
    return {"first_audio_s": round(first_s, 3),
            "whole_article_s": round(time.perf_counter() - started, 3),
            "segments": record["total_segments"], "chars": len(_text(article))}


def _plain_gtts(text: str, folder: Path) -> dict:
    """gTTS(text, lang="vi").save(), timing its first bytes in the file as well."""
    from gtts import gTTS

    class Timed(io.FileIO):
        first_at: float | None = None

        def write(self, data):
            if self.first_at is None:
                self.first_at = time.perf_counter()
            return super().write(data)

    started = time.perf_counter()
    with Timed(folder / "plain.mp3", "w") as out:  # what save() does, with a clock
        gTTS(text, lang="vi").write_to_fp(out)
    return {"first_audio_s": round(out.first_at - started, 3),
            "whole_article_s": round(time.perf_counter() - started, 3)}


def _delta(after: dict, before: dict) -> dict:
    return {"connections": after["connections"] - before["connections"],
            "requests": after["requests"] - before["requests"]}


def measure(mode: str) -> dict:
    from cache.redis_server import EmbeddedRedis
    from tests.voices.conftest import seed_article

    gfake = Gfake(RTT_MS)
    os.environ.update(HTTPS_PROXY=gfake.url, NO_PROXY="127.0.0.1,localhost")
    os.environ.pop("https_proxy", None)
    with tempfile.TemporaryDirectory() as tmp:
        redis_server = EmbeddedRedis(Path(tmp) / "redis", maxmemory="256mb").start()
        try:
            from app import create_app
            from services.container import services_of
            app = create_app({"REDIS_URL": redis_server.url, "INSTANCE_PATH": tmp,
                              # plain gTTS alone: no engine of ours opening connections
                              "TTS_ENGINE": "offline" if mode == "plain" else "gtts",
                              "SECRET_KEY": "bench",
                              "SITE_URL": "http://127.0.0.1:9/"})
            built = time.perf_counter()
            services = services_of(app)
            narrator, gtts = services.narrator, services.engines["gtts"]
            seed = seed_article()
            if mode == "plain":
                plain = _plain_gtts(_text(seed), Path(tmp))
                calls = gfake.stats()
                return {"plain_gtts_first_audio_s": plain["first_audio_s"],
                        "plain_gtts_whole_article_s": plain["whole_article_s"],
                        "plain_gtts_requests": calls["requests"],
                        "plain_gtts_connections": calls["connections"]}
            if mode == "start":  # a listener already waiting as the process comes up
                at_start = _narrate(narrator, seed)
                after = gfake.stats()
                return {"first_audio_at_start_s": at_start["first_audio_s"],
                        "whole_article_at_start_s": at_start["whole_article_s"],
                        "connections_at_start": after["connections"],
                        "requests_at_start": after["requests"]}
            gtts.warm(wait=True)  # the warm-up create_app started: until it is done
            warm_up_s = time.perf_counter() - built
            s0 = gfake.stats()
            cold = _narrate(narrator, seed)
            s1 = gfake.stats()
            warm = _narrate(narrator, _next_article())
            s2 = gfake.stats()
        finally:
            redis_server.stop()
            gfake.stop()
    pool_size = app.config["GTTS_POOL_SIZE"]
    burst1, burst2 = _delta(s1, s0), _delta(s2, s1)
    return {
        "rtt_ms": RTT_MS, "handshake_rtts": 2, "gtts_pool_size": pool_size,
        "connections_opened_at_start": s0["connections"],
        "warm_up_wait_after_create_app_s": round(warm_up_s, 3),
        "article_chars": cold["chars"], "article_segments": cold["segments"],
        "first_audio_cold_s": cold["first_audio_s"],
        "whole_article_cold_s": cold["whole_article_s"],
        "next_article_chars": warm["chars"],
        "first_audio_warm_s": warm["first_audio_s"],
        "whole_next_article_s": warm["whole_article_s"],
        "requests_first_burst": burst1["requests"],
        "new_connections_first_burst": burst1["connections"],
        "requests_next_burst": burst2["requests"],
        "new_connections_next_burst": burst2["connections"],
        "connections_per_request": round((s2["connections"]) / max(1, s2["requests"]), 3),
        "max_parallel_at_google": s2["max_parallel"],
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else "main")))
