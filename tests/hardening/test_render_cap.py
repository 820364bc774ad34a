"""A global cap on renders across every process sharing Redis: past it, a bounded wait and
then 503 with Retry-After and a Vietnamese message; cached narrations are never held up."""
from __future__ import annotations

import time

import pytest

from app import create_app
from cache.keys import Keys
from cache.locks import RedisSemaphore
from services.container import services_of

SLUG = "tin-tuc/ra-quan-huong-ung-chien-dich-lam-cho-the-gioi-sach-hon-nam-2023.html"
OTHER = "tin-tuc/hoi-nghi-pho-bien-thong-tu-so-02-2022-tt-btnmt-cho-doanh-nghiep.html"


@pytest.fixture()
def app_config(sample_app_config):
    return {**sample_app_config, "RENDER_SLOTS": 1, "RENDER_SLOT_WAIT_S": 0.3}


def test_semaphore_counts_across_clients_and_frees_expired_slots(redis_client):
    keys = Keys("docnd:")
    now = [1_000_000.0]
    # A long ttl: the key's own expiry in Redis (real time) must not end the test early.
    first = RedisSemaphore(redis_client, keys, "t", limit=2, ttl_ms=60_000, clock=lambda: now[0])
    second = RedisSemaphore(redis_client, keys, "t", limit=2, ttl_ms=60_000,  # another process
                            clock=lambda: now[0])
    a, b = first.try_acquire(), second.try_acquire()
    assert a and b and first.try_acquire() is None and first.in_use() == 2
    first.release(a)
    assert second.try_acquire() is not None and second.try_acquire() is None
    now[0] += 59.99
    assert first.in_use() == 2 and first.try_acquire() is None  # not yet expired
    now[0] += 0.02  # holders that died: their slots expire
    assert first.in_use() == 0 and first.try_acquire() is not None


def test_past_the_cap_a_503_with_retry_after(app, app_config, client, sample_site, redis_client):
    # Another web process holds the only slot.
    other_process = services_of(create_app(app_config)).narrator.render_slots
    token = other_process.try_acquire()
    assert token
    response = client.get("/api/v1/narration", query_string={"url": sample_site + SLUG})
    assert response.status_code == 503
    assert response.get_json()["error"] == "busy"
    assert "bận" in response.get_json()["message"]
    assert int(response.headers["Retry-After"]) > 0
    assert not list(redis_client.scan_iter(match="docnd:narration:*"))
    other_process.release(token)

    # With the slot free the same request renders; once ready it needs no slot at all.
    deadline = time.monotonic() + 90
    while True:
        body = client.get("/api/v1/narration", query_string={"url": sample_site + SLUG}).get_json()
        if body.get("status") == "ready":
            break
        assert time.monotonic() < deadline
        time.sleep(0.2)
    token = other_process.try_acquire()
    cached = client.get("/api/v1/narration", query_string={"url": sample_site + SLUG})
    assert cached.status_code == 200 and cached.get_json()["status"] == "ready"
    busy = client.get("/api/v1/narration", query_string={"url": sample_site + OTHER})
    assert busy.status_code == 503
    other_process.release(token)
