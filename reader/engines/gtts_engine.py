"""Google's voice through gTTS: one call per chunk (at most 100 characters), many at once.

gTTS alone waits forever (timeout=None), never retries, sends its chunks one after another,
each on a new connection, and writes nothing, without complaint, when Google answers 200
without audio. Here every call has a timeout, runs in our own bounded pool on one shared
keep-alive session (gtts_session.py: connections opened ahead of need), retries 429/5xx/timeouts with exponential
backoff and jitter (honouring a bounded Retry-After), rejects empty or non-MP3 replies, and
feeds a circuit breaker so that after repeated failures Google is left alone for a while.
"""
from __future__ import annotations

import logging
import random
import threading
import time
from concurrent.futures import Future
from typing import Callable

import requests
from gtts import gTTS, gTTSError

from reader import mp3
from reader.engines.base import BadAudioError, EngineError, EngineUnavailableError
from reader.engines.breaker import CircuitBreaker
from reader.engines.gtts_session import GoogleSession, reset_in_forked_children, stream_on
from reader.engines.pool import PriorityPool
from retry_after import parse_retry_after

log = logging.getLogger("docnd.gtts")

GOOGLE_MAX_CHARS = 100  # gTTS.GOOGLE_TTS_MAX_CHARS: longer text becomes several requests


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after_s: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after_s = retry_after_s


class _NoRoute(EngineError):
    """Google's host cannot be reached at all (no name resolution, connection refused):
    no network, so retrying only delays the offline voice."""


def _no_route(exc: BaseException) -> bool:
    """Is a connection failure (not a timeout) somewhere in the cause chain?"""
    seen = 0
    while exc is not None and seen < 10:
        if (isinstance(exc, requests.exceptions.ConnectionError)
                and not isinstance(exc, requests.exceptions.Timeout)):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


class GttsEngine:
    """Google Translate's Vietnamese voice."""
    name = "gtts"
    max_chars = GOOGLE_MAX_CHARS
    rate = "normal"

    def __init__(self, *, tld: str = "com.vn", timeout_s: float = 8.0, pool_size: int = 8,
                 retries: int = 2, backoff_s: float = 0.25, retry_after_max_s: float = 10.0,
                 breaker: CircuitBreaker | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.tld = tld
        self.voice = f"vi@{tld}"
        self.timeout_s = float(timeout_s)
        self.retries = int(retries)
        self.backoff_s = float(backoff_s)
        self.retry_after_max_s = float(retry_after_max_s)
        self.breaker = breaker or CircuitBreaker()
        self._sleep = sleep
        self.pool_size = int(pool_size)
        self._pool: PriorityPool | None = None
        self._pool_lock = threading.Lock()
        # One keep-alive connection per worker, shared by all of them (gtts_session.py).
        self.google = GoogleSession(tld, self.pool_size, self.timeout_s,
                                    allowed=self.breaker.allows)
        self._stream = stream_on(self.google)
        reset_in_forked_children(self)

    def _after_fork(self) -> None:
        """A forked child has none of the pool's threads: it starts its own on demand."""
        self._pool = None
        self._pool_lock = threading.Lock()

    # -- the interface --------------------------------------------------------------------
    def available(self) -> bool:
        """No network: Google is presumed up unless the breaker has opened."""
        return self.breaker.allows()

    def synthesize(self, text: str) -> bytes:
        if not text.strip():
            raise BadAudioError("nothing to say")
        if not self.breaker.acquire():
            raise EngineUnavailableError("gTTS is paused after repeated failures")
        try:
            audio = self._synthesize_with_retries(text)
        except _NoRoute:
            self.breaker.trip()  # every other chunk would fail the same way: stop at once
            raise
        except EngineError:
            self.breaker.record_failure()
            raise
        except BaseException:
            self.breaker.release()
            raise
        self.breaker.record_success()
        return audio

    def submit(self, text: str) -> Future:
        """Synthesize in our bounded pool (GTTS_POOL_SIZE calls to Google at once)."""
        return self.run(self.synthesize, text)

    def run(self, fn: Callable, *args, priority: int = 0) -> Future:
        """Run work for one chunk in the pool, lowest priority number first (the narration
        passes the segment index, so first segments of every narration go out first)."""
        return self._worker_pool().submit(fn, *args, priority=priority)

    def _worker_pool(self) -> PriorityPool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = PriorityPool(self.pool_size, "gtts")
            return self._pool

    def warm(self, wait: bool = False) -> None:
        """Ready for the first narration: the workers started, their connections to Google
        opened (in the background; `wait`: until they are open)."""
        self._worker_pool().start()
        self.google.warm(wait=wait)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        self.google.close()

    # -- one chunk -----------------------------------------------------------------------
    def _synthesize_with_retries(self, text: str) -> bytes:
        last: _Retryable | None = None
        attempts = 0
        for attempt in range(self.retries + 1):
            if attempt:
                delay_s = self._backoff_s(attempt, last)
                if delay_s is None:
                    break
                self._sleep(delay_s)
                if self.breaker.state == "open":
                    # Other calls opened the breaker while we waited: stop, as they did.
                    raise EngineUnavailableError("gTTS paused while retrying")
            attempts += 1
            try:
                return self._call_google(text)
            except _Retryable as exc:
                last = exc
                log.info("gTTS attempt %d failed: %s", attempts, exc)
        raise EngineError(f"gTTS failed after {attempts} attempt(s): {last}")

    def _backoff_s(self, attempt: int, last: _Retryable | None) -> float | None:
        """Exponential backoff with full jitter; a Retry-After wins if it is not too long."""
        delay_s = self.backoff_s * (2 ** (attempt - 1)) * random.uniform(0.5, 1.0)
        if last is not None and last.retry_after_s is not None:
            if last.retry_after_s > self.retry_after_max_s:
                return None  # Google asks for more patience than a listener has: give up
            delay_s = max(delay_s, last.retry_after_s)
        return delay_s

    def _call_google(self, text: str) -> bytes:
        tts = gTTS(text, lang="vi", tld=self.tld, lang_check=False,
                   timeout=(min(3.0, self.timeout_s), self.timeout_s))
        try:
            audio = b"".join(self._stream(tts))  # gTTS's own code, on our shared session
        except gTTSError as exc:
            response = exc.rsp
            if response is None:  # no answer: connection refused, DNS, timeout
                if _no_route(exc):
                    raise _NoRoute(f"Google cannot be reached ({exc.__context__!r})") from exc
                raise _Retryable(f"no answer from Google ({exc.__context__!r})") from exc
            status = response.status_code
            if status == 429 or status >= 500:
                raise _Retryable(f"HTTP {status}",
                                 parse_retry_after(response.headers.get("Retry-After"))) from exc
            if status == 200:
                raise _Retryable("200 without audio") from exc
            raise EngineError(f"Google refused the request: HTTP {status}") from exc
        except requests.RequestException as exc:  # while reading the body
            raise _Retryable(f"reply broken off ({exc!r})") from exc
        if not audio:
            # gTTS yields nothing (and raises nothing) for a 200 without the audio line.
            raise _Retryable("empty reply")
        try:
            mp3.parse_mp3(audio)
        except mp3.Mp3Error as exc:
            raise BadAudioError(f"Google's reply is not MP3: {exc}") from exc
        return audio
