"""Getting an article: from the cache while fresh, else a conditional GET to the source,
extraction, and storage. Shared by the API, the CLI, the reader pages and jobs.

`ArticleSource` carries the fetcher and the store together with the settings that govern
them (ARTICLE_FRESH_S and the LISTING_* limits), so every caller honours the same ones.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from cache.articles import ArticleStore
from scraper.article import Article
from errors import ServiceError
from scraper.errors import SourceTimeoutError, SourceUnreachableError
from scraper.extract import extract_article
from scraper.fetch import Fetcher
from scraper.listing import ListingItem, crawl_listing
from scraper.parsing import parse_html
from scraper.template import ChromeStore, page_blocks


def get_article(url: str, *, fetcher: Fetcher, store: ArticleStore, fresh_s: float,
                force: bool = False, chrome: ChromeStore | None = None) -> Article:
    """The article at url. Within fresh_s of the last check it is served from Redis; after,
    the source is asked with If-None-Match/If-Modified-Since, and a 304 costs no download.
    When the source cannot be reached, a stored copy (of any age) is served."""
    url = fetcher.check_url(url)  # refuse bad or disallowed URLs before touching the cache
    # A copy extracted by an older scraper is read again when the site answers (a 304 would
    # keep the old reading), but it is still the one to serve while the site is down.
    record = None if force else store.get(url, any_version=True)
    current = record if record is not None and record.current else None
    if current is not None and store.age_s(current) < fresh_s:
        return current.article
    try:
        result = fetcher.fetch(url, etag=current.etag if current else None,
                               last_modified=current.last_modified if current else None)
    except (SourceUnreachableError, SourceTimeoutError):
        if record is None:
            raise
        # The site is down: the article we have is better than none (stale-if-error). It is
        # not touched, so the next request asks the site again.
        return record.article
    if result.not_modified and current is not None:
        return store.touch(url, current).article
    host = (urlsplit(result.url).hostname or "").lower()
    known = chrome.get(host) if chrome is not None else frozenset()
    article = extract_article(result.body, result.url, charset=result.charset, chrome=known)
    if chrome is not None:  # this page's blocks, to tell the site's template from the next ones
        chrome.remember(host, page_blocks(parse_html(result.body, result.charset)))
    store.put(url, article, etag=result.etag, last_modified=result.last_modified,
              fetched_at=result.fetched_at)
    return article


def list_articles(site_url: str, *, fetcher: Fetcher, store: ArticleStore, max_pages: int,
                  deadline_s: float, ttl_s: int, limit: int = 50) -> list[dict]:
    """Latest articles of the site's listing (url, title, published), newest first."""
    cached = store.get_listing(site_url)
    if cached is None:
        items = crawl_listing(fetcher, site_url, max_pages=max_pages, deadline_s=deadline_s)
        cached = [asdict(item) for item in items]
        if cached:  # an empty crawl is a failure to read the listing, not a fact to keep
            store.put_listing(site_url, cached, ttl_s)
    return cached[:limit]


@dataclass(frozen=True)
class ArticleSource:
    """The department's articles as this instance is configured to read them."""
    fetcher: Fetcher
    store: ArticleStore
    site_url: str
    fresh_s: float  # ARTICLE_FRESH_S
    listing_max_pages: int  # LISTING_MAX_PAGES
    listing_deadline_s: float  # LISTING_DEADLINE_S
    listing_ttl_s: int  # LISTING_TTL_S
    chrome: ChromeStore | None = None  # recent pages' blocks per site (template chrome)
    # After the listing could not be read, the same refusal for this long without asking the
    # site again: a site that hangs costs one visitor the timeouts (about 15 s), not every
    # visitor to the home page, and does not hold a web thread per visitor meanwhile.
    listing_retry_s: float = 30.0
    clock: Callable[[], float] = time.monotonic
    _listing_down: dict = field(default_factory=dict, compare=False, repr=False)

    def get(self, url: str, *, force: bool = False) -> Article:
        return get_article(url, fetcher=self.fetcher, store=self.store, fresh_s=self.fresh_s,
                           force=force, chrome=self.chrome)

    def latest(self, limit: int = 50) -> list[dict]:
        """The listing (cached for LISTING_TTL_S); a failure to read it is raised again,
        without asking the site, for `listing_retry_s` (per process)."""
        until, error = self._listing_down.get("until", (0.0, None))
        if error is not None and self.clock() < until:
            raise error.with_traceback(None)
        try:
            rows = list_articles(self.site_url, fetcher=self.fetcher, store=self.store,
                                 max_pages=self.listing_max_pages,
                                 deadline_s=self.listing_deadline_s,
                                 ttl_s=self.listing_ttl_s, limit=limit)
        except ServiceError as exc:
            self._listing_down["until"] = (self.clock() + self.listing_retry_s, exc)
            raise
        self._listing_down.pop("until", None)
        return rows

    def crawl(self, listing_url: str, *, max_pages: int, deadline_s: float) -> list[ListingItem]:
        return crawl_listing(self.fetcher, listing_url, max_pages=max_pages,
                             deadline_s=deadline_s)


__all__ = ["ArticleSource", "get_article", "list_articles", "ListingItem"]
