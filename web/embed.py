"""The embeddable player: `GET /embed.js`, its config API, the iframe variant, and CORS.

- `GET /embed.js`: the widget (static/embed/embed.js with the shared modules it imports
  written in by web/scripts.py: one classic script), cacheable, no dependencies.
- `GET /api/v1/embed/config?url=`: may this page embed us, for this article? Answers the
  selectors the widget needs on the host page; 403 (origin) or 422 (URL) with a reason.
- `GET /embed/player?url=`: the same player in a page of ours, for sites that forbid
  third-party scripts; `frame-ancestors` limits it to EMBED_ORIGINS.
- Every /api/ and /audio/ response gets `Access-Control-Allow-Origin` only when the
  request's Origin is on EMBED_ORIGINS (an app-wide after_request registered here, so the
  other blueprints need not know about embedding); `?download=1` on an audio URL turns its
  Content-Disposition into an attachment for the widget's download link.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from errors import ServiceError
from scraper.errors import SourceUnreachableError
from scraper.policy import check_target
from scraper.profiles import load_profiles
from services.embed_policy import (allowed_origins, article_hosts, check_article_url,
                                   check_origin, normalize_origin, origin_allowed)
from services.container import services_of
from services.embed_profiles import page_selectors
from web.scripts import assemble
from web.security import CSP as HOUSE_CSP

bp = Blueprint("embed", __name__)

EMBED_JS = Path(__file__).resolve().parent.parent / "static" / "embed" / "embed.js"
# The script URL never changes (it is pasted into the department's template), so browsers
# revalidate it hourly by ETag rather than keeping a stale copy for long.
EMBED_JS_MAX_AGE_S = 3600
CONFIG_MAX_AGE_S = 300
CORS_PATH_PREFIXES = ("/api/", "/audio/")
CONFIG_PATH = "/api/v1/embed/config"
SELECTORS_MARK = "/*docnd:selectors*/[]"


def _origins() -> frozenset[str]:
    return allowed_origins(current_app.config["EMBED_ORIGINS"])


def _own_origin() -> str:
    return request.host_url


def _checked_url(raw: str | None) -> str:
    config = current_app.config
    url = check_article_url(raw, article_hosts(config["SITE_URL"], config["ALLOWED_HOSTS"]))
    # The scraper's own rules too (private addresses, odd IP spellings): one policy, so the
    # widget refuses at once what the narration would refuse later.
    try:
        check_target(url, services_of(current_app).fetcher.policy)
    except SourceUnreachableError:
        pass  # a DNS hiccup is the narration's to report, not a refusal
    return url


def build_embed_js(selectors: list[dict]) -> bytes:
    """The widget source with the site profiles' selectors written in, so the widget can
    place itself after the article title in its first frame, before any request."""
    source = assemble(EMBED_JS)
    if SELECTORS_MARK not in source:
        raise RuntimeError(f"{EMBED_JS} lost its {SELECTORS_MARK} marker")
    # ensure_ascii keeps U+2028/2029 and non-ASCII out of the JS literal.
    return source.replace(SELECTORS_MARK, json.dumps(selectors, ensure_ascii=True)).encode()


def _embed_js_bytes() -> bytes:
    memo = services_of(current_app).memo
    cached = memo.get("embed_js")
    if cached is None or current_app.debug:
        cached = memo["embed_js"] = build_embed_js(page_selectors(load_profiles()))
    return cached


@bp.get("/embed.js")
def embed_js():
    body = _embed_js_bytes()
    response = Response(body, mimetype="text/javascript")
    response.headers["Content-Type"] = "text/javascript; charset=utf-8"
    response.set_etag(hashlib.sha256(body).hexdigest()[:20])
    response.cache_control.public = True
    response.cache_control.max_age = EMBED_JS_MAX_AGE_S
    response.make_conditional(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Host pages with Cross-Origin-Embedder-Policy may load it too.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@bp.get(CONFIG_PATH)
def embed_config():
    """What the widget needs before showing the button; refusals are answered readably."""
    check_origin(request.headers.get("Origin"), _origins(), _own_origin())
    url = _checked_url(request.args.get("url"))
    quoted = quote(url, safe="")
    root = request.script_root
    response = jsonify(
        url=url,
        narration_url=f"{root}/api/v1/narration?url={quoted}",
        read_url=f"{root}/read?url={quoted}",
        player_url=f"{root}/embed/player?url={quoted}",
    )
    response.cache_control.private = True
    response.cache_control.max_age = CONFIG_MAX_AGE_S
    return response


@bp.get("/embed/player")
def player():
    """The iframe variant: the same widget, on a page of ours, sized by postMessage."""
    status = 200
    message = None
    url = None
    try:
        url = _checked_url(request.args.get("url"))
    except ServiceError as exc:
        status, message = exc.status, exc.message_vi
    response = Response(render_template("embed/player.html", url=url, message=message),
                        status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = frame_csp(_origins())
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.no_cache = True
    return response


def frame_csp(origins: frozenset[str]) -> str:
    """The house CSP, except that the allowlisted origins (and we) may frame the player."""
    ancestors = " ".join(["'self'", *sorted(origins)])
    return HOUSE_CSP.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}")


@bp.after_app_request
def add_cors_headers(response: Response) -> Response:
    """CORS for the widget: only allowlisted origins may read our API and audio.

    The config answer is readable by any origin (it carries only "yes" or the reason for
    "no"), so a refused page shows the clear message rather than a broken button.
    """
    path = request.path
    if not path.startswith(CORS_PATH_PREFIXES):
        return response
    response.vary.add("Origin")
    if request.args.get("download") and path.startswith("/audio/"):
        _as_download(response)
    origin = request.headers.get("Origin")
    if origin is None:
        return response
    if normalize_origin(origin) is None:  # "null" (sandboxed frames, files) is never trusted
        return response
    if path == CONFIG_PATH or origin_allowed(origin, _origins(), _own_origin()):
        response.headers["Access-Control-Allow-Origin"] = origin.strip()
        if path.startswith("/audio/"):
            # Lets the widget read Content-Range/Length for seeking with crossorigin audio.
            response.headers["Access-Control-Expose-Headers"] = "Content-Length, Content-Range, Accept-Ranges"
    return response


def _as_download(response: Response) -> None:
    """`?download=1` on an audio URL: save the file instead of playing it. The widget's
    "Tải MP3" link needs this because browsers ignore `<a download>` across origins."""
    disposition = response.headers.get("Content-Disposition", "")
    if disposition.startswith("inline"):
        response.headers["Content-Disposition"] = "attachment" + disposition[len("inline"):]
    elif not disposition and response.status_code in (200, 206):
        response.headers["Content-Disposition"] = "attachment"
