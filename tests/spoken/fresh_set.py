"""The fresh sets: real sentences not used to write the rules, with their reading by the
conventions written by hand. Their exact-match rates are the figures issue 15 asks for.

- tests/data/spoken/fresh_set.tsv: the first round (Báo Chính phủ, Người Lao Động, Dân trí and
  the sample site's articles), 161 sentences.
- tests/data/spoken/fresh_set_news.tsv: the harder second round, 179 sentences taken only from
  the news and government pages of ../shared/pages/vi-news/ (no sample-site text).
- tests/data/spoken/holdout_news.tsv: 59 more vi-news headlines and sentences nobody looked at
  while the second round's rules were written, measured once (55/59) and never tuned on.

Report:  .venv/bin/python -m tests.spoken.fresh_set   (also part of `python -m bench spoken`)
"""
from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "spoken"
FRESH_SET = DATA / "fresh_set.tsv"
NEWS_SET = DATA / "fresh_set_news.tsv"
HOLDOUT_SET = DATA / "holdout_news.tsv"
SETS = {"fresh_set": FRESH_SET, "fresh_set_news": NEWS_SET, "holdout_news": HOLDOUT_SET}


def load_fresh_set(path: Path = FRESH_SET) -> list[tuple[str, str, str]]:
    """(source, written, expected) rows."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, written, expected = line.split("\t")
            rows.append((source, written, expected))
    return rows


def misses(normalize=None, path: Path = FRESH_SET) -> tuple[int, list[tuple[str, str, str]]]:
    """(number of sentences, [(written, expected, got)] for each one read otherwise)."""
    if normalize is None:
        from reader.normalize import normalize
    rows = load_fresh_set(path)
    wrong = [(w, e, got) for _, w, e in rows if (got := normalize(w)) != e]
    return len(rows), wrong


def exact_match_rate(normalize=None, path: Path = FRESH_SET) -> float:
    total, wrong = misses(normalize, path)
    return (total - len(wrong)) / total


if __name__ == "__main__":
    for name, path in SETS.items():
        total, wrong = misses(path=path)
        for written, expected, got in wrong:
            print(f"- {written}\n  expected: {expected}\n  got:      {got}", file=sys.stderr)
        print(f"{name}: {total - len(wrong)}/{total} sentences read exactly right "
              f"({100 * (total - len(wrong)) / total:.1f}%)")
