"""Real servers for web and browser tests: the app and the sample site on free ports."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from werkzeug.serving import make_server


class LiveServer:
    """A WSGI app served by werkzeug's threaded server in a background thread."""

    def __init__(self, wsgi_app, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        # Port 0: the kernel picks a free port as it binds, so no other process on this
        # machine can take it between choosing and binding.
        self._server = make_server(host, port or 0, wsgi_app, threaded=True)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> "LiveServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)


@contextmanager
def serving(server) -> Iterator[str]:
    """Run a socketserver-style HTTP server in a thread; yields its base URL (with "/")."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def serve_handler(handler):
    """A local test site answered by a BaseHTTPRequestHandler class, on a free port."""
    from http.server import ThreadingHTTPServer
    return serving(ThreadingHTTPServer(("127.0.0.1", 0), handler))


def serve_sample_site(site_dir: Path | None = None):
    """The bundled sample of the department site (or a copy of it) on a free port."""
    from samples.serve import SITE_DIR, make_server as make_sample_server
    return serving(make_sample_server(0, "127.0.0.1", site_dir or SITE_DIR))


def sample_app_settings(redis_url: str, site: str, name: str) -> dict:
    """Settings of an app reading the bundled sample site with the offline voice, outside
    pytest (the benches and the screenshots): only the sample's own port may be private."""
    import tempfile
    from urllib.parse import urlsplit
    return {"REDIS_URL": redis_url, "SECRET_KEY": name, "SITE_URL": site,
            "ALLOW_PRIVATE_HOSTS": [urlsplit(site).netloc],
            "TTS_ENGINE": "offline", "FETCH_MIN_INTERVAL_S": 0.0,
            "INSTANCE_PATH": tempfile.mkdtemp(prefix=f"{name}-instance-")}
