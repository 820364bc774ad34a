"""Onboarding a new site: `site check`, `site learn` on mocked sites of two CMS families,
chrome by template difference, local profiles winning over bundled ones, confidence."""
from __future__ import annotations

import json

import pytest

from scraper.extract import extract_article
from scraper.onboard import check_site, learn_site
from scraper.parsing import parse_html
from scraper.profiles import default_profiles, profile_from_dict, use_local_profiles
from scraper.template import MemoryChromeStore, chrome_blocks, page_blocks
from tests.scraper.api_helpers import build
from tests.scraper.cms_pages import (CHROME, MOCK_FAMILIES, SITE_ARTICLES, SiteFetcher, mock_site,
                                     truth_of)


def spoken(article) -> str:
    return " ".join([article.title, article.lead, *article.paragraphs, *article.captions])


@pytest.mark.parametrize("family", MOCK_FAMILIES)
def test_a_learned_profile_reads_every_article_of_its_site_exactly(family):
    base = f"http://{family}.example.vn"
    site = mock_site(family)
    learned = learn_site(SiteFetcher(site), base + "/tin-tuc/")
    assert learned.exact and len(learned.checks) == len(SITE_ARTICLES)
    profile = profile_from_dict(learned.profile)
    assert profile.hosts == (f"{family}.example.vn",) and profile.selectors["body"]
    for n in range(len(SITE_ARTICLES)):
        url = f"{base}/tin-tuc/bai-{n}.html"
        article = extract_article(site[f"/tin-tuc/bai-{n}.html"], url, profiles=(profile,))
        truth = truth_of(n)
        assert article.site == profile.name
        assert (article.title, article.published[:10], article.author) == \
            (truth["title"], truth["date"], truth["author"])
        assert article.paragraphs[0] == truth["first"] and article.paragraphs[-1] == truth["last"]
        assert not any(chrome in spoken(article) for chrome in CHROME)


@pytest.mark.parametrize("family", MOCK_FAMILIES)
def test_site_check_reports_every_page_and_a_verdict(family):
    store = MemoryChromeStore()
    report = check_site(SiteFetcher(mock_site(family)), f"http://{family}.example.vn/tin-tuc/",
                        pages=5, profiles=(), store=store)
    assert [p.title for p in report.pages] == [a[0] for a in SITE_ARTICLES]
    assert all(p.body_chars > 200 and p.site == "generic" and p.confidence for p in report.pages)
    assert report.verdict.startswith("Tốt")
    assert store.get(f"{family}.example.vn") and report.chrome_blocks >= 3


def test_blocks_shared_by_pages_of_a_site_are_chrome_and_not_read():
    site = mock_site("joomla")
    docs = [parse_html(site[f"/tin-tuc/bai-{n}.html"]) for n in range(5)]
    chrome = chrome_blocks(page_blocks(doc) for doc in docs)
    page = site["/tin-tuc/bai-0.html"].replace(b"</div><div class='social'>",
                                               b"<p>" + CHROME[0].encode() + b"</p></div><div class='social'>")
    plain = extract_article(page, "http://joomla.example.vn/tin-tuc/bai-0.html", profiles=())
    trimmed = extract_article(page, "http://joomla.example.vn/tin-tuc/bai-0.html", profiles=(),
                              chrome=chrome)
    assert CHROME[0] in plain.paragraphs  # the box inside the body is read without the chrome
    assert CHROME[0] not in trimmed.paragraphs and trimmed.paragraphs[-1] == truth_of(0)["last"]


def test_one_page_is_no_template():
    assert chrome_blocks([{"a", "b"}]) == frozenset()


def test_local_profiles_win_over_bundled_ones(tmp_path):
    bundled = default_profiles()
    local = tmp_path / "profiles"
    local.mkdir()
    (local / "wordpress.json").write_text(json.dumps(
        {"name": "wordpress", "priority": 5, "match": {"markers": [".entry-content"]},
         "title": ["h2.mine"], "body": [".entry-content"]}), encoding="utf-8")
    use_local_profiles(local)
    try:
        mine = [p for p in default_profiles() if p.name == "wordpress"]
        assert len(mine) == 1 and mine[0].selectors["title"][0].css == "h2.mine"
        assert default_profiles()[0].name == "wordpress"
    finally:
        from scraper import profiles
        profiles._LOCAL_DIRS.remove(str(local))
    assert default_profiles() == bundled


def test_flask_site_learn_writes_a_profile_and_site_check_prints_a_verdict(origin, app_config,
                                                                           redis_client, tmp_path):
    for path, body in mock_site("joomla").items():
        origin.html(path, body)
    app = build(app_config, origin.base + "/")
    runner = app.test_cli_runner()
    out = tmp_path / "learned.json"
    result = runner.invoke(args=["site", "learn", origin.url("/tin-tuc/"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5/5" in result.output
    profile = json.loads(out.read_text(encoding="utf-8"))
    assert profile["match"]["hosts"] == ["127.0.0.1"] and profile["body"] == ["div.articleBody"]
    checked = runner.invoke(args=["site", "check", origin.url("/tin-tuc/"), "--pages", "3", "--json"])
    assert checked.exit_code == 0, checked.output
    data = json.loads(checked.output)
    assert len(data["pages"]) == 3 and data["verdict"].startswith("Tốt")
    assert all(0 < page["confidence"] <= 1 and page["reasons"] for page in data["pages"])


def test_every_extraction_says_how_sure_it_is():
    site = mock_site("dnn")
    article = extract_article(site["/tin-tuc/bai-0.html"], "http://dnn.example.vn/tin-tuc/bai-0.html")
    assert 0 < article.confidence <= 1 and article.confidence_reasons
    assert "confidence" in article.to_dict()
