"""GET /api/v1/narration?url=…: the narration record, as soon as its first segment plays.

While `status` is "rendering" the client polls this same URL (segments appear in reading
order); `audio_url` (the whole article) appears when it is "ready".
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, jsonify, request, url_for

from errors import BadRequestError
from services.articles import get_article

bp = Blueprint("api_narration", __name__)

POLL_AFTER_MS = 500
_INTERNAL = ("fingerprint", "kept", "audio_key", "content_hash")


class BadArticleUrlError(BadRequestError):
    code = "bad_url"
    message_vi = "Địa chỉ bài viết không hợp lệ. Hãy dùng một địa chỉ bắt đầu bằng http:// hoặc https://."
    message_en = "The article address is not valid. Use an address starting with http:// or https://."


def article_url_arg() -> str:
    url = (request.args.get("url") or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        raise BadArticleUrlError(url[:200]) from None
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2048:
        raise BadArticleUrlError(url[:200])
    return url


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
    article = get_article(url, fetcher=current_app.extensions["fetcher"],
                          store=current_app.extensions["article_store"])
    record = current_app.extensions["narrator"].request(
        article, admit=current_app.extensions["render_admission"])
    response = jsonify(present(record))
    response.headers["Cache-Control"] = "no-store" if record["status"] != "ready" else "no-cache"
    return response
