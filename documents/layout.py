"""Reading order on a page, from positioned words: words → rows → line fragments (split at
wide gaps) → bands of rows that share a gutter → columns read one after the other.

One method for text layers and OCR alike. A "band" is a run of rows with an empty vertical
strip between text on both sides: a two-column page, the two-column header block of an
administrative document ("ỦY BAN NHÂN DÂN …" | "CỘNG HÒA XÃ HỘI …") and the signature
block ("Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN"). A band with two or more gutters and rows that
fill every column is a table. Pure functions; units are the page's own (points or pixels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from documents.model import PageText, Table, Word

GAP_FACTOR = 1.5  # a gap wider than this many text heights splits a row into fragments
MIN_GUTTER = 1.0  # a gutter is at least this many text heights wide
EDGE_SHARE = 0.085  # running headers/footers live in this share of the page's top/bottom
PAGE_NUMBER = re.compile(r"^(trang\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(\s*/\s*\d{1,3})?$", re.I)


@dataclass
class Line:
    """A run of words on one row of one column, with the column's bounds (for indents)."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    col_x0: float = 0.0
    col_x1: float = 0.0
    region: int = 0  # lines of one region (band column) are laid out together
    table: list[list[str]] | None = None
    confs: list[float] = field(default_factory=list)


def text_height(words: list[Word]) -> float:
    heights = [w.bottom - w.top for w in words if w.bottom > w.top]
    return median(heights) if heights else 10.0


def group_rows(words: list[Word], height: float) -> list[list[Word]]:
    """Words whose vertical centres are close form a row (both columns of a page at once)."""
    rows: list[list[Word]] = []
    centres: list[float] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        centre = (word.top + word.bottom) / 2
        if rows and abs(centre - centres[-1]) < 0.45 * height:
            rows[-1].append(word)
            n = len(rows[-1])
            centres[-1] += (centre - centres[-1]) / n
        else:
            rows.append([word])
            centres.append(centre)
    return rows


def split_fragments(row: list[Word], height: float, page: int) -> list[Line]:
    """A row's words left to right, cut where the gap is wider than a column gutter."""
    row = sorted(row, key=lambda w: w.x0)
    groups: list[list[Word]] = [[row[0]]]
    for word in row[1:]:
        if word.x0 - groups[-1][-1].x1 > GAP_FACTOR * height:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [Line(text=" ".join(w.text for w in g), x0=min(w.x0 for w in g),
                 x1=max(w.x1 for w in g), top=min(w.top for w in g),
                 bottom=max(w.bottom for w in g), page=page, confs=[w.conf for w in g])
            for g in groups]


def _free(intervals: list[tuple[float, float]], row: list[Line]) -> list[tuple[float, float]]:
    """Intervals of `intervals` that no fragment of `row` covers."""
    out = []
    for lo, hi in intervals:
        pieces = [(lo, hi)]
        for frag in row:
            pieces = [p for a, b in pieces for p in ((a, min(b, frag.x0)), (max(a, frag.x1), b))
                      if p[1] > p[0]]
        out.extend(pieces)
    return out


def _gutters(free: list[tuple[float, float]], band: list[list[Line]],
             height: float) -> list[tuple[float, float]]:
    """Free strips with text on both sides somewhere in the band."""
    frags = [f for row in band for f in row]
    left = min(f.x0 for f in frags)
    right = max(f.x1 for f in frags)
    return [(a, b) for a, b in free if b - a >= MIN_GUTTER * height and a > left and b < right]


def bands(rows: list[list[Line]], height: float) -> list[tuple[list[list[Line]], list]]:
    """Rows grouped into bands: the longest run of rows that an empty vertical strip runs
    through (with text on both sides of it in at least two rows) becomes a multi-column
    band, then the next longest among the rows left, and so on; the other rows are
    one-column bands. Longest first, so a centred title line above two columns cannot
    start a band of its own with the wrong gutter."""
    if not rows:
        return []
    left = int(min(f.x0 for r in rows for f in r))
    right = int(max(f.x1 for r in rows for f in r)) + 1
    free = [_free_bins(row, left, right) for row in rows]
    taken = [False] * len(rows)
    chosen: list[tuple[int, int]] = []
    while True:
        best = _longest_run(rows, free, taken, left, right)
        if best is None:
            break
        start, stop = best
        chosen.append(best)
        for i in range(start, stop):
            taken[i] = True
    out: list[tuple[int, list[list[Line]], list]] = []
    for start, stop in chosen:
        band = rows[start:stop]
        span = _free([(left - 1, right + 1)], [f for row in band for f in row])
        out.append((start, band, _gutters(span, band, height)))
    out += [(i, [rows[i]], []) for i in range(len(rows)) if not taken[i]]
    out.sort(key=lambda item: item[0])
    return [(band, gutters) for _, band, gutters in out]


def _free_bins(row: list[Line], left: int, right: int) -> list[bool]:
    bins = [True] * (right - left)
    for frag in row:
        for x in range(max(int(frag.x0) - left, 0), min(int(frag.x1) + 1 - left, right - left)):
            bins[x] = False
    return bins


def _longest_run(rows, free, taken, left: int, right: int) -> tuple[int, int] | None:
    """The longest run of untaken rows free at one x, two-sided in at least two rows."""
    best: tuple[int, int] | None = None
    for x in range(right - left):
        i = 0
        while i < len(rows):
            if taken[i] or not free[i][x]:
                i += 1
                continue
            j = i
            while j < len(rows) and not taken[j] and free[j][x]:
                j += 1
            if j - i >= 2 and (best is None or j - i > best[1] - best[0]):
                sided = sum(1 for row in rows[i:j]
                            if any(f.x1 < x + left for f in row) and any(f.x0 > x + left for f in row))
                if sided >= 2:
                    best = (i, j)
            i = j
    return best


def _is_table(band: list[list[Line]], gutters: list) -> bool:
    if len(gutters) < 2:
        return False
    full = sum(1 for row in band if len(row) >= len(gutters) + 1)
    return full >= 2 and full >= 0.6 * len(band)


def _column_of(frag: Line, gutters: list) -> int:
    return sum(1 for a, _ in gutters if frag.x0 >= a)


def order_page(page: PageText, region_base: int = 0) -> list[Line]:
    """The page's lines in reading order (tables as one Line each, carrying their rows)."""
    words = [w for w in page.words if not any(_inside(w, t) for t in page.tables)]
    height = text_height(words or page.words)
    rows = [split_fragments(r, height, page.number) for r in group_rows(words, height)]
    rows += [[Line(text="", x0=t.x0, x1=t.x1, top=t.top, bottom=t.bottom, page=page.number,
                   table=t.rows)] for t in page.tables]
    rows.sort(key=lambda r: min(f.top for f in r))
    lines: list[Line] = []
    region = region_base
    page_x0 = min((f.x0 for r in rows for f in r), default=0.0)
    page_x1 = max((f.x1 for r in rows for f in r), default=0.0)
    flowing = False  # the previous band was one column: the next one-column band continues it
    for band, gutters in bands(rows, height):
        if not gutters and flowing:
            region -= 1
        flowing = not gutters and not any(f.table is not None for row in band for f in row)
        if _is_table(band, gutters):
            table = [[" ".join(f.text for f in row if _column_of(f, gutters) == c)
                      for c in range(len(gutters) + 1)] for row in band]
            frags = [f for row in band for f in row]
            lines.append(Line(text="", x0=min(f.x0 for f in frags), x1=max(f.x1 for f in frags),
                              top=band[0][0].top, bottom=band[-1][0].bottom, page=page.number,
                              table=table, region=region, confs=[c for f in frags for c in f.confs]))
            region += 1
            continue
        columns = len(gutters) + 1
        for c in range(columns):
            column = [f for row in band for f in row if _column_of(f, gutters) == c]
            if not column:
                continue
            col_x0, col_x1 = min(f.x0 for f in column), max(f.x1 for f in column)
            if columns == 1:  # one column: indents and centring are against the page's text
                col_x0, col_x1 = page_x0, page_x1
            for frag in column:
                frag.col_x0, frag.col_x1, frag.region = col_x0, col_x1, region
                lines.append(frag)
            region += 1
    return lines


def _inside(word: Word, table: Table) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return table.x0 <= cx <= table.x1 and table.top <= cy <= table.bottom


def drop_running_lines(pages: list[PageText]) -> list[PageText]:
    """Without page numbers and the headers/footers repeated on several pages."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower()).strip()

    def edge_rows(page: PageText) -> list[list[Word]]:
        height = text_height(page.words)
        return [r for r in group_rows(page.words, height)
                if max(w.bottom for w in r) < page.height * EDGE_SHARE
                or min(w.top for w in r) > page.height * (1 - EDGE_SHARE)]

    counts: dict[str, int] = {}
    for page in pages:
        for k in {key(" ".join(w.text for w in r)) for r in edge_rows(page)}:
            counts[k] = counts.get(k, 0) + 1
    repeated = {k for k, n in counts.items() if n >= 2 and n >= 0.5 * len(pages)}
    out = []
    for page in pages:
        drop: set[int] = set()
        for row in edge_rows(page):
            text = " ".join(w.text for w in sorted(row, key=lambda w: w.x0))
            if key(text) in repeated or PAGE_NUMBER.match(text.strip()):
                drop.update(id(w) for w in row)
        out.append(PageText(number=page.number, width=page.width, height=page.height,
                            words=[w for w in page.words if id(w) not in drop],
                            tables=page.tables, ocr=page.ocr))
    return out
