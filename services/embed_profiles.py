"""Where the article is on a host page, for the widget: the site profiles' title and body selectors.

The scraper keeps site layouts as data (``scraper/profiles/*.json``). The widget only needs
two CSS selectors from each (the title, to put the button after it, and the body, to
highlight the sentence being read), so this reads them as plain JSON and never imports the
scraper's extraction code. A profile whose title selector matches nothing on the host page
is skipped by the widget (it tries profiles naming its own host first); the last entry is
a generic one that knows only the title.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("docnd.embed")

PROFILES_DIR = Path(__file__).resolve().parent.parent / "scraper" / "profiles"
GENERIC = {"name": "generic", "title": "article h1, main h1, h1", "lead": None, "body": None}
# Keys a profile may use for each selector (the scraper's profile format may nest them).
_TITLE_KEYS = ("title", "title_selector")
_LEAD_KEYS = ("lead", "lead_selector", "summary")
_BODY_KEYS = ("body", "content", "body_selector", "content_selector", "paragraphs")
_HOST_KEYS = ("hosts", "host", "domains")


def _first_selector(data: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for scope in (data, data.get("selectors") or {}):
        if not isinstance(scope, dict):
            continue
        for key in keys:
            value = scope.get(key)
            if isinstance(value, list):
                value = ", ".join(v for v in value if isinstance(v, str))
            if isinstance(value, dict):  # {"css": "..."} style
                value = value.get("css") or value.get("selector")
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def _hosts(data: dict[str, Any]) -> list[str]:
    match = data.get("match") if isinstance(data.get("match"), dict) else {}
    for key in _HOST_KEYS:
        value = data.get(key) or match.get(key)
        if isinstance(value, str):
            return [value.lower()]
        if isinstance(value, list):
            return [v.lower() for v in value if isinstance(v, str)]
    return []


def load_page_selectors(profiles_dir: Path = PROFILES_DIR) -> list[dict[str, Any]]:
    """Every profile's {name, hosts, title, lead, body} selectors, then the generic entry."""
    profiles: list[dict[str, Any]] = []
    for path in sorted(profiles_dir.glob("*.json")) if profiles_dir.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # a broken profile must not break the widget
            log.warning("profile %s unreadable: %s", path.name, exc)
            continue
        if not isinstance(data, dict):
            continue
        title = _first_selector(data, _TITLE_KEYS)
        if not title:
            continue
        profiles.append({"name": str(data.get("name") or path.stem), "hosts": _hosts(data),
                         "title": title, "lead": _first_selector(data, _LEAD_KEYS),
                         "body": _first_selector(data, _BODY_KEYS)})
    return profiles + [dict(GENERIC, hosts=[])]
