"""Who may use the editor page and API: token, session, CSRF."""
from __future__ import annotations

import re

from app import create_app
from tests.editor.conftest import TOKEN, bearer, csrf_of


def test_editor_off_without_token(app_config, redis_client):
    client = create_app(app_config).test_client()  # EDITOR_TOKEN unset
    page = client.get("/editor")
    assert page.status_code == 404
    assert "DOCND_EDITOR_TOKEN" in page.text
    api = client.post("/api/v1/prerender", json={"urls": ["http://x.vn/a"]}, headers=bearer())
    assert api.status_code == 404
    assert api.get_json()["error"] == "editor_disabled"


def test_page_asks_to_sign_in(editor_client):
    page = editor_client.get("/editor")
    assert page.status_code == 401
    assert 'type="password"' in page.text
    assert '<label for="token">' in page.text
    assert editor_client.get("/editor/queue.json").status_code == 401


def test_wrong_token_is_refused(editor_client):
    page = editor_client.get("/editor")
    response = editor_client.post("/editor/login", data={"token": "nope",
                                                         "csrf_token": csrf_of(page.text)})
    assert response.status_code == 401
    assert "không đúng" in response.text
    assert editor_client.get("/editor").status_code == 401


def test_login_without_csrf_is_refused(editor_client):
    editor_client.get("/editor")
    response = editor_client.post("/editor/login", data={"token": TOKEN})
    assert response.status_code == 400
    assert editor_client.get("/editor").status_code == 401


def test_session_cookie_flags(editor_client):
    page = editor_client.get("/editor")
    response = editor_client.post("/editor/login", data={"token": TOKEN,
                                                         "csrf_token": csrf_of(page.text)})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP here
    https = editor_client.get("/editor", base_url="https://localhost")
    secure_login = editor_client.post("/editor/login", base_url="https://localhost",
                                      data={"token": TOKEN, "csrf_token": csrf_of(https.text)})
    assert "Secure" in secure_login.headers["Set-Cookie"]


def test_signed_in_page_and_forms_need_csrf(signed_in):
    client, csrf = signed_in
    page = client.get("/editor")
    assert "Biên tập âm thanh" in page.text
    assert "<script>" not in page.text  # no inline script: the page's script is a file
    assert page.headers["Cache-Control"] == "no-store"
    for path, data in [("/editor/prerender", {"urls": "http://127.0.0.1:9/a.html"}),
                       ("/editor/crawl", {}), ("/editor/lexicon", {"term": "TP", "reading": "thành phố"}),
                       ("/editor/logout", {})]:
        assert client.post(path, data=data).status_code == 400, path
        assert client.post(path, data={**data, "csrf_token": "forged"}).status_code == 400, path
    assert client.get("/editor").status_code == 200  # still signed in


def test_editor_static_files_are_versioned(editor_client, signed_in):
    """Static files are cached for a year (immutable): each must carry its content hash."""
    client, _ = signed_in
    pages = [editor_client.application.test_client().get("/editor").text, client.get("/editor").text]
    for html in pages:
        static = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
        assert any("editor.css" in url for url in static)
        assert all(re.search(r"\?v=[0-9a-f]{12}$", url) for url in static), static
    assert any("editor.js" in url for url in re.findall(r'src="(/static/[^"]+)"', pages[1]))
    js = [url for url in re.findall(r'src="(/static/[^"]+)"', pages[1]) if "editor.js" in url][0]
    assert "immutable" in client.get(js).headers["Cache-Control"]


def test_logout(signed_in):
    client, csrf = signed_in
    assert client.post("/editor/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/editor").status_code == 401


def test_changing_the_token_signs_everyone_out(signed_in, editor_app):
    client, _ = signed_in
    editor_app.config["EDITOR_TOKEN"] = "a-new-token"
    assert client.get("/editor").status_code == 401


def test_api_needs_the_bearer_token(editor_client):
    body = {"urls": ["http://127.0.0.1:9/a.html"]}
    none = editor_client.post("/api/v1/prerender", json=body)
    assert none.status_code == 401
    assert none.headers["WWW-Authenticate"].startswith("Bearer")
    assert none.get_json()["error"] == "unauthorized"
    wrong = editor_client.post("/api/v1/prerender", json=body, headers=bearer("wrong"))
    assert wrong.status_code == 401
    basic = editor_client.post("/api/v1/prerender", json=body,
                               headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    assert editor_client.get("/api/v1/jobs/abc").status_code == 401
    assert editor_client.get("/api/v1/jobs/abc", headers=bearer("wrong")).status_code == 401


def test_api_messages_are_vietnamese_first(editor_client):
    vi = editor_client.post("/api/v1/prerender", json={})
    assert "mã truy cập" in vi.get_json()["message"].lower()
    en = editor_client.post("/api/v1/prerender", json={}, headers={"Accept-Language": "en"})
    assert "token" in en.get_json()["message"]


def test_session_may_call_the_api_with_csrf(signed_in):
    client, csrf = signed_in
    body = {"urls": ["http://127.0.0.1:9/a.html"]}
    assert client.post("/api/v1/prerender", json=body).status_code == 400  # no CSRF header
    ok = client.post("/api/v1/prerender", json=body, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 202


def _wrong_logins(client, count):
    page = client.get("/editor")
    return [client.post("/editor/login", data={"token": f"wrong-{n}",
                                               "csrf_token": csrf_of(page.text)})
            for n in range(count)]


def test_failed_sign_ins_are_limited_and_logged(editor_client, caplog):
    caplog.set_level("WARNING", logger="docnd.editor")
    answers = _wrong_logins(editor_client, 8)
    assert [a.status_code for a in answers[:5]] == [401] * 5
    limited = answers[5]
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert "quá nhiều lần" in limited.text and 'lang="vi"' in limited.text
    # Guessing stops: even the right token waits now.
    page = editor_client.get("/editor")
    right = editor_client.post("/editor/login", data={"token": TOKEN,
                                                      "csrf_token": csrf_of(page.text)})
    assert right.status_code == 429
    assert sum("sign-in failed (form)" in r.getMessage() for r in caplog.records) == 5
    assert any("sign-in refused" in r.getMessage() for r in caplog.records)


def test_failed_bearer_tokens_are_limited(editor_client, caplog):
    caplog.set_level("WARNING", logger="docnd.editor")
    codes = [editor_client.get("/api/v1/jobs/nope", headers=bearer(f"wrong-token-{n}"))
             for n in range(7)]
    assert [c.status_code for c in codes[:5]] == [401] * 5
    assert codes[5].status_code == 429 and int(codes[5].headers["Retry-After"]) >= 1
    assert codes[5].get_json()["error"] == "sign_in_limited"
    assert any("sign-in failed (bearer)" in r.getMessage() for r in caplog.records)


def test_right_tokens_do_not_count(editor_client):
    for _ in range(10):
        assert editor_client.get("/api/v1/jobs/nope", headers=bearer()).status_code == 404


def test_a_short_editor_token_refuses_to_start(app_config, redis_client):
    import pytest

    from config import ConfigError, load_config
    with pytest.raises(ConfigError, match="16"):
        create_app({**app_config, "EDITOR_TOKEN": "short-token"})
    with pytest.raises(ConfigError, match="DOCND_EDITOR_TOKEN"):
        load_config({"DOCND_EDITOR_TOKEN": "123456789012345"})
    assert load_config({"DOCND_EDITOR_TOKEN": "1234567890123456"})["EDITOR_TOKEN"]
