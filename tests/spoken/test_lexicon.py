"""The lexicon file: validated with line numbers, merged with editors' rows, and every entry
family read where it belongs."""
from __future__ import annotations

import pytest

from reader.lexicon import Entry, LexiconError, load_lexicon, parse_entry, parse_lexicon
from reader.normalize import DEFAULT_LEXICON, NORMALIZER_VERSION, Normalizer, normalize

ENTRIES = DEFAULT_LEXICON.entries


def test_bundled_lexicon_loads_and_is_large():
    assert len(ENTRIES) >= 250
    kinds = {e.kind for e in ENTRIES}
    assert kinds == {"abbr", "doctype", "issuer", "party", "title", "city", "unit", "numunit"}


@pytest.mark.parametrize("text, line", [
    ("abbr\tUBND\tủy ban nhân dân\n# c\nabbr\tUBND\tủy ban\n", 3),
    ("abbr\tUBND\tủy ban nhân dân\n\nabbr\t\tsomething\n", 3),
    ("abbr\tUBND\t\n", 1),
    ("abbr\tUBND\n", 1),
    ("\n\nfoo\tUBND\tủy ban\n", 3),
    ("abbr\tX1\tmột 1\n", 1),
])
def test_bad_rows_name_their_line(text, line):
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, source="test.tsv")
    assert str(info.value).startswith(f"test.tsv line {line}: ")
    assert info.value.message_vi.startswith(f"test.tsv dòng {line}: ")  # Vietnamese throughout
    assert " line " not in info.value.message_vi


def test_load_lexicon_reports_file_name(tmp_path):
    path = tmp_path / "extra.tsv"
    path.write_text("abbr\tABC\tá bê xê\nabbr\tABC\tkhác\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="extra.tsv line 2"):
        load_lexicon(path)


def test_same_written_form_in_two_kinds_is_allowed():
    lex = parse_lexicon("abbr\tCP\tcổ phần\nissuer\tCP\tchính phủ\n")
    assert lex.by_kind["abbr"]["CP"] == "cổ phần"
    assert lex.by_kind["issuer"]["CP"] == "chính phủ"


def test_editor_rows_merge_and_change_the_version():
    extra = [parse_entry("abbr", "XYZT", "ích i dét tê"), parse_entry("abbr", "UBND", "ủy ban")]
    normalizer = Normalizer(DEFAULT_LEXICON.merged(extra))
    assert normalizer.normalize("Công ty XYZT và UBND") == "công ty ích i dét tê và ủy ban"
    assert normalize("UBND") == "ủy ban nhân dân"  # the default is untouched
    assert normalizer.version != NORMALIZER_VERSION
    assert Normalizer(DEFAULT_LEXICON).version == NORMALIZER_VERSION


def test_version_is_code_and_content_hash():
    code, digest = NORMALIZER_VERSION.split(".")
    assert code and len(digest) == 12
    reordered = parse_lexicon("abbr\tB\tbê\nabbr\tA\ta\n")
    assert reordered.digest() == parse_lexicon("abbr\tA\ta\nabbr\tB\tbê\n").digest()


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "abbr"],
                         ids=lambda e: e.written)
def test_abbreviation_read_alone(entry: Entry):
    assert normalize(f"theo {entry.written} mới") == f"theo {entry.spoken} mới"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "doctype"],
                         ids=lambda e: e.written)
def test_type_code_in_symbol(entry: Entry):
    assert normalize(f"số 12/{entry.written}-UBND") == \
        f"số mười hai trên {entry.spoken} ủy ban nhân dân"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "party"],
                         ids=lambda e: e.written)
def test_party_issuer_in_party_symbol(entry: Entry):
    assert normalize(f"Nghị quyết số 15-NQ/{entry.written}") == \
        f"nghị quyết số mười lăm nghị quyết trên {entry.spoken}"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "issuer"],
                         ids=lambda e: e.written)
def test_issuer_in_symbol(entry: Entry):
    assert normalize(f"số 7/2021/QĐ-{entry.written}") == (
        "số bảy trên hai nghìn không trăm hai mươi mốt trên quyết định " + entry.spoken)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind in ("title", "city")],
                         ids=lambda e: e.written)
def test_title_and_city_with_their_dot(entry: Entry):
    assert normalize(f"{entry.written}. Lê Lợi phát biểu") == f"{entry.spoken} lê lợi phát biểu"
    assert normalize(f"{entry.written} Lê Lợi") == f"{entry.spoken} lê lợi"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind in ("unit", "numunit")],
                         ids=lambda e: e.written)
def test_unit_after_a_number(entry: Entry):
    assert normalize(f"có 25 {entry.written} thôi") == f"có hai mươi lăm {entry.spoken} thôi"


def test_party_reading_only_in_a_party_symbol():
    assert normalize("09-NQ/ĐH") == "chín nghị quyết trên đại hội"
    assert normalize("12/QĐ-ĐH") == "mười hai trên quyết định đại học"


def test_editor_row_takes_effect_inside_document_numbers():
    """The editors' table is the one table: their STNMT is said in "120/KH-STNMT" too."""
    edits = [parse_entry("abbr", "STNMT", "sở nông nghiệp và môi trường", "editor"),
             parse_entry("abbr", "XLNT", "xử lý nước thải", "editor")]
    normalizer = Normalizer(DEFAULT_LEXICON.with_edits(edits))
    assert normalizer("Kế hoạch 120/KH-STNMT của STNMT") == (
        "kế hoạch một trăm hai mươi trên kế hoạch sở nông nghiệp và môi trường của "
        "sở nông nghiệp và môi trường")
    assert normalizer("số 5/BC-XLNT") == "số năm trên báo cáo xử lý nước thải"
    assert normalize("120/KH-STNMT") == \
        "một trăm hai mươi trên kế hoạch sở tài nguyên và môi trường"


def test_editor_service_reads_with_edits_everywhere():
    from services.editors_lexicon import normalizer_with_edits
    normalizer = normalizer_with_edits({"TCMT": "tổng cục môi trường việt nam"})
    assert normalizer("878/QĐ-TCMT") == \
        "tám trăm bảy mươi tám trên quyết định tổng cục môi trường việt nam"
