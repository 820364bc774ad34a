"""The reader view of an attached document: /doc?url=FILE&article=PAGE. Reading happens on the
workers; this view shows the document when it has been read, else queues the work and says
how far it is ("Đang nhận dạng trang 3/12"). The player is the reader page's own."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for

from services import reading
from services.addresses import check_address
from services.container import services_of
from web.api_narration import present
from web.args import article_url_arg

bp = Blueprint("documents", __name__)


def _args() -> tuple[str, str]:
    return article_url_arg(), check_address(request.args.get("article"))


def _read_document():
    """(services, the document as an Article) for a document already read, else 404. With
    ?partial=K: pages 1..K, as the partial view shows them (while kept; else the whole one)."""
    from errors import NotFoundError
    from services.documents import document_article, partial_article
    url, _ = _args()
    services = services_of(current_app)
    pages_read = request.args.get("partial", type=int)
    reading = services.documents.partial_by_url(url, pages_read) if pages_read else None
    if reading is not None:  # the pages the listener's view shows, even once the rest is read
        return services, partial_article(reading, url)
    document = services.documents.by_url(url)
    if document is None:
        raise NotFoundError(f"{url} has not been read yet")
    return services, document_article(document, url)


@bp.get("/doc")
def doc():
    from services.document_jobs import progress_text
    from services.job_queue import enqueue_document
    from services.documents import (check_attachment, document_article, partial_article,
                                    section_headings)
    url, article_url = _args()
    services = services_of(current_app)
    check_attachment(services.articles.get(article_url), url)
    document = services.documents.by_url(url)
    if document is None:
        job = enqueue_document(services, url, article_url)
        status = progress_text(job.get_meta(refresh=True))
        pages_read = request.args.get("partial", type=int)
        partial = ((pages_read and services.documents.partial_by_url(url, pages_read))
                   or services.documents.partial_by_url(url))  # else the latest
        if partial is None or not pages_read:
            return render_template("pages/doc_progress.html", url=url, article_url=article_url,
                                   status=status, partial=partial), 202
        page = reading.build_reader_page(partial_article(partial, url))
        return render_template("pages/doc.html", page=page, document=partial.document, url=url,
                               article_url=article_url, partial=partial,
                               headings=section_headings(partial.document))
    page = reading.build_reader_page(document_article(document, url))
    return render_template("pages/doc.html", page=page, document=document, article_url=article_url,
                           url=url, partial=None, headings=section_headings(document))


@bp.get("/api/v1/doc/status")
def status():
    """How far the reading of a document is: {"ready", "status", "message"}."""
    from services.document_jobs import progress_text
    from services.job_queue import find_document_job
    url, _ = _args()
    services = services_of(current_app)
    if services.documents.by_url(url) is not None:
        return jsonify(ready=True, status="ready", message="Văn bản đã sẵn sàng")
    job = find_document_job(services, url)
    if job is None:
        from errors import NotFoundError
        raise NotFoundError(f"{url} has not been queued", message_vi="Văn bản này chưa được đọc.",
                            message_en="This document has not been read yet.")
    meta = job.get_meta(refresh=True)
    if meta.get("error_code"):
        return jsonify(ready=False, status="failed", error=meta["error_code"],
                       message=meta.get("error_vi") or "")
    partial = services.documents.partial_by_url(url)
    return jsonify(ready=False, status=job.get_status(refresh=False).value, message=progress_text(meta),
                   done=meta.get("done", 0), total=meta.get("total", 0),
                   pages_read=partial.pages_read if partial else 0, pages=partial.pages if partial else 0,
                   partial_url=url_for("documents.doc", url=url, article=request.args.get("article"),
                                       partial=partial.pages_read) if partial else None)


@bp.get("/api/v1/doc/narration")
def narration():
    """The document's narration record, like /api/v1/narration for an article."""
    services, article = _read_document()
    record = services.narrator.request(article, admit=services.admit_render)
    response = jsonify(present(record))
    response.headers["Cache-Control"] = "no-store" if record["status"] != "ready" else "no-cache"
    return response


@bp.get("/doc/listen")
def listen():
    """The whole document as one MP3 (scripts off), like /listen for an article."""
    services, article = _read_document()
    narration_id = reading.whole_article_audio_of(article, narrator=services.narrator,
                                                  admit=services.admit_render)
    return redirect(url_for("audio.article_audio", narration_id=narration_id), code=303)
