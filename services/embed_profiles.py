"""Where the article is on a host page, for the widget: the site profiles' selectors.

The scraper keeps site layouts as data (``scraper/profiles/*.json``: ``match.hosts`` with
shell wildcards, ``match.markers``, ``priority``, and lists of selectors per field, tried in
turn). The widget needs only the title (to sit right after it), the lead and the body (to
size their text and highlight the sentence being read), so this reads those fields as plain
JSON and never imports the scraper's extraction code. The widget picks profiles the way the
scraper does: those naming the page's host first, then those whose markers are on the page;
the last entry is a generic one that knows only the title.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("docnd.embed")

PROFILES_DIR = Path(__file__).resolve().parent.parent / "scraper" / "profiles"
GENERIC: dict[str, Any] = {"name": "generic", "hosts": [], "markers": ["h1"],
                           "title": ["article h1", "main h1", "h1"], "lead": [], "body": []}
FIELDS = ("title", "lead", "body")


def _selectors(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def load_page_selectors(profiles_dir: Path = PROFILES_DIR) -> list[dict[str, Any]]:
    """Every profile's {name, hosts, markers, title, lead, body} (lists), by priority then
    name as the scraper orders them, then the generic entry."""
    found: list[tuple[int, str, dict[str, Any]]] = []
    for path in sorted(profiles_dir.glob("*.json")) if profiles_dir.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            match = data.get("match") if isinstance(data.get("match"), dict) else {}
            entry = {"name": str(data.get("name") or path.stem),
                     "hosts": [h.lower() for h in _selectors(match.get("hosts"))],
                     "markers": _selectors(match.get("markers")),
                     **{name: _selectors(data.get(name)) for name in FIELDS}}
            priority = int(data.get("priority", 100))
        except (OSError, ValueError, TypeError) as exc:  # a broken profile must not break the widget
            log.warning("profile %s unreadable for the widget: %s", path.name, exc)
            continue
        if entry["title"] and (entry["hosts"] or entry["markers"]):
            found.append((priority, entry["name"], entry))
    return [entry for _, _, entry in sorted(found, key=lambda f: (f[0], f[1]))] + [dict(GENERIC)]
