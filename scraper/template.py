"""Boilerplate by template difference: a block of text that appears identically on several
pages of the same site is the site's chrome (a menu, a "Văn bản mới" box, a footer line),
not an article. The crawl reads several pages of a site; what it learns is a set of block
keys per host, kept by whoever holds the store (scraper/ knows nothing of Redis)."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable, Protocol

from scraper.content import collect_content

_KEY = re.compile(r"\W+")
MIN_BLOCK_CHARS = 12  # shorter lines ("Trang chủ") are too common to say anything


def block_key(text: str) -> str:
    """A short fingerprint of a block's words (case, spacing and punctuation ignored)."""
    words = _KEY.sub("", text.lower())
    return hashlib.blake2b(words.encode("utf-8"), digest_size=8).hexdigest()


def page_blocks(doc) -> set[str]:
    """Keys of every text block of a parsed page."""
    body = doc.find("body")
    if body is None:
        return set()
    keys: set[str] = set()
    for root in [body] + [c for form in body.iter("form") for c in form]:  # WebForms: one <form>
        keys |= {block_key(p.text) for p in collect_content(root).paragraphs
                 if len(p.text) >= MIN_BLOCK_CHARS}
    return keys


def chrome_blocks(pages: Iterable[set[str]], min_pages: int = 2) -> frozenset[str]:
    """Blocks seen on at least min_pages of the given pages, and on more than half of them."""
    pages = list(pages)
    counts = Counter(key for blocks in pages for key in blocks)
    need = max(min_pages, len(pages) // 2 + 1)
    return frozenset(key for key, n in counts.items() if n >= need) if len(pages) >= 2 else frozenset()


class ChromeStore(Protocol):
    """Where a site's recent pages' blocks are kept (the caller's: Redis in the service)."""
    def remember(self, host: str, page_keys: set[str]) -> None: ...
    def get(self, host: str) -> frozenset[str]: ...


RECENT_PAGES = 6  # pages per host whose blocks are compared


class MemoryChromeStore:
    """Chrome per host in this process (the CLI's site check, tests)."""

    def __init__(self) -> None:
        self._pages: dict[str, list[set[str]]] = {}

    def remember(self, host: str, page_keys: set[str]) -> None:
        pages = self._pages.setdefault(host, [])
        pages.insert(0, set(page_keys))
        del pages[RECENT_PAGES:]

    def get(self, host: str) -> frozenset[str]:
        return chrome_blocks(self._pages.get(host, []))
