"""Walk an article body element and return what is read: paragraphs (tables row by row,
lists item by item) and captions kept apart.

Whitespace follows the browser: text nodes are joined as they are, so "<b>a</b> <i>b</i>"
stays two words, "<b>a</b><i>b</i>" and a word cut across <span>s stay one; runs of
whitespace collapse to one space. <br> and block elements end a paragraph.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lxml import etree

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea",
    "svg", "img", "picture", "video", "audio", "source", "object", "embed", "template",
    "nav", "link", "meta", "head", "title", "canvas", "map", "label", "option",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
    "pre", "address", "center", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
    "hr", "fieldset", "details", "summary", "body", "html", "font-block",
})
CAPTION_TAGS = frozenset({"figcaption"})
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)


def clean_text(text: str) -> str:
    """NFC, invisible characters removed, whitespace collapsed, trimmed."""
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text) if not text.isascii() else text


@dataclass
class Para:
    text: str
    right: bool = False  # right-aligned (bylines often are)
    bold: bool = False  # the whole line in <b>/<strong>
    heading: bool = False
    linked: bool = False  # nearly all of it is link text (related-article lists)


@dataclass
class Content:
    paragraphs: list[Para] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


class _Walker:
    def __init__(self, caption_ids: set[int]) -> None:
        self.caption_ids = caption_ids
        self.out = Content()
        self.buffer: list[str] = []
        self.bold_chars = 0
        self.link_chars = 0
        self.right = False
        self.heading = False

    # A paragraph ends: clean what was gathered and keep it when it says something.
    def flush(self) -> None:
        if not self.buffer:
            return
        raw = "".join(self.buffer)
        self.buffer = []
        text = clean_text(raw)
        bold_chars, self.bold_chars = self.bold_chars, 0
        link_chars, self.link_chars = self.link_chars, 0
        if text and any(ch.isalnum() for ch in text):
            chars = len(raw) - raw.count(" ") - raw.count("\n")
            self.out.paragraphs.append(Para(text, self.right, bold_chars >= chars * 0.9,
                                            self.heading, link_chars >= chars * 0.8))

    def walk(self, el, right: bool = False, bold: bool = False, link: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comments, processing instructions
            return
        tag = tag.lower()
        if tag in SKIP_TAGS:
            return
        if tag == "br":
            self.flush()
            return
        if tag in CAPTION_TAGS or id(el) in self.caption_ids:
            self.flush()
            text = clean_text(_text_of(el))
            if text:
                self.out.captions.append(text)
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.table(el, right)
            return
        block = tag in BLOCK_TAGS
        style = el.get("style")
        right = right or el.get("align", "").lower() == "right" or bool(style and _RIGHT.search(style))
        bold = bold or tag in ("b", "strong")
        link = link or (tag == "a" and bool(el.get("href")))
        if block:
            self.flush()
            self.right, self.heading = right, tag in ("h2", "h3", "h4", "h5", "h6")
        if el.text:
            self.add(el.text, bold, link)
        for child in el:
            self.walk(child, right, bold, link)
            if child.tail:
                if block and (isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS):
                    self.flush()
                    self.right, self.heading = right, False
                self.add(child.tail, bold, link)
        if block:
            self.flush()

    def add(self, text: str, bold: bool, link: bool = False) -> None:
        self.buffer.append(text)
        if bold or link:
            chars = len(text) - text.count(" ") - text.count("\n")
            self.bold_chars += chars if bold else 0
            self.link_chars += chars if link else 0

    def table(self, table, right: bool) -> None:
        """A data table read row by row: "cell, cell, cell"."""
        for caption in table.iter("caption"):
            text = clean_text(_text_of(caption))
            if text:
                self.out.paragraphs.append(Para(text, right))
        for row in table.iter("tr"):
            if _nearest_table(row) is not table:
                continue
            cells = [clean_text(_text_of(cell)) for cell in row if isinstance(cell.tag, str)
                     and cell.tag.lower() in ("td", "th")]
            cells = [c for c in cells if c]
            if cells:
                self.out.paragraphs.append(Para(", ".join(cells), right))


def _nearest_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _text_of(el) -> str:
    """All readable text of a subtree (skipped tags left out, <br> as a space)."""
    parts: list[str] = []

    def visit(node) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag and tag not in SKIP_TAGS:
            if tag == "br":
                parts.append(" ")
            elif node.text:
                parts.append(node.text)
            if tag != "br":
                for child in node:
                    visit(child)
                    if child.tail:
                        parts.append(child.tail)
            if tag in BLOCK_TAGS:
                parts.append(" ")

    visit(el)
    return "".join(parts)


def _is_data_table(table) -> bool:
    """A table of data (read row by row), not a layout table holding paragraphs or a photo."""
    for inner in table.iter("p", "div", "table", "ul", "ol", "img", "h2", "h3", "h4"):
        if inner is table:
            continue
        if inner.tag == "img":
            return False  # a photo with its caption in a table: not data
        if inner.tag in ("table", "ul", "ol", "h2", "h3", "h4"):
            return False
        if len(_text_of(inner)) > 200:
            return False
    rows = [r for r in table.iter("tr") if _nearest_table(r) is table]
    if len(rows) <= 1:
        cells = [c for r in rows for c in r if isinstance(c.tag, str)]
        if len(cells) <= 1:
            return False  # a one-cell table is a frame around the text
    return True


def collect_content(body, caption_elements: list | None = None) -> Content:
    """Paragraphs and captions of a body element, in reading order."""
    walker = _Walker({id(el) for el in caption_elements or []})
    walker.walk(body)
    walker.flush()
    return walker.out


def element_text(el) -> str:
    """Clean one-line text of an element (titles, dates, leads)."""
    return clean_text(_text_of(el))


__all__ = ["Content", "Para", "clean_text", "collect_content", "element_text", "etree"]
