"""While the source site is down, the home page shows the last known listing and the
prepared articles, says the site cannot be reached, and every article shown plays."""
import re
from urllib.parse import urlsplit

import pytest

from app import create_app
from cache.articles import url_key
from services.container import services_of
from tests.browser.test_reader_page import wait_until
from tests.support.servers import LiveServer, serve_sample_site


def _listed(html):
    return re.findall(r'<li class="article-item" data-item data-url="([^"]+)"', html)


@pytest.fixture()
def site_gone(base_app_config, redis_client):
    """The app after the site was read (one article prepared, one opened) and went away:
    (app, prepared url, opened url, url never read)."""
    with serve_sample_site() as site:
        app = create_app({**base_app_config, "SITE_URL": site, "TTS_ENGINE": "offline",
                          "ALLOW_PRIVATE_HOSTS": [urlsplit(site).netloc],
                          "FETCH_MIN_INTERVAL_S": 0.0})
        client = app.test_client()
        urls = _listed(client.get("/").get_data(as_text=True))
        assert len(urls) >= 3
        prepared, opened, never_read = urls[0], urls[1], urls[2]
        done = app.test_cli_runner().invoke(args=["prerender", "--url", prepared, "--wait"])
        assert done.exit_code == 0, done.output
        assert client.get("/read", query_string={"url": opened}).status_code == 200
    # The site is gone now; the short-lived listing cache expires as it would in 5 minutes.
    redis_client.delete(services_of(app).keys.meta(f"listing:{url_key(site)}"))
    return app, prepared, opened, never_read


def test_home_keeps_what_still_plays_while_the_site_is_down(site_gone):
    app, prepared, opened, never_read = site_gone
    client = app.test_client()
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Hiện không kết nối được trang" in html and "vẫn nghe được" in html
    assert _listed(html) == [prepared, opened]  # the last known order; unplayable ones left out
    assert never_read not in html

    # The prepared article plays its whole MP3 (the link and the script's data-audio-url).
    audio = re.search(r'data-url="%s"[^>]*data-audio-url="([^"]+)"' % re.escape(prepared), html)
    assert audio and f'href="{audio.group(1)}"' in html
    mp3 = client.get(audio.group(1))
    assert mp3.status_code == 200 and mp3.mimetype == "audio/mpeg" and len(mp3.data) > 1000
    # The other is read from its stored text (stale-if-error), not refused with a 502.
    listen = client.get("/listen", query_string={"url": opened})
    assert listen.status_code == 303, listen.get_data(as_text=True)
    assert client.get(listen.headers["Location"]).mimetype == "audio/mpeg"


@pytest.mark.browser
def test_home_plays_both_kinds_in_chromium_while_the_site_is_down(site_gone, page):
    app, prepared, opened, _ = site_gone
    server = LiveServer(app).start()
    try:
        page.goto(server.url + "/")
        items = page.locator("[data-item]")
        assert items.count() == 2
        player = "document.querySelector('[data-playlist] [data-audio]')"
        for index, url in enumerate((prepared, opened)):
            title = items.nth(index).get_attribute("data-title")
            items.nth(index).get_by_role("button", name=f"Nghe: {title}").click()
            wait_until(page, f"{player}.currentTime > 0.3 && "
                             f"document.querySelector('.article-item.is-playing') && "
                             f"document.querySelector('.article-item.is-playing').dataset.url "
                             f"=== {url!r}")
    finally:
        server.stop()
