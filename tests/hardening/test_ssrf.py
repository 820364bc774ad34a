"""SSRF: every trick to make us fetch an internal address is refused with a 4xx and a clear
Vietnamese message, through every endpoint that fetches, and nothing reaches the target
(a local listener counts connections)."""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler

import pytest

from tests.support.servers import serve_handler


class Listener:
    """A TCP listener that only counts who connects."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture()
def listener():
    target = Listener()
    yield target
    target.close()


@pytest.fixture()
def redirector(listener):
    """An allowlisted local site whose every page redirects to the internal listener."""
    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path == "/robots.txt":
                self.send_response(404)
                self.end_headers()
                return
            targets = {
                "/to-loopback": f"http://127.0.0.1:{listener.port}/",
                "/to-integer": f"http://2130706433:{listener.port}/",
                "/to-v6": f"http://[::1]:{listener.port}/",
                "/to-metadata": "http://169.254.169.254/latest/meta-data/",
                "/to-file": "file:///etc/passwd",
                "/to-userinfo": f"http://127.0.0.1:{self.server.server_port}@127.0.0.1:{listener.port}/",
            }
            self.send_response(302)
            self.send_header("Location", targets.get(self.path, "/"))
            self.end_headers()

    with serve_handler(Redirect) as url:
        yield int(url.rstrip("/").rsplit(":", 1)[1])


@pytest.fixture()
def app_config(app_config, redirector):
    return {**app_config, "SITE_URL": "https://stnmt.langson.gov.vn/",
            "ALLOWED_HOSTS": ["localhost", "127.0.0.1"],
            # Only the redirector's own port may be private, as `make run` does for the sample.
            "ALLOW_PRIVATE_HOSTS": [f"127.0.0.1:{redirector}"],
            "FETCH_CONNECT_TIMEOUT_S": 1.0, "FETCH_READ_TIMEOUT_S": 1.0,
            "FETCH_MIN_INTERVAL_S": 0.0, "TTS_ENGINE": "offline"}


def _direct_urls(port: int) -> list[str]:
    return [
        "file:///etc/passwd",
        f"gopher://127.0.0.1:{port}/_PING",
        f"http://127.0.0.1:{port}/",
        f"http://localhost:{port}/",  # an allowlisted name that resolves to loopback
        f"http://[::1]:{port}/",
        "http://169.254.169.254/latest/meta-data/",
        f"http://2130706433:{port}/",
        f"http://0177.0.0.1:{port}/",
        f"http://0x7f.0.0.1:{port}/",
        f"http://127.1:{port}/",
        f"http://stnmt.langson.gov.vn@127.0.0.1:{port}/",
        "http://stnmt.langs\u043en.gov.vn/",  # Cyrillic o: a look-alike of the real host
        "http://stnmt.langson.gov.vn.evil.example/",
    ]


ENDPOINTS = ["/api/v1/article", "/api/v1/narration", "/read", "/listen", "/pdf",
             "/embed/player", "/api/v1/embed/config"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_direct_internal_urls_are_refused_and_nothing_is_fetched(client, listener, endpoint):
    for url in _direct_urls(listener.port):
        response = client.get(endpoint, query_string={"url": url},
                              headers={"Accept": "application/json"})
        assert 400 <= response.status_code < 500, (endpoint, url, response.status_code)
        text = response.get_data(as_text=True)
        assert "Traceback" not in text
    assert listener.connections == 0


@pytest.mark.parametrize("path", ["/to-loopback", "/to-integer", "/to-v6", "/to-metadata",
                                  "/to-file", "/to-userinfo"])
def test_redirects_to_internal_addresses_are_refused(client, listener, redirector, path):
    url = f"http://127.0.0.1:{redirector}{path}"
    response = client.get("/api/v1/article", query_string={"url": url})
    assert 400 <= response.status_code < 500, response.get_json()
    body = response.get_json()
    assert body["error"] and body["message"]
    assert listener.connections == 0


def test_refusal_message_is_clear_vietnamese(client, listener):
    response = client.get("/api/v1/article",
                          query_string={"url": f"http://127.0.0.1:{listener.port}/"})
    assert response.status_code == 422
    message = response.get_json()["message"]
    assert any(word in message for word in ("không", "Không")), message
