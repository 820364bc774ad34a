"""One keep-alive connection pool to Google for all of the gTTS engine's workers.

gTTS 2.5.4 opens a new `requests.Session` for every call (inside `gTTS.stream()`), so each
chunk pays a new TCP and TLS handshake (through a proxy, a CONNECT too): three round trips
instead of one. Here every call goes out on one shared session whose pool holds one
connection per worker (`GTTS_POOL_SIZE`), opened ahead of need (`warm`) and re-opened in
the background when Google drops them while idle (`keep warm`).

gTTS still builds the requests and reads the replies: `stream_on(session)` runs gTTS's own
`stream()` code, with `requests.Session()` inside it answering our shared session instead of
a new one (nothing in gTTS or requests is patched), so a gTTS upgrade applies as it comes.
"""
from __future__ import annotations

import logging
import os
import ssl
import threading
import time
import types
import weakref
from typing import Callable

import requests
from gtts import gTTS
from gtts import tts as gtts_tts
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.ssl_ import create_urllib3_context
from urllib3.util.wait import wait_for_read

log = logging.getLogger("docnd.gtts")


class _WarmHTTPSConnection(HTTPSConnection):
    """A connection opened ahead of need still counts as open when the server has spoken
    first. TLS 1.3 servers send session tickets just after the handshake; on a connection
    no request has used yet they wait unread, and urllib3 (which reads a readable idle
    socket as closed by the other side) would throw the warm connection away."""

    @property
    def is_connected(self) -> bool:
        if self.sock is None:
            return False
        if not wait_for_read(self.sock, timeout=0.0):
            return True
        timeout = self.sock.gettimeout()
        try:
            self.sock.settimeout(0.0)
            data = self.sock.recv(1)  # TLS reads the tickets; no application data waits
        except ssl.SSLWantReadError:
            return True  # only TLS records were waiting: still open
        except Exception:  # reset, TLS alert, a socket that cannot do this: dropped
            return False
        finally:
            try:
                self.sock.settimeout(timeout)
            except OSError:
                pass
        return False  # end of stream, or bytes nobody asked for: not usable


class _WarmHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _WarmHTTPSConnection


_POOL_CLASSES = {"http": HTTPConnectionPool, "https": _WarmHTTPSConnectionPool}


class _GoogleAdapter(HTTPAdapter):
    """requests' adapter, with pools whose idle TLS connections survive session tickets
    (direct and through an HTTP proxy's CONNECT; SOCKS proxies keep their own pools), and
    one TLS context for all its connections. Without it urllib3 makes a context for every
    connection gTTS's `verify=False` opens and loads the system's CA certificates into it:
    34 ms of CPU each, and twelve connections opening at once took over a second."""

    def __init__(self, *args, **kwargs) -> None:
        # urllib3 sets verify_mode per connection (what the send asks for) and matches the
        # host name itself when verifying, so the shared context leaves check_hostname off.
        self.tls_context = create_urllib3_context(cert_reqs=ssl.CERT_NONE)
        self.tls_context.load_default_certs()  # once: what a verifying send would need
        super().__init__(*args, **kwargs)

    def init_poolmanager(self, *args, **kwargs) -> None:
        kwargs.setdefault("ssl_context", self.tls_context)
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOL_CLASSES

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        socks = proxy.lower().startswith("socks")
        if not socks:
            proxy_kwargs.setdefault("ssl_context", self.tls_context)
            # urllib3 turns Nagle's algorithm back on for connections through a proxy; in a
            # CONNECT tunnel it held the request's body (a second TLS record) until the
            # proxy's delayed ACK: +40 ms on a call. No delay, as on direct connections.
            proxy_kwargs.setdefault("socket_options", HTTPConnection.default_socket_options)
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not socks:
            manager.pool_classes_by_scheme = _POOL_CLASSES
        return manager


class GoogleSession:
    """The shared session: `pool_size` keep-alive connections to Google (through
    HTTPS_PROXY when the environment sets one), every send with a timeout."""

    def __init__(self, tld: str, pool_size: int, timeout_s: float,
                 keep_warm_s: float = 600.0, check_every_s: float = 15.0,
                 allowed: Callable[[], bool] = lambda: True) -> None:
        self.tld = tld
        self.pool_size = int(pool_size)
        self.timeout_s = float(timeout_s)
        self.connect_timeout_s = min(3.0, self.timeout_s)
        self.keep_warm_s = keep_warm_s  # after the last call, connections stop being re-opened
        self.check_every_s = check_every_s
        self.allowed = allowed  # e.g. the breaker: no warming while Google is left alone
        self._lock = threading.Lock()
        self._opening = threading.Lock()  # held while connections are being opened
        self._session: requests.Session | None = None
        self._warming: threading.Thread | None = None
        self._keeper: threading.Thread | None = None
        self._closed = threading.Event()
        self._last_used: float | None = None  # no call yet: nothing to keep warm
        self._busy = 0  # calls in flight: the keeper re-opens connections only when idle
        self.url = gTTS("a", tld=tld, lang="vi", lang_check=False)._prepare_requests()[0].url
        reset_in_forked_children(self)

    def _after_fork(self) -> None:
        """In a forked child (RQ's work horse): none of the parent's threads, and its
        sockets are the parent's. Start afresh; the parent's session is left untouched."""
        self._lock = threading.Lock()
        self._opening = threading.Lock()
        self._session = None
        self._warming = self._keeper = None
        self._busy = 0

    # -- sending --------------------------------------------------------------------------
    def session(self) -> requests.Session:
        """This process's session (a forked child starts its own: `_after_fork`)."""
        with self._lock:
            if self._session is None:
                session = requests.Session()
                # Google is one host: a pool of `pool_size` connections per proxy route.
                adapter = _GoogleAdapter(pool_connections=4, pool_maxsize=self.pool_size)
                session.mount("https://", adapter)
                session.mount("http://", adapter)
                self._session = session
            return self._session

    def send(self, request: requests.PreparedRequest, **kwargs) -> requests.Response:
        """Send one of gTTS's prepared requests on the shared session. `Session.send` alone
        would not look at the environment: proxies (HTTPS_PROXY, NO_PROXY) are merged here.
        What gTTS asks for (its `verify=False`) is kept; a timeout is always set."""
        session = self.session()
        settings = session.merge_environment_settings(request.url, {}, None, None, None)
        kwargs["proxies"] = settings["proxies"]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = (self.connect_timeout_s, self.timeout_s)
        # Connections being opened (at start-up): wait for them rather than open more.
        if self._opening.acquire(timeout=self.connect_timeout_s):
            self._opening.release()
        with self._lock:
            self._busy += 1
        try:
            return session.send(request, **kwargs)
        finally:
            with self._lock:
                self._busy -= 1
                self._last_used = time.monotonic()

    # -- warm connections -----------------------------------------------------------------
    def warm(self, wait: bool = False) -> None:
        """Open the pool's connections ahead of need, in the background (`wait`: until
        done), and keep them open while the engine is in use. Failures are only logged:
        a real call finds out, and feeds the breaker, if Google cannot be reached."""
        if not self.allowed():
            return
        with self._lock:
            thread = self._warming
            # Taken here, before the thread starts, so that a call made right after this
            # waits for these connections instead of opening its own.
            if (thread is None or not thread.is_alive()) and self._opening.acquire(False):
                thread = threading.Thread(target=self._open_then_release, daemon=True,
                                          name="gtts-warm")
                self._warming = thread
                thread.start()
            if self._keeper is None or not self._keeper.is_alive():
                self._keeper = threading.Thread(target=self._keep_warm, daemon=True,
                                                name="gtts-keep-warm")
                self._keeper.start()
        if wait and thread is not None:
            thread.join(self.connect_timeout_s * 2 + 1)

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.close()

    def _keep_warm(self) -> None:
        """Re-open connections Google dropped, while idle (never racing a call for one),
        until `keep_warm_s` after the last call."""
        while not self._closed.wait(self.check_every_s):
            with self._lock:
                idle = self._busy == 0
                recent = (self._last_used is not None
                          and time.monotonic() - self._last_used < self.keep_warm_s)
            if idle and recent and self.allowed():
                self._open_connections()

    def _open_connections(self) -> int:
        """Bring every free slot of the pool to an open connection; how many were opened."""
        with self._opening:
            return self._open_free_slots()

    def _open_then_release(self) -> None:
        try:
            self._open_free_slots()
        finally:
            self._opening.release()

    def _open_free_slots(self) -> int:
        try:
            pool = self._connection_pool()
        except Exception as exc:  # a bad proxy setting: the calls themselves will say so
            log.info("gTTS warm-up skipped: %r", exc)
            return 0
        taken = []
        while len(taken) < self.pool_size:
            try:
                taken.append(pool.pool.get(block=False))  # free slots only, never waiting
            except Exception:  # queue.Empty, or the pool was closed
                break
        cold = []
        for conn in taken:
            if conn is not None and conn.is_connected:
                pool._put_conn(conn)  # still open: give it back at once
            else:
                cold.append(conn)
        opened: list[bool] = []
        threads = [threading.Thread(target=lambda c=conn: opened.append(self._open_one(pool, c)),
                                    daemon=True) for conn in cold]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()  # each is bounded by the connect timeout
        return sum(opened)

    def _open_one(self, pool, conn) -> bool:
        """TCP, the proxy's CONNECT, TLS: what the first request on `conn` would pay."""
        try:
            if conn is None:
                conn = pool._new_conn()
            elif not conn.is_closed:
                conn.close()  # dropped by the other side
            conn.timeout = self.connect_timeout_s
            if pool.proxy is not None:
                pool._prepare_proxy(conn)  # CONNECT through the proxy, then TLS
            else:
                conn.connect()
        except Exception as exc:  # no network, proxy refused: leave the slot empty
            log.debug("gTTS warm-up: could not open a connection: %r", exc)
            if conn is not None:
                conn.close()
            pool._put_conn(conn)
            return False
        pool._put_conn(conn)
        return True

    def _connection_pool(self):
        """The urllib3 pool a send to Google uses (same proxy route, same TLS settings)."""
        session = self.session()
        probe = requests.Request("POST", self.url).prepare()
        proxies = session.merge_environment_settings(self.url, {}, None, None, None)["proxies"]
        adapter = session.get_adapter(self.url)
        return adapter.get_connection_with_tls_context(probe, verify=False, proxies=proxies)


def reset_in_forked_children(owner) -> None:
    """Call `owner._after_fork()` in every child forked from now on (RQ's work horse gets
    none of the parent's threads, and must not use the parent's sockets)."""
    ref = weakref.ref(owner)

    def after_in_child() -> None:
        alive = ref()
        if alive is not None:
            alive._after_fork()
    os.register_at_fork(after_in_child=after_in_child)


class _Lease:
    """What `requests.Session()` gives gTTS's own code: the shared session, not closed
    when gTTS's `with` block ends."""

    def __init__(self, shared: GoogleSession) -> None:
        self._shared = shared

    def __enter__(self) -> "_Lease":
        return self

    def __exit__(self, *exc) -> bool:
        return False

    def send(self, request, **kwargs) -> requests.Response:
        return self._shared.send(request, **kwargs)


class _RequestsOn:
    """The `requests` module as gTTS's code sees it: all of it, but `Session()` is ours."""

    def __init__(self, shared: GoogleSession) -> None:
        self.Session = lambda: _Lease(shared)

    def __getattr__(self, name: str):
        return getattr(requests, name)


def stream_on(shared: GoogleSession) -> Callable[[gTTS], object]:
    """gTTS's own `stream()` (build, send, check, decode), sending on `shared`."""
    code = gTTS.stream.__code__
    if "Session" not in code.co_names:  # pragma: no cover - a gTTS that sends differently
        log.warning("gTTS no longer opens its own Session: connections are not pooled")
        return gTTS.stream
    namespace = dict(vars(gtts_tts), requests=_RequestsOn(shared))
    return types.FunctionType(code, namespace, "stream", gTTS.stream.__defaults__,
                              gTTS.stream.__closure__)
