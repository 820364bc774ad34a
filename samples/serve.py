"""`python -m samples.serve --port 8001`: serve the bundled sample of the department site.

A plain static server with what a real CMS sends: Content-Type with charset, ETag and
Last-Modified with 304 answers, and a robots.txt. Used by `make run` when the real
department site cannot be reached, and by the tests.
"""
from __future__ import annotations

import argparse
import hashlib
import mimetypes
import sys
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE_DIR = Path(__file__).resolve().parent / "site"


class SampleHandler(BaseHTTPRequestHandler):
    server_version = "SampleCMS/1.0"
    site_dir: Path = SITE_DIR

    def log_message(self, fmt, *args):  # quiet: make run prints its own log
        pass

    def _resolve(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        root = self.site_dir.resolve()
        try:
            candidate = (root / path.lstrip("/")).resolve()
            if not candidate.is_relative_to(root):  # "/../app.py" and friends
                return None
            if candidate.is_dir():
                candidate = candidate / "index.html"
            return candidate if candidate.is_file() else None
        except (OSError, ValueError):  # e.g. an embedded NUL byte: not a page we have
            return None

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head: bool = False):
        target = self._resolve()
        if target is None:
            body = "<!doctype html><title>404</title><p>Không tìm thấy trang.</p>".encode()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)
            return
        data = target.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        mtime = target.stat().st_mtime
        last_modified = formatdate(mtime, usegmt=True)
        if self._etag_matches(etag) or self._not_modified_since(mtime):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _etag_matches(self, etag: str) -> bool:
        header = self.headers.get("If-None-Match")
        if not header:
            return False
        tags = {t.strip().removeprefix("W/") for t in header.split(",")}
        return "*" in tags or etag in tags

    def _not_modified_since(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False


def make_server(port: int, host: str = "127.0.0.1", site_dir: Path = SITE_DIR) -> ThreadingHTTPServer:
    handler = type("Handler", (SampleHandler,), {"site_dir": Path(site_dir)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    server = make_server(args.port, args.host)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
