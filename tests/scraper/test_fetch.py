"""The fetcher against a local origin that misbehaves in every way the issue lists."""
from __future__ import annotations

import socket

import pytest
import requests

from scraper.errors import (HostNotAllowedError, NotHtmlError, PageNotFoundError, PrivateAddressError,
                            RobotsDisallowedError, SourceTimeoutError, SourceUnreachableError,
                            TooLargeError)
from scraper.fetch import Fetcher, HostClock, make_session
from tests.scraper.conftest import make_policy, slow

PAGE = "<!doctype html><html><body><p>Xin chào</p></body></html>".encode()


def test_plain_page_with_user_agent_and_validators(origin, fetcher):
    origin.html("/a.html", PAGE, ETag='"v1"', **{"Last-Modified": "Tue, 28 Jun 2022 08:30:00 GMT"})
    result = fetcher.fetch(origin.url("/a.html"))
    assert result.status == 200 and result.body == PAGE
    assert result.etag == '"v1"' and result.last_modified.startswith("Tue")
    assert result.charset == "utf-8" and result.content_type == "text/html"
    agent = origin.headers_seen[-1]["User-Agent"]
    assert agent.startswith("DocNoiDung/0.1") and "read-aloud" in agent


def test_redirects_are_followed_and_each_hop_checked(origin, fetcher):
    origin.html("/end.html", PAGE)
    origin.routes["/r1"] = lambda r: (301, {"Location": "/r2"}, b"")
    origin.routes["/r2"] = lambda r: (302, {"Location": origin.url("/end.html")}, b"")
    result = fetcher.fetch(origin.url("/r1"))
    assert result.url == origin.url("/end.html") and result.body == PAGE


def test_more_than_five_redirects_is_unreachable(origin, fetcher):
    for i in range(7):
        origin.routes[f"/loop{i}"] = (lambda n: lambda r: (302, {"Location": f"/loop{n + 1}"}, b""))(i)
    with pytest.raises(SourceUnreachableError):
        fetcher.fetch(origin.url("/loop0"))
    assert origin.hits["/loop5"] == 1 and origin.hits["/loop6"] == 0


@pytest.mark.parametrize("location,error", [
    ("http://169.254.169.254/latest/meta-data/", HostNotAllowedError),
    ("http://evil.example/", HostNotAllowedError),
    ("http://[::1]/", HostNotAllowedError),
    ("http://2130706433/", Exception),
    ("file:///etc/passwd", Exception),
])
def test_redirect_off_the_allowlist_is_refused(origin, fetcher, location, error):
    origin.routes["/go"] = lambda r: (302, {"Location": location}, b"")
    with pytest.raises(error) as info:
        fetcher.fetch(origin.url("/go"))
    assert info.value.status == 422


def test_redirect_to_an_allowed_host_that_is_private_is_refused(origin):
    policy = make_policy(allowed_hosts=frozenset({"127.0.0.1", "localhost"}))
    fetcher = Fetcher(make_session(policy), policy)
    origin.routes["/go"] = lambda r: (302, {"Location": f"http://localhost:{origin.port}/x"}, b"")
    with pytest.raises(PrivateAddressError):
        fetcher.fetch(origin.url("/go"))


def test_private_address_refused_when_not_configured(origin):
    policy = make_policy(private_hosts=frozenset())
    fetcher = Fetcher(make_session(policy), policy)
    origin.html("/a.html", PAGE)
    with pytest.raises(PrivateAddressError) as info:
        fetcher.fetch(origin.url("/a.html"))
    assert info.value.status == 422
    assert origin.hits["/a.html"] == 0


def test_the_socket_peer_is_checked_too(origin):
    """Even a caller that skips the URL check cannot reach a private address (DNS rebinding)."""
    policy = make_policy(private_hosts=frozenset())
    session = make_session(policy)
    origin.html("/a.html", PAGE)
    with pytest.raises(requests.ConnectionError):
        session.get(origin.url("/a.html"), timeout=2)
    assert origin.hits["/a.html"] == 0


def test_slow_reply_is_a_timeout(origin, fetcher):
    origin.routes["/slow"] = slow(2.0)
    with pytest.raises(SourceTimeoutError) as info:
        fetcher.fetch(origin.url("/slow"))
    assert info.value.status == 504


def test_a_body_trickling_past_the_deadline_is_a_timeout(origin):
    policy = make_policy(deadline_s=1.0, read_timeout_s=0.6)

    def trickle(req):
        import time
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.end_headers()
        for _ in range(30):
            req.wfile.write(b"<p>" + b"x" * 70_000 + b"</p>")
            req.wfile.flush()
            time.sleep(0.3)
        return None, {}, b""
    origin.routes["/trickle"] = trickle
    fetcher = Fetcher(make_session(policy), make_policy(deadline_s=1.0, read_timeout_s=0.6, max_bytes=10**8))
    with pytest.raises(SourceTimeoutError):
        fetcher.fetch(origin.url("/trickle"))


def test_unreachable_port_is_502(fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SourceUnreachableError) as info:
        fetcher.fetch(f"http://127.0.0.1:{port}/")
    assert info.value.status == 502


def test_huge_body_is_413_declared_or_not(origin, fetcher):
    big = b"<p>" + b"a" * 300_000 + b"</p>"
    origin.html("/declared", big)

    def undeclared(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.send_header("Connection", "close")
        req.end_headers()
        req.wfile.write(big)
        return None, {}, b""
    origin.routes["/chunked"] = undeclared
    for path in ("/declared", "/chunked"):
        with pytest.raises(TooLargeError) as info:
            fetcher.fetch(origin.url(path))
        assert info.value.status == 413


@pytest.mark.parametrize("ctype", ["application/pdf", "image/jpeg", "application/json", ""])
def test_not_html_is_415(origin, fetcher, ctype):
    origin.html("/file", b"%PDF-1.4", ctype=ctype)
    with pytest.raises(NotHtmlError) as info:
        fetcher.fetch(origin.url("/file"))
    assert info.value.status == 415


def test_xhtml_is_html(origin, fetcher):
    origin.html("/x", PAGE, ctype="application/xhtml+xml; charset=utf-8")
    assert fetcher.fetch(origin.url("/x")).body == PAGE


def test_503_with_retry_after_is_retried(origin, fetcher):
    answers = iter([(503, {"Retry-After": "1", "Content-Type": "text/html"}, b"busy"),
                    (200, {"Content-Type": "text/html"}, PAGE)])
    origin.routes["/busy"] = lambda r: next(answers)
    assert fetcher.fetch(origin.url("/busy")).body == PAGE
    assert origin.hits["/busy"] == 2


def test_retries_are_bounded_and_long_retry_after_not_waited(origin, fetcher):
    origin.routes["/down"] = lambda r: (502, {"Content-Type": "text/html"}, b"bad gateway")
    with pytest.raises(SourceUnreachableError):
        fetcher.fetch(origin.url("/down"))
    assert origin.hits["/down"] == 3  # the first try and at most 2 retries
    origin.routes["/later"] = lambda r: (503, {"Retry-After": "3600"}, b"")
    with pytest.raises(SourceUnreachableError) as info:
        fetcher.fetch(origin.url("/later"))
    assert origin.hits["/later"] == 1
    assert info.value.retry_after_s


def test_conditional_get_gives_not_modified(origin, fetcher):
    def page(req):
        if req.headers.get("If-None-Match") == '"v7"':
            return 304, {"ETag": '"v7"'}, b""
        return 200, {"Content-Type": "text/html", "ETag": '"v7"'}, PAGE
    origin.routes["/c"] = page
    first = fetcher.fetch(origin.url("/c"))
    again = fetcher.fetch(origin.url("/c"), etag=first.etag)
    assert not first.not_modified and again.not_modified and again.body == b""


def test_if_modified_since_is_sent(origin, fetcher):
    origin.html("/m", PAGE)
    fetcher.fetch(origin.url("/m"), last_modified="Tue, 28 Jun 2022 08:30:00 GMT")
    assert origin.headers_seen[-1]["If-Modified-Since"] == "Tue, 28 Jun 2022 08:30:00 GMT"


def test_404_is_page_not_found(origin, fetcher):
    with pytest.raises(PageNotFoundError) as info:
        fetcher.fetch(origin.url("/missing.html"))
    assert info.value.status == 404


def test_robots_txt_is_honoured_and_cached(origin, fetcher):
    origin.routes["/robots.txt"] = lambda r: (200, {"Content-Type": "text/plain"},
                                               b"User-agent: *\nDisallow: /private/\n")
    origin.html("/private/a.html", PAGE)
    origin.html("/public.html", PAGE)
    with pytest.raises(RobotsDisallowedError) as info:
        fetcher.fetch(origin.url("/private/a.html"))
    assert info.value.status == 422
    assert fetcher.fetch(origin.url("/public.html")).body == PAGE
    assert origin.hits["/private/a.html"] == 0
    assert origin.hits["/robots.txt"] == 1


def test_polite_clock_spaces_requests_to_one_host():
    now = [100.0]
    clock = HostClock(0.5, clock=lambda: now[0])
    assert clock.reserve("a") == 0.0
    assert clock.reserve("a") == pytest.approx(0.5)
    assert clock.reserve("b") == 0.0
    now[0] += 2.0
    assert clock.reserve("a") == 0.0
