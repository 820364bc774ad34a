"""POST /api/v1/prerender and GET /api/v1/jobs/<id> on a real Redis (jobs queued, not run)."""
from __future__ import annotations

from rq import Queue

from tests.editor.conftest import bearer

URL = "http://127.0.0.1:9/tin-tuc/bai-mot.html"


def test_prerender_returns_job_ids(editor_client, redis_client):
    response = editor_client.post("/api/v1/prerender", headers=bearer(),
                                  json={"urls": [URL, "http://127.0.0.1:9/tin-tuc/bai-hai.html"]})
    assert response.status_code == 202
    jobs = response.get_json()["jobs"]
    assert [j["url"] for j in jobs] == [URL, "http://127.0.0.1:9/tin-tuc/bai-hai.html"]
    assert len({j["id"] for j in jobs}) == 2
    assert Queue("prerender", connection=redis_client).count == 2

    status = editor_client.get(f"/api/v1/jobs/{jobs[0]['id']}", headers=bearer())
    assert status.status_code == 200
    body = status.get_json()
    assert body["id"] == jobs[0]["id"]
    assert body["status"] == "queued"
    assert body["progress"] == {"stage": "queued", "done": 0, "total": 0}
    assert body["error"] is None
    assert body["url"] == URL


def test_same_url_is_not_queued_twice(editor_client, redis_client):
    first = editor_client.post("/api/v1/prerender", headers=bearer(), json={"urls": [URL]})
    again = editor_client.post("/api/v1/prerender", headers=bearer(), json={"urls": [URL, URL]})
    assert first.get_json()["jobs"][0]["id"] == again.get_json()["jobs"][0]["id"]
    assert len(again.get_json()["jobs"]) == 1
    assert Queue("prerender", connection=redis_client).count == 1
    forced = editor_client.post("/api/v1/prerender", headers=bearer(),
                                json={"urls": [URL], "force": True})
    assert forced.get_json()["jobs"][0]["id"] != first.get_json()["jobs"][0]["id"]


def test_jobs_carry_retries(editor_client, redis_client):
    job_id = editor_client.post("/api/v1/prerender", headers=bearer(),
                                json={"urls": [URL]}).get_json()["jobs"][0]["id"]
    job = Queue("prerender", connection=redis_client).fetch_job(job_id)
    assert job.retries_left == 3
    assert job.retry_intervals == [10, 60, 300]


def test_listing_queues_a_crawl(editor_client, redis_client):
    response = editor_client.post("/api/v1/prerender", headers=bearer(),
                                  json={"listing": True, "since": "2024-01-01", "limit": 5})
    assert response.status_code == 202
    (job,) = response.get_json()["jobs"]
    assert job["kind"] == "crawl"
    assert job["url"] == "http://127.0.0.1:9/"  # SITE_URL of the tests
    assert Queue("crawl", connection=redis_client).count == 1


def test_unknown_job_is_404(editor_client):
    for job_id in ["0123456789abcdef", "x" * 65, "../etc"]:
        response = editor_client.get(f"/api/v1/jobs/{job_id}", headers=bearer())
        assert response.status_code == 404, job_id
    assert response.get_json()["error"] in {"job_not_found", "not_found"}


def test_bad_requests(editor_client):
    cases = [
        ({"urls": ["ftp://x.vn/a"]}, 400),
        ({"urls": ["không phải địa chỉ"]}, 400),
        ({"urls": ["http://[::1"]}, 400),
        ({"urls": "http://x.vn/a"}, 400),
        ({}, 400),
        ({"listing": True, "since": "28/06/2022"}, 400),
        ({"listing": True, "limit": 0}, 400),
        ({"urls": [f"http://x.vn/{i}" for i in range(101)]}, 413),
    ]
    for body, status in cases:
        response = editor_client.post("/api/v1/prerender", headers=bearer(), json=body)
        assert response.status_code == status, body
        assert response.get_json()["message"]
    text = editor_client.post("/api/v1/prerender", headers=bearer(), data="urls=x")
    assert text.status_code == 415
