"""A local origin server (threaded http.server on 127.0.0.1, a free port) that plays the
source site badly: redirects, slow replies, huge bodies, wrong types, 503s, ETags."""
from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scraper.fetch import Fetcher, make_session
from scraper.policy import FetchPolicy

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE_HTML = (FIXTURES / "wordpress.html").read_bytes() if (FIXTURES / "wordpress.html").exists() else b""


class Origin:
    """Routes are path -> handler(request) -> (status, headers, body)."""

    def __init__(self) -> None:
        self.routes: dict = {}
        self.hits: Counter = Counter()
        self.headers_seen: list[dict] = []
        origin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                origin.hits[path] += 1
                origin.headers_seen.append(dict(self.headers))
                route = origin.routes.get(path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/html"}, b"<p>404</p>"
                else:
                    status, headers, body = route(self)
                    if status is None:  # the route wrote the reply itself
                        return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", **headers):
        self.routes[path] = lambda req: (200, {"Content-Type": ctype, **headers}, body)


@pytest.fixture()
def origin():
    server = Origin()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def make_policy(**overrides) -> FetchPolicy:
    values = dict(allowed_hosts=frozenset({"127.0.0.1"}), private_hosts=frozenset({"127.0.0.1"}),
                  connect_timeout_s=1.0, read_timeout_s=0.5, deadline_s=5.0, max_bytes=200_000,
                  min_interval_s=0.0, retry_max_wait_s=2.0, user_agent="DocNoiDung/0.1 (+test) read-aloud service")
    values.update(overrides)
    return FetchPolicy(**values)


@pytest.fixture()
def policy():
    return make_policy()


@pytest.fixture()
def fetcher(policy):
    session = make_session(policy)
    yield Fetcher(session, policy)
    session.close()


def slow(seconds: float, body: bytes = b"<p>late</p>"):
    def route(req):
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, body
    return route
