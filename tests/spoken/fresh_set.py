"""The fresh set: real government sentences not used to write the rules, with their reading
by the conventions written by hand (tests/data/spoken/fresh_set.tsv). Its exact-match rate
is the figure issue 15 asks for (at least 95%).

Report:  .venv/bin/python -m tests.spoken.fresh_set   (also part of `python -m bench spoken`)
"""
from __future__ import annotations

import sys
from pathlib import Path

FRESH_SET = Path(__file__).resolve().parent.parent / "data" / "spoken" / "fresh_set.tsv"


def load_fresh_set() -> list[tuple[str, str, str]]:
    """(source, written, expected) rows."""
    rows = []
    for line in FRESH_SET.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, written, expected = line.split("\t")
            rows.append((source, written, expected))
    return rows


def misses(normalize=None) -> tuple[int, list[tuple[str, str, str]]]:
    """(number of sentences, [(written, expected, got)] for each one read otherwise)."""
    if normalize is None:
        from reader.normalize import normalize
    rows = load_fresh_set()
    wrong = [(w, e, got) for _, w, e in rows if (got := normalize(w)) != e]
    return len(rows), wrong


def exact_match_rate(normalize=None) -> float:
    total, wrong = misses(normalize)
    return (total - len(wrong)) / total


if __name__ == "__main__":
    total, wrong = misses()
    for written, expected, got in wrong:
        print(f"- {written}\n  expected: {expected}\n  got:      {got}", file=sys.stderr)
    print(f"{total - len(wrong)}/{total} sentences read exactly right "
          f"({100 * (total - len(wrong)) / total:.1f}%)")
