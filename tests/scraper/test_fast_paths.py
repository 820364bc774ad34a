"""What keeps extraction fast, checked by what the code does rather than by timings (those are
in `make bench`, figures in docs/benchmarks.md): a profiled page never runs trafilatura, the
generic path hands trafilatura the tree it parsed (in fast mode), and the quicker caption and
block choices pick exactly what the plain ones did."""
from __future__ import annotations

import pytest
import trafilatura
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from scraper.extract import extract_article
from scraper.fallback import _link_density, best_candidate, candidate_scores, strip_never_content
from scraper.parsing import GENERIC_CAPTIONS, parse_html
from tests.scraper.pages import sample_cases, vi_news_cases

PAGES = vi_news_cases() + sample_cases()
# The selector GENERIC_CAPTIONS replaced: lxml walks the tree once per class in it.
CSS_CAPTIONS = CSSSelector(
    "figcaption, .caption, td.caption, .image-caption td, .PhotoCMS_Caption, .chuthich, "
    ".img-caption, .image_caption, .image-desc, .fig-caption, .pCaption, .caption-image, "
    ".expNoEdit td, .figure-caption, .desc_image, .ImageCaption, .photo-caption")


@pytest.fixture
def trafilatura_calls(monkeypatch):
    calls: list = []
    real = trafilatura.extract

    def spy(page, **kwargs):
        calls.append((page, kwargs))
        return real(page, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", spy)
    return calls


def test_a_profiled_page_never_runs_trafilatura(trafilatura_calls):
    for truth in vi_news_cases():
        article = extract_article(truth["html_path"].read_bytes(), truth["page_url"])
        assert article.site != "generic", truth["file"]
    assert trafilatura_calls == []


def test_the_generic_path_hands_trafilatura_its_parsed_tree_in_fast_mode(trafilatura_calls):
    truth = vi_news_cases()[0]
    article = extract_article(truth["html_path"].read_bytes(), truth["page_url"], profiles=())
    assert article.site == "generic" and article.paragraphs
    [(page, kwargs)] = trafilatura_calls
    assert isinstance(page, HtmlElement)
    assert kwargs["fast"] is True


def test_generic_captions_are_the_css_selectors_elements():
    checked = 0
    for truth in PAGES:
        doc = parse_html(truth["html_path"].read_bytes())
        for root in [doc, *list(doc.iter("div", "td"))[:40]]:
            ours, css = GENERIC_CAPTIONS(root), CSS_CAPTIONS(root)
            assert len(ours) == len(css) and {id(el) for el in ours} == {id(el) for el in css}
            checked += bool(css)
    assert checked > 20  # the pages do have captions to find


def _best_by_sorting_all(body):
    """best_candidate as it was: every candidate's link density weighed, then sorted."""
    ranked = sorted(candidate_scores(body).items(),
                    key=lambda kv: kv[1] * (1 - _link_density(kv[0])), reverse=True)
    return ranked[0][0] if ranked else None


def test_best_candidate_weighing_few_is_weighing_all():
    for truth in PAGES:
        body = parse_html(truth["html_path"].read_bytes()).find("body")
        strip_never_content(body)
        assert best_candidate(body) is _best_by_sorting_all(body), truth["file"]
