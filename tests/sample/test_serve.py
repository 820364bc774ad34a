"""The static server answers like a real CMS: charset, validators, 304s, no escaping the root."""
from __future__ import annotations

import socket

from samples.serve import SITE_DIR


def test_listing_is_utf8_html(site_url, http):
    reply = http.get(site_url + "/", timeout=5)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Tin tức - Sự kiện" in reply.content.decode("utf-8")
    assert int(reply.headers["Content-Length"]) == len(reply.content)


def test_etag_gives_304(site_url, http):
    url = site_url + "/tin-tuc/trang-2.html"
    first = http.get(url, timeout=5)
    etag = first.headers["ETag"]
    again = http.get(url, headers={"If-None-Match": etag}, timeout=5)
    assert again.status_code == 304
    assert again.content == b""
    listed = http.get(url, headers={"If-None-Match": f'"nope", W/{etag}'}, timeout=5)
    assert listed.status_code == 304
    other = http.get(url, headers={"If-None-Match": '"something-else"'}, timeout=5)
    assert other.status_code == 200


def test_last_modified_gives_304(site_url, http):
    url = site_url + "/robots.txt"
    first = http.get(url, timeout=5)
    since = first.headers["Last-Modified"]
    again = http.get(url, headers={"If-Modified-Since": since}, timeout=5)
    assert again.status_code == 304
    older = http.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, timeout=5)
    assert older.status_code == 200


def test_robots_allows_articles(site_url, http):
    reply = http.get(site_url + "/robots.txt", timeout=5)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    from urllib.robotparser import RobotFileParser
    robots = RobotFileParser()
    robots.parse(reply.text.splitlines())
    assert robots.can_fetch("DocNoiDung", site_url + "/tin-tuc/trang-2.html")
    assert not robots.can_fetch("DocNoiDung", site_url + "/admin/")


def test_pdf_and_images_have_their_types(site_url, http):
    pdf = next((SITE_DIR / "files").glob("*.pdf")).name
    assert http.get(f"{site_url}/files/{pdf}", timeout=5).headers["Content-Type"] == "application/pdf"
    logo = http.get(site_url + "/images/logo.png", timeout=5)
    assert logo.headers["Content-Type"] == "image/png"


def test_missing_page_is_404_html(site_url, http):
    reply = http.get(site_url + "/tin-tuc/khong-co-bai-nay.html", timeout=5)
    assert reply.status_code == 404
    assert "Không tìm thấy" in reply.text


def raw_get(site_url: str, target: str) -> bytes:
    """A request line sent as-is (requests would normalise the dots away)."""
    host, port = site_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as conn:
        conn.sendall(f"GET {target} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_path_traversal_is_404(site_url):
    for target in ("/../app.py", "/../serve.py", "/%2e%2e/serve.py", "/tin-tuc/../../build_site.py",
                   "/..%2f..%2fapp.py", "/%00", "//etc/passwd"):
        answer = raw_get(site_url, target)
        assert answer.startswith(b"HTTP/1.0 404") or answer.startswith(b"HTTP/1.1 404"), target
        assert b"import" not in answer


def test_head_has_no_body(site_url, http):
    reply = http.head(site_url + "/", timeout=5)
    assert reply.status_code == 200
    assert reply.content == b""
    assert int(reply.headers["Content-Length"]) > 1000


def test_shared_fixture_serves_the_same_site(sample_site, http):
    reply = http.get(sample_site, timeout=5)
    assert reply.status_code == 200
    assert "sample-banner" in reply.text
