"""A host page on another origin: samples/embed-demo/ served by a tiny threaded http.server.

The demo page names the reader as http://127.0.0.1:8000 and itself as http://127.0.0.1:8002;
this server rewrites both to the ports of the test run. `?hostile=1` adds a stylesheet that
tries its worst on the widget; `?slot=0` removes the placeholder, so the widget must find the
article title itself.
"""
from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

DEMO_DIR = Path(__file__).resolve().parents[2] / "samples" / "embed-demo"
DEMO_READER = "http://127.0.0.1:8000"
DEMO_HOST = "http://127.0.0.1:8002"
SLOT = '<div class="docnd-slot" data-docnd-player></div>'
HOSTILE_CSS = """<style>
* { all: unset !important; }
button, select, input, a { display: none !important; }
div { visibility: hidden; font-size: 2px !important; }
[data-docnd-widget] { display: none; height: 0; overflow: hidden; }
</style>"""


class HostSite:
    """Serves the demo directory on a free port; `reader_url` is set once the app is up."""

    def __init__(self) -> None:
        self.port = 0  # bound below, by the kernel: no race with other processes
        self.reader_url = DEMO_READER
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt, *args):
                pass

            def do_GET(self):
                site.requests.append(self.path)
                parts = urlsplit(self.path)
                name = unquote(parts.path).lstrip("/") or "index.html"
                path = (DEMO_DIR / name).resolve()
                if DEMO_DIR.resolve() not in path.parents or not path.is_file():
                    self.send_error(404)
                    return
                body = path.read_bytes()
                ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                if path.suffix == ".html":
                    body = site.rewrite(body.decode("utf-8"), parse_qs(parts.query)).encode()
                    ctype = "text/html; charset=utf-8"
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_port
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rewrite(self, html: str, query: dict[str, list[str]]) -> str:
        for old, new in ((DEMO_READER, self.reader_url), (DEMO_HOST, self.url)):
            html = html.replace(old, new).replace(quote(old, safe=""), quote(new, safe=""))
        if query.get("hostile"):
            html = html.replace("</head>", HOSTILE_CSS + "</head>")
        if query.get("slot") == ["0"]:
            html = html.replace(SLOT, "")
        return html

    def start(self) -> "HostSite":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
