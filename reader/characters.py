"""The first pass: one spelling of every character before anything is read.

Compatibility forms (², ℃, full-width digits) become plain ones, invisible and control
characters go, every dash becomes "-", and other scripts' digits become ASCII digits, so
the later passes see one kind of text.
"""
from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DASHES = re.compile("[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_ODD_CHARS = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad"
                        "\x00-\x08\x0b-\x1f\x7f\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_ANY_DIGIT = re.compile(r"\d")


def prepare(text: str) -> str:
    """Unicode compatibility forms (², ℃, full-width digits), one kind of dash, ASCII digits."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _ODD_CHARS.search(text):
        text = _ZERO_WIDTH.sub("", text)
        text = _CONTROL.sub(" ", text)
        text = _DASHES.sub("-", text)
    if not text.isascii():
        # Other scripts' digits (٣, ३) are read like ours, so no digit survives.
        text = _ANY_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(), 0)), text)
    return text
