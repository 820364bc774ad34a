"""A worker killed (SIGKILL) in the middle of a job leaves nothing half-made, and another
worker picks the job up and finishes it."""
from __future__ import annotations

import pytest
from rq.registry import StartedJobRegistry

from app import create_app
from services.narration import narration_id
from tests.editor import workers
from tests.editor.workers import TOKEN
from services.container import services_of


def _make_long_article(site_dir, copies: int = 40) -> str:
    """A long article (its paragraphs repeated, each made distinct) so rendering takes a while."""
    source = workers.article_paths(site_dir)[0]
    html = source.read_text(encoding="utf-8")
    start = html.index('<div class="news-content">') + len('<div class="news-content">')
    end = html.index("</div>", start)
    body = html[start:end]
    long_body = "".join(body.replace("</p>", f" Phần {n}.</p>") for n in range(copies))
    target = source.with_name("bai-rat-dai.html")
    page = (html[:start] + long_body + html[end:]).replace(f"/tin-tuc/{source.name}",
                                                           "/tin-tuc/bai-rat-dai.html")
    target.write_text(page, encoding="utf-8")
    return "tin-tuc/bai-rat-dai.html"


@pytest.fixture()
def site(tmp_path):
    with workers.served_copy(tmp_path) as served:
        yield served


def test_killed_worker_leaves_nothing_partial_and_job_is_recovered(site, redis_url,
                                                                   redis_client, tmp_path):
    site_url, site_dir = site
    url = site_url + _make_long_article(site_dir)
    env = workers.settings(redis_url, site_url, tmp_path / "instance")
    app = create_app(workers.app_config(env))
    client = app.test_client()
    headers = {"Authorization": f"Bearer {TOKEN}"}
    (job,) = client.post("/api/v1/prerender", json={"urls": [url]}, headers=headers).get_json()["jobs"]

    first = workers.start_worker(env)
    try:
        # Wait until the voice is part-way through the article, then kill worker and horse.
        def narrating():
            state = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).get_json()
            progress = state["progress"]
            return (state["status"] == "started" and progress["stage"] == "narrating"
                    and 0 < progress["done"] < progress["total"])
        workers.wait_for(narrating, timeout_s=120, interval_s=0.02)
    finally:
        workers.kill_group(first)

    # Nothing half-made is visible: no record, no finished narration, no whole-article MP3.
    book = services_of(app).jobs
    assert book.get_record(url) is None
    nid = narration_id(url)
    assert services_of(app).narrator.records.get(nid) is None
    assert client.get(f"/audio/article/{nid}.mp3").status_code == 404
    state = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).get_json()
    assert state["status"] == "started"  # as far as Redis knows, it still runs

    # Its heartbeat stops; a new worker hands the job on and finishes it.
    registry = StartedJobRegistry("prerender", connection=redis_client)
    workers.wait_for(lambda: job["id"] in registry.get_expired_job_ids(), timeout_s=30)
    workers.run_burst(env, timeout_s=300)
    state = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).get_json()
    assert state["status"] == "finished", state
    assert state["result"]["status"] == "rendered"
    record = book.get_record(url)
    assert record is not None and record.renders == 1 and record.narration_id == nid
    audio = client.get(f"/audio/article/{nid}.mp3")
    assert audio.status_code == 200
    assert len(audio.data) == record.audio_bytes
