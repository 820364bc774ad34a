"""Application factory: config, clients (built once, passed in), blueprints, error mapping."""
from __future__ import annotations

import atexit
import logging
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from cache.client import connect_redis, redis_ok
from cache.keys import Keys
from config import load_config

__version__ = "0.1.0"
log = logging.getLogger("docnd")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    config = load_config()
    if test_config:
        config.update(test_config)
    app = Flask(__name__, instance_path=config.get("INSTANCE_PATH") or None,
                instance_relative_config=True)
    app.config.update(config)
    app.json.ensure_ascii = False  # Vietnamese stays readable in API answers
    app.config["VERSION"] = __version__
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    app.config.setdefault("MAX_CONTENT_LENGTH", 1024 * 1024)
    from scraper.profiles import use_local_profiles
    use_local_profiles(Path(app.instance_path) / "profiles")  # `flask site learn` writes there

    _build_clients(app)
    _register_blueprints(app)
    _apply_limits(app)
    from web.errors import register_error_handlers
    from web.security import register_security
    register_error_handlers(app)
    register_security(app)
    from web import cli
    cli.register(app)
    return app


def _instance_secret(instance: Path) -> str:
    """One secret for every process of this instance. Several gunicorn workers start at
    once: write a private temp file, then link it into place; the first link wins and
    everyone reads the winner (a plain write would give each worker its own key)."""
    path = instance / "secret_key"
    if not path.exists():
        tmp = instance / f".secret_key.{os.getpid()}"
        tmp.write_text(secrets.token_hex(32))
        tmp.chmod(0o600)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_text().strip()


def _redis_url(app: Flask) -> str:
    """REDIS_URL, else the private server `make run` started, else one of our own."""
    if app.config.get("REDIS_URL"):
        return app.config["REDIS_URL"]
    url_file = Path(app.instance_path) / "redis.url"
    if url_file.exists():
        url = url_file.read_text().strip()
        if redis_ok(connect_redis(url, timeout_s=1.0)):
            return url
    from cache.redis_server import EmbeddedRedis
    server = EmbeddedRedis(Path(app.instance_path) / "redis",
                           maxmemory=app.config["REDIS_MAXMEMORY"]).start()
    atexit.register(server.stop)
    app.extensions["redis_server"] = server
    return server.url


def _build_clients(app: Flask) -> None:
    """Every client is made here, once, and handed to the rooms through app.extensions."""
    app.config["REDIS_URL"] = _redis_url(app)
    app.extensions["redis"] = connect_redis(app.config["REDIS_URL"])
    app.extensions["keys"] = Keys(app.config["KEY_PREFIX"])
    app.extensions.setdefault("engines", {})
    from cache.articles import ArticleStore
    from scraper.fetch import Fetcher, make_session
    from scraper.policy import FetchPolicy
    policy = FetchPolicy.from_config(app.config)
    app.extensions["http"] = make_session(policy)
    app.extensions["fetcher"] = Fetcher(app.extensions["http"], policy)
    from scraper.version import EXTRACTOR_VERSION
    app.extensions["article_store"] = ArticleStore(
        app.extensions["redis"], app.extensions["keys"], ttl_s=app.config["ARTICLE_TTL_S"],
        extractor_version=EXTRACTOR_VERSION)
    _build_voices(app)
    from services.jobcontext import build_queues
    app.extensions["queues"] = build_queues(app.extensions["redis"])
    if "narrator" in app.extensions:  # after the voices' narrator: read with editors' lexicon
        from services.edited_narrator import follow_lexicon_edits
        follow_lexicon_edits(app)


def _build_voices(app: Flask) -> None:
    """Voices, the audio cache and the background render pool (branch voices)."""
    from concurrent.futures import ThreadPoolExecutor

    from cache.audio import AudioStore
    from cache.hot import HotBytes, RecentValues
    from cache.locks import RedisLock, RedisSemaphore
    from cache.narrations import NarrationStore
    from reader.engines import build_engines
    from reader.normalize import NORMALIZER_VERSION, normalize
    from services.narration import Narrator

    config = app.config
    redis_client, keys = app.extensions["redis"], app.extensions["keys"]
    from cache.breaker_state import SharedBreakerState
    engines = build_engines(config, breaker_state=SharedBreakerState(redis_client, keys))
    app.extensions["engines"] = engines
    app.extensions["engine"] = engines[config["TTS_ENGINE"]]
    hot = HotBytes(config["AUDIO_HOT_CACHE_MB"] * 1024 * 1024) if config["AUDIO_HOT_CACHE_MB"] else None
    app.extensions["audio_store"] = AudioStore(redis_client, keys, config["AUDIO_TTL_S"], hot=hot)
    pool = ThreadPoolExecutor(config["RENDER_CONCURRENCY"], thread_name_prefix="render")
    app.extensions["render_pool"] = pool
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    app.extensions["narrator"] = Narrator(
        engine=app.extensions["engine"],
        audio=app.extensions["audio_store"],
        records=NarrationStore(redis_client, keys, config["NARRATION_TTL_S"]),
        lock_factory=lambda name: RedisLock(redis_client, keys, f"narration:{name}"),
        pool=pool,
        normalizer_version=NORMALIZER_VERSION,
        normalize=normalize,
        artist=config["SITE_NAME"],
        max_pending=config["RENDER_CONCURRENCY"] * 4,
        recent_records=RecentValues(2.0) if hot is not None else None,
        render_slots=RedisSemaphore(redis_client, keys, "renders", config["RENDER_SLOTS"]),
        slot_wait_s=config["RENDER_SLOT_WAIT_S"],
        first_wait_s=config["NARRATION_FIRST_WAIT_S"],
    )


def _apply_limits(app: Flask) -> None:
    """The render budget (web/limits.py): renders per client, fetches and PDFs per client."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    from web.limits import apply_route_limits, build_limiter, render_admission
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    limiter = build_limiter(app)
    app.extensions["render_admission"] = render_admission(limiter, app.config["RENDER_RATE_LIMIT"])
    fetch_limit = app.config["FETCH_RATE_LIMIT"]
    apply_route_limits(app, limiter, {
        "api_articles.article": fetch_limit,
        "pages.read": fetch_limit,
        "pages.pdf": fetch_limit,
        "pages.listen": fetch_limit,
        "embed.player": fetch_limit,
    })


def _register_blueprints(app: Flask) -> None:
    from web import api_articles, api_docs, api_narration, audio, embed, health, pages
    app.register_blueprint(health.bp)
    app.register_blueprint(api_docs.bp)
    app.register_blueprint(api_articles.bp)
    app.register_blueprint(audio.bp)
    app.register_blueprint(api_narration.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(pages.bp)
    from web import api_jobs, editor, feed
    app.register_blueprint(editor.bp)
    app.register_blueprint(api_jobs.bp)
    app.register_blueprint(feed.bp)
