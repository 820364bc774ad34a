"""The one interface every voice offers, and the errors they raise."""
from __future__ import annotations

from concurrent.futures import Future
from typing import Callable, Protocol, runtime_checkable

from errors import ServiceError


@runtime_checkable
class Engine(Protocol):
    """A voice: text (already spoken Vietnamese, at most `max_chars`) in, MP3 bytes out.

    `voice` and `rate` name what it sounds like; with `name` they address the audio it makes
    (reader/narrate.py), so changing any of them means new audio.
    """
    name: str
    voice: str
    rate: str
    max_chars: int

    def synthesize(self, text: str) -> bytes: ...

    def available(self) -> bool: ...


class EngineError(ServiceError):
    """A voice could not make audio for a piece of text."""
    status = 503
    code = "engine_unavailable"
    message_vi = ("Giọng đọc tạm thời không hoạt động. Xin vui lòng thử lại sau ít phút.")
    message_en = "The voice is not working right now. Please try again in a few minutes."


class EngineUnavailableError(EngineError):
    """The voice is switched off for now (its circuit breaker is open)."""


class BadAudioError(EngineError):
    """The voice answered, but not with usable MP3 audio."""


def run_for(engine: Engine, fn: Callable, *args, priority: int = 0) -> Future:
    """Run work for one chunk where `engine` runs its calls: engines with their own pool
    (gTTS) run it there, many at once, most urgent (lowest priority) first; the others
    (offline, serialised anyway) run it now."""
    runner = getattr(engine, "run", None)
    if runner is not None:
        return runner(fn, *args, priority=priority)
    return run_now(fn, *args)


def run_now(fn: Callable, *args) -> Future:
    """Run `fn` in this thread; its result or error comes back as a finished Future."""
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except BaseException as exc:  # handed to whoever waits on the future
        future.set_exception(exc)
    return future


def chain_of(engine: Engine) -> list[Engine]:
    """The engines to try for a chunk, best first (auto: gTTS then offline)."""
    chain = getattr(engine, "chain", None)
    return chain() if chain is not None else [engine]
