"""Decoding and whitespace: lying charsets, entities, NFC, inline tags and split words."""
from __future__ import annotations

import unicodedata

import pytest

from scraper.decode import decode_html
from scraper.extract import extract_article
from tests.scraper.cp1258 import encode_cp1258

TEXT = "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn kiểm tra công tác bảo vệ rừng đầu nguồn."


def page(body: str, head: str = "<meta charset='utf-8'>") -> str:
    return f"<html><head>{head}<title>Tiêu đề bài</title></head><body><article><h1>Tiêu đề bài viết thử nghiệm</h1><div class='entry-content'>{body}</div></article></body></html>"


def test_declared_windows_1258_but_utf8_bytes():
    raw = page(f"<p>{TEXT}</p>", "<meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>").encode("utf-8")
    assert extract_article(raw, "http://a.vn/x").paragraphs == [TEXT]
    assert extract_article(raw, "http://a.vn/x", charset="windows-1258").paragraphs == [TEXT]


def test_real_windows_1258_is_decoded_and_composed():
    raw = encode_cp1258(page(f"<p>{TEXT}</p>", "<meta charset='windows-1258'>"))
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = extract_article(raw, "http://a.vn/x")
    assert article.paragraphs == [TEXT]
    assert unicodedata.is_normalized("NFC", article.paragraphs[0])


def test_undeclared_legacy_bytes_are_guessed():
    raw = encode_cp1258(f"<html><body><p>{TEXT} {TEXT}</p></body></html>")
    assert unicodedata.normalize("NFC", decode_html(raw)).count("Lạng Sơn") == 2


def test_decomposed_text_comes_out_nfc():
    nfd = unicodedata.normalize("NFD", TEXT)
    article = extract_article(page(f"<p>{nfd}</p>"), "http://a.vn/x")
    assert article.paragraphs == [TEXT]


def test_entities_named_and_numeric():
    article = extract_article(page("<p>S&#7903; TN&amp;MT &ndash; &#x110;&agrave; L&#x1EA0;t&nbsp;2024</p>"), "http://a.vn/x")
    assert article.paragraphs == ["Sở TN&MT – Đà LẠt 2024"]


@pytest.mark.parametrize("html,text", [
    ("<p><b>Hà</b> <i>Nội</i></p>", "Hà Nội"),
    ("<p><b>Hà</b><i>Nội</i></p>", "HàNội"),
    ("<p>Vi<span>ệ</span>t <span>Na</span><span>m</span></p>", "Việt Nam"),
    ("<p>Lạng\n   Sơn\t\tđẹp</p>", "Lạng Sơn đẹp"),
    ("<p>mở<strong>đầu</strong>, giữa<em> và </em>cuối</p>", "mởđầu, giữa và cuối"),
    ("<p>a\u200bb\u00adc</p>", "abc"),
])
def test_whitespace_follows_the_page(html, text):
    assert extract_article(page(html), "http://a.vn/x").paragraphs == [text]


def test_br_and_blocks_end_paragraphs():
    article = extract_article(page("<div>Dòng một<br>Dòng hai<div>Khối ba</div>đuôi bốn</div>"), "http://a.vn/x")
    assert article.paragraphs == ["Dòng một", "Dòng hai", "Khối ba", "đuôi bốn"]


def test_author_lines_lose_rating_widgets_and_photo_credits_are_not_authors():
    from scraper.extract import clean_author
    assert clean_author("Theo Sầm Hoa (Vietnamnet/Reuters)(6816 bình chọn, 9/10 điểm)") == \
        "Theo Sầm Hoa (Vietnamnet/Reuters)"
    assert clean_author("Ảnh: Misso") == ""
    assert clean_author("Tác giả: Chi cục Bảo vệ môi trường") == "Chi cục Bảo vệ môi trường"
