"""The editors' job queue: putting pre-rendering work on RQ, and reading how it is doing.

Jobs are named by their dotted path ("services.prerender.run_prerender_job"), so this module
does not import the work itself: the API and the editor page queue jobs without loading the
scraper or the voices, and the work can queue more jobs (a crawl queues one per article).
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from rq import Queue, Retry, Worker
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from cache.keys import url_digest
from errors import BadRequestError, ServiceError

if TYPE_CHECKING:
    from services.container import Services

PRERENDER_QUEUE = "prerender"
CRAWL_QUEUE = "crawl"
QUEUE_NAMES = (PRERENDER_QUEUE, CRAWL_QUEUE)
PRERENDER_JOB = "services.prerender.run_prerender_job"
CRAWL_JOB = "services.prerender.run_crawl_job"
DOCUMENT_JOB = "services.document_jobs.run_document_job"
RESULT_TTL_S = 7 * 86400
FAILURE_TTL_S = 30 * 86400


def build_queues(connection) -> dict[str, Queue]:
    """The RQ queues on one Redis connection (the container builds them once)."""
    return {name: Queue(name, connection=connection) for name in QUEUE_NAMES}


def live_worker_count(queues: dict[str, Queue]) -> int:
    """RQ workers registered on any of these queues and not yet expired. A worker killed
    with -9 stays counted until its registration lapses (RQ's worker_ttl, 420 s)."""
    names: set[str] = set()
    for queue in queues.values():
        names.update(worker.name for worker in Worker.all(queue=queue))
    return len(names)


def check_since(since: object) -> str | None:
    """`since` as YYYY-MM-DD (or None); the API, the editor page and the CLI all ask this."""
    if since in (None, ""):
        return None
    try:
        return date.fromisoformat(str(since)).isoformat()
    except ValueError:
        raise BadRequestError(message_vi="Ngày phải theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-06-28.",
                              message_en="The date must be YYYY-MM-DD, e.g. 2022-06-28.") from None


# -- enqueueing ---------------------------------------------------------------------------
def retry_policy(config) -> Retry:
    return Retry(max=3, interval=[int(s) for s in config["PRERENDER_RETRY_INTERVALS_S"]])


def default_listing(config) -> str:
    return config["LISTING_URL"] or config["SITE_URL"]


def enqueue_prerender(services: Services, url: str, *, force: bool = False,
                      refresh: bool = False) -> Job:
    """Queue one article; if a job for this URL is already queued or running, return it
    (a forced request replaces a waiting unforced one)."""
    queue = services.queues[PRERENDER_QUEUE]
    timeout_s = int(services.config["PRERENDER_JOB_TIMEOUT_S"])
    pending_ttl_s = timeout_s * 4 + 600  # covers the retries; the job clears it when done
    job = queue.create_job(
        PRERENDER_JOB, kwargs={"url": url, "force": force, "refresh": refresh},
        retry=retry_policy(services.config), timeout=timeout_s, result_ttl=RESULT_TTL_S,
        failure_ttl=FAILURE_TTL_S, description=f"prerender {url}",
        meta={"kind": "prerender", "url": url, "stage": "queued", "done": 0, "total": 0,
              "force": force},
    )
    book = services.jobs
    existing_id = book.claim_pending(url, job.id, pending_ttl_s)  # atomic (SET NX)
    if existing_id is not None:
        existing = _fetch_job(queue, existing_id)
        if (existing is not None and _is_pending(existing)
                and (existing.meta.get("force") or not force)):
            return existing
        book.replace_pending(url, job.id, pending_ttl_s)
    queue.enqueue_job(job)
    book.note_job(job.id)
    return job


def enqueue_crawl(services: Services, listing_url: str | None = None, *,
                  since: str | None = None, limit: int | None = None,
                  force: bool = False) -> Job:
    listing_url = listing_url or default_listing(services.config)
    job = services.queues[CRAWL_QUEUE].enqueue(
        CRAWL_JOB, kwargs={"listing_url": listing_url, "since": since, "limit": limit,
                           "force": force},
        retry=retry_policy(services.config),
        job_timeout=int(services.config["CRAWL_DEADLINE_S"]) + 60,
        result_ttl=RESULT_TTL_S, failure_ttl=FAILURE_TTL_S, description=f"crawl {listing_url}",
        meta={"kind": "crawl", "url": listing_url, "stage": "queued", "done": 0, "total": 0},
    )
    services.jobs.note_job(job.id)
    return job


def document_job_id(url: str) -> str:
    return f"doc-{url_digest(url)}"


def find_document_job(services: Services, url: str) -> Job | None:
    try:
        return Job.fetch(document_job_id(url), connection=services.redis)
    except NoSuchJobError:
        return None


def enqueue_document(services: Services, url: str, article_url: str, *, keep: bool = False) -> Job:
    """Queue the reading of one attachment, unless a job for it is already waiting or running.
    `keep`: an editors' job (with its article): the audio is kept and the feed lists it."""
    existing = find_document_job(services, url)
    if existing is not None and _is_pending(existing):
        return existing
    if existing is not None:
        existing.delete()
    timeout_s = int(services.document_limits.timeout_s) + int(services.config["PRERENDER_JOB_TIMEOUT_S"])
    job = services.queues[PRERENDER_QUEUE].enqueue(
        DOCUMENT_JOB, kwargs={"url": url, "article_url": article_url, "keep": keep},
        job_id=document_job_id(url), job_timeout=timeout_s, result_ttl=RESULT_TTL_S,
        failure_ttl=FAILURE_TTL_S, description=f"document {url}",
        meta={"kind": "document", "url": url, "article_url": article_url, "keep": keep,
              "stage": "queued", "done": 0, "total": 0})
    services.jobs.note_job(job.id)
    return job


def retry_job(services: Services, job: Job) -> Job:
    """An editor's retry: queue the same work again, forced to render."""
    meta = job.meta
    if meta.get("kind") == "crawl":
        return enqueue_crawl(services, meta.get("url"))
    if meta.get("kind") == "document":
        return enqueue_document(services, meta.get("url"), meta.get("article_url"), keep=True)
    return enqueue_prerender(services, meta.get("url"), force=True, refresh=True)


def _fetch_job(queue: Queue, job_id: str) -> Job | None:
    try:
        return Job.fetch(job_id, connection=queue.connection)
    except NoSuchJobError:  # its data expired
        return None


def _is_pending(job: Job) -> bool:
    return job.get_status(refresh=True) in {JobStatus.QUEUED, JobStatus.STARTED,
                                            JobStatus.SCHEDULED, JobStatus.DEFERRED}


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
    """A job by id, on the queues' Redis connection (`Services.redis`)."""
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
                "message": meta.get("error_en" if english else "error_vi", ""),
                "permanent": bool(meta.get("error_permanent")),
                "stage": meta.get("failed_stage")}  # what was under way when it failed
    latest = job.latest_result()
    exc_info = (getattr(latest, "exc_string", None) if latest else None) or job.exc_info or ""
    if "AbandonedJobError" in exc_info:
        return {"code": "abandoned", "message": ABANDONED_EN if english else ABANDONED_VI}
    if not exc_info:
        return None
    last_line = exc_info.strip().splitlines()[-1][:300]
    return {"code": "unexpected",
            "message": f"{UNEXPECTED_EN if english else UNEXPECTED_VI} ({last_line})"}
