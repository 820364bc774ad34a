"""The quality gate on saved pages: vi-news (real Vietnamese news sites) and the sample site."""
from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.scraper.pages import sample_cases, score, squash, vi_news_cases

VI_NEWS = vi_news_cases()
SAMPLE = sample_cases()


def test_the_page_sets_are_there():
    assert len(VI_NEWS) >= 19
    assert len(SAMPLE) >= 10


@pytest.mark.parametrize("truth", VI_NEWS, ids=[t["file"] for t in VI_NEWS])
def test_vi_news_page(truth):
    article = extract_article(truth["html_path"].read_bytes(), truth["page_url"])
    result = score(article, truth)
    assert result["first"], truth["first"]
    assert result["last"], truth["last"]
    assert result["leaked"] == []


@pytest.mark.parametrize("truth", SAMPLE, ids=[t["url"].rsplit("/", 1)[-1] for t in SAMPLE])
def test_sample_page(truth):
    article = extract_article(truth["html_path"].read_bytes(), truth["page_url"])
    result = score(article, truth)
    assert result["first"] and result["last"] and result["leaked"] == []
    assert result["title"] and article.published == truth["date"]
    assert article.author == truth["author"]
    assert squash(article.lead) == squash(truth["lead"])
    assert [squash(c) for c in article.captions] == [squash(c) for c in truth["captions"]]
    body = squash(" ".join(article.paragraphs))
    assert all(squash(c) in body for c in truth.get("contains", []))
    assert sorted(a.url.rsplit("/", 1)[-1] for a in article.attachments) == \
        sorted(a["url"].rsplit("/", 1)[-1] for a in truth.get("attachments", []))


@pytest.mark.parametrize("field", ["title", "date"])
def test_title_and_date_right_on_95_percent(field):
    pages = VI_NEWS + SAMPLE
    right = sum(score(extract_article(t["html_path"].read_bytes(), t["page_url"]), t)[field]
                for t in pages)
    assert right / len(pages) >= 0.95


def test_co_authors_in_their_own_elements_are_joined_not_run_together():
    """tuoitre.vn shows "NHẬT XUÂN và 1 tác giả khác" and lists each author apart: the
    listener hears both names, not the widget's text."""
    truth = next(t for t in VI_NEWS if t["file"] == "tuoitre.html")
    article = extract_article(truth["html_path"].read_bytes(), truth["page_url"])
    assert article.author == "NHẬT XUÂN - NGHI VŨ" == truth["author"]


def test_authors_right_on_most_pages():
    pages = VI_NEWS + SAMPLE
    right = sum(score(extract_article(t["html_path"].read_bytes(), t["page_url"]), t)["author"]
                for t in pages)
    # 28 of 33: the misses are truth files that disagree on keeping "Theo …" and two 2012
    # pages whose byline is split over two right-aligned lines or shares one with a photo credit.
    assert right >= 28


@pytest.mark.parametrize("listing", ["index.html", "tin-tuc/trang-2.html", "tin-tuc/trang-3.html"])
def test_listing_pages_are_not_read_as_articles(listing):
    """The fallback would find the first teaser of a listing; it says "listing" instead,
    with the articles the page lists (none of the 33 article pages above is taken for one)."""
    from samples.serve import SITE_DIR
    from scraper.errors import ListingPageError
    url = "http://127.0.0.1:8001/" + listing
    with pytest.raises(ListingPageError) as caught:
        extract_article((SITE_DIR / listing).read_bytes(), url)
    assert len(caught.value.items) >= 4
    assert all(item.url.startswith("http://127.0.0.1:8001/tin-tuc/") and item.title
               for item in caught.value.items)


def test_a_listing_in_an_article_container_is_still_a_listing():
    """A CMS may put its listing in the same container as an article's body, so a profile
    matches it: the teaser check runs there too (on short text only)."""
    from samples.serve import SITE_DIR
    from scraper.errors import ListingPageError
    html = (SITE_DIR / "tin-tuc" / "trang-2.html").read_text(encoding="utf-8")
    html = html.replace('<div class="news-list">',
                        '<div class="news-content"><div class="news-list">', 1)
    html = html.replace('<nav class="pagination"', '</div><nav class="pagination"', 1)
    assert html.count('class="news-content"') == 1
    # On the department's own host its profile is chosen, and its body selector matches.
    url = "https://stnmt.langson.gov.vn/tin-tuc/trang-2.html"
    with pytest.raises(ListingPageError) as caught:
        extract_article(html, url)
    assert len(caught.value.items) >= 4
    assert all(i.url.startswith("https://stnmt.langson.gov.vn/tin-tuc/") for i in caught.value.items)
