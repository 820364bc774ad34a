"""GET /healthz: what works right now (Redis, voices, the source site), as JSON."""
from __future__ import annotations

import time

import requests
from flask import Blueprint, current_app, jsonify

from cache.client import redis_ok

bp = Blueprint("health", __name__)

_site_check: dict[str, tuple[float, bool]] = {}
SITE_CHECK_TTL_S = 60.0


def site_reachable(url: str, timeout_s: float, session: requests.Session | None = None) -> bool:
    """Does the source site answer? Remembered for a minute so /healthz stays cheap."""
    now = time.monotonic()
    cached = _site_check.get(url)
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
    _site_check[url] = (now, ok)
    return ok


@bp.get("/healthz")
def healthz():
    config = current_app.config
    redis_up = redis_ok(current_app.extensions["redis"])
    voices = {name: bool(engine.available())
              for name, engine in current_app.extensions.get("engines", {}).items()}
    site = {"url": config["SITE_URL"],
            "reachable": site_reachable(config["SITE_URL"], config["HEALTH_SITE_TIMEOUT_S"],
                                        current_app.extensions.get("http"))}
    body = {
        "status": "ok" if redis_up else "degraded",
        "version": config["VERSION"],
        "redis": redis_up,
        "tts_engine": config["TTS_ENGINE"],
        "voices": voices,
        "site": site,
    }
    return jsonify(body), (200 if redis_up else 503)
