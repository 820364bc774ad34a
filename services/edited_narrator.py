"""The narrator, reading with the editors' lexicon rows merged over the bundled lexicon.

Editors add readings in Redis (cache/lexicon_edits.py); every process (web, workers) must
read with the same table, or a reader's on-demand request would render (and overwrite) the
narration an editor prepared with the old readings. Before each use the narrator takes the
current table (re-read at most every `refresh_s`): its normalizer and normalizer version,
which is part of every fingerprint and audio key, so only sentences an edit changes get new
audio.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, fields
from typing import Any

from cache.lexicon_edits import LexiconEdits
from services.narration import Narrator


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
            normalizer = Normalizer(DEFAULT_LEXICON.merged(rows))
            if len(_normalizers) > 8:  # a few tables at most: editors change it rarely
                _normalizers.clear()
            _normalizers[key] = normalizer
        return normalizer


_normalizers: dict[tuple, Any] = {}
_normalizers_lock = threading.Lock()


@dataclass
class EditedNarrator(Narrator):
    edits: LexiconEdits | None = None
    refresh_s: float = 2.0
    _synced_at: float = field(default=-1e9, init=False)
    _sync_lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    @classmethod
    def wrap(cls, narrator: Narrator, edits: LexiconEdits, refresh_s: float = 2.0) -> "EditedNarrator":
        values = {f.name: getattr(narrator, f.name) for f in fields(narrator) if f.init}
        return cls(**values, edits=edits, refresh_s=refresh_s)

    def sync_lexicon(self, *, now: bool = False) -> None:
        """Take the editors' current table (at most every refresh_s unless `now`)."""
        if self.edits is None:
            return
        with self._sync_lock:
            if not now and time.monotonic() - self._synced_at < self.refresh_s:
                return
            normalizer = normalizer_with_edits(self.edits.entries())
            self.normalize = normalizer.normalize
            self.normalizer_version = normalizer.version
            self._synced_at = time.monotonic()

    def request(self, article, **options) -> dict:
        self.sync_lexicon()
        return super().request(article, **options)

    def render_now(self, article, **options) -> dict:
        self.sync_lexicon(now=True)  # jobs: always the table as it is now
        return super().render_now(article, **options)


def follow_lexicon_edits(app: Any) -> None:
    """Replace the app's narrator by one that reads with the editors' lexicon."""
    narrator = app.extensions.get("narrator")
    if narrator is None or isinstance(narrator, EditedNarrator):
        return
    edits = LexiconEdits(app.extensions["redis"], app.extensions["keys"])
    app.extensions["narrator"] = EditedNarrator.wrap(narrator, edits)
