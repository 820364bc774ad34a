"""Who may embed the player, and for which articles.

Two allowlists, both from config: the origins of host pages (``EMBED_ORIGINS``) and the
article hosts the scraper may read (``SITE_URL``'s host plus ``ALLOWED_HOSTS``). Pure
functions over plain values, so the web layer and the tests call them without Flask.
"""
from __future__ import annotations

from typing import Iterable
from urllib.parse import urlsplit

from errors import ServiceError
from services.addresses import MalformedUrlError, UrlMissingError, split_address

class EmbedOriginError(ServiceError):
    status = 403
    code = "embed_origin_not_allowed"
    message_vi = ("Trang web này chưa được phép gắn nút Đọc nội dung. "
                  "Xin liên hệ quản trị dịch vụ đọc để được thêm vào danh sách.")
    message_en = ("This website may not embed the read-aloud player. "
                  "Ask the service's administrator to add it to the list.")


class EmbedUrlError(ServiceError):
    status = 422
    code = "embed_url_not_allowed"
    message_vi = "Bài viết này không thuộc trang được phép đọc, nên không thể phát âm thanh."
    message_en = "This article is not on a site the service may read, so it cannot be played."


class EmbedUrlMissingError(EmbedUrlError):
    code = "embed_url_missing"
    message_vi = "Không tìm thấy địa chỉ bài viết để đọc."
    message_en = "No article address was given."


def normalize_origin(origin: str | None) -> str | None:
    """``scheme://host[:port]`` in lower case with default ports dropped; None if not an origin."""
    if not origin or len(origin) > 300:
        return None
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    if parts.path not in {"", "/"} or parts.query or parts.fragment or parts.username:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    default_port = 443 if parts.scheme == "https" else 80
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default_port else "")


def allowed_origins(configured: Iterable[str]) -> frozenset[str]:
    """EMBED_ORIGINS normalised; entries that are not origins are ignored."""
    return frozenset(o for o in (normalize_origin(x) for x in configured or ()) if o)


def origin_allowed(origin: str | None, allowed: frozenset[str], own_origin: str | None = None) -> bool:
    """Is a request from this Origin allowed? Our own pages (the iframe player) always are."""
    normal = normalize_origin(origin)
    if normal is None:
        return False
    return normal in allowed or (own_origin is not None and normal == normalize_origin(own_origin))


def check_origin(origin: str | None, allowed: frozenset[str], own_origin: str | None = None) -> None:
    """Raise EmbedOriginError for a browser request from an origin not on the list.

    A request without an Origin header is not a cross-origin browser request (a same-origin
    GET, curl, the iframe page's own calls), so it passes.
    """
    if origin is None:
        return
    if not origin_allowed(origin, allowed, own_origin):
        raise EmbedOriginError(f"origin {origin[:200]!r} is not in EMBED_ORIGINS")


def article_hosts(site_url: str, extra_hosts: Iterable[str]) -> frozenset[str]:
    """The scraper's allowlist: SITE_URL's host and ALLOWED_HOSTS, lower case."""
    hosts = [urlsplit(site_url or "").hostname or ""] + list(extra_hosts or ())
    return frozenset(h.strip().lower().rstrip(".") for h in hosts if h and h.strip())


def check_article_url(url: str | None, hosts: frozenset[str]) -> str:
    """The article URL, stripped of its fragment, if it is http(s) on an allowed host."""
    try:
        url, parts = split_address(url)
    except UrlMissingError:
        raise EmbedUrlMissingError("no url") from None
    except MalformedUrlError as exc:  # the widget's own words: this page cannot be played
        raise EmbedUrlError(str(exc)) from None
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.username or parts.password:
        raise EmbedUrlError(f"not an http(s) article url: {url[:200]!r}")
    if host not in hosts:
        raise EmbedUrlError(f"host {host!r} is not on the allowlist")
    return parts._replace(fragment="").geturl()
