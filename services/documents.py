"""Attached documents as the service reads them: fetched under the scraper's rules, read
(documents/) and arranged in the order a clerk reads a document aloud."""
from __future__ import annotations

from documents.errors import DocumentTooLargeError
from documents.model import Document, Section
from scraper.errors import TooLargeError


def fetch_document_bytes(fetcher, url: str, max_bytes: int) -> bytes:
    """The file at `url` through the guarded fetcher (allowlist, SSRF, redirects, deadline)."""
    try:
        return fetcher.fetch_file(url, max_bytes=max_bytes).body
    except TooLargeError as exc:
        raise DocumentTooLargeError(max_bytes, exc.detail) from exc


def clerk_opening(doc: Document) -> list[str]:
    """Type, number, date, issuer, title: "Quyết định số 412/QĐ-UBND, ngày 12/3/2026,
    của Ủy ban nhân dân tỉnh Lạng Sơn. Về việc …"."""
    if not doc.doc_type:
        return [doc.title] if doc.title else []
    first = doc.doc_type.capitalize()
    if doc.number:
        first += f" số {doc.number}"
    if doc.date:
        year, month, day = doc.date.split("-")
        first += f", ngày {int(day)} tháng {int(month)} năm {year}"
    if doc.issuer:
        first += f", của {doc.issuer}"
    lines = [first + "."]
    if doc.title:
        lines.append(doc.title if doc.title.endswith(".") else doc.title + ".")
    return lines


def reading_script(doc: Document) -> list[Section]:
    """Sections in the clerk's order: the opening (type, number, date, issuer, title), the
    body's sections (Điều by Điều), the signer, then "Nơi nhận" announced as its own section
    so a listener can skip it."""
    sections = []
    opening = clerk_opening(doc)
    if opening:
        sections.append(Section(heading=doc.doc_type.capitalize() or doc.title[:80] or "Văn bản",
                                paragraphs=opening))
    sections += [Section(heading=s.heading or "Nội dung", paragraphs=list(s.paragraphs))
                 for s in doc.sections]
    if doc.signer:
        sections.append(Section(heading="Người ký", paragraphs=[", ".join(doc.signer) + "."]))
    if doc.recipients:
        items = [r.lstrip("-–•+ ").rstrip(";.") for r in doc.recipients[1:]]
        sections.append(Section(heading="Nơi nhận",
                                paragraphs=["Nơi nhận: " + "; ".join(i for i in items if i) + "."]))
    return sections
