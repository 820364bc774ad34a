"""Editors' pre-rendering: the work of one job (render one article, crawl the listing) as
plain functions over the `Services` container, and the RQ entry points that run them.

A job is idempotent: an article whose content hash and narration fingerprint are unchanged
and whose audio is still stored is skipped unless forced. A changed article is rendered again
and its record then points at the new narration, so the old audio is no longer served for it.
The record is written last, after the narration is complete: a worker killed mid-job leaves
no record pointing at missing audio, and RQ hands the job to another worker.

A job finds its services on itself: the worker that runs it (services/worker.py) built one
container at start and hands it to every job it performs (`job.services`).
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from rq.job import Job, get_current_job

from cache.jobs import JobBook, PrerenderRecord
from errors import ServiceError
from services.job_queue import enqueue_prerender

if TYPE_CHECKING:
    from services.container import Services
    from services.narration import Narrator

log = logging.getLogger("docnd.prerender")

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class JobServicesMissing(RuntimeError):
    """A job ran in a worker that was not given the services (not one of ours)."""


def job_services(job: Job | None) -> Services:
    services = getattr(job, "services", None)
    if services is None:
        raise JobServicesMissing(
            "no services for this job: start workers with `python -m services.worker` "
            "or `rq worker -w services.worker.AppWorker`")
    return services


@dataclass
class NarrationResult:
    """What pre-rendering needs to know of a finished narration."""
    narration_id: str
    audio_bytes: int  # exact size of the whole-article MP3
    duration_ms: int
    engine: str = ""
    voice: str = ""
    normalizer_version: str = ""


# -- the work itself (plain functions) --------------------------------------------------
def prerender_url(services: Services, url: str, *, force: bool = False, refresh: bool = False,
                  progress: Progress | None = None) -> dict[str, Any]:
    """Fetch, extract, narrate and store one article. Returns {"status": "rendered"|"skipped"}."""
    report = progress or (lambda stage, done, total: None)
    narrator, book = services.narrator, services.jobs
    report("fetching", 0, 0)
    article = services.articles.get(url, force=refresh)
    previous = book.get_record(url)
    if (not force and previous is not None
            and previous.content_hash == article.content_hash
            and narration_ready(narrator, previous.narration_id, article)):
        report("skipped", 0, 0)  # nothing to render: no segments to count
        log.info("unchanged, skipped: %s", url)
        return {"status": "skipped", "url": url, "narration_id": previous.narration_id}

    # Counted in segments, rendered of planned; the plan is known before the first one.
    segments = {"total": 0}

    def narrating(stage: str, done: int, total: int) -> None:
        segments["total"] = total
        report(stage, done, total)

    report("narrating", 0, 0)
    result = narrate_article(narrator, article, progress=narrating)
    total = segments["total"]
    report("storing", total, total)
    record = PrerenderRecord(
        url=url, title=article.title, published=article.published, lead=article.lead,
        narration_id=result.narration_id, content_hash=article.content_hash,
        audio_bytes=result.audio_bytes, duration_ms=result.duration_ms,
        engine=result.engine, voice=result.voice,
        normalizer_version=result.normalizer_version or narrator.reading(fresh=True).version,
        rendered_at=time.time(),
        renders=(previous.renders + 1) if previous else 1,
        public=previous.public if previous else not services.config["FEED_REVIEW"],
        tokens=article_tokens(article), confidence=article.confidence,
    )
    book.save_record(record)  # last: only now is the article "ready" for the feed
    queue_attached_documents(services, article)
    report("done", total, total)
    log.info("rendered %s (%d bytes, %d ms)", url, result.audio_bytes, result.duration_ms)
    return {"status": "rendered", "url": url, "narration_id": result.narration_id}


def queue_attached_documents(services: Services, article) -> None:
    """Editors' jobs read an article's PDF and DOCX attachments too, each in a job of its
    own (OCR can take minutes: the article's audio does not wait for it)."""
    from services.documents import is_document_url
    from services.job_queue import enqueue_document
    for attachment in article.attachments:
        if is_document_url(attachment.url):
            enqueue_document(services, attachment.url, article.url, keep=True)


def crawl_site(services: Services, listing_url: str, *, since: str | None = None,
               limit: int | None = None, force: bool = False,
               progress: Progress | None = None) -> dict[str, Any]:
    """Find the articles on the listing and queue one job each (new and changed ones render;
    unchanged ones are skipped by their job after a cheap conditional fetch)."""
    report = progress or (lambda stage, done, total: None)
    report("crawling", 0, 0)
    config = services.config
    found = services.articles.crawl(listing_url, max_pages=int(config["CRAWL_MAX_PAGES"]),
                                    deadline_s=float(config["CRAWL_DEADLINE_S"]))
    items = select_items(found, since=since, limit=limit)
    jobs = []
    for index, item in enumerate(items, 1):
        job = enqueue_prerender(services, item.url, force=force, refresh=True)
        jobs.append({"id": job.id, "url": item.url})
        report("queueing", index, len(items))
    return {"status": "crawled", "url": listing_url, "found": len(items), "jobs": jobs}


def select_items(items: list, *, since: str | None = None, limit: int | None = None) -> list:
    """Items published on or after `since` (YYYY-MM-DD), unique by URL, at most `limit`."""
    since_day = date.fromisoformat(since) if since else None
    seen: set[str] = set()
    chosen = []
    for item in items:
        if item.url in seen:
            continue
        if since_day and item.published:
            try:
                if date.fromisoformat(str(item.published)[:10]) < since_day:
                    continue
            except ValueError:
                pass  # an unreadable date is not a reason to skip an article
        seen.add(item.url)
        chosen.append(item)
        if limit is not None and len(chosen) >= limit:
            break
    return chosen


_TOKEN = re.compile(r"[\wĐđ&./-]+", re.UNICODE)


def article_tokens(article: Any, max_tokens: int = 5000) -> list[str]:
    """The distinct words of the article, trailing punctuation stripped: enough to find the
    articles a lexicon edit changes without keeping their text."""
    parts = [article.title, article.lead or "", *article.paragraphs, *article.captions]
    found: set[str] = set()
    for text in parts:
        for match in _TOKEN.finditer(text or ""):
            token = match.group(0).strip("./-")
            if token:
                found.add(token)
                if len(found) >= max_tokens:
                    return sorted(found)
    return sorted(found)


_CODE_SEPARATORS = re.compile(r"[./-]")


def token_has_term(token: str, term: str) -> bool:
    """`term` is the token, or one part of a document number or compound in it: STNMT is
    in "120/KH-STNMT" (the editors' reading is said there too), not in "STNMTX"."""
    if token == term:
        return True
    return term in token and term in _CODE_SEPARATORS.split(token)


def records_with_term(book: JobBook, term: str, limit: int = 500) -> list[PrerenderRecord]:
    """Pre-rendered articles whose text contains `term` as a word or as a part of a document
    number ("120/KH-STNMT"): what an edit of its reading changes."""
    term = term.strip()
    return [r for r in book.latest_records(limit)
            if term in r.tokens or any(token_has_term(t, term) for t in r.tokens)]


def articles_with_term(book: JobBook, term: str, limit: int = 500) -> list[str]:
    """URLs of the pre-rendered articles an edit of `term`'s reading changes."""
    return [r.url for r in records_with_term(book, term, limit)]


# -- narration ------------------------------------------------------------------------------
def narration_ready(narrator: Narrator, narration_id: str, article: Any) -> bool:
    """Is the finished, editor-kept narration of this very article still stored?"""
    reading = narrator.reading(fresh=True)  # the editors' table as it is now
    record = narrator.records.get(narration_id)
    return bool(record and record.get("kept")
                and narrator.is_fresh(record, narrator.fingerprint(article, reading)))


def narrate_article(narrator: Narrator, article: Any, *,
                    progress: Progress | None = None) -> NarrationResult:
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


# -- RQ entry points ----------------------------------------------------------------------
def _job_progress(job: Job | None) -> Progress:
    last = {"at": 0.0, "stage": None}

    def report(stage: str, done: int, total: int) -> None:
        if job is None:
            return
        now = time.monotonic()
        # Saving meta is one Redis write: at most ~5 a second, but always on a new stage.
        if stage == last["stage"] and now - last["at"] < 0.2 and done != total:
            return
        last.update(at=now, stage=stage)
        job.meta.update(stage=stage, done=done, total=total)
        job.save_meta()

    return report


def run_prerender_job(url: str, force: bool = False, refresh: bool = False) -> dict[str, Any]:
    job = get_current_job()
    services = job_services(job)
    done = False
    try:
        result = prerender_url(services, url, force=force, refresh=refresh,
                               progress=_job_progress(job))
        done = True
        return result
    except ServiceError as exc:
        _record_error(job, exc)
        raise
    finally:
        # The URL is free for a new job once this one ends for good; a failure RQ will
        # retry keeps it (the retry is the same job).
        if job is not None and (done or not job.retries_left):
            services.jobs.release_pending(url, job.id)


def run_crawl_job(listing_url: str, since: str | None = None, limit: int | None = None,
                  force: bool = False) -> dict[str, Any]:
    job = get_current_job()
    services = job_services(job)
    try:
        return crawl_site(services, listing_url, since=since, limit=limit, force=force,
                          progress=_job_progress(job))
    except ServiceError as exc:
        _record_error(job, exc)
        raise


def _record_error(job: Job | None, exc: ServiceError) -> None:
    """Keep the reason in words an editor reads; a permanent error (4xx: not an article, a
    host that is not allowed) is not retried, a passing one (5xx: site down, busy) is."""
    if job is None:
        return
    # What failed (the stage it was in) and whether trying again can help (5xx) or the
    # address itself must change (4xx): the editor page says both.
    job.meta.update(failed_stage=job.meta.get("stage"), error_permanent=exc.status < 500)
    job.meta.update(stage="failed", error_code=exc.code, error_vi=exc.message_vi,
                    error_en=exc.message_en, error_detail=str(exc.detail or "")[:300])
    job.save_meta()
    if exc.status < 500:
        job.retries_left = 0
