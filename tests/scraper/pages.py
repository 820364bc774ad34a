"""The saved-page test sets with their truth files: vi-news and the sample site."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from tests.support.data import VI_NEWS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TRUTH = ROOT / "samples" / "truth"


def squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def vi_news_cases() -> list[dict]:
    cases = []
    for path in sorted(VI_NEWS.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        truth["html_path"] = path.with_name(truth["file"])
        truth["page_url"] = truth["url"] or truth["html_path"].resolve().as_uri()
        cases.append(truth)
    return cases


def sample_cases(base: str = "http://127.0.0.1:8001") -> list[dict]:
    cases = []
    for path in sorted(SAMPLE_TRUTH.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        truth["html_path"] = ROOT / "samples" / truth["file"]
        truth["page_url"] = base + truth["url"]
        cases.append(truth)
    return cases


def score(article, truth: dict) -> dict:
    """The checks of the issue's quality gate, for one page."""
    body = squash(" ".join(article.paragraphs))
    spoken = squash(" ".join([article.title, article.lead, *article.paragraphs, *article.captions]))
    published = article.published or ""
    return {
        "first": squash(truth["first"]) in body,
        "last": squash(truth["last"]) in body,
        "leaked": [w for w in truth.get("without", []) if squash(w) in spoken],
        "title": squash(article.title) == squash(truth["title"]),
        "date": (published[:10] == (truth["date"] or "")[:10]),
        "author": squash(article.author) == squash(truth.get("author")),
    }
