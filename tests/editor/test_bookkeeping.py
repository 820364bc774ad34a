"""Job bookkeeping on a real Redis: one job per URL, records, locks, the schedule's lock."""
from __future__ import annotations

import time

from cache.jobs import JobBook, PrerenderRecord, release_kept_audio
from cache.keys import Keys
from services.jobcontext import enqueue_context
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


def test_release_kept_audio_gives_it_a_ttl(redis_client):
    redis_client.set(KEYS.audio_kept("old"), b"mp3")
    moved = release_kept_audio(redis_client, KEYS, ["old", "absent"], 3600)
    assert moved == 1
    assert redis_client.get(KEYS.audio_kept("old")) is None
    assert redis_client.get(KEYS.audio("old")) == b"mp3"
    assert 0 < redis_client.ttl(KEYS.audio("old")) <= 3600


def test_periodic_crawl_is_queued_once_across_workers(editor_app, redis_client):
    from rq import Queue
    ctx = enqueue_context(editor_app)
    # Two workers' schedules (two machines) tick at the same moments.
    schedules = [CrawlSchedule(ctx, interval_s=600, tick_s=1) for _ in range(2)]
    queued = [s.tick() for s in schedules for _ in range(3)]
    assert sum(job is not None for job in queued) == 1
    assert Queue("crawl", connection=redis_client).count == 1
    assert 590 <= book_ttl(ctx) <= 600
    assert enqueue_crawl_if_due(ctx, 0) is None  # interval 0: the schedule is off


def book_ttl(ctx) -> int:
    return ctx.book.lock_ttl_s("crawl-schedule")
