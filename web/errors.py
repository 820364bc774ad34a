"""Domain errors and HTTP errors mapped to responses, once, for the whole app.

API clients (and clients that ask for JSON) get {"error", "message"}, in Vietnamese unless
the client prefers English. Browsers get an accessible HTML page, always in Vietnamese like
every other page (`lang="vi"`): Chromium asks for English by default, and an English page
under the site's Vietnamese header would be read with the wrong voice. No stack trace ever
reaches a user: unexpected errors are logged and answered with a plain 500 message.
"""
from __future__ import annotations

import logging

import redis
from flask import Flask, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from errors import ServiceError, StorageUnavailableError
from web.negotiate import wants_english, wants_json

log = logging.getLogger("docnd.errors")

HTTP_MESSAGES = {
    400: ("Yêu cầu không hợp lệ.", "The request is not valid."),
    401: ("Bạn cần đăng nhập để dùng chức năng này.", "You need to sign in to use this."),
    403: ("Bạn không có quyền truy cập nội dung này.", "You may not access this."),
    404: ("Không tìm thấy trang bạn yêu cầu.", "The page you asked for was not found."),
    405: ("Phương thức này không được hỗ trợ tại địa chỉ này.", "That method is not allowed here."),
    413: ("Dữ liệu gửi lên quá lớn.", "What you sent is too large."),
    415: ("Định dạng dữ liệu không được hỗ trợ.", "That content type is not supported."),
    422: ("Không thể xử lý yêu cầu này.", "The request cannot be processed."),
    429: ("Bạn đã gửi quá nhiều yêu cầu. Xin vui lòng thử lại sau ít phút.",
          "Too many requests. Please try again in a few minutes."),
    500: ("Đã có lỗi không mong muốn. Xin vui lòng thử lại sau.",
          "Something went wrong. Please try again later."),
    502: ("Không thể lấy nội dung từ trang nguồn.", "The source site could not be reached."),
    503: ("Dịch vụ tạm thời không sẵn sàng. Xin vui lòng thử lại sau.",
          "The service is temporarily unavailable. Please try again later."),
    504: ("Trang nguồn phản hồi quá chậm.", "The source site took too long to answer."),
}


def error_response(status: int, code: str, message_vi: str, message_en: str,
                   retry_after_s: int | None = None, extra: dict | None = None):
    if wants_json(request):
        message = message_en if wants_english(request) else message_vi
        response = make_response(jsonify(error=code, message=message, **(extra or {})))
    else:
        response = make_response(render_template(
            "errors/error.html", status=status, message=message_vi))
    response.status_code = status
    if retry_after_s:
        response.headers["Retry-After"] = str(int(retry_after_s))
    return response


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError):
        if exc.status >= 500:
            log.warning("%s: %s", exc.code, exc.detail or exc)
        return error_response(exc.status, exc.code, exc.message_vi, exc.message_en,
                              exc.retry_after_s, exc.extra())

    @app.errorhandler(redis.exceptions.ConnectionError)
    @app.errorhandler(redis.exceptions.TimeoutError)
    @app.errorhandler(redis.exceptions.OutOfMemoryError)
    @app.errorhandler(redis.exceptions.ReadOnlyError)
    @app.errorhandler(redis.exceptions.BusyLoadingError)
    def _redis_down(exc):
        # Down, full (at its memory limit), a read-only replica or still loading: all mean
        # "storage cannot take this now", which is a 503 with a retry, never a 500.
        log.error("redis unavailable: %s", exc)
        err = StorageUnavailableError()
        return error_response(err.status, err.code, err.message_vi, err.message_en, 10)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        vi, en = HTTP_MESSAGES.get(status, HTTP_MESSAGES[500 if status >= 500 else 400])
        code = (exc.name or "error").lower().replace(" ", "_")
        response = error_response(status, code, vi, en)
        if getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        vi, en = HTTP_MESSAGES[500]
        return error_response(500, "internal_error", vi, en)
