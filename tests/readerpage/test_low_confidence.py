"""A listener on an article the extractor is unsure of is told so, next to the player, and
offered the original; an editor sees it flagged."""
from __future__ import annotations

import pytest

from scraper.article import Article
from services.container import services_of

NOTICE = "Nội dung có thể chưa đầy đủ — "


def stored(app, url: str, confidence: float) -> None:
    article = Article(url=url, title="Bài thử độ tin cậy", paragraphs=["Một câu để đọc thử."],
                      confidence=confidence, confidence_reasons=["trích xuất chung"])
    services_of(app).article_store.put(url, article)


@pytest.mark.parametrize("confidence, shown", [(0.3, True), (0.95, False)])
def test_the_reader_page_says_when_the_content_may_be_incomplete(app, client, article_url,
                                                                 confidence, shown):
    stored(app, article_url, confidence)
    page = client.get("/read", query_string={"url": article_url})
    assert page.status_code == 200
    assert (NOTICE in page.text) is shown
    if shown:
        notice = page.text.split(NOTICE, 1)[1]
        assert notice.index("Xem bài gốc") < 200
        assert page.text.index(NOTICE) < page.text.index('id="player"')


def test_the_api_gives_the_confidence_and_its_reasons(app, client, article_url):
    stored(app, article_url, 0.3)
    data = client.get("/api/v1/article", query_string={"url": article_url}).get_json()
    assert data["confidence"] == 0.3 and data["confidence_reasons"] == ["trích xuất chung"]
