"""Reading an attachment on the RQ workers (never in a web thread): fetch, read (OCR page by
page, progress in job.meta: "Đang nhận dạng trang 3/12"), store, narrate. One job per
address at a time: the job id is derived from it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rq import get_current_job
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from cache.keys import url_digest
from errors import ServiceError
from services.job_queue import FAILURE_TTL_S, PRERENDER_QUEUE, RESULT_TTL_S

if TYPE_CHECKING:
    from services.container import Services

DOCUMENT_JOB = "services.document_jobs.run_document_job"
PENDING = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def document_job_id(url: str) -> str:
    return f"doc-{url_digest(url)}"


def find_document_job(services: Services, url: str) -> Job | None:
    try:
        return Job.fetch(document_job_id(url), connection=services.redis)
    except NoSuchJobError:
        return None


def enqueue_document(services: Services, url: str, article_url: str) -> Job:
    """Queue the reading of one attachment, unless a job for it is already waiting or running."""
    existing = find_document_job(services, url)
    if existing is not None and existing.get_status(refresh=True) in PENDING:
        return existing
    if existing is not None:
        existing.delete()
    timeout_s = int(services.document_limits.timeout_s) + int(services.config["PRERENDER_JOB_TIMEOUT_S"])
    job = services.queues[PRERENDER_QUEUE].enqueue(
        DOCUMENT_JOB, kwargs={"url": url, "article_url": article_url},
        job_id=document_job_id(url), job_timeout=timeout_s, result_ttl=RESULT_TTL_S,
        failure_ttl=FAILURE_TTL_S, description=f"document {url}",
        meta={"kind": "document", "url": url, "stage": "queued", "done": 0, "total": 0})
    services.jobs.note_job(job.id)
    return job


def progress_text(meta: dict) -> str:
    """What the reader view says while it waits."""
    if meta.get("stage") == "ocr" and meta.get("total"):
        return f"Đang nhận dạng trang {min(meta['done'] + 1, meta['total'])}/{meta['total']}"
    if meta.get("stage") == "narrating":
        return "Đang tạo âm thanh cho văn bản"
    return "Đang tải và đọc văn bản"


def run_document_job(url: str, article_url: str) -> dict[str, Any]:
    from services.documents import document_article, read_attachment
    from services.narration import narration_id
    from services.prerender import job_services, narration_ready
    job = get_current_job()
    services = job_services(job)

    def report(stage: str, done: int = 0, total: int = 0) -> None:
        if job is not None:
            job.meta.update(stage=stage, done=done, total=total)
            job.save_meta()

    try:
        doc = read_attachment(services, url, article_url,
                              progress=lambda done, total, page: report("ocr", done, total))
        report("narrating")
        article = document_article(doc, url)
        if not narration_ready(services.narrator, narration_id(url), article):
            services.narrator.render_now(article, keep=True)
        report("done", 1, 1)
        return {"status": "rendered", "url": url, "content_hash": doc.content_hash,
                "pages": doc.pages, "ocr_pages": len(doc.ocr_pages)}
    except ServiceError as exc:
        if job is not None:
            job.meta.update(error_code=exc.code, error_vi=exc.message_vi, error_en=exc.message_en)
            job.save_meta()
        raise
