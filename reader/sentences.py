"""Sentences and chunks: where the voice may stop.

`split_sentences` cuts displayed text into sentences (not fooled by "TP.", "TS.", "18.880",
"28.6.2022", "32/KH-UBND", "v.v." or quotes). `chunk_text` cuts a long spoken sentence to an
engine's `max_chars` at natural boundaries. `plan_speech` does both and keeps, for every spoken
chunk, the index of the displayed sentence it came from (so the page highlights what is said).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

# Abbreviations whose dot is not a full stop (compared lower-cased, without the dot).
NO_STOP_BEFORE = frozenset("""
tp tx tt q p ts ths th.s gs pgs gs.ts pgs.ts ks bs ls ncs tskh kts đ/c đc ông bà tr
st sđt đt số no mr mrs ms dr st
""".split())
_BOUNDARY = re.compile(r"(\.{3}|…|[.!?]+)([\"”’»)\]]*)(\s+)")
_NEXT_START = re.compile(r"[\"“‘«(\[]*([^\W_]|-)")
_NEWLINES = re.compile(r"\s*\n\s*")

CLAUSE_MARKS = ",;:"
# Words a long sentence may be cut before: conjunctions and a few common prepositions.
CONJUNCTIONS = ("và", "nhưng", "hoặc", "hay", "để", "của", "mà", "thì", "nên", "vì", "với",
                "theo", "tại", "trong", "cho", "từ", "đến", "khi", "nhằm", "đồng thời", "về")
_BEFORE_CONJUNCTION = re.compile(
    r" (?=(?:" + "|".join(re.escape(w) for w in CONJUNCTIONS) + r")(?: |$))")
# Number words: a space between two of them is a bad place to stop ("ba trăm | năm mươi").
NUMBER_WORDS = frozenset("""
không một hai ba bốn năm sáu bảy tám chín mười mươi mốt tư lăm linh lẻ trăm nghìn ngàn
triệu tỷ phẩy chấm trên
""".split())
# Words that lead into a number ("tháng | hai" would break a date).
NUMBER_LEADS = frozenset("ngày tháng năm số giờ phút quý khóa điều khoản".split())


def split_sentences(text: str) -> list[str]:
    """Displayed text -> its sentences, in order, whitespace squeezed, none empty."""
    sentences: list[str] = []
    for paragraph in _NEWLINES.split(text.strip()):
        sentences += _split_paragraph(paragraph)
    return sentences


def _split_paragraph(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        punct = m.group(1)
        following = _NEXT_START.match(text, m.end())
        if not following:
            continue
        first = following.group(1)
        if not (first.isupper() or first.isdigit() or first == "-"):
            continue  # "..." or "v.v." followed by lower case: the sentence goes on
        if punct == ".":
            space = max(text.rfind(" ", start, m.start()), start - 1)
            token = text[space + 1:m.start()].lstrip("\"“‘«([").lower()
            if token in NO_STOP_BEFORE or _is_initial(token):
                continue
        end = m.end() - len(m.group(3))
        piece = " ".join(text[start:end].split())
        if piece:
            out.append(piece)
        start = m.end()
    tail = " ".join(text[start:].split())
    if tail:
        out.append(tail)
    return out


def _is_initial(token: str) -> bool:
    """"A." in "Nguyễn Văn A." or "v." in "v.v." is not the end of a sentence."""
    return len(token) == 1 and token.isalpha()


def chunk_text(text: str, max_chars: int) -> list[str]:
    """Cut text into pieces of at most max_chars at the most natural place.

    Preference: after clause punctuation, then before a conjunction, then at a space not
    inside a spoken number, then any space. A single word longer than max_chars is its own
    chunk (a word is never cut).
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    text = " ".join(text.split())
    chunks: list[str] = []
    while len(text) > max_chars:
        cut = _best_cut(text, max_chars)
        head, text = text[:cut].strip(), text[cut:].strip()
        if head:
            chunks.append(head)
    if text:
        chunks.append(text)
    return chunks


def _best_cut(text: str, max_chars: int) -> int:
    """Index of the space to cut at (the chunk is text[:cut])."""
    window = text[:max_chars + 1]  # a space right after max_chars is still a clean cut
    floor = max_chars // 3  # avoid tiny leading chunks when a better place exists
    last_space = window.rfind(" ")
    if last_space <= 0:
        nxt = text.find(" ", max_chars)
        return nxt if nxt != -1 else len(text)  # one long word: keep it whole
    clause = max(window.rfind(mark + " ") for mark in CLAUSE_MARKS)
    if clause + 1 > floor:
        return clause + 1
    conjunction = -1
    for m in _BEFORE_CONJUNCTION.finditer(window):
        conjunction = m.start()
    if conjunction > floor:
        return conjunction
    space = last_space
    while space > floor:
        if not _inside_number(text, space):
            return space
        space = window.rfind(" ", 0, space)
    return last_space


def _inside_number(text: str, space: int) -> bool:
    left = text.rfind(" ", 0, space)
    right = text.find(" ", space + 1)
    before = text[left + 1:space].lower()
    after = text[space + 1:right if right != -1 else len(text)].lower()
    return after in NUMBER_WORDS and (before in NUMBER_WORDS or before in NUMBER_LEADS)


@dataclass(frozen=True)
class SpokenChunk:
    sentence_index: int  # index in the list given to plan_speech
    displayed: str  # the sentence as shown
    spoken: str  # what the voice says (a piece of the normalized sentence)


def plan_speech(sentences: Iterable[str], normalize: Callable[[str], str],
                max_chars: int) -> list[SpokenChunk]:
    """Normalize each displayed sentence and cut it for the engine, keeping the link back.

    A sentence with nothing to say (only symbols) yields no chunk.
    """
    plan: list[SpokenChunk] = []
    for index, sentence in enumerate(sentences):
        spoken = normalize(sentence)
        for chunk in chunk_text(spoken, max_chars):
            plan.append(SpokenChunk(index, sentence, chunk))
    return plan
