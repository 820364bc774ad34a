"""The editor page's "which articles contain this term" finds a term inside document numbers
too: an edit of STNMT changes how "120/KH-STNMT" is said (services.prerender)."""
from __future__ import annotations

from types import SimpleNamespace

from services.prerender import article_tokens, articles_with_term, token_has_term


class Book:
    def __init__(self, records):
        self.records = records

    def latest_records(self, limit):
        return self.records[:limit]


def record(url, *texts):
    article = SimpleNamespace(title=texts[0], lead="", paragraphs=list(texts[1:]), captions=[])
    return SimpleNamespace(url=url, tokens=article_tokens(article))


def test_term_inside_a_document_number_is_found():
    book = Book([record("a", "Kế hoạch số 120/KH-STNMT ngày 5/3/2024"),
                 record("b", "Sở STNMT kiểm tra"),
                 record("c", "Quyết định 878/QĐ-TCMT"),
                 record("d", "STNMTX là một từ khác")])
    assert articles_with_term(book, "STNMT") == ["a", "b"]
    assert articles_with_term(book, "TCMT") == ["c"]


def test_token_has_term_needs_a_whole_part():
    assert token_has_term("2616/KH-BNN-TCLN", "BNN")
    assert not token_has_term("2616/KH-BNNX-TCLN", "BNN")
    assert not token_has_term("XSTNMT", "STNMT")
