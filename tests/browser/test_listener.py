"""A keyboard and screen-reader listener on the reader page, in real Chromium: few Tab stops
(sentences are not among them), the attachments and the original before the body, and a
live region that says each state change once and never stays stale."""

import pytest

# The reader page's own fixtures: the sample site read with the offline voice.
from tests.browser.test_reader_page import app_config, reader_url, wait_until  # noqa: F401

pytestmark = pytest.mark.browser

# Focus after each Tab, from the top of the page until focus leaves the page.
TAB_STOP_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
  return {tag: el.tagName.toLowerCase(),
          text: (el.getAttribute('aria-label') || label || el.innerText || '').trim().slice(0, 60),
          sentence: el.matches('.s, .s *'), inBody: !!el.closest('.article-body'),
          attachment: !!el.closest('.attachments'), key: el.outerHTML.slice(0, 120)};
}"""

# Every text the live region takes, in order (set once: "" then the words).
RECORD_LIVE_JS = """() => {
  const live = document.querySelector('[data-status]');
  window.__said = [];
  new MutationObserver(() => { if (live.textContent) window.__said.push(live.textContent); })
    .observe(live, {childList: true, characterData: true, subtree: true});
}"""
AUDIO = "document.querySelector('[data-audio]')"
LIVE = "document.querySelector('[data-status]').textContent"


def _tab_stops(page, limit: int = 120) -> list[dict]:
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP_JS)
        if stop is None or (stops and stop["key"] == stops[0]["key"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"more than {limit} Tab stops")


def test_sentences_are_not_tab_stops_and_the_original_comes_first(page, reader_url):
    page.goto(reader_url)
    page.evaluate("localStorage.clear()")
    page.reload()
    sentences = page.locator(".s[data-sentence]").count()
    assert sentences >= 10
    stops = _tab_stops(page)
    assert not [s for s in stops if s["sentence"]]
    assert page.locator(".s[tabindex]").count() == 0
    # The whole page, player included, is about two dozen stops, each a named control.
    assert len(stops) <= 35, [s["text"] for s in stops]
    assert [s for s in stops if s["tag"] not in ("a", "button", "input", "select", "summary")
            or not s["text"]] == []
    names = [s["text"] for s in stops]
    original = next(i for i, n in enumerate(names) if n.startswith("Xem bài gốc"))
    to_attachments = next(i for i, n in enumerate(names) if n.startswith("Tệp đính kèm ("))
    play = next(i for i, n in enumerate(names) if n == "Phát")
    first_in_body = next((i for i, s in enumerate(stops) if s["inBody"]), len(stops))
    assert original < play < first_in_body and to_attachments < first_in_body
    # The link leads to the attachments: the next Tab is the first attachment.
    page.get_by_role("link", name=names[to_attachments]).press("Enter")
    assert page.evaluate("document.activeElement.id") == "attachments-title"
    page.keyboard.press("Tab")
    assert page.evaluate(TAB_STOP_JS)["attachment"]


def test_the_live_region_says_each_change_once_and_never_stays_stale(page, reader_url):
    page.goto(reader_url)
    page.evaluate("localStorage.clear()")
    page.reload()
    live = page.locator("[data-status]")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    page.evaluate(RECORD_LIVE_JS)
    page.locator('[data-cmd="toggle"]').focus()
    page.keyboard.press("Enter")
    wait_until(page, f"{AUDIO}.currentTime > 0.5 && !{AUDIO}.paused")
    # While the voice reads, the region no longer says the audio is being made.
    wait_until(page, f"!{LIVE}.startsWith('Đang tạo')")

    page.keyboard.press("k")
    wait_until(page, f"{LIVE} === 'Đã tạm dừng.'")
    assert page.evaluate(f"{AUDIO}.paused")
    page.keyboard.press("k")
    wait_until(page, f"{LIVE} === 'Tiếp tục đọc.'")
    wait_until(page, f"!{AUDIO}.paused && {AUDIO}.currentTime > 0")
    page.keyboard.press("+")
    wait_until(page, f"{LIVE} === 'Tốc độ 1,25 lần.'")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.25
    page.keyboard.press("k")
    wait_until(page, f"{LIVE} === 'Đã tạm dừng.'")

    said = page.evaluate("window.__said")
    # Each change once, in order, and nothing about making audio after the voice started.
    changes = [s for s in said if not s.startswith(("Đang tạo", "Hệ thống"))]
    assert changes == ["Đã tạm dừng.", "Tiếp tục đọc.", "Tốc độ 1,25 lần.", "Đã tạm dừng."], said
    first_change = said.index("Đã tạm dừng.")
    assert not [s for s in said[first_change:] if s.startswith("Đang tạo")], said
