"""The site profiles' selectors, as the widget receives them (from the scraper's loader)."""
import json

from scraper.profiles import PROFILE_DIR, load_profiles
from services.embed_profiles import GENERIC, page_selectors


def _write(tmp_path, name, data):
    (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")


def test_profiles_in_scraper_order_then_generic(tmp_path):
    _write(tmp_path, "b.json", {"name": "dept", "priority": 10,
                                "match": {"hosts": ["STNMT.langson.gov.vn", "*.langson.gov.vn"],
                                          "markers": ["article.news-detail"]},
                                "title": ["h1.news-title"], "lead": [".news-lead"],
                                "body": ["article .news-content", ".news-content"], "date": [".news-date"]})
    _write(tmp_path, "a.json", {"name": "news", "priority": 60, "match": {"markers": ["#c"]},
                                "title": "h1.t", "body": "div.c"})
    profiles = page_selectors(load_profiles(str(tmp_path)))
    assert [p["name"] for p in profiles] == ["dept", "news", "generic"]
    assert profiles[0] == {"name": "dept", "hosts": ["stnmt.langson.gov.vn", "*.langson.gov.vn"],
                           "markers": ["article.news-detail"], "title": ["h1.news-title"],
                           "lead": [".news-lead"], "body": ["article .news-content", ".news-content"]}
    assert profiles[1]["title"] == ["h1.t"] and profiles[1]["lead"] == []
    assert profiles[-1] == GENERIC


def test_profiles_the_widget_cannot_place_itself_with_are_left_out(tmp_path):
    _write(tmp_path, "notitle.json", {"name": "x", "match": {"markers": ["a"]}, "body": "div.c"})
    _write(tmp_path, "nomatch.json", {"name": "y", "title": "h1"})
    assert [p["name"] for p in page_selectors(load_profiles(str(tmp_path)))] == ["generic"]


def test_every_shipped_profile_is_usable_by_the_widget():
    files = sorted(PROFILE_DIR.glob("*.json"))
    names = [p["name"] for p in page_selectors(load_profiles())]
    assert names[-1] == "generic" and len(names) == len(files) + 1
