"""Blocks and sentence numbering shared by the page and the narration."""
from __future__ import annotations

from reader.blocks import Block, article_blocks, article_sentences
from scraper.article import Article


def make_article(**kw) -> Article:
    data = dict(url="https://stnmt.langson.gov.vn/tin-tuc/a.html",
                title="Kiểm tra công tác tại huyện Bắc Sơn",
                lead="Ngày 28/6/2022, Sở TN&MT kiểm tra. Đoàn làm việc với huyện.",
                paragraphs=["Huyện có 8/17 xã đạt chuẩn.", "  ", "TP. Lạng Sơn dự. UBND huyện báo cáo."],
                captions=["Ông Nguyễn Hữu Trực phát biểu", "Ảnh: Chi cục BVMT", ""])
    data.update(kw)
    return Article(**data)


def test_blocks_in_reading_order_with_captions_last():
    blocks = article_blocks(make_article())
    assert [b.kind for b in blocks] == ["title", "lead", "paragraph", "paragraph",
                                        "caption", "caption"]
    assert blocks[4] == Block("caption", "Ảnh: Ông Nguyễn Hữu Trực phát biểu")
    assert blocks[5].text == "Ảnh: Chi cục BVMT"  # not "Ảnh: Ảnh: …"


def test_sentences_numbered_globally():
    refs = article_sentences(make_article())
    assert [r.index for r in refs] == list(range(len(refs)))
    assert [(r.block, r.kind) for r in refs] == [
        (0, "title"), (1, "lead"), (1, "lead"), (2, "paragraph"), (3, "paragraph"),
        (3, "paragraph"), (4, "caption"), (5, "caption")]
    assert refs[4].text == "TP. Lạng Sơn dự."


def test_empty_lead_is_skipped():
    blocks = article_blocks(make_article(lead="", captions=[]))
    assert [b.kind for b in blocks] == ["title", "paragraph", "paragraph"]
