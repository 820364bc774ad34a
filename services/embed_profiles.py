"""Where the article is on a host page, for the widget: the site profiles' selectors.

The scraper keeps site layouts as data (``scraper/profiles/*.json``) and loads them once
(``scraper.profiles.load_profiles``); the widget needs only the CSS of three fields of each:
the title (to sit right after it), the lead and the body (to size their text and highlight
the sentence being read). It picks profiles the way the scraper does: those naming the
page's host first, then those whose markers are on the page; the last entry is a generic
one that knows only the title.
"""
from __future__ import annotations

from typing import Any, Iterable

from scraper.profiles import Profile

GENERIC: dict[str, Any] = {"name": "generic", "hosts": [], "markers": ["h1"],
                           "title": ["article h1", "main h1", "h1"], "lead": [], "body": []}
FIELDS = ("title", "lead", "body")


def page_selectors(profiles: Iterable[Profile]) -> list[dict[str, Any]]:
    """Each usable profile as {name, hosts, markers, title, lead, body} (CSS strings), in
    the scraper's order (priority, then name), then the generic entry. A profile the widget
    cannot place itself with (no title, nothing to match a page by) is left out."""
    entries = []
    for profile in profiles:
        entry = {"name": profile.name, "hosts": list(profile.hosts),
                 "markers": [m.css for m in profile.markers],
                 **{name: [s.css for s in profile.selectors.get(name, ())] for name in FIELDS}}
        if entry["title"] and (entry["hosts"] or entry["markers"]):
            entries.append(entry)
    return entries + [dict(GENERIC)]
