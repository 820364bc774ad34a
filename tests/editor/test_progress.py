"""Editors see segments rendered of segments planned, and a failure says what failed and
what they can do (never "Lỗi | lỗi")."""
from __future__ import annotations

import pytest

from scraper.errors import ListingPageError, NoArticleError
from services.container import services_of
from services.prerender import prerender_url
from web.editor_labels import failure_label, progress_label

SAMPLE_ARTICLE = "tin-tuc/cong-bo-bang-gia-dat-ap-dung-tu-ngay-01-01-2026.html"


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


def test_progress_counts_segments_rendered_of_planned(editor_app, sample_site):
    reports = []
    result = prerender_url(services_of(editor_app), sample_site + SAMPLE_ARTICLE,
                           progress=lambda stage, done, total: reports.append((stage, done, total)))
    assert result["status"] == "rendered"
    narrating = [(done, total) for stage, done, total in reports if stage == "narrating" and total]
    planned = narrating[0][1]
    assert planned > 1 and narrating[0] == (0, planned)  # the plan is told before segment one
    assert [done for done, _ in narrating] == sorted(done for done, _ in narrating)
    assert {total for _, total in narrating} == {planned}
    assert reports[-1] == ("done", planned, planned)


def _job(status, stage, done=0, total=0, kind="prerender", error=None, failed_stage=None):
    if error is not None:
        error = {**error, "stage": failed_stage}
    return {"status": status, "kind": kind, "error": error,
            "progress": {"stage": stage, "done": done, "total": total}}


def test_progress_labels_name_the_unit():
    assert progress_label(_job("started", "fetching")) == "đang lấy bài"
    assert progress_label(_job("started", "narrating", 12, 40)) == "đang đọc: 12/40 đoạn"
    assert progress_label(_job("finished", "rendered", 40, 40)) == "đã tạo âm thanh: 40/40 đoạn"
    assert progress_label(_job("started", "queueing", 3, 14, kind="crawl")) == \
        "đang xếp bài vào hàng đợi: 3/14 bài"
    assert failure_label(_job("finished", "rendered", 40, 40)) == ""


def test_a_failure_says_what_failed_and_what_to_do():
    unreachable = _job("failed", "failed", failed_stage="fetching",
                       error={"code": "source_unreachable", "permanent": False,
                              "message": "Không kết nối được trang nguồn."})
    assert progress_label(unreachable) == "Không lấy được bài từ trang nguồn"
    assert failure_label(unreachable).startswith("Không kết nối được trang nguồn. Bấm “Thử lại”")
    missing = _job("failed", "failed", failed_stage="fetching",
                   error={"code": "source_not_found", "permanent": True, "message": "Không có."})
    assert "kiểm tra lại địa chỉ" in failure_label(missing)
    retrying = _job("scheduled", "failed", failed_stage="narrating",
                    error={"code": "engine_unavailable", "permanent": False, "message": "Giọng lỗi."})
    assert progress_label(retrying) == "Không tạo được âm thanh"
    assert "tự thử lại" in failure_label(retrying)
    unknown = _job("failed", "narrating", 3, 40)  # a crash with nothing recorded
    assert progress_label(unknown) == "Không tạo được âm thanh"
    assert failure_label(unknown).startswith("Không rõ lý do.")
    for job in (unreachable, missing, retrying, unknown):
        assert progress_label(job).lower() != "lỗi"


def test_a_listing_page_is_not_called_unfetched_and_is_said_once():
    """The page was fetched: it is a listing, not an article. The reader-facing message
    ("Xin chọn một bài…") and the editor's advice must not say the same thing twice."""
    listing = _job("failed", "failed", failed_stage="fetching",
                   error={"code": "listing_page", "permanent": True,
                          "message": ListingPageError.message_vi})
    assert progress_label(listing) == "Đã lấy trang, nhưng không phải bài viết"
    text = failure_label(listing)
    assert text.count("trang danh sách") == 1, text
    assert "Xin chọn một bài" not in text  # the reader's advice, not the editor's
    assert "Quét trang tin" in text
    no_article = _job("failed", "failed", failed_stage="fetching",
                      error={"code": "no_article", "permanent": True,
                             "message": NoArticleError.message_vi})
    assert progress_label(no_article) == "Đã lấy trang, nhưng không phải bài viết"
    assert failure_label(no_article).count("bài viết") == 2  # the reason, then the advice
    assert failure_label(no_article).startswith("Không tìm thấy nội dung bài viết. ")
