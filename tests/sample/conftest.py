"""The sample site served once per module over real HTTP, and helpers to read it."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import requests

from samples.serve import SITE_DIR

TRUTH_DIR = SITE_DIR.parent / "truth"


@pytest.fixture(scope="module")
def site_url():
    from tests.support.servers import serve_sample_site
    with serve_sample_site() as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def http():
    with requests.Session() as session:
        yield session


def load_truths() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(TRUTH_DIR.glob("*.json"))]


def squash(text: str) -> str:
    """NFC, whitespace (including NBSP) squashed: how the truth files are matched."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def parse(html: str):
    import lxml.html
    return lxml.html.fromstring(html)


def article_body_text(doc) -> str:
    """The body proper: div.news-content without photos, captions, boxes and the byline."""
    content = doc.cssselect("div.news-content")[0]
    for selector in ("figure", "table.image-caption", "div.box-related", "div.share-buttons"):
        for node in content.cssselect(selector):
            node.drop_tree()
    byline = content.cssselect('p[style="text-align:right"]')[-1]
    byline.drop_tree()
    return block_text(content)


# Block elements end a word; inline ones (span, strong, a) do not: "Ng<span>ày</span>" is one word.
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "caption", "figure",
              "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "aside", "nav",
              "header", "footer", "article", "main", "title", "button", "marquee"}


def block_text(node) -> str:
    for el in node.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
            el.tail = " " + (el.tail or "")
    return squash(node.text_content())


def page_text(doc) -> str:
    import copy
    return block_text(copy.deepcopy(doc))


@pytest.fixture(scope="module")
def truths() -> list[dict]:
    return load_truths()


def site_path(path: str) -> Path:
    return SITE_DIR / path.lstrip("/")
