"""The source site misbehaving: 500s and truncated bodies give a clear error, never a 500
from us, and nothing half-made is cached."""
from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest

from samples.serve import SITE_DIR
from tests.support.servers import serve_handler

PAGE = (SITE_DIR / "tin-tuc" /
        "ra-quan-huong-ung-chien-dich-lam-cho-the-gioi-sach-hon-nam-2023.html").read_bytes()


class Faulty(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/robots.txt":
            self.send_response(404)
            self.end_headers()
        elif self.path == "/error.html":
            self.send_response(500)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<h1>Internal Server Error</h1>")
        elif self.path == "/truncated.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE[: len(PAGE) // 3])  # then the connection drops
            self.wfile.flush()
            self.close_connection = True
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture()
def faulty_site():
    with serve_handler(Faulty) as url:
        yield url.rstrip("/")


@pytest.fixture()
def app_config(app_config, faulty_site):
    return {**app_config, "SITE_URL": faulty_site + "/", "ALLOW_PRIVATE_HOSTS": ["127.0.0.1"],
            "FETCH_MIN_INTERVAL_S": 0.0, "FETCH_READ_TIMEOUT_S": 2.0, "TTS_ENGINE": "offline"}


@pytest.mark.parametrize("path", ["/error.html", "/truncated.html"])
@pytest.mark.parametrize("endpoint", ["/api/v1/article", "/api/v1/narration"])
def test_source_faults_are_502_and_nothing_is_cached(client, redis_client, faulty_site,
                                                      path, endpoint):
    response = client.get(endpoint, query_string={"url": faulty_site + path})
    assert response.status_code == 502, response.get_json()
    assert response.get_json()["message"]
    assert not list(redis_client.scan_iter(match="docnd:article:*"))
    assert not list(redis_client.scan_iter(match="docnd:narration:*"))
    assert not list(redis_client.scan_iter(match="docnd:audio*"))
