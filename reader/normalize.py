"""Spoken Vietnamese: rewrite displayed text as a Vietnamese speaker reads it aloud.

`normalize(text)` runs an ordered list of pure passes (str -> str, no I/O), in the manner of
gTTS's pre-processors. The conventions are in SPOKEN-VIETNAMESE.md; the readings chosen where
several are allowed are listed in docs/spoken-vietnamese.md. Abbreviations, document
codes, titles and units come from the lexicon (data), so a new reading is a data row.

Output is lower case (so ALL-CAPS headings are not spelled) and contains no digit. Every
regular expression is linear: bounded repeats, no nested quantifiers over the same characters.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

from reader.lexicon import Lexicon, load_lexicon
from reader.dates import read_dates, read_times
from reader.numbers import read_decimal, read_digits, read_int, roman_to_int, spaced
from reader.symbols import (LETTER_NAMES, PER_LEFT, PER_RIGHT, SILENT_CHARS, SYMBOL_WORDS)

CODE_VERSION = "3"  # bump when a change of code changes what is said (tests/spoken/readings.lock.tsv)

Pass = Callable[[str], str]

# A number as written in Vietnamese: "18.880" (thousands), "98,63" (decimal), "65.8"
# (English point), "1,2,3" (a list). Thousands come first so "18.880" is one number.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:\.\d+)+|\d+(?:,\d+)+|\d+"
# The same, starting with one digit so the regex engine can skip ahead to digits (five times
# faster than a leading look-behind); the look-behind after it says no number came before.
NUMBER_AT_START = (r"\d(?<![\d.,]\d)(?:\d{0,2}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d*(?:\.\d+)+"
                   r"|\d*(?:,\d+)+|\d*)")

_VOWELS = frozenset("aeiouyăâêôơư")
_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_ROMAN_ANY = re.compile(r"[IVXLC](?<![\w][IVXLC])[IVXLC]{0,7}(?![\w])")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DASHES = re.compile("[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_ODD_CHARS = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad"
                        "\x00-\x08\x0b-\x1f\x7f\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_DOT_LETTER = re.compile(r"(?i)\.[a-z]")
_SEVEN_DIGITS = re.compile(r"\d(?:[ .()-]?\d){6}")

# --- URLs, e-mail, phones -------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.%+-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})")
_URL = re.compile(r"(?i)(?<![^\W\d_])(?:https?://|www\.)[^\s<>\"“”]{1,2000}")
_BARE_DOMAIN = re.compile(
    r"(?i)(?<![\w./-])((?:[a-z0-9-]{1,63}\.){1,6}(?:vn|com|net|org|gov|edu|info|int))"
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
# Standards: "QCVN 05:2023/BTNMT", "TCVN 5937:2005", "ISO 14001:2015".
_STANDARD = re.compile(
    r"\b(QCVN|TCVN|QCĐP|ISO)\s*(\d{1,5})(?:-(\d{1,3}))?:(\d{4})(?:/([A-ZĐ][A-Za-zĐđ&]{0,15}))?(?![\w])")
_NUMBER_YEAR = re.compile(r"(?i)(\bsố\s+)(\d{1,6})/(\d{4})(?![\d/])")

# --- Roman numerals in context -------------------------------------------------------------
_ROMAN_CUE = re.compile(
    r"(?i:\b(khóa|khoá|giai đoạn|chương|quý|phần|mục|đợt|lần|kỳ|thế kỷ|hạng|cấp|loại|"
    r"đại hội|tập|phụ lục|vùng|nhóm|bậc|mức|số|khu|tuần|tháng))\s+([IVXLC]{1,8})(?![\w])")
_ORDINAL = re.compile(r"(?i:\b(thứ))\s+(\d{1,3}|[IVXLC]{1,8})(?![\w/]|[.,]\d)")
_ORDINALS = {1: "nhất", 4: "tư"}
_NUMBER_WORD = (r"(?:không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|tư|lăm|linh|trăm|"
                r"nghìn|triệu|tỷ|giờ|phút|giây|phần trăm)")
_WORD_RANGE = re.compile(rf"\b({_NUMBER_WORD})\s+-\s+(?={_NUMBER_WORD}\b)")
_ROMAN_HEADING = re.compile(r"(?m)^(\s*)([IVX]{1,6})([.)-])(?=\s)")

# --- Numbers -----------------------------------------------------------------------------
_RANGE_DASH = re.compile(r"(\d%?)\s*-\s*(?=\$?\d)")
_NEGATIVE = re.compile(r"-(?<![\w.,%)]-)(?=\d)")
_DOLLAR = re.compile(rf"\$\s?({NUMBER_AT_START})")
_FRACTION = re.compile(rf"({NUMBER_AT_START})/(?=\d)")
_TOKEN = re.compile(
    r"(?<![^\W\d]|[&°µμ])(?:[^\W\d]|[°µμ])[\w&]*(?:[./-][\w°µμ][\w&]*)*(\.)?")
_ALNUM_RUNS = re.compile(r"\d+|[^\W\d_]+|_+")
_WORD_SLASH = re.compile(r"(?<=[\w$%])\s*/\s*(?=[^\W\d_])")

_CLEAN_SPACED_DASH = re.compile(r"\s+-+\s+|^\s*-+\s*|\s*-+\s*$", re.M)
_CLEAN_WORD_DASH = re.compile(r"(?<=\w)-+(?=\w)")
_PUNCT_SPACE = re.compile(r"\s+([,.;:!?)])")
_OPEN_SPACE = re.compile(r"([(])\s+")
_COMMA_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")
_COMMA_STOP = re.compile(r"[,;:]\s*([.!?])")
_LEAD_PUNCT = re.compile(r"^[\s,;:.!?)]+")
# Symbols to words, silent characters and slashes to spaces, in one str.translate.
_FINISH_TABLE = {**{ch: " " for ch in SILENT_CHARS + "/"}, **SYMBOL_WORDS}
_FINISH_CHARS = re.compile("[" + re.escape("".join(_FINISH_TABLE)) + "]")
_LETTER_DOT = re.compile(r"\.(?<=[^\W\d_]\.)(?=[^\W\d_])")



_spaced = spaced


# One Vietnamese syllable written without diacritics ("TIN", "NGUYEN", "QUANG"): an unknown
# capitalised word that is not one (OCOP, GIS, ESG, EU, UNDP) is an acronym, spelled.
_ASCII_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
    r"(?:oai|oay|oeo|uay|uoi|uya|uyu|uye|ieu|yeu|ai|ao|au|ay|eo|ia|iu|oa|oe|oi|ua|ue|ui|uo|uy|"
    r"ie|ye|a|e|i|o|u|y)(?:ch|ng|nh|c|m|n|p|t)?")


def _is_acronym(word: str) -> bool:
    """An unknown all-capital word to spell: no vowel at all, or 2–4 plain letters that are
    not a Vietnamese syllable. Capitalised headings ("THÔNG BÁO", "TIN TỨC") and longer
    words in capitals ("INDEX", "SMART") stay words."""
    if len(word) > 8 or not word.isupper():
        return False
    if not _has_vowel(word):
        return True
    return word.isascii() and 2 <= len(word) <= 4 and not _ASCII_SYLLABLE.fullmatch(word.lower())


def _without_echo(spoken: str, before: list[str]) -> str:
    """An expansion that repeats the words just said: "chỉ số AQI" is "chỉ số chất lượng
    không khí", not "chỉ số chỉ số …"."""
    words = spoken.split()
    for size in range(min(3, len(words) - 1, len(before)), 0, -1):
        if [w.lower() for w in before[-size:]] == [w.lower() for w in words[:size]]:
            return " ".join(words[size:])
    return spoken


def _has_vowel(token: str) -> bool:
    base = unicodedata.normalize("NFD", token.lower())
    return any(ch in _VOWELS for ch in base) or any(
        ch in _VOWELS for ch in unicodedata.normalize("NFC", token.lower()))


def spell_letters(token: str) -> str:
    """Letter by letter with Vietnamese letter names: "FPT" -> "ép pê tê"."""
    return " ".join(LETTER_NAMES.get(ch, ch) for ch in token.lower())


class Normalizer:
    """The passes, compiled once for one lexicon. `.version` changes when code or lexicon does."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.version = f"{CODE_VERSION}.{lexicon.digest()}"
        self._standalone = lexicon.standalone()
        self._titles = {**{k.lower(): v for k, v in lexicon.by_kind["city"].items()},
                        **lexicon.by_kind["title"]}
        self._dotted = set(lexicon.by_kind["title"]) | set(lexicon.by_kind["city"])
        self._cities_lower = {k.lower() for k in lexicon.by_kind["city"]}
        # Case-insensitive readings: cities (TP, Tp, tp) and every lower-case entry (km, v/v),
        # so "KM" or "kM" cannot turn into a listed "km" once the output is lower-cased.
        self._folded = {**{k: v for k, v in self._standalone.items() if k == k.lower()},
                        **{k.lower(): v for k, v in lexicon.by_kind["city"].items()}}
        numunits = sorted(set(lexicon.by_kind["numunit"]) | set(lexicon.by_kind["unit"]),
                          key=len, reverse=True)
        self._units = {**lexicon.by_kind["unit"], **lexicon.by_kind["numunit"]}
        unit_alt = "|".join(re.escape(u) for u in numunits) or r"(?!x)x"
        self._number = re.compile(
            rf"({NUMBER_AT_START})(?:(\s*%)|\s?({unit_alt})(?![^\W\d_]))?")
        self.passes: list[Pass] = [
            self.prepare, self.read_urls, self.read_phones, self.read_symbols, read_dates,
            read_times, self.read_roman, self.read_ranges, self.read_tokens,
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
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if _ODD_CHARS.search(text):
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
        if _DOT_LETTER.search(text):
            text = _URL.sub(_read_url, text)
            text = _BARE_DOMAIN.sub(lambda m: _spaced(_read_domain(m.group(1))), text)
        return text

    @staticmethod
    def read_phones(text: str) -> str:
        """Phone numbers digit by digit."""
        if not _SEVEN_DIGITS.search(text):
            return text
        text = _PHONE_CUE.sub(lambda m: m.group(1) + m.group(2) + _spaced(_read_phone(m.group(3))),
                              text)
        return _PHONE.sub(lambda m: _spaced(_read_phone(m.group(0))), text)

    def read_symbols(self, text: str) -> str:
        """Document symbols: number, year, type code and issuer (expanded)."""
        if not ("/" in text or ":" in text) or not _DIGIT.search(text):
            return text
        if ":" in text:
            text = _STANDARD.sub(self._read_standard, text)
        text = _SYMBOL.sub(self._read_symbol, text)
        return _NUMBER_YEAR.sub(
            lambda m: f"{m.group(1)}{read_int(m.group(2))} trên {read_int(m.group(3))}", text)

    @staticmethod
    def read_roman(text: str) -> str:
        """Roman numerals after a word that counts (khóa VIII, Chương II) or heading a line."""
        if "thứ" in text.lower():
            text = _ORDINAL.sub(_read_ordinal, text)
        if not _ROMAN_ANY.search(text):
            return text
        text = _ROMAN_CUE.sub(_read_roman_cue, text)
        return _ROMAN_HEADING.sub(_read_roman_heading, text)

    @staticmethod
    def read_ranges(text: str) -> str:
        """A dash between two numbers is "đến"; before a lone number it is "âm"."""
        if "-" not in text or not _DIGIT.search(text):
            return text
        text = _RANGE_DASH.sub(r"\1 đến ", text)
        return _NEGATIVE.sub("âm ", text)

    def read_tokens(self, text: str) -> str:
        """Abbreviations, titles, cities, units and unknown acronyms, token by token."""
        standalone, folded = self._standalone, self._folded
        out = []
        words = text.split(" ")
        for index, word in enumerate(words):
            if word.isalpha():  # the common case, without a regex call
                spoken = standalone.get(word) or folded.get(word if word.islower()
                                                            else word.lower())
                if spoken:
                    word = _spaced(_without_echo(spoken, " ".join(out[-3:]).split()[-3:]))
                elif _is_acronym(word):
                    word = _spaced(spell_letters(word))
            elif word:
                following = next((w for w in words[index + 1:index + 4] if w), "")
                word = _TOKEN.sub(lambda m: self._read_token(m, following), word)
            out.append(word)
        return " ".join(out)

    @staticmethod
    def read_slashes(text: str) -> str:
        """A slash between words: "trên" for "per" (tấn/ngày), else silent (tỉnh/thành)."""
        if "/" not in text:
            return text
        return _WORD_SLASH.sub(_read_word_slash, text)

    def read_numbers(self, text: str) -> str:
        """Fractions, percentages, prices, units after numbers, then every number left."""
        if not _DIGIT.search(text):
            return text
        if "/" in text:
            text = _FRACTION.sub(r"\1 trên ", text)
        if "$" in text:
            text = _DOLLAR.sub(r"\1 $", text)  # "$9.99" is said "chín chấm chín mươi chín đô la"
        text = self._number.sub(self._read_number, text)
        if _DIGIT.search(text):
            # Whatever shape a number had that no rule knows (".5", "1,,2"), no digit survives.
            text = _DIGIT_RUN.sub(lambda m: _spaced(read_int(m.group())), text)
        return text

    @staticmethod
    def finish(text: str) -> str:
        """Symbols to words, silent dashes and slashes, lower case, one line of tidy spacing."""
        if "-" in text:
            # "7h - 11h30" is now "bảy giờ - mười một giờ …": still a range.
            text = _WORD_RANGE.sub(r"\1 đến ", text)
            text = _CLEAN_SPACED_DASH.sub(", ", text)
            text = _CLEAN_WORD_DASH.sub(" ", text)
            text = text.replace("-", " ")
        if _FINISH_CHARS.search(text):
            text = _FINISH_CHARS.sub(lambda m: _FINISH_TABLE[m.group()], text)
        text = " ".join(text.lower().split())
        text = _PUNCT_SPACE.sub(r"\1", text)
        if "(" in text:
            text = _OPEN_SPACE.sub(r"\1", text)
        text = _COMMA_RUN.sub(r"\1", text)
        text = _COMMA_STOP.sub(r"\1", text)
        text = _LEAD_PUNCT.sub("", text)
        if "." in text:
            # A dot left between letters is a name like a domain ("gi.vn"): read it, so the
            # output has no domain left for a second pass to find.
            text = _LETTER_DOT.sub(" chấm ", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return text.strip()

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

    def _read_standard(self, m: re.Match) -> str:
        code, number, part, year, issuer = m.groups()
        words = [self._read_code(code, True), read_int(number)]
        if part:
            words += ["phần", read_int(part)]
        words += ["năm", read_int(year)]
        if issuer:
            words += ["trên", self._read_code(issuer, False)]
        return _spaced(" ".join(words))

    def _read_symbol(self, m: re.Match) -> str:
        number, year, codes = m.group(1), m.group(2), m.group(3)
        digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
        words = [read_int(digits)]
        if digits != number:
            words.append(spell_letters(number[len(digits):]))
        if year:
            words += ["trên", read_int(year)]
        words.append("trên")
        parts = [p for p in re.split(r"[-/]", codes) if p]
        i = 0
        while i < len(parts):
            # Longest known run first: "BCT-TW" is one issuer (Bộ Chính trị), not two.
            for j in range(len(parts), i + 1, -1):
                joined = "-".join(parts[i:j])
                if any(joined in self.lexicon.by_kind[k] for k in ("issuer", "doctype", "abbr")):
                    words.append(self._read_code(joined, i == 0))
                    i = j
                    break
            else:
                words.append(self._read_code(parts[i], i == 0))
                i += 1
        return _spaced(" ".join(words))

    def _lookup(self, token: str) -> str | None:
        spoken = self._standalone.get(token)
        if spoken is None:
            spoken = self._folded.get(token.lower())
        return spoken

    def _read_token(self, m: re.Match, following: str = "") -> str:
        token, dot = m.group(0), m.group(1)
        if dot:
            token = token[:-1]
        spoken = self._standalone.get(token)
        if spoken is None:
            spoken = self._folded.get(token.lower())
        if spoken is None:
            if token.isalpha():
                # A plain word (the common case) is left alone; only an acronym is spelled
                # ("FPT", "(EU)").
                if _is_acronym(token):
                    return _spaced(spell_letters(token)) + (dot or "")
                return m.group(0)
            if len(token) > 200:
                return m.group(0)
            spoken = self._read_compound(token)
            if spoken == token:
                return m.group(0)
            last = re.split(r"[./-]", token)[-1]
        else:
            last = token
        return _spaced(spoken) + self._dot_after(m, last, dot, following)

    def _dot_after(self, m: re.Match, last: str, dot: str | None, following: str) -> str:
        """Keep a dot after an abbreviation only where it ends the sentence."""
        if not dot or last in self._dotted or last.lower() in self._cities_lower:
            return ""
        rest = m.string[m.end():m.end() + 3].lstrip() or following
        return dot if not rest or not (rest[0].islower() or rest[0].isdigit()) else ""

    def _read_compound(self, token: str) -> str:
        """A token with dots, dashes or slashes inside: each part read, separators kept
        (later passes decide what a dash or slash says), dots after titles dropped."""
        pieces = re.split(r"([./-])", token)
        if len(pieces) == 1:
            return self._read_word(token)
        out: list[str] = []
        eat_dot = False
        for piece in pieces:
            if piece in ("." , "/", "-"):
                out.append(" " if (eat_dot and piece == ".") else piece)
                eat_dot = False
                continue
            out.append(self._read_word(piece))
            eat_dot = piece in self._dotted or piece.lower() in self._cities_lower
        return "".join(out)

    def _read_word(self, word: str) -> str:
        """A token without separators: known, mixed letters and digits, or an unknown acronym.
        The result is not padded, so "PM2.5" stays "pê em 2.5" for the number pass."""
        spoken = self._lookup(word)
        if spoken is not None:
            return spoken
        if any(ch.isdigit() for ch in word):
            return " ".join(run if run[0].isdigit() else self._read_letters(run)
                            for run in _ALNUM_RUNS.findall(word))
        return self._read_letters(word)

    def _read_letters(self, word: str) -> str:
        spoken = self._lookup(word)
        if spoken is not None:
            return spoken
        if word.isalpha() and len(word) <= 8 and word.upper() == word \
                and any(ch.isupper() for ch in word) and not _has_vowel(word):
            return spell_letters(word)
        return word

    def _read_number(self, m: re.Match) -> str:
        number, percent, unit = m.group(1), m.group(2), m.group(3)
        words = [read_number_text(number)]
        if percent:
            words.append("phần trăm")
        elif unit:
            words.append(self._units[unit])
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
