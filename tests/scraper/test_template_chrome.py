"""Template chrome in the service: each fetched page's blocks are kept per site in Redis, and
a block seen on most recent pages of the site is not read as the article of the next one."""
from __future__ import annotations

from cache.articles import ArticleStore
from cache.chrome import RedisChromeStore
from cache.keys import Keys
from services.articles import get_article
from tests.scraper.cms_pages import CHROME, mock_site, truth_of


def test_a_box_on_every_page_of_a_site_stops_being_read(origin, fetcher, redis_client):
    keys = Keys("test:")
    store = ArticleStore(redis_client, keys, ttl_s=60, extractor_version="t")
    chrome = RedisChromeStore(redis_client, keys)
    box = b"<p>" + CHROME[0].encode() + b"</p></div><div class='social'>"
    for path, body in mock_site("joomla").items():  # the box sits inside every article body
        origin.html(path, body.replace(b"</div><div class='social'>", box))
    first = get_article(origin.url("/tin-tuc/bai-0.html"), fetcher=fetcher, store=store,
                        fresh_s=60, chrome=chrome)
    assert CHROME[0] in first.paragraphs  # one page is no template
    for n in (1, 2, 3):
        get_article(origin.url(f"/tin-tuc/bai-{n}.html"), fetcher=fetcher, store=store,
                    fresh_s=60, chrome=chrome)
    assert chrome.get("127.0.0.1")
    later = get_article(origin.url("/tin-tuc/bai-4.html"), fetcher=fetcher, store=store,
                        fresh_s=60, chrome=chrome)
    assert CHROME[0] not in later.paragraphs
    assert later.paragraphs[-1] == truth_of(4)["last"]
