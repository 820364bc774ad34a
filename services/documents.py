"""Attached documents as the service reads them: fetched under the scraper's rules, read
(documents/) and arranged in the order a clerk reads a document aloud."""
from __future__ import annotations

from documents.errors import DocumentTooLargeError
from documents.model import Document, Section
from errors import ServiceError
from scraper.article import Article
from scraper.errors import TooLargeError


def is_document_url(url: str) -> bool:
    """What may be a PDF or DOCX by its address (the bytes decide later)."""
    return url.lower().split("?")[0].split("#")[0].endswith((".pdf", ".docx"))


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


class NotAnAttachmentError(ServiceError):
    status = 422
    code = "not_an_attachment"
    message_vi = ("Dịch vụ chỉ đọc các tệp đính kèm của bài viết trên trang của Sở. "
                  "Tệp này không nằm trong danh sách tệp đính kèm của bài viết.")
    message_en = "Only files attached to an article on the department's site are read; this one is not."


def check_attachment(article: Article, url: str) -> str:
    """`url` must be one of the article's attachments (as the scraper found them)."""
    for attachment in article.attachments:
        if attachment.url == url:
            return attachment.title or url
    raise NotAnAttachmentError(f"{url} is not attached to {article.url}")


def document_article(doc: Document, url: str) -> Article:
    """The document as the narrator and the reader page take it: the clerk's opening as
    title and lead, then one paragraph per section (so "Đoạn sau" skips Điều by Điều)."""
    script = reading_script(doc)
    opening = script[0].paragraphs if script and (doc.doc_type or doc.title) else []
    body = script[1:] if opening else script
    return Article(url=url, title=opening[0] if opening else (doc.title or url),
                   lead=" ".join(opening[1:]),
                   paragraphs=[" ".join(s.paragraphs) for s in body],
                   site="document")


def partial_article(reading, url: str) -> Article:
    """The pages read so far as an Article of its own address (so its narration is cached
    apart from the whole document's, one per count of pages read)."""
    return document_article(reading.document, f"{url}#trang-1-{reading.pages_read}")


def section_headings(doc: Document) -> list[str]:
    """The heading of each paragraph of document_article (the same order)."""
    script = reading_script(doc)
    return [s.heading for s in (script[1:] if script and (doc.doc_type or doc.title) else script)]


def read_attachment(services, url: str, article_url: str, progress=None) -> Document:
    """Fetch and read an attachment of an accepted article, once per file content."""
    from documents.read import content_hash, read_document_isolated
    check_attachment(services.articles.get(article_url), url)
    data = fetch_document_bytes(services.fetcher, url, services.document_limits.max_bytes)
    known = services.documents.by_hash(content_hash(data))
    doc = known or read_document_isolated(data, services.document_limits, progress,
                                          partial=lambda d, k, n: services.documents.save_partial(url, d, k, n))
    services.documents.save(url, doc)
    return doc
