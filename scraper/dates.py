"""Dates as Vietnamese sites write them, to ISO 8601 (Vietnam time when no zone is given)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

VIETNAM_TZ = timezone(timedelta(hours=7))

# Tried in order; each names day/month/year and, optionally, hour/minute/second.
DEFAULT_PATTERNS = (
    # ISO: 2026-03-07T08:01:53+07:00, 2012-12-23T14:02+07:00, 2012-12-25
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?",
    # 28/06/2022 08:30, 07/03/2026 - 08:07, 7/3/2026, 00:05 (GMT+7), 19/12/2012 17:41
    r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
    r"(?:\s*(?:[-|,]|lúc)?\s*(?P<hour>\d{1,2})[:hg](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?",
    # 08:30 28/06/2022, 17:14 (GMT+7) 26/12/2012
    r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?:\(?GMT\+?7\)?)?\s*"
    r"(?:ngày\s*)?[-|,]?\s*(?:[A-Za-zÀ-ỹ ]+,\s*)?(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})",
    # ngày 28 tháng 6 năm 2022
    r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})",
)
_AFTERNOON = {"pm", "chiều", "tối", "đêm"}
_COMPILED: dict[str, re.Pattern] = {}


def _compile(pattern: str) -> re.Pattern:
    if pattern not in _COMPILED:
        _COMPILED[pattern] = re.compile(pattern, re.I)
    return _COMPILED[pattern]


def parse_date(text: str, patterns: tuple[str, ...] | list[str] = ()) -> str | None:
    """The first date found in text, as ISO 8601 ("2022-06-28T08:30:00+07:00" or "2022-06-28")."""
    if not text:
        return None
    date_only = None
    for pattern in list(patterns) + list(DEFAULT_PATTERNS):
        for match in _compile(pattern).finditer(text):
            iso = _to_iso(match)
            if iso and "T" in iso:
                if date_only is None or iso.startswith(date_only):
                    return iso  # the same day with its time beats the bare day
            elif iso and date_only is None:
                date_only = iso
            if iso:
                break
    return date_only


def _to_iso(match: re.Match) -> str | None:
    parts = match.groupdict()
    try:
        year = int(parts["year"]) if parts.get("year") else 2000 + int(parts["year2"])
        month, day = int(parts["month"]), int(parts["day"])
        if not 1990 <= year <= 2100:
            return None
        if parts.get("hour") is None:
            return datetime(year, month, day).date().isoformat()
        tz = _zone(parts.get("tz"))
        hour = int(parts["hour"])
        if (parts.get("ampm") or "").lower() in _AFTERNOON and hour < 12:
            hour += 12
        elif (parts.get("ampm") or "").lower() == "am" and hour == 12:
            hour = 0
        when = datetime(year, month, day, hour, int(parts["minute"]),
                        int(parts.get("second") or 0), tzinfo=tz)
    except (ValueError, TypeError):
        return None
    return when.isoformat()


def _zone(text: str | None) -> timezone:
    if not text:
        return VIETNAM_TZ
    if text.upper() == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
