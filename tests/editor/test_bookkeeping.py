"""Job bookkeeping on a real Redis: one job per URL, records, locks, the schedule's lock."""
from __future__ import annotations

import time

from cache.audio import AudioStore
from cache.jobs import JobBook, PrerenderRecord
from cache.keys import Keys
from services.container import services_of
from services.schedule import CrawlSchedule, enqueue_crawl_if_due

KEYS = Keys("docnd:")


def test_pending_marker_is_compare_and_delete(redis_client):
    book = JobBook(redis_client, KEYS)
    assert book.claim_pending("http://a/1", "job-1", 60) is None
    assert book.claim_pending("http://a/1", "job-2", 60) == "job-1"
    book.release_pending("http://a/1", "job-2")  # not ours: stays
    assert book.claim_pending("http://a/1", "job-3", 60) == "job-1"
    book.release_pending("http://a/1", "job-1")
    assert book.claim_pending("http://a/1", "job-3", 60) is None


def test_records_newest_first_and_bounded(redis_client):
    book = JobBook(redis_client, KEYS)
    now = time.time()
    for n in range(120):
        book.save_record(PrerenderRecord(url=f"http://a/{n}", title=str(n), narration_id=str(n),
                                         content_hash="h", audio_bytes=1, duration_ms=1,
                                         rendered_at=now + n, public=n % 2 == 0))
    latest = book.latest_records(5)
    assert [r.title for r in latest] == ["119", "118", "117", "116", "115"]
    public = book.latest_records(70, public_only=True)
    assert len(public) == 60 and all(r.public for r in public)
    assert book.count_records() == 120
    book.delete_record("http://a/119")
    assert book.latest_records(1)[0].title == "118"


def test_let_go_gives_audio_a_ttl_once_no_prepared_narration_holds_it(redis_client):
    audio = AudioStore(redis_client, KEYS, ttl_s=3600)
    for key in ("shared", "only-a"):
        audio.put(key, b"mp3-" + key.encode(), keep=True)
    audio.hold("article-a", ["shared", "only-a"])
    audio.hold("article-b", ["shared"])
    # Article A changed and reads neither any more: its own sentence goes, the shared stays.
    assert audio.let_go("article-a", ["shared", "only-a", "absent"]) == 1
    assert redis_client.get(KEYS.audio_kept("shared")) == b"mp3-shared"
    assert redis_client.ttl(KEYS.audio_kept("shared")) == -1
    assert redis_client.get(KEYS.audio_kept("only-a")) is None
    assert redis_client.get(KEYS.audio("only-a")) == b"mp3-only-a"
    assert 0 < redis_client.ttl(KEYS.audio("only-a")) <= 3600
    # B changes too: now nobody holds the shared sentence.
    assert audio.let_go("article-b", ["shared"]) == 1
    assert 0 < redis_client.ttl(KEYS.audio("shared")) <= 3600


def test_hold_puts_back_audio_let_go_of_just_before(redis_client):
    audio = AudioStore(redis_client, KEYS, ttl_s=3600)
    audio.put("shared", b"mp3", keep=True)
    # A let go of it before B, which also reads it, was noted as a keeper.
    assert audio.let_go("article-a", ["shared"]) == 1
    audio.hold("article-b", ["shared"])
    assert redis_client.get(KEYS.audio_kept("shared")) == b"mp3"
    assert redis_client.exists(KEYS.audio("shared")) == 0


def test_periodic_crawl_is_queued_once_across_workers(editor_app, redis_client):
    from rq import Queue
    ctx = services_of(editor_app)
    # Two workers' schedules (two machines) tick at the same moments.
    schedules = [CrawlSchedule(ctx, interval_s=600, tick_s=1) for _ in range(2)]
    queued = [s.tick() for s in schedules for _ in range(3)]
    assert sum(job is not None for job in queued) == 1
    assert Queue("crawl", connection=redis_client).count == 1
    assert 590 <= book_ttl(ctx) <= 600
    assert enqueue_crawl_if_due(ctx, 0) is None  # interval 0: the schedule is off


def book_ttl(ctx) -> int:
    return ctx.jobs.lock_ttl_s("crawl-schedule")
