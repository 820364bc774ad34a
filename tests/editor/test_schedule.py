"""The periodic crawl on real workers: two workers, one crawl per interval, and the new
articles are rendered without anyone asking."""
from __future__ import annotations

import signal

from rq import Queue
from rq.registry import FinishedJobRegistry

from app import create_app
from tests.editor import workers
from services.container import services_of


def test_two_workers_crawl_once_and_render_the_site(tmp_path, redis_url, redis_client):
    with workers.served_copy(tmp_path) as (site_url, site_dir):
        env = {**workers.settings(redis_url, site_url, tmp_path / "instance"),
               "CRAWL_INTERVAL_S": "3600"}
        app = create_app(workers.app_config(env))
        book = services_of(app).jobs
        expected = len(workers.article_paths(site_dir))
        procs = [workers.start_worker(env), workers.start_worker(env)]
        try:
            workers.wait_for(lambda: book.count_records() == expected, timeout_s=240,
                             interval_s=0.5)
            crawl = Queue("crawl", connection=redis_client)
            crawls = FinishedJobRegistry(queue=crawl).get_job_ids() + crawl.get_job_ids()
            assert len(crawls) == 1
            assert 3500 < book.lock_ttl_s("crawl-schedule") <= 3600
        finally:
            for proc in procs:
                workers.kill_group(proc, signal.SIGTERM)
        assert all(proc.returncode is not None for proc in procs)
