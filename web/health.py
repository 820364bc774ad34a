"""GET /healthz: what works right now (Redis, voices, the source site), as JSON."""
from __future__ import annotations

import time

import requests
from flask import Blueprint, current_app, jsonify

from cache.client import redis_ok
from services.container import services_of

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
    body = {
        "status": "ok" if redis_up else "degraded",
        "version": config["VERSION"],
        "redis": redis_up,
        "tts_engine": config["TTS_ENGINE"],
        "voices": voices,
        "site": site,
    }
    return jsonify(body), (200 if redis_up else 503)
