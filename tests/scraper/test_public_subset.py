"""A quality gate on 14 pages of the public article-extraction benchmark (tests/data/
article-extraction: the first 12 by key and two Al Jazeera pages whose whole page sits in one
ASP.NET-style <form>), scored with the benchmark's own metric. The whole benchmark runs in
`make bench` (bench/extraction.py)."""
from __future__ import annotations

from pathlib import Path

from bench.extraction import _scorer, body_text

DATA = Path(__file__).resolve().parents[1] / "data" / "article-extraction"
SCORE_ROOT = Path(__file__).resolve().parents[2] / "bench" / "data" / "article-extraction"


def test_the_generic_path_reads_every_page_and_scores_as_measured():
    scorer = _scorer(SCORE_ROOT)
    pages = scorer.load_dataset(DATA).pages
    assert len(pages) == 14
    outputs = {page.key: body_text(page.read_bytes(), page.url, profiles=()) for page in pages}
    assert [key for key, text in outputs.items() if not text.strip()] == []
    metrics, per_page = scorer.score_scrapinghub(pages, outputs, 0)
    assert metrics["f1"] >= 0.975  # 0.980 measured; trafilatura 0.964 on the same pages
    assert min(row["r"] for row in per_page.values()) >= 0.7
