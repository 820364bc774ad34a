"""Narrations on request: render once (single flight), answer at the first segment.

`Narrator.request(article)` returns the narration record as soon as one segment can play;
the rest renders in the background (a bounded pool in this process) while clients poll.
Any number of requests, in any number of processes, for one narration render it once: a
Redis lock elects the renderer, the others wait on the progress record it writes. The
finished record is written last, only when every segment and the whole-article MP3 are
stored; a failed or interrupted render leaves no narration behind.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import redis

from cache.audio import AudioStore
from cache.hot import RecentValues
from cache.keys import url_digest
from cache.locks import RedisLock, RedisSemaphore
from cache.narrations import NarrationStore
from errors import BusyError, ServiceError
from reader import mp3
from reader.engines.base import Engine
from reader.narrate import (RenderedSegment, SegmentPlan, article_audio_key, plan_segments,
                            render_segments, segment_dicts)

log = logging.getLogger("docnd.narration")


class NarrationFailedError(ServiceError):
    status = 503
    code = "narration_failed"
    message_vi = ("Chưa tạo được bản đọc cho bài viết này. Xin vui lòng thử lại sau ít phút.")
    message_en = "The narration of this article could not be made. Please try again shortly."


class EmptyArticleError(ServiceError):
    status = 422
    code = "nothing_to_read"
    message_vi = "Bài viết không có nội dung để đọc."
    message_en = "The article has no text to read."


def narration_id(url: str) -> str:
    """Stable per article URL: the whole-article MP3 URL does not change when re-rendered."""
    return url_digest(url)


def record_audio_keys(record: dict) -> set[str]:
    """Every audio key a narration record uses: its segments and the whole MP3."""
    keys = {s.get("audio_key") for s in record.get("segments", [])}
    keys.add(record.get("audio_key"))
    return {k for k in keys if k}


@dataclass(frozen=True)
class Reading:
    """How text is read for one narration: the normalizer and its version (part of every
    audio key and fingerprint). Taken once per request, so a lexicon edit made meanwhile
    can never mix two readings inside one narration."""
    normalize: Callable[[str], str] | None
    version: str


@dataclass
class Narrator:
    """Everything a narration needs, built once (services/container.py, Services.narrator)."""
    engine: Engine
    audio: AudioStore
    records: NarrationStore
    lock_factory: Callable[[str], RedisLock]
    pool: ThreadPoolExecutor
    normalizer_version: str
    artist: str = ""
    normalize: Callable[[str], str] | None = None
    max_pending: int = 16  # renders queued in this process before we answer "busy"
    render_slots: RedisSemaphore | None = None  # global cap across every process
    recent_records: RecentValues | None = None  # whole-article lookups, a few seconds old
    # The current Reading (e.g. with the editors' lexicon rows); `fresh=True` skips any
    # cache it keeps. Without one: `normalize` and `normalizer_version` above.
    reading_source: Callable[..., Reading] | None = None
    slot_wait_s: float = 5.0  # bounded wait for a free slot, then 503 with Retry-After
    first_wait_s: float = 30.0  # longest a request waits for the first segment
    poll_interval_s: float = 0.02
    _pending: int = field(default=0, init=False)
    _pending_lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    # Renders of this process: set when their progress moves, so a request waiting for the
    # first segment wakes as it lands instead of at its next poll of Redis.
    _news: dict[str, threading.Event] = field(default_factory=dict, init=False)

    # -- public ---------------------------------------------------------------------------
    def request(self, article, *, wait: bool = True,
                admit: Callable[[], None] | None = None) -> dict:
        """The narration of `article`: finished, or in flight with at least one segment ready
        (with wait=False: in flight, perhaps with none ready yet). `admit` is called just
        before a NEW render starts (never for cached or in-flight ones) and may refuse it."""
        nid = narration_id(article.canonical_url or article.url)
        reading = self.reading()
        fingerprint = self.fingerprint(article, reading)
        record = self.records.get(nid)
        if self.is_fresh(record, fingerprint):
            if record.get("provisional") and self._primary_back():
                # Made offline because Google failed; Google is back: render it again.
                self._start(article, nid, fingerprint, reading, keep=bool(record.get("kept")))
            return record
        # An article editors prepared stays prepared when its new version is rendered.
        keep = bool(record and record.get("kept"))
        deadline = time.monotonic() + self.first_wait_s
        while True:
            news = self._news.get(nid)
            if news is not None:
                news.clear()  # before reading: progress written after this wakes us
            progress = self.records.get_progress(nid)
            if (progress and progress["status"] == "rendering"
                    and not self.lock_factory(nid).held()):
                progress = None  # its renderer died (lock expired): render again
            if progress and progress.get("fingerprint") == fingerprint:
                if progress["status"] == "failed":
                    raise NarrationFailedError(progress.get("error"), retry_after_s=30)
                if progress["ready_segments"] >= 1 or not wait:
                    return progress
            elif not self.lock_factory(nid).held():
                record = self.records.get(nid)  # finished while we looked?
                if self.is_fresh(record, fingerprint):
                    return record
                if admit is not None:
                    admit()
                    admit = None  # one render counted per request
                if self._start(article, nid, fingerprint, reading, keep=keep):
                    continue
            if time.monotonic() > deadline:
                raise BusyError("the first segment took too long", retry_after_s=5)
            news = self._news.get(nid)
            if news is not None:
                news.wait(self.poll_interval_s)
            else:  # rendered by another process: only Redis tells
                time.sleep(self.poll_interval_s)

    def render_now(self, article, *, keep: bool = True,
                   on_segments: Callable[[int, int], None] | None = None) -> dict:
        """Render synchronously (editors, jobs, the CLI): the finished record, or an error.
        `on_segments(done, planned)` hears 0 of N once the plan is made, then each step."""
        nid = narration_id(article.canonical_url or article.url)
        reading = self.reading(fresh=True)  # jobs: always the table as it is now
        fingerprint = self.fingerprint(article, reading)
        lock = self.lock_factory(nid)
        deadline = time.monotonic() + 600
        while not lock.acquire():
            if time.monotonic() > deadline:
                raise BusyError("another render holds the lock")
            time.sleep(0.1)
        self._render(article, nid, fingerprint, reading, lock, keep, on_segments=on_segments)
        record = self.records.get(nid)
        if record is None:
            raise NarrationFailedError("render finished without a record")
        return record

    def article_audio(self, nid: str) -> tuple[bytes, dict] | None:
        """Whole-article MP3 and its record, if the narration is finished."""
        # The id → record lookup may lag a re-render by a second or two (recent_records);
        # the audio itself is content-addressed, so what is served is always whole.
        if self.recent_records is not None:
            record = self.recent_records.get_or_load(nid, lambda: self.records.get(nid))
        else:
            record = self.records.get(nid)
        if not record or record.get("status") != "ready":
            return None
        data = self.audio.get(record["audio_key"])
        return (data, record) if data else None

    def reading(self, fresh: bool = False) -> Reading:
        if self.reading_source is not None:
            return self.reading_source(fresh=fresh)
        return Reading(self.normalize, self.normalizer_version)

    def fingerprint(self, article, reading: Reading | None = None) -> str:
        """Changes when anything that changes the sound changes."""
        engine = self.engine
        version = (reading or self.reading()).version
        blob = "\x1f".join([article.content_hash, engine.name, engine.voice, engine.rate,
                            version])
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]

    # -- rendering ------------------------------------------------------------------------
    def _primary_back(self) -> bool:
        primary = getattr(self.engine, "primary", None)
        return primary is not None and primary.available()

    def is_fresh(self, record: dict | None, fingerprint: str) -> bool:
        """A finished narration of this very content and reading, with all its audio stored."""
        return bool(record and record.get("fingerprint") == fingerprint
                    and record.get("status") == "ready" and record.get("audio_key")
                    and not self.audio.missing(sorted(record_audio_keys(record))))

    def _start(self, article, nid: str, fingerprint: str, reading: Reading, keep: bool) -> bool:
        """Become the renderer (lock) and render in the background pool. False if another is."""
        plans = self._plan(article, reading)
        lock = self.lock_factory(nid)
        if not lock.acquire():
            return False
        with self._pending_lock:
            if self._pending >= self.max_pending:
                lock.release()
                raise BusyError("too many renders queued", retry_after_s=5)
            self._pending += 1
        slot = None
        if self.render_slots is not None:
            slot = self.render_slots.acquire(self.slot_wait_s)
            if slot is None:
                with self._pending_lock:
                    self._pending -= 1
                lock.release()
                raise BusyError("every render slot is taken", retry_after_s=10)
        self._news.setdefault(nid, threading.Event())
        # Progress exists before we return, so waiters see "rendering" at once.
        self.records.put_progress(nid, self._record(article, nid, fingerprint, reading, plans,
                                                    [], "rendering"))
        try:
            self.pool.submit(self._render_pending, slot, article, nid, fingerprint, reading,
                             lock, keep, plans)
        except RuntimeError:  # pool shut down
            with self._pending_lock:
                self._pending -= 1
            if self.render_slots is not None:
                self.render_slots.release(slot)
            lock.release()
            raise
        return True

    def _render_pending(self, slot: str | None, *args) -> None:
        try:
            self._render(*args)
        except Exception:  # already recorded as failed; the pool thread lives on
            log.exception("narration render failed")
        finally:
            if self.render_slots is not None:
                self.render_slots.release(slot)
            with self._pending_lock:
                self._pending -= 1

    def _plan(self, article, reading: Reading) -> list[SegmentPlan]:
        plans = plan_segments(article, max_chars=self.engine.max_chars,
                              normalize=reading.normalize)
        if not plans:
            raise EmptyArticleError(article.url)
        return plans

    def _render(self, article, nid: str, fingerprint: str, reading: Reading, lock: RedisLock,
                keep: bool, plans: list[SegmentPlan] | None = None, *,
                on_segments: Callable[[int, int], None] | None = None) -> None:
        tell = on_segments or (lambda done, planned: None)
        try:
            plans = plans or self._plan(article, reading)
            tell(0, len(plans))
            previous = self.records.get(nid) if keep else None

            def keep_lock() -> None:
                if not lock.extend():
                    raise NarrationFailedError("lost the render lock")

            def on_progress(ready: list[RenderedSegment]) -> None:
                keep_lock()
                tell(len(ready), len(plans))
                if len(ready) < len(plans):
                    self.records.put_progress(nid, self._record(
                        article, nid, fingerprint, reading, plans, ready, "rendering"))
                    self._tell(nid)

            results = render_segments(plans, self.engine, self.audio, keep=keep,
                                      on_progress=on_progress, heartbeat=keep_lock)
            segments = [segment for segment, _ in results]
            whole, duration_ms = mp3.build_article_mp3(
                [data for _, data in results], title=article.title, artist=self.artist,
                date=article.published)
            # Addressed by its content: the segments and the tags (fingerprint covers title
            # and date; the artist is a setting).
            whole_key = article_audio_key(nid, fingerprint, self.artist,
                                          [s.key for s in segments])
            self.audio.put(whole_key, whole, keep=keep)
            record = self._record(article, nid, fingerprint, reading, plans, segments, "ready")
            record.update(audio_key=whole_key, duration_ms=duration_ms, kept=keep,
                          audio_bytes=len(whole))
            if keep:
                self.audio.hold(nid, sorted(record_audio_keys(record)))
            if self.audio.missing([s.key for s in segments] + [whole_key]):
                # e.g. Redis restarted and lost writes: never publish a record with holes
                raise NarrationFailedError("audio went missing before the record was written")
            if not lock.extend():
                raise NarrationFailedError("lost the render lock before finishing")
            self.records.finish(nid, record, keep=keep)  # last: the narration now exists
            if previous and previous.get("kept"):
                self._let_go_of_old_audio(nid, previous, record)
        except BaseException as exc:
            self._fail(article, nid, fingerprint, reading, plans or [], exc)
            raise
        finally:
            self._tell(nid, last=True)  # finished or failed: waiters look once more
            try:
                lock.release()
            except Exception:  # Redis gone: the lock expires by itself
                log.warning("could not release the render lock of %s", nid)

    def _tell(self, nid: str, last: bool = False) -> None:
        news = self._news.pop(nid, None) if last else self._news.get(nid)
        if news is not None:
            news.set()

    def _let_go_of_old_audio(self, nid: str, previous: dict, record: dict) -> None:
        """What the previous version read and this one does not stops being kept (unless
        another prepared article reads the same sentence). The narration is finished by
        now: if Redis cannot do this, the old audio merely stays kept."""
        try:
            self.audio.let_go(nid, sorted(record_audio_keys(previous) - record_audio_keys(record)))
        except redis.exceptions.RedisError as exc:
            log.warning("could not release the old audio of %s: %s", nid, exc)

    def _fail(self, article, nid, fingerprint, reading, plans, exc: BaseException) -> None:
        log.warning("narration %s failed: %r", nid, exc)
        record = self._record(article, nid, fingerprint, reading, plans, [], "failed")
        record["error"] = type(exc).__name__
        try:
            self.records.fail(nid, record)
        except Exception:  # Redis gone: nothing to tell pollers, nothing was cached
            log.warning("could not record the failure of %s", nid)

    def _record(self, article, nid, fingerprint, reading, plans, ready, status) -> dict:
        engines = sorted({segment.engine for segment in ready})
        segments = segment_dicts(plans, ready)
        engine = self.engine
        provisional = (engine.name == "auto" and any(s.engine != engine.primary.name
                                                      for s in ready))
        return {
            "id": nid,
            "url": article.canonical_url or article.url,
            "title": article.title,
            "published": article.published,
            "status": status,
            "engine": "+".join(engines) if engines else engine.name,
            "voice": engine.voice,
            "provisional": provisional,
            "duration_ms": segments[-1]["end_ms"] if segments else 0,
            "ready_segments": len(ready),
            "total_segments": len(plans),
            "segments": segments,
            "fingerprint": fingerprint,
            "content_hash": article.content_hash,
            "normalizer_version": reading.version,
            "updated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }

