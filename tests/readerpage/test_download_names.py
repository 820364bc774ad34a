"""Download names of the MP3 and the PDF: one function, whole words, accents folded for the
ASCII fallback (what podcast apps save the file as)."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import unquote

from services.container import services_of
from services.download_names import NAME_MAX_CHARS, ascii_slug, content_disposition, cut_at_word
from tests.voices.conftest import small_article

LONG_TITLE = ("Tổng cục Quản lý tài nguyên nước kiểm tra công tác xây dựng nông thôn mới "
              "tại huyện Đình Lập và huyện Lộc Bình năm 2026")


def _names(header: str) -> tuple[str, str]:
    ascii_part = header.split('filename="', 1)[1].split('"', 1)[0]
    utf8_part = unquote(header.split("filename*=UTF-8''", 1)[1])
    return ascii_part, utf8_part


def test_both_names_end_at_a_word_boundary():
    ascii_name, utf8_name = _names(content_disposition(LONG_TITLE, "mp3"))
    stem = utf8_name.removesuffix(".mp3")
    assert len(stem) <= NAME_MAX_CHARS and LONG_TITLE.startswith(stem)
    assert LONG_TITLE[len(stem)] == " "  # the next character starts a new word
    slug = ascii_name.removesuffix(".mp3")
    full = ascii_slug(LONG_TITLE, max_chars=1000)
    assert len(slug) <= NAME_MAX_CHARS and full.startswith(slug) and full[len(slug)] == "-"


def test_ascii_fallback_folds_accents_instead_of_dropping_letters():
    ascii_name, _ = _names(content_disposition(LONG_TITLE, "mp3"))
    assert ascii_name.startswith("tong-cuc-quan-ly-tai-nguyen-nuoc-kiem-tra")
    assert "dinh-lap" in ascii_slug("huyện Đình Lập")  # đ has no decomposition: mapped


def test_a_single_overlong_word_is_cut_as_there_is_no_boundary():
    assert cut_at_word("a" * 100, 80) == "a" * 80
    assert cut_at_word("ngắn", 80) == "ngắn"


def test_whole_article_mp3_is_named_by_its_title(app, client):
    narrator = services_of(app).narrator
    record = narrator.render_now(replace(small_article(1), title=LONG_TITLE), keep=False)
    header = client.get(f"/audio/article/{record['id']}.mp3").headers["Content-Disposition"]
    assert header.startswith("inline; ")
    assert header.split("; ", 1)[1] == content_disposition(LONG_TITLE, "mp3").split("; ", 1)[1]
    ascii_name, utf8_name = _names(header)
    assert ascii_name.startswith("tong-cuc-quan-ly-tai-nguyen-nuoc") and utf8_name.endswith(".mp3")
    assert all(ord(ch) < 128 for ch in header)
