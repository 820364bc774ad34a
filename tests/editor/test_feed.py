"""GET /feed.xml: RSS 2.0 + iTunes, parsed with feedparser (records written directly here;
the end-to-end test fetches every enclosure)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from datetime import datetime, timezone

import feedparser
import pytest

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


def test_feed_is_newest_published_first_whatever_the_rendering_order(client, redis_client, app):
    """Editors prepare a listing page at once (in any order) and re-render old articles after
    a reading changes: a podcast app lists items as the feed gives them, so the feed itself is
    sorted by publication date, newest first (an item of 15/11/2026 was eleventh)."""
    book = JobBook(redis_client, Keys(app.config["KEY_PREFIX"]))
    rendered = datetime(2026, 11, 16, tzinfo=timezone.utc).timestamp()
    days = [f"2026-11-{day:02d}" for day in range(3, 15)]
    for n, day in enumerate(days):  # rendered in the order published, then...
        book.save_record(_record(n, published=day, rendered_at=rendered + n))
    book.save_record(_record(20, published="2026-11-15T09:00:00", rendered_at=rendered - 1))
    book.save_record(_record(0, published=days[0], rendered_at=rendered + 99))  # re-rendered
    undated = datetime(2026, 11, 9, 12, tzinfo=timezone.utc).timestamp()  # dated when rendered
    book.save_record(_record(21, published=None, rendered_at=undated))
    feed = feedparser.parse(client.get("/feed.xml").data)
    assert not feed.bozo, feed.bozo_exception
    published = [entry.published_parsed for entry in feed.entries]
    assert len(published) == 14 and published == sorted(published, reverse=True)
    assert feed.entries[0].title == "Bài số 20"
    assert feed.entries[0].published == "Sun, 15 Nov 2026 09:00:00 +0700"
    assert feed.entries[-1].title == "Bài số 0"


def test_feed_keeps_the_newest_published_when_it_is_cut(client, redis_client, app):
    app.config["FEED_MAX_ITEMS"] = 3
    book = JobBook(redis_client, Keys(app.config["KEY_PREFIX"]))
    for n in range(6):  # the newest article was rendered first, the oldest last
        book.save_record(_record(n, published=f"2026-11-{20 - n:02d}", rendered_at=1_000 + n))
    titles = [entry.title for entry in feedparser.parse(client.get("/feed.xml").data).entries]
    assert titles == ["Bài số 0", "Bài số 1", "Bài số 2"]


def test_records_saved_before_the_date_index_are_listed_by_date(client, redis_client, app):
    keys = Keys(app.config["KEY_PREFIX"])
    book = JobBook(redis_client, keys)
    for n in range(4):
        book.save_record(_record(n, published=f"2026-11-{10 - n:02d}", rendered_at=1_000 + n))
    redis_client.delete(keys.prerendered_by_date())  # an instance upgraded from before it
    titles = [entry.title for entry in feedparser.parse(client.get("/feed.xml").data).entries]
    assert titles == ["Bài số 0", "Bài số 1", "Bài số 2", "Bài số 3"]
    assert redis_client.zcard(keys.prerendered_by_date()) == 4


@pytest.mark.skipif(shutil.which("gpo") is None, reason="gPodder's gpo is not installed (apt: gpodder)")
def test_a_podcast_app_gets_the_newest_articles(app, redis_client, live_server, tmp_path):
    """gPodder's command line (`gpo`) subscribes to the feed as a listener's app would. Its
    own list is sorted by date, so what shows a wrong feed order is the cut: with the feed
    cut at five items, the newest article must be among them however early it was rendered."""
    app.config["FEED_MAX_ITEMS"] = 5
    book = JobBook(redis_client, Keys(app.config["KEY_PREFIX"]))
    days = [15, *range(3, 15)]  # the article of 15/11 was rendered first
    for n, day in enumerate(days):
        book.save_record(_record(day, title=f"Bài ngày {day}/11/2026", rendered_at=1_000 + n,
                                 published=f"2026-11-{day:02d}T08:00:00"))
    env = {**os.environ, "GPODDER_HOME": str(tmp_path / "gpodder"),
           "GPODDER_DOWNLOAD_DIR": str(tmp_path / "downloads")}
    url = live_server.url + "/feed.xml"

    def gpo(*args: str) -> str:
        done = subprocess.run(["gpo", *args], env=env, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout
    assert "Successfully added" in gpo("subscribe", url)
    listed = [line.split("*", 1)[1].strip() for line in gpo("episodes", url).splitlines()
              if line.strip()[:1].isdigit()]
    assert listed == [f"Bài ngày {day}/11/2026" for day in (15, 14, 13, 12, 11)]


def test_an_attached_document_comes_right_after_its_article(redis_client):
    """Documents share their article's date; the order must not depend on how Redis breaks
    equal scores (by the hash of the address, which changed with the test site's port)."""
    book = JobBook(redis_client, Keys("test:"))
    for n in range(20):
        article = PrerenderRecord(url=f"http://s.vn/{n}.html", title=f"Bài {n}", narration_id=f"a{n}",
                                  content_hash="h", audio_bytes=1, duration_ms=1,
                                  published="2026-11-15T08:00:00", rendered_at=100.0 + n)
        document = PrerenderRecord(url=f"http://s.vn/{n}.pdf", title=f"Bài {n} — Văn bản đính kèm",
                                   narration_id=f"d{n}", content_hash="h", audio_bytes=1,
                                   duration_ms=1, published=article.published,
                                   rendered_at=article.rendered_at - 0.001,
                                   attachment_of=article.url)
        book.save_record(document)  # saved first, as a job may finish before its article's
        book.save_record(article)
        ids = [r.narration_id for r in book.latest_records(2, by_publication=True)]
        assert ids == [f"a{n}", f"d{n}"], n
        redis_client.flushdb()
