"""The embed endpoints through the Flask client: config answers, CORS, frame-ancestors, embed.js."""
import gzip
import json
import re
from urllib.parse import quote

import pytest

from web.embed import SELECTORS_MARK


def _config(client, url, origin=None):
    headers = {"Origin": origin} if origin else {}
    return client.get(f"/api/v1/embed/config?url={quote(url, safe='')}", headers=headers)


def test_config_for_an_allowed_page_and_article(client, allowed_host):
    article = allowed_host.url + "/"
    response = _config(client, article, origin=allowed_host.url)
    assert response.status_code == 200
    body = response.get_json()
    assert body["url"] == article
    assert body["narration_url"] == "/api/v1/narration?url=" + quote(article, safe="")
    assert body["player_url"].startswith("/embed/player?url=")
    assert response.headers["Access-Control-Allow-Origin"] == allowed_host.url
    assert "Origin" in response.headers["Vary"]


def test_config_refuses_another_origin_readably(client, allowed_host, denied_host):
    response = _config(client, allowed_host.url + "/", origin=denied_host.url)
    assert response.status_code == 403
    body = response.get_json()
    assert body["error"] == "embed_origin_not_allowed"
    assert body["message"].startswith("Trang web này chưa được phép gắn nút Đọc nội dung")
    # Readable by the refused page, so the widget can show the reason instead of breaking.
    assert response.headers["Access-Control-Allow-Origin"] == denied_host.url


@pytest.mark.parametrize("url, code", [
    ("https://evil.example/tin-tuc/a.html", "embed_url_not_allowed"),
    ("file:///etc/passwd", "embed_url_not_allowed"),
    ("", "embed_url_missing"),
])
def test_config_refuses_articles_off_the_allowlist(client, allowed_host, url, code):
    response = _config(client, url, origin=allowed_host.url)
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == code
    assert body["message"] and "Traceback" not in response.get_data(as_text=True)


def test_config_speaks_english_when_asked(client, allowed_host, denied_host):
    response = client.get(f"/api/v1/embed/config?url={quote(allowed_host.url + '/')}",
                          headers={"Origin": denied_host.url, "Accept-Language": "en"})
    assert response.status_code == 403
    assert response.get_json()["message"].startswith("This website may not embed")


@pytest.mark.parametrize("path", ["/api/v1/no-such-endpoint", "/audio/no-such-key.mp3"])
def test_cors_on_other_api_responses_only_for_allowlisted_origins(client, allowed_host, denied_host, path):
    good = client.get(path, headers={"Origin": allowed_host.url})
    bad = client.get(path, headers={"Origin": denied_host.url})
    none = client.get(path)
    assert good.headers["Access-Control-Allow-Origin"] == allowed_host.url
    assert "Access-Control-Allow-Origin" not in bad.headers
    assert "Access-Control-Allow-Origin" not in none.headers
    assert "Origin" in good.headers["Vary"] and "Origin" in bad.headers["Vary"]


def test_cors_never_trusts_the_null_origin(client, allowed_host):
    response = _config(client, allowed_host.url + "/", origin="null")
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response.headers


def test_pages_outside_the_api_get_no_cors(client, allowed_host):
    response = client.get("/healthz", headers={"Origin": allowed_host.url})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_iframe_player_may_be_framed_only_by_allowlisted_origins(client, allowed_host, denied_host):
    response = client.get(f"/embed/player?url={quote(allowed_host.url + '/', safe='')}")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    ancestors = csp.split("frame-ancestors")[1].split(";")[0].split()
    assert ancestors == ["'self'", allowed_host.url]
    assert denied_host.url not in csp
    assert "'unsafe-inline'" not in csp and "script-src 'self'" in csp
    assert "X-Frame-Options" not in response.headers  # it would override frame-ancestors
    html = response.get_data(as_text=True)
    assert 'src="/embed.js"' in html and 'data-frame="on"' in html
    assert re.search(r'href="/static/embed/player\.css\?v=[0-9a-f]{12}"', html)  # cached a year


def test_iframe_player_refuses_other_articles_with_a_message(client):
    response = client.get("/embed/player?url=" + quote("https://evil.example/a.html", safe=""))
    assert response.status_code == 422
    assert "không thuộc trang được phép đọc" in response.get_data(as_text=True)
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def test_other_pages_still_refuse_framing(client):
    assert "frame-ancestors 'none'" in client.get("/healthz").headers["Content-Security-Policy"]


def test_embed_js_headers_and_revalidation(client):
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    cache = response.headers["Cache-Control"]
    assert "public" in cache and "max-age=3600" in cache
    etag = response.headers["ETag"]
    again = client.get("/embed.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data


def test_embed_js_carries_the_profile_selectors_and_no_globals(client):
    source = client.get("/embed.js").get_data(as_text=True)
    assert SELECTORS_MARK not in source
    literal = source.split("var PROFILES = ", 1)[1].split(";\n", 1)[0]
    profiles = json.loads(literal)
    assert profiles[-1]["name"] == "generic" and all(p["title"] for p in profiles)
    body = source.split("*/", 1)[1].strip()
    assert body.startswith("(function () {") and body.endswith("})();")
    assert "window." not in body.replace("window.parent", "").replace("window.fetch", "") \
        .replace("window.AbortController", "").replace("window.ResizeObserver", "") \
        .replace("window.CSSStyleSheet", "").replace("window.CSS", "").replace("window.Highlight", "")


def test_embed_js_within_its_size_budget(client):
    assert len(gzip.compress(client.get("/embed.js").data, 9)) <= 15 * 1024


def test_audio_download_parameter_makes_an_attachment(app, allowed_host):
    import io

    from flask import send_file

    @app.get("/audio/_probe.mp3")
    def _probe():
        return send_file(io.BytesIO(b"ID3"), mimetype="audio/mpeg", download_name="Bài viết.mp3")

    client = app.test_client()
    played = client.get("/audio/_probe.mp3", headers={"Origin": allowed_host.url})
    saved = client.get("/audio/_probe.mp3?download=1", headers={"Origin": allowed_host.url})
    assert played.headers["Content-Disposition"].startswith("inline")
    assert saved.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''B%C3%A0i" in saved.headers["Content-Disposition"]
    assert saved.headers["Access-Control-Allow-Origin"] == allowed_host.url
