"""Extraction quality and speed on the saved pages (sample site + vi-news): ours and
trafilatura side by side, in one run. `python -m bench scraper`."""
from __future__ import annotations

import statistics
import time
from types import SimpleNamespace

from scraper.extract import extract_article
from tests.scraper.pages import sample_cases, score, vi_news_cases

REPEATS = 7


def _ours(html: bytes, url: str):
    return extract_article(html, url)


def _trafilatura(html: bytes, url: str):
    import trafilatura
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return SimpleNamespace(title="", lead="", paragraphs=[], captions=[], published=None, author=None)
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    return SimpleNamespace(title=get("title") or "", lead="", paragraphs=(get("text") or "").split("\n"),
                           captions=[], published=get("date"), author=get("author"))


def _median_ms(func, html: bytes, url: str) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        func(html, url)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _evaluate(name: str, func, cases: list[dict]) -> dict:
    checks = {"first": 0, "last": 0, "clean": 0, "title": 0, "date": 0, "author": 0}
    failures: list[str] = []
    times = []
    for truth in cases:
        html = truth["html_path"].read_bytes()
        try:
            article = func(html, truth["page_url"])
        except Exception as exc:  # a page the extractor gives up on counts as all wrong
            failures.append(f"{truth['file']}: {type(exc).__name__}")
            continue
        result = score(article, truth)
        result["clean"] = not result.pop("leaked")
        for key in checks:
            checks[key] += bool(result[key])
        failures += [f"{truth['file']}: {k}" for k in ("first", "last", "clean") if not result[k]]
        times.append(_median_ms(func, html, truth["page_url"]))
    n = len(cases)
    figures = {f"{k}_ok": f"{v}/{n}" for k, v in checks.items()}
    figures["median_ms"] = round(statistics.median(times), 2) if times else None
    figures["p90_ms"] = round(sorted(times)[int(0.9 * (len(times) - 1))], 2) if times else None
    figures["failures"] = failures[:12]
    return figures


def run() -> dict:
    sets = {"sample": sample_cases(), "vi_news": vi_news_cases()}
    _ours(sets["vi_news"][0]["html_path"].read_bytes(), "http://warm.up/")  # load profiles once
    results: dict = {}
    for set_name, cases in sets.items():
        for name, func in (("ours", _ours), ("trafilatura", _trafilatura)):
            results[f"{set_name}.{name}"] = _evaluate(name, func, cases)
    results["pages"] = {k: len(v) for k, v in sets.items()}
    return results
