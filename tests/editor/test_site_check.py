"""The editor page: low-confidence articles flagged, and "Kiểm tra trang nguồn" running the
same check as `flask site check` on the configured site."""
from __future__ import annotations

import pytest

from cache.jobs import PrerenderRecord
from services.container import services_of
from tests.editor.conftest import TOKEN, csrf_of


@pytest.fixture()
def editor_config(sample_app_config):
    return {**sample_app_config, "EDITOR_TOKEN": TOKEN, "CRAWL_INTERVAL_S": 0}


def record(n: int, confidence: float | None) -> PrerenderRecord:
    return PrerenderRecord(url=f"http://a.vn/{n}", title=f"Bài số {n}", narration_id=str(n),
                           content_hash=str(n), audio_bytes=1, duration_ms=1000,
                           confidence=confidence)


def test_low_confidence_articles_are_flagged(editor_app, signed_in):
    client, _ = signed_in
    book = services_of(editor_app).jobs
    book.save_record(record(1, 0.35))
    book.save_record(record(2, 0.95))
    page = client.get("/editor").text
    assert page.count("Độ tin cậy trích xuất thấp") == 1
    flagged = page.split("Độ tin cậy trích xuất thấp", 1)[0].rsplit("<li>", 1)[1]
    assert "Bài số 1" in flagged


def test_the_source_check_reads_the_configured_site(signed_in):
    client, csrf = signed_in
    page = client.get("/editor").text
    assert "Kiểm tra trang nguồn" in page
    answer = client.post("/editor/site-check", data={"csrf_token": csrf}, follow_redirects=True)
    assert answer.status_code == 200
    assert "Tốt: đọc đúng 3/3 bài." in answer.text
    assert answer.text.count("độ tin cậy 0.") + answer.text.count("độ tin cậy 1.") == 3


def test_the_source_check_needs_an_editor(editor_client):
    page = editor_client.get("/editor")
    answer = editor_client.post("/editor/site-check", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code in (401, 403)
