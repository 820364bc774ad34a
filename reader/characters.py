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
# Look-alike letters from legacy encodings and fonts, folded to the Vietnamese letter meant:
# Ð (U+00D0, Icelandic eth) and Ɖ (U+0189, African D) for Đ (U+0110), ƣ for ư, ǎ for ă.
LOOKALIKES = str.maketrans({
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ",
    "\u01a2": "Ư", "\u01a3": "ư", "\u01cd": "Ă", "\u01ce": "ă",
    "\u01d1": "Ơ", "\u01d2": "ơ",
})
_LOOKALIKE = re.compile("[\u00d0\u00f0\u0189\u0256\u01a2\u01a3\u01cd\u01ce\u01d1\u01d2]")
# Cyrillic and Greek letters that look Latin, inside a word of Latin letters ("Hà Nộі" with
# a Cyrillic і): folded only there, so Russian or Greek words stay themselves.
_LATIN_TWINS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Α": "A", "Β": "B", "Ε": "E", "Η": "H",
    "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
    "ο": "o", "α": "a",
})
_TWIN = re.compile("[аеорсухіАВЕКМНОРСТХІΑΒΕΗΙΚΜΝΟΡΤΧοα]")
_MIXED_WORD = re.compile(r"[^\W\d_]+")


def prepare(text: str) -> str:
    """Unicode compatibility forms (², ℃, full-width digits) and composed tone marks (NFKC
    composes "e" + U+0301 into "é"), look-alike letters folded, one kind of dash, ASCII
    digits."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _ODD_CHARS.search(text):
        text = _ZERO_WIDTH.sub("", text)
        text = _CONTROL.sub(" ", text)
        text = _DASHES.sub("-", text)
    if not text.isascii():
        if _LOOKALIKE.search(text):
            text = text.translate(LOOKALIKES)
        if _TWIN.search(text):
            text = _MIXED_WORD.sub(_fold_twins, text)
        # Other scripts' digits (٣, ३) are read like ours, so no digit survives.
        text = _ANY_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(), 0)), text)
    return text


def _fold_twins(m: re.Match) -> str:
    word = m.group()
    folded = word.translate(_LATIN_TWINS)
    # Only a word that has real Latin letters besides the twins is Vietnamese written with a
    # stray letter; an all-Cyrillic or all-Greek word is left as it is.
    if folded == word or not any(_is_latin(ch) for ch in word):
        return word
    return folded


def _is_latin(ch: str) -> bool:
    code = ord(ch)
    return ch.isascii() or 0xc0 <= code < 0x250 or 0x1e00 <= code < 0x1f00
