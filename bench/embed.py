"""embed.js as served (profile selectors written in): bytes raw and gzipped, against the
15 KB gzipped budget."""
from __future__ import annotations

import gzip
import zlib

from scraper.profiles import load_profiles
from services.embed_profiles import page_selectors
from web.embed import build_embed_js

BUDGET_GZIP_BYTES = 15 * 1024


def run() -> dict:
    body = build_embed_js(page_selectors(load_profiles()))
    gzipped = len(gzip.compress(body, compresslevel=9))
    deflate6 = len(zlib.compress(body, 6))  # what a default nginx/gunicorn gzip would send
    return {
        "embed_js_bytes": len(body),
        "embed_js_gzip_bytes": gzipped,
        "embed_js_gzip_level6_bytes": deflate6,
        "budget_gzip_bytes": BUDGET_GZIP_BYTES,
        "within_budget": gzipped <= BUDGET_GZIP_BYTES,
    }
