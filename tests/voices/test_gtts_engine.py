"""The gTTS engine against a faithful fake of Google's endpoint (the real gTTS code runs)."""
from __future__ import annotations

import pytest

from reader import mp3
from reader.engines import BadAudioError, EngineError, EngineUnavailableError
from reader.engines.breaker import CircuitBreaker
from retry_after import parse_retry_after
from tests.voices.conftest import make_gtts
from tests.voices.fake_google import OK, FakeGoogle, Reply, status

TEXT = "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn."


def scripted(*replies: Reply):
    """Answer call n with replies[n]; normal audio after the script runs out."""
    return lambda n, text: replies[n] if n < len(replies) else OK


def test_normal_reply_gives_googles_exact_bytes(gtts, fake_google):
    data = gtts.synthesize(TEXT)
    assert data == fake_google.sent[TEXT]
    assert fake_google.texts == [TEXT]  # one request for a chunk of at most 100 characters
    assert mp3.parse_mp3(data).sample_rate_hz == 24000


def test_429_with_retry_after_is_honoured(sleeps):
    gtts = make_gtts(sleeps)
    with FakeGoogle(scripted(status(429, "3"))) as google:
        data = gtts.synthesize(TEXT)
    assert data == google.sent[TEXT]
    assert google.replies == ["429", "ok"]
    assert sleeps == [3.0]  # waited what Google asked, not the 0.2 s backoff


def test_429_without_retry_after_backs_off_exponentially_with_jitter(sleeps):
    gtts = make_gtts(sleeps, retries=3)
    with FakeGoogle(scripted(status(429), status(429), status(429))) as google:
        gtts.synthesize(TEXT)
    assert google.replies == ["429", "429", "429", "ok"]
    assert len(sleeps) == 3
    for attempt, slept in enumerate(sleeps):
        base = 0.2 * 2 ** attempt
        assert base * 0.5 <= slept <= base  # full jitter within the exponential step


def test_retry_after_longer_than_the_bound_gives_up_at_once(sleeps):
    gtts = make_gtts(sleeps, retry_after_max_s=5)
    with FakeGoogle(scripted(status(429, "120"))) as google, pytest.raises(EngineError):
        gtts.synthesize(TEXT)
    assert google.calls == 1 and sleeps == []


@pytest.mark.parametrize("code", [500, 503])
def test_server_errors_are_retried(sleeps, code):
    gtts = make_gtts(sleeps)
    with FakeGoogle(scripted(status(code), status(code))) as google:
        data = gtts.synthesize(TEXT)
    assert data == google.sent[TEXT]
    assert google.replies == [str(code), str(code), "ok"]


def test_persistent_server_error_fails_after_bounded_retries(sleeps):
    gtts = make_gtts(sleeps, retries=2)
    with FakeGoogle(lambda n, text: status(503)) as google, pytest.raises(EngineError):
        gtts.synthesize(TEXT)
    assert google.calls == 3


def test_client_errors_are_not_retried(sleeps):
    gtts = make_gtts(sleeps)
    with FakeGoogle(lambda n, text: status(403)) as google, pytest.raises(EngineError):
        gtts.synthesize(TEXT)
    assert google.calls == 1


def test_timeout_is_retried(sleeps):
    gtts = make_gtts(sleeps)
    with FakeGoogle(scripted(Reply("timeout"))) as google:
        data = gtts.synthesize(TEXT)
    assert google.replies == ["timeout", "ok"] and data == google.sent[TEXT]


def test_slow_reply_within_the_timeout_is_fine(sleeps):
    gtts = make_gtts(sleeps, timeout_s=2.0)
    with FakeGoogle(scripted(Reply(delay_s=0.3))) as google:
        assert gtts.synthesize(TEXT) == google.sent[TEXT]
    assert google.calls == 1


def test_reply_slower_than_the_timeout_is_abandoned(sleeps):
    gtts = make_gtts(sleeps, timeout_s=0.2, retries=1)
    with FakeGoogle(lambda n, text: Reply(delay_s=5.0)) as google, pytest.raises(EngineError):
        gtts.synthesize(TEXT)
    assert google.calls == 2  # each call gave up after 0.2 s; nobody waited 5 s


def test_every_call_carries_a_timeout(sleeps):
    gtts = make_gtts(sleeps, timeout_s=4.0)
    with FakeGoogle(scripted(status(503))) as google:
        gtts.synthesize(TEXT)
    assert google.timeouts == [(3.0, 4.0), (3.0, 4.0)]  # gTTS alone would send None


def test_empty_200_is_rejected_not_stored_as_silence(sleeps):
    """gTTS itself writes 0 bytes and raises nothing for a 200 without audio."""
    gtts = make_gtts(sleeps, retries=1)
    with FakeGoogle(lambda n, text: Reply("empty")) as google, pytest.raises(EngineError):
        gtts.synthesize(TEXT)
    assert google.calls == 2


def test_empty_200_then_audio_recovers(sleeps):
    gtts = make_gtts(sleeps)
    with FakeGoogle(scripted(Reply("empty"))) as google:
        assert gtts.synthesize(TEXT) == google.sent[TEXT]


def test_non_mp3_reply_is_rejected(sleeps):
    gtts = make_gtts(sleeps)
    with FakeGoogle(lambda n, text: Reply("garbage")), pytest.raises(BadAudioError):
        gtts.synthesize(TEXT)


def test_breaker_opens_after_repeated_failures_and_stops_calling(sleeps):
    clock = [0.0]
    breaker = CircuitBreaker(3, 60.0, clock=lambda: clock[0])
    gtts = make_gtts(sleeps, retries=0, breaker=breaker)
    with FakeGoogle(lambda n, text: status(503)) as google:
        for _ in range(3):
            with pytest.raises(EngineError):
                gtts.synthesize(TEXT)
        assert google.calls == 3
        assert gtts.available() is False
        with pytest.raises(EngineUnavailableError):
            gtts.synthesize(TEXT)
        assert google.calls == 3  # open: Google was not called
    clock[0] = 61.0  # cool-down over: one trial call
    assert gtts.available() is True
    with FakeGoogle() as google:
        assert gtts.synthesize(TEXT) == google.sent[TEXT]
    assert breaker.state == "closed"


def test_failed_trial_call_opens_the_breaker_again(sleeps):
    clock = [0.0]
    breaker = CircuitBreaker(2, 30.0, clock=lambda: clock[0])
    gtts = make_gtts(sleeps, retries=0, breaker=breaker)
    with FakeGoogle(lambda n, text: status(500)) as google:
        for _ in range(2):
            with pytest.raises(EngineError):
                gtts.synthesize(TEXT)
        clock[0] = 31.0
        with pytest.raises(EngineError):
            gtts.synthesize(TEXT)  # the trial
        assert breaker.state == "open" and google.calls == 3


def test_pool_runs_chunks_at_once_but_bounded(sleeps):
    gtts = make_gtts(sleeps, pool_size=4)
    texts = [f"Câu thứ {i}." for i in range(16)]
    with FakeGoogle(lambda n, text: Reply(delay_s=0.2)) as google:
        futures = [gtts.submit(text) for text in texts]
        results = [future.result(timeout=10) for future in futures]
    gtts.close()
    assert results == [google.sent[text] for text in texts]
    assert google.max_in_flight == 4  # several at once, never more than the pool


def test_retry_after_parsing():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_no_network_fails_fast_and_opens_the_breaker(sleeps):
    """DNS failure or a refused connection: one try, no backoff, and the breaker opens at
    once so `auto` goes straight to the offline voice for every other chunk."""
    import re

    import requests
    import responses as responses_lib

    gtts = make_gtts(sleeps)
    with responses_lib.RequestsMock() as mock:
        mock.add(responses_lib.POST, re.compile(r"https://translate\.google\..*"),
                 body=requests.exceptions.ConnectionError(
                     "Failed to resolve 'translate.google.com.vn' (Name or service not known)"))
        with pytest.raises(EngineError):
            gtts.synthesize(TEXT)
        assert len(mock.calls) == 1 and sleeps == []
    assert gtts.breaker.state == "open" and not gtts.available()
    with pytest.raises(EngineUnavailableError):
        gtts.synthesize(TEXT)


def test_a_timeout_is_not_mistaken_for_no_network(sleeps):
    gtts = make_gtts(sleeps)
    with FakeGoogle(scripted(Reply("timeout"))):
        gtts.synthesize(TEXT)
    assert gtts.breaker.state == "closed"


def test_a_late_success_does_not_close_an_open_breaker():
    """Calls run side by side: one sent before the breaker opened may be answered after it
    did. That answer says nothing of Google now, so Google stays left alone; only the
    half-open trial closes the breaker."""
    clock = [0.0]
    breaker = CircuitBreaker(2, 60.0, clock=lambda: clock[0])
    assert breaker.acquire() and breaker.acquire() and breaker.acquire()  # three in flight
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "open"
    breaker.record_success()  # the third, answered late
    assert breaker.state == "open" and not breaker.allows()
    clock[0] = 61.0
    assert breaker.acquire()  # the trial
    breaker.record_success()
    assert breaker.state == "closed"
