"""How the editor page words a job: its status, its progress (segments rendered of segments
planned; articles queued of found for a crawl), and for a failure what failed and what the
editor can do. Pure functions over the dicts describe_job makes."""
from __future__ import annotations

STATUS_VI = {
    "queued": "Đang chờ", "started": "Đang xử lý", "finished": "Xong", "failed": "Lỗi",
    "scheduled": "Chờ thử lại", "deferred": "Đang chờ", "stopped": "Đã dừng",
    "canceled": "Đã huỷ",
}
STAGE_VI = {
    "queued": "chờ đến lượt", "fetching": "đang lấy bài", "narrating": "đang đọc",
    "storing": "đang lưu", "done": "đã tạo âm thanh", "rendered": "đã tạo âm thanh",
    "skipped": "bài không đổi, giữ âm thanh cũ", "crawling": "đang quét trang tin",
    "queueing": "đang xếp bài vào hàng đợi", "crawled": "đã quét xong",
}
UNIT_VI = {"prerender": "đoạn", "crawl": "bài"}
# What failed, by the stage the job was in.
FAILED_AT_VI = {
    "queued": "Không bắt đầu được", "fetching": "Không lấy được bài từ trang nguồn",
    "narrating": "Không tạo được âm thanh", "storing": "Không lưu được âm thanh",
    "crawling": "Không quét được trang tin", "queueing": "Không xếp được bài vào hàng đợi",
}
# What failed, by error code, before the stage: a listing was fetched all right, so
# "Không lấy được bài" would send the editor looking for a network fault.
FAILED_CODE_VI = {
    "listing_page": "Đã lấy trang, nhưng không phải bài viết",
    "no_article": "Đã lấy trang, nhưng không phải bài viết",
}
FAILED_VI = "Không tạo được âm thanh"
# The reason, by error code, where the job's message speaks to a reader rather than an editor
# ("Xin chọn một bài trong danh sách…" would repeat, differently, the advice below).
REASON_VI = {
    "listing_page": "Đây là trang danh sách bài viết.",
}
# What the editor can do, by error code; else by whether trying again can help.
ADVICE_VI = {
    "no_article": "Hãy dán địa chỉ của chính bài viết (không phải trang chủ hay chuyên mục).",
    "listing_page": "Hãy dán địa chỉ từng bài, hoặc bấm “Quét trang tin” để xếp cả trang.",
    "source_not_found": "Trang nguồn không còn bài này: kiểm tra lại địa chỉ.",
    "host_not_allowed": "Chỉ đọc được bài trên trang của Sở: kiểm tra lại địa chỉ.",
    "private_address": "Chỉ đọc được bài trên trang của Sở: kiểm tra lại địa chỉ.",
    "bad_url": "Kiểm tra lại địa chỉ (bắt đầu bằng http:// hoặc https://).",
    "robots_disallowed": "Trang nguồn không cho đọc tự động trang này: báo quản trị viên.",
    "abandoned": "Máy xử lý dừng giữa chừng: bấm “Thử lại”.",
}
ADVICE_PERMANENT_VI = "Kiểm tra lại địa chỉ bài viết, rồi gửi lại."
ADVICE_RETRY_VI = "Bấm “Thử lại” sau ít phút; nếu vẫn lỗi, báo quản trị viên."
ADVICE_AUTO_VI = "Hệ thống sẽ tự thử lại, không cần làm gì."
UNKNOWN_VI = "Không rõ lý do."
ENDED = {"failed", "stopped", "canceled"}


def status_label(job: dict) -> str:
    return STATUS_VI.get(job["status"], job["status"])


def progress_label(job: dict) -> str:
    """'đang đọc: 12/40 đoạn'; for a failure, what failed ('Không lấy được bài…')."""
    progress = job.get("progress") or {}
    if job["status"] in ENDED or (job.get("error") and job["status"] != "finished"):
        error = job.get("error") or {}
        if error.get("code") in FAILED_CODE_VI:
            return FAILED_CODE_VI[error["code"]]
        return FAILED_AT_VI.get(error.get("stage") or "", FAILED_VI)
    label = STAGE_VI.get(progress.get("stage") or "", "")
    total = int(progress.get("total") or 0)
    if total:
        unit = UNIT_VI.get(job.get("kind") or "", "")
        label += f": {int(progress.get('done') or 0)}/{total} {unit}".rstrip()
    return label


def failure_label(job: dict) -> str:
    """The reason and what to do about it; empty when nothing failed."""
    error = job.get("error")
    if not error and job["status"] not in ENDED:
        return ""
    error = error or {}
    reason = REASON_VI.get(error.get("code") or "") or (error.get("message") or UNKNOWN_VI).strip()
    if not reason.endswith((".", "!", "?", "…", ":")):
        reason += "."  # some messages are bare phrases ("Không tìm thấy nội dung bài viết")
    if job["status"] == "scheduled":
        advice = ADVICE_AUTO_VI
    elif error.get("code") in ADVICE_VI:
        advice = ADVICE_VI[error["code"]]
    elif error.get("permanent"):
        advice = ADVICE_PERMANENT_VI
    else:
        advice = ADVICE_RETRY_VI
    return f"{reason} {advice}"
