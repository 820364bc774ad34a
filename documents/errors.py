"""The documents room's errors: each names its HTTP status and says, in Vietnamese first,
what is wrong with the file and what the reader can do."""
from __future__ import annotations

from errors import ServiceError


class DocumentError(ServiceError):
    """Base of every error raised while reading an attached document."""


class UnsupportedDocumentError(DocumentError):
    status = 415
    code = "unsupported_document"
    message_vi = "Tệp này không phải PDF hay Word (DOCX) nên dịch vụ không đọc được."
    message_en = "That file is neither a PDF nor a Word (DOCX) document, so it cannot be read."


class EncryptedDocumentError(DocumentError):
    status = 422
    code = "encrypted_document"
    message_vi = "Tệp được bảo vệ bằng mật khẩu nên dịch vụ không đọc được."
    message_en = "The file is password-protected, so it cannot be read."


class CorruptDocumentError(DocumentError):
    status = 422
    code = "corrupt_document"
    message_vi = "Tệp bị hỏng hoặc không đúng định dạng nên dịch vụ không đọc được."
    message_en = "The file is damaged or malformed, so it cannot be read."


class DocumentTooLargeError(DocumentError):
    status = 413
    code = "document_too_large"
    message_vi = "Tệp quá lớn để đọc (giới hạn {limit} MB)."
    message_en = "The file is too large to read (the limit is {limit} MB)."

    def __init__(self, limit_bytes: int, detail: str | None = None) -> None:
        mb = f"{limit_bytes / (1024 * 1024):g}"
        super().__init__(detail, message_vi=self.message_vi.format(limit=mb),
                         message_en=self.message_en.format(limit=mb))


class TooManyPagesError(DocumentError):
    status = 413
    code = "too_many_pages"
    message_vi = "Tệp có quá nhiều trang để đọc ({pages} trang, giới hạn {limit} trang)."
    message_en = "The file has too many pages to read ({pages} pages, the limit is {limit})."

    def __init__(self, pages: int, limit: int) -> None:
        super().__init__(f"{pages} pages > {limit}",
                         message_vi=self.message_vi.format(pages=pages, limit=limit),
                         message_en=self.message_en.format(pages=pages, limit=limit))


class DocumentTimeoutError(DocumentError):
    status = 422
    code = "document_timeout"
    message_vi = "Tệp quá phức tạp, không đọc xong trong thời gian cho phép."
    message_en = "The file is too complex to be read within the time allowed."


class OcrUnavailableError(DocumentError):
    status = 503
    code = "ocr_unavailable"
    message_vi = "Bộ nhận dạng chữ (OCR) chưa được cài đặt nên chưa đọc được tệp ảnh quét."
    message_en = "The text recogniser (OCR) is not installed, so scanned files cannot be read yet."
