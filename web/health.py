"""GET /healthz: what works right now (Redis, voices, the source site), as JSON."""
from __future__ import annotations

import time

import requests
from flask import Blueprint, current_app, jsonify

from cache.client import redis_ok
from services.container import services_of
from services.job_queue import live_worker_count

bp = Blueprint("health", __name__)

SITE_CHECK_TTL_S = 60.0


def site_reachable(url: str, timeout_s: float, session: requests.Session | None = None,
                   cache: dict[str, tuple[float, bool]] | None = None) -> bool:
    """Does this site answer? Remembered (in `cache`) for a minute so /healthz stays cheap."""
    cache = {} if cache is None else cache
    now = time.monotonic()
    cached = cache.get(url)
    if cached and now - cached[0] < SITE_CHECK_TTL_S:
        return cached[1]
    http = session or requests
    try:
        response = http.get(url, timeout=(timeout_s, timeout_s), stream=True,
                            allow_redirects=False)
        ok = response.status_code < 500
        response.close()
    except requests.RequestException:
        ok = False
    cache[url] = (now, ok)
    return ok


def degraded_parts(redis_up: bool, site_up: bool, voices: dict[str, bool],
                   engine: str, workers: int | None = None) -> list[str]:
    """What does not work right now, by name: redis, site, gtts when the production
    voice is configured (auto, gtts) but unusable, so the offline voice reads instead, and
    workers when one is expected (`workers` not None) and none is alive."""
    parts = [] if redis_up else ["redis"]
    if not site_up:
        parts.append("site")
    if engine in ("auto", "gtts") and not voices.get("gtts", False):
        parts.append("gtts")
    if engine == "offline" and not voices.get("offline", False):
        parts.append("offline")
    if workers == 0:
        parts.append("workers")
    return parts


@bp.get("/healthz")
def healthz():
    config = current_app.config
    services = services_of(current_app)
    cache = services.memo.setdefault("health", {})
    redis_up = redis_ok(services.redis)
    voices = {name: bool(engine.available()) for name, engine in services.engines.items()}
    if voices.get("gtts"):
        # The breaker only knows about calls already made; ask Google itself (once a minute)
        # so "usable" means usable. Any answer counts: the endpoint is a POST.
        google = f"https://translate.google.{config['GTTS_TLD']}/"
        voices["gtts"] = site_reachable(google, config["GTTS_PROBE_TIMEOUT_S"], cache=cache)
    site = {"url": config["SITE_URL"],
            "reachable": site_reachable(config["SITE_URL"], config["HEALTH_SITE_TIMEOUT_S"],
                                        services.http, cache)}
    workers = live_worker_count(services.queues) if redis_up else None
    degraded = degraded_parts(redis_up, site["reachable"], voices, config["TTS_ENGINE"],
                              workers if config["WORKER_EXPECTED"] else None)
    body = {
        # Still 200 unless Redis is down: a load balancer keeps a node that can serve
        # prepared audio while the source site or Google is away.
        "status": "degraded" if degraded else "ok",
        "degraded": degraded,
        "version": config["VERSION"],
        "redis": redis_up,
        "tts_engine": config["TTS_ENGINE"],
        "voices": voices,
        "site": site,
        "workers": workers,  # live RQ workers on the app's queues; null while Redis is down
    }
    if redis_up:
        return jsonify(body), 200
    # The runner restarts a private Redis within seconds: ask to come back soon.
    return jsonify(body), 503, {"Retry-After": "10"}
