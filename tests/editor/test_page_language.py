"""The editor page is Vietnamese whatever the browser's language (Chromium sends en-US by
default), and a refused paste says which address is wrong."""
from __future__ import annotations

from services.job_queue import load_job

ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}
AS_SCRIPT = {**ENGLISH, "Accept": "application/json"}  # what editor.js sends, in en-US


def test_a_failure_reason_in_the_queue_is_vietnamese_for_an_english_browser(signed_in,
                                                                            redis_client):
    client, csrf = signed_in
    posted = client.post("/editor/prerender", headers=AS_SCRIPT,
                         data={"urls": "http://127.0.0.1:9/tin-tuc/a.html", "csrf_token": csrf})
    assert posted.status_code == 200
    job_id = client.get("/editor/queue.json").get_json()["jobs"][0]["id"]
    job = load_job(redis_client, job_id)
    job.meta.update(error_code="not_found", error_vi="Trang nguồn không có bài này.",
                    error_en="The source site has no page at that address.")
    job.save_meta()
    for answer in (client.get("/editor/queue.json", headers=ENGLISH).text,
                   client.get("/editor", headers=ENGLISH).text):
        assert "Trang nguồn không có bài này." in answer
        assert "The source site has no page" not in answer


def test_the_scripts_error_answers_are_vietnamese_for_an_english_browser(signed_in):
    client, csrf = signed_in
    refused = client.post("/editor/prerender", headers=AS_SCRIPT,
                          data={"urls": "khong phai dia chi", "csrf_token": csrf})
    assert refused.status_code == 400
    assert "không hợp lệ" in refused.get_json()["message"]
    # the API keeps answering in the language asked for
    from tests.editor.conftest import bearer
    api = client.post("/api/v1/prerender", json={"urls": ["khong phai dia chi"]},
                      headers={**ENGLISH, **bearer()})
    assert api.status_code == 400
    assert "not valid" in api.get_json()["message"]


def test_a_refused_paste_names_the_wrong_line(signed_in):
    client, csrf = signed_in
    urls = "http://127.0.0.1:9/tin-tuc/a.html\nhttp://127.0.0.1:9/tin-tuc/b.html\nbai-c.html"
    refused = client.post("/editor/prerender", headers={"Accept": "application/json"},
                          data={"urls": urls, "csrf_token": csrf})
    assert refused.status_code == 400
    message = refused.get_json()["message"]
    assert message.startswith("Địa chỉ thứ 3 (bai-c.html): ")
    assert "không hợp lệ" in message
    assert client.get("/editor/queue.json").get_json()["jobs"] == []  # nothing half-queued
