"""GET /api/v1/openapi.json: the JSON API described (a data file, kept true by tests)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, jsonify

bp = Blueprint("api_docs", __name__)
SPEC_PATH = Path(__file__).resolve().parent / "data" / "openapi.json"


@lru_cache(maxsize=1)
def load_spec() -> dict:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


@bp.get("/api/v1/openapi.json")
def openapi():
    response = jsonify(load_spec())
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response
