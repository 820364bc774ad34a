"""Attachments come through the page fetcher's rules, with a binary path and the document
size limit (tests/scraper's local origin server)."""
import pytest

from documents.errors import DocumentTooLargeError
from scraper.errors import HostNotAllowedError, PageNotFoundError
from services.documents import fetch_document_bytes
from tests.scraper.conftest import fetcher, origin, policy  # noqa: F401  (fixtures)

PDF = b"%PDF-1.7\n" + b"0" * 5000


def test_a_pdf_is_fetched_whatever_its_content_type(origin, fetcher):  # noqa: F811
    origin.routes["/files/qd.pdf"] = lambda r: (200, {"Content-Type": "application/octet-stream"}, PDF)
    assert fetch_document_bytes(fetcher, origin.url("/files/qd.pdf"), 20_000) == PDF


def test_the_document_size_limit_is_a_413(origin, fetcher):  # noqa: F811
    origin.routes["/files/big.pdf"] = lambda r: (200, {"Content-Type": "application/pdf"}, PDF)
    with pytest.raises(DocumentTooLargeError) as caught:
        fetch_document_bytes(fetcher, origin.url("/files/big.pdf"), 1000)
    assert caught.value.status == 413


def test_a_missing_file_is_404_and_a_redirect_off_the_allowlist_422(origin, fetcher):  # noqa: F811
    with pytest.raises(PageNotFoundError):
        fetch_document_bytes(fetcher, origin.url("/files/none.pdf"), 20_000)
    origin.routes["/files/go.pdf"] = lambda r: (302, {"Location": "http://169.254.169.254/x.pdf"}, b"")
    with pytest.raises(HostNotAllowedError):
        fetch_document_bytes(fetcher, origin.url("/files/go.pdf"), 20_000)
