"""End to end on a real Redis, real worker processes, the offline voice and a served copy of
the sample site: crawl and pre-render it all; nothing is rendered twice; a changed article
alone is rendered again; the feed's enclosures answer with their stated length."""
from __future__ import annotations

import feedparser
import pytest

from app import create_app
from tests.editor import workers
from tests.editor.workers import TOKEN, edit_first_paragraph, run_burst
from services.container import services_of


@pytest.fixture()
def site(tmp_path):
    with workers.served_copy(tmp_path) as (url, site_dir):
        yield url, site_dir


@pytest.fixture()
def env(site, redis_url, redis_client, tmp_path):
    return workers.settings(redis_url, site[0], tmp_path / "instance")


@pytest.fixture()
def e2e_app(env):
    return create_app(workers.app_config(env))


def _kept_audio_keys(redis_client, app) -> set[bytes]:
    pattern = services_of(app).keys.audio_kept("*")
    return set(redis_client.scan_iter(match=pattern, count=1000))


def _records(app):
    """The articles' records (their attached documents have records of their own)."""
    book = services_of(app).jobs
    return {r.url: r for r in book.latest_records(1000) if not r.attachment_of}


def test_crawl_renders_all_then_only_what_changed(e2e_app, env, site, redis_client):
    _, site_dir = site
    articles = workers.article_paths(site_dir)
    runner = e2e_app.test_cli_runner()

    # 1. Crawl the listing (here) and let a real worker render every article.
    result = runner.invoke(args=["prerender"])
    assert result.exit_code == 0, result.output
    assert f"Tìm thấy {len(articles)} bài" in result.output
    run_burst(env)
    records = _records(e2e_app)
    assert len(records) == len(articles)
    assert all(r.renders == 1 and r.audio_bytes > 1000 and r.duration_ms > 1000
               for r in records.values())
    audio_before = _kept_audio_keys(redis_client, e2e_app)
    assert audio_before

    # 2. Again, waiting (no worker runs: the CLI works the queue itself): nothing re-rendered.
    again = runner.invoke(args=["prerender", "--wait"])
    assert again.exit_code == 0, again.output
    assert f"0 đã tạo âm thanh, {len(articles)} không đổi" in again.output
    assert _kept_audio_keys(redis_client, e2e_app) == audio_before
    assert {u: r.rendered_at for u, r in _records(e2e_app).items()} == \
        {u: r.rendered_at for u, r in records.items()}

    # 3. One article changes on the site: only it is rendered again, with its new audio.
    changed = articles[3]
    edit_first_paragraph(changed, "Câu này được thêm vào để kiểm tra việc đọc lại.")
    third = runner.invoke(args=["prerender", "--wait"])
    assert third.exit_code == 0, third.output
    assert f"1 đã tạo âm thanh, {len(articles) - 1} không đổi" in third.output
    after = _records(e2e_app)
    renders = {u: r.renders for u, r in after.items()}
    changed_url = next(u for u in after if u.endswith(changed.name))
    assert renders.pop(changed_url) == 2
    assert set(renders.values()) == {1}
    assert after[changed_url].content_hash != records[changed_url].content_hash
    # The narration the article points at is the new one; its old whole MP3 is not kept.
    narration = e2e_app.test_client().get("/api/v1/narration", query_string={"url": changed_url})
    assert narration.status_code == 200
    assert "kiểm tra việc đọc lại" in " ".join(s["text"] for s in narration.get_json()["segments"])
    audio_now = _kept_audio_keys(redis_client, e2e_app)
    assert audio_now - audio_before  # new sentences were kept
    assert audio_before - audio_now  # the old version's audio is no longer kept


def test_feed_enclosures_answer_with_their_length(e2e_app, env, redis_client, live_server_for):
    runner = e2e_app.test_cli_runner()
    assert runner.invoke(args=["prerender", "--limit", "3"]).exit_code == 0
    run_burst(env)
    server = live_server_for(e2e_app)
    import requests
    body = requests.get(server.url + "/feed.xml", timeout=10)
    feed = feedparser.parse(body.content)
    assert not feed.bozo, feed.bozo_exception
    # Three articles, and an item for each document attached to them (issue 14).
    articles = [e for e in feed.entries if not e.title.endswith("— Văn bản đính kèm")]
    assert len(articles) == 3 and len(feed.entries) > 3
    for entry in feed.entries:
        (enclosure,) = entry.enclosures
        audio = requests.get(enclosure.href, timeout=10)
        assert audio.status_code == 200
        assert audio.headers["Content-Type"] == "audio/mpeg"
        assert int(audio.headers["Content-Length"]) == int(enclosure.length) == len(audio.content)
        assert audio.content[:3] == b"ID3" or audio.content[0] == 0xFF
        assert entry.itunes_duration.count(":") == 2


def test_failed_article_shows_its_reason_and_can_be_retried(e2e_app, env, site, redis_client):
    client = e2e_app.test_client()
    missing = site[0] + "tin-tuc/khong-co-bai-nay.html"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    (job,) = client.post("/api/v1/prerender", json={"urls": [missing]},
                         headers=headers).get_json()["jobs"]
    run_burst(env)
    state = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).get_json()
    assert state["status"] == "failed"
    assert state["error"]["message"]  # in Vietnamese, from the scraper's error
    assert "Traceback" not in state["error"]["message"]

    from tests.editor.conftest import csrf_of
    page = client.get("/editor")
    client.post("/editor/login", data={"token": TOKEN, "csrf_token": csrf_of(page.text)})
    page = client.get("/editor")
    assert state["error"]["message"] in page.text
    # What failed and what the editor can do, not "Lỗi | lỗi".
    assert "Không lấy được bài từ trang nguồn" in page.text
    assert "kiểm tra lại địa chỉ" in page.text
    row = client.get("/editor/queue.json").get_json()["jobs"][0]
    assert row["stage_label"] == "Không lấy được bài từ trang nguồn"
    assert row["failure_label"].startswith(state["error"]["message"])
    assert f'/editor/jobs/{job["id"]}/retry' in page.text
    retried = client.post(f"/editor/jobs/{job['id']}/retry",
                          data={"csrf_token": csrf_of(page.text)})
    assert retried.status_code == 303
    snapshot = client.get("/editor/queue.json").get_json()
    assert snapshot["jobs"][0]["url"] == missing
    assert snapshot["jobs"][0]["status"] == "queued"


def test_feed_review_holds_audio_until_an_editor_publishes(env, site, redis_client):
    app = create_app(workers.app_config({**env, "FEED_REVIEW": "true"}))
    url = site[0] + "tin-tuc/" + workers.article_paths(site[1])[0].name
    done = app.test_cli_runner().invoke(args=["prerender", "--url", url, "--wait"])
    assert done.exit_code == 0, done.output
    assert "1 đã tạo âm thanh" in done.output
    client = app.test_client()
    assert feedparser.parse(client.get("/feed.xml").data).entries == []

    from tests.editor.conftest import csrf_of
    page = client.get("/editor")
    client.post("/editor/login", data={"token": TOKEN, "csrf_token": csrf_of(page.text)})
    page = client.get("/editor")
    record = services_of(app).jobs.get_record(url)
    assert f'src="/audio/article/{record.narration_id}.mp3"' in page.text  # preview first
    assert "Đưa lên podcast" in page.text
    client.post("/editor/articles/publish", data={"csrf_token": csrf_of(page.text), "url": url,
                                                  "public": "1"})
    entries = feedparser.parse(client.get("/feed.xml").data).entries
    assert [e.link for e in entries] == [url]


def test_cli_reports_failures_with_exit_code(env, site):
    app = create_app(workers.app_config(env))
    missing = site[0] + "tin-tuc/khong-co.html"
    result = app.test_cli_runner().invoke(args=["prerender", "--url", missing, "--wait"])
    assert result.exit_code == 1
    assert "1 lỗi" in result.output
    assert f"LỖI {missing}" in result.output
    bad = app.test_cli_runner().invoke(args=["prerender", "--since", "28/6/2022"])
    assert bad.exit_code == 2
