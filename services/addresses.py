"""Is this an article address we can take? One check, one length limit, one message each.

Every way an address comes in (the reader pages, the JSON APIs, the editors' form and API,
the widget) asks `check_address` first. What it refuses is a malformed request (400); the
scraper's fetcher then judges a well-formed address (allowlist, private addresses, odd IP
spellings: 422) with the same length limit (scraper.policy.MAX_URL_CHARS).
"""
from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

from errors import BadRequestError
from scraper.errors import BadUrlError
from scraper.policy import MAX_URL_CHARS

__all__ = ["MAX_URL_CHARS", "UrlMissingError", "UrlTooLongError", "MalformedUrlError",
           "check_address", "split_address"]


class MalformedUrlError(BadUrlError):
    """Not an http(s) address at all: the scraper's bad_url, but a 400 (nothing was tried)."""
    status = 400


class UrlMissingError(BadRequestError):
    code = "url_missing"
    message_vi = "Thiếu địa chỉ bài viết (tham số url). Xin dán địa chỉ một bài viết."
    message_en = "The article address (the url parameter) is missing."


class UrlTooLongError(BadRequestError):
    code = "url_too_long"
    message_vi = (f"Địa chỉ bài viết quá dài (tối đa {MAX_URL_CHARS:,} ký tự). "
                  "Xin kiểm tra lại: có thể đã dán nhầm cả một đoạn văn bản.").replace(",", ".")
    message_en = (f"The article address is too long (at most {MAX_URL_CHARS:,} characters). "
                  "Please check it: a whole piece of text may have been pasted.")


def split_address(raw: object) -> tuple[str, SplitResult]:
    """The address stripped, and its parts: http(s) with a host, at most MAX_URL_CHARS."""
    if not isinstance(raw, str) or not raw.strip():
        raise UrlMissingError("no url")
    url = raw.strip()
    if len(url) > MAX_URL_CHARS:
        raise UrlTooLongError(f"{len(url)} characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:  # "http://[::1": an unclosed IPv6 bracket
        raise MalformedUrlError(f"unparsable url {url[:200]!r}: {exc}") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise MalformedUrlError(f"not an http(s) url: {url[:200]!r}")
    return url, parts


def check_address(raw: object) -> str:
    """The address, stripped, if it is one we can take (else a Vietnamese-first error)."""
    return split_address(raw)[0]
