"""The app as the scraper tests build it: one allowed local site, short timeouts."""
from __future__ import annotations

from app import create_app


def build(app_config, site_url: str, **extra):
    config = dict(app_config, SITE_URL=site_url, ALLOW_PRIVATE_HOSTS=["127.0.0.1"],
                  FETCH_MIN_INTERVAL_S=0.0, FETCH_READ_TIMEOUT_S=0.5, FETCH_CONNECT_TIMEOUT_S=1.0,
                  FETCH_DEADLINE_S=5.0, FETCH_MAX_BYTES=200_000, **extra)
    return create_app(config)
