"""Shared fixtures: a real redis-server on a free port for the whole run, flushed around
each test; the Flask `app`, `client` and `runner` as in the Flask tutorial."""
from __future__ import annotations

import os

import pytest
from hypothesis import settings

from app import create_app

# Hypothesis is deterministic by default ("ci": the same examples every run, no example
# database), so `make test` gives the same result every time; property failures found once
# are kept as explicit @example cases. HYPOTHESIS_PROFILE=explore searches at random with
# more examples, to find new failures (docs/spoken-vietnamese.md).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
from cache.redis_server import EmbeddedRedis


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"), maxmemory="256mb")
    server.start()
    yield server
    server.stop()


@pytest.fixture()
def redis_url(redis_server):
    return redis_server.url


@pytest.fixture()
def redis_client(redis_server):
    import redis
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture()
def app_config(base_app_config):
    """What `app` is built from; test modules override it (often from sample_app_config)."""
    return base_app_config


@pytest.fixture()
def base_app_config(redis_server, tmp_path):
    return {
        "TESTING": True,
        # Each test writes its secret key and run state under its own folder: a file left in
        # ./instance by an earlier run must not make a test pass.
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "REDIS_URL": redis_server.url,
        "SECRET_KEY": "test-secret",
        "SITE_URL": "http://127.0.0.1:9/",  # closed port: the source site is "down"
        "HEALTH_SITE_TIMEOUT_S": 0.5,
        "WORKER_EXPECTED": False,  # no RQ worker runs unless a test starts one
    }


@pytest.fixture()
def app(app_config, redis_client):
    app = create_app(app_config)
    yield app
    # A render a test started in the background must end before Redis is flushed for the
    # next test; otherwise it writes its progress or failure into the next test's data.
    from services.container import services_of
    services_of(app).render_pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


@pytest.fixture()
def sample_site():
    """Base URL of the bundled sample site, served on a free port."""
    from tests.support.servers import serve_sample_site
    with serve_sample_site() as url:
        yield url


@pytest.fixture()
def sample_app_config(base_app_config, sample_site):
    """The app reading the bundled sample site (only its own port may be private) with the
    offline voice: what most web and browser tests need."""
    from urllib.parse import urlsplit
    return {**base_app_config, "SITE_URL": sample_site,
            "ALLOW_PRIVATE_HOSTS": [urlsplit(sample_site).netloc],
            "TTS_ENGINE": "offline", "FETCH_MIN_INTERVAL_S": 0.0}


@pytest.fixture()
def live_server(app):
    """The app served over real HTTP on a free port (threaded werkzeug)."""
    from tests.support.servers import LiveServer
    server = LiveServer(app).start()
    yield server
    server.stop()


@pytest.fixture()
def browser_locale() -> str:
    """The browser's language (Accept-Language and navigator.language); a test may override."""
    return "vi-VN"


@pytest.fixture()
def browser_context(request, browser_locale):
    # Chromium tests are slow: `-m "not browser"` must leave out every one of them.
    if request.node.get_closest_marker("browser") is None:
        pytest.fail(f"{request.node.nodeid} uses Chromium: mark it @pytest.mark.browser")
    from tests.support.browser import chromium_context
    with chromium_context(viewport={"width": 1280, "height": 900},
                          locale=browser_locale) as context:
        yield context


@pytest.fixture()
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()
