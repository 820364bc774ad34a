"""Domain errors shared by every room. Each carries its HTTP status and a message in
Vietnamese (first) and English; the web layer maps them to responses in one place."""
from __future__ import annotations


class ServiceError(Exception):
    status: int = 500
    code: str = "internal_error"
    message_vi: str = "Đã có lỗi không mong muốn. Xin vui lòng thử lại sau."
    message_en: str = "Something went wrong. Please try again later."

    def __init__(self, detail: str | None = None, *, message_vi: str | None = None,
                 message_en: str | None = None, retry_after_s: int | None = None) -> None:
        super().__init__(detail or self.message_en)
        self.detail = detail
        if message_vi:
            self.message_vi = message_vi
        if message_en:
            self.message_en = message_en
        self.retry_after_s = retry_after_s

    def extra(self) -> dict:
        """More fields for the JSON error body (none by default)."""
        return {}


class BadRequestError(ServiceError):
    status = 400
    code = "bad_request"
    message_vi = "Yêu cầu không hợp lệ."
    message_en = "The request is not valid."


class NotFoundError(ServiceError):
    status = 404
    code = "not_found"
    message_vi = "Không tìm thấy trang hoặc nội dung bạn yêu cầu."
    message_en = "The page or content you asked for was not found."


class StorageUnavailableError(ServiceError):
    status = 503
    code = "storage_unavailable"
    message_vi = "Hệ thống lưu trữ tạm thời không sẵn sàng. Xin vui lòng thử lại sau ít phút."
    message_en = "Storage is temporarily unavailable. Please try again in a few minutes."


class BusyError(ServiceError):
    status = 503
    code = "busy"
    message_vi = "Hệ thống đang bận tạo âm thanh cho nhiều bài. Xin vui lòng thử lại sau ít giây."
    message_en = "The service is busy rendering audio. Please try again in a few seconds."
