"""The render budget: per-client rate limits on what can start expensive work.

Rendering a new narration costs engine time (and Google's patience); fetching and PDF
export cost less but still reach out or burn CPU. Cached audio and pages are never counted.
Limits live in Redis (flask-limiter's storage), shared by every web process. If Redis is
down, limits fail open: the storage error is answered elsewhere (503), not as a 429.
"""
from __future__ import annotations

import math
import time
from typing import Callable

from flask import Flask, request
from flask_limiter import Limiter
from limits import parse_many

from errors import ServiceError


class RenderRateLimitedError(ServiceError):
    status = 429
    code = "rate_limited"
    message_vi = ("Bạn đã yêu cầu tạo âm thanh cho quá nhiều bài trong thời gian ngắn. "
                  "Xin vui lòng thử lại sau ít phút. Các bài đã có âm thanh vẫn nghe được bình thường.")
    message_en = ("Too many new articles were sent for reading in a short time. Please try again "
                  "in a few minutes. Articles that already have audio still play.")


def client_key() -> str:
    """The client's address (ProxyFix makes it the real one behind a configured proxy)."""
    return request.remote_addr or "unknown"


def _retry_after_only_when_refused(response):
    """Flask-Limiter's headers put Retry-After on every answer. On a 3xx it asks the client
    to wait that long before following the redirect (RFC 9110, 10.2.3): /listen's 303 to the
    MP3 said "wait 60 s"; on a success it means nothing. Refusals (429, 503, …) keep it."""
    if 200 <= response.status_code < 400:
        response.headers.pop("Retry-After", None)
    return response


def build_limiter(app: Flask) -> Limiter:
    # Registered before the limiter's own after_request, so it runs after it (Flask runs
    # them in reverse order) and sees the headers the limiter added.
    app.after_request(_retry_after_only_when_refused)
    limiter = Limiter(
        client_key,
        app=app,
        storage_uri=app.config["REDIS_URL"],
        storage_options={"socket_timeout": 2, "socket_connect_timeout": 2},
        strategy="moving-window",
        key_prefix=app.config["KEY_PREFIX"] + "limits",
        headers_enabled=True,
        swallow_errors=True,
        enabled=app.config["RATE_LIMITS_ENABLED"],
    )
    return limiter


def render_admission(limiter: Limiter, limit: str) -> Callable[[], None]:
    """A callable the narration service invokes just before it starts a NEW render:
    it counts one render against the client and refuses past the limit."""
    items = parse_many(limit)

    def admit() -> None:
        if not limiter.enabled:
            return
        key = client_key()
        try:
            for item in items:
                if not limiter.limiter.hit(item, "render", key):
                    stats = limiter.limiter.get_window_stats(item, "render", key)
                    wait_s = max(1, math.ceil(stats.reset_time - time.time()))
                    raise RenderRateLimitedError(f"{key} over {item}", retry_after_s=wait_s)
        except RenderRateLimitedError:
            raise
        except Exception:  # storage down: fail open, Redis errors are reported elsewhere
            return

    return admit


class FailureBudget:
    """Failed attempts per client (wrong editor tokens): past `limit`, the client waits.
    Only failures count: right tokens are never counted (but wait too once the limit is hit)."""

    def __init__(self, limiter: Limiter, limit: str, scope: str) -> None:
        self.limiter, self.items, self.scope = limiter, parse_many(limit), scope

    def wait_s(self) -> int:
        """0 when this client may try again, else the seconds until it may."""
        if not self.limiter.enabled:
            return 0
        key = client_key()
        try:
            for item in self.items:
                if not self.limiter.limiter.test(item, self.scope, key):
                    stats = self.limiter.limiter.get_window_stats(item, self.scope, key)
                    return max(1, math.ceil(stats.reset_time - time.time()))
        except Exception:  # storage down: fail open, Redis errors are reported elsewhere
            return 0
        return 0

    def record_failure(self) -> None:
        if not self.limiter.enabled:
            return
        try:
            for item in self.items:
                self.limiter.limiter.hit(item, self.scope, client_key())
        except Exception:  # storage down: fail open
            return


def apply_route_limits(app: Flask, limiter: Limiter, table: dict[str, str]) -> None:
    """Limits on endpoints by name (data, not decorators scattered through views)."""
    for endpoint, limit in table.items():
        view = app.view_functions.get(endpoint)
        if view is not None:  # the limiter checks inside its wrapper, so swap the view in
            app.view_functions[endpoint] = limiter.limit(limit)(view)
