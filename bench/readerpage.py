"""The reader page's costs: server time of /read (article cached), of Xuất PDF, and the
weight of what a reader's browser downloads (HTML, CSS, JS). `python -m bench readerpage`."""
from __future__ import annotations

import gzip
import posixpath
import re
import statistics
import tempfile
import time
from pathlib import Path

REPEATS = 15
PDF_REPEATS = 5
ARTICLE = "tin-tuc/hoi-nghi-tong-ket-cong-tac-tai-nguyen-va-moi-truong-nam-2025.html"  # the longest


def _median_ms(call, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _module_graph(client, entries: list[str]) -> list[str]:
    """The ES modules a page loads: its entries and everything they import."""
    seen: list[str] = []
    todo = list(entries)
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.append(url)
        for spec in re.findall(r'^import \{[^}]*\} from "([^"]+)";', client.get(url).get_data(as_text=True), re.M):
            todo.append(posixpath.normpath(posixpath.join(posixpath.dirname(url), spec)))
    return seen


def run() -> dict:
    from app import create_app
    from cache.redis_server import EmbeddedRedis
    from tests.support.servers import sample_app_settings, serve_sample_site

    redis = EmbeddedRedis(Path(tempfile.mkdtemp(prefix="bench-redis-")), maxmemory="64mb").start()
    try:
        with serve_sample_site() as site:
            app = create_app(sample_app_settings(redis.url, site, "bench"))
            client = app.test_client()
            url = site + ARTICLE
            first_started = time.perf_counter()
            page = client.get("/read", query_string={"url": url})
            first_ms = round((time.perf_counter() - first_started) * 1000, 1)
            html = page.data
            read_ms = _median_ms(lambda: client.get("/read", query_string={"url": url}), REPEATS)
            client.get("/pdf", query_string={"url": url})  # loads WeasyPrint once
            pdf = client.get("/pdf", query_string={"url": url})
            pdf_ms = _median_ms(lambda: client.get("/pdf", query_string={"url": url}), PDF_REPEATS)
            assets = [a.decode() for a in re.findall(rb'(?:src|href)="(/static/[^"?]+)', html)]
            assets += _module_graph(client, re.findall(r'type="module" src="([^"]+)"', html.decode()))
            sizes = {a: len(client.get(a).data) for a in assets}
            payloads = [html] + [client.get(a).data for a in sizes]
            sentences = len(re.findall(rb'data-sentence="', html))
        return {
            "article": ARTICLE,
            "sentences_on_page": sentences,
            "read_first_ms": first_ms,  # fetch + extract + render
            "read_cached_median_ms": read_ms,
            "pdf_median_ms": pdf_ms,
            "pdf_kib": round(len(pdf.data) / 1024, 1),
            "html_kib": round(len(html) / 1024, 1),
            "assets_bytes": sizes,
            "page_total_kib": round(sum(len(p) for p in payloads) / 1024, 1),
            "page_total_gzip_kib": round(sum(len(gzip.compress(p)) for p in payloads) / 1024, 1),
        }
    finally:
        redis.stop()
