"""Spoken Vietnamese: rewrite displayed text as a Vietnamese speaker reads it aloud.

`normalize(text)` runs an ordered list of pure passes (str -> str, no I/O), in the manner of
gTTS's pre-processors. The conventions are in SPOKEN-VIETNAMESE.md; the readings chosen where
several are allowed are listed in the README ("Spoken Vietnamese"). Abbreviations, document
codes, titles and units come from the lexicon (data), so a new reading is a data row.

Output is lower case (so ALL-CAPS headings are not spelled) and contains no digit. Every
regular expression is linear: bounded repeats, no nested quantifiers over the same characters.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

from reader.lexicon import Lexicon, load_lexicon
from reader.numbers import (read_decimal, read_digits, read_int, read_month, roman_to_int)
from reader.symbols import (LETTER_NAMES, PER_LEFT, PER_RIGHT, SILENT_CHARS, SYMBOL_WORDS)

CODE_VERSION = "1"

Pass = Callable[[str], str]

# A number as written in Vietnamese: "18.880" (thousands), "98,63" (decimal), "65.8"
# (English point), "1,2,3" (a list). Thousands come first so "18.880" is one number.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:\.\d+)+|\d+(?:,\d+)+|\d+"
_NOT_NUM_BEFORE = r"(?<![\d.,/])"
_NOT_NUM_AFTER = r"(?![\d/]|[.,]\d)"

_VOWELS = frozenset("aeiouyăâêôơư")
_WS = re.compile(r"\s+")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DASHES = re.compile("[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")

# --- URLs, e-mail, phones -------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.%+-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"“”]{1,2000}")
_BARE_DOMAIN = re.compile(
    r"(?<![\w.@/-])((?:[a-z0-9-]{1,63}\.){1,6}(?:vn|com|net|org|gov|edu|info|int))"
    r"(?:/[^\s<>\"“”]{0,2000})?(?![\w-])")
_PHONE_CUE = re.compile(
    r"(?i)(hotline|đường dây nóng|điện thoại|đt|sđt|đtdđ|tel|fax|di động|số máy|liên hệ|gọi)"
    r"(\s*(?:số)?\s*[:.]?\s*)(\+?\(?\d[\d .()-]{4,24}\d)")
_PHONE = re.compile(
    r"(?<![\w.,/+-])(\+84|0084|\(0\d{1,3}\)|0\d{2,3})([ .-]?\d{3,4}){2,3}(?![\w]|[.,]\d)")

# --- Document symbols: 32/KH-UBND, 357/2025/NĐ-CP, 54/2019/QH14, 12/STNMT-MT ------------------
_CODE_PART = r"[A-ZĐ][A-Za-zĐđƯư&]{0,15}\d{0,3}"
_SYMBOL = re.compile(
    rf"(?<![\w/.,])(\d{{1,6}}[a-z]?)(?:/(\d{{4}}))?/({_CODE_PART}(?:[-/]{_CODE_PART}){{0,5}})(?![\w&])")
_NUMBER_YEAR = re.compile(r"(?i)(\bsố\s+)(\d{1,6})/(\d{4})(?![\d/])")

# --- Dates and times -----------------------------------------------------------------------
_DAY_RANGE = re.compile(
    rf"{_NOT_NUM_BEFORE}(\d{{1,2}})\s*-\s*(\d{{1,2}})([/.])(\d{{1,2}})(?:\3(\d{{4}}))?{_NOT_NUM_AFTER}")
_FULL_DATE = re.compile(
    rf"{_NOT_NUM_BEFORE}(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}){_NOT_NUM_AFTER}")
_MONTH_RANGE = re.compile(
    r"(?i)\btháng\s+(\d{1,2})\s*-\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
_MONTH_YEAR_WORD = re.compile(r"(?i)\btháng\s+(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
_T_MONTH = re.compile(r"\bT(\d{1,2})/(\d{4})(?:\s*-\s*T(\d{1,2})/(\d{4}))?(?![\d/])")
_QUARTER = re.compile(r"(?i)\b(quý)\s+(\d|IV|I{1,3})\s*[/-]\s*(\d{4})(?![\d/])")
_MONTH_YEAR = re.compile(rf"{_NOT_NUM_BEFORE}(\d{{1,2}})/(\d{{4}}){_NOT_NUM_AFTER}")
_DAY_MONTH = re.compile(rf"{_NOT_NUM_BEFORE}(\d{{1,2}})([/.-])(\d{{1,2}}){_NOT_NUM_AFTER}")
_NGAY_BEFORE = re.compile(r"(?i)(?:ngày|mùng|mồng)\s*$")
_CUE_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:sáng|chiều|tối|trưa|đêm|từ|đến|tới|hôm|trước|sau|hết|vào|nay|đầu|cuối)\s*$")
_NGAY_NEAR = re.compile(r"(?i)(?:^|[\s(])ngày(?:\s+[^\s\d,.;:()/]+){1,3}\s+$")
_TIME_H = re.compile(r"(?<![\w.,:])(\d{1,2})h(\d{2})?(?:'|p\b|phút\b)?(?![\w])")
_TIME_COLON = re.compile(r"(?<![\w.,:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:]|[.,]\d)")

# --- Roman numerals in context -------------------------------------------------------------
_ROMAN_CUE = re.compile(
    r"(?i:\b(khóa|khoá|giai đoạn|chương|quý|phần|mục|đợt|lần|kỳ|thế kỷ|hạng|cấp|loại|"
    r"đại hội|tập|phụ lục|vùng|nhóm|bậc|mức|số|khu|tuần|tháng))\s+([IVXLC]{1,8})(?![\w])")
_ROMAN_HEADING = re.compile(r"(?m)^(\s*)([IVX]{1,6})([.)-])(?=\s)")

# --- Numbers -----------------------------------------------------------------------------
_RANGE_DASH = re.compile(r"(\d%?)\s*-\s*(?=\$?\d)")
_NEGATIVE = re.compile(r"(?<![\w.,%)])-(?=\d)")
_FRACTION = re.compile(rf"(?<![\d.,])({NUMBER})/(?=\d)")
_TOKEN = re.compile(r"(?<![\w&°µμ])[\w°µμ][\w&°µμ]*(?:[./-][\w°µμ][\w&°µμ]*)*(\.)?")
_ALNUM_RUNS = re.compile(r"\d+|[^\W\d_]+|_+")
_WORD_SLASH = re.compile(r"(?<=[\w$%])\s*/\s*(?=[^\W\d_])")

_CLEAN_SPACED_DASH = re.compile(r"\s+-+\s+|^\s*-+\s*|\s*-+\s*$", re.M)
_CLEAN_WORD_DASH = re.compile(r"(?<=\w)-+(?=\w)")
_CLEAN_SLASH = re.compile(r"\s*/+\s*")
_PUNCT_SPACE = re.compile(r"\s+([,.;:!?)])")
_OPEN_SPACE = re.compile(r"([(])\s+")
_COMMA_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")
_COMMA_STOP = re.compile(r"[,;:]\s*([.!?])")
_LEAD_PUNCT = re.compile(r"^[\s,;:.!?)]+")
_SYMBOL_CHARS = re.compile("[" + re.escape("".join(SYMBOL_WORDS)) + "]")
_SILENT = re.compile("[" + re.escape(SILENT_CHARS) + "]")
_STRAY_DASH = re.compile(r"-+")
_MONTH_WORD = re.compile(r"(?i)\btháng\s*$")


def _spaced(words: str) -> str:
    """Readings are padded with spaces so they never glue to a neighbour; spaces are squeezed later."""
    return f" {words} "


def _has_vowel(token: str) -> bool:
    base = unicodedata.normalize("NFD", token.lower())
    return any(ch in _VOWELS for ch in base) or any(
        ch in _VOWELS for ch in unicodedata.normalize("NFC", token.lower()))


def spell_letters(token: str) -> str:
    """Letter by letter with Vietnamese letter names: "FPT" -> "ép pê tê"."""
    return " ".join(LETTER_NAMES.get(ch, ch) for ch in token.lower())


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


class Normalizer:
    """The passes, compiled once for one lexicon. `.version` changes when code or lexicon does."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.version = f"{CODE_VERSION}.{lexicon.digest()}"
        self._standalone = lexicon.standalone()
        self._titles = {**{k.lower(): v for k, v in lexicon.by_kind["city"].items()},
                        **lexicon.by_kind["title"]}
        self._dotted = set(lexicon.by_kind["title"]) | set(lexicon.by_kind["city"])
        self._folded = {k.lower(): v for k, v in lexicon.by_kind["city"].items()}
        numunits = sorted(lexicon.by_kind["numunit"], key=len, reverse=True)
        unit_alt = "|".join(re.escape(u) for u in numunits) or r"(?!x)x"
        self._number = re.compile(
            rf"(?<![\d.,])(\$\s?)?({NUMBER})(?:(\s*%)|\s?({unit_alt})(?![^\W\d_]))?")
        self.passes: list[Pass] = [
            self.prepare, self.read_urls, self.read_phones, self.read_symbols, self.read_dates,
            self.read_times, self.read_roman, self.read_ranges, self.read_tokens,
            self.read_slashes, self.read_numbers, self.finish,
        ]

    # -- the pipeline --------------------------------------------------------------------
    def normalize(self, text: str) -> str:
        """Displayed text -> spoken text (lower case, no digits, one line)."""
        for step in self.passes:
            text = step(text)
        return text

    __call__ = normalize

    # -- passes --------------------------------------------------------------------------
    @staticmethod
    def prepare(text: str) -> str:
        """Unicode compatibility forms (², ℃, full-width digits), one kind of dash, ASCII digits."""
        text = unicodedata.normalize("NFKC", text)
        text = _ZERO_WIDTH.sub("", text)
        text = _CONTROL.sub(" ", text)
        text = _DASHES.sub("-", text)
        if not text.isascii():
            # Other scripts' digits (٣, ३) are read like ours, so no digit survives.
            text = re.sub(r"\d", lambda m: str(unicodedata.decimal(m.group(), 0)), text)
        return text

    @staticmethod
    def read_urls(text: str) -> str:
        """E-mail read as written with "a còng" and "chấm"; a URL is reduced to its domain."""
        if "@" in text:
            text = _EMAIL.sub(_read_email, text)
        if "." in text:
            text = _URL.sub(_read_url, text)
            text = _BARE_DOMAIN.sub(lambda m: _spaced(_read_domain(m.group(1))), text)
        return text

    @staticmethod
    def read_phones(text: str) -> str:
        """Phone numbers digit by digit."""
        text = _PHONE_CUE.sub(lambda m: m.group(1) + m.group(2) + _spaced(_read_phone(m.group(3))),
                              text)
        return _PHONE.sub(lambda m: _spaced(_read_phone(m.group(0))), text)

    def read_symbols(self, text: str) -> str:
        """Document symbols: number, year, type code and issuer (expanded)."""
        if "/" not in text:
            return text
        text = _SYMBOL.sub(self._read_symbol, text)
        return _NUMBER_YEAR.sub(
            lambda m: f"{m.group(1)}{read_int(m.group(2))} trên {read_int(m.group(3))}", text)

    @staticmethod
    def read_dates(text: str) -> str:
        """Dates in every written form, "ngày" said once."""
        if not any(sep in text for sep in "/.-"):
            return text
        text = _T_MONTH.sub(_read_t_month, text)
        text = _QUARTER.sub(_read_quarter, text)
        text = _MONTH_RANGE.sub(_read_month_range, text)
        text = _MONTH_YEAR_WORD.sub(lambda m: _read_month_year(m, m.group(1), m.group(2)), text)
        text = _DAY_RANGE.sub(_read_day_range, text)
        text = _FULL_DATE.sub(_read_full_date, text)
        text = _MONTH_YEAR.sub(_read_bare_month_year, text)
        return _DAY_MONTH.sub(_read_day_month, text)

    @staticmethod
    def read_times(text: str) -> str:
        """7h30, 10:25, 09:25:27."""
        text = _TIME_H.sub(_read_time_h, text)
        if ":" in text:
            text = _TIME_COLON.sub(_read_time_colon, text)
        return text

    @staticmethod
    def read_roman(text: str) -> str:
        """Roman numerals after a word that counts (khóa VIII, Chương II) or heading a line."""
        text = _ROMAN_CUE.sub(_read_roman_cue, text)
        return _ROMAN_HEADING.sub(_read_roman_heading, text)

    @staticmethod
    def read_ranges(text: str) -> str:
        """A dash between two numbers is "đến"; before a lone number it is "âm"."""
        if "-" not in text:
            return text
        text = _RANGE_DASH.sub(r"\1 đến ", text)
        return _NEGATIVE.sub("âm ", text)

    def read_tokens(self, text: str) -> str:
        """Abbreviations, titles, cities, units and unknown acronyms, token by token."""
        return _TOKEN.sub(self._read_token, text)

    @staticmethod
    def read_slashes(text: str) -> str:
        """A slash between words: "trên" for "per" (tấn/ngày), else silent (tỉnh/thành)."""
        if "/" not in text:
            return text
        return _WORD_SLASH.sub(_read_word_slash, text)

    def read_numbers(self, text: str) -> str:
        """Fractions, percentages, prices, units after numbers, then every number left."""
        if not any(ch.isdigit() for ch in text):
            return text
        text = _FRACTION.sub(r"\1 trên ", text)
        return self._number.sub(self._read_number, text)

    @staticmethod
    def finish(text: str) -> str:
        """Symbols to words, silent dashes and slashes, lower case, one line of tidy spacing."""
        text = _CLEAN_SPACED_DASH.sub(", ", text)
        text = _CLEAN_WORD_DASH.sub(" ", text)
        text = _STRAY_DASH.sub(" ", text)
        text = _CLEAN_SLASH.sub(" ", text)
        text = _SYMBOL_CHARS.sub(lambda m: SYMBOL_WORDS[m.group()], text)
        text = _SILENT.sub(" ", text)
        text = text.lower()
        text = _WS.sub(" ", text)
        text = _PUNCT_SPACE.sub(r"\1", text)
        text = _OPEN_SPACE.sub(r"\1", text)
        text = _COMMA_RUN.sub(r"\1", text)
        text = _COMMA_STOP.sub(r"\1", text)
        text = _LEAD_PUNCT.sub("", text)
        return unicodedata.normalize("NFC", text).strip()

    # -- callbacks -----------------------------------------------------------------------
    def _read_code(self, code: str, first: bool) -> str:
        """One part of a symbol's code: the type first, then the issuer(s)."""
        kinds = ("doctype", "issuer", "abbr") if first else ("issuer", "abbr", "doctype")
        for kind in kinds:
            spoken = self.lexicon.by_kind[kind].get(code)
            if spoken:
                return spoken
        letters = code.rstrip("0123456789")
        if letters != code:
            return f"{self._read_code(letters, first)} {read_int(code[len(letters):])}"
        if "&" in code:
            return " và ".join(self._read_code(p, first) for p in code.split("&") if p)
        spoken = self._standalone.get(code)
        return spoken or spell_letters(code)

    def _read_symbol(self, m: re.Match) -> str:
        number, year, codes = m.group(1), m.group(2), m.group(3)
        digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
        words = [read_int(digits)]
        if digits != number:
            words.append(spell_letters(number[len(digits):]))
        if year:
            words += ["trên", read_int(year)]
        words.append("trên")
        parts = re.split(r"[-/]", codes)
        words += [self._read_code(part, i == 0) for i, part in enumerate(parts) if part]
        return _spaced(" ".join(words))

    def _lookup(self, token: str) -> str | None:
        spoken = self._standalone.get(token)
        if spoken is None:
            spoken = self._folded.get(token.lower())
        return spoken

    def _read_token(self, m: re.Match) -> str:
        token, dot = m.group(0), m.group(1)
        if dot:
            token = token[:-1]
        spoken = self._standalone.get(token)
        if spoken is not None:
            # The dot after a title or city is part of it ("TS. Nguyễn"), not a full stop.
            return _spaced(spoken) + ("" if token in self._dotted else (dot or ""))
        if token.isascii() and token.islower() and token.isalpha():
            return m.group(0)  # plain lower-case word: the common case, leave it
        folded = self._folded.get(token.lower())
        if folded is not None:
            return _spaced(folded)
        if len(token) > 200:
            return m.group(0)
        pieces = re.split(r"([./-])", token)
        if len(pieces) > 1:
            out: list[str] = []
            eat_dot = False
            for piece in pieces:
                if piece in "./-":
                    out.append(" " if (eat_dot and piece == ".") else piece)
                    eat_dot = False
                    continue
                read = self._read_word(piece)
                eat_dot = piece in self._dotted or piece.lower() in self._folded
                out.append(read)
            last_dotted = pieces[-1] in self._dotted or pieces[-1].lower() in self._folded
            return "".join(out) + ("" if last_dotted else (dot or ""))
        return self._read_word(token) + (dot or "")

    def _read_word(self, word: str) -> str:
        """A token without separators: known, mixed letters and digits, or an unknown acronym."""
        spoken = self._lookup(word)
        if spoken is not None:
            return _spaced(spoken)
        if any(ch.isdigit() for ch in word) and not word.isdigit():
            runs = _ALNUM_RUNS.findall(word)
            return _spaced(" ".join(run if run[0].isdigit() else self._read_word(run).strip()
                                    for run in runs))
        if word.isalpha() and any(ch.isupper() for ch in word) and len(word) <= 8 \
                and not _has_vowel(word) and word.upper() == word:
            return _spaced(spell_letters(word))
        return word

    def _read_number(self, m: re.Match) -> str:
        dollar, number, percent, unit = m.group(1), m.group(2), m.group(3), m.group(4)
        words = [read_number_text(number)]
        if percent:
            words.append("phần trăm")
        elif unit:
            words.append(self.lexicon.by_kind["numunit"][unit])
        if dollar:
            words.append("đô la")
        return _spaced(" ".join(words))


def read_number_text(number: str) -> str:
    """One written number (Vietnamese marks): thousands, decimal, English point, or a list."""
    if "." in number and "," not in number and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
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


def _read_email(m: re.Match) -> str:
    local, domain = m.group(1), m.group(2)
    return _spaced(f"{_read_dotted(local)} a còng {_read_dotted(domain)}")


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
    return _spaced(_read_domain(host)) + tail if host else tail


def _read_phone(phone: str) -> str:
    words = []
    if phone.startswith("+"):
        words.append("cộng")
    groups = re.findall(r"\d+", phone)
    return " ".join(words + [read_digits(g) for g in groups])


def _date_context(m: re.Match, weak_ok: bool = True) -> tuple[bool, bool]:
    """(is a date, should we say "ngày") from the words before a D/M form."""
    before = m.string[max(0, m.start() - 48):m.start()]
    if _NGAY_BEFORE.search(before):
        return True, False
    if _NGAY_NEAR.search(before):
        return True, True
    if weak_ok and _CUE_BEFORE.search(before):
        return True, True
    if weak_ok and before.endswith("(") and m.string[m.end():m.end() + 1] == ")":
        return True, True
    return False, False


def _say_ngay(m: re.Match) -> bool:
    return not _NGAY_BEFORE.search(m.string[max(0, m.start() - 12):m.start()])


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


def _read_roman_cue(m: re.Match) -> str:
    value = roman_to_int(m.group(2))
    if value is None:
        return m.group(0)
    return f"{m.group(1)} {read_int(str(value))}"


def _read_roman_heading(m: re.Match) -> str:
    value = roman_to_int(m.group(2))
    if value is None:
        return m.group(0)
    return f"{m.group(1)}{read_int(str(value))}{m.group(3)}"


def _read_word_slash(m: re.Match) -> str:
    before = m.string[max(0, m.start() - 40):m.start()]
    after = m.string[m.end():m.end() + 20]
    left = re.findall(r"[\w$%]+$", before)
    right = re.match(r"[^\W\d_]+", after)
    left_word = left[0].lower() if left else ""
    right_word = right.group(0).lower() if right else ""
    if left_word in PER_LEFT or left_word in {"$", "%"} or left_word.endswith(("$", "%")):
        return " trên "
    if right_word in PER_RIGHT and re.search(r"\d[\d.,]*(?:\s+[^\W\d_]+){0,3}\s*$", before):
        return " trên "
    if left_word.isdigit():
        return " trên "
    return " "


DEFAULT_LEXICON = load_lexicon()
DEFAULT_NORMALIZER = Normalizer(DEFAULT_LEXICON)
NORMALIZER_VERSION = DEFAULT_NORMALIZER.version


def normalize(text: str) -> str:
    """Displayed Vietnamese -> what the voice is given, with the bundled lexicon."""
    return DEFAULT_NORMALIZER.normalize(text)
