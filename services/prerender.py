"""Editors' pre-rendering: the RQ jobs (render one article, crawl the listing) and the plain
functions behind them, which take their collaborators as arguments (a `JobContext`).

A job is idempotent: an article whose content hash and narration fingerprint are unchanged
and whose audio is still stored is skipped unless forced. A changed article is rendered again and its record then
points at the new narration, so the old audio is no longer served for it. The record is
written last, after the narration is complete: a worker killed mid-job leaves no record
pointing at missing audio, and RQ hands the job to another worker (see services/worker.py).
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus, get_current_job

from cache.jobs import JobBook, PrerenderRecord
from errors import ServiceError

log = logging.getLogger("docnd.prerender")

PRERENDER_QUEUE = "prerender"
CRAWL_QUEUE = "crawl"
QUEUE_NAMES = (PRERENDER_QUEUE, CRAWL_QUEUE)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class NarrationResult:
    """What pre-rendering needs to know of a finished narration."""
    narration_id: str
    audio_bytes: int  # exact size of the whole-article MP3
    duration_ms: int
    engine: str = ""
    voice: str = ""
    normalizer_version: str = ""


@dataclass
class JobContext:
    """Everything a job needs, built once per worker process from the app's clients."""
    book: JobBook
    queues: dict[str, Queue]
    load_article: Callable[[str, bool], Any]  # (url, refresh) -> Article
    crawl: Callable[[str, int, float], list]  # (listing url, max pages, deadline s) -> items
    narrate: Callable[..., NarrationResult]  # (article, force=, progress=) -> NarrationResult
    narration_ready: Callable[[str, Any], bool]  # (narration id, article) -> fresh and stored?
    normalizer_version: Callable[[], str] = lambda: ""
    settings: dict[str, Any] = field(default_factory=dict)


class JobContextMissing(RuntimeError):
    """A job ran in a process where no job context was installed."""


_context: JobContext | None = None
_context_factory: Callable[[], JobContext] | None = None


def install_context(context: JobContext | None = None,
                    factory: Callable[[], JobContext] | None = None) -> None:
    """Called by an entry point (the worker, the CLI): the context jobs of this process use.
    A factory is built lazily, once, in the process that runs the first job (after fork)."""
    global _context, _context_factory
    _context, _context_factory = context, factory


def current_context() -> JobContext:
    global _context
    if _context is None and _context_factory is not None:
        _context = _context_factory()
    if _context is None:
        raise JobContextMissing(
            "no job context: start workers with `python -m services.worker` "
            "or `rq worker -w services.worker.AppWorker`")
    return _context


# -- enqueueing ---------------------------------------------------------------------------
def retry_policy(settings: dict[str, Any]) -> Retry:
    intervals = [int(s) for s in settings.get("PRERENDER_RETRY_INTERVALS_S") or [10, 60, 300]]
    return Retry(max=3, interval=intervals)


def enqueue_prerender(ctx: JobContext, url: str, *, force: bool = False,
                      refresh: bool = False) -> Job:
    """Queue one article; if a job for this URL is already queued or running, return it
    (a forced request replaces a waiting unforced one)."""
    queue = ctx.queues[PRERENDER_QUEUE]
    timeout_s = int(ctx.settings.get("PRERENDER_JOB_TIMEOUT_S", 600))
    pending_ttl_s = timeout_s * 4 + 600  # covers the retries; the job clears it when done
    job = queue.create_job(
        run_prerender_job, kwargs={"url": url, "force": force, "refresh": refresh},
        retry=retry_policy(ctx.settings), timeout=timeout_s, result_ttl=7 * 86400,
        failure_ttl=30 * 86400, description=f"prerender {url}",
        meta={"kind": "prerender", "url": url, "stage": "queued", "done": 0, "total": 0,
              "force": force},
    )
    existing_id = ctx.book.claim_pending(url, job.id, pending_ttl_s)  # atomic (SET NX)
    if existing_id is not None:
        existing = _fetch_job(queue, existing_id)
        if (existing is not None and _is_pending(existing)
                and (existing.meta.get("force") or not force)):
            return existing
        ctx.book.replace_pending(url, job.id, pending_ttl_s)
    queue.enqueue_job(job)
    ctx.book.note_job(job.id)
    return job


def enqueue_crawl(ctx: JobContext, listing_url: str | None = None, *, since: str | None = None,
                  limit: int | None = None, force: bool = False) -> Job:
    queue = ctx.queues[CRAWL_QUEUE]
    listing_url = listing_url or ctx.settings.get("LISTING_URL") or ctx.settings["SITE_URL"]
    job = queue.enqueue(
        run_crawl_job, kwargs={"listing_url": listing_url, "since": since, "limit": limit,
                               "force": force},
        retry=retry_policy(ctx.settings),
        job_timeout=int(ctx.settings.get("CRAWL_DEADLINE_S", 120)) + 60,
        result_ttl=7 * 86400, failure_ttl=30 * 86400, description=f"crawl {listing_url}",
        meta={"kind": "crawl", "url": listing_url, "stage": "queued", "done": 0, "total": 0},
    )
    ctx.book.note_job(job.id)
    return job


def _fetch_job(queue: Queue, job_id: str) -> Job | None:
    try:
        return Job.fetch(job_id, connection=queue.connection)
    except NoSuchJobError:  # its data expired
        return None


def _is_pending(job: Job) -> bool:
    return job.get_status(refresh=True) in {JobStatus.QUEUED, JobStatus.STARTED,
                                            JobStatus.SCHEDULED, JobStatus.DEFERRED}


# -- the work itself (plain functions) --------------------------------------------------
def prerender_url(ctx: JobContext, url: str, *, force: bool = False, refresh: bool = False,
                  progress: Progress | None = None) -> dict[str, Any]:
    """Fetch, extract, narrate and store one article. Returns {"status": "rendered"|"skipped"}."""
    report = progress or (lambda stage, done, total: None)
    report("fetching", 0, 0)
    article = ctx.load_article(url, refresh)
    previous = ctx.book.get_record(url)
    if (not force and previous is not None
            and previous.content_hash == article.content_hash
            and ctx.narration_ready(previous.narration_id, article)):
        report("skipped", 1, 1)
        log.info("unchanged, skipped: %s", url)
        return {"status": "skipped", "url": url, "narration_id": previous.narration_id}

    report("narrating", 0, 0)
    result = ctx.narrate(article, force=force, progress=report)
    report("storing", 1, 1)
    record = PrerenderRecord(
        url=url, title=article.title, published=article.published, lead=article.lead,
        narration_id=result.narration_id, content_hash=article.content_hash,
        audio_bytes=result.audio_bytes, duration_ms=result.duration_ms,
        engine=result.engine, voice=result.voice,
        normalizer_version=result.normalizer_version or ctx.normalizer_version(),
        rendered_at=time.time(),
        renders=(previous.renders + 1) if previous else 1,
        public=previous.public if previous else not ctx.settings.get("FEED_REVIEW", False),
        tokens=article_tokens(article),
    )
    ctx.book.save_record(record)  # last: only now is the article "ready" for the feed
    report("done", 1, 1)
    log.info("rendered %s (%d bytes, %d ms)", url, result.audio_bytes, result.duration_ms)
    return {"status": "rendered", "url": url, "narration_id": result.narration_id}


def crawl_site(ctx: JobContext, listing_url: str, *, since: str | None = None,
               limit: int | None = None, force: bool = False,
               progress: Progress | None = None) -> dict[str, Any]:
    """Find the articles on the listing and queue one job each (new and changed ones render;
    unchanged ones are skipped by their job after a cheap conditional fetch)."""
    report = progress or (lambda stage, done, total: None)
    report("crawling", 0, 0)
    items = select_items(ctx.crawl(listing_url, int(ctx.settings.get("CRAWL_MAX_PAGES", 3)),
                                   float(ctx.settings.get("CRAWL_DEADLINE_S", 120))),
                         since=since, limit=limit)
    jobs = []
    for index, item in enumerate(items, 1):
        job = enqueue_prerender(ctx, item.url, force=force, refresh=True)
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


def articles_with_term(book: JobBook, term: str, limit: int = 500) -> list[str]:
    """URLs of pre-rendered articles whose text contains `term` as a word or as a part of a
    document number ("120/KH-STNMT")."""
    term = term.strip()
    return [r.url for r in book.latest_records(limit)
            if term in r.tokens or any(token_has_term(t, term) for t in r.tokens)]


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
    ctx = current_context()
    job = get_current_job()
    done = False
    try:
        result = prerender_url(ctx, url, force=force, refresh=refresh,
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
            ctx.book.release_pending(url, job.id)


def run_crawl_job(listing_url: str, since: str | None = None, limit: int | None = None,
                  force: bool = False) -> dict[str, Any]:
    ctx = current_context()
    job = get_current_job()
    try:
        return crawl_site(ctx, listing_url, since=since, limit=limit, force=force,
                          progress=_job_progress(job))
    except ServiceError as exc:
        _record_error(job, exc)
        raise


def _record_error(job: Job | None, exc: ServiceError) -> None:
    """Keep the reason in words an editor reads; a permanent error (4xx: not an article, a
    host that is not allowed) is not retried, a passing one (5xx: site down, busy) is."""
    if job is None:
        return
    job.meta.update(stage="failed", error_code=exc.code, error_vi=exc.message_vi,
                    error_en=exc.message_en, error_detail=str(exc.detail or "")[:300])
    job.save_meta()
    if exc.status < 500:
        job.retries_left = 0


# -- reading a job's state (API, editor page, CLI) ----------------------------------------
class JobNotFoundError(ServiceError):
    status = 404
    code = "job_not_found"
    message_vi = "Không tìm thấy tác vụ này. Có thể nó đã xong từ lâu và đã được xoá."
    message_en = "No such job. It may have finished long ago and been removed."


_JOB_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

ABANDONED_VI = "Tiến trình xử lý bị dừng đột ngột (máy chủ xử lý tắt hoặc khởi động lại)."
ABANDONED_EN = "The worker stopped suddenly (it was shut down or restarted)."
UNEXPECTED_VI = "Lỗi không mong muốn khi tạo âm thanh."
UNEXPECTED_EN = "Unexpected error while rendering audio."


def load_job(connection, job_id: str) -> Job:
    if not _JOB_ID.match(job_id or ""):
        raise JobNotFoundError()
    try:
        return Job.fetch(job_id, connection=connection)
    except Exception as exc:  # NoSuchJobError, or data that no longer unpickles
        raise JobNotFoundError(str(exc)) from None


def describe_job(job: Job, *, english: bool = False) -> dict[str, Any]:
    """A job as the API and the editor page show it."""
    meta = job.get_meta(refresh=False) if hasattr(job, "get_meta") else job.meta
    status = job.get_status(refresh=False)
    status = status.value if hasattr(status, "value") else str(status)
    error = None
    if status in {"failed", "stopped", "canceled"} or (meta.get("error_code") and status != "finished"):
        error = _job_error(job, meta, english)
    result = job.return_value() if status == "finished" else None
    progress = {"stage": meta.get("stage"), "done": meta.get("done", 0),
                "total": meta.get("total", 0)}
    if status == "finished":
        progress["stage"] = (result or {}).get("status", "done") if isinstance(result, dict) else "done"
    return {
        "id": job.id,
        "kind": meta.get("kind", ""),
        "url": meta.get("url", ""),
        "status": status,
        "progress": progress,
        "error": error,
        "result": result if isinstance(result, dict) else None,
        "retries_left": job.retries_left,
        "enqueued_at": job.enqueued_at.isoformat() + "Z" if job.enqueued_at else None,
        "ended_at": job.ended_at.isoformat() + "Z" if job.ended_at else None,
    }


def _job_error(job: Job, meta: dict, english: bool) -> dict[str, str] | None:
    if meta.get("error_code"):
        return {"code": meta["error_code"],
                "message": meta.get("error_en" if english else "error_vi", "")}
    latest = job.latest_result()
    exc_info = (getattr(latest, "exc_string", None) if latest else None) or job.exc_info or ""
    if "AbandonedJobError" in exc_info:
        return {"code": "abandoned", "message": ABANDONED_EN if english else ABANDONED_VI}
    if not exc_info:
        return None
    last_line = exc_info.strip().splitlines()[-1][:300]
    return {"code": "unexpected",
            "message": f"{UNEXPECTED_EN if english else UNEXPECTED_VI} ({last_line})"}


def retry_job(ctx: JobContext, job: Job) -> Job:
    """An editor's retry: queue the same work again, forced to render."""
    meta = job.meta
    if meta.get("kind") == "crawl":
        return enqueue_crawl(ctx, meta.get("url"))
    return enqueue_prerender(ctx, meta.get("url"), force=True, refresh=True)
