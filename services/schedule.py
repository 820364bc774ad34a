"""The periodic crawl, and the quick recovery of jobs whose worker died.

Every worker runs a small loop (a daemon thread) that wakes every `tick_s` seconds. A crawl
is queued only by the worker that takes a Redis lock held for CRAWL_INTERVAL_S, so however
many workers run, on however many machines, the listing is crawled once per interval.
The same tick hands jobs abandoned by a dead worker (its heartbeat expired) back to the
queue, sooner than RQ's own maintenance (every 10 minutes) would.
"""
from __future__ import annotations

import logging
import threading
import uuid

from rq.job import Job
from rq.registry import StartedJobRegistry

from services.container import Services
from services.job_queue import enqueue_crawl

log = logging.getLogger("docnd.schedule")

CRAWL_LOCK = "crawl-schedule"


def recover_abandoned(services: Services) -> None:
    """Retry (or fail, when out of retries) jobs whose worker stopped sending heartbeats."""
    for queue in services.queues.values():
        StartedJobRegistry(queue.name, connection=queue.connection).cleanup()


def enqueue_crawl_if_due(services: Services, interval_s: int, owner: str = "1") -> Job | None:
    """Queue a crawl unless one was queued less than `interval_s` ago (by anyone)."""
    if interval_s <= 0:
        return None
    if not services.jobs.try_lock(CRAWL_LOCK, interval_s, owner):
        return None
    job = enqueue_crawl(services)
    log.info("periodic crawl queued: %s", job.id)
    return job


class CrawlSchedule:
    """The loop itself; `start()` runs it in a daemon thread, `stop()` ends it."""

    def __init__(self, services: Services, interval_s: int, tick_s: float = 15.0) -> None:
        self.services = services
        self.interval_s = int(interval_s)
        self.tick_s = max(0.5, float(tick_s))
        self.owner = uuid.uuid4().hex
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> Job | None:
        recover_abandoned(self.services)
        return enqueue_crawl_if_due(self.services, self.interval_s, self.owner)

    def _run(self) -> None:
        while not self._stop.wait(self.tick_s):
            try:
                self.tick()
            except Exception:  # Redis away for a moment: the next tick tries again
                log.exception("schedule tick failed")

    def start(self) -> "CrawlSchedule":
        self._thread = threading.Thread(target=self._run, name="crawl-schedule", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
