"""Word documents (DOCX, python-docx, MIT): paragraphs and tables in document order,
with centring from the paragraph alignment. The ZIP is checked first: a decompression bomb
is refused before anything is inflated."""
from __future__ import annotations

import io
import zipfile

from documents.errors import CorruptDocumentError
from documents.model import Block
from documents.paragraphs import read_table

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # a real DOCX part compresses 5-20×; a bomb a thousand-fold


def check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptDocumentError(f"zip: {exc}") from exc
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise CorruptDocumentError(f"unzips to {total} bytes")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptDocumentError(f"{info.filename}: compression ratio too high (bomb?)")


def read_docx(data: bytes) -> list[Block]:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[Block] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = " ".join(item.text.split())
                if text:
                    centered = item.alignment == WD_ALIGN_PARAGRAPH.CENTER
                    blocks.append(Block(text=text, page=1, centered=centered))
            elif isinstance(item, Table):
                rows = [[cell.text for cell in row.cells] for row in item.rows]
                blocks.extend(_table_blocks(rows))
    except CorruptDocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on broken parts
        raise CorruptDocumentError(f"docx: {exc!r}") from exc
    return blocks


def _table_blocks(rows: list[list[str]]) -> list[Block]:
    """A layout table of two cells side by side (the header or signature block of an
    administrative document) is read column by column; a data table row by row."""
    rows = [_dedupe(row) for row in rows]
    if len(rows) <= 3 and max((len(r) for r in rows), default=0) == 2 and not _numeric(rows):
        out = []
        for column in range(2):
            for row in rows:
                cell = row[column] if column < len(row) else ""
                out.extend(Block(text=" ".join(line.split()), page=1, centered=True)
                           for line in cell.splitlines() if line.strip())
        return out
    return [Block(text=t, page=1, table=True) for t in read_table(rows)]


def _dedupe(row: list[str]) -> list[str]:
    """Merged cells repeat their text in python-docx; keep one."""
    out: list[str] = []
    for cell in row:
        if not out or cell != out[-1]:
            out.append(cell)
    return out


def _numeric(rows: list[list[str]]) -> bool:
    return any(any(ch.isdigit() for ch in cell) and len(cell) < 12 for row in rows[1:] for cell in row)
