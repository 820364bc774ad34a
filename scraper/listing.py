"""Latest articles from the site's listing pages: links, dates and pagination, newest first,
deduplicated by canonical URL, bounded in pages and in time."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from scraper.content import element_text
from scraper.dates import parse_date
from scraper.errors import ScraperError
from scraper.parsing import parse_html
from scraper.profiles import Profile, default_profiles

MAX_ITEMS = 500
NEXT_TEXT = re.compile(r"^(trang sau|tiếp|sau|next|»|›|>>?)\s*[»›>]*$", re.I)
TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|zarsrc$)")
ARTICLE_PATH = re.compile(r"\.(html?|aspx|chn|htm)$|/\d{4,}|-\d{5,}")


@dataclass(frozen=True)
class ListingItem:
    url: str
    title: str
    published: str | None = None


def resolve_link(page_url: str, href: str | None) -> str | None:
    """An absolute http(s) link, or None for what the page got wrong ("http://[broken",
    "javascript:", empty): one bad link must not lose the whole listing."""
    if not href or not href.strip():
        return None
    try:
        target = urljoin(page_url, href.strip())
        parts = urlsplit(target)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    return target if parts.scheme in ("http", "https") and parts.hostname else None


def canonical_url(url: str) -> str:
    """One spelling per article: no fragment, no tracking parameters, lower-case host."""
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def crawl_listing(fetcher, url: str, *, max_pages: int = 3, deadline_s: float = 20.0,
                  profiles: tuple[Profile, ...] | None = None) -> list[ListingItem]:
    """Follow the listing from url through at most max_pages pages within deadline_s.

    A page that fails after the first ends the crawl with what was found; a first page
    that fails raises its error."""
    deadline = time.monotonic() + deadline_s
    profiles = default_profiles() if profiles is None else profiles
    items: dict[str, ListingItem] = {}
    seen_pages: set[str] = set()
    page_url: str | None = url
    pages = 0
    while page_url and pages < max_pages and time.monotonic() < deadline:
        key = canonical_url(page_url)
        if key in seen_pages:
            break
        seen_pages.add(key)
        try:
            result = fetcher.fetch(page_url)
        except ScraperError:
            if pages == 0:
                raise
            break
        pages += 1
        doc = parse_html(result.body, result.charset)
        found, page_url = read_listing_page(doc, result.url, profiles)
        for item in found:
            items.setdefault(canonical_url(item.url), item)
            if len(items) >= MAX_ITEMS:
                page_url = None
                break
    ordered = list(items.values())
    # Newest first; undated items keep their page order after the dated ones.
    ordered.sort(key=lambda item: item.published or "", reverse=True)
    return ordered


def read_listing_page(doc, page_url: str, profiles: tuple[Profile, ...]) -> tuple[list[ListingItem], str | None]:
    for profile in profiles:
        if not profile.listing:
            continue
        rows = _select(profile.listing.get("item", ()), doc)
        if not rows:
            continue
        items = []
        for row in rows:
            links = _select(profile.listing.get("link", ()), row)
            if not links:
                continue
            target = resolve_link(page_url, links[0].get("href"))
            if target is None:
                continue
            dates = _select(profile.listing.get("date", ()), row)
            items.append(ListingItem(url=target, title=element_text(links[0]),
                                     published=parse_date(element_text(dates[0])) if dates else None))
        nexts = _select(profile.listing.get("next", ()), doc)
        next_url = resolve_link(page_url, nexts[0].get("href")) if nexts else None
        return items, next_url
    return _generic_listing(doc, page_url)


def listing_page_items(doc, page_url: str,
                       profiles: tuple[Profile, ...] | None = None) -> list[ListingItem]:
    """The articles a page links to as a listing would (none for most article pages)."""
    items, _ = read_listing_page(doc, page_url, default_profiles() if profiles is None else profiles)
    unique: dict[str, ListingItem] = {}
    for item in items:
        unique.setdefault(canonical_url(item.url), item)
    return list(unique.values())[:MAX_ITEMS]


def _select(selectors, root) -> list:  # noqa: D103
    for selector in selectors:
        found = selector(root)
        if found:
            return found
    return []


def _generic_listing(doc, page_url: str) -> tuple[list[ListingItem], str | None]:
    """Headline links (h2/h3 > a) on the same host that look like article pages."""
    host = urlsplit(page_url).hostname
    items = []
    for heading in doc.iter("h2", "h3", "h4"):
        for a in heading.iter("a"):
            target = resolve_link(page_url, a.get("href"))
            if target is None:
                continue
            parts = urlsplit(target)
            title = element_text(a)
            if parts.hostname != host or len(title) < 15 or not ARTICLE_PATH.search(parts.path):
                continue
            items.append(ListingItem(url=target, title=title, published=None))
    next_url = None
    for a in doc.iter("a"):
        if (a.get("rel") or "").lower() == "next" or NEXT_TEXT.match(element_text(a)):
            next_url = resolve_link(page_url, a.get("href"))
            if next_url:
                break
    return items, next_url
