"""Connections to Google: one pooled keep-alive session for every gTTS worker, opened ahead
of need, through HTTPS_PROXY. Counted at a real TLS stand-in for Google reached through the
proxy (bench/gfake.py, in this process, no added latency), the way gTTS reaches Google."""
from __future__ import annotations

import argparse
import threading

import pytest
from gtts import gTTS

from bench import gfake
from tests.voices.conftest import make_gtts
from tests.voices.fake_google import FakeGoogle

TEXTS = [f"Câu thứ {i} của bài viết." for i in range(9)]
_AUDIO: list[bytes] = []  # what the stand-in answers every request with


def gfake_audio() -> bytes:
    return _AUDIO[0]


def serve_gfake(folder: str, rtt_ms: float):
    server = gfake.Server(("127.0.0.1", 0), gfake.Handler)
    server.ctx = gfake.make_cert(folder)
    server.args = argparse.Namespace(rtt_ms=rtt_ms, handshake_rtts=2, hang=0.0, fail429=0.0,
                                     fail500=0.0, empty=0.0, quiet=True)
    server.canned = gfake.canned_mp3()
    _AUDIO[:] = [server.canned]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def google_proxy(tmp_path_factory):
    server = serve_gfake(str(tmp_path_factory.mktemp("gfake")), rtt_ms=0)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def through_proxy(google_proxy, monkeypatch):
    """Google reached only through the stand-in proxy; its counters start at zero."""
    return _through(google_proxy, monkeypatch)


def _through(proxy_url: str, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", proxy_url)
    monkeypatch.delenv("https_proxy", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with gfake.LOCK:
        for key in gfake.STATS:
            gfake.STATS[key] = 0
    return gfake.STATS


def test_calls_one_after_another_use_one_connection(through_proxy, sleeps):
    """gTTS alone opens a new connection for every call (a new Session each time)."""
    gtts = make_gtts(sleeps, pool_size=3)
    try:
        for text in TEXTS[:4]:
            assert gtts.synthesize(text) == gfake_audio()
    finally:
        gtts.close()
    assert through_proxy["requests"] == 4
    assert through_proxy["connections"] == 1


def test_workers_share_at_most_one_connection_each(through_proxy, sleeps):
    gtts = make_gtts(sleeps, pool_size=3)
    try:
        for _ in range(2):  # two bursts: the second opens nothing new
            futures = [gtts.submit(text) for text in TEXTS]
            assert [f.result(timeout=20) for f in futures] == [gfake_audio()] * len(TEXTS)
    finally:
        gtts.close()
    assert through_proxy["requests"] == 2 * len(TEXTS)
    assert 1 <= through_proxy["connections"] <= 3


def test_warm_opens_the_pool_before_any_request_and_the_burst_uses_it(through_proxy, sleeps):
    gtts = make_gtts(sleeps, pool_size=3)
    try:
        gtts.warm(wait=True)
        assert (through_proxy["connections"], through_proxy["requests"]) == (3, 0)
        futures = [gtts.submit(text) for text in TEXTS]
        assert all(f.result(timeout=20) == gfake_audio() for f in futures)
    finally:
        gtts.close()
    assert through_proxy["requests"] == len(TEXTS)
    assert through_proxy["connections"] == 3  # the warm ones, none thrown away


def test_a_burst_during_warm_up_waits_for_its_connections(tmp_path, monkeypatch, sleeps):
    """A listener already asking as the process starts: the first chunks take the warm-up's
    connections as they open instead of opening a second set (handshakes made slow here so
    that the burst surely arrives while they are under way)."""
    server = serve_gfake(str(tmp_path), rtt_ms=100)
    stats = _through(f"http://127.0.0.1:{server.server_address[1]}", monkeypatch)
    gtts = make_gtts(sleeps, pool_size=3, timeout_s=8.0)  # calls wait up to 3 s for warm-up
    try:
        gtts.warm()
        futures = [gtts.submit(text) for text in TEXTS[:3]]
        assert all(f.result(timeout=20) == gfake_audio() for f in futures)
    finally:
        gtts.close()
        server.shutdown()
        server.server_close()
    assert (stats["connections"], stats["requests"]) == (3, 3)


def test_connections_through_the_proxy_send_without_delay(through_proxy, sleeps):
    """urllib3 leaves Nagle's algorithm on through proxies: in the CONNECT tunnel a request's
    body then waited for the proxy's delayed ACK (40 ms a call)."""
    import socket
    gtts = make_gtts(sleeps, pool_size=2)
    try:
        gtts.warm(wait=True)
        gtts.synthesize(TEXTS[0])
        conns = [c for c in list(gtts.google._connection_pool().pool.queue) if c is not None]
        assert len(conns) == 2
        assert all(c.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) for c in conns)
    finally:
        gtts.close()


def test_warm_reopens_connections_the_server_dropped(through_proxy, sleeps):
    gtts = make_gtts(sleeps, pool_size=2)
    try:
        gtts.warm(wait=True)
        pool = gtts.google._connection_pool()
        for conn in list(pool.pool.queue):
            conn.sock.shutdown(2)  # as Google does with connections idle too long
        assert gtts.google._open_connections() == 2
        assert all(conn.is_connected for conn in list(pool.pool.queue))
        gtts.synthesize(TEXTS[0])
    finally:
        gtts.close()
    assert through_proxy["connections"] == 4 and through_proxy["requests"] == 1


def test_failed_warm_up_is_not_a_failure_of_google(monkeypatch, sleeps):
    """No network at start-up: nothing opens, but the breaker is left to real calls."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # closed port
    gtts = make_gtts(sleeps, pool_size=2)
    try:
        gtts.warm(wait=True)
        assert gtts.google._open_connections() == 0
        assert gtts.breaker.state == "closed" and gtts.available()
    finally:
        gtts.close()


def test_proxies_come_from_the_environment(monkeypatch, sleeps):
    monkeypatch.delenv("https_proxy", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.so.example:3128")
    gtts = make_gtts(sleeps)
    with FakeGoogle() as google:
        gtts.synthesize(TEXTS[0])
        monkeypatch.setenv("NO_PROXY", ".google.com.vn")  # gTTS alone would still proxy
        gtts.synthesize(TEXTS[1])
    gtts.close()
    assert google.proxies[0].get("https") == "http://proxy.so.example:3128"
    assert "https" not in google.proxies[1]


def test_a_send_without_a_timeout_gets_one(sleeps):
    gtts = make_gtts(sleeps, timeout_s=4.0)
    request = gTTS(TEXTS[0], lang="vi", tld="com.vn", lang_check=False)._prepare_requests()[0]
    with FakeGoogle() as google:
        gtts.google.send(request)
    gtts.close()
    assert google.timeouts == [(3.0, 4.0)]


def test_app_start_opens_the_connections(through_proxy, base_app_config):
    from app import create_app
    from services.container import services_of
    app = create_app({**base_app_config, "TESTING": False, "TTS_ENGINE": "gtts",
                      "GTTS_POOL_SIZE": 2})
    gtts = services_of(app).engines["gtts"]
    try:
        gtts.warm(wait=True)  # already under way: waits for it, opens nothing more
    finally:
        gtts.close()
    assert (through_proxy["connections"], through_proxy["requests"]) == (2, 0)


def test_a_forked_child_starts_its_own_workers_and_connections(through_proxy, sleeps):
    """RQ's work horse is forked from a worker whose engine may be warm: it must not use
    the parent's dead threads or share its TLS connections."""
    import os
    gtts = make_gtts(sleeps, pool_size=2)
    gtts.warm(wait=True)
    parent_session = gtts.google.session()
    pid = os.fork()
    if pid == 0:  # the child: report by exit code only
        try:
            fresh = gtts._pool is None and gtts.google._session is None
            ok = fresh and gtts.submit(TEXTS[0]).result(timeout=20) == gfake_audio()
        except BaseException:
            ok = False
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    try:
        assert os.waitstatus_to_exitcode(status) == 0
        assert gtts.google.session() is parent_session
        assert gtts.submit(TEXTS[1]).result(timeout=20) == gfake_audio()
    finally:
        gtts.close()
    # the parent's two warm connections, and one of the child's own
    assert (through_proxy["connections"], through_proxy["requests"]) == (3, 2)
