"""Issue 13's failure classes, on pages written for the tests in each CMS family
(tests/scraper/cms_pages.py): every trap at once, then one trap at a time."""
from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.scraper.cms_pages import (AUTHOR, CAPTION, DATE, FAMILIES, PARAS, SIDEBAR, TITLE,
                                     article_page, entities)

URL = "http://so.example.vn/tin-tuc/hoi-nghi-tong-ket.html"
PROFILED = {"dnn": "dnn-aspnet", "drupal": "drupal-department", "liferay": "liferay",
            "wordpress": "wordpress", "handmade": "generic"}


def read(page: str):
    return extract_article(page.encode("utf-8"), URL)


@pytest.mark.parametrize("family", FAMILIES)
def test_class1_a_banner_matching_the_body_selector_first_is_passed_over(family):
    article = read(article_page(family, banner=True))
    assert article.site == PROFILED[family]
    assert article.paragraphs[0] == PARAS[0] and article.paragraphs[-1] == PARAS[-1]


@pytest.mark.parametrize("family", FAMILIES)
def test_class2_numeric_entities_nested_tables_and_br_paragraphs(family):
    page = article_page(family)
    if family != "dnn":
        page = entities(page)  # the old ASP.NET way of writing, in every family
    article = read(page)
    assert article.title == TITLE
    assert article.paragraphs == PARAS
    assert not any(s in " ".join(article.paragraphs) for s in SIDEBAR)


@pytest.mark.parametrize("family", FAMILIES)
def test_class3_the_title_is_the_article_heading_not_a_sidebar_box(family):
    article = read(article_page(family))
    assert article.title == TITLE
    assert article.title not in SIDEBAR


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("date_line, expected", [
    ("Ngày đăng: 20/05/2024 | 09:15", "2024-05-20T09:15:00+07:00"),
    ("Thứ Năm, 23/05/2024", "2024-05-23"),
    ("Cập nhật lúc 08:30 ngày 20/5/2024", "2024-05-20T08:30:00+07:00"),
])
def test_class4_the_articles_own_date_line(family, date_line, expected):
    article = read(article_page(family, date_line=date_line, updated=""))
    assert article.published == expected  # not the header's 02/01/2023 nor the sidebar's


@pytest.mark.parametrize("family", FAMILIES)
def test_class4_an_updated_line_does_not_win_over_the_date_line(family):
    article = read(article_page(family, updated="Cập nhật lúc 10:00 ngày 22/5/2024"))
    assert article.published[:10] == DATE


@pytest.mark.parametrize("family", FAMILIES)
def test_class4_a_date_only_in_a_meta_tag(family):
    article = read(article_page(family, date_line="", updated="",
                                meta_date="2024-05-20T07:00:00+07:00"))
    assert article.published == "2024-05-20T07:00:00+07:00"


@pytest.mark.parametrize("family", FAMILIES)
def test_class4_a_date_only_after_the_body(family):
    article = read(article_page(family, date_line="Ngày đăng: 20/05/2024", date_after=True, updated=""))
    assert article.published == DATE


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("style", ["bold", "tin-anh", "nguon"])
def test_class5_the_author_at_the_end_of_the_body(family, style):
    article = read(article_page(family, author=style))
    assert article.author == AUTHOR
    assert AUTHOR not in " ".join(article.paragraphs)


@pytest.mark.parametrize("family", FAMILIES)
def test_class5_never_a_cms_account_nor_a_photo_credit(family):
    paras = PARAS + ["Đăng bởi: quantri"]
    article = read(article_page(family, author="", paragraphs=paras, caption="centred"))
    assert article.author is None
    assert "quantri" not in " ".join(article.paragraphs)


def test_class5_a_dnn_author_label():
    page = article_page("dnn", author="").replace(
        entities('<span id="dnn_ctr412_ViewNews_lblContent">'),
        entities(f'<span id="dnn_ctr412_ViewNews_lblAuthor">{AUTHOR}</span>'
                 '<span id="dnn_ctr412_ViewNews_lblContent">'))
    assert read(page).author == AUTHOR


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("style", ["table", "em", "centred", "class"])
def test_class6_captions_are_not_body_text(family, style):
    article = read(article_page(family, caption=style))
    assert article.captions and CAPTION in article.captions[0]
    assert article.paragraphs == PARAS


@pytest.mark.parametrize("page", [
    b"\x00\xff\xfe" * 2000,
    b"<div>" * 5000 + "Một câu có dấu phẩy, đủ dài để được chấm điểm như đoạn văn.".encode() + b"</div>" * 5000,
    b"<table>" + b"<tr><td>" + "ô, ".encode() * 30 + b"</td></tr>" * 3000 + b"</table>",
    b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>",
])
def test_hostile_pages_give_an_article_or_no_article_never_a_crash(page):
    from scraper.errors import NoArticleError
    try:
        article = extract_article(page, URL)
    except NoArticleError:
        return
    assert article.paragraphs and article.title and 0 <= article.confidence <= 1
