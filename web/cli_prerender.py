"""`flask prerender`: queue articles for pre-rendering, and with --wait follow them to the end.

    flask prerender                       # crawl the listing (LISTING_URL or SITE_URL)
    flask prerender --listing URL --since 2024-01-01 --limit 20 --wait
    flask prerender --url URL --url URL --force --wait

With --wait and no worker running, the jobs run here, in this process. The exit code is 1
when any article failed.
"""
from __future__ import annotations

import dataclasses
import sys
import threading
import time

import click
from flask import current_app
from flask.cli import with_appcontext
from rq import Worker

from cache.client import connect_redis
from errors import ServiceError
from services import job_queue as jobs
from services.container import Services, services_of
from services.prerender import crawl_site

TERMINAL = {"finished", "failed", "stopped", "canceled"}
POLL_S = 0.5


def _check_since(ctx, param, value):  # noqa: ARG001 (click callback)
    try:
        return jobs.check_since(value)
    except ServiceError as exc:
        raise click.BadParameter(exc.message_vi) from None


@click.command("prerender")
@click.option("--listing", metavar="URL", help="Trang danh sách tin cần quét (mặc định LISTING_URL/SITE_URL).")
@click.option("--since", metavar="DATE", callback=_check_since, help="Chỉ bài đăng từ ngày này (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), help="Nhiều nhất N bài.")
@click.option("--url", "urls", multiple=True, metavar="URL", help="Địa chỉ bài viết (có thể lặp lại).")
@click.option("--force", is_flag=True, help="Đọc lại cả bài chưa thay đổi.")
@click.option("--wait", is_flag=True, help="Chờ đến khi xong, hiện tiến độ; mã thoát 1 nếu có bài lỗi.")
@with_appcontext
def prerender_command(listing, since, limit, urls, force, wait):
    """Pre-render articles: the listing's (crawled here) and/or the given URLs."""
    services = services_of(current_app)
    queue = services.queues[jobs.PRERENDER_QUEUE]
    run_here = wait and Worker.count(queue=queue) == 0
    if run_here:
        # No worker listens: run the jobs in this process, with quick retries.
        services = dataclasses.replace(services, config={
            **services.config, "PRERENDER_RETRY_INTERVALS_S": [0, 0, 0], "CRAWL_INTERVAL_S": 0})
    queued: list[dict] = []
    if listing or not urls:
        listing_url = listing or jobs.default_listing(services.config)
        click.echo(f"Quét trang tin {listing_url} …", err=True)
        try:
            found = crawl_site(services, listing_url, since=since, limit=limit, force=force)
        except Exception as exc:  # a domain error or the site down: say it, exit non-zero
            raise click.ClickException(f"không quét được trang tin: {getattr(exc, 'message_vi', '')} {exc}")
        queued += found["jobs"]
        click.echo(f"Tìm thấy {found['found']} bài.", err=True)
    for url in urls:
        job = jobs.enqueue_prerender(services, url, force=force)
        queued.append({"id": job.id, "url": url})
    if not wait:
        for item in queued:
            click.echo(f"{item['id']}\t{item['url']}")
        click.echo(f"Đã đưa {len(queued)} bài vào hàng đợi.", err=True)
        if Worker.count(queue=queue) == 0:
            click.echo("Chưa có worker nào chạy: các bài sẽ được xử lý khi một worker chạy "
                       "(make run, hoặc python -m services.worker).", err=True)
        return
    if not queued:
        click.echo("Không có bài nào cần đọc.", err=True)
        return
    ids = [item["id"] for item in queued]
    if run_here:
        click.echo("Không có worker nào đang chạy: xử lý ngay tại đây.", err=True)
        failed = _run_here(services, ids)
    else:
        failed = _follow(services.redis, ids)
    sys.exit(1 if failed else 0)


def _states(connection, ids: list[str]) -> list[dict]:
    out = []
    for job_id in ids:
        try:
            out.append(jobs.describe_job(jobs.load_job(connection, job_id)))
        except jobs.JobNotFoundError:
            out.append({"id": job_id, "status": "failed", "url": "", "result": None,
                        "error": {"code": "gone", "message": "tác vụ đã mất"}})
    return out


def _bar(states: list[dict], started: float) -> str:
    total = len(states)
    done = sum(1 for s in states if s["status"] in TERMINAL)
    failed = sum(1 for s in states if s["status"] in TERMINAL - {"finished"})
    width = 30
    filled = int(width * done / total) if total else width
    return (f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} · lỗi {failed} · "
            f"{time.monotonic() - started:.0f} s")


def _draw(connection, ids: list[str], started: float, stop: threading.Event | None) -> list[dict]:
    """Redraw the bar until every job ends (or `stop`); returns the final states."""
    tty = sys.stderr.isatty()
    last = ""
    while True:
        states = _states(connection, ids)
        line = _bar(states, started)
        if line.split(" · ")[:2] != last.split(" · ")[:2] or tty:
            click.echo(("\r" + line) if tty else line, err=True, nl=not tty)
            last = line
        if all(s["status"] in TERMINAL for s in states) or (stop is not None and stop.is_set()):
            if tty:
                click.echo("", err=True)
            return states
        time.sleep(POLL_S)


def _summary(states: list[dict], started: float) -> bool:
    rendered = sum(1 for s in states if (s.get("result") or {}).get("status") == "rendered")
    skipped = sum(1 for s in states if (s.get("result") or {}).get("status") == "skipped")
    failures = [s for s in states if s["status"] != "finished"]
    click.echo(f"Xong {len(states)} bài: {rendered} đã tạo âm thanh, {skipped} không đổi (bỏ qua), "
               f"{len(failures)} lỗi · {time.monotonic() - started:.1f} s", err=True)
    for state in failures:
        reason = (state.get("error") or {}).get("message") or state["status"]
        click.echo(f"  LỖI {state['url']}: {reason}", err=True)
    return bool(failures)


def _follow(connection, ids: list[str]) -> bool:
    started = time.monotonic()
    states = _draw(connection, ids, started, None)
    return _summary(states, started)


def _run_here(services: Services, ids: list[str]) -> bool:
    from services.worker import AppSimpleWorker

    started = time.monotonic()
    # RQ blocks on BLPOP: no socket timeout on the worker's own connection.
    connection = connect_redis(services.config["REDIS_URL"], timeout_s=None)
    worker = AppSimpleWorker([jobs.PRERENDER_QUEUE], connection=connection, services=services)
    stop = threading.Event()
    drawer = threading.Thread(target=_draw, args=(services.redis, ids, started, stop),
                              daemon=True)
    drawer.start()
    try:
        worker.work(burst=True, logging_level="WARNING")
    finally:
        stop.set()
        drawer.join(timeout=5)
    return _summary(_states(services.redis, ids), started)
