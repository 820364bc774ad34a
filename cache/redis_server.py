"""A private redis-server for the embedded default (REDIS_URL unset), and for tests.

Its data lives under a folder we own (instance/redis by default), so pre-generated audio
survives a restart; it listens on loopback only, dies with its parent and is stopped by us.
"""
from __future__ import annotations

import shutil
import socket
import time
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from procutil import start_child, stop_child


class RedisServerError(RuntimeError):
    """The private Redis server could not be started."""


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _PortTaken(Exception):
    pass


class EmbeddedRedis:
    """Start/stop a redis-server child. Use as a context manager."""

    def __init__(self, data_dir: str | Path, port: int | None = None,
                 maxmemory: str = "512mb", binary: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.port = port or find_free_port()
        self._port_chosen_here = port is None  # may take another if someone binds it first
        self.maxmemory = maxmemory
        self.binary = binary or shutil.which("redis-server") or "/usr/bin/redis-server"
        self.proc = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout_s: float = 10.0) -> "EmbeddedRedis":
        """Start and wait until it answers. A port we chose can be taken by another process
        between choosing and binding (redis-server cannot bind port 0): then choose again."""
        for _ in range(3 if self._port_chosen_here else 1):
            try:
                return self._start_once(timeout_s)
            except _PortTaken:
                self.port = find_free_port()
        raise RedisServerError(f"redis-server found no free port (last {self.port})")

    def _start_once(self, timeout_s: float) -> "EmbeddedRedis":
        if not Path(self.binary).exists():
            raise RedisServerError(
                "redis-server was not found. Install it (apt-get install redis-server) "
                "or set REDIS_URL to an existing Redis server.")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        argv = [
            self.binary, "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.data_dir.resolve()), "--dbfilename", "dump.rdb",
            # AOF every second plus RDB snapshots: editors' pre-rendered audio survives restarts.
            "--appendonly", "yes", "--appendfsync", "everysec",
            "--save", "60 1", "--save", "10 100",
            "--maxmemory", self.maxmemory,
            # Only keys with a TTL (on-demand audio, articles) may be evicted; pre-rendered
            # audio is stored without a TTL and is never evicted.
            "--maxmemory-policy", "volatile-lru",
            "--daemonize", "no", "--protected-mode", "yes", "--logfile", "",
        ]
        log_path = self.data_dir / "redis.log"
        log_start = log_path.stat().st_size if log_path.exists() else 0
        self.proc = start_child(argv, stdout=open(log_path, "ab"),
                                stderr=__import__("subprocess").STDOUT)
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1.0,
                             retry=Retry(NoBackoff(), 0))
        deadline = time.monotonic() + timeout_s
        while True:
            if self.proc.poll() is not None:
                with open(log_path, "rb") as log:
                    log.seek(log_start)
                    said = log.read().decode("utf-8", "replace")
                if self._port_chosen_here and "Address already in use" in said:
                    self.proc = None
                    raise _PortTaken(self.port)
                raise RedisServerError(
                    f"redis-server exited with code {self.proc.returncode}; see {log_path}")
            if time.monotonic() > deadline:
                self.stop()
                raise RedisServerError(f"redis-server did not answer on port {self.port}")
            try:
                # Ours, not whoever else listens on the port we chose.
                if client.info("server")["process_id"] == self.proc.pid:
                    break
            except redis.exceptions.BusyLoadingError:
                pass  # still loading the AOF of a previous run
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
                pass
            time.sleep(0.05)
        client.close()
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:  # a clean shutdown writes the RDB snapshot; one try, then the signal below
                redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5,
                            retry=Retry(NoBackoff(), 0)).shutdown(save=True)
            except redis.exceptions.RedisError:
                pass
        stop_child(self.proc)
        self.proc = None

    def __enter__(self) -> "EmbeddedRedis":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
