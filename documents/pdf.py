"""PDF text layers with positions (pdfplumber on pdfminer.six, MIT): words, ruled tables,
and a verdict per page (text, legacy-encoded text converted, or needs OCR)."""
from __future__ import annotations

import io
import logging

from documents.errors import CorruptDocumentError, EncryptedDocumentError, TooManyPagesError
from documents.legacy import is_readable, repair_text
from documents.model import PageText, Table, Word

log = logging.getLogger("docnd.documents")
MIN_TEXT_CHARS = 20  # a page with less text than this (and an image) is a scan


def count_pages(data: bytes, max_pages: int) -> int:
    """Open with pypdf first: cheap, and it tells encryption and page count apart from
    the layout work (a password → 422, too many pages → 413, before any heavy parsing)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocumentError("a user password is required")
        pages = len(reader.pages)
    except EncryptedDocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise CorruptDocumentError(f"pypdf: {exc}") from exc
    except Exception as exc:  # pypdf raises plain errors on broken files too
        if "decrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise EncryptedDocumentError(str(exc)) from exc
        raise CorruptDocumentError(f"pypdf: {exc!r}") from exc
    if pages == 0:
        raise CorruptDocumentError("no pages")
    if pages > max_pages:
        raise TooManyPagesError(pages, max_pages)
    return pages


def read_text_pages(data: bytes) -> tuple[list[PageText], list[int]]:
    """Pages with a usable text layer, and the numbers (1-based) of those needing OCR."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    pages: list[PageText] = []
    need_ocr: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                page_text = _page_text(page, number)
                if page_text is None:
                    need_ocr.append(number)
                    pages.append(PageText(number=number, width=float(page.width),
                                          height=float(page.height), ocr=True))
                else:
                    pages.append(page_text)
                page.close()
    except PDFPasswordIncorrect as exc:
        raise EncryptedDocumentError(str(exc)) from exc
    except (EncryptedDocumentError, CorruptDocumentError):
        raise
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise CorruptDocumentError(f"pdfminer: {exc!r}") from exc
    return pages, need_ocr


def _page_text(page, number: int) -> PageText | None:
    raw = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    text = " ".join(w["text"] for w in raw)
    if len(text.replace(" ", "")) < MIN_TEXT_CHARS:
        return None
    # Decide on the words an old font could have made (all Latin-1): a page may mix a
    # Unicode title with a body in .VnTime, and only those words are converted.
    latin = " ".join(w["text"] for w in raw if _latin1(w["text"]))
    _, encoding = repair_text(latin)
    if encoding:
        log.info("page %d: text layer in %s, converted", number, encoding)
    elif not is_readable(text):
        return None  # garbage text layer: read the picture instead
    words = [Word(text=repair_text_word(w["text"], encoding), x0=float(w["x0"]), x1=float(w["x1"]),
                  top=float(w["top"]), bottom=float(w["bottom"])) for w in raw]
    tables = []
    for found in page.find_tables():
        rows = found.extract()
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            x0, top, x1, bottom = found.bbox
            cells = [[repair_text_word(c or "", encoding) for c in row] for row in rows]
            tables.append(Table(top=float(top), bottom=float(bottom), x0=float(x0), x1=float(x1),
                                rows=cells))
    return PageText(number=number, width=float(page.width), height=float(page.height),
                    words=words, tables=tables)


def _latin1(text: str) -> bool:
    return all(ord(ch) <= 0xFF for ch in text)


def repair_text_word(text: str, encoding: str) -> str:
    if not encoding or not _latin1(text):
        return text
    from documents.legacy import convert
    return convert(text, encoding)
