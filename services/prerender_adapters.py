"""How pre-rendering calls the other rooms: the scraper (get_article, crawl_listing), the
narration service (Narrator.render_now) and the normalizer with the editors' lexicon.

Kept thin and in one file, so services/prerender.py stays plain functions over callables.
"""
from __future__ import annotations

from typing import Any, Callable

from cache.lexicon_edits import LexiconEdits
from services.prerender import JobContext, NarrationResult


def attach(ctx: JobContext, app: Any) -> None:
    """Fill `ctx` with the real collaborators from the app's clients."""
    from scraper.listing import crawl_listing
    from services.articles import get_article

    ext = app.extensions
    fetcher, store = ext["fetcher"], ext["article_store"]

    ctx.load_article = lambda url, refresh: get_article(url, fetcher=fetcher, store=store,
                                                       force=refresh)
    ctx.crawl = lambda url, max_pages, deadline_s: crawl_listing(
        fetcher, url, max_pages=max_pages, deadline_s=deadline_s)
    narrator = ext["narrator"]  # reads with the editors' lexicon (services.edited_narrator)
    ctx.narrate = lambda article, force=False, progress=None: narrate_article(
        narrator, article, progress=progress)
    ctx.narration_ready = lambda narration_id, article: narration_ready(
        narrator, narration_id, article)
    ctx.normalizer_version = lambda: _current_version(narrator)


def _current_version(narrator) -> str:
    return narrator.reading(fresh=True).version


# -- narration ------------------------------------------------------------------------------
def narration_ready(narrator, narration_id: str, article: Any) -> bool:
    """Is the finished, editor-kept narration of this very article still stored?"""
    reading = narrator.reading(fresh=True)  # the editors' table as it is now
    record = narrator.records.get(narration_id)
    return bool(record and record.get("kept")
                and narrator.is_fresh(record, narrator.fingerprint(article, reading)))


def narrate_article(narrator, article: Any, *,
                    progress: Callable[[str, int, int], None] | None = None) -> NarrationResult:
    """Render the whole narration now and keep it (no TTL). The narrator lets go of the
    audio the previous version used and this one does not (Narrator._render). Progress is
    segments rendered of segments planned, told by the narrator as it goes."""
    report = progress or (lambda stage, done, total: None)
    record = narrator.render_now(
        article, keep=True, on_segments=lambda done, planned: report("narrating", done, planned))
    total = int(record.get("total_segments") or 0)
    report("narrating", total, total)
    return NarrationResult(
        narration_id=record["id"], audio_bytes=int(record["audio_bytes"]),
        duration_ms=int(record.get("duration_ms") or 0), engine=record.get("engine", ""),
        voice=record.get("voice", ""), normalizer_version=record.get("normalizer_version", ""))


# -- the lexicon preview ----------------------------------------------------------------------
def check_entry(term: str, reading: str) -> tuple[str, str]:
    """The row as the lexicon accepts it (NFC, lower-case reading); LexiconError if not."""
    from reader.lexicon import parse_entry
    entry = parse_entry("abbr", term, reading, "editor")
    return entry.written, entry.spoken


def speak_with_entry(app: Any, term: str, reading: str) -> tuple[str, bytes]:
    """How `term` is read with this entry merged in, and the offline voice saying it."""
    ext = app.extensions
    from services.edited_narrator import normalizer_with_edits
    term, reading = check_entry(term, reading)
    entries = LexiconEdits(ext["redis"], ext["keys"]).entries()
    entries[term] = reading
    normalizer = normalizer_with_edits(entries)
    spoken = normalizer.normalize(term)
    engine = ext["engines"]["offline"]
    return spoken, engine.synthesize(spoken)
