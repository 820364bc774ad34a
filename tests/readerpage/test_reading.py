"""The reader page model: sentences numbered as the narration numbers them; dates as the
department writes them."""
from reader.blocks import article_sentences
from scraper.article import Article
from services.reading import build_reader_page, format_date_vi


def _article() -> Article:
    return Article(url="https://example.vn/a.html", title="Luật Đất đai năm 2024. Có hiệu lực.",
                   lead="Tóm tắt một câu.", paragraphs=["Câu một. Câu hai?", "Câu ba!"],
                   captions=["Quang cảnh hội nghị."])


def test_sentence_ids_match_the_narration():
    article = _article()
    page = build_reader_page(article)
    shown = [(s.index, b.index, b.kind, s.text) for b in page.blocks for s in b.sentences]
    narrated = [(r.index, r.block, r.kind, r.text) for r in article_sentences(article)]
    assert shown == narrated
    assert [b.kind for b in page.blocks] == ["title", "lead", "paragraph", "paragraph", "caption"]
    assert page.title_block.sentences[0].index == 0
    assert page.sentence_count == len(narrated)


def test_dates_as_the_department_writes_them():
    assert format_date_vi("2022-06-28T08:30:00+07:00") == "28/06/2022 08:30"
    assert format_date_vi("2022-06-28") == "28/06/2022"
    assert format_date_vi("hôm qua") == "hôm qua"
    assert format_date_vi(None) is None
