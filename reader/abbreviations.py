"""Abbreviations, titles, cities, units and unknown acronyms, read token by token.

The readings come from the lexicon (data). An unknown all-capital word that is not a
Vietnamese syllable is spelled with Vietnamese letter names ("FPT" -> "ép pê tê").
"""
from __future__ import annotations

import re
import unicodedata

from reader.lexicon import Lexicon
from reader.numbers import spaced
from reader.symbols import ADDRESS_PREFIXES, ECHO_HEADS, LETTER_NAMES

_VOWELS = frozenset("aeiouyăâêôơư")
_TOKEN = re.compile(
    r"(?<![^\W\d]|[°µμ])(?:[^\W\d]|[°µμ&])[\w&°µμ]*(?:[./-][\w°µμ][\w&°µμ]*)*(\.)?")
_ALNUM_RUNS = re.compile(r"\d+|[^\W\d_]+|_+")
_SYMBOL_IN_WORD = re.compile(r"([&°µμ_])")

# One Vietnamese syllable written without diacritics ("TIN", "NGUYEN", "QUANG"): an unknown
# capitalised word that is not one (OCOP, GIS, ESG, EU, UNDP) is an acronym, spelled.
_ASCII_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
    r"(?:oai|oay|oeo|uay|uoi|uya|uyu|uye|ieu|yeu|ai|ao|au|ay|eo|ia|iu|oa|oe|oi|ua|ue|ui|uo|uy|"
    r"ie|ye|a|e|i|o|u|y)(?:ch|ng|nh|c|m|n|p|t)?")


# "P.Vĩnh Ninh", "Q.Bình Tân", "Q.6", "P.12": no space after the dot, then a capitalised word
# or a ward/district number ("P.T." initials and "Q. 2025" are left alone).
_ADDRESS = re.compile(r"(?<![\w.])([PQ])\.(?=(?:[A-ZĐ][^\W\d_]*[a-zđà-ỹ]|\d{1,2}(?!\d|[.,/]\d)))")


# A ward number without its dot, "39B Trường Sơn, P2, Q.Tân Bình": only where the district
# follows ("P2" alone may be a model, a grade or a parking level).
_WARD_NUMBER = re.compile(r"(?<![\w.])P(\d{1,2})(?=\s*,\s*(?:Q\.|Q\d|[Qq]uận\b))")


# Initials: "Ảnh: H.Y.T.", "chị N.N.L": single capitals joined by dots, spelled without "chấm".
_INITIALS = re.compile(r"(?<![\w.])[A-ZĐ](?:\.[A-ZĐ]){1,5}(\.?)(?![\w])")


def read_addresses(text: str) -> str:
    """Ward and district prefixes ("P.Hòa Cường Nam" -> "phường Hòa Cường Nam") and initials
    ("H.Y.T." -> "hát i dài tê")."""
    if "P" in text:
        text = _WARD_NUMBER.sub(r"phường \1", text)
    if "." not in text:
        return text
    if "P." in text or "Q." in text:
        text = _ADDRESS.sub(lambda m: ADDRESS_PREFIXES[m.group(1)] + " ", text)
    return _INITIALS.sub(_read_initials, text)


def _read_initials(m: re.Match) -> str:
    """The last dot stays only where it may end the sentence."""
    rest = m.string[m.end():m.end() + 2].lstrip()
    dot = m.group(1) if not rest or rest[0].isupper() else ""
    return spaced(spell_letters(m.group(0).replace(".", ""))) + dot


def is_acronym(word: str) -> bool:
    """An unknown all-capital word to spell: no vowel at all, or 2–4 plain letters (Đ is one)
    that are not a Vietnamese syllable. Capitalised headings ("THÔNG BÁO", "TIN TỨC") and longer
    words in capitals ("INDEX", "SMART") stay words."""
    if len(word) > 8 or not word.isupper():
        return False
    if not has_vowel(word):
        return True
    # Đ is a plain letter here: "NLĐO" is spelled, "ĐO" (do) is a word.
    plain = word.replace("Đ", "D")
    return plain.isascii() and 2 <= len(word) <= 4 and not _ASCII_SYLLABLE.fullmatch(plain.lower())


def without_echo(spoken: str, before: list[str]) -> str:
    """An expansion that repeats the words just said: "chỉ số AQI" is "chỉ số chất lượng
    không khí", not "chỉ số chỉ số …". One word repeats only if it heads a name:
    "hành vi VPHC" keeps both "vi"."""
    words = spoken.split()
    for size in range(min(3, len(words) - 1, len(before)), 0, -1):
        if [w.lower() for w in before[-size:]] == [w.lower() for w in words[:size]]:
            if size == 1 and not _heads_a_name(before):
                return spoken  # "hành vi VPHC": the "vi" of "vi phạm" belongs
            return " ".join(words[size:])
    return spoken


def _heads_a_name(before: list[str]) -> bool:
    """The word just said starts a name: a head noun (Sở, Bộ, Khu …), capitalised ("Bụi
    TSP"), or the first word."""
    word = before[-1]
    return word.lower() in ECHO_HEADS or word[:1].isupper() or len(before) == 1


def has_vowel(token: str) -> bool:
    base = unicodedata.normalize("NFD", token.lower())
    return any(ch in _VOWELS for ch in base) or any(
        ch in _VOWELS for ch in unicodedata.normalize("NFC", token.lower()))


def spell_letters(token: str) -> str:
    """Letter by letter with Vietnamese letter names: "FPT" -> "ép pê tê"."""
    return " ".join(LETTER_NAMES.get(ch, ch) for ch in token.lower())


class Abbreviations:
    """The token pass for one lexicon: tables built once, read_tokens called per text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.standalone = lexicon.standalone()
        self.dotted = set(lexicon.by_kind["title"]) | set(lexicon.by_kind["city"])
        self.cities_lower = {k.lower() for k in lexicon.by_kind["city"]}
        # Case-insensitive readings: cities (TP, Tp, tp) and every lower-case entry (km, v/v),
        # so "KM" or "kM" cannot turn into a listed "km" once the output is lower-cased.
        self.folded = {**{k: v for k, v in self.standalone.items() if k == k.lower()},
                       **{k.lower(): v for k, v in lexicon.by_kind["city"].items()}}

    def read_tokens(self, text: str) -> str:
        """Abbreviations, titles, cities, units and unknown acronyms, token by token."""
        standalone, folded = self.standalone, self.folded
        text = read_addresses(text)
        out = []
        words = text.split(" ")
        for index, word in enumerate(words):
            if word.isalpha():  # the common case, without a regex call
                spoken = standalone.get(word) or folded.get(word if word.islower()
                                                            else word.lower())
                if spoken:
                    word = spaced(without_echo(spoken, " ".join(out[-3:]).split()[-3:]))
                elif is_acronym(word):
                    word = spaced(spell_letters(word))
            elif word:
                following = next((w for w in words[index + 1:index + 4] if w), "")
                word = _TOKEN.sub(lambda m: self._read_token(m, following), word)
            out.append(word)
        return " ".join(out)

    def lookup(self, token: str) -> str | None:
        spoken = self.standalone.get(token)
        if spoken is None:
            spoken = self.folded.get(token.lower())
        return spoken

    def _read_token(self, m: re.Match, following: str = "") -> str:
        token, dot = m.group(0), m.group(1)
        if dot:
            token = token[:-1]
        spoken = self.lookup(token)
        if spoken is None:
            if token.isalpha():
                # A plain word (the common case) is left alone; only an acronym is spelled
                # ("FPT", "(EU)").
                if is_acronym(token):
                    return spaced(spell_letters(token)) + (dot or "")
                return m.group(0)
            if len(token) > 200:
                return m.group(0)
            spoken = self._read_compound(token)
            if spoken == token:
                return m.group(0)
            last = re.split(r"[./-]", token)[-1]
        else:
            last = token
        return spaced(spoken) + self._dot_after(m, last, dot, following)

    def _dot_after(self, m: re.Match, last: str, dot: str | None, following: str) -> str:
        """Keep a dot after an abbreviation only where it ends the sentence."""
        if not dot or last in self.dotted or last.lower() in self.cities_lower:
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
        for index, piece in enumerate(pieces):
            if piece in (".", "/", "-"):
                out.append(" " if (eat_dot and piece == ".") else piece)
                eat_dot = False
                continue
            if pieces[index + 1:index + 2] == ["-"] and pieces[index + 2][:1].isdigit() \
                    and is_acronym(piece) and self.lookup(piece) is None:
                # A model name "MIG-21": the capitals read as they would alone (spelled).
                out.append(spell_letters(piece))
                continue
            out.append(self._read_word(piece))
            eat_dot = piece in self.dotted or piece.lower() in self.cities_lower
        return "".join(out)

    def _read_word(self, word: str) -> str:
        """A token without separators: known, mixed letters and digits, or an unknown acronym.
        The result is not padded, so "PM2.5" stays "pê em 2.5" for the number pass."""
        spoken = self.lookup(word)
        if spoken is not None:
            return spoken
        if _SYMBOL_IN_WORD.search(word):
            # "°KM", "KM&", "&TP", "_TP": each side read on its own, or the symbol's word would
            # leave "km" or "tp" for a second pass to expand (the output must be stable).
            return "".join(piece if _SYMBOL_IN_WORD.fullmatch(piece) or not piece
                           else self._read_word(piece)
                           for piece in _SYMBOL_IN_WORD.split(word))
        if any(ch.isdigit() for ch in word):
            return " ".join(run if run[0].isdigit() else self._read_letters(run)
                            for run in _ALNUM_RUNS.findall(word))
        return self._read_letters(word)

    def _read_letters(self, word: str) -> str:
        spoken = self.lookup(word)
        if spoken is not None:
            return spoken
        if word.isalpha() and len(word) <= 8 and word.upper() == word \
                and any(ch.isupper() for ch in word) and not has_vowel(word):
            return spell_letters(word)
        return word
