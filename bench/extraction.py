"""Extraction on pages no profile knows, and onboarding. `python -m bench extraction`.

- The public article-extraction benchmark (bench/data/article-extraction: 181 news pages with
  hand-marked bodies, its own scorer): ours (the service path, and the generic path alone)
  and trafilatura side by side in one run: P, R, F1, empty pages, ms per page.
- `flask site learn` on the sample site and on two mocked CMS families: the learned
  profile's scores on every page of its site (title, date, author, first/last sentence,
  no boilerplate)."""
from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

from scraper.errors import ScraperError
from scraper.extract import extract_article
from scraper.onboard import learn_site
from scraper.profiles import profile_from_dict
from tests.scraper.cms_pages import MOCK_FAMILIES, SITE_ARTICLES, SiteFetcher, mock_site, truth_of
from tests.scraper.pages import ROOT, sample_cases, score

PUBLIC = Path(__file__).resolve().parent / "data" / "article-extraction"


def _scorer(root: Path = PUBLIC):
    spec = importlib.util.spec_from_file_location("xbench_score", root / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def body_text(html: bytes, url: str = "", profiles=None) -> str:
    """What the service reads of a page's body (lead and paragraphs); "" when it finds none."""
    try:
        article = extract_article(html, url or "http://bench.invalid/article", profiles=profiles)
    except ScraperError:
        return ""
    return "\n".join([article.lead, *article.paragraphs]).strip()


def _trafilatura(html: bytes, url: str = "") -> str:
    import trafilatura
    return trafilatura.extract(html.decode("utf-8", "replace"), url=url or None,
                               include_comments=False) or ""


def public_benchmark(limit: int = 0) -> dict:
    scorer = _scorer()
    pages = scorer.load_dataset(PUBLIC).pages[: limit or None]
    raws = [(page, page.read_bytes()) for page in pages]
    extractors = {"ours": body_text, "ours_generic": lambda h, u: body_text(h, u, profiles=()),
                  "trafilatura": _trafilatura}
    outputs: dict[str, dict[str, str]] = {name: {} for name in extractors}
    times: dict[str, list[float]] = {name: [] for name in extractors}
    figures: dict = {"pages": len(pages)}
    for page, raw in raws:  # page by page, every extractor in turn: load on the machine hits all alike
        for name, func in extractors.items():
            text = raw if name != "trafilatura" else scorer.decode_html(raw).encode("utf-8")
            started = time.perf_counter()
            outputs[name][page.key] = func(text, page.url)
            times[name].append((time.perf_counter() - started) * 1000)
    for name in extractors:
        outs = outputs[name]
        metrics, _ = scorer.score_scrapinghub(pages, outs, 0)
        figures[name] = {"precision": round(metrics["precision"], 4),
                         "recall": round(metrics["recall"], 4), "f1": round(metrics["f1"], 4),
                         "empty": sum(not o.strip() for o in outs.values()),
                         "median_ms": round(statistics.median(times[name]), 1)}
    for name in ("ours", "ours_generic"):
        figures[name]["empty_where_trafilatura_is_not"] = sum(
            1 for key, text in outputs[name].items()
            if not text.strip() and outputs["trafilatura"][key].strip())
    figures["generic_over_trafilatura_ms"] = round(
        figures["ours_generic"]["median_ms"] / figures["trafilatura"]["median_ms"], 2)
    figures["ours_minus_trafilatura_f1"] = round(figures["ours_generic"]["f1"] - figures["trafilatura"]["f1"], 4)
    return figures


def _learned_scores(pages: dict[str, bytes], base: str, listing: str, truths: list[dict],
                    learn_pages: int = 5) -> dict:
    learned = learn_site(SiteFetcher(pages), base + listing, pages=learn_pages)
    profile = profile_from_dict(learned.profile)
    checks = {"title": 0, "date": 0, "author": 0, "first": 0, "last": 0, "clean": 0}
    for truth in truths:
        article = extract_article(pages[truth["path"]], base + truth["path"], profiles=(profile,))
        result = score(article, truth)
        result["clean"] = not result.pop("leaked")
        for key in checks:
            checks[key] += bool(result[key])
    return {"learned": {k: v for k, v in learned.profile.items() if k not in ("description",)},
            "checks": {k: f"{v}/{len(truths)}" for k, v in checks.items()}}


def site_learn() -> dict:
    results = {}
    for family in MOCK_FAMILIES:
        truths = [dict(truth_of(n), path=f"/tin-tuc/bai-{n}.html") for n in range(len(SITE_ARTICLES))]
        results[family] = _learned_scores(mock_site(family), f"http://{family}.example.vn",
                                          "/tin-tuc/", truths)
    site = ROOT / "samples" / "site"
    pages = {"/" + p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    pages["/"] = pages.pop("/index.html")
    truths = [dict(c, path=c["url"]) for c in sample_cases("http://sample.example.vn")
              if c["url"] in pages]
    results["sample"] = _learned_scores(pages, "http://sample.example.vn", "/", truths, 8)
    return results


def run() -> dict:
    return {"public": public_benchmark(), "site_learn": site_learn()}


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
