"""Every setting honoured everywhere: the app started with every setting changed, and each
one's effect checked where it acts (the container, the views, the job queue)."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from app import create_app
from cache.articles import ArticleStore
from config import DEFAULTS
from scraper.article import Article
from services import job_queue
from services.container import Services, services_of
from services.job_queue import enqueue_crawl, enqueue_prerender

SITE = "http://127.0.0.1:9/"  # a closed port: the source site is down
ARTICLE_URL = SITE + "tin-tuc/bai-thu.html"

CHANGED = {
    "SECRET_KEY": "changed-secret", "PORT": 8123, "ACCESS_LOG": True,
    "MAX_CONTENT_LENGTH": 4096, "INSTANCE_PATH": None,  # set per test (tmp_path)
    "REDIS_URL": None,  # set per test (the test Redis)
    "REDIS_MAXMEMORY": "64mb", "KEY_PREFIX": "changed:",
    "TTS_ENGINE": "offline", "OFFLINE_VOICE": "vi-vn-x-south", "OFFLINE_RATE_WPM": 130,
    "GTTS_TLD": "com", "GTTS_TIMEOUT_S": 3.5, "GTTS_POOL_SIZE": 5, "GTTS_PROBE_TIMEOUT_S": 0.7,
    "GTTS_RETRIES": 4, "GTTS_BACKOFF_S": 0.5, "GTTS_RETRY_AFTER_MAX_S": 4.0,
    "GTTS_BREAKER_FAILURES": 7, "GTTS_BREAKER_COOLDOWN_S": 11.0,
    "AUDIO_TTL_S": 1234, "NARRATION_TTL_S": 2345, "NARRATION_FIRST_WAIT_S": 3.0,
    "SITE_URL": SITE, "SITE_NAME": "Sở Thử Nghiệm", "SAMPLE_PORT": 8124,
    "ALLOWED_HOSTS": ["other.gov.vn"], "ALLOW_PRIVATE_HOSTS": ["127.0.0.1:9"],
    "FETCH_CONNECT_TIMEOUT_S": 1.5, "FETCH_READ_TIMEOUT_S": 2.5, "FETCH_MAX_BYTES": 123456,
    "FETCH_MIN_INTERVAL_S": 0.0, "FETCH_DEADLINE_S": 7.0, "ROBOTS_TTL_S": 99.0,
    "ARTICLE_TTL_S": 777, "ARTICLE_FRESH_S": 60, "LISTING_MAX_PAGES": 1,
    "LISTING_DEADLINE_S": 4.0, "LISTING_TTL_S": 42, "HEALTH_SITE_TIMEOUT_S": 0.3,
    "EMBED_ORIGINS": ["https://host.gov.vn"], "EDITOR_TOKEN": "changed-editor-token-0123", "EDITOR_SIGNIN_LIMIT": "2 per minute",
    "CRAWL_INTERVAL_S": 0, "RENDER_CONCURRENCY": 2, "AUDIO_HOT_CACHE_MB": 3,
    "RENDER_SLOTS": 3, "RENDER_SLOT_WAIT_S": 1.5, "RATE_LIMITS_ENABLED": False,
    "RENDER_RATE_LIMIT": "3 per minute", "FETCH_RATE_LIMIT": "7 per minute", "PROXY_COUNT": 1,
    "LISTING_URL": SITE + "tin-tuc/", "CRAWL_MAX_PAGES": 2, "CRAWL_DEADLINE_S": 50.0,
    "PRERENDER_JOB_TIMEOUT_S": 321, "PRERENDER_RETRY_INTERVALS_S": [1, 2, 3],
    "WORKER_HEARTBEAT_S": 7, "WORKER_GRACE_S": 9, "WORKER_NICE": 3, "WORKER_EXPECTED": False, "FEED_REVIEW": True,
    "FEED_MAX_ITEMS": 2, "DOCUMENT_MAX_MB": 3, "DOCUMENT_MAX_PAGES": 4, "DOCUMENT_TIMEOUT_S": 5.0,
    "DOCUMENT_MEMORY_MB": 600, "OCR_PAGE_TIMEOUT_S": 6.0, "OCR_LANG": "eng",
}

# Where each setting acts, read back from the running app. `s` is the container.
EFFECTS = {
    "SECRET_KEY": lambda app, s: app.secret_key,
    "MAX_CONTENT_LENGTH": lambda app, s: app.config["MAX_CONTENT_LENGTH"],
    "KEY_PREFIX": lambda app, s: s.keys.prefix,
    "OFFLINE_VOICE": lambda app, s: s.engines["offline"].voice,
    "OFFLINE_RATE_WPM": lambda app, s: s.engines["offline"].rate_wpm,
    "GTTS_TLD": lambda app, s: s.engines["gtts"].tld,
    "GTTS_TIMEOUT_S": lambda app, s: s.engines["gtts"].timeout_s,
    "GTTS_POOL_SIZE": lambda app, s: s.engines["gtts"].pool_size,
    "GTTS_RETRIES": lambda app, s: s.engines["gtts"].retries,
    "GTTS_BACKOFF_S": lambda app, s: s.engines["gtts"].backoff_s,
    "GTTS_RETRY_AFTER_MAX_S": lambda app, s: s.engines["gtts"].retry_after_max_s,
    "GTTS_BREAKER_FAILURES": lambda app, s: s.engines["gtts"].breaker.threshold,
    "GTTS_BREAKER_COOLDOWN_S": lambda app, s: s.engines["gtts"].breaker.cooldown_s,
    "AUDIO_TTL_S": lambda app, s: s.audio.ttl_s,
    "AUDIO_HOT_CACHE_MB": lambda app, s: s.audio.hot.max_bytes // (1024 * 1024),
    "NARRATION_TTL_S": lambda app, s: s.narrator.records.ttl_s,
    "NARRATION_FIRST_WAIT_S": lambda app, s: s.narrator.first_wait_s,
    "SITE_NAME": lambda app, s: s.narrator.artist,
    "RENDER_CONCURRENCY": lambda app, s: s.render_pool._max_workers,
    "RENDER_SLOTS": lambda app, s: s.narrator.render_slots.limit,
    "RENDER_SLOT_WAIT_S": lambda app, s: s.narrator.slot_wait_s,
    "DOCUMENT_MAX_MB": lambda app, s: s.document_limits.max_bytes // (1024 * 1024),
    "DOCUMENT_MAX_PAGES": lambda app, s: s.document_limits.max_pages,
    "DOCUMENT_TIMEOUT_S": lambda app, s: s.document_limits.timeout_s,
    "DOCUMENT_MEMORY_MB": lambda app, s: s.document_limits.memory_mb,
    "OCR_PAGE_TIMEOUT_S": lambda app, s: s.document_limits.ocr_page_timeout_s,
    "OCR_LANG": lambda app, s: s.document_limits.ocr_lang,
    "FETCH_CONNECT_TIMEOUT_S": lambda app, s: s.fetcher.policy.connect_timeout_s,
    "FETCH_READ_TIMEOUT_S": lambda app, s: s.fetcher.policy.read_timeout_s,
    "FETCH_MAX_BYTES": lambda app, s: s.fetcher.policy.max_bytes,
    "FETCH_MIN_INTERVAL_S": lambda app, s: s.fetcher.policy.min_interval_s,
    "FETCH_DEADLINE_S": lambda app, s: s.fetcher.policy.deadline_s,
    "ROBOTS_TTL_S": lambda app, s: s.fetcher.policy.robots_ttl_s,
    "ALLOWED_HOSTS": lambda app, s: sorted(s.fetcher.policy.allowed_hosts - {"127.0.0.1"}),
    "ALLOW_PRIVATE_HOSTS": lambda app, s: sorted(s.fetcher.policy.private_hosts),
    "SITE_URL": lambda app, s: s.articles.site_url,
    "ARTICLE_TTL_S": lambda app, s: s.article_store.ttl_s,
    "ARTICLE_FRESH_S": lambda app, s: s.articles.fresh_s,
    "LISTING_MAX_PAGES": lambda app, s: s.articles.listing_max_pages,
    "LISTING_DEADLINE_S": lambda app, s: s.articles.listing_deadline_s,
    "LISTING_TTL_S": lambda app, s: s.articles.listing_ttl_s,
    "RATE_LIMITS_ENABLED": lambda app, s: s.limiter.enabled,
    "PROXY_COUNT": lambda app, s: isinstance(app.wsgi_app, ProxyFix) and app.wsgi_app.x_for,
}
TRUE_MEANS = {"PROXY_COUNT": 1}

# Settings that act outside the container, and the tests that show them acting.
ELSEWHERE = {
    "PORT": "runner (tests/foundation/test_make_run.py)",
    "ACCESS_LOG": "runner's gunicorn arguments",
    "SAMPLE_PORT": "runner's sample site",
    "WORKER_NICE": "services.worker.main (tests/foundation/test_make_run.py)",
    "WORKER_HEARTBEAT_S": "services.worker.main (tests/editor/test_recovery.py)",
    "WORKER_GRACE_S": "the worker's heartbeat TTL (tests/editor/test_recovery.py)",
    "CRAWL_INTERVAL_S": "the worker's schedule (tests/editor/test_bookkeeping.py)",
    "REDIS_MAXMEMORY": "the private redis-server only (tests/foundation/test_embedded_redis.py)",
    "REDIS_URL": "test_redis_url_and_instance_path below",
    "INSTANCE_PATH": "test_redis_url_and_instance_path below",
    "TTS_ENGINE": "test_engine_choice below",
    "HEALTH_SITE_TIMEOUT_S": "/healthz (tests/foundation/test_healthz.py)",
    "WORKER_EXPECTED": "/healthz's workers (tests/foundation/test_healthz.py)",
    "GTTS_PROBE_TIMEOUT_S": "/healthz's probe of Google (tests/voices/test_cli_and_health.py)",
    "EMBED_ORIGINS": "test_views_read_their_settings below",
    "EDITOR_TOKEN": "test_views_read_their_settings below",
    "EDITOR_SIGNIN_LIMIT": "the sign-in budget (tests/editor/test_auth.py)",
    "FEED_MAX_ITEMS": "test_views_read_their_settings below",
    "FEED_REVIEW": "prerender_url (tests/editor/test_prerender_e2e.py)",
    "RENDER_RATE_LIMIT": "the render budget (tests/hardening/test_render_budget.py)",
    "FETCH_RATE_LIMIT": "the route limits (tests/hardening/test_render_budget.py)",
    "LISTING_URL": "test_job_queue_reads_its_settings below",
    "CRAWL_MAX_PAGES": "crawl_site (tests/editor/test_prerender_e2e.py)",
    "CRAWL_DEADLINE_S": "test_job_queue_reads_its_settings below",
    "PRERENDER_JOB_TIMEOUT_S": "test_job_queue_reads_its_settings below",
    "PRERENDER_RETRY_INTERVALS_S": "test_job_queue_reads_its_settings below",
}


@pytest.fixture()
def changed_app(redis_server, redis_client, tmp_path):
    config = {**CHANGED, "TESTING": True, "REDIS_URL": redis_server.url,
              "INSTANCE_PATH": str(tmp_path / "instance")}
    return create_app(config)


def test_every_setting_is_changed_and_accounted_for():
    assert set(CHANGED) == set(DEFAULTS)
    for name, value in CHANGED.items():
        assert value != DEFAULTS[name] or name in {"INSTANCE_PATH", "REDIS_URL"}, name
    assert set(EFFECTS) | set(ELSEWHERE) == set(DEFAULTS)
    assert not set(EFFECTS) & set(ELSEWHERE)


@pytest.mark.parametrize("name", sorted(EFFECTS))
def test_each_setting_reaches_where_it_acts(changed_app, name):
    value = EFFECTS[name](changed_app, services_of(changed_app))
    expected = CHANGED[name]
    if name in {"ALLOWED_HOSTS", "ALLOW_PRIVATE_HOSTS"}:
        expected = sorted(expected)
    assert value == TRUE_MEANS.get(name, expected)


def test_the_drifted_default_is_the_one_in_config(app):
    assert services_of(app).engines["gtts"].pool_size == DEFAULTS["GTTS_POOL_SIZE"] == 12


def test_engine_choice(changed_app):
    services: Services = services_of(changed_app)
    assert services.engine is services.engines["offline"] is services.narrator.engine


def test_redis_url_and_instance_path(changed_app, redis_server, tmp_path):
    services = services_of(changed_app)
    assert services.redis.connection_pool.connection_kwargs["port"] == redis_server.port
    assert services.redis_server is None
    assert changed_app.instance_path == str(tmp_path / "instance")


def _stored_article(app, url: str, age_s: float) -> None:
    """The article kept in Redis as if last checked with the source `age_s` ago."""
    services = services_of(app)
    past = ArticleStore(services.redis, services.keys, ttl_s=3600,
                        clock=lambda: time.time() - age_s,
                        extractor_version=services.article_store.extractor_version)
    past.put(url, Article(url=url, title="Bài thử nghiệm",
                                  paragraphs=["Một câu để đọc thử."]),
             etag=None, last_modified=None, fetched_at=time.time() - age_s)


DOORS = ["/read", "/pdf", "/api/v1/article", "/api/v1/narration", "/listen"]


@pytest.mark.parametrize("path", DOORS)
def test_article_fresh_s_is_honoured_by_every_door(changed_app, path, monkeypatch):
    """Kept 100 s ago: fresh for ARTICLE_FRESH_S=600 (served without asking the source),
    stale for 60 (the source is asked; it is down, so the kept copy is served: stale-if-error).
    The old hard-coded 600 s served it on /read, /pdf, /listen without asking."""
    url = f"{ARTICLE_URL}?door={path.strip('/').replace('/', '-')}"  # renders never share
    _stored_article(changed_app, url, age_s=100)
    fresh_app = create_app({**changed_app.config, "ARTICLE_FRESH_S": 600})
    asked = []
    for app in (changed_app, fresh_app):
        fetcher = services_of(app).fetcher

        def fetch(*args, _app=app, _fetch=fetcher.fetch, **kwargs):
            asked.append(_app)
            return _fetch(*args, **kwargs)

        monkeypatch.setattr(fetcher, "fetch", fetch)
    stale = changed_app.test_client().get(path, query_string={"url": url})
    assert asked == [changed_app], path  # ARTICLE_FRESH_S=60: the source was asked
    assert stale.status_code < 500, stale.get_data(as_text=True)[:300]  # and its copy served
    fresh = fresh_app.test_client().get(path, query_string={"url": url})
    assert asked == [changed_app], path  # ARTICLE_FRESH_S=600: not asked
    assert fresh.status_code in (200, 303), fresh.get_data(as_text=True)[:300]


def test_home_page_honours_the_listing_settings(sample_app_config, redis_client):
    from scraper.listing import crawl_listing
    app = create_app({**sample_app_config, "LISTING_MAX_PAGES": 1, "LISTING_TTL_S": 42})
    services = services_of(app)
    one_page = crawl_listing(services.fetcher, sample_app_config["SITE_URL"], max_pages=1,
                             deadline_s=10)
    html = app.test_client().get("/").get_data(as_text=True)
    links = {item.url for item in one_page}
    assert links and all(url in html for url in links)
    listing_keys = [k for k in redis_client.keys(services.keys.meta("listing:*"))]
    assert len(listing_keys) == 1 and 40 <= redis_client.ttl(listing_keys[0]) <= 42
    assert len(services.article_store.get_listing(sample_app_config["SITE_URL"])) == len(one_page)


def test_views_read_their_settings(changed_app):
    client = changed_app.test_client()
    allowed = client.get("/api/v1/embed/config", query_string={"url": ARTICLE_URL},
                         headers={"Origin": "https://host.gov.vn"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "https://host.gov.vn"
    assert client.get("/api/v1/jobs/x", headers={
        "Authorization": f"Bearer {CHANGED['EDITOR_TOKEN']}"}).status_code == 404  # signed in
    services = services_of(changed_app)
    from cache.jobs import PrerenderRecord
    for n in range(3):
        services.jobs.save_record(PrerenderRecord(
            url=f"{SITE}a/{n}", title=f"Bài {n}", narration_id=f"{n:024d}", content_hash="h",
            audio_bytes=1, duration_ms=1000, rendered_at=time.time() + n))
    assert client.get("/feed.xml").get_data(as_text=True).count("<item>") == 2


def test_job_queue_reads_its_settings(changed_app):
    services = services_of(changed_app)
    job = enqueue_prerender(services, ARTICLE_URL)
    assert job.timeout == 321 and job.retry_intervals == [1, 2, 3]
    crawl = enqueue_crawl(services)
    assert crawl.meta["url"] == CHANGED["LISTING_URL"] and crawl.timeout == 50 + 60
    assert job_queue.default_listing(services.config) == CHANGED["LISTING_URL"]
    assert urlsplit(crawl.meta["url"]).path == "/tin-tuc/"
