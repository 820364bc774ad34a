"""Build a `JobContext` from an app's clients (app.extensions), for workers and the CLI.

This is the one place that knows how the scraper's and the narration service's functions
are called; services/prerender.py only sees plain callables.
"""
from __future__ import annotations

from typing import Any

from rq import Queue

from cache.jobs import JobBook
from services.prerender import QUEUE_NAMES, JobContext

SETTINGS = ("SITE_URL", "LISTING_URL", "CRAWL_INTERVAL_S", "CRAWL_MAX_PAGES", "CRAWL_DEADLINE_S",
            "FEED_REVIEW",
            "PRERENDER_JOB_TIMEOUT_S", "PRERENDER_RETRY_INTERVALS_S")


def build_queues(connection) -> dict[str, Queue]:
    """The RQ queues, on the app's Redis connection (built once in create_app)."""
    return {name: Queue(name, connection=connection) for name in QUEUE_NAMES}


def enqueue_context(app: Any) -> JobContext:
    """Enough to queue jobs and read their state (web views): no scraper or voice needed."""
    return _context(app, full=False)


def context_from_app(app: Any) -> JobContext:
    """Everything a job needs to run, from the app's clients."""
    return _context(app, full=True)


def _missing(*_args, **_kwargs):
    raise RuntimeError("this context can queue jobs but not run them")


def _context(app: Any, *, full: bool) -> JobContext:
    ext = app.extensions
    book = JobBook(ext["redis"], ext["keys"])
    settings = {name: app.config.get(name) for name in SETTINGS}
    ctx = JobContext(book=book, queues=ext["queues"], load_article=_missing, crawl=_missing,
                     narrate=_missing, narration_ready=lambda narration_id, article: False,
                     settings=settings)
    if full:
        from services import prerender_adapters as adapters
        adapters.attach(ctx, app)
    return ctx
