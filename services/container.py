"""The one container of services: every client, store and engine, built once from the settings.

`create_app()` builds it for a web process and keeps it on the app; views read it through
`services_of(current_app)`, the one accessor. An RQ worker (services/worker.py) builds its
own with `build_services(config)` and hands it to every job it runs. Nothing connects at
import, and nothing else reads settings from anywhere but `Services.config` (config.py holds
each setting's one default).
"""
from __future__ import annotations

import atexit
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Protocol

import redis
import requests
from rq import Queue

from cache.articles import ArticleStore
from cache.audio import AudioStore
from cache.documents import DocumentStore
from cache.client import connect_redis, redis_ok
from cache.jobs import JobBook
from cache.keys import Keys
from cache.lexicon_edits import LexiconEdits
from cache.redis_server import EmbeddedRedis
from documents.read import Limits
from reader.engines.base import Engine
from scraper.fetch import Fetcher
from services.articles import ArticleSource
from services.job_queue import build_queues
from services.narration import Narrator

EXTENSION = "docnd"  # the app.extensions entry that holds the container


@dataclass(frozen=True)
class Services:
    config: Mapping[str, Any]  # the settings (config.DEFAULTS overridden from the environment)
    redis: redis.Redis
    keys: Keys
    http: requests.Session  # the fetcher's pooled session (also /healthz's site check)
    fetcher: Fetcher
    article_store: ArticleStore
    articles: ArticleSource  # fetcher + store + ARTICLE_FRESH_S and LISTING_* settings
    engines: dict[str, Engine]  # auto, gtts, offline
    engine: Engine  # engines[TTS_ENGINE]
    audio: AudioStore
    narrator: Narrator  # reads with the editors' lexicon
    render_pool: ThreadPoolExecutor
    queues: dict[str, Queue]  # services.job_queue.QUEUE_NAMES
    jobs: JobBook  # pre-rendering records, pending markers, recent jobs
    lexicon: LexiconEdits  # the editors' readings
    document_limits: Limits  # size, pages, deadlines and memory for attached documents
    documents: DocumentStore  # read documents by content hash, and by address
    limiter: Any = None  # flask-limiter (web processes only)
    admit_render: Callable[[], None] | None = None  # the per-client render budget (web only)
    redis_server: EmbeddedRedis | None = None  # the private redis-server we started, if any
    memo: dict[str, Any] = field(default_factory=dict)  # per process: /healthz checks, embed.js


class _HasExtensions(Protocol):
    extensions: dict[str, Any]


def services_of(app: _HasExtensions) -> Services:
    """The container of a Flask app (views: `services_of(current_app)`)."""
    return app.extensions[EXTENSION]


def resolve_redis_url(config: Mapping[str, Any], instance_path: Path) -> tuple[str, EmbeddedRedis | None]:
    """REDIS_URL, else the private server `make run` started, else one of our own."""
    if config["REDIS_URL"]:
        return config["REDIS_URL"], None
    url_file = instance_path / "redis.url"
    if url_file.exists():
        url = url_file.read_text().strip()
        if redis_ok(connect_redis(url, timeout_s=1.0)):
            return url, None
    server = EmbeddedRedis(instance_path / "redis", maxmemory=config["REDIS_MAXMEMORY"]).start()
    atexit.register(server.stop)
    return server.url, server


def build_services(config: Mapping[str, Any], *, limiter: Any = None,
                   admit_render: Callable[[], None] | None = None,
                   redis_server: EmbeddedRedis | None = None) -> Services:
    """Every client, made once. `config["REDIS_URL"]` must be set (resolve_redis_url)."""
    from cache.breaker_state import SharedBreakerState
    from cache.chrome import RedisChromeStore
    from reader.engines import build_engines
    from scraper.fetch import make_session
    from scraper.policy import FetchPolicy
    from scraper.version import EXTRACTOR_VERSION

    connection = connect_redis(config["REDIS_URL"])
    keys = Keys(config["KEY_PREFIX"])
    policy = FetchPolicy.from_config(config)
    http = make_session(policy)
    fetcher = Fetcher(http, policy)
    store = ArticleStore(connection, keys, ttl_s=config["ARTICLE_TTL_S"],
                         extractor_version=EXTRACTOR_VERSION)
    articles = ArticleSource(
        fetcher, store, site_url=config["SITE_URL"], fresh_s=config["ARTICLE_FRESH_S"],
        listing_max_pages=config["LISTING_MAX_PAGES"],
        listing_deadline_s=config["LISTING_DEADLINE_S"], listing_ttl_s=config["LISTING_TTL_S"],
        chrome=RedisChromeStore(connection, keys))
    engines = build_engines(config, breaker_state=SharedBreakerState(connection, keys))
    audio = _audio_store(config, connection, keys)
    pool = ThreadPoolExecutor(config["RENDER_CONCURRENCY"], thread_name_prefix="render")
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    lexicon = LexiconEdits(connection, keys)
    narrator = _narrator(config, connection, keys, engines[config["TTS_ENGINE"]], audio, pool,
                         lexicon)
    return Services(
        config=config, redis=connection, keys=keys, http=http, fetcher=fetcher,
        article_store=store, articles=articles, engines=engines,
        engine=engines[config["TTS_ENGINE"]], audio=audio, narrator=narrator,
        render_pool=pool, queues=build_queues(connection), jobs=JobBook(connection, keys),
        lexicon=lexicon, document_limits=Limits.from_config(config),
        documents=DocumentStore(connection, keys, config["NARRATION_TTL_S"]), limiter=limiter,
        admit_render=admit_render, redis_server=redis_server)


def _audio_store(config, connection, keys) -> AudioStore:
    from cache.hot import HotBytes
    megabytes = config["AUDIO_HOT_CACHE_MB"]
    hot = HotBytes(megabytes * 1024 * 1024) if megabytes else None
    return AudioStore(connection, keys, config["AUDIO_TTL_S"], hot=hot)


def _narrator(config, connection, keys, engine: Engine, audio: AudioStore,
              pool: ThreadPoolExecutor, lexicon: LexiconEdits) -> Narrator:
    from cache.hot import RecentValues
    from cache.locks import RedisLock, RedisSemaphore
    from cache.narrations import NarrationStore
    from reader.normalize import NORMALIZER_VERSION, normalize
    from services.editors_lexicon import EditorsReading

    return Narrator(
        engine=engine,
        audio=audio,
        records=NarrationStore(connection, keys, config["NARRATION_TTL_S"]),
        lock_factory=lambda name: RedisLock(connection, keys, f"narration:{name}"),
        pool=pool,
        normalizer_version=NORMALIZER_VERSION,
        normalize=normalize,
        artist=config["SITE_NAME"],
        max_pending=config["RENDER_CONCURRENCY"] * 4,
        recent_records=RecentValues(2.0) if config["AUDIO_HOT_CACHE_MB"] else None,
        render_slots=RedisSemaphore(connection, keys, "renders", config["RENDER_SLOTS"]),
        slot_wait_s=config["RENDER_SLOT_WAIT_S"],
        first_wait_s=config["NARRATION_FIRST_WAIT_S"],
        # Every process reads with the editors' lexicon, or an on-demand request would
        # overwrite a narration an editor prepared with other readings.
        reading_source=EditorsReading(lexicon),
    )
