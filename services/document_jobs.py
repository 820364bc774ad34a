"""Reading an attachment on the RQ workers (never in a web thread): fetch, read (OCR page by
page, progress in job.meta: "Đang nhận dạng trang 3/12"), store, narrate. Queued by
services.job_queue.enqueue_document (one job per address at a time)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rq import get_current_job

from errors import ServiceError

if TYPE_CHECKING:
    from services.container import Services



def progress_text(meta: dict) -> str:
    """What the reader view says while it waits."""
    if meta.get("stage") == "ocr" and meta.get("total"):
        return f"Đang nhận dạng trang {min(meta['done'] + 1, meta['total'])}/{meta['total']}"
    if meta.get("stage") == "narrating":
        return "Đang tạo âm thanh cho văn bản"
    return "Đang tải và đọc văn bản"


def run_document_job(url: str, article_url: str, keep: bool = False) -> dict[str, Any]:
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
        if keep:
            save_feed_record(services, article, article_url)
        elif not narration_ready(services.narrator, narration_id(url), article):
            services.narrator.render_now(article, keep=False)  # a listener's: the usual TTL
        report("done", 1, 1)
        return {"status": "rendered", "url": url, "content_hash": doc.content_hash,
                "pages": doc.pages, "ocr_pages": len(doc.ocr_pages)}
    except ServiceError as exc:
        if job is not None:
            job.meta.update(error_code=exc.code, error_vi=exc.message_vi, error_en=exc.message_en)
            job.save_meta()
        raise


def save_feed_record(services: Services, article, article_url: str) -> None:
    """Editors' documents: kept audio and a record of their own, so the podcast feed lists
    each as an item after its article's (RSS 2.0 allows one enclosure an item, and podcast
    apps play only the first: an extra enclosure would never be heard)."""
    import time

    from cache.jobs import PrerenderRecord
    from services.prerender import narrate_article
    result = narrate_article(services.narrator, article)
    parent = services.jobs.get_record(article_url)
    previous = services.jobs.get_record(article.url)
    services.jobs.save_record(PrerenderRecord(
        url=article.url, title=f"{parent.title if parent else article_url} — Văn bản đính kèm",
        narration_id=result.narration_id, content_hash=article.content_hash,
        audio_bytes=result.audio_bytes, duration_ms=result.duration_ms,
        published=parent.published if parent else None,
        lead=" ".join(x for x in (article.title, article.lead) if x),
        engine=result.engine, voice=result.voice, normalizer_version=result.normalizer_version,
        # Just older than its article: the feed and the editor page list it right after it.
        rendered_at=(parent.rendered_at - 0.001) if parent else time.time(),
        renders=(previous.renders + 1) if previous else 1,
        public=parent.public if parent else not services.config["FEED_REVIEW"],
        attachment_of=article_url))
