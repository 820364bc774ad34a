"""Retry-After only on refusals. The limiter's headers put it on every answer; on /listen's
303 it asked clients to wait a minute before following the redirect to the MP3."""
from __future__ import annotations

import pytest

ARTICLE = "tin-tuc/lang-son-huong-ung-ngay-moi-truong-the-gioi-nam-2026.html"


@pytest.fixture()
def app_config(sample_app_config):
    return {**sample_app_config, "FETCH_RATE_LIMIT": "2 per minute"}


def test_no_retry_after_on_answers_that_are_not_refusals(client, sample_site):
    page = client.get("/read", query_string={"url": sample_site + ARTICLE})
    assert page.status_code == 200
    assert page.headers.get("X-RateLimit-Limit")  # the limiter did count this request
    assert "Retry-After" not in page.headers
    refused = client.get("/read", query_string={"url": sample_site + ARTICLE})
    refused = client.get("/read", query_string={"url": sample_site + ARTICLE})
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1


def test_no_retry_after_on_the_redirect_to_the_mp3(app, sample_site):
    client = app.test_client()
    listen = client.get("/listen", query_string={"url": sample_site + ARTICLE})
    assert listen.status_code == 303, listen.get_data(as_text=True)[:300]
    assert listen.headers.get("X-RateLimit-Limit")
    assert "Retry-After" not in listen.headers
