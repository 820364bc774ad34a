"""Abbreviations an article defines itself are read with that definition everywhere in the
article (reader.definitions, Normalizer.for_article, reader.narrate.plan_segments); the
lexicon is not changed."""
from __future__ import annotations

from reader.definitions import find_definitions
from reader.narrate import plan_segments
from reader.normalize import DEFAULT_LEXICON, Normalizer, normalize
from scraper.article import Article

# From the department's news: the definition comes first, the bare abbreviation later.
ARTICLE = Article(
    url="https://stnmt.example.gov.vn/tin-tuc/xlnt.html",
    title="Kiểm tra hệ thống xử lý nước thải (XLNT) tại các khu công nghiệp",
    lead="Đoàn kiểm tra việc vận hành trạm XLNT tập trung.",
    paragraphs=["Qua kiểm tra, 02 trạm XLNT chưa lắp đặt thiết bị quan trắc tự động.",
                "Các hành vi vi phạm hành chính (VPHC) trong lĩnh vực bảo vệ môi trường "
                "(BVMT) bị xử phạt; Hành vi VPHC được lập biên bản.",
                "Ban quản lý các khu công nghiệp (BQLKCN) phối hợp; BQLKCN báo cáo."])


def test_definitions_are_found_by_initials():
    found = find_definitions([ARTICLE.title, *ARTICLE.paragraphs])
    assert found["XLNT"] == "xử lý nước thải"
    assert found["VPHC"] == "vi phạm hành chính"
    assert found["BQLKCN"] == "ban quản lý các khu công nghiệp"


def test_parentheses_that_do_not_spell_the_words_are_no_definition():
    assert find_definitions(["Sở Tài nguyên và Môi trường (Sở TN&MT)",
                             "thành phố Hà Nội (XYZ), công ty (ABC)", "năm (2023)"]) == {}


def test_skippable_words_inside_an_expansion():
    assert find_definitions(["Tài nguyên và Môi trường (TNMT)"]) == {
        "TNMT": "tài nguyên và môi trường"}


def test_article_reading_uses_its_definitions_everywhere():
    read = normalize.for_article([ARTICLE.title, ARTICLE.lead, *ARTICLE.paragraphs])
    assert read("Nâng cấp trạm XLNT.") == "nâng cấp trạm xử lý nước thải."
    assert read("BQLKCN báo cáo.") == "ban quản lý các khu công nghiệp báo cáo."
    # Without the article the abbreviation is unknown and spelled.
    assert normalize("Nâng cấp trạm XLNT.") == "nâng cấp trạm ích lờ en tê."


def test_lexicon_and_editors_keep_their_reading():
    read = normalize.for_article(["Quỹ bảo vệ môi trường (BVMT)", "khối thống nhất (KTN)"])
    assert read("BVMT") == "bảo vệ môi trường"
    from reader.lexicon import parse_entry
    edited = Normalizer(DEFAULT_LEXICON.with_edits([parse_entry("abbr", "KTN", "ca tê en")]))
    assert edited.for_article(["khối thống nhất (KTN)"])("theo KTN") == "theo ca tê en"


def test_narration_plans_read_the_article_with_its_definitions():
    said = " ".join(p.spoken for p in plan_segments(ARTICLE, max_chars=500))
    assert "trạm xử lý nước thải tập trung" in said
    assert "hai trạm xử lý nước thải chưa" in said
    assert "ích lờ en tê" not in said
    assert "hành vi vi phạm hành chính được lập biên bản" in said


def test_editors_normalizer_reads_per_article_too():
    from services.editors_lexicon import normalizer_with_edits
    read = normalizer_with_edits({"TNHH": "tê en hát hát"})
    said = " ".join(p.spoken for p in plan_segments(ARTICLE, max_chars=500, normalize=read))
    assert "trạm xử lý nước thải tập trung" in said


def test_a_plain_function_still_works():
    plans = plan_segments(ARTICLE, max_chars=500, normalize=str.lower)
    assert plans[0].spoken.startswith("kiểm tra hệ thống")
