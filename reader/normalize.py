"""Spoken Vietnamese: rewrite displayed text as a Vietnamese speaker reads it aloud.

`normalize(text)` runs an ordered list of pure passes (str -> str, no I/O), in the manner of
gTTS's pre-processors; each pass lives in the module named after what it reads:

  reader.characters     one spelling of every character (confusables, NFC, dashes, digits)
  reader.contacts       e-mail, URLs, phone numbers
  reader.docnumbers     document symbols and standards (32/KH-UBND, QCVN 05:2023/BTNMT)
  reader.dates          dates and times
  reader.roman          Roman numerals in context
  reader.quantities     ranges, "per" slashes, fractions, units, every number left
  reader.abbreviations  abbreviations, titles, cities, units, unknown acronyms
  reader.definitions    abbreviations an article defines itself (per article, for_article)
  and `finish` here: symbols, dashes, spacing, lower case.

The conventions are in SPOKEN-VIETNAMESE.md; the readings chosen where several are allowed
are listed in docs/spoken-vietnamese.md. Abbreviations, document codes, titles and units come
from the lexicon (data), so a new reading is a data row.

Output is lower case (so ALL-CAPS headings are not spelled) and contains no digit. Every
regular expression is linear: bounded repeats, no nested quantifiers over the same characters.
"""
from __future__ import annotations

import re
import unicodedata
from functools import partial
from typing import Callable, Iterable

from reader.abbreviations import Abbreviations
from reader.characters import prepare
from reader.contacts import read_phones, read_urls
from reader.dates import read_dates, read_times
from reader.definitions import drop_restated, find_definitions, with_definitions
from reader.docnumbers import DocumentNumbers
from reader.lexicon import Lexicon, load_lexicon
from reader.quantities import Quantities, read_ranges, read_slashes
from reader.roman import read_roman
from reader.symbols import SILENT_CHARS, SYMBOL_WORDS

CODE_VERSION = "6"  # bump when a change of code changes what is said (tests/spoken/readings.lock.tsv)

Pass = Callable[[str], str]

_NUMBER_WORD = (r"(?:không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|tư|lăm|linh|trăm|"
                r"nghìn|triệu|tỷ|giờ|phút|giây|phần trăm)")
_WORD_RANGE = re.compile(rf"\b({_NUMBER_WORD})\s+-\s+(?={_NUMBER_WORD}\b)")
# A spaced dash is punctuation (a pause), and so is one glued to a closing quote or parenthesis
# ("tốt hơn"- TS …", "(NLĐO)- …"); one glued to a word stays silent ("COVID -19").
_CLEAN_SPACED_DASH = re.compile(r"\s+-+\s+|(?<=[\"”’')])-+\s+|^\s*-+\s*|\s*-+\s*$", re.M)
# A single quote that is not an apostrophe inside a word: "'năm sao'", "‘tải’" are silent.
_QUOTE = re.compile(r"(?<![^\W\d_])['‘’]|['‘’](?![^\W\d_])")
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


class Normalizer:
    """The passes, compiled once for one lexicon. `.version` changes when code or lexicon does."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.version = f"{CODE_VERSION}.{lexicon.digest()}"
        self.abbreviations = Abbreviations(lexicon)
        self.documents = DocumentNumbers(lexicon)
        self.quantities = Quantities(lexicon)
        self.passes: list[Pass] = [
            prepare, partial(drop_restated, readings=self.abbreviations.standalone),
            read_urls, read_phones, self.documents.read_symbols, read_dates,
            read_times, read_roman, read_ranges, self.abbreviations.read_tokens,
            read_slashes, self.quantities.read_numbers, finish,
        ]

    def normalize(self, text: str) -> str:
        """Displayed text -> spoken text (lower case, no digits, one line)."""
        for step in self.passes:
            text = step(text)
        return text

    __call__ = normalize

    def for_article(self, texts: Iterable[str]) -> Callable[[str], str]:
        """`normalize` for the sentences of one article: abbreviations the article defines
        ("xử lý nước thải (XLNT)") and the lexicon does not know are read with the article's
        definition everywhere in it (reader.definitions)."""
        rewrite = with_definitions(find_definitions(texts), self.abbreviations.standalone)
        if rewrite is None:
            return self.normalize
        return lambda text: self.normalize(rewrite(text))


def finish(text: str) -> str:
    """Symbols to words, silent dashes and slashes, lower case, one line of tidy spacing."""
    if "-" in text:
        # "7h - 11h30" is now "bảy giờ - mười một giờ …": still a range.
        text = _WORD_RANGE.sub(r"\1 đến ", text)
        text = _CLEAN_SPACED_DASH.sub(", ", text)
        text = _CLEAN_WORD_DASH.sub(" ", text)
        text = text.replace("-", " ")
    if "'" in text or "‘" in text or "’" in text:
        text = _QUOTE.sub(" ", text)
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


DEFAULT_LEXICON = load_lexicon()
DEFAULT_NORMALIZER = Normalizer(DEFAULT_LEXICON)
NORMALIZER_VERSION = DEFAULT_NORMALIZER.version


def normalize(text: str) -> str:
    """Displayed Vietnamese -> what the voice is given, with the bundled lexicon."""
    return DEFAULT_NORMALIZER.normalize(text)


# reader.narrate.plan_segments asks a normalize callable for its per-article reading.
normalize.for_article = DEFAULT_NORMALIZER.for_article  # type: ignore[attr-defined]
