"""Article store on a real Redis, the get_article flow with conditional GET, and the
listing crawl on the bundled sample site."""
from __future__ import annotations

import json

import pytest

from cache.articles import ArticleStore, url_key
from cache.keys import Keys
from scraper.errors import NoArticleError
from scraper.listing import canonical_url, crawl_listing
from services.articles import get_article, list_articles
from tests.scraper.conftest import FIXTURES
from tests.support.servers import serve_sample_site

ARTICLE = (FIXTURES / "vnpt.html").read_bytes()


@pytest.fixture()
def store(redis_client):
    now = [1000.0]
    s = ArticleStore(redis_client, Keys("test:"), ttl_s=60, clock=lambda: now[0])
    s.now = now
    return s


def etag_route(body: bytes, etag: str = '"a1"'):
    def route(req):
        if req.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": etag}, body
    return route


def test_cached_then_conditional_get_then_304(origin, fetcher, store, redis_client):
    origin.routes["/bai.html"] = etag_route(ARTICLE)
    url = origin.url("/bai.html")
    first = get_article(url, fetcher=fetcher, store=store, fresh_s=10)
    assert first.title == "Tăng cường quản lý khoáng sản trên địa bàn tỉnh"
    assert get_article(url, fetcher=fetcher, store=store, fresh_s=10) == first
    assert origin.hits["/bai.html"] == 1  # fresh: no request at all
    store.now[0] += 60
    again = get_article(url, fetcher=fetcher, store=store, fresh_s=10)
    assert again.content_hash == first.content_hash
    assert origin.hits["/bai.html"] == 2
    assert origin.headers_seen[-1]["If-None-Match"] == '"a1"'  # answered 304, nothing downloaded
    record = store.get(url)
    assert record.etag == '"a1"' and record.checked_at == store.now[0]
    assert record.content_hash == first.content_hash and record.fetched_at
    ttl = redis_client.ttl(Keys("test:").article(url_key(url)))
    assert 0 < ttl <= 60


def test_changed_page_is_extracted_again(origin, fetcher, store):
    origin.routes["/bai.html"] = etag_route(ARTICLE, '"v1"')
    url = origin.url("/bai.html")
    first = get_article(url, fetcher=fetcher, store=store, fresh_s=0)
    origin.routes["/bai.html"] = etag_route(ARTICLE.replace(b"Minh Anh", "Thu Hà".encode()), '"v2"')
    second = get_article(url, fetcher=fetcher, store=store, fresh_s=0)
    assert second.author == "Thu Hà" and second.content_hash != first.content_hash


def test_failed_extraction_is_not_cached(origin, fetcher, store):
    origin.html("/empty.html", b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>")
    url = origin.url("/empty.html")
    with pytest.raises(NoArticleError) as info:
        get_article(url, fetcher=fetcher, store=store, fresh_s=600)
    assert info.value.status == 422 and info.value.message_vi == "Không tìm thấy nội dung bài viết"
    assert store.get(url) is None


def test_store_refuses_partial_articles(store):
    from scraper.article import Article
    with pytest.raises(ValueError):
        store.put("http://a/x", Article(url="http://a/x", title="", paragraphs=["x"]))
    with pytest.raises(ValueError):
        store.put("http://a/x", Article(url="http://a/x", title="T", paragraphs=[]))


def test_listing_crawl_on_the_sample_site(fetcher):
    with serve_sample_site() as base:
        items = crawl_listing(fetcher, base, max_pages=5, deadline_s=10)
        few = crawl_listing(fetcher, base, max_pages=1, deadline_s=10)
    assert len(items) >= 14 and len(few) < len(items)
    dates = [i.published for i in items]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert len({canonical_url(i.url) for i in items}) == len(items)
    assert all(i.url.startswith(base.rstrip("/") + "/tin-tuc/") and i.title for i in items)


def test_list_articles_is_kept_briefly(fetcher, store):
    with serve_sample_site() as base:
        first = list_articles(base, fetcher=fetcher, store=store, max_pages=2, deadline_s=10,
                              ttl_s=300, limit=5)
    assert len(first) == 5 and set(first[0]) == {"url", "title", "published"}
    assert list_articles(base, fetcher=fetcher, store=store, max_pages=2, deadline_s=10,
                         ttl_s=300, limit=5) == first  # server gone: from Redis


def test_canonical_url_drops_fragments_and_tracking():
    assert canonical_url("HTTP://A.vn/x.html?utm_source=fb&id=2#top") == "http://a.vn/x.html?id=2"


def test_one_broken_link_does_not_lose_the_listing():
    """Links the source page got wrong are skipped, not fatal."""
    from lxml import html as lxml_html

    from scraper.listing import read_listing_page, resolve_link
    from scraper.profiles import load_profiles

    page = ("<html><body><h3><a href='http://[broken/a.html'>Tin có địa chỉ hỏng trên trang danh sách</a></h3>"
            "<h3><a href='javascript:void(0)'>Liên kết không phải trang bài viết nào cả</a></h3>"
            "<h3><a href='/tin-tuc/bai-tot.html'>Bài viết có địa chỉ đúng trên trang danh sách</a></h3>"
            "<a rel='next' href='http://[x'>Trang sau</a></body></html>")
    items, next_url = read_listing_page(lxml_html.fromstring(page), "https://stnmt.langson.gov.vn/",
                                        load_profiles())
    assert [i.url for i in items] == ["https://stnmt.langson.gov.vn/tin-tuc/bai-tot.html"]
    assert next_url is None
    assert resolve_link("https://a.vn/x/", "b.html") == "https://a.vn/x/b.html"
    assert resolve_link("https://a.vn/", "http://a.vn:99999/") is None


def test_a_new_scraper_reads_an_unchanged_page_again(origin, fetcher, redis_client):
    """After an upgrade of the extraction, a page the source still answers 304 for is
    downloaded and extracted again: the fix reaches it, the old reading does not linger."""
    origin.routes["/bai.html"] = etag_route(ARTICLE)
    url = origin.url("/bai.html")
    old = ArticleStore(redis_client, Keys("test:"), ttl_s=60, extractor_version="old")
    get_article(url, fetcher=fetcher, store=old, fresh_s=0)
    assert get_article(url, fetcher=fetcher, store=old, fresh_s=0)
    assert origin.headers_seen[-1].get("If-None-Match") == '"a1"'  # same version: 304 path
    new = ArticleStore(redis_client, Keys("test:"), ttl_s=60, extractor_version="new")
    assert new.get(url) is None
    again = get_article(url, fetcher=fetcher, store=new, fresh_s=0)
    assert "If-None-Match" not in origin.headers_seen[-1]  # a full download, extracted anew
    assert again.title and new.get(url) is not None and old.get(url) is None


def test_an_older_scrapers_copy_is_served_while_the_site_is_down(origin, fetcher, redis_client):
    """Right after an upgrade every stored article is an older scraper's: while the site
    cannot be reached, that copy is read rather than nothing (a prepared article's page
    answered 504 although its audio played)."""
    from scraper.errors import SourceUnreachableError
    origin.routes["/bai.html"] = etag_route(ARTICLE)
    url = origin.url("/bai.html")
    old = ArticleStore(redis_client, Keys("test:"), ttl_s=60, extractor_version="old")
    first = get_article(url, fetcher=fetcher, store=old, fresh_s=0)
    new = ArticleStore(redis_client, Keys("test:"), ttl_s=60, extractor_version="new")

    class SiteDown:
        def check_url(self, url):
            return url

        def fetch(self, url, **_):
            raise SourceUnreachableError(url)
    assert get_article(url, fetcher=SiteDown(), store=new, fresh_s=600) == first
    assert new.get(url) is None  # not re-labelled as the new scraper's reading
    again = get_article(url, fetcher=fetcher, store=new, fresh_s=600)  # the site is back
    assert "If-None-Match" not in origin.headers_seen[-1] and again.title
    assert new.get(url) is not None


def test_the_extractor_version_follows_the_profiles_and_code(tmp_path, monkeypatch):
    import shutil
    from scraper import version
    copy = tmp_path / "scraper"
    shutil.copytree(version._HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(version, "_HERE", copy)
    assert version._digest() == version.EXTRACTOR_VERSION
    profile = copy / "profiles" / "department-sample.json"
    layout = json.loads(profile.read_text(encoding="utf-8"))
    layout["title"].append("h1.article-title")  # a site layout changed: one selector more
    profile.write_text(json.dumps(layout, ensure_ascii=False, indent=2), encoding="utf-8")
    after_profile = version._digest()
    assert after_profile != version.EXTRACTOR_VERSION
    (copy / "fallback.py").write_text((copy / "fallback.py").read_text() + "\n# changed\n")
    assert version._digest() not in (version.EXTRACTOR_VERSION, after_profile)
