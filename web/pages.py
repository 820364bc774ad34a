"""The pages people read and listen on: home (latest articles), the reader, PDF, and the
whole-article MP3 for browsers without scripts. Views stay thin: read input, call one
function, render."""
from __future__ import annotations

import hashlib
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from flask import (Blueprint, Response, current_app, redirect, render_template, request,
                   url_for)

from scraper.confidence import LOW_CONFIDENCE
from scraper.errors import ListingPageError
from services import reading
from services.addresses import MAX_URL_CHARS
from services.articles import ArticleSource
from services.container import services_of
from web.args import article_url_arg
from web.errors import error_response
from web.feed import article_audio_path
from web.negotiate import wants_json

bp = Blueprint("pages", __name__)

STATIC_MAX_AGE_S = 365 * 24 * 3600  # versioned URLs (?v=hash) never change
STATIC_UNVERSIONED_MAX_AGE_S = 3600


def _source() -> ArticleSource:
    return services_of(current_app).articles


@bp.get("/")
def home():
    jobs = services_of(current_app).jobs
    listing = reading.latest_articles(
        source=_source(), prepared=lambda: jobs.latest_records(50, public_only=True))
    return render_template("pages/home.html", listing=listing)


@bp.get("/read")
def read():
    url = article_url_arg()
    page = reading.load_reader_page(url, source=_source())
    return render_template("pages/read.html", page=page, low_confidence=LOW_CONFIDENCE)


@bp.errorhandler(ListingPageError)
def _listing_page(exc: ListingPageError):
    """A listing was opened as if it were an article: offer its articles instead."""
    if wants_json(request) or not exc.items:
        return error_response(exc.status, exc.code, exc.message_vi, exc.message_en,
                              extra=exc.extra())
    listed = [asdict(item) for item in exc.items]
    return render_template("pages/listing_page.html", listing=reading.listing_of(listed),
                           source_url=request.args.get("url", "")), exc.status


@bp.get("/pdf")
def pdf():
    url = article_url_arg()
    document = reading.export_pdf(url, source=_source(),
                                  site_name=current_app.config["SITE_NAME"])
    response = Response(document.data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = document.content_disposition
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.get("/listen")
def listen():
    """The whole article as one MP3, for the native <audio> when scripts are off: renders on
    request (bounded wait), then redirects to the stable whole-article URL."""
    url = article_url_arg()
    services = services_of(current_app)
    narration_id = reading.whole_article_audio(
        url, source=services.articles, narrator=services.narrator, admit=services.admit_render)
    return redirect(url_for("audio.article_audio", narration_id=narration_id), code=303)


@bp.app_context_processor
def _asset_helpers() -> dict:
    return {"asset_url": asset_url, "max_url_chars": MAX_URL_CHARS,
            "audio_path": article_audio_path}


def asset_url(filename: str) -> str:
    """/static/<file>?v=<content hash>: changes when the file does, so it can be cached long."""
    return url_for("static", filename=filename,
                   v=_file_version(filename, current_app.static_folder))


@lru_cache(maxsize=128)
def _file_version(filename: str, static_folder: str) -> str:
    path = Path(static_folder) / filename
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return "0"


@bp.after_app_request
def _static_cache_headers(response: Response) -> Response:
    if request.endpoint == "static" and response.status_code in (200, 304):
        if request.args.get("v"):
            response.headers["Cache-Control"] = f"public, max-age={STATIC_MAX_AGE_S}, immutable"
        else:
            response.headers["Cache-Control"] = f"public, max-age={STATIC_UNVERSIONED_MAX_AGE_S}"
    return response
