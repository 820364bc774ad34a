"""GET /api/v1/narration?url=…: the narration record, as soon as its first segment plays.

While `status` is "rendering" the client polls this same URL (segments appear in reading
order); `audio_url` (the whole article) appears when it is "ready".
"""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request, url_for

from services.container import services_of
from web.args import article_url_arg

bp = Blueprint("api_narration", __name__)

POLL_AFTER_MS = 500
_INTERNAL = ("fingerprint", "kept", "audio_key", "content_hash")


def present(record: dict) -> dict:
    """The public record: audio URLs in place of internal keys."""
    body = {k: v for k, v in record.items() if k not in _INTERNAL}
    body["audio_url"] = (url_for("audio.article_audio", narration_id=record["id"])
                         if record.get("status") == "ready" else None)
    body["segments"] = [
        {**{k: v for k, v in segment.items() if k != "audio_key"},
         "audio_url": url_for("audio.segment_audio", key=segment["audio_key"])}
        for segment in record.get("segments", [])]
    if record.get("status") == "rendering":
        body["poll_after_ms"] = POLL_AFTER_MS
    return body


@bp.get("/api/v1/narration")
def narration():
    url = article_url_arg()
    services = services_of(current_app)
    record = services.narrator.request(services.articles.get(url), admit=services.admit_render)
    response = jsonify(present(record))
    response.headers["Cache-Control"] = "no-store" if record["status"] != "ready" else "no-cache"
    return response
