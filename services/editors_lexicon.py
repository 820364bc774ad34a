"""The editors' lexicon: reading with their rows merged over the bundled lexicon, and the
editor page's preview of one row.

Editors add readings in Redis (cache/lexicon_edits.py); every process (web, workers) must
read with the same table, or a reader's on-demand request would render (and overwrite) the
narration an editor prepared with the old readings. The narrator asks `EditorsReading` for
the current Reading once per request (the table is re-read at most every `refresh_s`, or at
once with fresh=True): its normalizer and version, which is part of every fingerprint and
audio key, so only sentences an edit changes get new audio.
"""
from __future__ import annotations

import threading
import time
from typing import Any

from cache.lexicon_edits import LexiconEdits
from reader.engines.base import Engine
from services.narration import Reading


def normalizer_with_edits(entries: dict[str, str]):
    """The bundled lexicon with the editors' rows merged over it (cached per table)."""
    from reader.lexicon import parse_entry
    from reader.normalize import DEFAULT_LEXICON, DEFAULT_NORMALIZER, Normalizer

    if not entries:
        return DEFAULT_NORMALIZER
    key = tuple(sorted(entries.items()))
    with _normalizers_lock:
        normalizer = _normalizers.get(key)
        if normalizer is None:
            rows = [parse_entry("abbr", term, reading, "editor") for term, reading in key]
            normalizer = Normalizer(DEFAULT_LEXICON.with_edits(rows))
            if len(_normalizers) > 8:  # a few tables at most: editors change it rarely
                _normalizers.clear()
            _normalizers[key] = normalizer
        return normalizer


_normalizers: dict[tuple, Any] = {}
_normalizers_lock = threading.Lock()


class EditorsReading:
    """A Narrator.reading_source: the editors' table as it is now (cached for refresh_s)."""

    def __init__(self, edits: LexiconEdits, refresh_s: float = 2.0) -> None:
        self.edits = edits
        self.refresh_s = refresh_s
        self._current: Reading | None = None
        self._read_at = -1e9
        self._lock = threading.Lock()

    def __call__(self, fresh: bool = False) -> Reading:
        with self._lock:
            if fresh or self._current is None or time.monotonic() - self._read_at >= self.refresh_s:
                normalizer = normalizer_with_edits(self.edits.entries())
                # The Normalizer itself: callable, and it reads each article with its own
                # definitions (Normalizer.for_article, used by reader.narrate.plan_segments).
                self._current = Reading(normalizer, normalizer.version)
                self._read_at = time.monotonic()
            return self._current


def check_entry(term: str, reading: str) -> tuple[str, str]:
    """The row as the lexicon accepts it (NFC, lower-case reading); LexiconError if not."""
    from reader.lexicon import parse_entry
    entry = parse_entry("abbr", term, reading, "editor")
    return entry.written, entry.spoken


def speak_with_entry(edits: LexiconEdits, voice: Engine, term: str,
                     reading: str) -> tuple[str, bytes]:
    """How `term` is read with this row merged over the editors' table, and `voice` saying it."""
    term, reading = check_entry(term, reading)
    entries = edits.entries()
    entries[term] = reading
    spoken = normalizer_with_edits(entries).normalize(term)
    return spoken, voice.synthesize(spoken)
