"""Embed fixtures: two host sites on their own ports (one allowlisted, one not) and the
app configured to read articles from the allowed one with the offline voice."""
from __future__ import annotations

import pytest

from tests.embed.hosts import HostSite


@pytest.fixture()
def allowed_host():
    site = HostSite().start()
    yield site
    site.stop()


@pytest.fixture()
def denied_host():
    site = HostSite().start()
    yield site
    site.stop()


@pytest.fixture()
def app_config(app_config, allowed_host, denied_host):
    return {
        **app_config,
        "SITE_URL": allowed_host.url + "/",
        "ALLOW_PRIVATE_HOSTS": ["127.0.0.1"],
        "EMBED_ORIGINS": [allowed_host.url],
        "TTS_ENGINE": "offline",
        "FETCH_MIN_INTERVAL_S": 0.0,
    }


@pytest.fixture()
def reader(live_server, allowed_host, denied_host):
    """The app over HTTP, with both host pages pointing their script tag at it."""
    allowed_host.reader_url = denied_host.reader_url = live_server.url
    return live_server
