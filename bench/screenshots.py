"""The screenshots in docs/screenshots/ from the current pages: the app on the bundled sample
site, in Debian's Chromium through Playwright. `python -m bench.screenshots` (needs the
offline voice: the reader is shown paused mid-article, its sentence highlighted)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARTICLE = "tin-tuc/cong-bo-bang-gia-dat-ap-dung-tu-ngay-01-01-2026.html"
WIDTH = 960
HOME_HEIGHT, READER_HEIGHT = 1100, 1250
PLAY_TIMEOUT_MS = 90_000  # the first play fetches the article and renders its first sentence
AUDIO_AT = "s => { const a = document.querySelector('audio'); return a && !a.paused && a.currentTime > s; }"


def _reader_paused_mid_article(page, url: str, skips: int = 2) -> None:
    page.goto(url)
    page.click("[data-cmd=toggle]")
    page.wait_for_function(AUDIO_AT, arg=0.3, timeout=PLAY_TIMEOUT_MS)
    for _ in range(skips):  # a sentence in the text, so the highlight shows
        page.click("[data-cmd=next-sentence]")
    page.wait_for_function(AUDIO_AT, arg=0.3, timeout=PLAY_TIMEOUT_MS)
    page.click("[data-cmd=toggle]")
    page.wait_for_function("() => document.querySelector('audio').paused")
    _at_rest(page)


def _at_rest(page) -> None:
    """No hover or focus ring from the clicks above in the picture."""
    page.mouse.move(0, 0)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")


def take(out: Path = OUT) -> list[Path]:
    from app import create_app
    from cache.redis_server import EmbeddedRedis
    from tests.support.browser import chromium_context
    from tests.support.servers import LiveServer, sample_app_settings, serve_sample_site

    redis = EmbeddedRedis(Path(tempfile.mkdtemp(prefix="shots-redis-")), maxmemory="64mb").start()
    try:
        with serve_sample_site() as site:
            app = create_app(sample_app_settings(redis.url, site, "screenshots"))
            server = LiveServer(app).start()
            try:
                with chromium_context(viewport={"width": WIDTH, "height": HOME_HEIGHT},
                                      locale="vi-VN", color_scheme="light") as context:
                    page = context.new_page()
                    page.goto(server.url + "/")
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=out / "home-light.png")
                    page.set_viewport_size({"width": WIDTH, "height": READER_HEIGHT})
                    _reader_paused_mid_article(page, f"{server.url}/read?url={quote(site + ARTICLE, safe='')}")
                    page.screenshot(path=out / "reader-light.png")
                    page.click("[data-night]")
                    page.wait_for_function("() => document.querySelector('[data-night]')"
                                           ".getAttribute('aria-pressed') === 'true'")
                    _at_rest(page)
                    page.screenshot(path=out / "reader-night.png")
            finally:
                server.stop()
    finally:
        redis.stop()
    return [out / name for name in ("home-light.png", "reader-light.png", "reader-night.png")]


if __name__ == "__main__":
    for path in take():
        print(path)
