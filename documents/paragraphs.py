"""Lines in reading order → paragraphs (Blocks): joined across line and page breaks, cut at
blank space, first-line indents, short sentence-ending lines, structural markers ("Điều 3.",
"a)", "- ") and changes between CAPITALS and ordinary case. Tables are read row by row:
"Hàng 2: Huyện Bắc Sơn; Số xã: 8". Pure functions."""
from __future__ import annotations

import re
from statistics import median

from documents.layout import Line
from documents.model import Block

MARKER = re.compile(
    r"^(Điều\s+\d+|Chương\s+[IVXLCĐ\d]+|Mục\s+\d+|Phần\s+(thứ\s+)?\S+|[IVXL]+\.|\d+(\.\d+)*[.)]\s"
    r"|[a-zđ]\)|[-–•+*]\s?|Căn cứ|Xét đề nghị|Theo đề nghị|Nơi nhận|Số:|Kính gửi|(TM|KT|TL|TUQ|Q)\.\s"
    r"|[^,]{2,40},\s*ngày\s+\d)")
SIGNER = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s")  # "KT. CHỦ TỊCH" is a line of its own
SENTENCE_END = re.compile(r"[.:;!?…]\s*[\"”»)]?$")
ORDINAL_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_centered(line: Line, height: float) -> bool:
    width = line.col_x1 - line.col_x0
    if width <= 0 or line.x0 < line.col_x0 + 2 * height or line.x1 > line.col_x1 - 2 * height:
        return False  # an indented first line that runs to the margin is not centred
    return abs((line.x0 + line.x1) / 2 - (line.col_x0 + line.col_x1) / 2) < 0.08 * width


def read_table(rows: list[list[str]]) -> list[str]:
    """One sentence a row: the first named column alone, the others "header: value"."""
    rows = [[" ".join(c.split()) for c in row] for row in rows if any(c and c.strip() for c in row)]
    if len(rows) < 2:
        return [" ".join(c for c in row if c) for row in rows]
    header, body = rows[0], rows[1:]
    columns = [i for i, h in enumerate(header)
               if re.sub(r"[^\w ]", "", h).strip().lower() not in ORDINAL_HEADERS]
    out = []
    for n, row in enumerate(body, start=1):
        parts = []
        for k, i in enumerate(columns):
            cell = row[i] if i < len(row) else ""
            if not cell:
                continue
            parts.append(cell if k == 0 else f"{header[i]}: {cell}" if header[i] else cell)
        out.append(f"Hàng {n}: " + "; ".join(parts))
    return out


def _starts_paragraph(prev: Line, line: Line, height: float, gap_normal: float) -> bool:
    if line.table is not None or prev.table is not None:
        return True
    if MARKER.match(line.text) or is_upper(prev.text) != is_upper(line.text) or SIGNER.match(prev.text):
        return True
    ended = SENTENCE_END.search(prev.text) is not None
    if line.page != prev.page or line.region != prev.region:
        # A new page or column continues the paragraph unless the last one ended.
        return ended or line.text[:1].isupper() and prev.x1 < prev.col_x1 - 3 * height
    if line.top - prev.bottom > gap_normal + 0.45 * height:
        return True
    if is_centered(prev, height) and not is_centered(line, height):
        return True  # a centred heading or title ends where the body begins
    if line.x0 > line.col_x0 + height and prev.x0 <= prev.col_x0 + height / 2 and not is_centered(line, height):
        return True  # first-line indent
    return ended and prev.x1 < prev.col_x1 - 3 * height


def build_blocks(lines: list[Line], height: float) -> list[Block]:
    """Paragraphs in reading order."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])
            if a.page == b.page and a.region == b.region and b.top > a.bottom - height / 2]
    gap_normal = median(gaps) if gaps else height / 3
    blocks: list[Block] = []
    prev: Line | None = None
    for line in lines:
        if line.table is not None:
            blocks.extend(Block(text=t, page=line.page, table=True) for t in read_table(line.table))
        elif prev is None or _starts_paragraph(prev, line, height, gap_normal):
            blocks.append(Block(text=line.text, page=line.page, centered=is_centered(line, height)))
        else:
            blocks[-1].text = f"{blocks[-1].text} {line.text}"
            blocks[-1].centered = blocks[-1].centered or is_centered(line, height)
        prev = line
    for block in blocks:
        block.text = " ".join(block.text.split())
    return [b for b in blocks if b.text]
