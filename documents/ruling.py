"""Ruled tables in a scanned page: long horizontal and vertical ink runs are the table's
rules; the cells between them collect the OCR words whose centres fall inside. Text layers
get this from pdfplumber; a scan has only pixels. numpy on the straightened greyscale image."""
from __future__ import annotations

from documents.layout import group_rows, text_height
from documents.model import Table, Word

MIN_RULE_SHARE = 0.25  # a horizontal rule spans at least this share of the page width
INK = 128
SLACK_PX = 4  # rules may lean by a pixel or two after straightening: look this far across


def _longest_runs(mask) -> tuple:
    """For each row of a boolean array: (longest run of True, its start, its end)."""
    import numpy as np
    rows, cols = mask.shape
    padded = np.zeros((rows, cols + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    best = np.zeros(rows, dtype=int)
    start = np.zeros(rows, dtype=int)
    for r in np.nonzero(mask.any(axis=1))[0]:
        ups = np.nonzero(edges[r] == 1)[0]
        downs = np.nonzero(edges[r] == -1)[0]
        lengths = downs - ups
        i = int(lengths.argmax())
        best[r], start[r] = lengths[i], ups[i]
    return best, start, start + best


def _thicken(mask, axis: int):
    """Each pixel is ink if ink lies within SLACK_PX across the rule's direction."""
    import numpy as np
    out = mask.copy()
    for shift in range(1, SLACK_PX + 1):
        out |= np.roll(mask, shift, axis=axis) | np.roll(mask, -shift, axis=axis)
    return out


def _group(positions: list[int], gap: int = 3) -> list[int]:
    """Adjacent pixel rows of one thick rule → one position (their middle)."""
    groups: list[list[int]] = []
    for p in positions:
        if groups and p - groups[-1][-1] <= gap:
            groups[-1].append(p)
        else:
            groups.append([p])
    return [sum(g) // len(g) for g in groups]


def find_ruled_tables(image, words: list[Word], read_cell=None) -> list[Table]:
    """Tables (pixel coordinates) with their cells' text, from the page image and its words;
    with `read_cell` (image → text), each cell is recognised again on its own, inside its
    rules (whole-page OCR reads bits of the rules as letters)."""
    import numpy as np
    ink = np.asarray(image) < INK
    height, width = ink.shape
    runs, starts, ends = _longest_runs(_thicken(ink, axis=0))
    rule_rows = [y for y in range(height) if runs[y] >= MIN_RULE_SHARE * width]
    if len(rule_rows) < 3:
        return []
    h_lines = _group(rule_rows, gap=2 * SLACK_PX + 2)
    x0, x1 = int(np.median(starts[rule_rows])), int(np.median(ends[rule_rows]))
    h_lines = [y for y in h_lines if abs(starts[y] - x0) < 0.02 * width and abs(ends[y] - x1) < 0.02 * width]
    if len(h_lines) < 3:
        return []
    top, bottom = h_lines[0], h_lines[-1]
    band = _thicken(ink, axis=1)[top:bottom + 1, max(x0 - 5, 0):x1 + 6]
    v_runs, _, _ = _longest_runs(band.T)
    v_lines = _group([x for x in range(band.shape[1]) if v_runs[x] >= 0.9 * (bottom - top)], gap=2 * SLACK_PX + 2)
    v_lines = [x + max(x0 - 5, 0) for x in v_lines]
    if len(v_lines) < 3:
        return []
    rows = []
    for upper, lower in zip(h_lines, h_lines[1:]):
        row = []
        for left, right in zip(v_lines, v_lines[1:]):
            if read_cell is not None:
                pad = SLACK_PX + 2
                crop = image.crop((left + pad, upper + pad, right - pad, lower - pad))
                row.append(" ".join(read_cell(crop).split()))
                continue
            inside = [w for w in words if left < (w.x0 + w.x1) / 2 < right
                      and upper < (w.top + w.bottom) / 2 < lower]
            lines = group_rows(inside, text_height(inside)) if inside else []
            row.append(" ".join(w.text for line in lines for w in sorted(line, key=lambda w: w.x0)))
        rows.append(row)
    return [Table(top=float(top), bottom=float(bottom), x0=float(v_lines[0]), x1=float(v_lines[-1]), rows=rows)]
