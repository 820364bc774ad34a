"""While a scan is being recognised, the pages already read can be heard: the job stores a
partial reading after each page (never as the whole document), the waiting page links to it,
and the whole document replaces it when the file has been read."""
import pytest

from documents.model import Document, Section
from services.container import services_of
from tests.documents.test_doc_view import run_jobs

ARTICLE = "tin-tuc/day-nhanh-tien-do-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau.html"
SCAN = "files/qd-412-qd-ubnd-cap-gcn-scan.pdf"


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


def test_the_job_stores_the_pages_read_then_the_whole_document_replaces_them(app, client, sample_site):
    url, args = sample_site + SCAN, {"url": sample_site + SCAN, "article": sample_site + ARTICLE}
    store = services_of(app).documents
    seen = []
    save_partial = store.save_partial

    def spy(doc_url, doc, pages_read, pages):
        save_partial(doc_url, doc, pages_read, pages)
        reading = store.partial_by_url(doc_url)
        seen.append((reading.pages_read, reading.pages, reading.document.pages, store.by_url(doc_url)))
    store.save_partial = spy
    assert client.get("/doc", query_string=args).status_code == 202
    run_jobs(app)

    assert seen == [(1, 2, 2, None)]  # after page 1 of 2; the whole document not yet stored
    assert store.partial_by_url(url) is None
    whole = store.by_url(url)
    assert whole.ocr_pages == [1, 2] and whole.signer[-1] == "Đoàn Thanh Sơn"
    assert client.get("/doc", query_string=dict(args, partial=1)).status_code == 200  # the whole one now
    html = client.get("/doc", query_string=dict(args, partial=1)).get_data(as_text=True)
    assert "data-doc-partial" not in html and "Đoàn Thanh Sơn" in html
    from services.narration import narration_id
    kept = client.get("/api/v1/doc/narration", query_string=dict(args, partial=1)).get_json()
    assert kept["id"] == narration_id(url + "#trang-1-1")  # a view already open keeps its pages


def test_the_waiting_page_links_to_the_pages_read_and_that_view_says_it_is_partial(app, client, sample_site):
    from services.narration import narration_id
    url, args = sample_site + SCAN, {"url": sample_site + SCAN, "article": sample_site + ARTICLE}
    waiting = client.get("/doc", query_string=args).get_data(as_text=True)
    assert "Nghe các trang đã đọc" in waiting and "data-doc-partial hidden" in waiting  # nothing read yet
    doc = Document(doc_type="QUYẾT ĐỊNH", number="412/QĐ-UBND", title="Về việc cấp giấy chứng nhận",
                   sections=[Section(heading="Điều 1", paragraphs=["Cấp giấy chứng nhận cho các hộ."])],
                   pages=2, ocr_pages=[1], kind="pdf")
    services_of(app).documents.save_partial(url, doc, 1, 2)

    waiting = client.get("/doc", query_string=args)
    html = waiting.get_data(as_text=True)
    assert waiting.status_code == 202 and "data-doc-partial hidden" not in html
    assert "Nghe các trang đã đọc" in html and "1/2" in html and "partial=1" in html
    status = client.get("/api/v1/doc/status", query_string=args).get_json()
    assert status["ready"] is False and (status["pages_read"], status["pages"]) == (1, 2)
    assert "partial=1" in status["partial_url"]

    view = client.get("/doc", query_string=dict(args, partial=1))
    html = view.get_data(as_text=True)
    assert view.status_code == 200 and 'role="status"' in html
    assert "Đang nhận dạng trang 2/2 — phần còn lại sẽ có khi đọc xong" in html
    assert ">Điều 1</h2>" in html and "partial=1" in html  # the player asks for the partial narration
    narration = client.get("/api/v1/doc/narration", query_string=dict(args, partial=1))
    assert narration.status_code == 200
    record = narration.get_json()
    assert record["id"] != narration_id(url)  # cached apart from the whole document's
    assert client.get("/api/v1/doc/narration", query_string=args).status_code == 404
