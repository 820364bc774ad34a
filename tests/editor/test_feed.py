"""GET /feed.xml: RSS 2.0 + iTunes, parsed with feedparser (records written directly here;
the end-to-end test fetches every enclosure)."""
from __future__ import annotations

import time

import feedparser

from cache.jobs import JobBook, PrerenderRecord
from cache.keys import Keys


def _record(n: int, **extra) -> PrerenderRecord:
    base = dict(url=f"http://127.0.0.1:9/tin-tuc/bai-{n}.html", title=f"Bài số {n}",
                narration_id=f"nid{n}", content_hash=f"h{n}", audio_bytes=1000 + n,
                duration_ms=61_500 + n, published="2024-06-28T08:30:00", lead=f"Tóm tắt {n}",
                rendered_at=time.time() + n)
    base.update(extra)
    return PrerenderRecord(**base)


def test_feed_lists_public_records_newest_first(client, redis_client, app):
    book = JobBook(redis_client, Keys(app.config["KEY_PREFIX"]))
    book.save_record(_record(1))
    book.save_record(_record(2, title="Tin <b>nóng</b> & “mới” <script>alert(1)</script>",
                             lead="<p>Đoạn</p>", published="2024-07-01"))
    book.save_record(_record(3, public=False))
    response = client.get("/feed.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/rss+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == "vi"
    assert "itunes" in feed.namespaces
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Tin <b>nóng</b> & “mới” <script>alert(1)</script>", "Bài số 1"]
    assert b"<script>" not in response.data  # escaped, never markup
    newest, older = feed.entries
    enclosure = newest.enclosures[0]
    assert enclosure.type == "audio/mpeg"
    assert enclosure.length == "1002"
    assert enclosure.href == "http://localhost/audio/article/nid2.mp3"
    assert newest.itunes_duration == "0:01:02"
    assert newest.published == "Mon, 01 Jul 2024 00:00:00 +0700"
    assert older.published == "Fri, 28 Jun 2024 08:30:00 +0700"
    assert newest.id == "http://127.0.0.1:9/tin-tuc/bai-2.html#nid2"
    assert newest.link == "http://127.0.0.1:9/tin-tuc/bai-2.html"


def test_empty_feed_is_valid(client):
    feed = feedparser.parse(client.get("/feed.xml").data)
    assert not feed.bozo
    assert feed.entries == []
    assert feed.feed.title.startswith("Đọc nội dung")
