"""Audio straight from Redis: segment MP3s (content-addressed, immutable) and the whole
article's MP3 at a stable URL. Range requests (206/416), ETag and 304 come from Werkzeug's
conditional responses, which Safari needs to play and seek."""
from __future__ import annotations

import re


from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import RequestedRangeNotSatisfiable

from errors import NotFoundError
from services.container import services_of
from services.download_names import content_disposition
from web.errors import error_response

HTTP_MESSAGES = {416: ("Phần tệp âm thanh được yêu cầu không tồn tại.",
                       "The requested part of the audio file does not exist.")}

bp = Blueprint("audio", __name__)

_KEY = re.compile(r"^[0-9a-f]{16,64}$")
IMMUTABLE = "public, max-age=31536000, immutable"


class AudioNotFoundError(NotFoundError):
    code = "audio_not_found"
    message_vi = "Không tìm thấy tệp âm thanh này. Có thể nó đã hết hạn; hãy mở lại bài viết."
    message_en = "This audio file was not found. It may have expired; open the article again."


def _mp3_response(data: bytes, etag: str, cache_control: str, title: str):
    # The bytes are already in memory: one body, not a file wrapper read 8 KB at a time
    # (that alone halved throughput under load). Werkzeug still does Range, ETag and 304.
    response = Response(data, mimetype="audio/mpeg")
    response.set_etag(etag)
    response.headers["Content-Disposition"] = content_disposition(title, "mp3", inline=True)
    try:
        response = response.make_conditional(request, accept_ranges=True,
                                             complete_length=len(data))
    except RequestedRangeNotSatisfiable:
        # The shared error page, plus the Content-Range a player needs to recover (RFC 9110).
        vi, en = HTTP_MESSAGES[416]
        response = error_response(416, "range_not_satisfiable", vi, en)
        response.headers["Content-Range"] = f"bytes */{len(data)}"
        return response
    response.headers["Cache-Control"] = cache_control
    response.headers["Accept-Ranges"] = "bytes"
    # Audio may be played by the department's pages that embed the player.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@bp.get("/audio/<key>.mp3")
def segment_audio(key: str):
    if not _KEY.match(key):
        raise AudioNotFoundError(f"bad audio key {key!r}")
    data = services_of(current_app).audio.get(key)
    if data is None:
        raise AudioNotFoundError(key)
    return _mp3_response(data, key, IMMUTABLE, key)


@bp.get("/audio/article/<narration_id>.mp3")
def article_audio(narration_id: str):
    if not _KEY.match(narration_id):
        raise AudioNotFoundError(f"bad narration id {narration_id!r}")
    found = services_of(current_app).narrator.article_audio(narration_id)
    if found is None:
        raise AudioNotFoundError(narration_id)
    data, record = found
    # Stable URL whose content changes when the article is re-rendered: revalidate by ETag.
    return _mp3_response(data, record["audio_key"], "public, max-age=300, must-revalidate",
                         record.get("title") or narration_id)
