"""Article pages: the skeleton other helpers rely on, and the truth files agree with the HTML."""
from __future__ import annotations

import io
from datetime import datetime

import pytest

from samples.chrome import BANNER
from tests.sample.conftest import article_body_text, load_truths, page_text, parse, squash
from tests.support.data import SEED

TRUTHS = load_truths()
SKELETON = ["div.sample-banner", "a.skip-link", "header#header nav#main-menu", "div.ticker marquee",
            "div.article-tools", "article.news-detail h1.news-title", "article.news-detail div.news-date",
            "article.news-detail div.news-lead", "article.news-detail div.news-content",
            "article.news-detail div.posted-by", "div.related-news", "aside.sidebar", "footer#footer"]


@pytest.fixture(scope="module")
def pages(site_url, http) -> dict[str, object]:
    out = {}
    for truth in TRUTHS:
        reply = http.get(site_url + truth["url"], timeout=5)
        assert reply.status_code == 200
        assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
        out[truth["url"]] = reply.text
    return out


def test_at_least_twelve_articles():
    assert len(TRUTHS) >= 12
    assert len({t["url"] for t in TRUTHS}) == len(TRUTHS)


@pytest.mark.parametrize("truth", TRUTHS, ids=[t["url"].split("/")[-1][:40] for t in TRUTHS])
def test_article_matches_truth(truth, pages):
    html = pages[truth["url"]]
    doc = parse(html)
    assert doc.get("lang") == "vi"
    for selector in SKELETON:
        assert doc.cssselect(selector), selector
    assert squash(doc.cssselect("h1.news-title")[0].text_content()) == truth["title"]
    assert doc.cssselect('meta[property="og:title"]')[0].get("content") == truth["title"]
    assert doc.cssselect('meta[property="article:published_time"]')[0].get("content") == truth["date"]
    assert doc.cssselect("link[rel=canonical]")[0].get("href") == truth["url"]
    date_line = squash(doc.cssselect("div.news-date")[0].text_content())
    published = datetime.fromisoformat(truth["date"])
    assert date_line.startswith("Ngày đăng: " + published.strftime("%d/%m/%Y %H:%M"))
    assert "Lượt xem:" in date_line
    assert squash(doc.cssselect("div.news-lead")[0].text_content()) == truth["lead"]
    byline = doc.cssselect('div.news-content p[style="text-align:right"]')[-1]
    assert squash(byline.text_content()) == "Tác giả: " + truth["author"]
    assert squash(doc.cssselect("div.posted-by")[0].text_content()) == "Đăng bởi: quantri"
    captions = [squash(c.text_content()) for c in
                doc.cssselect("div.news-content figcaption, div.news-content table.image-caption td.caption")]
    assert captions == truth["captions"] and captions
    attachments = [{"title": squash(a.text_content()), "url": a.get("href")}
                   for a in doc.cssselect("div.news-attachments a[href$='.pdf'], "
                                          "div.news-attachments a[href$='.docx']")]
    assert attachments == truth["attachments"]

    whole_page = page_text(doc)  # before article_body_text cuts the boxes out
    body = article_body_text(doc)
    assert truth["first"] in body
    assert body.endswith(truth["last"])
    for needle in truth["contains"]:
        assert needle in body
    article_words = " ".join([body, truth["title"], truth["lead"], *truth["captions"]])
    for leak in truth["without"]:
        assert leak in whole_page, f"{leak!r} is not on the page: a useless check"
        assert leak not in article_words, leak


def test_every_page_is_labelled_a_sample(site_url, http):
    from samples.serve import SITE_DIR
    for path in sorted(SITE_DIR.rglob("*.html")):
        url = site_url + "/" + path.relative_to(SITE_DIR).as_posix()
        doc = parse(http.get(url, timeout=5).text)
        banner = doc.cssselect("div.sample-banner")
        assert banner and squash(banner[0].text_content()) == BANNER, url
        assert not banner[0].xpath("ancestor::article"), url


def test_long_article_is_long(pages):
    long_ones = [t for t in TRUTHS if any("long article" in f for f in t["features"])]
    assert long_ones
    for truth in long_ones:
        body = article_body_text(parse(pages[truth["url"]]))
        assert len(body) >= 6000 and truth["body_chars"] >= 6000


def test_seed_article_is_there_word_for_word(pages):
    seed = squash(SEED.read_text(encoding="utf-8"))
    truth = next(t for t in TRUTHS if "seed" in t["features"])
    assert truth["title"] == ("Kiểm tra công tác thực hiện Chương trình mục tiêu Quốc gia xây dựng "
                              "nông thôn mới tại huyện Bắc Sơn năm 2022")
    body = article_body_text(parse(pages[truth["url"]]))
    assert "18.880 triệu đồng" in body and "32/KH-UBND ngày 20/2/2022" in body
    for piece in (truth["title"], truth["lead"], *truth["captions"], body):
        assert piece in seed


def test_pdf_attachment_is_a_real_pdf(site_url, http):
    """The price-table decision's small PDF (the scanned, text and Word documents attached
    elsewhere are read back in tests/documents)."""
    from pypdf import PdfReader
    attachments = [a for t in TRUTHS for a in t["attachments"] if "bang-gia-dat" in a["url"]]
    assert attachments
    for attachment in attachments:
        reply = http.get(site_url + attachment["url"], timeout=5)
        assert reply.status_code == 200 and reply.content.startswith(b"%PDF-")
        reader = PdfReader(io.BytesIO(reply.content))
        text = squash(" ".join(page.extract_text() for page in reader.pages))
        assert "45/2025/QĐ-UBND" in text


def test_every_link_and_image_on_articles_resolves(site_url, http, pages):
    from urllib.parse import urljoin, urlsplit
    seen = set()
    for url, html in pages.items():
        doc = parse(html)
        refs = [a.get("href") for a in doc.cssselect("a[href]")] + [i.get("src") for i in doc.cssselect("img")]
        for ref in refs:
            target = urljoin(site_url + url, ref)
            if urlsplit(target).netloc != urlsplit(site_url).netloc or urlsplit(target).fragment:
                continue
            seen.add(target)
    linked_pages = {t for t in seen if "/tin-tuc/" in t or "/images/" in t or "/files/" in t}
    assert len(linked_pages) > 20
    for target in sorted(linked_pages):
        assert http.get(target, timeout=5).status_code == 200, target


def test_tricky_markup_is_present(pages):
    """The features the scraper's tests count on really are in the HTML."""
    html = "\n".join(pages.values())
    assert "&agrave;" in html and "&#7879;" in html and "&nbsp;" in html
    assert '<div class="box-related">' in html and '<div class="share-buttons">' in html
    assert "<figcaption>" in html and 'td class="caption"' in html
    assert "<thead><tr><th>" in html and "<ol>" in html and "<ul>" in html
    assert "tháng 12/2019" in html
