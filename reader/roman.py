"""Roman numerals where they count: after a word that counts (khóa VIII, Chương II, lần thứ
IV) and heading a line (I. MỤC TIÊU). Elsewhere a capital I, V or X is a letter or a word."""
from __future__ import annotations

import re

from reader.numbers import read_int, roman_to_int

_ROMAN_ANY = re.compile(r"[IVXLC](?<![\w][IVXLC])[IVXLC]{0,7}(?![\w])")
_ROMAN_CUE = re.compile(
    r"(?i:\b(khóa|khoá|giai đoạn|chương|quý|phần|mục|đợt|lần|kỳ|thế kỷ|hạng|cấp độ|cấp|loại|"
    r"đại hội|tập|phụ lục|vùng|nhóm|bậc|mức|số|khu vực|khu|tuần|tháng|báo động|nhiệm kỳ|"
    r"vòng|quân khu))\s+([IVXLC]{1,8})(?![\w])")
# Two or more of I, V, X after any word ("Thăng Long II", "Hội nghị XV") are a number; a
# single letter is a number only after a counting word (above). Between words in capitals
# ("HÀNH VI VI PHẠM") they are words.
_ROMAN_AFTER_WORD = re.compile(r"(?<=[^\W\d_] )([IVX]{2,7})(?![\w&/-]|\.\w)")
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")
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
    text = _ROMAN_AFTER_WORD.sub(_read_roman_after_word, text)
    return _ROMAN_HEADING.sub(_read_roman_heading, text)


def _read_roman_after_word(m: re.Match) -> str:
    value = roman_to_int(m.group(1))
    if value is None or _in_capitals(m):
        return m.group(0)
    return read_int(str(value))


def _in_capitals(m: re.Match) -> bool:
    """Is the numeral between words written in capitals (a heading: "HÀNH VI VI PHẠM")?"""
    before = m.string[max(0, m.start() - 24):m.start()].split()
    after = m.string[m.end():m.end() + 24].split()
    for words in (before[-1:], after[:1]):
        for word in words:
            letters = _CAPS_WORD.search(word)
            if letters and letters.group().isupper():
                return True
    return False


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
