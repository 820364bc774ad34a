"""Whole documents made from known text (samples/documents): text PDFs, a two-column page,
a ruled table, DOCX and the sample site's scanned decision (Tesseract, Vietnamese)."""
import pytest

from documents.read import read_document, read_document_isolated
from samples import documents
from samples.serve import SITE_DIR
from services.documents import reading_script


def test_text_pdf_decision_has_its_structure_and_exact_body(decision, decision_pdf):
    doc = read_document(decision_pdf)
    truth = documents.truth(decision)
    assert (doc.doc_type, doc.number, doc.date, doc.issuer, doc.title) == \
        ("QUYẾT ĐỊNH", "412/QĐ-UBND", "2026-03-12", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", truth["title"])
    assert doc.paragraphs == truth["paragraphs"]  # across the page break, without "1", "2"
    assert [s.heading for s in doc.sections][1:] == [
        "Điều 1. Giao chỉ tiêu cấp Giấy chứng nhận quyền sử dụng đất lần đầu năm 2026 cho Ủy ban nhân dân các huyện, …",
        "Điều 2. Tổ chức thực hiện", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký."]
    assert doc.signer == decision["signer"]
    assert doc.recipients == ["Nơi nhận:", *decision["recipients"]]
    assert doc.pages == 2 and doc.ocr_pages == []


def test_clerks_order_type_number_date_issuer_title_body_signer_then_recipients(decision_pdf):
    script = reading_script(read_document(decision_pdf))
    assert script[0].paragraphs[0] == ("Quyết định số 412/QĐ-UBND, ngày 12 tháng 3 năm 2026, "
                                       "của ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN.")
    assert script[0].paragraphs[1].startswith("Về việc giao chỉ tiêu")
    assert [s.heading for s in script[-2:]] == ["Người ký", "Nơi nhận"]
    assert script[-2].paragraphs == ["TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH, Đoàn Thanh Sơn."]


@pytest.mark.parametrize("name", ["bc-quan-trac", "kh-thanh-tra"])
def test_two_columns_and_ruled_tables_read_exactly(name):
    doc_data = documents.load(name)
    doc = read_document(documents.render_pdf(doc_data))
    assert doc.paragraphs == documents.truth(doc_data)["paragraphs"]


def test_table_rows_are_sentences():
    doc = read_document(documents.render_pdf(documents.load("kh-thanh-tra")))
    assert "Hàng 2: Công ty Cổ phần Khoáng sản Lạng Sơn; Địa điểm mỏ: Xã Tân Thành; Số giấy phép: 22/GP-UBND" \
        in doc.paragraphs
    assert [s.heading for s in doc.sections] == ["Phần mở đầu", "I. MỤC ĐÍCH, YÊU CẦU",
                                                 "II. NỘI DUNG, ĐỐI TƯỢNG THANH TRA", "III. TỔ CHỨC THỰC HIỆN"]


def test_docx_from_the_sample_site():
    data = (SITE_DIR / "files" / "kh-35-kh-stnmt-thanh-tra-khoang-san.docx").read_bytes()
    doc = read_document(data)
    truth = documents.truth(documents.load("kh-thanh-tra"))
    assert doc.kind == "docx"
    assert (doc.doc_type, doc.number, doc.date, doc.issuer) == \
        ("KẾ HOẠCH", "35/KH-STNMT", "2025-05-26", "UBND TỈNH LẠNG SƠN SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG")
    assert doc.paragraphs == truth["paragraphs"]
    assert doc.signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hải"]


def test_legacy_tcvn3_text_layer_is_converted():
    """A body in .VnTime under a Unicode title; (no "ư": its TCVN3 byte is a soft hyphen,
    which WeasyPrint, rendering our test file, would hide)."""
    data = dict(documents.load("bc-quan-trac"), body=[
        "Qu¶n lý ®Êt ®ai trªn ®Þa bµn tØnh L¹ng S¬n thùc hiÖn theo quy ®Þnh cña ph¸p luËt."])
    doc = read_document(documents.render_pdf(data))
    assert doc.paragraphs == ["Quản lý đất đai trên địa bàn tỉnh Lạng Sơn thực hiện theo quy định của pháp luật."]


def test_the_sample_sites_scanned_decision_through_ocr(decision):
    """The committed scan (200 dpi, bilevel, grain, 0.6° skew), in its own process as the
    workers run it, with progress page by page."""
    data = (SITE_DIR / "files" / decision["file"]).read_bytes()
    seen = []
    doc = read_document_isolated(data, progress=lambda done, total, page: seen.append((done, total)))
    assert doc.ocr_pages == [1, 2] and seen[0] == (0, 2) and seen[-1] == (2, 2)
    assert (doc.doc_type, doc.number, doc.date) == ("QUYẾT ĐỊNH", "412/QĐ-UBND", "2026-03-12")
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert [s.heading.split(".")[0] for s in doc.sections if s.heading.startswith("Điều")] == \
        ["Điều 1", "Điều 2", "Điều 3"]
    assert doc.signer[-1] == "Đoàn Thanh Sơn"
    from bench.documents import cer
    assert cer(" ".join(doc.paragraphs), " ".join(documents.truth(decision)["paragraphs"])) <= 0.02


def test_a_ruled_table_in_a_scan_is_read_row_by_row():
    """The rules are found in the pixels and each cell is recognised inside them."""
    doc_data = documents.load("kh-thanh-tra")
    doc = read_document(documents.scan(documents.render_pdf(doc_data), dpi=200, noise=18,
                                       skew_deg=1.0, seed=7))
    rows = [p for p in doc.paragraphs if p.startswith("Hàng")]
    assert rows == [p for p in documents.truth(doc_data)["paragraphs"] if p.startswith("Hàng")]
