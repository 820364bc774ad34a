"""Text layers in the old Vietnamese font encodings (TCVN3 "ABC" .VnTime fonts, VNI-Times):
a PDF made from them extracts as "Qu¶n lý" or "Quaûn lyù". Both are fixed tables
(documents/data/*.json); we convert when the converted text is clearly more Vietnamese than
the original, and say the page is garbage (so it goes to OCR) when neither reads.

Pure functions: str -> str and str -> float."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ENCODINGS = ("tcvn3", "vni")

# Every letter Vietnamese writes, precomposed (NFC), lower case.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
VIETNAMESE_LETTERS = frozenset(
    "bcdđghklmnpqrstvx" + "fjwz"
    + "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES))
TONED = frozenset(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES[1:])
WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 5
GAIN = 0.15  # a conversion must make this much more of the words Vietnamese
READABLE = 0.6  # below this share of Vietnamese words a text layer is garbage


@lru_cache(maxsize=None)
def _table(name: str) -> tuple[dict[str, str], re.Pattern]:
    data = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))["map"]
    keys = sorted(data, key=len, reverse=True)  # longest match first: "ôù" before "ô"
    return data, re.compile("|".join(re.escape(k) for k in keys))


def convert(text: str, encoding: str) -> str:
    """Map a legacy-encoded text to Unicode (NFC) with the named table."""
    mapping, pattern = _table(encoding)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: mapping[m.group(0)], text))


def vietnamese_share(text: str) -> float:
    """Share of the words that could be Vietnamese syllables (letters of the alphabet,
    at most one tone mark). Mojibake words fail: "Qu¶n" has a ¶, "Quaûn" a û."""
    words = WORD.findall(unicodedata.normalize("NFC", text).lower())
    if not words:
        return 1.0
    good = sum(1 for w in words if _syllable_like(w))
    return good / len(words)


def _syllable_like(word: str) -> bool:
    if not all(ch in VIETNAMESE_LETTERS for ch in word):
        return False
    return sum(ch in TONED for ch in word) <= 1 and len(word) <= 7


def looks_legacy(text: str) -> bool:
    """Mostly Latin-1 with many high Latin-1 letters and almost no Vietnamese letters
    beyond Latin-1: the signature of TCVN3/VNI text read without its font."""
    letters = [ch for ch in text if ch.isalpha() or "\u00a0" <= ch <= "\u00ff"]
    if len(letters) < 20:
        return False
    high = sum(1 for ch in letters if "\u00a0" <= ch <= "\u00ff")
    beyond = sum(1 for ch in letters if ord(ch) > 0xFF)
    return high / len(letters) > 0.03 and beyond / len(letters) < 0.01


def repair_text(text: str) -> tuple[str, str]:
    """(text, encoding used: "" when left alone). Converts only with a clear gain."""
    if not looks_legacy(text) or len(WORD.findall(text)) < MIN_WORDS:
        return text, ""
    best, best_encoding, best_share = text, "", vietnamese_share(text)
    for encoding in ENCODINGS:
        candidate = convert(text, encoding)
        share = vietnamese_share(candidate)
        if share > best_share + GAIN and share > (best_share if best_encoding else 0):
            best, best_encoding, best_share = candidate, encoding, share
    return best, best_encoding


def is_readable(text: str) -> bool:
    """False for a text layer that neither reads as Vietnamese nor converts to it."""
    if len(WORD.findall(text)) < MIN_WORDS:
        return True
    return vietnamese_share(text) >= READABLE
