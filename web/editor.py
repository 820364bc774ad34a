"""`/editor`: the editors' page. Sign in with the editor token; paste article URLs or crawl the
listing now; watch the queue (editor.js polls /editor/queue.json); retry failures; hear an
article before it goes into the podcast feed; teach the voice how to read an abbreviation.

Every form works without JavaScript (post, then redirect back with a message); the script
only refreshes the queue and plays lexicon previews in place.
"""
from __future__ import annotations

from urllib.parse import quote

from flask import (Blueprint, Response, current_app, flash, jsonify, redirect, render_template,
                   request, url_for)

from cache.lexicon_edits import MAX_READING_CHARS, MAX_TERM_CHARS
from errors import BadRequestError, ServiceError
from services.addresses import check_address
from services.container import Services, services_of
from services.editors_lexicon import check_entry, speak_with_entry
from services.job_queue import (describe_job, enqueue_crawl, enqueue_prerender, load_job,
                                retry_job)
from scraper.confidence import LOW_CONFIDENCE
from scraper.onboard import check_site
from services.prerender import articles_with_term, records_with_term
from web.api_jobs import MAX_URLS, TooManyUrlsError
from web.editor_auth import (SignInLimitedError, csrf_token, editor_token, is_signed_in,
                             require_csrf, sign_in, sign_out)
from web.editor_labels import failure_label, progress_label, status_label
from web.feed import article_audio_path
from web.negotiate import wants_english, wants_json

bp = Blueprint("editor", __name__)

SITE_CHECK_PAGES = 3  # a quick look from the page; `flask site check --pages N` for more


class SignInRequiredError(ServiceError):
    status = 401
    code = "sign_in_required"
    message_vi = "Xin đăng nhập bằng mã biên tập viên để dùng trang biên tập."
    message_en = "Please sign in with the editor token to use the editor page."


@bp.context_processor
def _template_helpers():
    return {"csrf_token": csrf_token, "audio_path": article_audio_path}


@bp.after_request
def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _require_editor() -> None:
    editor_token()  # 404 with a clear message when the editor tools are off
    if not is_signed_in():
        raise SignInRequiredError()


def _services() -> Services:
    return services_of(current_app)


def _back(message: str, category: str = "status"):
    """Answer a form post: JSON for the script, else a message and back to the page."""
    if wants_json(request):
        return jsonify(message=message, category=category)
    flash(message, category)
    return redirect(url_for("editor.index") + "#thong-bao", code=303)


def queue_snapshot(limit: int = 50) -> dict:
    english = wants_english(request)
    jobs = []
    for job_id in _services().jobs.recent_job_ids(limit):
        try:
            job = load_job(_services().redis, job_id)
        except ServiceError:
            _services().jobs.forget_job(job_id)  # its data expired
            continue
        jobs.append(describe_job(job, english=english))
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job["status"]] = counts.get(job["status"], 0) + 1
    for job in jobs:
        job["status_label"] = status_label(job)
        job["stage_label"] = progress_label(job)
        job["failure_label"] = failure_label(job)
    return {"jobs": jobs, "counts": counts}


# -- signing in -----------------------------------------------------------------------------
@bp.get("/editor")
def index():
    editor_token()
    if not is_signed_in():
        return render_template("editor/login.html"), 401
    book = _services().jobs
    lexicon = _services().lexicon.entries()
    return render_template(
        "editor/index.html", snapshot=queue_snapshot(), records=book.latest_records(50),
        record_count=book.count_records(), lexicon=lexicon,
        feed_review=current_app.config["FEED_REVIEW"], max_urls=MAX_URLS,
        max_term_chars=MAX_TERM_CHARS, max_reading_chars=MAX_READING_CHARS,
        low_confidence=LOW_CONFIDENCE)


@bp.post("/editor/login")
def login():
    editor_token()
    require_csrf()
    try:
        signed_in = sign_in(request.form.get("token", ""))
    except SignInLimitedError as exc:
        return (render_template("editor/login.html", error=exc.message_vi), 429,
                {"Retry-After": str(exc.retry_after_s)})
    if not signed_in:
        return render_template("editor/login.html",
                               error="Mã truy cập không đúng. Xin vui lòng nhập lại."), 401
    return redirect(url_for("editor.index"), code=303)


@bp.post("/editor/logout")
def logout():
    editor_token()
    require_csrf()
    sign_out()
    return redirect(url_for("editor.index"), code=303)


# -- the queue ------------------------------------------------------------------------------
@bp.get("/editor/queue.json")
def queue_json():
    _require_editor()
    return jsonify(queue_snapshot())


@bp.post("/editor/prerender")
def prerender():
    _require_editor()
    require_csrf()
    lines = [line.strip() for line in request.form.get("urls", "").splitlines() if line.strip()]
    if not lines:
        raise BadRequestError(message_vi="Xin dán ít nhất một địa chỉ bài viết.",
                              message_en="Please paste at least one article URL.")
    if len(lines) > MAX_URLS:
        raise TooManyUrlsError()
    urls = list(dict.fromkeys(check_address(line) for line in lines))
    force = request.form.get("force") == "1"
    services = _services()
    for url in urls:
        enqueue_prerender(services, url, force=force)
    return _back(f"Đã đưa {len(urls)} bài vào hàng đợi.")


@bp.post("/editor/crawl")
def crawl():
    _require_editor()
    require_csrf()
    job = enqueue_crawl(_services())
    return _back(f"Đã bắt đầu quét trang tin {job.meta['url']}.")


@bp.post("/editor/site-check")
def site_check():
    _require_editor()
    require_csrf()
    services = _services()
    report = check_site(services.fetcher, services.config["SITE_URL"], pages=SITE_CHECK_PAGES)
    for page in report.pages:
        flash(f"{page.title or page.url}: {page.error or f'{page.body_chars} ký tự'}, "
              f"độ tin cậy {page.confidence}", "status" if page.good else "error")
    return _back(report.verdict, "status" if report.pages and all(p.good for p in report.pages) else "error")


@bp.post("/editor/jobs/<job_id>/retry")
def retry(job_id: str):
    _require_editor()
    require_csrf()
    job = retry_job(_services(), load_job(_services().redis, job_id))
    return _back(f"Đã đưa lại vào hàng đợi: {job.meta.get('url', '')}")


# -- pre-rendered articles --------------------------------------------------------------------
@bp.post("/editor/articles/publish")
def publish():
    _require_editor()
    require_csrf()
    url = check_address(request.form.get("url"))
    public = request.form.get("public") == "1"
    record = _services().jobs.set_public(url, public)
    if record is None:
        raise BadRequestError(message_vi="Bài này chưa có âm thanh đọc trước.",
                              message_en="This article has no pre-rendered audio.")
    if public:
        return _back(f"Đã đưa lên podcast: {record.title}")
    return _back(f"Đã gỡ khỏi podcast: {record.title}")


# -- the lexicon ----------------------------------------------------------------------------
def _lexicon_form() -> tuple[str, str]:
    term = " ".join(request.form.get("term", "").split())
    reading = " ".join(request.form.get("reading", "").split())
    if not term or len(term) > MAX_TERM_CHARS:
        raise BadRequestError(
            message_vi=f"Từ viết tắt phải có từ 1 đến {MAX_TERM_CHARS} ký tự.",
            message_en=f"The abbreviation must have 1 to {MAX_TERM_CHARS} characters.")
    if not reading or len(reading) > MAX_READING_CHARS:
        raise BadRequestError(
            message_vi=f"Cách đọc phải có từ 1 đến {MAX_READING_CHARS} ký tự.",
            message_en=f"The reading must have 1 to {MAX_READING_CHARS} characters.")
    return term, reading


@bp.post("/editor/lexicon")
def lexicon_save():
    """Two steps when prepared articles read the term: first the list of those articles
    (nothing saved), then, confirmed, the reading saved and those articles queued to be
    read again at once."""
    _require_editor()
    require_csrf()
    term, reading = _lexicon_form()
    term, reading = check_entry(term, reading)
    services = _services()
    affected = records_with_term(services.jobs, term)
    if affected and request.form.get("confirm") != "1":
        if wants_json(request):
            return jsonify(confirm_required=True, term=term, reading=reading,
                           affected=[{"url": r.url, "title": r.title} for r in affected])
        return render_template("editor/lexicon_confirm.html", term=term, reading=reading,
                               affected=affected)
    services.lexicon.put(term, reading)
    for record in affected:
        enqueue_prerender(services, record.url, force=True)
    more = (f" Đã đưa {len(affected)} bài có từ này vào hàng đợi để đọc lại." if affected
            else " Chưa có bài đọc trước nào có từ này.")
    return _back(f"Đã lưu: “{term}” đọc là “{reading}”.{more}")


@bp.post("/editor/lexicon/delete")
def lexicon_delete():
    _require_editor()
    require_csrf()
    term = request.form.get("term", "")
    if not _services().lexicon.delete(term):
        raise BadRequestError(message_vi="Không có từ này trong bảng.",
                              message_en="That word is not in the table.")
    return _back(f"Đã xoá cách đọc của “{term}”.")


@bp.post("/editor/lexicon/preview")
def lexicon_preview():
    """The abbreviation read aloud at once with the offline voice, as the new entry says."""
    _require_editor()
    require_csrf()
    term, reading = _lexicon_form()
    services = _services()
    spoken, audio = speak_with_entry(services.lexicon, services.engines["offline"], term, reading)
    response = Response(audio, mimetype="audio/mpeg")
    response.headers["X-Spoken-Text"] = quote(spoken)
    response.headers["Content-Disposition"] = "inline; filename=nghe-thu.mp3"
    return response


@bp.post("/editor/lexicon/rerender")
def lexicon_rerender():
    _require_editor()
    require_csrf()
    term = " ".join(request.form.get("term", "").split())
    urls = articles_with_term(_services().jobs, term) if term else []
    services = _services()
    for url in urls:
        enqueue_prerender(services, url, force=True)
    if not urls:
        return _back(f"Không có bài đọc trước nào chứa “{term}”.")
    return _back(f"Đã đưa {len(urls)} bài có “{term}” vào hàng đợi để đọc lại.")
