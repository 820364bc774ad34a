"""Numbers with what follows them: ranges, fractions, "per" slashes, percentages, prices and
units, then every number left. "." is the thousands separator and "," the decimal mark."""
from __future__ import annotations

import re

from reader.lexicon import Lexicon
from reader.numbers import read_decimal, read_digits, read_int, spaced
from reader.symbols import PER_LEFT, PER_RIGHT, PER_TIME

# A number as written in Vietnamese, starting with one digit so the regex engine can skip
# ahead to digits (five times faster than a leading look-behind); the look-behind after it
# says no number came before. "18.880" (thousands), "98,63" (decimal), "65.8" (English
# point), "1,2,3" (a list); thousands come first so "18.880" is one number.
NUMBER_AT_START = (r"\d(?<![\d.,]\d)(?:\d{0,2}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d*(?:\.\d+)+"
                   r"|\d*(?:,\d+)+|\d*)")

_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
# "12%-15%", "25°C-30°C": the first end may carry its percent or degree sign.
_RANGE_DASH = re.compile(r"(\d(?:%|°[CF]?)?)\s*-\s*(?=\$?\d)")
_NEGATIVE = re.compile(r"-(?<![\w.,%)]-)(?=\d)")
_DOLLAR = re.compile(rf"\$\s?({NUMBER_AT_START})")
_FRACTION = re.compile(rf"({NUMBER_AT_START})/(?=\d)")
_WORD_SLASH = re.compile(r"(?<=[\w$%])\s*/\s*(?=[^\W\d_])")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# "tr" and "ng" after a number are "triệu" and "nghìn": scales, not units said on their own.
_SCALE_WORDS = frozenset({"nghìn", "ngàn", "triệu", "tỷ", "trăm"})


def read_ranges(text: str) -> str:
    """A dash between two numbers is "đến"; before a lone number it is "âm"."""
    if "-" not in text or not _DIGIT.search(text):
        return text
    text = _RANGE_DASH.sub(r"\1 đến ", text)
    return _NEGATIVE.sub("âm ", text)


def read_slashes(text: str) -> str:
    """A slash between words: "trên" for "per" (tấn/ngày), else silent (tỉnh/thành)."""
    if "/" not in text:
        return text
    return _WORD_SLASH.sub(_read_word_slash, text)


class Quantities:
    """The number pass for one lexicon (its units after a number)."""

    def __init__(self, lexicon: Lexicon) -> None:
        numunits = sorted(set(lexicon.by_kind["numunit"]) | set(lexicon.by_kind["unit"]),
                          key=len, reverse=True)
        self.units = {**lexicon.by_kind["unit"], **lexicon.by_kind["numunit"]}
        unit_alt = "|".join(re.escape(u) for u in numunits) or r"(?!x)x"
        self._number = re.compile(
            rf"({NUMBER_AT_START})(?:(\s*%)|\s?({unit_alt})(?![^\W\d_]))?")
        # A unit written as a word away from its number: "4 triệu ha", "Đơn vị tính: ha",
        # "Diện tích (ha)". Only units of two letters or more (a lone "m" or "l" is a letter).
        words = sorted((u for u, spoken in lexicon.by_kind["numunit"].items()
                        if len(u) >= 2 and u.isalpha() and spoken not in _SCALE_WORDS),
                       key=len, reverse=True)
        self._unit_words = tuple(words)
        word_alt = "|".join(re.escape(u) for u in words) or r"(?!x)x"
        self._unit_word = re.compile(
            rf"(?i:(\d\s*(?:nghìn|ngàn|triệu|tỷ|trăm|vạn)|đơn vị tính\s*:|đvt\s*:)\s*|\()"
            rf"({word_alt})(?(1)(?![\w/])|\))")

    def read_unit_words(self, text: str) -> str:
        """Units said as words where no number comes right before them."""
        return self._unit_word.sub(self._read_unit_word, text)

    def _read_unit_word(self, m: re.Match) -> str:
        unit = self.units[m.group(2)]
        return f"{m.group(1)} {unit} " if m.group(1) else f"({unit})"

    def read_numbers(self, text: str) -> str:
        """Fractions, percentages, prices, units after numbers, then every number left."""
        if any(word in text for word in self._unit_words):
            text = self.read_unit_words(text)
        if not _DIGIT.search(text):
            return text
        if "/" in text:
            text = _FRACTION.sub(r"\1 trên ", text)
        if "$" in text:
            text = _DOLLAR.sub(r"\1 $", text)  # "$9.99" is said "chín chấm chín mươi chín đô la"
        text = self._number.sub(self._read_number, text)
        if _DIGIT.search(text):
            # Whatever shape a number had that no rule knows (".5", "1,,2"), no digit survives.
            text = _DIGIT_RUN.sub(lambda m: spaced(read_int(m.group())), text)
        return text

    def _read_number(self, m: re.Match) -> str:
        number, percent, unit = m.group(1), m.group(2), m.group(3)
        words = [read_number_text(number)]
        if percent:
            words.append("phần trăm")
        elif unit:
            words.append(self.units[unit])
        return spaced(" ".join(words))


def read_number_text(number: str) -> str:
    """One written number (Vietnamese marks): thousands, decimal, English point, or a list."""
    if "." in number and "," not in number and _THOUSANDS.fullmatch(number):
        return read_int(number.replace(".", ""))
    if "." in number and "," in number:  # 1.234,5
        whole, frac = number.split(",", 1)
        return read_decimal(whole.replace(".", ""), frac)
    if "." in number:  # 65.8, 4.0, 1.2.3: an English point, read "chấm"
        parts = number.split(".")
        return " chấm ".join([read_int(parts[0])] + [_read_point_part(p) for p in parts[1:]])
    if "," in number:
        parts = number.split(",")
        if len(parts) == 2:
            return read_decimal(parts[0], parts[1])
        return ", ".join(read_int(p) for p in parts)  # 1,2,3 is a list
    return read_int(number)


def _read_point_part(digits: str) -> str:
    return read_digits(digits) if digits.startswith("0") or len(digits) > 3 else read_int(digits)


def _read_word_slash(m: re.Match) -> str:
    before = m.string[max(0, m.start() - 40):m.start()]
    after = m.string[m.end():m.end() + 20]
    left = re.findall(r"[\w$%]+$", before)
    right = re.match(r"[^\W\d_]+", after)
    left_word = left[0].lower() if left else ""
    right_word = right.group(0).lower() if right else ""
    if left_word in PER_LEFT or left_word in {"$", "%"} or left_word.endswith(("$", "%")):
        return " trên "
    if right_word in PER_TIME:  # "GDP/năm", "lượt/ngày": per a span of time
        return " trên "
    if right_word in PER_RIGHT and re.search(r"\d[\d.,]*(?:\s+[^\W\d_]+){0,3}\s*$", before):
        return " trên "
    if left_word.isdigit():
        return " trên "
    return " "
