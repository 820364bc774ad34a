"""Dates and times as said aloud: "ngày 28/6/2022" -> "ngày hai mươi tám tháng sáu năm …".

"ngày" is said once: it is added before a date only where the text does not already say it.
A bare D/M is a date only where the words before it say so (ngày, từ, trước, hôm …);
otherwise it is a fraction, read by the number pass ("24/7", "8/17 xã").
"""
from __future__ import annotations

import re

from reader.numbers import read_int, read_month, roman_to_int, spaced as _spaced

_NOT_NUM_AFTER = r"(?![\d/]|[.,]\d)"
# One or two digits not preceded by a number (dates, times), digit first for speed.
_D12 = r"(\d(?<![\d.,/]\d)\d?)"
_DATE_HINT = re.compile(r"[\dIV]\s*[/.-]\s*\d")
_MONTH_WORD = re.compile(r"(?i)\btháng\s*$")
_DIGIT = re.compile(r"\d")
_DAY_RANGE = re.compile(
    rf"{_D12}\s*-\s*(\d{{1,2}})([/.])(\d{{1,2}})(?:\3(\d{{4}}))?{_NOT_NUM_AFTER}")
_FULL_DATE = re.compile(rf"{_D12}([/.-])(\d{{1,2}})\2(\d{{4}}){_NOT_NUM_AFTER}")
# A dateline: a full date and a time side by side, parted by a dash ("07/03/2026 - 08:07",
# "08:07 - 07/03/2026"). Nothing ranges from a date to a time: the dash is a pause.
_DATELINE = re.compile(
    r"(?<![\d/])(?:(\d{1,2}/\d{1,2}/\d{4})\s+-\s+(?=\d{1,2}(?::\d{2}|h\d{0,2})(?![\d/:]))"
    r"|(\d{1,2}:\d{2})\s+-\s+(?=\d{1,2}/\d{1,2}/\d{4}(?!\d)))")
_MONTH_RANGE = re.compile(
    r"(?i)\btháng\s+(\d{1,2})\s*-\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
_MONTH_YEAR_WORD = re.compile(r"(?i)\btháng\s+(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
_T_MONTH = re.compile(r"\bT(\d{1,2})/(\d{4})(?:\s*-\s*T(\d{1,2})/(\d{4}))?(?![\d/])")
_QUARTER = re.compile(r"(?i)\b(quý)\s+(\d|IV|I{1,3})\s*[/-]\s*(\d{4})(?![\d/])")
_MONTH_YEAR = re.compile(rf"{_D12}/(\d{{4}}){_NOT_NUM_AFTER}")
_DAY_MONTH = re.compile(rf"{_D12}([/.-])(\d{{1,2}}){_NOT_NUM_AFTER}")
_NGAY_BEFORE = re.compile(r"(?i)(?:ngày|mùng|mồng|hôm)\s*$")
_CUE_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:sáng|chiều|tối|trưa|đêm|từ|đến|tới|hôm|trước|sau|hết|vào|nay|đầu|cuối|"
    r"dịp|phiên)\s*$")
# A day written D-M after a part of the day or an occasion: "Sáng 7-3", "dịp 8-3" (not after
# "từ", where "3-5" is a range), unless a count follows ("dịp 2-3 ngày").
_DASH_CUE = re.compile(r"(?i)(?:^|[\s(])(?:sáng|chiều|tối|trưa|đêm|hôm|dịp|lễ|phiên)\s*$")
_COUNTED_AFTER = re.compile(r"(?i)\s*(?:%|ngày|tuần|tháng|năm(?!\s+(?:nay|ngoái|trước|tới|sau|qua)\b)"
                            r"|giờ|lần|người|triệu|nghìn|tỷ)\b")
# Squares, streets and bridges named after a day: "Quảng trường 17/10", "đường 3/2".
# "cầu" in lower case too, but not "nhu cầu", "yêu cầu", "toàn cầu" … (demand, not a bridge).
_NAMED_AFTER_DAY = re.compile(
    r"(?:^|[\s(])(?:(?i:quảng trường|công viên|đại lộ|sân vận động|đường|(?<!thành )phố)|Cầu"
    r"|(?<!nhu )(?<!yêu )(?<!toàn )(?<!địa )(?<!bán )(?<!cung )(?<!mưu )(?<!khẩn )cầu)\s*$")
# "ngày Chiến thắng 30/4", "ngày Quốc tế lao động 1/5/2013": a named day already says "ngày".
_NAMED_DAY = r"(?:^|[\s(])[Nn]gày\s+[A-ZĐ][^\s\d,.;:()/]*(?:\s+[^\s\d,.;:()/]+){1,3}\s+$"
_NGAY_NEAR = re.compile(r"(?i)(?:^|[\s(])ngày(?:\s+[^\s\d,.;:()/]+){1,3}\s+$|" + _NAMED_DAY)
_NAMED_DAY_BEFORE = re.compile(_NAMED_DAY)
# A day set off by commas after a night or holiday: "Đêm Giáng sinh, 24/12, …".
_APPOSED_DAY = re.compile(r"(?i)(?:^|[\s(])(?:đêm|ngày|dịp|lễ|tết)(?:\s+[^\s\d,.;:()/]+){0,3}\s*,\s*$")
_APPOSED_END = re.compile(r"\s*(?:[,.;)]|$)")
# "ngày 26 và 27.9", "ngày 3, 4 và 5/10": days listed after "ngày", the month on the last.
_NGAY_LIST = re.compile(r"(?i)(?:^|[\s(])(?:ngày|mùng|mồng)\s+\d{1,2}(?:\s*(?:,|và|-)\s*\d{1,2}){0,5}"
                        r"\s*(?:,|và)\s*$")
# A slash that is a ratio, not a date: "tỷ lệ 1/5 đến 1/500", "độ dốc 1/3".
_RATIO_BEFORE = re.compile(r"(?i)(?:tỷ lệ|tỉ lệ|độ dốc|hệ số|phân số)(?:\s+[^\s\d,.;:()]+){0,2}"
                           r"\s+(?:(?:từ|là|khoảng)\s+)?$")
# The other end of a range that cannot be a date ("1/5 đến 1/500") makes both fractions.
_RANGE_AFTER = re.compile(r"\s*(?:-|đến|tới)\s*\d{1,3}/(\d{1,4})(?!\d)")
_RANGE_BEFORE = re.compile(r"(\d{1,4})/(\d{1,4})\s*(?:-|đến|tới)\s*$")
# Dates typed with spaces around the slashes: "02 / 10 / 2015".
_SPACED_DATE = re.compile(r"(\d(?<![\d.,/]\d)\d?) ?/ ?(\d{1,2}) ?/ ?(\d{4})(?!\d)")
# "tháng 4" is April: "tháng tư", never "tháng bốn" (the number pass would say "bốn").
_APRIL = re.compile(r"(?i)\b(tháng)\s+0?4(?![\d/.,:-]|\s*[/.-]\s*\d)")
_TIME_H = re.compile(r"(\d(?<![\w.,:]\d)\d?)h(\d{2})?(?:'|p\b|phút\b)?(?![\w])")
_TIME_COLON = re.compile(r"(\d(?<![\w.,:]\d)\d?):(\d{2})(?::(\d{2}))?(?![\d:]|[.,]\d)")


def _valid_date(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def read_date(day: str | None, month: str, year: str | None, *, ngay: bool) -> str:
    """"28", "6", "2022" -> "ngày hai mươi tám tháng sáu năm hai nghìn không trăm hai mươi hai"."""
    words = []
    if day is not None:
        if ngay:
            words.append("ngày")
        words.append(read_int(day))
    words += ["tháng", read_month(int(month))]
    if year:
        words += ["năm", read_int(year)]
    return " ".join(words)


def read_dates(text: str) -> str:
    """Dates in every written form, "ngày" said once."""
    if "háng" in text:
        text = _APRIL.sub(r"\1 tư", text)
    if not _DATE_HINT.search(text):
        return text
    if " /" in text or "/ " in text:
        text = _SPACED_DATE.sub(_unspace_date, text)
    if "T" in text:
        text = _T_MONTH.sub(_read_t_month, text)
    lowered = text.lower()
    if "quý" in lowered:
        text = _QUARTER.sub(_read_quarter, text)
    if "tháng" in lowered:
        text = _MONTH_RANGE.sub(_read_month_range, text)
        text = _MONTH_YEAR_WORD.sub(lambda m: _read_month_year(m, m.group(1), m.group(2)),
                                    text)
    if "-" in text:
        text = _DATELINE.sub(lambda m: (m.group(1) or m.group(2)) + ", ", text)
        text = _DAY_RANGE.sub(_read_day_range, text)
    text = _FULL_DATE.sub(_read_full_date, text)
    text = _MONTH_YEAR.sub(_read_bare_month_year, text)
    return _DAY_MONTH.sub(_read_day_month, text)

def _unspace_date(m: re.Match) -> str:
    day, month, year = m.groups()
    if not _valid_date(int(day), int(month)):
        return m.group(0)
    return f"{day}/{month}/{year}"


def read_times(text: str) -> str:
    """7h30, 10:25, 09:25:27."""
    if not _DIGIT.search(text):
        return text
    text = _TIME_H.sub(_read_time_h, text)
    if ":" in text:
        text = _TIME_COLON.sub(_read_time_colon, text)
    return text


def _date_context(m: re.Match, weak_ok: bool = True) -> tuple[bool, bool]:
    """(is a date, should we say "ngày") from the words before a D/M form."""
    before = m.string[max(0, m.start() - 48):m.start()]
    if _is_ratio(m, before):
        return False, False
    if _NGAY_BEFORE.search(before):
        return True, False
    if _NGAY_LIST.search(before):
        return True, False
    if _NGAY_NEAR.search(before):
        return True, False  # "ngày Chiến thắng 30/4": "ngày" is already said
    if weak_ok and _NAMED_AFTER_DAY.search(before):
        return True, False  # a name: "quảng trường mười bảy tháng mười", no "ngày"
    if weak_ok and _CUE_BEFORE.search(before):
        return True, True
    if weak_ok and before.endswith("(") and m.string[m.end():m.end() + 1] == ")":
        return True, True
    if weak_ok and _APPOSED_DAY.search(before) and _APPOSED_END.match(m.string, m.end()):
        return True, True
    if not weak_ok and _DASH_CUE.search(before) and not _COUNTED_AFTER.match(m.string, m.end()):
        return True, False  # "sáng 7-3", "dịp 8-3", "lễ 20-10": a day, not "bảy đến ba"
    return False, False


def _is_ratio(m: re.Match, before: str) -> bool:
    """"tỷ lệ 1/5", or one end of a range whose other end is no date ("1/5 đến 1/500")."""
    if m.group(2) != "/":
        return False
    if _RATIO_BEFORE.search(before):
        return True
    after = _RANGE_AFTER.match(m.string, m.end())
    if after and not 1 <= int(after.group(1)) <= 12:
        return True
    earlier = _RANGE_BEFORE.search(before)
    return bool(earlier and (not _valid_date(int(earlier.group(1)), int(earlier.group(2)))
                             or _RATIO_BEFORE.search(before[:earlier.start()])))


def _say_ngay(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 48):m.start()]
    return not (_NGAY_BEFORE.search(before) or _NAMED_DAY_BEFORE.search(before))


def _read_full_date(m: re.Match) -> str:
    day, month, year = m.group(1), m.group(3), m.group(4)
    if not _valid_date(int(day), int(month)):
        return m.group(0)
    return _spaced(read_date(day, month, year, ngay=_say_ngay(m)))


def _read_day_range(m: re.Match) -> str:
    first, last, month, year = m.group(1), m.group(2), m.group(4), m.group(5)
    if not (_valid_date(int(first), int(month)) and int(first) < int(last) <= 31):
        return m.group(0)
    start = ("ngày " if _say_ngay(m) else "") + read_int(first)
    return _spaced(f"{start} đến {read_date(last, month, year, ngay=False)}")


def _read_month_year(m: re.Match, month: str, year: str) -> str:
    if not 1 <= int(month) <= 12:
        return m.group(0)
    return _spaced(read_date(None, month, year, ngay=False))


def _read_bare_month_year(m: re.Match) -> str:
    month, year = m.group(1), m.group(2)
    if not (1 <= int(month) <= 12 and 1900 <= int(year) <= 2100):
        return m.group(0)
    if _MONTH_WORD.search(m.string[max(0, m.start() - 8):m.start()]):
        return _spaced(f"{read_month(int(month))} năm {read_int(year)}")
    return _spaced(read_date(None, month, year, ngay=False))


def _read_month_range(m: re.Match) -> str:
    first, last, year = m.group(1), m.group(2), m.group(3)
    if not (1 <= int(first) <= 12 and 1 <= int(last) <= 12):
        return m.group(0)
    return _spaced(f"tháng {read_month(int(first))} đến {read_date(None, last, year, ngay=False)}")


def _read_t_month(m: re.Match) -> str:
    if not 1 <= int(m.group(1)) <= 12:
        return m.group(0)
    words = read_date(None, m.group(1), m.group(2), ngay=False)
    if m.group(3):
        if not 1 <= int(m.group(3)) <= 12:
            return m.group(0)
        words += " đến " + read_date(None, m.group(3), m.group(4), ngay=False)
    return _spaced(words)


def _read_quarter(m: re.Match) -> str:
    number = m.group(2)
    value = int(number) if number.isdigit() else roman_to_int(number)
    if not value:
        return m.group(0)
    return _spaced(f"{m.group(1)} {read_int(str(value))} năm {read_int(m.group(3))}")


def _read_day_month(m: re.Match) -> str:
    day, sep, month = m.group(1), m.group(2), m.group(3)
    if not _valid_date(int(day), int(month)):
        return m.group(0)
    is_date, ngay = _date_context(m, weak_ok=sep != "-")
    if not is_date:
        return m.group(0)
    return _spaced(read_date(day, month, None, ngay=ngay))


def _read_time_h(m: re.Match) -> str:
    hour, minute = m.group(1), m.group(2)
    if int(hour) > 24 or (minute and int(minute) > 59):
        return m.group(0)
    words = f"{read_int(hour)} giờ"
    if minute and int(minute):
        words += f" {read_int(minute)} phút"
    return _spaced(words)


def _read_time_colon(m: re.Match) -> str:
    hour, minute, second = m.group(1), m.group(2), m.group(3)
    if int(hour) > 24 or int(minute) > 59 or (second and int(second) > 59):
        return m.group(0)
    words = f"{read_int(hour)} giờ"
    if int(minute) or second:
        words += f" {read_int(minute)} phút"
    if second:
        words += f" {read_int(second)} giây"
    return _spaced(words)
