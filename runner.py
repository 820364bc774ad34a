"""`make run`: one command that serves the app on embedded defaults.

It starts what the app needs and owns it: a private redis-server when REDIS_URL is unset,
the bundled sample of the department site when the real one cannot be reached, gunicorn,
and the RQ worker. Redis, the sample and the worker are restarted with backoff when they
die; gunicorn dying ends the run with status 1 (for systemd's Restart=on-failure). On
SIGTERM or Ctrl-C it stops them all and exits 0; every child also dies with us
(PR_SET_PDEATHSIG), so nothing is left behind even if we are killed.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path

import requests

from cache.redis_server import EmbeddedRedis
from config import ConfigError, load_config
from procutil import Child, start_child

ROOT = Path(__file__).resolve().parent
log = logging.getLogger("docnd.run")


def site_answers(url: str, timeout_s: float = 3.0) -> bool:
    try:
        response = requests.get(url, timeout=(timeout_s, timeout_s), stream=True)
        response.close()
        return response.status_code < 500
    except requests.RequestException:
        return False


def port_taken(host: str, port: int) -> bool:
    """Whether something already listens there. Gunicorn binds with SO_REUSEPORT, which
    would otherwise let a second `make run` share the port with the first in silence."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is fine
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def wait_http(url: str, timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1.0)
            return True
        except requests.RequestException:
            time.sleep(0.2)
    return False


def child_commands(config: dict, env: dict) -> list[tuple[str, list[str]]]:
    """The long-running children, in start order (stopped in reverse)."""
    python = sys.executable
    bindir = Path(python).parent
    # One process per core, four threads each: measured with wrk (bench/load.py), more
    # processes or threads only add GIL and scheduler contention: at 64 connections on two
    # cores, 2x4 gave p99 61 ms for cached audio where 4x8 gave 223 ms. Renders run in their
    # own pool, so a thread waits at most for a narration's first segment.
    # --reuse-port gives every worker its own listening socket and lets the kernel spread
    # connections over them: on one shared socket the first worker to wake took up to 51
    # of wrk's 64 keep-alive connections, and its queue made the p99.
    workers = os.environ.get("WEB_CONCURRENCY", str(os.cpu_count() or 1))
    return [
        ("web", [str(bindir / "gunicorn"), "--workers", workers, "--worker-class", "gthread",
                 "--threads", os.environ.get("WEB_THREADS", "4"), "--timeout", "120",
                 "--graceful-timeout", "10", "--reuse-port",
                 "--limit-request-line", "8190",  # gunicorn's most: long addresses reach the app
                 # One control socket per instance: two services on one machine must not
                 # share ~/.gunicorn/gunicorn.ctl.
                 "--control-socket", str(Path(env["DOCND_INSTANCE_PATH"]) / "gunicorn.ctl"),
                 "--bind", f"127.0.0.1:{config['PORT']}",
                 # Access lines cost a quarter of a worker's time under load (one lock
                 # for every thread): off unless asked for.
                 *(["--access-logfile", "-"] if config["ACCESS_LOG"] else []),
                 "app:create_app()"]),
        ("worker", [python, "-m", "services.worker"]),
    ]


def private_hosts_with(given: list, host_port: str) -> str:
    """DOCND_ALLOW_PRIVATE_HOSTS extended by `host_port`: what the operator set stays."""
    hosts = [str(h) for h in given]
    return ",".join(hosts + ([host_port] if host_port not in hosts else []))


def main() -> int:
    """Serve until SIGTERM/Ctrl-C (exit 0) or until the web itself dies (exit 1, so a
    supervisor such as systemd restarts us). Redis, the sample site and the worker are
    restarted with backoff when they exit; the web keeps serving meanwhile."""
    logging.basicConfig(level=logging.INFO, format="[run] %(message)s")
    try:
        config = load_config()
    except ConfigError as exc:  # said plainly, once, before anything is started
        log.error("%s", exc)
        return 2
    env = dict(os.environ)
    instance = Path(config["INSTANCE_PATH"] or ROOT / "instance").resolve()
    instance.mkdir(parents=True, exist_ok=True)
    env["DOCND_INSTANCE_PATH"] = str(instance)
    children: list[Child] = []
    redis_server = None
    stopping = False
    status = 0

    def _stop(signum, frame):  # noqa: ARG001
        nonlocal stopping
        stopping = True

    if port_taken("127.0.0.1", int(config["PORT"])):
        log.error("Cổng %s đang được một chương trình khác dùng: hãy dừng nó hoặc chọn cổng "
                  "khác (PORT=8080 make run). / Port %s is already in use: stop that program "
                  "or choose another port.", config["PORT"], config["PORT"])
        return 2
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    url_file = instance / "redis.url"
    try:
        if not config["REDIS_URL"]:
            redis_server = EmbeddedRedis(instance / "redis", maxmemory=config["REDIS_MAXMEMORY"])
            server = redis_server  # same port and data on every restart
            redis_child = Child("private Redis", lambda: server.start().proc,
                                halt=lambda proc: server.stop())
            redis_child.start()
            children.append(redis_child)
            url_file.write_text(redis_server.url)
            env["DOCND_REDIS_URL"] = redis_server.url
            log.info("private Redis on %s (data in instance/redis)", redis_server.url)
        else:
            log.info("using Redis at %s", config["REDIS_URL"])

        if not site_answers(config["SITE_URL"]):
            port = config["SAMPLE_PORT"]
            sample = Child("sample site", lambda: start_child(
                [sys.executable, "-m", "samples.serve", "--port", str(port)], cwd=ROOT, env=env))
            sample.start()
            children.append(sample)
            sample_url = f"http://127.0.0.1:{port}/"
            wait_http(sample_url, 15)
            log.info("%s cannot be reached: serving the bundled SAMPLE site on %s",
                     config["SITE_URL"], sample_url)
            env["DOCND_SITE_URL"] = sample_url
            # Only the sample's own port: Redis on the same address stays out of reach.
            env["DOCND_ALLOW_PRIVATE_HOSTS"] = private_hosts_with(config["ALLOW_PRIVATE_HOSTS"],
                                                                  f"127.0.0.1:{port}")
        for name, argv in child_commands(config, env):
            child = Child(name, lambda argv=argv: start_child(argv, cwd=ROOT, env=env),
                          restart=name != "web")
            child.start()
            children.append(child)
        log.info("serving on http://127.0.0.1:%s (Ctrl-C to stop)", config["PORT"])
        while not stopping:
            for child in children:
                if child.watch() is not None:  # the web is gone: we are down
                    status, stopping = 1, True
                    break
            time.sleep(0.2)
    finally:
        for child in reversed(children):
            child.stop()
        if redis_server is not None:
            url_file.unlink(missing_ok=True)
        log.info("stopped")
    return status


if __name__ == "__main__":
    sys.exit(main())
