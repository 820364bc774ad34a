"""The generic extractor for pages no profile knows: three signals, chosen by agreement.

- trafilatura's body (its own rules, tuned on thousands of pages): the lines of the article,
  in order; strong on recall, weak at the edges (a related list, a newsletter box after the
  last paragraph).
- our DOM scoring (fallback.py, readability-style: text length, commas, link density,
  class/id hints): the block that holds the article.
- density: the smallest ancestor of that block that holds at least AGREE of trafilatura's
  text. When there is one (below <body>), the two agree on where the article is, and
  trafilatura's lines outside it at the start or the end are dropped; when there is none,
  trafilatura's lines stand alone (they disagree: lower confidence); when trafilatura finds
  nothing, the DOM block is read (a DNN label of <br> lines, a table layout).

On top: our Vietnamese layer (captions kept apart, bold/right-aligned byline lines, the lead,
title and date from the page) and template chrome (blocks seen on other pages of the site).
"""
from __future__ import annotations

import re

from scraper.content import Para, clean_text, collect_content
from scraper.fallback import best_candidate, strip_never_content
from scraper.fallback import extract_generic as extract_dom
from scraper.metadata import PageMeta
from scraper.parsing import GENERIC_CAPTIONS, Parts, image_captions
from scraper.template import block_key

AGREE = 0.8  # share of trafilatura's text the DOM block's ancestor must hold to agree
DUPLICATE_MIN_CHARS = 150  # a line this long seen twice is a copy (desktop + mobile)
MIN_TEXT_CHARS = 25
_KEY = re.compile(r"\W+")


def _key(text: str) -> str:
    return _KEY.sub("", text.lower())


def trafilatura_lines(page, url: str) -> list[str]:
    """trafilatura's article body, one line per paragraph ([] when it finds none).

    page: our parsed tree (trafilatura works on a copy of it, so the page is parsed once)
    or the HTML text. fast=True skips trafilatura's second opinions (readability, jusText,
    its baseline), half its time; our DOM block already plays that part."""
    import trafilatura
    try:
        text = trafilatura.extract(page, url=url, include_comments=False,
                                   include_tables=True, fast=True) or ""
    except Exception:  # noqa: BLE001 - a library failure is one signal missing, not a 500
        return []
    return [clean_text(line) for line in text.split("\n") if clean_text(line)]


def extract_generic(doc, meta: PageMeta, url: str,
                    chrome: frozenset[str] = frozenset()) -> Parts:
    """The article of a page no profile knows, with the path that decided in parts.path.
    The text is always ours (whitespace as a browser shows it, bold and right-aligned lines
    known, captions apart); trafilatura and the block only choose which of it is read."""
    lines = trafilatura_lines(doc, url)
    if sum(len(line) for line in lines) < MIN_TEXT_CHARS:
        lines = []  # a menu word or two is not an article
    body = doc.find("body")
    if body is not None:
        strip_never_content(body)
    block = best_candidate(body) if body is not None else None
    region, agreement = _agreed_region(lines, block)
    ours = None
    if lines and body is not None:
        captions = GENERIC_CAPTIONS(doc) + image_captions(doc)
        ours = collect_content(region if region is not None else body, captions)
    dom = extract_dom(doc, meta, url, block)  # trims the page: after everything above
    if ours is None:
        dom.path, dom.agreement = "dom", 0.0
        dom.paragraphs = [p for p in dom.paragraphs if block_key(p.text) not in chrome]
        return dom
    chosen = _key(" ".join(lines))
    kept: list[Para] = []
    seen: set[str] = set()
    caught = list(ours.captions)
    title_key, lead_key = _key(dom.title), _key(dom.lead)
    for para in ours.paragraphs:
        key = _key(para.text)
        if not key or not _chosen(key, chosen) or block_key(para.text) in chrome:
            continue
        if len(key) >= DUPLICATE_MIN_CHARS and key in seen:
            continue
        seen.add(key)
        if key != title_key and not (lead_key and key.startswith(lead_key[:60])):
            kept.append(para)
    parts = Parts(site="generic", title=dom.title, published=dom.published, lead=dom.lead,
                  author=dom.author,
                  paragraphs=kept, captions=list(dict.fromkeys(dom.captions + caught)),
                  attachments=dom.attachments, link_density=dom.link_density)
    parts.path = "agree" if agreement >= AGREE else "trafilatura"
    parts.agreement = agreement
    return parts


def _chosen(key: str, chosen: str) -> bool:
    """Is this paragraph of ours among trafilatura's lines (or its first words, when a line
    of ours holds a little more than theirs)?"""
    return key in chosen or (len(key) > 60 and key[:60] in chosen)


def _agreed_region(lines: list[str], block):
    """The smallest ancestor of the DOM block (below <body>) holding AGREE of trafilatura's
    text, and the share of that text the block itself holds; (None, share) when none does."""
    if block is None or not lines:
        return None, 0.0
    keys = [_key(line)[:50] for line in lines]
    total = sum(len(line) for line in lines) or 1
    el, first_share = block, None
    while el is not None and el.tag not in ("body", "html"):
        text = _key(el.text_content())
        share = sum(len(line) for line, k in zip(lines, keys) if k and k in text) / total
        first_share = share if first_share is None else first_share
        if share >= AGREE:
            return el, max(first_share, share * 0.9)
        el = el.getparent()
    return None, first_share or 0.0
