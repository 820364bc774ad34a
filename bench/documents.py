"""Attached documents: character error rate of the body read back against the known text,
and seconds per page, for a text PDF, scans (300 dpi clean; 200 dpi with noise and a 1° skew),
a two-column page and a page with a ruled table. `python -m bench documents`.

The documents are made here from samples/documents/*.json (WeasyPrint, then rasterised), so
the truth is exact: the body paragraphs in reading order, tables row by row."""
from __future__ import annotations

import time

from documents.read import read_document
from samples.documents import load, render_pdf, scan, truth

CASES = [  # (name, document, how it is made)
    ("text PDF, decision (2 pages)", "qd-cap-gcn", {}),
    ("scan 300 dpi clean, decision", "qd-cap-gcn", {"dpi": 300}),
    ("scan 200 dpi, noise, 1° skew, decision", "qd-cap-gcn", {"dpi": 200, "noise": 18, "skew_deg": 1.0}),
    ("text PDF, two columns", "bc-quan-trac", {}),
    ("scan 300 dpi, two columns", "bc-quan-trac", {"dpi": 300}),
    ("text PDF, ruled table", "kh-thanh-tra", {}),
    ("scan 300 dpi, ruled table", "kh-thanh-tra", {"dpi": 300}),
    ("scan 200 dpi, noise, 1° skew, ruled table", "kh-thanh-tra", {"dpi": 200, "noise": 18, "skew_deg": 1.0}),
]


def edit_distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(got: str, want: str) -> float:
    return edit_distance(got, want) / max(len(want), 1)


def run() -> dict:
    figures: dict = {}
    for label, name, how in CASES:
        doc = load(name)
        data = render_pdf(doc)
        if how:
            data = scan(data, seed=7, **how)
        started = time.perf_counter()
        read = read_document(data)
        seconds = time.perf_counter() - started
        want = truth(doc)
        figures[label] = {
            "cer_body_percent": round(100 * cer(" ".join(read.paragraphs), " ".join(want["paragraphs"])), 2),
            "seconds_per_page": round(seconds / read.pages, 2),
            "pages": read.pages,
            "ocr_pages": len(read.ocr_pages),
            "type_number_date_found": [read.doc_type == want["doc_type"], read.number == want["number"],
                                       read.date == want["date"]],
            "signer_found": " ".join(read.signer[-1:]) == " ".join(want["signer"][-1:]),
            "confidence": read.confidence,
        }
        print(label, figures[label], flush=True)
    return figures
