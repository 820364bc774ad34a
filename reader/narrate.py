"""Article → sentences → spoken chunks → audio per chunk → segments with exact timings.

A segment is one chunk of one sentence (a sentence longer than the voice's limit becomes
several). Its audio is addressed by (engine, voice, rate, spoken text), so a sentence already
rendered anywhere, under any version of the readings, is never rendered again. Chunks render in the engine's
own pool (gTTS: many at once); progress is reported as each one lands, in reading order.
"""
from __future__ import annotations

import hashlib
import threading
import time
from concurrent.futures import Future
from dataclasses import asdict, dataclass
from typing import Callable, Protocol

from reader import mp3
from reader.engines.base import Engine, EngineError, chain_of, run_for


class AudioShelf(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes, *, keep: bool = False) -> None: ...


@dataclass(frozen=True)
class SegmentPlan:
    index: int  # segment number, reading order
    sentence: int  # global sentence id (the page shows the same ids)
    block: int
    kind: str  # title | lead | paragraph | caption
    text: str  # the sentence as displayed
    spoken: str  # what the voice says for this segment (normalized, one chunk)


@dataclass(frozen=True)
class RenderedSegment:
    index: int
    key: str  # audio key (content address)
    engine: str  # the voice that made it
    samples: int
    sample_rate_hz: int
    nbytes: int


def audio_key(engine: str, voice: str, rate: str, spoken: str) -> str:
    """Content address of one chunk's audio: what is said, by which voice at which speed.
    The normalizer's version is not part of it: a change of reading gives new spoken text
    where it changes something, and every other sentence keeps its audio (never rendered
    twice). Narrations still follow the version through their fingerprint."""
    blob = "\x1f".join([engine, voice, rate, spoken]).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:40]


def plan_segments(article, *, max_chars: int,
                  normalize: Callable[[str], str] | None = None) -> list[SegmentPlan]:
    """Every segment to speak, in reading order (title, lead, paragraphs, captions)."""
    from reader.blocks import article_sentences
    from reader.sentences import chunk_text
    if normalize is None:
        from reader.normalize import normalize
    refs = article_sentences(article)
    # A normalizer that reads per article (Normalizer.for_article: abbreviations the article
    # defines itself) is given the whole article first; a plain str -> str is used as it is.
    for_article = getattr(normalize, "for_article", None)
    if for_article is not None:
        normalize = for_article([ref.text for ref in refs])
    plans: list[SegmentPlan] = []
    for ref in refs:
        spoken = normalize(ref.text).strip()
        if not spoken:
            continue
        for chunk in chunk_text(spoken, max_chars):
            chunk = chunk.strip()
            if chunk:
                plans.append(SegmentPlan(len(plans), ref.index, ref.block, ref.kind, ref.text,
                                         chunk))
    return plans


def article_audio_key(narration_id: str, fingerprint: str, artist: str,
                      segment_keys: list[str]) -> str:
    """Content address of a whole-article MP3: its segments and its tags."""
    blob = "\x1f".join(["article", narration_id, fingerprint, artist, ",".join(segment_keys)])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:40]


def render_segment(plan: SegmentPlan, engines: list[Engine], store: AudioShelf,
                   keep: bool = False) -> tuple[RenderedSegment, bytes]:
    """Audio for one segment: from the cache, else from the first voice that manages it."""
    last: EngineError | None = None
    for engine in engines:
        key = audio_key(engine.name, engine.voice, engine.rate, plan.spoken)
        data = store.get(key)
        if data is None:
            try:
                data = engine.synthesize(plan.spoken)
            except EngineError as exc:
                last = exc
                continue
            info = mp3.parse_mp3(data)  # engines check too; never store what is not audio
            store.put(key, data, keep=keep)
        else:
            info = mp3.parse_mp3(data)
            if keep:  # editors prepared it: move it to the shelf that is never evicted
                store.put(key, data, keep=True)
        return RenderedSegment(plan.index, key, engine.name, info.samples, info.sample_rate_hz,
                               len(data)), data
    raise last or EngineError("no voice available")


class SegmentTracker:
    """Collects rendered segments as they land (any order) and reports the ready prefix."""

    def __init__(self, total: int, on_progress: Callable[[list[RenderedSegment]], None]) -> None:
        self.total = total
        self._done: dict[int, tuple[RenderedSegment, bytes]] = {}
        self._ready = 0
        self._lock = threading.Lock()
        self._on_progress = on_progress
        self.error: BaseException | None = None
        self.finished = threading.Event()
        if total == 0:
            self.finished.set()

    def add(self, future: Future) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        with self._lock:
            if exc is not None:
                if self.error is None:
                    self.error = exc
                self.finished.set()
                return
            segment, data = future.result()
            self._done[segment.index] = (segment, data)
            before = self._ready
            while self._ready in self._done:
                self._ready += 1
            if self._ready > before and self.error is None:
                try:
                    self._on_progress([self._done[i][0] for i in range(self._ready)])
                except BaseException as report_exc:  # e.g. Redis gone: the render fails
                    self.error = report_exc
                    self.finished.set()
                    return
            if len(self._done) == self.total:
                self.finished.set()

    def results(self) -> list[tuple[RenderedSegment, bytes]]:
        return [self._done[i] for i in range(self.total)]


def render_segments(plans: list[SegmentPlan], engine: Engine, store: AudioShelf, *,
                    keep: bool = False,
                    on_progress: Callable[[list[RenderedSegment]], None] = lambda ready: None,
                    heartbeat: Callable[[], None] = lambda: None, heartbeat_s: float = 5.0,
                    timeout_s: float = 600.0) -> list[tuple[RenderedSegment, bytes]]:
    """Render every segment (in the engine's pool), reporting the ready prefix as it grows.

    `heartbeat` is called every `heartbeat_s` while waiting (to keep a render lock alive).
    Raises the first error; chunks not yet started are cancelled. Audio stored before the
    error stays: it is complete, content-addressed and will be reused.
    """
    tracker = SegmentTracker(len(plans), on_progress)
    engines = chain_of(engine)
    futures: list[Future] = []
    for plan in plans:
        if tracker.error is not None:
            break
        future = run_for(engine, render_segment, plan, engines, store, keep,
                         priority=plan.index)
        futures.append(future)
        future.add_done_callback(tracker.add)
    deadline = time.monotonic() + timeout_s
    while not tracker.finished.wait(heartbeat_s):
        if time.monotonic() > deadline:
            tracker.error = tracker.error or EngineError(f"render took over {timeout_s} s")
            break
        try:
            heartbeat()
        except BaseException as exc:  # e.g. the lock was lost: stop
            tracker.error = tracker.error or exc
            break
    if tracker.error is not None:
        for future in futures:
            future.cancel()
        raise tracker.error
    return tracker.results()


def segment_timings(segments: list[RenderedSegment]) -> list[tuple[int, int]]:
    """(start_ms, end_ms) of each segment in the joined MP3, from sample counts (no drift)."""
    timings = []
    samples = 0
    for segment in segments:
        start = round(samples * 1000 / segment.sample_rate_hz)
        samples += segment.samples
        timings.append((start, round(samples * 1000 / segment.sample_rate_hz)))
    return timings


def segment_dicts(plans: list[SegmentPlan], segments: list[RenderedSegment]) -> list[dict]:
    """The record's segment list for the ready prefix (audio keys, not URLs: web adds those)."""
    out = []
    for plan, segment, (start_ms, end_ms) in zip(plans, segments, segment_timings(segments)):
        item = asdict(plan)
        item.update(audio_key=segment.key, engine=segment.engine, start_ms=start_ms,
                    end_ms=end_ms)
        out.append(item)
    return out
