"""The in-process cache in front of Redis for content-addressed audio."""
from cache.audio import AudioStore
from cache.hot import HotBytes, RecentValues
from cache.keys import Keys


def test_lru_is_bounded_by_size_and_skips_huge_items():
    hot = HotBytes(max_bytes=10, max_item_bytes=6)
    hot.put("a", b"12345")
    hot.put("b", b"12345")
    assert hot.get("a") == b"12345"  # a is now the most recent
    hot.put("c", b"123")
    assert hot.get("b") is None and hot.get("a") and hot.get("c")
    hot.put("big", b"1234567")
    assert hot.get("big") is None and hot.size_bytes <= 10


def test_audio_store_serves_from_memory_after_one_read(redis_client):
    store = AudioStore(redis_client, Keys("docnd:"), hot=HotBytes(1024 * 1024))
    store.put("k1", b"ID3audio")
    assert store.get("k1") == b"ID3audio"
    redis_client.flushdb()  # gone from Redis: this worker still has the very same bytes
    assert store.get("k1") == b"ID3audio"
    assert store.missing(["k1"]) == ["k1"]  # but freshness checks still ask Redis


def test_recent_values_expire():
    now = [0.0]
    recent = RecentValues(2.0, clock=lambda: now[0])
    calls = []
    load = lambda: calls.append(1) or {"v": len(calls)}  # noqa: E731
    assert recent.get_or_load("n", load) == {"v": 1}
    now[0] = 1.9
    assert recent.get_or_load("n", load) == {"v": 1}
    now[0] = 2.1
    assert recent.get_or_load("n", load) == {"v": 2}
