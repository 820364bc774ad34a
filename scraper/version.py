"""The version of extraction: a digest of the code and the site profiles that turn a page into
an Article. Articles cached by another version are extracted again, so a fix to the scraper
reaches pages that have not changed at the source (a 304 would otherwise keep the old reading)."""
from __future__ import annotations

import hashlib
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SOURCES = ("article.py", "bylines.py", "cleanup.py", "confidence.py", "content.py", "dates.py",
            "decode.py", "extract.py", "fallback.py", "generic.py", "listing.py", "metadata.py",
            "parsing.py", "profiles.py", "template.py")


def _digest() -> str:
    digest = hashlib.sha256()
    for path in [_HERE / name for name in _SOURCES] + sorted((_HERE / "profiles").glob("*.json")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = _digest()
