"""The site profiles' selectors, read as plain JSON for the widget."""
import json

from services.embed_profiles import GENERIC, load_page_selectors


def _write(tmp_path, name, data):
    (tmp_path / name).write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")


def test_profiles_give_title_lead_body_and_end_with_the_generic_entry(tmp_path):
    _write(tmp_path, "langson.json", {"name": "langson", "hosts": ["stnmt.langson.gov.vn"],
                                      "selectors": {"title": "h1.news-title", "lead": "div.news-lead",
                                                    "body": ["div.news-content"]}})
    _write(tmp_path, "flat.json", {"title": "h1.t", "content": "div.c"})
    profiles = load_page_selectors(tmp_path)
    assert [p["name"] for p in profiles] == ["flat", "langson", "generic"]
    assert profiles[1] == {"name": "langson", "hosts": ["stnmt.langson.gov.vn"], "title": "h1.news-title",
                           "lead": "div.news-lead", "body": "div.news-content"}
    assert profiles[0]["body"] == "div.c" and profiles[0]["lead"] is None
    assert profiles[-1]["title"] == GENERIC["title"] and profiles[-1]["body"] is None


def test_broken_or_titleless_profiles_are_skipped(tmp_path):
    _write(tmp_path, "broken.json", "{not json")
    _write(tmp_path, "list.json", [1, 2])
    _write(tmp_path, "notitle.json", {"body": "div.c"})
    assert [p["name"] for p in load_page_selectors(tmp_path)] == ["generic"]


def test_no_profile_directory_still_gives_the_generic_entry(tmp_path):
    assert [p["name"] for p in load_page_selectors(tmp_path / "absent")] == ["generic"]
