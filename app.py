"""Application factory: config, the container of services (built once), blueprints, errors."""
from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from config import check_config, load_config

__version__ = "0.1.0"
log = logging.getLogger("docnd")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    config = load_config()
    if test_config:
        config.update(test_config)
        check_config(config)
    app = Flask(__name__, instance_path=config.get("INSTANCE_PATH") or None,
                instance_relative_config=True)
    app.config.update(config)
    app.json.ensure_ascii = False  # Vietnamese stays readable in API answers
    app.config["VERSION"] = __version__
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    from scraper.profiles import use_local_profiles
    use_local_profiles(Path(app.instance_path) / "profiles")  # `flask site learn` writes there

    _register_blueprints(app)
    _build_services(app)
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


def _build_services(app: Flask) -> None:
    """The container (services/container.py), with the web's render budget (web/limits.py):
    renders per client, and fetches and PDFs per client on the routes that start them."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    from services.container import EXTENSION, build_services, resolve_redis_url
    from web.limits import apply_route_limits, build_limiter, render_admission
    url, server = resolve_redis_url(app.config, Path(app.instance_path))
    app.config["REDIS_URL"] = url
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    limiter = build_limiter(app)
    services = app.extensions[EXTENSION] = build_services(
        app.config, limiter=limiter, redis_server=server,
        admit_render=render_admission(limiter, app.config["RENDER_RATE_LIMIT"]))
    if app.config["TTS_ENGINE"] != "offline" and not app.testing:
        # A web process: connections to Google open before its first narration (the
        # worker's jobs open theirs when they start; a forked job could not share them).
        services.engines["gtts"].warm()
    fetch_limit = app.config["FETCH_RATE_LIMIT"]
    apply_route_limits(app, limiter, {
        "api_articles.article": fetch_limit,
        "pages.read": fetch_limit,
        "pages.pdf": fetch_limit,
        "pages.listen": fetch_limit,
        "embed.player": fetch_limit,
        "documents.doc": fetch_limit,
        "documents.listen": fetch_limit,
    })


def _register_blueprints(app: Flask) -> None:
    from web import api_articles, api_docs, api_narration, audio, embed, health, pages, scripts
    app.register_blueprint(health.bp)
    app.register_blueprint(api_docs.bp)
    app.register_blueprint(api_articles.bp)
    app.register_blueprint(audio.bp)
    app.register_blueprint(api_narration.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(scripts.bp)
    from web import api_jobs, editor, feed
    app.register_blueprint(editor.bp)
    app.register_blueprint(api_jobs.bp)
    app.register_blueprint(feed.bp)
    from web import documents
    app.register_blueprint(documents.bp)
