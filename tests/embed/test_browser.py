"""The widget in real Chromium, on host pages served from other origins than the reader.

Few tests on purpose (the machine is shared): each one opens a fresh browser.
"""
from __future__ import annotations

import pytest

from tests.support.browser import axe_violations

pytestmark = pytest.mark.browser

WIDGET = "[data-docnd-widget]"
AUDIO_TIME = f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('audio').currentTime"
# Audio has advanced, or the widget gave up with a message (then the test says which).
PLAYING_OR_FAILED = f"""() => {{
    const root = document.querySelector('{WIDGET}').shadowRoot;
    return root.querySelector('audio').currentTime > 0.3 || !!root.querySelector('.status.msg');
}}"""
PLAY_TIMEOUT_MS = 90_000  # first play scrapes the page and renders the first sentence

# Recorded before any page script runs: the names on window, and layout shifts.
WATCH = """
window.__docndNames = Object.getOwnPropertyNames(window);
window.__docndShifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) window.__docndShifts.push(e.value);  // as CLS counts them
})).observe({type: 'layout-shift', buffered: true});
"""


def _assert_playing(where) -> None:
    where.wait_for_function(PLAYING_OR_FAILED, timeout=PLAY_TIMEOUT_MS)
    status = where.evaluate(f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.status').textContent")
    assert where.evaluate(f"({AUDIO_TIME})") > 0.3, f"audio did not play; the widget says: {status}"


def _tab_to_play_button(page, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        on_play = page.evaluate(f"""() => {{
            const host = document.querySelector('{WIDGET}');
            const inside = host && document.activeElement === host && host.shadowRoot.activeElement;
            return !!inside && inside.classList.contains('play');
        }}""")
        if on_play:
            return
    raise AssertionError("the play button is not reachable with Tab")


def test_widget_plays_by_keyboard_without_globals_shift_or_a11y_violations(reader, allowed_host, page):
    page.add_init_script(WATCH)
    page.goto(allowed_host.url + "/")
    play = page.get_by_role("button", name="Đọc nội dung")
    play.wait_for()
    # Placed in the page's placeholder, and nothing leaked.
    assert page.evaluate(f"() => document.querySelector('{WIDGET}').parentElement.matches('[data-docnd-player]')")
    leaked = page.evaluate("""() => Object.getOwnPropertyNames(window)
        .filter(n => !window.__docndNames.includes(n) && !n.startsWith('__docnd'))""")
    assert leaked == []
    assert page.evaluate("() => document.querySelectorAll('style, link[rel=stylesheet]').length") == 1
    assert axe_violations(page, WIDGET) == []

    _tab_to_play_button(page)
    page.keyboard.press("Enter")
    _assert_playing(page)
    pause = page.get_by_role("button", name="Tạm dừng")
    assert pause.is_visible()
    # The sentence being read is highlighted in the host page, without touching its markup.
    highlighted = page.evaluate("""() => {
        const h = CSS.highlights.get('docnd-reading');
        return h ? [...h][0].toString() : null;
    }""")
    assert highlighted and highlighted in page.inner_text("article")

    page.keyboard.press("Space")
    page.get_by_role("button", name="Tiếp tục đọc").wait_for()
    assert page.get_by_role("status").filter(has_text="Đã tạm dừng").count() == 1
    assert axe_violations(page, WIDGET) == []
    # The space was reserved before the script ran, and no later state changes the widget's
    # size: nothing on the page moved (shifts right after a key press do not count, as in CLS).
    assert page.evaluate("() => window.__docndShifts") == []


def test_hostile_host_stylesheet_does_not_break_the_widget(reader, allowed_host, page):
    page.goto(allowed_host.url + "/?hostile=1&slot=0")
    play = page.get_by_role("button", name="Đọc nội dung")
    play.wait_for()
    # No placeholder: the site profile found the title, and the player sits right after it.
    assert page.evaluate(f"() => document.querySelector('{WIDGET}').previousElementSibling.matches('h1.news-title')")
    box = play.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44
    assert page.evaluate(f"() => getComputedStyle(document.querySelector('{WIDGET}')).display") == "block"
    speed = page.get_by_role("combobox", name="Tốc độ")
    assert speed.is_visible()
    assert page.get_by_role("button", name="Tăng cỡ chữ").is_visible()


def test_page_on_an_origin_off_the_list_gets_the_clear_refusal(reader, denied_host, page):
    page.goto(denied_host.url + "/")
    status = page.get_by_role("status").filter(has_text="chưa được phép gắn nút Đọc nội dung")
    status.wait_for()
    assert page.get_by_role("button", name="Đọc nội dung").count() == 0 or \
        not page.get_by_role("button", name="Đọc nội dung").is_visible()
    assert axe_violations(page, WIDGET) == []


def test_iframe_variant_plays_and_sizes_its_frame(reader, allowed_host, page):
    page.add_init_script("""window.__docndStates = [];
        addEventListener('message', e => {
          if (e.data && e.data.type === 'docnd:state') window.__docndStates.push(e.data.state);
        });""")
    page.goto(allowed_host.url + "/iframe.html")
    frame = page.frame_locator("iframe.docnd-frame")
    play = frame.get_by_role("button", name="Đọc nội dung")
    play.wait_for()
    player = page.frame(url=lambda u: "/embed/player" in u)
    # The frame is as tall as the widget says through {type: "docnd:resize", height}.
    page.wait_for_function("() => document.querySelector('iframe.docnd-frame').style.height !== ''")
    widget_height = player.evaluate(f"() => document.querySelector('{WIDGET}').getBoundingClientRect().height")
    frame_height = page.evaluate("() => parseFloat(document.querySelector('iframe.docnd-frame').style.height)")
    assert abs(frame_height - widget_height) <= 1
    play.press("Enter")
    _assert_playing(player)
    assert frame.get_by_role("button", name="Tạm dừng").is_visible()
    # Into the next sentence: the state is still "playing", so the parent hears it only once.
    first_src = player.evaluate(f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('audio').src")
    player.evaluate(f"() => {{ const a = document.querySelector('{WIDGET}').shadowRoot.querySelector('audio');"
                    " a.currentTime = Math.max(0, a.duration - 0.1); }")
    player.wait_for_function(f"""() => {{
        const a = document.querySelector('{WIDGET}').shadowRoot.querySelector('audio');
        return a.src !== {first_src!r} && a.currentTime > 0.3;
    }}""", timeout=PLAY_TIMEOUT_MS)
    frame.get_by_role("button", name="Tạm dừng").press("Enter")
    page.wait_for_function("() => window.__docndStates.includes('paused')")
    assert page.evaluate("() => window.__docndStates") == ["playing", "paused"]
