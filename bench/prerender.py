"""Pre-render the whole bundled sample site with the offline voice on 1 worker, then on 2:
articles per minute and the speed-up. `python -m bench prerender`.

Each run starts from an empty Redis (a private redis-server), queues every article of the
sample listing, starts N `python -m services.worker --burst` processes and times until the
last job ends. The machine's other load counts too: run it on a quiet machine.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKER_TIMEOUT_S = 900


def _env(redis_url: str, site_url: str, instance: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DOCND_REDIS_URL": redis_url, "DOCND_TTS_ENGINE": "offline", "DOCND_SITE_URL": site_url,
        "DOCND_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "DOCND_INSTANCE_PATH": str(instance),
        "DOCND_SECRET_KEY": "bench", "DOCND_CRAWL_INTERVAL_S": "0",
        "DOCND_FETCH_MIN_INTERVAL_S": "0", "DOCND_PRERENDER_RETRY_INTERVALS_S": "0,0,0",
    })
    return env


def _run(workers: int, redis_url: str, site_url: str, instance: Path) -> dict:
    import redis

    from app import create_app
    from services import job_queue as jobs
    from services.container import services_of
    from services.prerender import crawl_site

    redis.Redis.from_url(redis_url).flushdb()
    env = _env(redis_url, site_url, instance)
    os.environ.update({k: v for k, v in env.items() if k.startswith("DOCND_")})
    app = create_app()
    services = services_of(app)
    crawled = crawl_site(services, site_url)
    ids = [j["id"] for j in crawled["jobs"]]
    cpu_before = _children_cpu_s()
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "services.worker", "--burst", "prerender"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for _ in range(workers)]
    for proc in procs:
        proc.wait(timeout=WORKER_TIMEOUT_S)
    elapsed_s = time.perf_counter() - started
    cpu_s = _children_cpu_s() - cpu_before  # the workers and their work horses
    loaded = [jobs.load_job(services.redis, i) for i in ids]
    states = [jobs.describe_job(job) for job in loaded]
    starts = [j.started_at for j in loaded if j.started_at]
    ends = [j.ended_at for j in loaded if j.ended_at]
    # From the first job taken to the last one ended: without the workers' start-up.
    busy_s = (max(ends) - min(starts)).total_seconds() if starts and ends else elapsed_s
    rendered = sum(1 for s in states if (s["result"] or {}).get("status") == "rendered")
    failed = sum(1 for s in states if s["status"] != "finished")
    audio_s = sum(r.duration_ms for r in services.jobs.latest_records(len(ids) + 10)) / 1000
    return {"workers": workers, "articles": len(ids), "rendered": rendered, "failed": failed,
            "seconds": round(elapsed_s, 2), "busy_seconds": round(busy_s, 2),
            "articles_per_minute": round(rendered / elapsed_s * 60, 1) if elapsed_s else 0.0,
            "articles_per_minute_busy": round(rendered / busy_s * 60, 1) if busy_s else 0.0,
            "audio_minutes": round(audio_s / 60, 1),
            "worker_cpu_seconds": round(cpu_s, 1),
            "cpu_seconds_per_article": round(cpu_s / max(1, rendered), 2),
            "cores_used": round(cpu_s / elapsed_s, 2) if elapsed_s else 0.0}


def _children_cpu_s() -> float:
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run() -> dict:
    from cache.redis_server import EmbeddedRedis, find_free_port
    from samples.serve import make_server

    port = find_free_port()
    site = make_server(port)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{port}/"
    saved_env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="docnd-bench-") as tmp:
        server = EmbeddedRedis(Path(tmp) / "redis", maxmemory="1gb").start()
        try:
            one = _run(1, server.url, site_url, Path(tmp))
            two = _run(2, server.url, site_url, Path(tmp))
        finally:
            server.stop()
            site.shutdown()
            os.environ.clear()
            os.environ.update(saved_env)
    speedup = (one["seconds"] / two["seconds"]) if two["seconds"] else 0.0
    busy = (one["busy_seconds"] / two["busy_seconds"]) if two["busy_seconds"] else 0.0
    return {"one_worker": one, "two_workers": two, "speedup": round(speedup, 2),
            "speedup_busy": round(busy, 2), "cpus": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 2)}
