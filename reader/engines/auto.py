"""`auto`: Google's voice when it works, the offline voice when it does not.

Audio made by the offline voice because Google failed is provisional: the narration says so
and is rendered again with gTTS once Google answers (services/narration.py).
"""
from __future__ import annotations

from concurrent.futures import Future
from typing import Callable

from reader.engines.base import Engine, EngineError, run_now


class AutoEngine:
    name = "auto"

    def __init__(self, primary: Engine, fallback: Engine) -> None:
        self.primary = primary
        self.fallback = fallback
        self.voice = f"{primary.voice}|{fallback.voice}"
        self.rate = f"{primary.rate}|{fallback.rate}"
        # Both voices must accept every chunk: the narrower limit wins.
        self.max_chars = min(primary.max_chars, fallback.max_chars)

    def chain(self) -> list[Engine]:
        """Engines to try, best first (Google is skipped while its breaker is open)."""
        if self.primary.available():
            return [self.primary, self.fallback]
        return [self.fallback]

    def available(self) -> bool:
        return self.primary.available() or self.fallback.available()

    def synthesize(self, text: str) -> bytes:
        last: EngineError | None = None
        for engine in self.chain():
            try:
                return engine.synthesize(text)
            except EngineError as exc:
                last = exc
        raise last or EngineError("no voice available")

    def run(self, fn: Callable, *args, priority: int = 0) -> Future:
        """Run work for one chunk where the primary voice runs it (gTTS's pool)."""
        runner = getattr(self.primary, "run", None)
        if runner is not None and self.primary.available():
            return runner(fn, *args, priority=priority)
        return run_now(fn, *args)

