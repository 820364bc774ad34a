"""Configuration: working defaults for a laptop with no network, overridden from the environment.

Every setting can be given as ``DOCND_<NAME>`` (the one prefix). The four names that hosting
platforms and other tools use bare (``REDIS_URL``, ``TTS_ENGINE``, ``SITE_URL``,
``PORT``) are honoured too; the prefixed form wins when both are set.
"""
from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import urlsplit

ENV_PREFIX = "DOCND_"
BARE_ALIASES = ("REDIS_URL", "TTS_ENGINE", "SITE_URL", "PORT")

# The department whose site we read (the seed page is from Lạng Sơn's Sở TN&MT).
DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": None,  # generated and kept under instance/ when unset
    "PORT": 8000,
    "ACCESS_LOG": False,  # one line per request from gunicorn (make run)
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # largest request body (Flask's own setting): 413 past it
    "INSTANCE_PATH": None,  # where Redis data, the secret key and run state live; ./instance
    # Redis: None means "start a private redis-server under instance/".
    "REDIS_URL": None,
    "REDIS_MAXMEMORY": "512mb",
    "KEY_PREFIX": "docnd:",
    # Voices
    "TTS_ENGINE": "auto",  # auto | gtts | offline
    "OFFLINE_VOICE": "vi",  # vi | vi-vn-x-central | vi-vn-x-south
    "OFFLINE_RATE_WPM": 165,
    "GTTS_TLD": "com.vn",
    "GTTS_TIMEOUT_S": 8.0,
    "GTTS_POOL_SIZE": 12,
    "GTTS_PROBE_TIMEOUT_S": 3.0,
    "GTTS_RETRIES": 2,
    "GTTS_BACKOFF_S": 0.25,
    "GTTS_RETRY_AFTER_MAX_S": 10.0,
    "GTTS_BREAKER_FAILURES": 3,
    "GTTS_BREAKER_COOLDOWN_S": 60.0,
    "AUDIO_TTL_S": 30 * 24 * 3600,
    "NARRATION_TTL_S": 30 * 24 * 3600,
    "NARRATION_FIRST_WAIT_S": 10.0,  # then 503 + Retry-After: a web thread is not held longer
    # Source site
    "SITE_URL": "https://stnmt.langson.gov.vn/",
    "SITE_NAME": "Sở Tài nguyên và Môi trường",
    "SAMPLE_PORT": 8001,
    "ALLOWED_HOSTS": [],  # extra hosts the fetcher may read, besides SITE_URL's
    "ALLOW_PRIVATE_HOSTS": [],  # hosts allowed to resolve to loopback/private (the local sample)
    "FETCH_CONNECT_TIMEOUT_S": 5.0,
    "FETCH_READ_TIMEOUT_S": 15.0,
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,
    "FETCH_MIN_INTERVAL_S": 0.5,
    "FETCH_DEADLINE_S": 30.0,  # whole fetch: redirects, retries and body together
    "ROBOTS_TTL_S": 3600.0,
    "ARTICLE_TTL_S": 6 * 3600,
    "ARTICLE_FRESH_S": 600,  # served from Redis without asking the source
    "LISTING_MAX_PAGES": 3,
    "LISTING_DEADLINE_S": 20.0,
    "LISTING_TTL_S": 300,
    "HEALTH_SITE_TIMEOUT_S": 2.0,
    # Embedding and editors
    "EMBED_ORIGINS": [],
    "EDITOR_TOKEN": None,  # at least MIN_EDITOR_TOKEN_CHARS characters when set
    "EDITOR_SIGNIN_LIMIT": "5 per minute;20 per hour",  # failed sign-ins per client
    "CRAWL_INTERVAL_S": 900,
    "RENDER_CONCURRENCY": 4,
    "AUDIO_HOT_CACHE_MB": 64,  # per web process: recently served audio kept in memory
    "RENDER_SLOTS": 8,  # new narrations rendering at once across ALL processes
    "RENDER_SLOT_WAIT_S": 5.0,  # how long a request waits for a slot before a 503
    # Render budget (per client, shared by all web processes through Redis)
    "RATE_LIMITS_ENABLED": True,
    "RENDER_RATE_LIMIT": "10 per minute;60 per hour",  # new narrations started
    "FETCH_RATE_LIMIT": "60 per minute",  # article fetches, PDF exports
    "PROXY_COUNT": 0,  # reverse proxies in front whose X-Forwarded-For we trust
    # Pre-rendering by editors (RQ workers), the periodic crawl and the podcast feed
    "LISTING_URL": None,  # first page of the news listing; SITE_URL when unset
    "CRAWL_MAX_PAGES": 3,
    "CRAWL_DEADLINE_S": 120.0,
    "PRERENDER_JOB_TIMEOUT_S": 600,
    "PRERENDER_RETRY_INTERVALS_S": [10, 60, 300],
    "WORKER_HEARTBEAT_S": 30,
    "WORKER_GRACE_S": 60,
    "WORKER_EXPECTED": True,  # /healthz: no live RQ worker is "degraded" (make run starts one)
    "WORKER_NICE": 10,  # background renders run at this lower CPU priority than the web
    "FEED_REVIEW": False,
    "FEED_MAX_ITEMS": 50,
    # Attached documents (PDF, scanned PDF through OCR, DOCX): docs/documents.md
    "DOCUMENT_MAX_MB": 20,
    "DOCUMENT_MAX_PAGES": 100,
    "DOCUMENT_TIMEOUT_S": 900.0,  # a whole file, OCR included, in its own process
    "DOCUMENT_MEMORY_MB": 3072,  # memory ceiling of that process (a decompression bomb stops here)
    "OCR_PAGE_TIMEOUT_S": 60.0,
    "OCR_LANG": "vie",
}


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def _coerce(raw: str, default: Any) -> Any:
    """Turn an environment string into the type of its default (JSON for lists, numbers)."""
    if isinstance(default, bool):
        word = raw.strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS:  # "maybe" must not silently mean false
            raise ValueError("phải là true hoặc false / must be true or false")
        return word in TRUE_WORDS
    try:
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError:
        raise ValueError("phải là một số / must be a number") from None
    if isinstance(default, list):
        raw = raw.strip()
        if raw.startswith("["):
            value = json.loads(raw)
            if not isinstance(value, list):
                raise ValueError("expected a JSON list")
            return value
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def load_config(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Defaults overridden by bare aliases, then by ``DOCND_`` variables."""
    environ = dict(os.environ if environ is None else environ)
    config = dict(DEFAULTS)
    sources = [(name, environ.get(name)) for name in BARE_ALIASES]
    sources += [(key[len(ENV_PREFIX):], value) for key, value in environ.items()
                if key.startswith(ENV_PREFIX)]
    for name, raw in sources:
        if raw is None or raw == "":
            continue
        default = DEFAULTS.get(name)
        try:
            config[name] = _coerce(raw, default) if default is not None else raw
        except ValueError as exc:
            raise ConfigError(f"{ENV_PREFIX}{name}={raw!r}: {exc}") from exc
    check_config(config)
    check_addresses(config)
    return config


def check_addresses(config: dict[str, Any]) -> None:
    """Addresses from the environment that cannot work: said at start, not found later as a
    crash loop (a Redis URL without its scheme) or a silent refusal (an origin without one)."""
    redis_url = config.get("REDIS_URL")
    if redis_url and urlsplit(str(redis_url)).scheme not in {"redis", "rediss", "unix"}:
        raise ConfigError(
            f"DOCND_REDIS_URL={redis_url!r}: phải bắt đầu bằng redis://, rediss:// hoặc "
            "unix://, ví dụ redis://127.0.0.1:6379/0. / must start with redis://, rediss:// "
            "or unix://.")
    for name in ("SITE_URL", "LISTING_URL"):
        url = config.get(name)
        parts = urlsplit(str(url or ""))
        if url and (parts.scheme not in {"http", "https"} or not parts.hostname):
            raise ConfigError(
                f"DOCND_{name}={url!r}: phải là địa chỉ http:// hoặc https://, ví dụ "
                "https://stnmt.langson.gov.vn/. / must be an http:// or https:// address.")
    for origin in config.get("EMBED_ORIGINS") or []:
        parts = urlsplit(str(origin))
        if (parts.scheme not in {"http", "https"} or not parts.hostname
                or parts.path.strip("/") or parts.query):
            raise ConfigError(
                f"DOCND_EMBED_ORIGINS: {origin!r} không phải một origin: cần dạng "
                "https://ten-mien (giao thức và tên miền, không có đường dẫn), ví dụ "
                "https://stnmt.langson.gov.vn. / is not an origin: write scheme and host, "
                "such as https://stnmt.langson.gov.vn.")


MIN_EDITOR_TOKEN_CHARS = 16


def check_config(config: dict[str, Any]) -> None:
    """Refuse settings that cannot work or are unsafe, with a message that says the fix."""
    if config["TTS_ENGINE"] not in {"auto", "gtts", "offline"}:
        raise ConfigError(f"TTS_ENGINE must be auto, gtts or offline, not {config['TTS_ENGINE']!r}")
    token = config.get("EDITOR_TOKEN")
    if token and len(str(token)) < MIN_EDITOR_TOKEN_CHARS:
        raise ConfigError(
            f"DOCND_EDITOR_TOKEN quá ngắn ({len(str(token))} ký tự): cần ít nhất "
            f"{MIN_EDITOR_TOKEN_CHARS} ký tự, ví dụ `openssl rand -hex 16`. / The editor token "
            f"is too short: use at least {MIN_EDITOR_TOKEN_CHARS} characters.")


class ConfigError(ValueError):
    """A setting in the environment cannot be used."""
