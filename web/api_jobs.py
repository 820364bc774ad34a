"""The editors' API: `POST /api/v1/prerender` queues articles (or a crawl of the listing),
`GET /api/v1/jobs/<id>` tells how a job is doing. Bearer token, compared in constant time."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from errors import BadRequestError, ServiceError
from services.addresses import check_address
from services.container import services_of
from services.job_queue import (check_since, describe_job, enqueue_crawl, enqueue_prerender,
                                load_job)
from web.editor_auth import require_bearer
from web.negotiate import wants_english

bp = Blueprint("api_jobs", __name__)

MAX_URLS = 100


class UnsupportedMediaError(ServiceError):
    status = 415
    code = "unsupported_media_type"
    message_vi = "Xin gửi dữ liệu dạng JSON (Content-Type: application/json)."
    message_en = "Please send JSON (Content-Type: application/json)."


class TooManyUrlsError(ServiceError):
    status = 413
    code = "too_many_urls"
    message_vi = f"Mỗi lần gửi tối đa {MAX_URLS} địa chỉ bài viết."
    message_en = f"At most {MAX_URLS} article URLs per request."


@bp.after_request
def _bearer_challenge(response):
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="docnd-editor"'
    response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.post("/api/v1/prerender")
def prerender():
    require_bearer()
    if not request.is_json:
        raise UnsupportedMediaError()
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequestError(message_vi="Nội dung JSON không hợp lệ.",
                              message_en="The JSON body is not valid.")
    force = bool(body.get("force", False))
    services = services_of(current_app)
    jobs = []
    if body.get("listing"):
        listing = body["listing"]
        listing_url = check_address(listing) if isinstance(listing, str) else None
        limit = body.get("limit")
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise BadRequestError(message_vi="limit phải là số nguyên dương.",
                                  message_en="limit must be a positive integer.")
        job = enqueue_crawl(services, listing_url, since=check_since(body.get("since")), limit=limit,
                            force=force)
        jobs.append({"id": job.id, "url": job.meta["url"], "kind": "crawl"})
    urls = body.get("urls", [])
    if body.get("url"):
        urls = [body["url"], *urls] if isinstance(urls, list) else urls
    if not isinstance(urls, list):
        raise BadRequestError(message_vi="urls phải là một danh sách địa chỉ.",
                              message_en="urls must be a list of URLs.")
    if len(urls) > MAX_URLS:
        raise TooManyUrlsError()
    checked = list(dict.fromkeys(check_address(u) for u in urls))  # unique, in order
    if not checked and not jobs:
        raise BadRequestError(message_vi="Chưa có địa chỉ bài viết nào (urls) hay trang danh sách (listing).",
                              message_en="Give article URLs (urls) or a listing to crawl (listing).")
    for url in checked:
        job = enqueue_prerender(services, url, force=force)
        jobs.append({"id": job.id, "url": url, "kind": "prerender"})
    return jsonify(jobs=jobs), 202


@bp.get("/api/v1/jobs/<job_id>")
def job_status(job_id: str):
    require_bearer()
    job = load_job(services_of(current_app).redis, job_id)
    return jsonify(describe_job(job, english=wants_english(request)))
