"""`python -m services.worker`: an RQ worker on the configured Redis, for pre-rendering.

`make run` starts one beside the web app. More can run on other machines with
`DOCND_REDIS_URL=redis://host:6379/0 .venv/bin/python -m services.worker`
(or `rq worker -w services.worker.AppWorker prerender crawl --url redis://host:6379/0`).

Each worker builds its container of services once (services/container.py), before it forks
for jobs, and hands it to every job it performs: a job gets the same fetcher, stores and
voices the web app uses, from the worker's own settings. Its schedule thread queues the
periodic crawl (once per interval across all workers) and recovers abandoned jobs.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys

from rq import SimpleWorker, Worker

from cache.client import connect_redis, hold_pool_locks_across_fork
from config import load_config
from services.container import Services, build_services
from services.job_queue import QUEUE_NAMES
from services.schedule import CrawlSchedule


def _redis_url_of(connection) -> str | None:
    kwargs = connection.connection_pool.connection_kwargs
    if "host" not in kwargs:
        return None
    password = (f"{kwargs.get('username') or ''}:{kwargs['password']}@"
                if kwargs.get("password") else "")
    return f"redis://{password}{kwargs['host']}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


class _AppWorkerMixin:
    """Builds the container once, in the worker's main process, and gives it to each job."""

    grace_s: int = 60
    schedule: CrawlSchedule | None = None

    def __init__(self, *args, services: Services | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.services = services

    def work(self, *args, **kwargs):  # type: ignore[override]
        if self.services is None:
            config = load_config()
            url = _redis_url_of(self.connection)
            if url:
                config["REDIS_URL"] = url
            if not config["REDIS_URL"]:
                raise RuntimeError("the worker needs REDIS_URL")
            self.services = build_services(config)
            hold_pool_locks_across_fork(self.services.redis)
        config = self.services.config
        self.grace_s = int(config["WORKER_GRACE_S"])
        tick_s = min(15.0, self.job_monitoring_interval + self.grace_s)
        self.schedule = CrawlSchedule(self.services, int(config["CRAWL_INTERVAL_S"]),
                                      tick_s).start()
        try:
            return super().work(*args, **kwargs)
        finally:
            self.schedule.stop()

    def perform_job(self, job, queue, *args, **kwargs):  # type: ignore[override]
        job.services = self.services  # read by services.prerender.job_services
        return super().perform_job(job, queue, *args, **kwargs)

    def get_heartbeat_ttl(self, job, working_time: float = 0.0) -> int:  # type: ignore[override]
        # RQ adds a fixed 60 s of grace; ours is configurable so a dead worker's job is
        # handed on sooner where heartbeats are reliable (tests use a few seconds).
        if job.timeout and job.timeout > 0:
            remaining = job.timeout - working_time
            return int(min(remaining, self.job_monitoring_interval)) + self.grace_s
        return self.job_monitoring_interval + self.grace_s


class AppWorker(_AppWorkerMixin, Worker):
    """Forks one work horse per job: a crashing voice cannot take the worker down."""


class AppSimpleWorker(_AppWorkerMixin, SimpleWorker):
    """Runs jobs in its own process (no fork): for the CLI and tests."""


def lower_priority(nice: int) -> None:
    """Pre-rendering shares the machine with the web app: the worker (and every work horse
    it forks) yields the CPU, so a crawl rendering new articles never slows a listener."""
    if nice > 0:
        os.nice(nice)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.worker", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("queues", nargs="*", default=list(QUEUE_NAMES))
    parser.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    parser.add_argument("--simple", action="store_true", help="run jobs without forking")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    config = load_config()
    if not config["REDIS_URL"]:
        print("services.worker needs REDIS_URL (make run sets it)", file=sys.stderr)
        return 2
    lower_priority(int(config["WORKER_NICE"]))
    # RQ blocks on BLPOP: no socket timeout on the worker's own connection.
    connection = connect_redis(config["REDIS_URL"], timeout_s=None)
    hold_pool_locks_across_fork(connection)  # RQ's pub/sub thread shares it with the horse
    services = build_services(config)
    hold_pool_locks_across_fork(services.redis)
    worker_class = AppSimpleWorker if args.simple else AppWorker
    worker = worker_class(args.queues, connection=connection,
                          job_monitoring_interval=int(config["WORKER_HEARTBEAT_S"]),
                          services=services)
    worker.work(burst=args.burst, with_scheduler=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
