"""Roman numerals where they count: after a word that counts (khóa VIII, Chương II, lần thứ
IV) and heading a line (I. MỤC TIÊU). Elsewhere a capital I, V or X is a letter or a word."""
from __future__ import annotations

import re

from reader.numbers import read_int, roman_to_int

_ROMAN_ANY = re.compile(r"[IVXLC](?<![\w][IVXLC])[IVXLC]{0,7}(?![\w])")
_ROMAN_CUE = re.compile(
    r"(?i:\b(khóa|khoá|giai đoạn|chương|quý|phần|mục|đợt|lần|kỳ|thế kỷ|hạng|cấp|loại|"
    r"đại hội|tập|phụ lục|vùng|nhóm|bậc|mức|số|khu|tuần|tháng))\s+([IVXLC]{1,8})(?![\w])")
_ORDINAL = re.compile(r"(?i:\b(thứ))\s+(\d{1,3}|[IVXLC]{1,8})(?![\w/]|[.,]\d)")
_ORDINALS = {1: "nhất", 4: "tư"}
_ROMAN_HEADING = re.compile(r"(?m)^(\s*)([IVX]{1,6})([.)-])(?=\s)")


def read_roman(text: str) -> str:
    """Roman numerals after a word that counts (khóa VIII, Chương II) or heading a line."""
    if "thứ" in text.lower():
        text = _ORDINAL.sub(_read_ordinal, text)
    if not _ROMAN_ANY.search(text):
        return text
    text = _ROMAN_CUE.sub(_read_roman_cue, text)
    return _ROMAN_HEADING.sub(_read_roman_heading, text)


def _read_roman_cue(m: re.Match) -> str:
    value = roman_to_int(m.group(2))
    if value is None:
        return m.group(0)
    return f"{m.group(1)} {read_int(str(value))}"


def _read_ordinal(m: re.Match) -> str:
    number = m.group(2)
    value = int(number) if number.isdigit() else roman_to_int(number)
    if value is None:
        return m.group(0)
    return f"{m.group(1)} {_ORDINALS.get(value) or read_int(str(value))}"


def _read_roman_heading(m: re.Match) -> str:
    value = roman_to_int(m.group(2))
    if value is None:
        return m.group(0)
    return f"{m.group(1)}{read_int(str(value))}{m.group(3)}"
