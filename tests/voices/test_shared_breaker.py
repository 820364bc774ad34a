"""Google's breaker is shared by every process on one Redis (web processes, work horses):
when one finds Google refusing, the others stop calling it too, and read offline."""
from __future__ import annotations

import redis

from cache.breaker_state import SharedBreakerState
from cache.keys import Keys
from reader.engines import AutoEngine, CircuitBreaker
from tests.voices.conftest import make_gtts
from tests.voices.fake_google import FakeGoogle, status

KEYS = Keys("test:")


def _shared(redis_client) -> SharedBreakerState:
    return SharedBreakerState(redis_client, KEYS, check_every_s=0)


def test_one_breaker_opening_opens_the_others(redis_client):
    first = CircuitBreaker(3, 60.0, shared=_shared(redis_client))
    second = CircuitBreaker(3, 60.0, shared=_shared(redis_client))  # another process
    assert second.allows()
    first.trip()
    assert second.state == "open" and not second.allows() and not second.acquire()
    assert 0 < redis_client.pttl(KEYS.meta("breaker-open:gtts")) <= 60_000
    _shared(redis_client).close()  # a trial call somewhere went through
    assert second.allows()


def test_the_cool_down_ends_everywhere(redis_client):
    now = [1000.0]
    first = CircuitBreaker(1, 30.0, clock=lambda: now[0], shared=_shared(redis_client))
    second = CircuitBreaker(1, 30.0, clock=lambda: now[0], shared=_shared(redis_client))
    first.record_failure()
    assert not first.allows() and not second.allows()
    # The shared cool-down is the key's own expiry in Redis, as long as the breaker's.
    assert 29_000 < redis_client.pttl(KEYS.meta("breaker-open:gtts")) <= 30_000
    now[0] += 30.0
    assert first.state == "half-open" and first.allows()  # its own cool-down is over
    redis_client.delete(KEYS.meta("breaker-open:gtts"))  # what Redis does when the expiry comes
    assert second.state == "closed" and second.allows()


def test_other_processes_read_offline_without_calling_google(redis_client, offline, sleeps):
    """Google refuses: the first engine finds out with its own calls and opens the breaker;
    a second one (another web process, or the next work horse) does not call Google at all."""
    refusing = FakeGoogle(lambda n, text: status(503))
    with refusing as google:
        first = make_gtts(sleeps, retries=0, breaker=CircuitBreaker(2, 60.0,
                                                                    shared=_shared(redis_client)))
        auto_first = AutoEngine(first, offline)
        for _ in range(3):
            auto_first.synthesize("Sở Tài nguyên và Môi trường.")
        calls_by_first = google.calls
        assert calls_by_first == 2  # then its breaker opened
        second = make_gtts(sleeps, retries=0, breaker=CircuitBreaker(2, 60.0,
                                                                     shared=_shared(redis_client)))
        audio = AutoEngine(second, offline).synthesize("Ủy ban nhân dân tỉnh Lạng Sơn.")
        assert audio and google.calls == calls_by_first
    first.close()
    second.close()


def test_without_redis_each_breaker_still_works_alone():
    lost = redis.Redis(host="127.0.0.1", port=9, socket_connect_timeout=0.2, socket_timeout=0.2)
    state = SharedBreakerState(lost, KEYS, check_every_s=0)
    breaker = CircuitBreaker(1, 60.0, shared=state)
    assert breaker.allows()
    breaker.record_failure()  # sharing fails quietly; this process still opens its own
    assert not breaker.allows()
