"""The site profiles' selectors, read as plain JSON for the widget."""
import json

from services.embed_profiles import GENERIC, PROFILES_DIR, load_page_selectors


def _write(tmp_path, name, data):
    (tmp_path / name).write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def test_profiles_in_scraper_order_then_generic(tmp_path):
    _write(tmp_path, "b.json", {"name": "dept", "priority": 10,
                                "match": {"hosts": ["STNMT.langson.gov.vn", "*.langson.gov.vn"],
                                          "markers": ["article.news-detail"]},
                                "title": ["h1.news-title"], "lead": [".news-lead"],
                                "body": ["article .news-content", ".news-content"], "date": [".news-date"]})
    _write(tmp_path, "a.json", {"name": "news", "priority": 60, "match": {"markers": ["#c"]},
                                "title": "h1.t", "body": "div.c"})
    profiles = load_page_selectors(tmp_path)
    assert [p["name"] for p in profiles] == ["dept", "news", "generic"]
    assert profiles[0] == {"name": "dept", "hosts": ["stnmt.langson.gov.vn", "*.langson.gov.vn"],
                           "markers": ["article.news-detail"], "title": ["h1.news-title"],
                           "lead": [".news-lead"], "body": ["article .news-content", ".news-content"]}
    assert profiles[1]["title"] == ["h1.t"] and profiles[1]["lead"] == []
    assert profiles[-1] == GENERIC


def test_broken_unmatchable_or_titleless_profiles_are_skipped(tmp_path):
    _write(tmp_path, "broken.json", "{not json")
    _write(tmp_path, "list.json", [1, 2])
    _write(tmp_path, "notitle.json", {"name": "x", "match": {"markers": ["a"]}, "body": "div.c"})
    _write(tmp_path, "nomatch.json", {"name": "y", "title": "h1"})
    _write(tmp_path, "badprio.json", {"name": "z", "priority": "high", "match": {"markers": ["a"]}, "title": "h1"})
    assert [p["name"] for p in load_page_selectors(tmp_path)] == ["generic"]


def test_no_profile_directory_still_gives_the_generic_entry(tmp_path):
    assert [p["name"] for p in load_page_selectors(tmp_path / "absent")] == ["generic"]


def test_every_shipped_profile_is_usable_by_the_widget():
    files = sorted(PROFILES_DIR.glob("*.json"))
    names = [p["name"] for p in load_page_selectors()]
    assert names[-1] == "generic" and len(names) == len(files) + 1
