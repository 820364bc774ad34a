"""The reader page and the home page in real Chromium, against the bundled sample site read
with the offline voice. Few tests, each sharing one page load for several checks."""
from urllib.parse import quote

import pytest

from tests.support.browser import axe_violations

pytestmark = pytest.mark.browser

SAMPLE_ARTICLE = "tin-tuc/cong-bo-bang-gia-dat-ap-dung-tu-ngay-01-01-2026.html"
LARGEST_FONT_STEP = "6"

# WCAG relative luminance contrast of two computed CSS colours (rgb()/rgba()).
CONTRAST_JS = """([a, b]) => {
  const lum = (css) => {
    const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}"""

# Elements whose content is cut: wider/taller than their box with overflow hidden or clipped,
# or sticking out of the viewport to the right.
CUT_OFF_JS = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('main *, header *')) {
    const style = getComputedStyle(el), r = el.getBoundingClientRect();
    if (!r.width || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
    if (r.right > width + 1) out.push('outside: ' + el.outerHTML.slice(0, 80));
    const clips = /(hidden|clip)/.test(style.overflowX + style.overflowY);
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      out.push('clipped: ' + el.outerHTML.slice(0, 80));
  }
  return out;
}"""


# The WCAG 1.4.12 bookmarklet's overrides, through a constructed style sheet (CSP-proof).
TEXT_SPACING_JS = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
    + ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


# Resolves as soon as the audio plays past its first instant: the lit sentence and the
# audio position read in the same moment (a loaded machine cannot slip between them).
PLAYING_SNAPSHOT_JS = """() => new Promise((resolve, reject) => {
  const audio = document.querySelector('[data-audio]');
  const started = Date.now();
  (function look() {
    if (!audio.paused && audio.currentTime > 0.05) {
      const lit = document.querySelector('.s.is-speaking');
      resolve({sentence: lit ? +lit.dataset.sentence : null, time_s: audio.currentTime,
               src: audio.currentSrc});
    } else if (Date.now() - started > 30000) {
      reject(new Error('audio never played'));
    } else {
      setTimeout(look, 10);
    }
  })();
})"""


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


@pytest.fixture()
def reader_url(live_server, sample_site):
    return f"{live_server.url}/read?url={quote(sample_site + SAMPLE_ARTICLE, safe='')}"


def wait_until(page, predicate_js: str, timeout_s: float = 30.0) -> None:
    """Poll a JS expression (page.wait_for_function evaluates strings, which our CSP
    forbids: 'unsafe-eval' is not allowed, and that is how it should stay)."""
    for _ in range(int(timeout_s * 10)):
        if page.evaluate(predicate_js):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {predicate_js}")


def article_title(page) -> str:
    return page.evaluate("document.querySelector('[data-reader]').dataset.title")


def _axe_ids(page) -> list:
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe_violations(page)]


def _has_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")


def test_pages_pass_axe_in_light_night_largest_text_and_print(page, live_server, reader_url):
    for url in (reader_url, live_server.url + "/"):
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        page.evaluate("localStorage.clear()")
        # First visit follows the system's dark mode; a choice, once made, wins over it.
        page.emulate_media(color_scheme="dark")
        page.reload()
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        page.emulate_media(color_scheme="light")
        page.reload()
        assert page.evaluate("document.documentElement.dataset.theme") == "light"
        assert _axe_ids(page) == [], f"light: {url}"

        page.get_by_role("button", name="Chế độ ban đêm").click()
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert _axe_ids(page) == [], f"night: {url}"

        bigger = page.get_by_role("button", name="+A Tăng cỡ chữ")
        for _ in range(5):  # from the default step to the largest: then it says so
            bigger.click()
        assert bigger.get_attribute("aria-disabled") == "true"
        assert page.evaluate("document.documentElement.dataset.font") == LARGEST_FONT_STEP
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "36px"
        assert _axe_ids(page) == [], f"largest text: {url}"
        assert page.evaluate(CUT_OFF_JS) == [], f"largest text at 1280 px: {url}"

        # Remembered across visits (prefs.js applies both before the first paint).
        page.reload()
        assert page.evaluate("[document.documentElement.dataset.theme, "
                             "document.documentElement.dataset.font]") == ["dark", "6"]

        # 320 CSS px: no horizontal scroll, nothing cut, at the largest step and the default.
        page.set_viewport_size({"width": 320, "height": 700})
        assert not _has_horizontal_scroll(page), f"320 px, largest text: {url}"
        assert page.evaluate(CUT_OFF_JS) == [], f"320 px, largest text: {url}"
        page.get_by_role("button", name="A Cỡ chữ mặc định").click()
        assert not _has_horizontal_scroll(page), f"320 px: {url}"

        page.set_viewport_size({"width": 1280, "height": 900})
        page.emulate_media(media="print")
        assert _axe_ids(page) == [], f"print: {url}"

    # The print view of the reader: the article alone, with its source and date.
    page.goto(reader_url)
    page.emulate_media(media="print")
    assert page.locator("[data-player]").is_hidden()
    assert page.locator(".article-tools").is_hidden()
    assert page.locator(".site-header").is_hidden()
    source = page.locator(".source")
    assert source.is_visible()
    assert SAMPLE_ARTICLE in source.inner_text() and "Ngày đăng:" in source.inner_text()


def test_keyboard_only_listening(page, reader_url):
    page.goto(reader_url)
    page.evaluate("localStorage.clear()")
    page.reload()
    focused = "document.activeElement"

    # From the top of the page: skip link, home link, then the display controls.
    def tab_to(name_js: str, limit: int = 40) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(() => {{ const el = {focused}; return {name_js}; }})()"):
                return
        raise AssertionError(f"never reached {name_js}")

    tab_to("el.getAttribute('aria-label') === '+A Tăng cỡ chữ'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.font") == "2"
    tab_to("el.hasAttribute('data-night')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate(f"{focused}.getAttribute('aria-pressed')") == "true"

    # The focus ring is visible on every control we pass.
    tab_to("el.matches('[data-cmd=\"toggle\"]')")
    assert page.evaluate(f"getComputedStyle({focused}).outlineStyle") == "solid"
    play = page.locator('[data-cmd="toggle"]')
    assert play.inner_text().strip() == "Phát"
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('[data-audio]').currentTime > 0.5")
    assert play.inner_text().strip() == "Tạm dừng"
    # Audio really advances and the highlight follows it.
    first = page.evaluate("+document.querySelector('.s.is-speaking').dataset.sentence")
    wait_until(
        page,
        f"+(document.querySelector('.s.is-speaking') || {{dataset: {{}}}}).dataset.sentence > {first}")
    speaking = page.locator(".s.is-speaking")
    contrast = page.evaluate(CONTRAST_JS, [
        speaking.evaluate("el => getComputedStyle(el).backgroundColor"),
        page.evaluate("getComputedStyle(document.body).backgroundColor")])
    assert contrast >= 3.0
    # WCAG 1.4.12 text spacing, applied as a user style sheet would be: the highlight is on
    # the sentence's own span, so it still covers exactly that text; nothing is cut off.
    page.evaluate(TEXT_SPACING_JS)
    assert page.evaluate("getComputedStyle(document.querySelector('.s.is-speaking'))"
                         ".letterSpacing") != "normal"
    assert page.evaluate(CUT_OFF_JS) == []
    label = page.locator("[data-seek]").get_attribute("aria-valuetext")
    assert " giây trên " in label or " phút trên " in label

    # Pause with the single-key shortcut (focus is in the player), then Enter to play again.
    page.keyboard.press("k")
    assert play.inner_text().strip() == "Phát"
    assert page.evaluate("document.querySelector('[data-audio]').paused")
    paused_at = page.evaluate("document.querySelector('[data-audio]').currentTime")
    page.wait_for_timeout(400)
    assert page.evaluate("document.querySelector('[data-audio]').currentTime") == paused_at

    # Speed: Tab to the select, arrow down to 1.25×; the audio rate follows, pitch kept.
    tab_to("el.matches('[data-speed]')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("[document.querySelector('[data-audio]').playbackRate, "
                         "document.querySelector('[data-audio]').preservesPitch]") == [1.25, True]

    # Skip a sentence: Shift+Tab back to "Câu sau" and press it.
    before = page.evaluate("+document.querySelector('.s.is-speaking').dataset.sentence")
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(f"{focused}.matches('[data-cmd=\"next-sentence\"]')"):
            break
    page.keyboard.press("Enter")
    wait_until(
        page,
        f"+document.querySelector('.s.is-speaking').dataset.sentence === {before + 1}")
    assert page.evaluate("document.querySelector('[data-audio]').paused")  # no autoplay

    # Resume: the next visit offers to continue where the reader stopped.
    page.reload()
    status = page.locator("[data-status-visible]").inner_text()
    assert f"câu {before + 2}" in status
    assert page.evaluate("+document.querySelector('.s.is-speaking').dataset.sentence") == before + 1


def test_clicking_a_sentence_reads_from_there(page, reader_url):
    page.goto(reader_url)
    page.evaluate("localStorage.clear()")
    page.reload()
    target = page.locator(".article-body .s[data-sentence]").nth(3)
    number = int(target.get_attribute("data-sentence"))
    target.click()
    # One atomic look, as soon as audio moves: which sentence is lit, where the audio is.
    heard = page.evaluate(PLAYING_SNAPSHOT_JS)
    assert heard["sentence"] == number
    # Lock screen and headset: Media Session knows what plays.
    assert page.evaluate("[navigator.mediaSession.metadata.title, navigator.mediaSession"
                         ".playbackState]") == [article_title(page), "playing"]
    # The audio plays from that sentence's start, as the narration record has it.
    record = page.evaluate("fetch(document.querySelector('[data-reader]').dataset.narration)"
                           ".then(r => r.json())")
    segment = next(s for s in record["segments"] if s["sentence"] == number)
    if "/audio/article/" in heard["src"]:  # whole-article MP3: absolute position
        assert segment["start_ms"] <= heard["time_s"] * 1000 < segment["end_ms"]
    else:  # still rendering: that segment's own MP3, from its start
        assert heard["src"].endswith(segment["audio_url"])
        assert heard["time_s"] * 1000 < segment["end_ms"] - segment["start_ms"]
    # Sentences are not Tab stops: the player's keys reach them. Paused, L moves on two
    # sentences (the highlight shows where, nothing plays), and K reads from there.
    page.locator('[data-cmd="toggle"]').focus()
    page.keyboard.press("k")
    assert page.evaluate("document.querySelector('[data-audio]').paused")
    lit = page.evaluate("+document.querySelector('.s.is-speaking').dataset.sentence")
    page.keyboard.press("l")
    page.keyboard.press("l")
    wait_until(page, f"+document.querySelector('.s.is-speaking').dataset.sentence === {lit + 2}")
    assert page.evaluate("document.querySelector('[data-audio]').paused")  # no autoplay
    assert f"Câu {lit + 3} trên" in page.locator("[data-status-visible]").inner_text()
    page.keyboard.press("k")
    heard = page.evaluate(PLAYING_SNAPSHOT_JS)
    assert heard["sentence"] == lit + 2
    page.keyboard.press("Tab")  # focus moves on; audio keeps going: no trap, no surprise
    assert not page.evaluate("document.querySelector('[data-audio]').paused")


def test_home_plays_one_article_then_the_next(page, live_server):
    page.goto(live_server.url + "/")
    items = page.locator("[data-item]")
    assert items.count() >= 5
    second_title = items.nth(1).get_attribute("data-title")
    items.nth(1).get_by_role("button", name=f"Nghe: {second_title}").click()
    wait_until(page, "document.querySelector('[data-playlist] [data-audio]').currentTime > 0.3")
    assert page.locator("[data-now-playing]").inner_text().endswith(second_title)
    assert page.locator('[data-playlist] [data-cmd="toggle"]').inner_text().strip() == "Tạm dừng"
    # "Bài sau" (as at the end of an article) goes on to the third one.
    third_title = items.nth(2).get_attribute("data-title")
    page.get_by_role("button", name="Bài sau").click()
    wait_until(page, "document.querySelector('[data-now-playing]').textContent.includes("
                     f"{third_title!r}) && document.querySelector('[data-playlist] [data-audio]')"
                     ".currentTime > 0.3")
    assert "trang-" not in page.evaluate("document.querySelector('[data-playlist] [data-audio]').src")
    assert page.locator(".article-item.is-playing").get_attribute("data-title") == third_title


def test_a_listing_page_answer_is_accessible_and_leads_to_its_articles(page, live_server,
                                                                       sample_site):
    listing = sample_site + "tin-tuc/trang-2.html"
    page.goto(f"{live_server.url}/read?url={quote(listing, safe='')}")
    assert page.get_by_role("heading", level=1).inner_text() == "Trang này là danh sách bài viết"
    assert _axe_ids(page) == []
    first = page.locator(".article-item-title a").first
    title = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-reader]")
    assert article_title(page) == title
