"""`flask site check` and `flask site learn`, without Flask: read a listing, fetch its first
articles through the fetcher (allowlist, limits and timeouts as always), learn the site's
chrome from what the pages share, and report what extraction makes of each page."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scraper.confidence import is_low
from scraper.errors import ScraperError
from scraper.listing import crawl_listing
from scraper.parsing import parse_html
from scraper.template import ChromeStore, chrome_blocks, page_blocks


@dataclass
class PageReport:
    url: str
    title: str = ""
    published: str | None = None
    author: str | None = None
    body_chars: int = 0
    captions: int = 0
    site: str = ""
    confidence: float | None = None
    reasons: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def good(self) -> bool:
        return not self.error and bool(self.title and self.published) and not is_low(self.confidence)


@dataclass
class SiteReport:
    listing_url: str
    pages: list[PageReport] = field(default_factory=list)
    chrome_blocks: int = 0

    @property
    def verdict(self) -> str:
        good = sum(p.good for p in self.pages)
        if not self.pages:
            return "Không đọc được bài nào từ trang danh sách."
        if good == len(self.pages):
            return f"Tốt: đọc đúng {good}/{len(self.pages)} bài."
        return (f"Cần xem lại: {good}/{len(self.pages)} bài đọc tốt; hãy chạy "
                "`flask site learn` để tạo hồ sơ cho trang này.")

    def to_dict(self) -> dict:
        return {"listing_url": self.listing_url, "chrome_blocks": self.chrome_blocks,
                "verdict": self.verdict, "pages": [p.__dict__ | {"good": p.good} for p in self.pages]}


def fetch_articles(fetcher, listing_url: str, pages: int = 5, profiles=None) -> list:
    """The first `pages` articles of a listing, fetched (results whose fetch failed left out)."""
    items = crawl_listing(fetcher, listing_url, max_pages=2, deadline_s=20.0, profiles=profiles)
    results = []
    for item in items[:pages]:
        try:
            results.append(fetcher.fetch(item.url))
        except ScraperError:
            continue
    return results


def site_chrome(results, store: ChromeStore | None = None) -> frozenset[str]:
    """Blocks the fetched pages share: the site's template (each page also told to store)."""
    blocks = []
    for result in results:
        try:
            keys = page_blocks(parse_html(result.body, result.charset))
        except ScraperError:
            continue
        blocks.append(keys)
        if store is not None:
            store.remember((urlsplit(result.url).hostname or "").lower(), keys)
    return chrome_blocks(blocks)


def check_site(fetcher, listing_url: str, pages: int = 5, profiles=None,
               store: ChromeStore | None = None) -> SiteReport:
    from scraper.extract import extract_article
    results = fetch_articles(fetcher, listing_url, pages, profiles)
    chrome = site_chrome(results, store)
    report = SiteReport(listing_url, chrome_blocks=len(chrome))
    for result in results:
        page = PageReport(url=result.url)
        try:
            article = extract_article(result.body, result.url, charset=result.charset,
                                      profiles=profiles, chrome=chrome)
        except ScraperError as exc:
            page.error = exc.message_vi if hasattr(exc, "message_vi") else str(exc)
        else:
            page.title, page.published, page.author = article.title, article.published, article.author
            page.body_chars = sum(len(p) for p in article.paragraphs)
            page.captions, page.site = len(article.captions), article.site
            page.confidence, page.reasons = article.confidence, article.confidence_reasons
        report.pages.append(page)
    return report


def learn_site(fetcher, listing_url: str, pages: int = 5, name: str | None = None):
    """A profile for the listing's site, learned from its first articles (scraper/learn.py)."""
    from scraper.extract import extract_article
    from scraper.learn import Sample, learn_profile
    host = (urlsplit(listing_url).hostname or "").lower()
    results = fetch_articles(fetcher, listing_url, pages, profiles=())
    chrome = site_chrome(results)
    samples = []
    for result in results:
        try:
            article = extract_article(result.body, result.url, charset=result.charset,
                                      profiles=(), chrome=chrome)
        except ScraperError:
            continue
        samples.append(Sample(url=result.url, html=result.body, article=article))
    if len(samples) < 2:
        raise ValueError(f"only {len(samples)} article(s) could be read from {listing_url}")
    return learn_profile(samples, name or f"learned-{host}", host)
