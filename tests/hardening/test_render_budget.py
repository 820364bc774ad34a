"""Abuse: a burst of uncached narration requests from one client is limited (429, Retry-After,
Vietnamese message), while another client's cached listening is unaffected."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from services.container import services_of

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"


@pytest.fixture()
def app_config(sample_app_config):
    return {**sample_app_config, "RENDER_RATE_LIMIT": "3 per minute"}


def _urls(sample_site: str) -> list[str]:
    return [sample_site + json.loads(p.read_text())["url"].lstrip("/")
            for p in sorted(TRUTH.glob("*.json"))]


def _ready(client, url, remote, timeout_s=90):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        response = client.get("/api/v1/narration", query_string={"url": url},
                              environ_base={"REMOTE_ADDR": remote})
        assert response.status_code == 200, response.get_json()
        if response.get_json()["status"] == "ready":
            return response.get_json()
        time.sleep(0.2)
    raise AssertionError("narration never became ready")


def test_a_burst_of_new_renders_is_limited_but_cached_listening_is_not(client, sample_site):
    urls = _urls(sample_site)
    listener, abuser = "10.0.0.1", "10.0.0.2"
    cached = _ready(client, urls[0], listener)  # the listener's article is rendered once

    statuses = []
    for url in urls[1:6]:
        response = client.get("/api/v1/narration", query_string={"url": url},
                              environ_base={"REMOTE_ADDR": abuser})
        statuses.append(response.status_code)
        if response.status_code == 429:
            body = response.get_json()
            assert body["error"] == "rate_limited"
            assert "thử lại sau" in body["message"]
            assert int(response.headers["Retry-After"]) >= 1
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3:] == [429, 429]

    # The other client keeps listening to what is cached, many times over.
    for _ in range(20):
        again = client.get("/api/v1/narration", query_string={"url": urls[0]},
                           environ_base={"REMOTE_ADDR": listener})
        assert again.status_code == 200 and again.get_json()["status"] == "ready"
        audio = client.get(cached["audio_url"], environ_base={"REMOTE_ADDR": abuser})
        assert audio.status_code == 200
    # Polling a render already in flight never counts against the client.
    for _ in range(5):
        poll = client.get("/api/v1/narration", query_string={"url": urls[1]},
                          environ_base={"REMOTE_ADDR": abuser})
        assert poll.status_code == 200


def test_fetch_endpoints_have_a_per_client_limit(app, client, sample_site):
    url = _urls(sample_site)[0]
    limiter = services_of(app).limiter
    assert limiter.enabled
    codes = [client.get("/api/v1/article", query_string={"url": url},
                        environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code for _ in range(62)]
    assert codes[:60] == [200] * 60 and codes[60:] == [429, 429]
    other = client.get("/api/v1/article", query_string={"url": url},
                       environ_base={"REMOTE_ADDR": "10.0.0.10"})
    assert other.status_code == 200
