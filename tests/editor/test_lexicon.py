"""Editors teach the voice an abbreviation: hear it at once, then re-render exactly the
articles that contain it (real worker, offline voice, the sample site)."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

from app import create_app
from tests.editor import workers
from tests.editor.conftest import csrf_of
from tests.editor.workers import TOKEN
from services.container import services_of


@pytest.fixture()
def setup(tmp_path, redis_url, redis_client):
    with workers.served_copy(tmp_path) as (site_url, site_dir):
        env = workers.settings(redis_url, site_url, tmp_path / "instance")
        app = create_app(workers.app_config(env))
        client = app.test_client()
        page = client.get("/editor")
        client.post("/editor/login", data={"token": TOKEN, "csrf_token": csrf_of(page.text)})
        yield app, client, csrf_of(client.get("/editor").text), env, site_dir


def test_preview_reads_the_new_entry_with_the_offline_voice(setup):
    app, client, csrf, *_ = setup
    response = client.post("/editor/lexicon/preview",
                           data={"csrf_token": csrf, "term": "TNHH", "reading": "tê en hát hát"})
    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg"
    assert unquote(response.headers["X-Spoken-Text"]) == "tê en hát hát"
    assert len(response.data) > 1000
    assert response.data[:3] == b"ID3" or response.data[0] == 0xFF
    # Nothing was saved by hearing it.
    assert "tê en hát hát" not in client.get("/editor").text


def test_bad_entries_are_refused_in_vietnamese(setup):
    app, client, csrf, *_ = setup
    for term, reading in [("TNHH", "số 1"), ("T NHH", "tê"), ("", "tê"), ("TNHH", "")]:
        response = client.post("/editor/lexicon", data={"csrf_token": csrf, "term": term,
                                                        "reading": reading},
                               headers={"Accept": "application/json"})
        assert response.status_code in {400, 422}, (term, reading)
        assert response.get_json()["message"]
    assert "Chưa có cách đọc nào" in client.get("/editor").text


def test_a_new_reading_shows_the_articles_then_rerenders_only_those(setup):
    app, client, csrf, env, site_dir = setup
    runner = app.test_cli_runner()
    assert runner.invoke(args=["prerender"]).exit_code == 0
    workers.run_burst(env)
    book = services_of(app).jobs
    # Articles only (their attached documents have records of their own, issue 14).
    before = {r.url: r for r in book.latest_records(100) if not r.attachment_of}
    with_term = {u for u in before
                 if "TNHH" in (site_dir / "tin-tuc" / u.rsplit("/", 1)[1]).read_text()}
    assert len(with_term) == 2

    # First the affected articles are shown, and nothing is saved or queued yet.
    jobs_before = book.recent_job_ids()
    asked = client.post("/editor/lexicon", data={"csrf_token": csrf, "term": "TNHH",
                                                 "reading": "tê en hát hát"})
    assert asked.status_code == 200
    for url in with_term:
        assert f'href="{url}"' in asked.text and before[url].title in asked.text
    assert "Lưu và đọc lại 2 bài" in asked.text
    assert "tê en hát hát" not in client.get("/editor").text
    assert book.recent_job_ids() == jobs_before
    as_json = client.post("/editor/lexicon", headers={"Accept": "application/json"},
                          data={"csrf_token": csrf, "term": "TNHH", "reading": "tê en hát hát"})
    assert as_json.get_json()["confirm_required"] is True
    assert {a["url"] for a in as_json.get_json()["affected"]} == with_term

    # Confirmed: saved, and exactly those articles are queued to be read again at once.
    saved = client.post("/editor/lexicon", data={"csrf_token": csrf, "term": "TNHH",
                                                 "reading": "tê en hát hát", "confirm": "1"})
    assert saved.status_code == 303
    page = client.get("/editor")
    assert "tê en hát hát" in page.text
    assert "Đã đưa 2 bài có từ này vào hàng đợi để đọc lại" in page.text
    assert "bấm “Đọc lại” để cập nhật" not in page.text
    queued = {client.get("/editor/queue.json").get_json()["jobs"][i]["url"] for i in range(2)}
    assert queued == with_term
    workers.run_burst(env)
    after = {r.url: r for r in book.latest_records(100) if not r.attachment_of}
    for url, record in after.items():
        if url in with_term:
            assert record.renders == 2
            assert record.normalizer_version != before[url].normalizer_version
        else:
            assert record.renders == 1, url
    narration = client.get("/api/v1/narration", query_string={"url": sorted(with_term)[0]})
    spoken = " ".join(s["spoken"] for s in narration.get_json()["segments"])
    assert "tê en hát hát" in spoken
    assert "trách nhiệm hữu hạn" not in spoken
    # The button on the table still queues them again on demand.
    again = client.post("/editor/lexicon/rerender", data={"csrf_token": csrf, "term": "TNHH"},
                        headers={"Accept": "application/json"})
    assert again.get_json()["message"].startswith("Đã đưa 2 bài")


def test_a_reading_no_prepared_article_uses_is_saved_at_once(setup):
    app, client, csrf, *_ = setup
    saved = client.post("/editor/lexicon", data={"csrf_token": csrf, "term": "KHXH",
                                                 "reading": "khoa học xã hội"})
    assert saved.status_code == 303
    page = client.get("/editor").text
    assert "khoa học xã hội" in page and "Chưa có bài đọc trước nào có từ này" in page
