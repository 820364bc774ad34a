"""Listing pages: newest first, five a page, pagination that leads everywhere and back."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urljoin

from tests.sample.conftest import parse


def crawl_listing(site_url: str, http) -> list[tuple[str, list]]:
    """Follow a[rel=next] from page 1; returns (url, items) per page. Bounded."""
    pages, url = [], site_url + "/"
    for _ in range(20):
        reply = http.get(url, timeout=5)
        assert reply.status_code == 200, url
        doc = parse(reply.text)
        pages.append((url, doc))
        nxt = doc.cssselect("nav.pagination a[rel=next]")
        if not nxt:
            return pages
        url = urljoin(url, nxt[0].get("href"))
    raise AssertionError("pagination does not end")


def test_pagination_reaches_every_article_newest_first(site_url, http, truths):
    pages = crawl_listing(site_url, http)
    assert [u.removeprefix(site_url) for u, _ in pages] == \
        ["/"] + [f"/tin-tuc/trang-{n}.html" for n in range(2, len(pages) + 1)]
    items = [item for _, doc in pages for item in doc.cssselect("div.news-list div.news-item")]
    assert len(items) == len(truths) >= 12
    assert all(len(doc.cssselect("div.news-item")) <= 5 for _, doc in pages)
    dates = [datetime.strptime(i.cssselect("span.news-item-date")[0].text, "%d/%m/%Y") for i in items]
    assert dates == sorted(dates, reverse=True)
    by_url = {t["url"]: t for t in truths}
    for item in items:
        link = item.cssselect("h3 > a[href]")[0]
        truth = by_url[link.get("href")]
        assert link.text_content() == truth["title"]
        assert item.cssselect("p.news-item-summary")[0].text_content() == truth["lead"]
        assert datetime.strptime(item.cssselect("span.news-item-date")[0].text, "%d/%m/%Y").date() \
            == datetime.fromisoformat(truth["date"]).date()
    assert {i.cssselect("h3 > a")[0].get("href") for i in items} == set(by_url)


def test_prev_links_lead_back(site_url, http):
    pages = crawl_listing(site_url, http)
    assert not pages[0][1].cssselect("a[rel=prev]")
    for (previous_url, _), (url, doc) in zip(pages, pages[1:]):
        prev = doc.cssselect("nav.pagination a[rel=prev]")[0].get("href")
        assert urljoin(url, prev) == previous_url


def test_every_link_on_listing_pages_resolves(site_url, http):
    for url, doc in crawl_listing(site_url, http):
        for href in {a.get("href") for a in doc.cssselect("div.news-list a, nav.pagination a")}:
            assert http.get(urljoin(url, href), timeout=5).status_code == 200, href
