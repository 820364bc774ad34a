"""What the fetcher may read: the allowlist, private-address refusal and strict URL parsing.

A URL is checked before every request (and every redirect hop), and the address a socket
actually connects to is checked again (see fetch.GuardedAdapter), so a host name that
resolves to a public address first and a private one later is still refused.
"""
from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

import idna

from scraper.errors import BadUrlError, HostNotAllowedError, PrivateAddressError

USER_AGENT_TEMPLATE = "DocNoiDung/0.1 (+{site}) read-aloud service"
ROBOTS_AGENT = "DocNoiDung"
MAX_URL_CHARS = 2048
# Characters no well-formed URL carries; browsers and servers disagree on them (\ is / to some).
_FORBIDDEN = re.compile(r"[\\\s\x00-\x1f\x7f<>\"`{}|^]")
_DOTTED_QUAD = re.compile(r"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$")
# Hosts made only of digits, dots and hex: the integer, octal and hex IPv4 spellings
# (2130706433, 0177.0.0.1, 0x7f.1) that some resolvers accept and allowlists miss.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+))*\.?$", re.I)

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class Target:
    """A checked URL: scheme, A-label host, port and the normalised URL string."""
    url: str
    scheme: str
    host: str
    port: int


@dataclass(frozen=True)
class FetchPolicy:
    allowed_hosts: frozenset[str]
    private_hosts: frozenset[str] = frozenset()
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0
    deadline_s: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    min_interval_s: float = 0.5
    max_redirects: int = 5
    max_retries: int = 2
    retry_max_wait_s: float = 5.0
    robots_ttl_s: float = 3600.0
    robots_max_bytes: int = 512 * 1024
    user_agent: str = USER_AGENT_TEMPLATE.format(site="")
    respect_robots: bool = True
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "FetchPolicy":
        """From the app's settings (config.DEFAULTS holds each one's one default)."""
        site = config.get("SITE_URL") or ""
        hosts = list(config.get("ALLOWED_HOSTS") or [])
        if site:
            hosts.append(urlsplit(site).hostname or "")
        return cls(
            allowed_hosts=frozenset(h for h in (normalize_host(x) for x in hosts if x) if h),
            private_hosts=frozenset(h for h in (normalize_host_port(x) for x in
                                                config.get("ALLOW_PRIVATE_HOSTS") or []) if h),
            connect_timeout_s=float(config["FETCH_CONNECT_TIMEOUT_S"]),
            read_timeout_s=float(config["FETCH_READ_TIMEOUT_S"]),
            deadline_s=float(config["FETCH_DEADLINE_S"]),
            max_bytes=int(config["FETCH_MAX_BYTES"]),
            min_interval_s=float(config["FETCH_MIN_INTERVAL_S"]),
            robots_ttl_s=float(config["ROBOTS_TTL_S"]),
            user_agent=USER_AGENT_TEMPLATE.format(site=site.rstrip("/")),
        )

    def host_allowed(self, host: str) -> bool:
        return host in self.allowed_hosts

    def private_allowed(self, host: str, port: int | None = None) -> bool:
        """An entry "host" allows every port of a private host; "host:port" only that port
        (so allowing the local sample site never opens Redis on the same address)."""
        return host in self.private_hosts or (
            port is not None and f"{host}:{port}" in self.private_hosts)


def normalize_host_port(entry: str) -> str:
    """A private-host allowlist entry: "host", "host:port" or "[v6]:port", normalised."""
    entry = (entry or "").strip()
    host, port = entry, ""
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif entry.count(":") == 1:
        host, port = entry.split(":")
    host = normalize_host(host)
    if not host or (port and not port.isdigit()):
        return ""
    return f"{host}:{int(port)}" if port else host


def normalize_host(host: str) -> str:
    """Lower-case A-label form (IDNA 2008, UTS 46), without a trailing dot; "" if unusable.

    Comparing A-labels means a look-alike (a Cyrillic "о" in "langsоn") never equals the
    real name.
    """
    host = (host or "").strip().rstrip(".").lower()
    if not host:
        return ""
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return ""


def parse_target(url: str) -> Target:
    """Parse strictly: http(s) only, no user info, no odd IPv4 spellings, a real host name."""
    if not isinstance(url, str) or not url.strip():
        raise BadUrlError("empty url")
    url = url.strip()
    if len(url) > MAX_URL_CHARS or _FORBIDDEN.search(url):
        raise BadUrlError(f"malformed url {url[:80]!r}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadUrlError(f"malformed url: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadUrlError(f"scheme {scheme!r} not allowed")
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise BadUrlError("user info in url")
    raw_host = parts.hostname or ""
    if not raw_host:
        raise BadUrlError("no host")
    host = normalize_host(raw_host)
    if not host:
        raise BadUrlError(f"bad host {raw_host!r}")
    if _is_ip(host):
        pass  # a proper literal (dotted quad or bracketed IPv6)
    elif _NUMERIC_HOST.match(raw_host) or not _DOTTED_QUAD.match(host) and _looks_numeric(host):
        raise BadUrlError(f"numeric host spelling {raw_host!r}")
    if _is_ip(host) and ":" not in host and not _DOTTED_QUAD.match(raw_host.rstrip(".")):
        raise BadUrlError(f"non-canonical ip {raw_host!r}")
    port = port or (443 if scheme == "https" else 80)
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    normalized = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    return Target(url=normalized, scheme=scheme, host=host, port=port)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _looks_numeric(host: str) -> bool:
    last = host.rsplit(".", 1)[-1]
    return last.isdigit() or last.startswith("0x")


def is_public_address(address: str) -> bool:
    """Global unicast only: no loopback, private, link-local, reserved, multicast, etc."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback
                                 or ip.is_link_local or ip.is_private or ip.is_unspecified)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (the system resolver has its own timeout)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        from scraper.errors import SourceUnreachableError
        raise SourceUnreachableError(f"cannot resolve {host}: {exc}") from exc
    return sorted({info[4][0] for info in infos})


def check_target(url: str, policy: FetchPolicy, resolver: Resolver = resolve_host) -> Target:
    """Parse and vet one URL: allowlisted host, and no private address unless configured."""
    target = parse_target(url)
    if not policy.host_allowed(target.host):
        raise HostNotAllowedError(f"host {target.host} not in allowlist")
    if not policy.private_allowed(target.host, target.port):
        check_addresses(target.host, resolver(target.host, target.port))
    return target


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    addresses = list(addresses)
    if not addresses:
        from scraper.errors import SourceUnreachableError
        raise SourceUnreachableError(f"{host} has no address")
    bad = [a for a in addresses if not is_public_address(a)]
    if bad:
        raise PrivateAddressError(f"{host} resolves to non-public {bad[0]}")
