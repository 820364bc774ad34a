"""The reader view of an attached document, end to end on the sample site: the reader page
links each attachment, /doc queues the reading on the workers (202 with progress), a worker
reads and narrates it, then /doc shows sections and plays like an article."""
import pytest

from services.container import services_of
from services.job_queue import document_job_id, find_document_job
from services.job_queue import PRERENDER_QUEUE

ARTICLE = "tin-tuc/thanh-tra-hoat-dong-khai-thac-khoang-san-tai-huyen-huu-lung.html"
DOCX = "files/kh-35-kh-stnmt-thanh-tra-khoang-san.docx"


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


def run_jobs(app) -> None:
    from services.worker import AppSimpleWorker
    services = services_of(app)
    worker = AppSimpleWorker([services.queues[PRERENDER_QUEUE]], connection=services.redis,
                             services=services)
    worker.work(burst=True)


def test_the_reader_page_offers_to_read_each_attachment(client, sample_site):
    html = client.get("/read", query_string={"url": sample_site + ARTICLE}).get_data(as_text=True)
    assert "Đọc văn bản" in html
    assert "/doc?url=" in html and "kh-35-kh-stnmt-thanh-tra-khoang-san.docx" in html


def test_only_attachments_of_the_article_are_read(client, sample_site):
    reply = client.get("/doc", query_string={"url": sample_site + "files/other.pdf",
                                             "article": sample_site + ARTICLE},
                       headers={"Accept": "application/json"})
    assert reply.status_code == 422 and reply.get_json()["error"] == "not_an_attachment"


def test_doc_is_read_on_a_worker_then_shown_and_narrated_by_section(app, client, sample_site):
    args = {"url": sample_site + DOCX, "article": sample_site + ARTICLE}
    first = client.get("/doc", query_string=args)
    assert first.status_code == 202
    assert "Đang tải và đọc văn bản" in first.get_data(as_text=True)
    assert find_document_job(services_of(app), sample_site + DOCX).id == document_job_id(sample_site + DOCX)
    assert client.get("/doc", query_string=args).status_code == 202  # the same job, not a second

    run_jobs(app)
    status = client.get("/api/v1/doc/status", query_string=args).get_json()
    assert status["ready"] is True

    page = client.get("/doc", query_string=args)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Kế hoạch số 35/KH-STNMT, ngày 26 tháng 5 năm 2025" in html
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, ĐỐI TƯỢNG THANH TRA", "Người ký", "Nơi nhận"):
        assert f">{heading}</h2>" in html
    narration = client.get("/api/v1/doc/narration", query_string=args).get_json()
    assert narration["status"] == "ready"  # pre-rendered by the job
    blocks = {s["block"] for s in narration["segments"]}
    assert len(blocks) >= 6  # the opening, the title, one block a section


def test_a_bad_file_fails_its_job_with_the_reason(app, client, sample_site, monkeypatch):
    from documents.errors import EncryptedDocumentError

    def refuse(*args, **kwargs):
        raise EncryptedDocumentError("test")
    monkeypatch.setattr("documents.read.read_document_isolated", refuse)
    args = {"url": sample_site + DOCX, "article": sample_site + ARTICLE}
    assert client.get("/doc", query_string=args).status_code == 202
    run_jobs(app)
    status = client.get("/api/v1/doc/status", query_string=args).get_json()
    assert status["status"] == "failed" and status["message"].startswith("Tệp được bảo vệ bằng mật khẩu")


def test_editors_jobs_read_the_attachments_and_the_feed_lists_them(app, client, sample_site):
    """Pre-rendering an article queues its documents (kept audio); each becomes a feed item
    after its article's, with its own MP3 as the enclosure."""
    from services.job_queue import enqueue_prerender
    services = services_of(app)
    enqueue_prerender(services, sample_site + ARTICLE)
    run_jobs(app)  # the article's job queues the document's; the burst worker runs both
    record = services.jobs.get_record(sample_site + DOCX)
    assert record is not None and record.attachment_of == sample_site + ARTICLE
    assert services.narrator.records.get(record.narration_id)["kept"]
    feed = client.get("/feed.xml").get_data(as_text=True)
    assert "Thanh tra hoạt động khai thác khoáng sản tại huyện Hữu Lũng — Văn bản đính kèm" in feed
    assert f"/audio/article/{record.narration_id}.mp3" in feed
    article_record = services.jobs.get_record(sample_site + ARTICLE)
    assert feed.index(article_record.narration_id) < feed.index(record.narration_id)  # right after it
