"""Document numbers and standards: "32/KH-UBND", "357/2025/NĐ-CP", "QCVN 05:2023/BTNMT".

The number and year are read as numbers, the type code (QĐ, KH …) and the issuer (UBND,
TCMT …) from the lexicon, the editors' rows included (Lexicon.with_edits): the issuer is the
informative part of a symbol. A Party symbol ("09-NQ/ĐH") reads its issuer from the `party`
rows first, so ĐH there is "đại hội" and elsewhere "đại học". An unknown code is spelled.
"""
from __future__ import annotations

import re

from reader.abbreviations import spell_letters
from reader.lexicon import Lexicon
from reader.numbers import read_int, spaced

_DIGIT = re.compile(r"\d")
TYPE_FIRST = ("doctype", "issuer", "abbr")
ISSUER_FIRST = ("issuer", "abbr", "doctype")
PARTY_ISSUER = ("party", "issuer", "abbr", "doctype")
_CODE_PART = r"[A-ZĐ][A-Za-zĐđƯư&]{0,15}\d{0,3}"
_SYMBOL = re.compile(
    rf"(?<![\w/.,])(\d{{1,6}}[a-z]?)(?:/(\d{{4}}))?/({_CODE_PART}(?:[-/]{_CODE_PART}){{0,5}})(?![\w&])")
# Standards: "QCVN 05:2023/BTNMT", "TCVN 5937:2005", "ISO 14001:2015".
_STANDARD = re.compile(
    r"\b(QCVN|TCVN|QCĐP|ISO)\s*(\d{1,5})(?:-(\d{1,3}))?:(\d{4})(?:/([A-ZĐ][A-Za-zĐđ&]{0,15}))?(?![\w])")
# Party documents: "09-NQ/ĐH", "96-KH/ĐUK", "35-CT/TU", "45-HD/BTGTW" (number-type/issuer).
_PARTY_SYMBOL = re.compile(
    rf"(?<![\w/.,-])(\d{{1,6}})-([A-ZĐ][A-Za-zĐđ]{{0,5}})/({_CODE_PART}(?:[-/]{_CODE_PART}){{0,3}})(?![\w&])")
_NUMBER_YEAR = re.compile(r"(?i)(\bsố\s+)(\d{1,6})/(\d{4})(?![\d/])")


class DocumentNumbers:
    """The document-symbol pass for one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.by_kind = lexicon.by_kind
        self.standalone = lexicon.standalone()

    def read_symbols(self, text: str) -> str:
        """Document symbols: number, year, type code and issuer (expanded)."""
        if not ("/" in text or ":" in text) or not _DIGIT.search(text):
            return text
        if ":" in text:
            text = _STANDARD.sub(self._read_standard, text)
        if "-" in text:
            text = _PARTY_SYMBOL.sub(self._read_party_symbol, text)
        text = _SYMBOL.sub(self._read_symbol, text)
        return _NUMBER_YEAR.sub(
            lambda m: f"{m.group(1)}{read_int(m.group(2))} trên {read_int(m.group(3))}", text)

    def read_code(self, code: str, kinds: tuple[str, ...]) -> str:
        """One part of a symbol's code, looked up in `kinds` in order: TYPE_FIRST for the
        type, ISSUER_FIRST for the issuer(s), PARTY_ISSUER in a Party symbol."""
        for kind in kinds:
            spoken = self.by_kind[kind].get(code)
            if spoken:
                return spoken
        letters = code.rstrip("0123456789")
        if letters != code:
            return f"{self.read_code(letters, kinds)} {read_int(code[len(letters):])}"
        if "&" in code:
            return " và ".join(self.read_code(p, kinds) for p in code.split("&") if p)
        spoken = self.standalone.get(code)
        return spoken or spell_letters(code)

    def _read_standard(self, m: re.Match) -> str:
        code, number, part, year, issuer = m.groups()
        words = [self.read_code(code, TYPE_FIRST), read_int(number)]
        if part:
            words += ["phần", read_int(part)]
        words += ["năm", read_int(year)]
        if issuer:
            words += ["trên", self.read_code(issuer, ISSUER_FIRST)]
        return spaced(" ".join(words))

    def _read_symbol(self, m: re.Match) -> str:
        number, year, codes = m.group(1), m.group(2), m.group(3)
        digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
        words = [read_int(digits)]
        if digits != number:
            words.append(spell_letters(number[len(digits):]))
        if year:
            words += ["trên", read_int(year)]
        words.append("trên")
        words += self._read_codes(codes, TYPE_FIRST, ISSUER_FIRST)
        return spaced(" ".join(words))

    def _read_party_symbol(self, m: re.Match) -> str:
        number, doctype, codes = m.groups()
        words = [read_int(number), self.read_code(doctype, TYPE_FIRST), "trên"]
        words += self._read_codes(codes, PARTY_ISSUER, PARTY_ISSUER)
        return spaced(" ".join(words))

    def _read_codes(self, codes: str, first_kinds: tuple[str, ...],
                    then_kinds: tuple[str, ...]) -> list[str]:
        words: list[str] = []
        parts = [p for p in re.split(r"[-/]", codes) if p]
        i = 0
        while i < len(parts):
            # Longest known run first: "BCT-TW" is one issuer (Bộ Chính trị), not two.
            for j in range(len(parts), i + 1, -1):
                joined = "-".join(parts[i:j])
                if any(joined in self.by_kind[k] for k in then_kinds):
                    words.append(self.read_code(joined, first_kinds if i == 0 else then_kinds))
                    i = j
                    break
            else:
                words.append(self.read_code(parts[i], first_kinds if i == 0 else then_kinds))
                i += 1
        return words
