"""Bad files: each gives its own status and a Vietnamese message, never a hang or a 500."""
import io
import zipfile
import zlib

import pytest

from documents.errors import (CorruptDocumentError, DocumentTimeoutError, DocumentTooLargeError,
                              EncryptedDocumentError, TooManyPagesError, UnsupportedDocumentError)
from documents.read import Limits, read_document, read_document_isolated


def encrypted(pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="mat-khau", owner_password="chu", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_size_limit_is_413_with_the_limit_in_mb(decision_pdf):
    with pytest.raises(DocumentTooLargeError) as caught:
        read_document(decision_pdf, Limits(max_bytes=10_000))
    assert caught.value.status == 413 and "MB" in caught.value.message_vi


def test_page_limit_is_413(decision_pdf):
    with pytest.raises(TooManyPagesError) as caught:
        read_document(decision_pdf, Limits(max_pages=1))
    assert caught.value.status == 413 and "2 trang" in caught.value.message_vi


def test_password_protected_pdf_is_422(decision_pdf):
    with pytest.raises(EncryptedDocumentError) as caught:
        read_document(encrypted(decision_pdf))
    assert caught.value.status == 422
    assert caught.value.message_vi.startswith("Tệp được bảo vệ bằng mật khẩu")


@pytest.mark.parametrize("data", [
    "<!DOCTYPE html><html><body>Không phải tệp</body></html>".encode(),
    b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
    b"",
])
def test_neither_pdf_nor_docx_is_415(data):
    with pytest.raises(UnsupportedDocumentError) as caught:
        read_document(data)
    assert caught.value.status == 415


def test_a_zip_that_is_not_word_is_415():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedDocumentError):
        read_document(out.getvalue())


def test_corrupt_pdf_is_422(decision_pdf):
    for data in (b"%PDF-1.7\n" + b"\x00garbage" * 200, decision_pdf[: len(decision_pdf) // 3]):
        with pytest.raises(CorruptDocumentError) as caught:
            read_document_isolated(data)
        assert caught.value.status == 422


def test_docx_decompression_bomb_is_refused_before_inflating():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024))
    with pytest.raises(CorruptDocumentError) as caught:
        read_document(out.getvalue())
    assert caught.value.status == 422 and "unzips" in caught.value.detail


def _pdf_bomb(inflated_mb: int) -> bytes:
    """One page whose content stream inflates to `inflated_mb` of spaces."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    stream = b"".join(packer.compress(chunk) for _ in range(inflated_mb)) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def test_pdf_decompression_bomb_is_422_not_a_hang_or_a_crash():
    """1 GB of content in ~1 MB: the reading process hits its memory ceiling (set a little
    above what it already uses) or its deadline, and the answer is a 422."""
    import psutil
    in_use_mb = psutil.Process().memory_info().vms // (1024 * 1024)
    limits = Limits(memory_mb=in_use_mb + 400, timeout_s=60)
    with pytest.raises((CorruptDocumentError, DocumentTimeoutError)) as caught:
        read_document_isolated(_pdf_bomb(1024), limits)
    assert caught.value.status == 422


def test_ocr_time_per_page_is_bounded(decision):
    """A page budget Tesseract cannot meet: the pages are left out, and a file with nothing
    left is a 422 (not a worker stuck on one page)."""
    from samples import documents
    scan = documents.scan(documents.render_pdf(decision), dpi=100)
    with pytest.raises(DocumentTimeoutError) as caught:
        read_document(scan, Limits(ocr_page_timeout_s=0.01))
    assert caught.value.status == 422
