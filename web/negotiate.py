"""What the client wants back: JSON or HTML, Vietnamese or English."""
from __future__ import annotations

from flask import Request


def wants_json(request: Request) -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def wants_english(request: Request) -> bool:
    """Vietnamese first; English only when the client prefers it over Vietnamese."""
    langs = request.accept_languages
    return langs.best_match(["vi", "en"], default="vi") == "en" and langs["en"] > langs["vi"]
