"""Abbreviations an article defines itself: "xử lý nước thải (XLNT)" on first use.

`find_definitions(texts)` scans an article's sentences for an expansion followed by its
abbreviation in parentheses, where the abbreviation's letters are the initials of the words
before it (small words such as "và", "của" may be skipped). The article is then read with
those definitions everywhere (`Normalizer.for_article`); the lexicon is not changed, and an
abbreviation the lexicon already knows keeps the lexicon's (the editors') reading.
Pure and cheap: one regular expression over the text, and nothing at all when no "(" holds
capitals.
"""
from __future__ import annotations

import re
from typing import Iterable

# "(XLNT)", "(KCN)", "(TN&MT)": two to eight capitals, & allowed, digits not.
_DEFINED = re.compile(r"\(\s*([A-ZĐ][A-ZĐ&]{1,7})\s*\)")
_WORD = re.compile(r"[^\W\d_]+")
# Words an expansion may contain without a letter in the abbreviation.
SKIPPABLE = frozenset("và của các về cho với trong trên tại".split())
MAX_WORDS = 14


def find_definitions(texts: Iterable[str]) -> dict[str, str]:
    """Abbreviation -> the words it stands for (lower case), first definition wins."""
    found: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINED.finditer(text):
            abbr = m.group(1)
            if abbr in found:
                continue
            words = _WORD.findall(text[max(0, m.start() - 200):m.start()])[-MAX_WORDS:]
            expansion = _expansion(abbr, words)
            if expansion:
                found[abbr] = expansion
    return found


def _initial(word: str) -> str:
    return word[0].upper()


def _expansion(abbr: str, words: list[str]) -> str | None:
    """The last words before the parenthesis whose initials spell `abbr`, or None."""
    letters = [ch for ch in abbr if ch != "&"]
    taken: list[str] = []
    i = len(words) - 1
    j = len(letters) - 1
    while j >= 0 and i >= 0:
        word = words[i]
        if _initial(word) == letters[j]:
            taken.append(word)
            j -= 1
        elif word.lower() in SKIPPABLE and taken:
            taken.append(word)
        else:
            return None
        i -= 1
    if j >= 0:
        return None
    return " ".join(reversed(taken)).lower()


def with_definitions(definitions: dict[str, str], known: Iterable[str] = ()):
    """A text -> text rewrite saying each defined abbreviation (not in `known`) in full, or
    None when there is nothing to rewrite. A document number keeps its codes ("12/KH-XLNT"
    is the lexicon's business)."""
    known = set(known)
    table = {abbr: words for abbr, words in definitions.items() if abbr not in known}
    if not table:
        return None
    alternation = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&/-])(?:{alternation})(?![\w&/-])")
    return lambda text: pattern.sub(lambda m: table[m.group()], text)


# "(XLNT)" right after the words it abbreviates, or "(xử lý nước thải)" once an article's
# definition was put in: the parenthesis says again what was just said.
_PAREN = re.compile(r"\s?\(\s?([^()\d]{2,60}?)\s?\)")


def drop_restated(text: str, readings: dict[str, str]) -> str:
    """Drop an abbreviation in parentheses right after its own expansion: "nông thôn mới
    (NTM)" is said "nông thôn mới" once. It is its expansion when its letters are the
    initials of the words before (as in find_definitions) or when its reading (`readings`,
    the lexicon's) is those words; a parenthesis repeating the words before is dropped too.
    Any other parenthesis is read: "Liên minh châu Âu (EU)" -> "… (ê u)"."""
    if "(" not in text:
        return text
    return _PAREN.sub(lambda m: "" if _restates(m, readings) else m.group(0), text)


def _restates(m: re.Match, readings: dict[str, str]) -> bool:
    inside = m.group(1)
    words = _WORD.findall(m.string[max(0, m.start() - 200):m.start()])
    if not words:
        return False
    if _DEFINED.fullmatch(f"({inside})"):
        if _expansion(inside, words[-MAX_WORDS:]):
            return True
        spoken = readings.get(inside)
        if spoken is None:
            return False
        said = spoken.split()
    else:
        said = _WORD.findall(inside)
        if len(said) < 2 or len(said) != len(inside.split()):
            return False
    return len(said) <= len(words) and [w.lower() for w in words[-len(said):]] == \
        [w.lower() for w in said]
