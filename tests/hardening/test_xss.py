"""Article text is never markup: a page carrying script, event handlers, javascript: links
and attribute-breaking quotes runs none of it in real Chromium (reader page, player, embed
iframe), shows the text literally, and the PDF and the API carry it as plain text."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.hardening.hostile_site import (AUTHOR_TEXT, CAPTION_TEXT, TITLE_TEXT,
                                          build_hostile_site)
from tests.support.servers import serve_sample_site


@pytest.fixture()
def hostile(tmp_path):
    path = build_hostile_site(tmp_path / "site")
    with serve_sample_site(tmp_path / "site") as base:
        yield base, base + path


@pytest.fixture()
def app_config(app_config, hostile):
    return {**app_config, "SITE_URL": hostile[0], "ALLOW_PRIVATE_HOSTS": ["127.0.0.1"],
            "TTS_ENGINE": "offline", "FETCH_MIN_INTERVAL_S": 0.0}


def test_the_api_carries_the_hostile_text_as_plain_text(client, hostile):
    article = client.get("/api/v1/article", query_string={"url": hostile[1]}).get_json()
    assert article["title"] == TITLE_TEXT
    assert AUTHOR_TEXT in (article["author"] or "")
    assert any(CAPTION_TEXT in caption for caption in article["captions"])
    assert all(not a["url"].lower().startswith("javascript:") for a in article["attachments"])
    assert not any("__pwned=9" in p for p in article["paragraphs"])  # a real script is not text


def test_the_pdf_holds_the_text_literally(client, hostile):
    response = client.get("/pdf", query_string={"url": hostile[1]})
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "<script>window.__pwned=1</script>" in text.replace("\n", " ")


def _watch(page, events: list[str]) -> None:
    page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"pageerror {error}"))
    page.on("console", lambda msg: events.append(f"console {msg.text}")
            if msg.type == "error" and "pwned" in msg.text else None)


@pytest.mark.browser
def test_reader_page_and_player_run_none_of_it(live_server, page, hostile):
    events: list[str] = []
    _watch(page, events)
    page.goto(f"{live_server.url}/read?url={hostile[1]}")
    page.wait_for_selector("h1")
    assert page.inner_text("h1").strip() == TITLE_TEXT
    assert CAPTION_TEXT in page.inner_text("main")
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    # The player builds sentences from the narration: play, let it fill in, hover, click.
    page.get_by_role("button", name="Phát").first.click()
    page.wait_for_function("() => { const a = document.querySelector('audio');"
                           " return a && a.currentTime > 0.2; }", timeout=60_000)
    for selector in ("h1", "[data-sentence]"):
        page.hover(selector)
    page.locator("[data-sentence]").nth(3).click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert not [e for e in events if "pwned" in e or e.startswith("dialog")], events


@pytest.mark.browser
def test_embed_iframe_player_runs_none_of_it(live_server, page, hostile):
    events: list[str] = []
    _watch(page, events)
    page.goto(f"{live_server.url}/embed/player?url={hostile[1]}")
    # The player really is there and really plays the hostile article: absences alone would
    # also hold for an empty page.
    play = page.get_by_role("button", name="Đọc nội dung")
    play.wait_for(timeout=30_000)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('[data-docnd-widget]')"
                         ".shadowRoot.activeElement.classList.contains('play')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-docnd-widget]').shadowRoot"
                           ".querySelector('audio').currentTime > 0.2", timeout=60_000)
    assert page.get_by_role("button", name="Tạm dừng").is_visible()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0
    assert not [e for e in events if "pwned" in e or e.startswith("dialog")], events


@pytest.fixture()
def editor_app(app_config, redis_client):
    from app import create_app
    return create_app({**app_config, "EDITOR_TOKEN": "editor-xss-token-0123456789",
                       "CRAWL_INTERVAL_S": 0})


@pytest.mark.browser
def test_editor_page_and_feed_run_none_of_it(editor_app, hostile, browser_context):
    import feedparser

    from tests.support.servers import LiveServer

    result = editor_app.test_cli_runner().invoke(args=["prerender", "--url", hostile[1], "--wait"])
    assert result.exit_code == 0, result.output
    client = editor_app.test_client()
    feed = client.get("/feed.xml")
    assert feed.status_code == 200
    assert b"<script>" not in feed.data and b"<img" not in feed.data
    parsed = feedparser.parse(feed.data)
    assert parsed.entries and not parsed.bozo
    assert any("window.__pwned=1" in entry.title for entry in parsed.entries)

    server = LiveServer(editor_app).start()
    try:
        page = browser_context.new_page()
        events: list[str] = []
        _watch(page, events)
        page.goto(server.url + "/editor")
        page.get_by_label("Mã truy cập").fill("editor-xss-token-0123456789")
        page.keyboard.press("Enter")
        page.wait_for_selector("#editor-title")
        page.wait_for_timeout(1500)  # let the live queue refresh render the rows
        assert TITLE_TEXT in page.inner_text("main")
        assert page.locator("img[src='x']").count() == 0
        assert page.evaluate("window.__pwned") is None
        assert not [e for e in events if "pwned" in e or e.startswith("dialog")], events
    finally:
        server.stop()
