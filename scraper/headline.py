"""The article's own title and date line, found by where they sit: the heading nearest
before the body (not a sidebar box heading such as "Các tin khác"), and the first date line
after that heading (not the header's "today", a sidebar item or a "Cập nhật" line; a date
after the body or only in a meta tag when there is no other)."""
from __future__ import annotations

import re

from scraper.cleanup import RELATED_HEADINGS, junk_box
from scraper.content import element_text
from scraper.dates import parse_date

TITLE_HINT = re.compile(r"title|tieude|tieu-de|tieu_de|heading|headline|subject", re.I)
UPDATED = re.compile(r"^\s*(cập nhật|sửa đổi|updated?)\b", re.I)
BOX_WORDS = re.compile(r"sidebar|side-bar|col-?right|right-?col|box-?right|box-?left|widget|"
                       r"module-?title|portlet-title|other|tinkhac|lienquan|related|moduletable", re.I)
_DATE_TAGS = ("span", "div", "p", "em", "i", "td", "time", "small", "font", "b", "strong", "li", "dd",
              "dt", "h4", "h5", "h6")
AFTER_BODY = 4  # text elements looked at after the body for a date written at the end


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def in_box(el) -> bool:
    return any(junk_box(a) or BOX_WORDS.search(_names(a)) and a.tag in ("div", "ul", "aside", "td", "section")
               and not TITLE_HINT.search(_names(a)) for a in el.iterancestors())


def title_element(doc, block):
    """The heading nearest before the body block (or first inside it), else None."""
    best = None
    for el in doc.iter():
        if block is not None and el is block:
            inner = _title_inside(block)
            return inner if best is None else best
        if not isinstance(el.tag, str) or not _title_like(el):
            continue
        text = element_text(el)
        if not 10 <= len(text) <= 300 or RELATED_HEADINGS.match(text) or parse_date(text):
            continue
        if el.getparent() is not None and _title_like(el.getparent()):
            continue
        if not in_box(el):
            best = el
    return best


def _title_inside(block):
    for el in block.iter("h1", "h2", "h3"):
        text = element_text(el)
        if 10 <= len(text) <= 300 and not RELATED_HEADINGS.match(text):
            return el
    return None


def _title_like(el) -> bool:
    if el.tag in ("h1", "h2", "h3"):
        return True
    if el.tag in ("div", "p", "span", "td") and TITLE_HINT.search(_names(el)):
        return not re.search(r"sub|sapo|box|list|other|khac|cate", _names(el), re.I)
    return False


def date_after(doc, start, block) -> str | None:
    """The first date line after `start` (the title), up to a few lines past the body; a
    "Cập nhật" line only when there is no other.

    One walk in document order that stops at the first date: where each element stands
    (before the title, inside it, inside the body, after it) is known from the title's and
    the body's last descendants, not from a numbering of the whole page."""
    start = start if start is not None and _within(start, doc) else None
    block = block if block is not None and _within(block, doc) else None
    start_end, block_end = _last_descendant(start), _last_descendant(block)
    begun, in_start, in_block, after_block = start is None, False, False, False
    updated = None
    seen_after = 0
    for el in doc.iter():
        at_start = el is start
        if el is block:
            in_block = True
        looked_at = (begun and not at_start and not in_block and el.tag in _DATE_TAGS
                     and not (in_start and el.tag != "time"))
        past_block = after_block
        if at_start:
            begun, in_start = True, el is not start_end
        elif in_start and el is start_end:
            in_start = False
        if in_block and el is block_end:
            in_block, after_block = False, True
        if not looked_at:
            continue
        if past_block:
            seen_after += 1
            if seen_after > AFTER_BODY:
                break
        if len(el) > 4:
            continue  # a container, not a date line: its text is not worth reading
        text = element_text(el)
        if not text or len(text) > 90:
            continue
        found = parse_date(text)
        if not found:
            continue
        if UPDATED.match(text):
            updated = updated or found
            continue
        if in_box(el):
            continue
        return found
    return updated


def _within(el, root) -> bool:
    return el is root or any(a is root for a in el.iterancestors())


def _last_descendant(el):
    """The last node under el in document order (el itself when it has none)."""
    while el is not None and len(el):
        el = el[-1]
    return el
