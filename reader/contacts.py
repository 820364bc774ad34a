"""E-mail addresses, web addresses and phone numbers, read before any number rule sees them.

An address is read as written with "a còng" and "chấm" (never letter by letter); a URL is
reduced to its domain; a phone number is read digit by digit.
"""
from __future__ import annotations

import re

from reader.numbers import read_digits, spaced

_ALNUM_RUNS = re.compile(r"\d+|[^\W\d_]+|_+")
_DOT_LETTER = re.compile(r"(?i)\.[a-z]")
_SEVEN_DIGITS = re.compile(r"\d(?:[ .()-]?\d){6}")
_EMAIL = re.compile(r"(?<![\w.%+-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})")
_URL = re.compile(r"(?i)(?<![^\W\d_])(?:https?://|www\.)[^\s<>\"“”]{1,2000}")
_BARE_DOMAIN = re.compile(
    r"(?i)(?<![\w./-])((?:[a-z0-9-]{1,63}\.){1,6}(?:vn|com|net|org|gov|edu|info|int))"
    r"(?:/[^\s<>\"“”]{0,2000})?(?![\w-])")
_PHONE_CUE = re.compile(
    r"(?i)(hotline|đường dây nóng|điện thoại|đt|sđt|đtdđ|tel|fax|di động|số máy|liên hệ|gọi)"
    r"(\s*(?:số)?\s*[:.]?\s*)(\+?\(?\d[\d .()-]{4,24}\d)")
_PHONE = re.compile(
    r"(?<![\w.,/+-])(\+84|0084|\(0\d{1,3}\)|0\d{2,4})([ .-]?\d{3,4}){2,3}(?![\w]|[.,]\d)")


def read_urls(text: str) -> str:
    """E-mail read as written with "a còng" and "chấm"; a URL is reduced to its domain."""
    if "@" in text:
        text = _EMAIL.sub(_read_email, text)
    if _DOT_LETTER.search(text):
        text = _URL.sub(_read_url, text)
        text = _BARE_DOMAIN.sub(lambda m: spaced(_read_domain(m.group(1))), text)
    return text


def read_phones(text: str) -> str:
    """Phone numbers digit by digit."""
    if not _SEVEN_DIGITS.search(text):
        return text
    text = _PHONE_CUE.sub(lambda m: m.group(1) + m.group(2) + spaced(_read_phone(m.group(3))),
                          text)
    return _PHONE.sub(lambda m: spaced(_read_phone(m.group(0))), text)


def _read_email(m: re.Match) -> str:
    local, domain = m.group(1), m.group(2)
    return spaced(f"{_read_dotted(local)} a còng {_read_dotted(domain)}")


def _read_dotted(text: str) -> str:
    parts = [p for p in re.split(r"[._%+-]+", text) if p]
    return " chấm ".join(" ".join(r if not r.isdigit() else read_digits(r)
                                  for r in _ALNUM_RUNS.findall(p)) for p in parts)


def _read_domain(host: str) -> str:
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return _read_dotted(host)


def _read_url(m: re.Match) -> str:
    url = m.group(0)
    trail = len(url) - len(url.rstrip(".,;:!?)]}'\""))
    core, tail = url[:len(url) - trail], url[len(url) - trail:]
    host = re.sub(r"(?i)^(?:https?://)?", "", core)
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1]
    return spaced(_read_domain(host)) + tail if host else tail


def _read_phone(phone: str) -> str:
    words = []
    if phone.startswith("+"):
        words.append("cộng")
    groups = re.findall(r"\d+", phone)
    return " ".join(words + [read_digits(g) for g in groups])
