"""Bytes of an attached file → Document. `read_document` does the work in this process;
`read_document_isolated` runs it in a child process with a memory ceiling and a deadline,
so a decompression bomb or a file that sends a parser into a loop costs a 422, never a hung
worker. OCR progress is reported page by page (for job.meta)."""
from __future__ import annotations

import hashlib
import io
import logging
import multiprocessing
import time
import zipfile
from dataclasses import dataclass
from typing import Any, Callable

from documents import errors
from documents.errors import (CorruptDocumentError, DocumentError, DocumentTimeoutError,
                              DocumentTooLargeError, UnsupportedDocumentError)
from documents.model import Block, Document, PageText
from documents.ocr import OcrSettings

log = logging.getLogger("docnd.documents")
Progress = Callable[[int, int, int], None]  # (pages recognised, pages to recognise, page number)
# (the pages read so far as a Document, pages read: 1..k, pages in the file), after each OCR page
Partial = Callable[[Document, int, int], None]


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 100
    ocr_page_timeout_s: float = 60.0
    timeout_s: float = 900.0  # the whole file, OCR included
    memory_mb: int = 3072
    ocr_lang: str = "vie"

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "Limits":
        return cls(max_bytes=int(config["DOCUMENT_MAX_MB"] * 1024 * 1024),
                   max_pages=config["DOCUMENT_MAX_PAGES"],
                   ocr_page_timeout_s=config["OCR_PAGE_TIMEOUT_S"],
                   timeout_s=config["DOCUMENT_TIMEOUT_S"],
                   memory_mb=config["DOCUMENT_MEMORY_MB"], ocr_lang=config["OCR_LANG"])


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def sniff(data: bytes) -> str:
    """"pdf" or "docx" by content, never by name or Content-Type."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise CorruptDocumentError(f"zip: {exc}") from exc
        if "word/document.xml" in names:
            return "docx"
    raise UnsupportedDocumentError(f"starts with {data[:8]!r}")


def read_document(data: bytes, limits: Limits = Limits(), progress: Progress | None = None,
                  partial: Partial | None = None) -> Document:
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(limits.max_bytes, f"{len(data)} bytes")
    kind = sniff(data)
    if kind == "docx":
        from documents.word import read_docx
        return _document(data, kind, read_docx(data), 1, [], [])
    return _read_pdf(data, limits, progress, partial)


def _document(data: bytes, kind: str, blocks: list[Block], pages: int, ocr_pages: list[int],
              confs: list[float]) -> Document:
    from documents.structure import parse_document
    doc = parse_document(blocks)
    doc.kind, doc.pages, doc.ocr_pages = kind, pages, ocr_pages
    doc.confidence = round(sum(confs) / len(confs) / 100, 3) if confs else 1.0
    doc.content_hash = content_hash(data)
    return doc


def _pdf_document(data: bytes, pages: list[PageText], count: int, ocr_pages: list[int]) -> Document:
    from documents.layout import drop_running_lines, order_page, text_height
    from documents.paragraphs import build_blocks
    pages = drop_running_lines(pages)
    lines = []
    for page in pages:
        lines.extend(order_page(page, region_base=len(lines)))
    words = [w for p in pages for w in p.words]
    blocks: list[Block] = build_blocks(lines, text_height(words)) if lines else []
    confs = [w.conf for p in pages if p.ocr for w in p.words]
    return _document(data, "pdf", blocks, count, ocr_pages, confs)


def _read_pdf(data: bytes, limits: Limits, progress: Progress | None, partial: Partial | None):
    from documents.pdf import count_pages, read_text_pages
    count = count_pages(data, limits.max_pages)
    pages, need_ocr = read_text_pages(data)
    if need_ocr:
        from documents.ocr import check_tesseract, ocr_page
        check_tesseract(limits.ocr_lang)
        settings = OcrSettings(lang=limits.ocr_lang, page_timeout_s=limits.ocr_page_timeout_s)
        gave_up = 0
        for done, number in enumerate(need_ocr):
            if progress:
                progress(done, len(need_ocr), number)
            page = _ocr_or_blank(data, number, settings)
            gave_up += page is None
            pages[number - 1] = page or pages[number - 1]
            if partial and done + 1 < len(need_ocr):  # pages 1..number are read
                partial(_pdf_document(data, pages[:number], count, need_ocr[:done + 1]), number, count)
        if gave_up == len(need_ocr) == count:
            raise DocumentTimeoutError(f"OCR gave up on every page ({limits.ocr_page_timeout_s} s each)")
        if progress:
            progress(len(need_ocr), len(need_ocr), need_ocr[-1])
    return _pdf_document(data, pages, count, need_ocr)


def _ocr_or_blank(data: bytes, number: int, settings: OcrSettings) -> PageText | None:
    """A page that outruns its OCR budget is left out (None, and said so in the log)."""
    from documents.ocr import ocr_page
    started = time.monotonic()
    try:
        return ocr_page(data, number, settings)
    except RuntimeError as exc:  # pytesseract: "Tesseract process timeout"
        log.warning("page %d: OCR gave up after %.0f s: %s", number, time.monotonic() - started, exc)
        return None


# ---------------------------------------------------------------- isolation

def read_document_isolated(data: bytes, limits: Limits = Limits(),
                           progress: Progress | None = None, partial: Partial | None = None) -> Document:
    """read_document in a forked child: memory ceiling, deadline, crash → 422."""
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(limits.max_bytes, f"{len(data)} bytes")
    sniff(data)  # 415 at once, without a child
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(data, limits, child_end, partial is not None),
                            daemon=True)
    child.start()
    child_end.close()
    deadline = time.monotonic() + limits.timeout_s
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DocumentTimeoutError(f"no result within {limits.timeout_s:.0f} s")
            if not parent_end.poll(min(remaining, 1.0)):
                if not child.is_alive() and not parent_end.poll(0):
                    raise CorruptDocumentError(f"reader stopped (exit code {child.exitcode})")
                continue
            try:
                kind, payload = parent_end.recv()
            except EOFError as exc:
                raise CorruptDocumentError(f"reader stopped (exit code {child.exitcode})") from exc
            if kind == "progress":
                if progress:
                    progress(*payload)
            elif kind == "partial":
                if partial:
                    partial(*payload)
            elif kind == "done":
                return payload
            else:
                raise _rebuild_error(payload)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        parent_end.close()


def _child(data: bytes, limits: Limits, conn, want_partial: bool) -> None:
    import resource
    ceiling = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    try:
        # Partial readings only for a caller who shows them: each is a whole Document
        # built and pickled through the pipe after every OCR page.
        doc = read_document(data, limits, lambda *p: conn.send(("progress", p)),
                            (lambda *p: conn.send(("partial", p))) if want_partial else None)
        conn.send(("done", doc))
    except DocumentError as exc:
        conn.send(("error", (type(exc).__name__, exc.detail, exc.message_vi, exc.message_en)))
    except MemoryError:
        conn.send(("error", ("CorruptDocumentError", "out of memory while parsing", None, None)))
    except Exception as exc:  # a parser's own bug on a broken file: still the file's fault
        conn.send(("error", ("CorruptDocumentError", repr(exc)[:500], None, None)))
    finally:
        conn.close()


def _rebuild_error(payload) -> DocumentError:
    name, detail, message_vi, message_en = payload
    cls = getattr(errors, name, CorruptDocumentError)
    err = cls.__new__(cls)
    DocumentError.__init__(err, detail, message_vi=message_vi, message_en=message_en)
    return err
