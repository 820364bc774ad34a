"""`python -m services.worker`: an RQ worker on the configured Redis.

`make run` starts one beside the web app. More can run on other machines with
`DOCND_REDIS_URL=redis://host:6379/0 .venv/bin/python -m services.worker`.
"""
from __future__ import annotations

import logging
import sys

from rq import Queue, Worker

from cache.client import connect_redis
from config import load_config

QUEUE_NAMES = ("prerender", "crawl")


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    config = load_config()
    if not config["REDIS_URL"]:
        print("services.worker needs REDIS_URL (make run sets it)", file=sys.stderr)
        return 2
    # RQ blocks on BLPOP: no socket timeout on the worker's own connection.
    connection = connect_redis(config["REDIS_URL"], timeout_s=None)
    queues = [Queue(name, connection=connection) for name in QUEUE_NAMES]
    Worker(queues, connection=connection).work(with_scheduler=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
