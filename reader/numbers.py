"""Numbers as a Vietnamese speaker says them: mốt, tư, lăm, linh, không trăm, nghìn, triệu, tỷ."""
from __future__ import annotations

from functools import lru_cache

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Group names by power of a thousand below a billion; "tỷ" is handled by recursion.
GROUP_NAMES = ("", "nghìn", "triệu")
MAX_NUMBER_DIGITS = 18  # longer runs are read digit by digit (serial numbers, noise)
MONTHS = {1: "một", 4: "tư"}  # "tháng tư", never "tháng bốn"

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def spaced(words: str) -> str:
    """Readings are padded with spaces so they never glue to a neighbour; spaces are squeezed later."""
    return f" {words} "


def read_digits(digits: str) -> str:
    """Digit by digit: "0912" -> "không chín một hai"."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def _read_group(n: int, full: bool) -> str:
    """Read 0 < n < 1000; `full` says a higher group precedes (so "không trăm", "linh")."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(DIGITS[units])
        return " ".join(words)
    words.append("mười" if tens == 1 else f"{DIGITS[tens]} mươi")
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return " ".join(words)


@lru_cache(maxsize=8192)
def read_int(digits: str) -> str:
    """Read a run of ASCII digits as a whole number; leading zeros are dropped ("01" -> "một")."""
    stripped = digits.lstrip("0")
    if not stripped:
        return "không"
    if len(stripped) > MAX_NUMBER_DIGITS:
        return read_digits(digits)
    return _read_number(int(stripped), full=False)


def _read_number(n: int, full: bool) -> str:
    """Read n > 0; above a billion the count of "tỷ" is itself a number ("một nghìn hai trăm tỷ")."""
    if n >= 1_000_000_000:
        high, low = divmod(n, 1_000_000_000)
        words = [_read_number(high, full), "tỷ"]
        if low:
            words.append(_read_below_billion(low, full=True))
        return " ".join(words)
    return _read_below_billion(n, full)


def _read_below_billion(n: int, full: bool) -> str:
    groups = [n // 1_000_000, n // 1000 % 1000, n % 1000]
    words: list[str] = []
    for position, group in enumerate(groups):
        name = GROUP_NAMES[2 - position]
        if not group:
            # "1.000.500" is "một triệu không nghìn năm trăm": without "không nghìn" it
            # sounds like 1.500.000.
            if (words or full) and name and position + 1 < 3 and groups[position + 1]:
                words += ["không", name]
            continue
        words.append(_read_group(group, full=bool(words) or full))
        if name:
            words.append(name)
    return " ".join(words)


def read_fraction_digits(digits: str) -> str:
    """Digits after a decimal mark: a leading zero is kept, so "05" -> "không năm"."""
    if digits.startswith("0") or len(digits) > 3:
        return read_digits(digits)
    return read_int(digits)


def read_decimal(whole: str, frac: str, mark: str = "phẩy") -> str:
    """"98,63" -> "chín mươi tám phẩy sáu mươi ba"."""
    return f"{read_int(whole)} {mark} {read_fraction_digits(frac)}"


def read_month(month: int) -> str:
    return MONTHS.get(month) or read_int(str(month))


def roman_to_int(text: str) -> int | None:
    """Value of a well-formed Roman numeral (I..MMMCMXCIX), else None."""
    if not text or len(text) > 15:
        return None
    total = 0
    previous = 0
    for ch in reversed(text):
        value = ROMAN_VALUES.get(ch)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    # Reject malformed forms such as "IIII" or "VX" by round-tripping.
    return total if 0 < total < 4000 and int_to_roman(total) == text else None


def int_to_roman(n: int) -> str:
    parts = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)
