"""Bytes to text. Declared charsets lie (a page may declare windows-1258 and be UTF-8), so
strict UTF-8 is tried first, then the declared charset, then a detector."""
from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# WHATWG: these labels mean windows-1252 in a browser.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "windows-1258": "cp1258",
            "x-user-defined": "cp1252"}


def sniff_charset(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset> or http-equiv)."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(body: bytes, declared: str | None = None) -> str:
    """Decode a page: BOM, strict UTF-8, the declared charset (header, then meta), a guess."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, sniff_charset(body)):
        codec = _codec(label)
        if codec and codec not in ("utf-8",):
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(body[:200_000]).best()
        if best is not None and best.encoding:
            return body.decode(best.encoding, "replace")
    except (ImportError, LookupError):
        pass
    return body.decode("utf-8", "replace")
