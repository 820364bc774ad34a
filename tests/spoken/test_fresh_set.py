"""Issue 15's bar: on a fresh set of real government sentences (not used to write the rules)
at least 95% are read exactly as the conventions say."""
from __future__ import annotations

from tests.spoken.fresh_set import exact_match_rate, load_fresh_set, misses


def test_the_fresh_set_is_large_and_real():
    rows = load_fresh_set()
    assert len(rows) >= 100
    assert len({written for _, written, _ in rows}) == len(rows)
    assert {source.split("/")[0] for source, _, _ in rows} >= {"vi-news", "samples"}


def test_at_least_95_percent_read_exactly_right():
    total, wrong = misses()
    rate = exact_match_rate()
    print(f"fresh set: {total - len(wrong)}/{total} exact ({rate:.1%})")
    assert rate >= 0.95, "\n".join(f"{w!r}: {got!r}" for w, _, got in wrong)
