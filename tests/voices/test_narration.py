"""Narration on the real test Redis: segments, exact timings, caching, single flight,
failures, provisional offline audio re-rendered with Google."""
from __future__ import annotations

import io
import threading
import time

import pytest
from mutagen.mp3 import MP3

from reader import mp3
from reader.engines import AutoEngine, CircuitBreaker
from reader.narrate import plan_segments
from services.narration import NarrationFailedError, narration_id
from tests.voices.conftest import KEYS, make_gtts, seed_article, small_article
from tests.voices.fake_google import OK, FakeGoogle, Reply, status


def finished(narrator, article, timeout_s: float = 60.0) -> dict:
    """Wait (bounded) until the narration is ready; return the record."""
    import time
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        record = narrator.request(article)
        if record["status"] == "ready":
            return record
        time.sleep(0.02)
    raise AssertionError("narration did not finish")


def test_offline_narration_of_the_seed_page(narrator_for, offline, redis_client):
    narrator = narrator_for(offline)
    article = seed_article()
    record = narrator.render_now(article, keep=False)
    assert record["status"] == "ready" and record["engine"] == "offline"
    assert record["ready_segments"] == record["total_segments"] == len(record["segments"]) > 10
    segments = record["segments"]
    assert [s["index"] for s in segments] == list(range(len(segments)))
    assert segments[0]["kind"] == "title" and segments[0]["text"] == article.title
    sentence_ids = [s["sentence"] for s in segments]
    assert sentence_ids == sorted(sentence_ids) and sentence_ids[0] == 0
    # timings from the frames: each segment's length is its own MP3's exact duration
    for segment in segments:
        data = narrator.audio.get(segment["audio_key"])
        assert segment["end_ms"] - segment["start_ms"] == pytest.approx(mp3.duration_ms(data),
                                                                       abs=1)
    for before, after in zip(segments, segments[1:]):
        assert after["start_ms"] == before["end_ms"]
    whole, _ = narrator.article_audio(record["id"])
    assert mp3.duration_ms(whole) == record["duration_ms"] == segments[-1]["end_ms"]
    assert MP3(io.BytesIO(whole)).info.length == pytest.approx(record["duration_ms"] / 1000,
                                                               abs=0.001)


def test_second_request_renders_nothing(narrator_for, gtts, fake_google):
    narrator = narrator_for(gtts)
    article = small_article()
    first = finished(narrator, article)
    calls = fake_google.calls
    assert calls == first["total_segments"]
    again = narrator.request(article)
    assert again["status"] == "ready" and again["segments"] == first["segments"]
    assert fake_google.calls == calls


def test_a_sentence_is_never_rendered_twice(narrator_for, gtts, fake_google):
    """Two articles sharing sentences: the shared ones come from the audio cache."""
    narrator = narrator_for(gtts)
    one = small_article(2, url="https://stnmt.langson.gov.vn/tin/1.html")
    two = small_article(3, url="https://stnmt.langson.gov.vn/tin/2.html")
    finished(narrator, one)
    finished(narrator, two)
    assert len(fake_google.texts) == len(set(fake_google.texts))


def test_gtts_chunks_fit_googles_limit(narrator_for, gtts, fake_google):
    narrator = narrator_for(gtts)
    record = finished(narrator, seed_article())
    assert all(len(s["spoken"]) <= 100 for s in record["segments"])
    assert fake_google.calls == record["total_segments"]  # one request per chunk


def test_first_answer_comes_with_the_first_segment(narrator_for, gtts):
    narrator = narrator_for(gtts)
    with FakeGoogle(lambda n, text: Reply(delay_s=0.05 if n == 0 else 0.4)):
        record = narrator.request(seed_article())
        assert record["status"] == "rendering"
        assert 1 <= record["ready_segments"] < record["total_segments"]
        assert record["segments"][0]["audio_key"]
        done = finished(narrator, seed_article())
    assert done["ready_segments"] == done["total_segments"]


def test_twenty_concurrent_requests_render_once(narrator_for, redis_client, sleeps):
    gtts = make_gtts(sleeps, pool_size=8)
    narrator = narrator_for(gtts)
    article = small_article(6)
    total = len(plan_segments(article, max_chars=100, normalize=narrator.normalize))
    results, errors = [], []
    barrier = threading.Barrier(20)

    def ask():
        barrier.wait()
        try:
            results.append(narrator.request(article))
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    with FakeGoogle(lambda n, text: Reply(delay_s=0.1)) as google:
        threads = [threading.Thread(target=ask) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        record = finished(narrator, article)
    gtts.close()
    assert not errors and len(results) == 20
    assert all(r["ready_segments"] >= 1 for r in results)
    assert google.calls == total == record["total_segments"]  # once per chunk, counted
    assert sorted(google.texts) == sorted(s["spoken"] for s in record["segments"])


def test_failure_mid_article_caches_no_narration(narrator_for, redis_client, sleeps):
    gtts = make_gtts(sleeps, retries=1, breaker=CircuitBreaker(100, 60))
    narrator = narrator_for(gtts)
    article = small_article(4)

    def script(n, text):
        return OK if n < 4 else status(503)  # Google breaks down part-way
    with FakeGoogle(script):
        try:
            record = narrator.request(article)
        except NarrationFailedError:
            record = None
        with pytest.raises(NarrationFailedError):
            finished(narrator, article)
    nid = narration_id(article.url)
    assert redis_client.get(KEYS.narration(nid)) is None  # no narration record
    # The failure is recorded just before the render thread lets go of its lock.
    deadline = time.monotonic() + 5
    while redis_client.exists(KEYS.lock(f"narration:{nid}")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not redis_client.exists(KEYS.lock(f"narration:{nid}"))
    progress = narrator.records.get_progress(nid)
    assert progress["status"] == "failed" and redis_client.ttl(KEYS.narration_progress(nid)) <= 30
    # what was stored is whole audio, each piece valid
    for key in redis_client.scan_iter(KEYS.audio("*")):
        mp3.parse_mp3(redis_client.get(key))
    if record is not None:
        assert record["status"] == "rendering"


def test_auto_falls_back_offline_and_marks_provisional_then_rerenders(
        narrator_for, redis_client, offline, sleeps):
    clock = [0.0]
    gtts = make_gtts(sleeps, retries=0, breaker=CircuitBreaker(2, 60.0, clock=lambda: clock[0]))
    auto = AutoEngine(gtts, offline)
    narrator = narrator_for(auto)
    article = small_article(3)

    def script(n, text):
        return OK if n < 2 else status(503)  # Google fails part-way through the article
    with FakeGoogle(script):
        record = finished(narrator, article)
    engines = {s["engine"] for s in record["segments"]}
    assert "offline" in engines and record["provisional"] is True
    assert gtts.available() is False  # breaker open: the rest went offline at once
    whole, _ = narrator.article_audio(record["id"])
    assert mp3.duration_ms(whole) == record["duration_ms"]  # both voices join cleanly

    clock[0] = 61.0  # cool-down over: Google answers again
    with FakeGoogle() as google:
        again = narrator.request(article)  # still plays the provisional one meanwhile
        assert again["status"] == "ready"
        import time
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            latest = narrator.request(article)
            if not latest["provisional"]:
                break
            time.sleep(0.05)
    assert latest["provisional"] is False
    assert {s["engine"] for s in latest["segments"]} == {"gtts"}
    assert latest["id"] == record["id"]  # same stable id and whole-article URL
    assert google.calls == sum(1 for s in record["segments"] if s["engine"] == "offline")


def test_editor_audio_is_kept_without_ttl(narrator_for, offline, redis_client):
    narrator = narrator_for(offline)
    article = small_article(1)
    record = narrator.render_now(article, keep=True)
    for segment in record["segments"]:
        assert redis_client.ttl(KEYS.audio_kept(segment["audio_key"])) == -1
        assert not redis_client.exists(KEYS.audio(segment["audio_key"]))
    assert redis_client.ttl(KEYS.narration(record["id"])) == -1


def test_on_demand_audio_expires(narrator_for, offline, redis_client):
    narrator = narrator_for(offline)
    record = narrator.render_now(small_article(1), keep=False)
    for segment in record["segments"]:
        assert 0 < redis_client.ttl(KEYS.audio(segment["audio_key"])) <= 3600


def test_evicted_audio_is_rendered_again(narrator_for, gtts, fake_google, redis_client):
    narrator = narrator_for(gtts)
    article = small_article(1)
    record = finished(narrator, article)
    gone = record["segments"][1]["audio_key"]
    redis_client.delete(KEYS.audio(gone))  # as volatile-lru would
    calls = fake_google.calls
    again = finished(narrator, article)
    assert fake_google.calls == calls + 1
    assert narrator.audio.get(gone) is not None and again["status"] == "ready"


def test_changed_article_gets_new_audio(narrator_for, gtts, fake_google):
    narrator = narrator_for(gtts)
    article = small_article(1)
    first = finished(narrator, article)
    calls = fake_google.calls
    changed = small_article(1)
    changed.paragraphs = changed.paragraphs + ["Thêm một câu mới hoàn toàn."]
    from scraper.article import compute_content_hash
    changed.content_hash = compute_content_hash(changed)
    second = finished(narrator, changed)
    assert second["id"] == first["id"] and second["total_segments"] > first["total_segments"]
    # only the new sentence went to Google; the rest came from the audio cache
    assert fake_google.texts[calls:] == [second["segments"][-1]["spoken"]]


def test_prepared_article_stays_prepared_when_it_changes(narrator_for, gtts, fake_google,
                                                         redis_client):
    narrator = narrator_for(gtts)
    article = small_article(1)
    narrator.render_now(article, keep=True)
    changed = small_article(1)
    changed.paragraphs = changed.paragraphs + ["Một câu bổ sung sau khi sửa bài."]
    from scraper.article import compute_content_hash
    changed.content_hash = compute_content_hash(changed)
    record = finished(narrator, changed)
    assert redis_client.ttl(KEYS.narration(record["id"])) == -1
    assert all(redis_client.exists(KEYS.audio_kept(s["audio_key"])) for s in record["segments"])


def test_one_reading_per_narration_even_if_the_lexicon_changes_meanwhile(narrator_for, offline):
    """Editors may change a reading while a narration renders: every segment, the record and
    the fingerprint must still use the one Reading taken when the narration began."""
    from reader.narrate import audio_key
    from reader.normalize import normalize
    from services.narration import Reading

    taken = iter(range(1000))

    def reading_source(fresh=False):
        # The first Reading taken says things plainly; any later one would add a word.
        n = next(taken)
        return Reading(normalize if n == 0 else (lambda text: normalize(text) + " khác"),
                       f"v{n}")

    narrator = narrator_for(offline)
    narrator.reading_source = reading_source
    article = seed_article()
    record = narrator.render_now(article, keep=False)
    assert record["normalizer_version"] == "v0"
    for segment in record["segments"]:
        assert not segment["spoken"].endswith(" khác")
        assert segment["audio_key"] == audio_key(offline.name, offline.voice, offline.rate,
                                                 segment["spoken"])


def test_a_change_of_reading_renders_only_the_sentences_it_changes(narrator_for, offline):
    """A new normalizer version (code or lexicon) renders the narration again, but every
    sentence whose spoken text is the same keeps its audio: nothing is said twice."""
    from reader.normalize import normalize
    from services.narration import Reading

    narrator = narrator_for(offline)
    narrator.reading_source = lambda fresh=False: Reading(normalize, "v1")
    article = seed_article()
    first = narrator.render_now(article, keep=False)
    edited = lambda text: normalize(text).replace("ủy ban nhân dân", "u bê en đê")  # noqa: E731
    narrator.reading_source = lambda fresh=False: Reading(edited, "v2")
    synthesized = []
    real = offline.synthesize
    offline.synthesize = lambda text: synthesized.append(text) or real(text)
    try:
        second = narrator.render_now(article, keep=False)
    finally:
        del offline.synthesize
    assert second["normalizer_version"] == "v2" and second["fingerprint"] != first["fingerprint"]
    changed = [s["spoken"] for s in second["segments"] if "u bê en đê" in s["spoken"]]
    assert changed and sorted(synthesized) == sorted(changed)
    assert len(second["segments"]) > len(changed)


def test_a_changed_prepared_article_lets_go_only_of_audio_no_other_one_reads(
        narrator_for, offline, redis_client):
    """Two prepared articles share a sentence. When one changes and no longer reads it, its
    own old sentences become evictable, but the shared one stays kept for the other."""
    from scraper.article import compute_content_hash
    narrator = narrator_for(offline)
    shared = "Sở Tài nguyên và Môi trường đề nghị các địa phương phối hợp chặt chẽ."
    a = small_article(1, url="https://stnmt.langson.gov.vn/tin/a.html")
    b = small_article(1, url="https://stnmt.langson.gov.vn/tin/b.html")
    a.paragraphs = ["Huyện Bắc Sơn có tám xã đạt chuẩn nông thôn mới.", shared]
    b.paragraphs = ["Huyện Chi Lăng rà soát đất đai trong tháng này.", shared]
    for article in (a, b):
        article.content_hash = compute_content_hash(article)
    first_a = narrator.render_now(a, keep=True)
    narrator.render_now(b, keep=True)
    key_of = {s["text"]: s["audio_key"] for s in first_a["segments"]}
    shared_key, own_key = key_of[shared], key_of[a.paragraphs[0]]

    a.paragraphs = ["Huyện Bắc Sơn có chín xã đạt chuẩn nông thôn mới."]
    a.content_hash = compute_content_hash(a)
    narrator.render_now(a, keep=True)

    assert redis_client.ttl(KEYS.audio_kept(shared_key)) == -1  # B still reads it
    assert not redis_client.exists(KEYS.audio_kept(own_key))
    assert 0 < redis_client.ttl(KEYS.audio(own_key)) <= 3600  # evictable, not deleted
    assert redis_client.ttl(KEYS.audio_kept(first_a["audio_key"])) == -2  # old whole MP3 too


def test_a_finished_narration_stands_if_old_audio_cannot_be_released(narrator_for, offline,
                                                                       monkeypatch):
    """Letting go of the previous version's audio comes after the narration is finished: a
    Redis error there must not turn a finished narration into a failure."""
    import redis as redis_lib
    from scraper.article import compute_content_hash
    narrator = narrator_for(offline)
    article = small_article(1)
    narrator.render_now(article, keep=True)
    article.paragraphs = article.paragraphs + ["Một câu mới sau khi sửa bài."]
    article.content_hash = compute_content_hash(article)

    def refuse(*_args, **_kwargs):
        raise redis_lib.exceptions.ConnectionError("Redis went away for a moment")
    monkeypatch.setattr(narrator.audio, "let_go", refuse)
    record = narrator.render_now(article, keep=True)
    assert record["status"] == "ready" and "Một câu mới" in record["segments"][-1]["text"]
    assert narrator.records.get_progress(record["id"]) is None or \
        narrator.records.get_progress(record["id"])["status"] != "failed"


def test_a_waiting_request_wakes_when_the_first_segment_lands(narrator_for, gtts, fake_google,
                                                              monkeypatch):
    """Rendered in this process: the request is told, not left to its next poll of Redis
    (today's poll interval would have cost up to that much more on every first audio)."""
    import types

    import services.narration as narration

    def no_polling(seconds):
        raise AssertionError(f"slept {seconds} s to poll instead of being woken")
    monkeypatch.setattr(narration, "time",
                        types.SimpleNamespace(monotonic=time.monotonic, sleep=no_polling))
    narrator = narrator_for(gtts, poll_interval_s=60.0, first_wait_s=120.0)
    record = narrator.request(small_article())
    # Woken by the first segment; on a busy machine the rest may have landed too.
    assert record["status"] in {"rendering", "ready"} and record["ready_segments"] >= 1
    finished(narrator, small_article())
