"""Very long addresses: one limit, one Vietnamese message, from every door."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from app import create_app
from cache.redis_server import find_free_port
from runner import child_commands
from services.addresses import MAX_URL_CHARS, UrlTooLongError
from tests.editor.conftest import TOKEN, bearer, csrf_of

ROOT = Path(__file__).resolve().parents[2]
LONG = "http://stnmt.langson.gov.vn/tin-tuc/" + "a" * 4000
MESSAGE = UrlTooLongError.message_vi
GET_DOORS = ["/api/v1/narration", "/api/v1/article", "/read", "/pdf", "/listen",
             "/api/v1/embed/config", "/embed/player"]


@pytest.fixture()
def app_config(base_app_config):
    return {**base_app_config, "EDITOR_TOKEN": TOKEN, "CRAWL_INTERVAL_S": 0}


def _text(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("path", GET_DOORS)
def test_a_4000_character_address_is_too_long_not_badly_begun(client, path):
    response = client.get(path, query_string={"url": LONG}, headers={"Accept": "text/html"})
    assert response.status_code == 400
    body = _text(response)
    assert f"tối đa {MAX_URL_CHARS:,}".replace(",", ".") in body and "quá dài" in body
    assert "bắt đầu bằng" not in body  # it does start with http://


def test_json_answer_names_the_limit(client):
    response = client.get("/api/v1/narration", query_string={"url": LONG})
    assert response.get_json() == {"error": "url_too_long", "message": MESSAGE}


def test_the_limit_is_inclusive(client):
    base = "http://example.com/"
    at_limit = base + "a" * (MAX_URL_CHARS - len(base))
    ok = client.get("/api/v1/narration", query_string={"url": at_limit})
    over = client.get("/api/v1/narration", query_string={"url": at_limit + "a"})
    assert ok.get_json()["error"] != "url_too_long"  # refused for its host, not its length
    assert over.get_json()["error"] == "url_too_long"


def test_editors_api_and_form_say_the_same(client):
    api = client.post("/api/v1/prerender", headers=bearer(), json={"urls": [LONG]})
    assert api.status_code == 400 and api.get_json()["message"] == MESSAGE
    page = client.get("/editor")
    client.post("/editor/login", data={"token": TOKEN, "csrf_token": csrf_of(page.text)})
    csrf = csrf_of(client.get("/editor").text)
    form = client.post("/editor/prerender", data={"urls": LONG, "csrf_token": csrf},
                       headers={"Accept": "text/html"})
    assert form.status_code == 400 and MESSAGE in _text(form)


def test_forms_cap_what_can_be_typed_or_pasted(client):
    home = _text(client.get("/"))
    assert re.search(rf'<input id="open-url" name="url"[^>]* maxlength="{MAX_URL_CHARS}"', home)
    page = client.get("/editor")
    client.post("/editor/login", data={"token": TOKEN, "csrf_token": csrf_of(page.text)})
    editor = _text(client.get("/editor"))
    cap = int(re.search(r'<textarea id="urls"[^>]* maxlength="(\d+)"', editor).group(1))
    assert MAX_URL_CHARS < cap <= 1024 * 1024  # whole addresses fit; the body limit is never hit


def test_a_10_mb_paste_gets_a_vietnamese_413_page(client):
    page = client.get("/editor")
    client.post("/editor/login", data={"token": TOKEN, "csrf_token": csrf_of(page.text)})
    csrf = csrf_of(client.get("/editor").text)
    response = client.post("/editor/prerender", headers={"Accept": "text/html"},
                           data={"urls": "x" * (10 * 1024 * 1024), "csrf_token": csrf})
    assert response.status_code == 413
    body = _text(response)
    assert '<html lang="vi"' in body and "Dữ liệu gửi lên quá lớn." in body


def test_gunicorn_lets_the_longest_encoded_address_through():
    argv = dict(child_commands({"PORT": 8000, "ACCESS_LOG": False},
                               {"DOCND_INSTANCE_PATH": "/tmp/x"}))["web"]
    limit = int(argv[argv.index("--limit-request-line") + 1])
    # An address at the limit whose every character is escaped again in the query (%XX).
    address = "%" * MAX_URL_CHARS
    worst = f"GET /api/v1/embed/config?url={quote(address, safe='')} HTTP/1.1"
    assert len(worst) > 3 * MAX_URL_CHARS and len(worst) <= limit


def test_under_gunicorn_the_app_answers_not_gunicorn(redis_server, tmp_path):
    port = find_free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("DOCND_")},
           "DOCND_REDIS_URL": redis_server.url, "DOCND_INSTANCE_PATH": str(tmp_path),
           "DOCND_SECRET_KEY": "test", "DOCND_SITE_URL": "http://127.0.0.1:9/"}
    argv = dict(child_commands({"PORT": port, "ACCESS_LOG": False},
                               {"DOCND_INSTANCE_PATH": str(tmp_path)}))["web"]
    argv[argv.index("--workers") + 1] = "1"
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        from runner import wait_http
        assert wait_http(f"http://127.0.0.1:{port}/healthz", 60)
        response = requests.get(f"http://127.0.0.1:{port}/read", params={"url": LONG},
                                timeout=30)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert response.status_code == 400
    assert "quá dài" in response.text and "URI Too Long" not in response.text
