"""Getting an article: from the cache while fresh, else a conditional GET to the source,
extraction, and storage. Shared by the API, the CLI, the reader page and jobs."""
from __future__ import annotations

from dataclasses import asdict

from cache.articles import ArticleStore
from scraper.article import Article
from scraper.errors import SourceTimeoutError, SourceUnreachableError
from scraper.extract import extract_article
from scraper.fetch import Fetcher
from scraper.listing import ListingItem, crawl_listing

DEFAULT_FRESH_S = 600


def get_article(url: str, *, fetcher: Fetcher, store: ArticleStore, force: bool = False,
                fresh_s: float = DEFAULT_FRESH_S) -> Article:
    """The article at url. Within fresh_s of the last check it is served from Redis; after,
    the source is asked with If-None-Match/If-Modified-Since, and a 304 costs no download.
    When the source cannot be reached, a stored copy (of any age) is served."""
    url = fetcher.check_url(url)  # refuse bad or disallowed URLs before touching the cache
    record = None if force else store.get(url)
    if record is not None and store.age_s(record) < fresh_s:
        return record.article
    try:
        result = fetcher.fetch(url, etag=record.etag if record else None,
                               last_modified=record.last_modified if record else None)
    except (SourceUnreachableError, SourceTimeoutError):
        if record is None:
            raise
        # The site is down: the article we have is better than none (stale-if-error). It is
        # not touched, so the next request asks the site again.
        return record.article
    if result.not_modified and record is not None:
        return store.touch(url, record).article
    article = extract_article(result.body, result.url, charset=result.charset)
    store.put(url, article, etag=result.etag, last_modified=result.last_modified,
              fetched_at=result.fetched_at)
    return article


def list_articles(site_url: str, *, fetcher: Fetcher, store: ArticleStore, max_pages: int = 3,
                  deadline_s: float = 20.0, ttl_s: int = 300, limit: int = 50) -> list[dict]:
    """Latest articles of the site's listing (url, title, published), newest first."""
    cached = store.get_listing(site_url)
    if cached is None:
        items = crawl_listing(fetcher, site_url, max_pages=max_pages, deadline_s=deadline_s)
        cached = [asdict(item) for item in items]
        if cached:  # an empty crawl is a failure to read the listing, not a fact to keep
            store.put_listing(site_url, cached, ttl_s)
    return cached[:limit]


__all__ = ["get_article", "list_articles", "ListingItem"]
