"""GET /api/v1/narration?url=…: the real scraper reads the bundled sample site, the voices
read it; the client polls until the narration is ready."""
from __future__ import annotations

import time

import pytest

from reader import mp3
from tests.voices.fake_google import FakeGoogle
from services.container import services_of

ARTICLE = "tin-tuc/hoi-nghi-pho-bien-thong-tu-so-02-2022-tt-btnmt-cho-doanh-nghiep.html"


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


def poll_until_ready(client, url: str, timeout_s: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        response = client.get("/api/v1/narration", query_string={"url": url})
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        if body["status"] == "ready":
            return body
        assert body["poll_after_ms"] > 0 and body["audio_url"] is None
        time.sleep(body["poll_after_ms"] / 1000 / 5)
    raise AssertionError("narration never became ready")


def test_narration_of_a_sample_article(client, sample_site):
    url = sample_site + ARTICLE
    first = client.get("/api/v1/narration", query_string={"url": url})
    assert first.status_code == 200
    body = first.get_json()
    assert body["status"] in ("rendering", "ready") and body["ready_segments"] >= 1
    assert first.headers["Cache-Control"] in ("no-store", "no-cache")
    assert "fingerprint" not in body and "audio_key" not in body["segments"][0]
    ready = poll_until_ready(client, url)
    assert ready["engine"] == "offline" and ready["provisional"] is False
    assert ready["segments"][0]["kind"] == "title"
    assert ready["ready_segments"] == ready["total_segments"] == len(ready["segments"])
    segment = client.get(ready["segments"][0]["audio_url"])
    assert segment.status_code == 200 and mp3.duration_ms(segment.data) == (
        ready["segments"][0]["end_ms"] - ready["segments"][0]["start_ms"])
    whole = client.get(ready["audio_url"])
    assert whole.status_code == 200
    assert mp3.duration_ms(whole.data) == ready["duration_ms"]
    assert ready["audio_url"] == f"/audio/article/{ready['id']}.mp3"


def test_narration_with_google_counts_one_call_per_segment(app, client, sample_site):
    services_of(app).narrator.engine = services_of(app).engines["gtts"]
    url = sample_site + ARTICLE
    with FakeGoogle(passthru=(sample_site,)) as google:
        ready = poll_until_ready(client, url)
    assert ready["engine"] == "gtts"
    assert google.calls == ready["total_segments"]
    assert sorted(google.texts) == sorted(s["spoken"] for s in ready["segments"])


@pytest.mark.parametrize("query, status, code", [
    ({}, 400, "url_missing"), ({"url": ""}, 400, "url_missing"),
    ({"url": "javascript:alert(1)"}, 400, "bad_url"),
    ({"url": "ftp://stnmt.langson.gov.vn/a"}, 400, "bad_url"),
    ({"url": "http://[::1"}, 400, "bad_url"),
])
def test_bad_url_is_refused_in_vietnamese(client, query, status, code):
    response = client.get("/api/v1/narration", query_string=query)
    assert response.status_code == status
    body = response.get_json()
    assert body["error"] == code and "địa chỉ bài viết" in body["message"].lower()


def test_url_of_another_site_is_refused(client):
    response = client.get("/api/v1/narration", query_string={"url": "https://example.com/a"})
    assert 400 <= response.status_code < 500
    assert response.get_json()["error"]
