"""Download names for what we serve (the article's MP3, its PDF): one Content-Disposition.

Browsers and podcast apps save the file under the ASCII `filename=` when they do not read
`filename*=` (RFC 6266/5987), so the fallback folds the accents ("Đất đai" -> "dat-dai")
instead of dropping accented letters; the UTF-8 name keeps the Vietnamese title. Both are
cut at a word boundary: a saved file never ends in half a word.
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

NAME_MAX_CHARS = 80
FALLBACK_NAME = "bai-viet"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def cut_at_word(text: str, max_chars: int, separator: str = " ") -> str:
    """`text` if it fits, else its longest run of whole words (split on `separator`) that
    does; a single word longer than max_chars is cut, as nothing better exists."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars + 1]
    cut = head.rfind(separator)
    return (head[:cut] if cut > 0 else text[:max_chars]).rstrip(separator + " ")


def ascii_slug(text: str, max_chars: int = NAME_MAX_CHARS) -> str:
    """'Hội nghị Đất đai 2024' -> 'hoi-nghi-dat-dai-2024' (đ has no decomposition: map it)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return cut_at_word(slug, max_chars, "-") or FALLBACK_NAME


def display_name(title: str, max_chars: int = NAME_MAX_CHARS) -> str:
    """The title as a file name: NFC, no characters file systems refuse, whole words."""
    clean = _UNSAFE.sub(" ", unicodedata.normalize("NFC", title))
    clean = re.sub(r"\s+", " ", clean).strip()
    return cut_at_word(clean, max_chars) or "Bài viết"


def content_disposition(title: str, extension: str, *, inline: bool = False) -> str:
    """`attachment` (or `inline`) with the folded ASCII name and the Vietnamese one."""
    kind = "inline" if inline else "attachment"
    utf8_name = quote(f"{display_name(title)}.{extension}", safe="")
    return f"{kind}; filename=\"{ascii_slug(title)}.{extension}\"; filename*=UTF-8''{utf8_name}"
