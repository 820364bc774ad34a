"""A bounded thread pool that runs the most urgent work first.

gTTS chunks of every narration in the process share one pool (GTTS_POOL_SIZE calls to Google
at once). With first-in-first-out, a listener who opens an article just after another would
wait behind all of its chunks; here work carries a priority (the segment's index), so every
narration's first segment goes out before anyone's tenth.
"""
from __future__ import annotations

import itertools
import queue
import threading
from concurrent.futures import Future
from typing import Callable


class PriorityPool:
    def __init__(self, size: int, name: str = "pool") -> None:
        if size < 1:
            raise ValueError("pool size must be at least 1")
        self.size = size
        self.name = name
        self._queue: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()  # equal priorities keep their submission order
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable, *args, priority: int = 0) -> Future:
        future: Future = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError(f"{self.name} pool is shut down")
            if len(self._threads) < self.size:  # threads start on demand, not at import
                self._start_thread()
            self._queue.put((priority, next(self._order), future, fn, args))
        return future

    def start(self) -> None:
        """Start every thread now: a burst then only queues work. (Starting a thread waits
        for it to run; on a busy machine twelve of them cost a first burst ~80 ms.)"""
        with self._lock:
            while not self._closed and len(self._threads) < self.size:
                self._start_thread()

    def _start_thread(self) -> None:
        thread = threading.Thread(target=self._work, daemon=True,
                                  name=f"{self.name}-{len(self._threads)}")
        self._threads.append(thread)
        thread.start()

    def _work(self) -> None:
        while True:
            _, _, future, fn, args = self._queue.get()
            if future is None:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to whoever waits on the future
                future.set_exception(exc)

    def shutdown(self, cancel_futures: bool = True) -> None:
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        if cancel_futures:
            while True:
                try:
                    _, _, future, _, _ = self._queue.get_nowait()
                except queue.Empty:
                    break
                if future is not None:
                    future.cancel()
        for _ in threads:  # after everything queued: one stop marker per thread
            self._queue.put((float("inf"), next(self._order), None, None, None))
