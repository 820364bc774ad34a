"""The fetcher: the only code that talks to other sites.

Every request goes through the same rules: allowlisted hosts, no private addresses (checked
on the URL and again on the connected socket), redirects followed by hand and re-checked,
connect/read timeouts plus an overall deadline, a streamed size limit, HTML only, bounded
retries on 502/503/504 honouring Retry-After, conditional GET, robots.txt and a polite
per-host rate.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ReadTimeoutError

from retry_after import parse_retry_after
from scraper.errors import (HostNotAllowedError, NotHtmlError, PageNotFoundError,
                            PrivateAddressError, RobotsDisallowedError, ScraperError, SourceTimeoutError,
                            SourceUnreachableError, TooLargeError)
from scraper.policy import (ROBOTS_AGENT, FetchPolicy, Resolver, Target, check_target,
                            is_public_address, normalize_host, resolve_host)

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (502, 503, 504)
CHUNK_BYTES = 64 * 1024


@dataclass
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class BlockedAddress(OSError):
    """Raised inside a connection when the socket reached a non-public address."""


def _guarded(base: type, policy: FetchPolicy) -> type:
    class GuardedConnection(base):
        def _new_conn(self):
            sock = super()._new_conn()
            peer = sock.getpeername()[0]
            if (not policy.private_allowed(normalize_host(self.host), self.port)
                    and not is_public_address(peer)):
                sock.close()
                raise BlockedAddress(f"{self.host} connected to non-public {peer}")
            return sock
    return GuardedConnection


class GuardedAdapter(HTTPAdapter):
    """An adapter whose connections refuse non-public peers (defeats DNS rebinding)."""

    def __init__(self, policy: FetchPolicy, **kwargs) -> None:
        self._policy = policy
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        http_pool = type("GuardedHTTPPool", (HTTPConnectionPool,),
                         {"ConnectionCls": _guarded(HTTPConnection, self._policy)})
        https_pool = type("GuardedHTTPSPool", (HTTPSConnectionPool,),
                          {"ConnectionCls": _guarded(HTTPSConnection, self._policy)})
        self.poolmanager.pool_classes_by_scheme = {"http": http_pool, "https": https_pool}


def make_session(policy: FetchPolicy) -> requests.Session:
    """The one HTTP session of the app (built in create_app)."""
    session = requests.Session()
    session.trust_env = False  # no proxies or .netrc from the environment: peers are checked
    session.headers["User-Agent"] = policy.user_agent
    session.headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
    session.headers["Accept-Language"] = "vi,en;q=0.5"
    adapter = GuardedAdapter(policy, pool_connections=4, pool_maxsize=8, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class HostClock:
    """A polite gap between two requests to one host (per process)."""

    def __init__(self, min_interval_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.min_interval_s = min_interval_s
        self._clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def reserve(self, host: str) -> float:
        """Book the next slot for host; return how long to wait before using it."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, 0.0))
            self._next[host] = slot + self.min_interval_s
            return slot - now


class Fetcher:
    """Fetch HTML pages under a FetchPolicy through one shared session."""

    def __init__(self, session: requests.Session, policy: FetchPolicy, *,
                 resolver: Resolver = resolve_host, sleep: Callable[[float], None] = time.sleep) -> None:
        self.session = session
        self.policy = policy
        self._resolver = resolver
        self._sleep = sleep
        self._clock = HostClock(policy.min_interval_s)
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}
        self._robots_lock = threading.Lock()

    # -- public -------------------------------------------------------------------------
    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET an HTML page. With validators, a 304 answer gives FetchResult.not_modified."""
        deadline = time.monotonic() + self.policy.deadline_s
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, deadline, html_only=True,
                            max_bytes=self.policy.max_bytes, robots=self.policy.respect_robots)

    def fetch_file(self, url: str, *, max_bytes: int) -> FetchResult:
        """GET an attached file (PDF, DOCX …) under the same rules as a page (allowlist,
        SSRF checks on every hop, redirects, deadline, robots.txt) but any Content-Type and
        its own size limit; the caller judges the bytes, never the header."""
        deadline = time.monotonic() + self.policy.deadline_s
        return self._follow(url, {}, deadline, html_only=False, max_bytes=max_bytes,
                            robots=self.policy.respect_robots, file=True)

    def check_url(self, url: str) -> str:
        """Vet a URL without fetching it; return its normalised form."""
        return check_target(url, self.policy, self._resolver).url

    # -- the request loop ---------------------------------------------------------------
    def _follow(self, url: str, headers: dict, deadline: float, *, html_only: bool,
                max_bytes: int, robots: bool, file: bool = False) -> FetchResult:
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            target = check_target(current, self.policy, self._resolver)
            if robots:
                self._check_robots(target, deadline)
            response = self._send(target, headers, deadline)
            try:
                if response.status_code in REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise SourceUnreachableError(f"redirect without Location from {target.url}")
                    current = urljoin(target.url, location)
                    continue
                return self._read(target, response, deadline, html_only=html_only,
                                  max_bytes=max_bytes, file=file)
            finally:
                response.close()
        raise SourceUnreachableError(f"more than {self.policy.max_redirects} redirects from {url}")

    def _send(self, target: Target, headers: dict, deadline: float) -> requests.Response:
        """One request with bounded retries on 502/503/504 (Retry-After honoured, capped)."""
        for attempt in range(self.policy.max_retries + 1):
            self._wait(self._clock.reserve(target.host), deadline)
            remaining = _remaining(deadline)
            timeout = (min(self.policy.connect_timeout_s, remaining),
                       min(self.policy.read_timeout_s, remaining))
            try:
                response = self.session.get(target.url, headers=headers, timeout=timeout,
                                            stream=True, allow_redirects=False)
            except requests.RequestException as exc:
                raise _classify(exc, target) from exc
            if response.status_code not in RETRY_STATUSES or attempt == self.policy.max_retries:
                return response
            wait_s = _retry_after_s(response.headers.get("Retry-After"), attempt)
            response.close()
            if wait_s > self.policy.retry_max_wait_s or wait_s >= _remaining(deadline):
                raise SourceUnreachableError(
                    f"{target.url} answered {response.status_code}; retry in {wait_s:.0f}s is too long",
                    retry_after_s=int(wait_s) + 1)
            self._sleep(wait_s)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, wait_s: float, deadline: float) -> None:
        if wait_s <= 0:
            return
        if wait_s >= _remaining(deadline):
            raise SourceTimeoutError("polite wait would pass the deadline")
        self._sleep(wait_s)

    def _read(self, target: Target, response: requests.Response, deadline: float, *,
              html_only: bool, max_bytes: int, file: bool = False) -> FetchResult:
        status = response.status_code
        result = FetchResult(url=target.url, status=status,
                             etag=response.headers.get("ETag"),
                             last_modified=response.headers.get("Last-Modified"),
                             fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        if status == 304:
            return result
        if not html_only and not file and 400 <= status < 500:
            return result  # robots.txt: a 4xx is an answer ("no rules"), not a failure
        if status in (404, 410):
            raise PageNotFoundError(f"{target.url} answered {status}")
        if status >= 400:
            raise SourceUnreachableError(f"{target.url} answered {status}")
        if status != 200:
            raise SourceUnreachableError(f"{target.url} answered unexpected {status}")
        ctype, charset = _content_type(response.headers.get("Content-Type", ""))
        result.content_type, result.charset = ctype, charset
        if html_only and ctype not in HTML_TYPES:
            raise NotHtmlError(f"{target.url} is {ctype or 'untyped'}")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise TooLargeError(f"{target.url} declares {declared} bytes")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise TooLargeError(f"{target.url} is larger than {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise SourceTimeoutError(f"{target.url} body still coming at the deadline")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise _classify(exc, target) from exc
        result.body = b"".join(chunks)
        return result

    # -- robots.txt ---------------------------------------------------------------------
    def _check_robots(self, target: Target, deadline: float) -> None:
        key = f"{target.scheme}://{target.host}:{target.port}"
        now = time.monotonic()
        with self._robots_lock:
            cached = self._robots.get(key)
        if cached is None or cached[0] < now:
            parser = self._load_robots(target, deadline)
            with self._robots_lock:
                self._robots[key] = (now + self.policy.robots_ttl_s, parser)
        else:
            parser = cached[1]
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, target.url):
            raise RobotsDisallowedError(f"robots.txt of {target.host} disallows {target.url}")

    def _load_robots(self, target: Target, deadline: float) -> RobotFileParser | None:
        """The parsed robots.txt, or None (no rules) when the site has none.

        RFC 9309: a 4xx answer means no rules; a server error or no answer means "do not
        crawl now", which we report as the source being unreachable.
        """
        netloc = target.url.split("/", 3)[2]
        robots_url = f"{target.scheme}://{netloc}/robots.txt"
        try:
            result = self._follow(robots_url, {}, deadline, html_only=False,
                                  max_bytes=self.policy.robots_max_bytes, robots=False)
        except (HostNotAllowedError, TooLargeError):
            return None  # redirected off the allowlist, or absurdly large: no usable rules
        if result.status >= 400:
            return None
        parser = RobotFileParser(robots_url)
        parser.parse(result.body.decode("utf-8", "replace").splitlines())
        return parser


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise SourceTimeoutError("fetch deadline passed")
    return remaining


def _content_type(header: str) -> tuple[str, str | None]:
    main, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return main.strip().lower(), charset


def _retry_after_s(header: str | None, attempt: int) -> float:
    """Retry-After in seconds; exponential backoff when absent or unreadable."""
    wait_s = parse_retry_after(header)
    return 0.5 * (2 ** attempt) if wait_s is None else wait_s


def _classify(exc: BaseException, target: Target) -> ScraperError:
    """Map a requests/urllib3 failure to a domain error by looking down its cause chain."""
    chain: list[BaseException] = []
    node: BaseException | None = exc
    while node is not None and node not in chain and len(chain) < 12:
        chain.append(node)
        reason = getattr(node, "reason", None)
        if isinstance(reason, BaseException):
            node = reason
        elif node.args and isinstance(node.args[0], BaseException):
            node = node.args[0]
        else:
            node = node.__cause__ or node.__context__
    for node in chain:
        if isinstance(node, BlockedAddress):
            return PrivateAddressError(str(node))
    # urllib3's NewConnectionError subclasses ConnectTimeoutError: a refusal is not slowness.
    if any(isinstance(node, NewConnectionError) for node in chain):
        return SourceUnreachableError(f"{target.url}: {exc}")
    if any(isinstance(node, (ReadTimeoutError, ConnectTimeoutError, requests.Timeout, TimeoutError))
           for node in chain):
        return SourceTimeoutError(f"{target.url}: {exc}")
    return SourceUnreachableError(f"{target.url}: {exc}")
