"""Site profiles: one JSON file per site family in scraper/profiles/, read once, selectors
compiled once. A new layout is a data file and a test, not new code."""
from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from lxml.cssselect import CSSSelector

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"
_NEEDLES = re.compile(r"[.#]([\w-]+)|\[([\w:-]+)(?:[~|^$*]?=\s*[\"']?([^\"'\]]+)[\"']?)?\]")
SELECTOR_FIELDS = ("title", "date", "author", "lead", "body", "caption", "attachment", "drop")


class Selector:
    """A compiled CSS selector that knows the words the page's HTML must contain for it to
    match (its classes, ids, attribute names and values). Looking for those words in the raw
    page is far cheaper than a walk of the document, and most selectors of most profiles
    fail: this is what keeps extraction in single-digit milliseconds."""

    __slots__ = ("css", "compiled", "needles")

    def __init__(self, css: str) -> None:
        self.css = css
        self.compiled = CSSSelector(css)
        words = []
        for cls_or_id, attr, value in _NEEDLES.findall(css):
            words += [w for w in (cls_or_id, attr, value) if w]
        self.needles = tuple(w.lower().encode("utf-8") for w in words)

    def possible(self, haystack: bytes | None) -> bool:
        return haystack is None or all(n in haystack for n in self.needles)

    def __call__(self, root, haystack: bytes | None = None) -> list:
        return self.compiled(root) if self.possible(haystack) else []


class Haystack:
    """The page's lower-cased HTML for Selector.possible, remembering each word's answer: the
    profiles' selectors share many words ("content", "detail", "date"), and each look is a
    search of the whole page."""

    __slots__ = ("data", "_seen")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._seen: dict[bytes, bool] = {}

    def __contains__(self, needle: bytes) -> bool:
        found = self._seen.get(needle)
        if found is None:
            found = self._seen[needle] = needle in self.data
        return found


@dataclass(frozen=True)
class Profile:
    name: str
    hosts: tuple[str, ...] = ()
    markers: tuple[Selector, ...] = ()
    selectors: dict = field(default_factory=dict)  # field name -> tuple[CSSSelector]
    date_formats: tuple[str, ...] = ()
    prefer_page_date: bool = True  # the visible date before the meta tags
    priority: int = 100
    listing: dict = field(default_factory=dict)  # item, link, date, next -> selectors

    def select(self, name: str, root, haystack: bytes | None = None) -> list:
        """Elements of the first selector of `name` that matches anything under root.
        haystack: the page's lower-cased HTML, to skip selectors that cannot match."""
        for selector in self.selectors.get(name, ()):
            found = selector(root, haystack)
            if found:
                return found
        return []

    def select_all(self, name: str, root, haystack: bytes | None = None) -> list:
        """Elements of every selector of `name` (drop, caption), in document order."""
        seen: dict[int, object] = {}
        for selector in self.selectors.get(name, ()):
            for el in selector(root, haystack):
                seen.setdefault(id(el), el)
        return list(seen.values())

    def matches_host(self, host: str) -> bool:
        return any(fnmatch.fnmatch(host, pattern) for pattern in self.hosts)

    def matches_markers(self, doc, haystack: bytes | None = None) -> bool:
        return any(marker(doc, haystack) for marker in self.markers)


def _compile(selectors) -> tuple[Selector, ...]:
    if isinstance(selectors, str):
        selectors = [selectors]
    return tuple(Selector(s) for s in selectors or [])


def profile_from_dict(data: dict) -> Profile:
    match = data.get("match", {})
    return Profile(
        name=data["name"],
        hosts=tuple(h.lower() for h in match.get("hosts", [])),
        markers=_compile(match.get("markers", [])),
        selectors={name: _compile(data.get(name, [])) for name in SELECTOR_FIELDS},
        date_formats=tuple(data.get("date_formats", [])),
        prefer_page_date=data.get("prefer_page_date", True),
        priority=int(data.get("priority", 100)),
        listing={name: _compile(sel) for name, sel in data.get("listing", {}).items()},
    )


@lru_cache(maxsize=4)
def load_profiles(directory: str = str(PROFILE_DIR)) -> tuple[Profile, ...]:
    """Every profile in the directory, by priority then name (read once per process)."""
    profiles = []
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        profiles.append(profile_from_dict(data))
    return tuple(sorted(profiles, key=lambda p: (p.priority, p.name)))


_LOCAL_DIRS: list[str] = []  # set once at start (use_local_profiles); data, not a client


def use_local_profiles(directory: str | Path) -> None:
    """Profiles of this instance (instance/profiles/, written by `flask site learn`): read
    with the bundled ones from now on, and winning over them."""
    path = str(Path(directory))
    if path not in _LOCAL_DIRS:
        _LOCAL_DIRS.insert(0, path)


def default_profiles() -> tuple[Profile, ...]:
    """The bundled profiles and this instance's own; a local profile replaces a bundled one
    of the same name, and local ones are tried first."""
    local: list[Profile] = []
    for directory in _LOCAL_DIRS:
        if Path(directory).is_dir():
            local += [p for p in load_profiles(directory) if p.name not in {q.name for q in local}]
    names = {p.name for p in local}
    return tuple(local) + tuple(p for p in load_profiles() if p.name not in names)


def candidate_profiles(doc, host: str, profiles: tuple[Profile, ...],
                       haystack: bytes | None = None) -> Iterator[Profile]:
    """Profiles that claim this page: those naming its host first, then by marker (markers
    are only looked for when no host profile worked: each is a walk of the document)."""
    by_host = [p for p in profiles if host and p.matches_host(host)]
    yield from by_host
    for profile in profiles:
        if profile not in by_host and profile.markers and profile.matches_markers(doc, haystack):
            yield profile
