"""Voices behind one interface (base.Engine), chosen by name from configuration."""
from __future__ import annotations

from typing import Any

from reader.engines.auto import AutoEngine
from reader.engines.base import (BadAudioError, Engine, EngineError, EngineUnavailableError,
                                 chain_of, run_for)
from reader.engines.breaker import CircuitBreaker
from reader.engines.gtts_engine import GttsEngine
from reader.engines.offline import OfflineEngine

__all__ = ["AutoEngine", "BadAudioError", "Engine", "EngineError", "EngineUnavailableError",
           "GttsEngine", "OfflineEngine", "build_engines", "chain_of", "run_for", "ENGINE_NAMES"]

ENGINE_NAMES = ("auto", "gtts", "offline")


def build_engines(config: dict[str, Any], breaker_state=None) -> dict[str, Engine]:
    """The name → engine table (every engine, built once; `auto` shares the other two).
    `breaker_state`: where Google's breaker is shared with the other processes (optional)."""
    offline = OfflineEngine(config["OFFLINE_VOICE"], config["OFFLINE_RATE_WPM"])
    gtts = GttsEngine(
        tld=config["GTTS_TLD"],
        timeout_s=config["GTTS_TIMEOUT_S"],
        pool_size=config["GTTS_POOL_SIZE"],  # also the number of connections kept open
        retries=config["GTTS_RETRIES"],
        backoff_s=config["GTTS_BACKOFF_S"],
        retry_after_max_s=config["GTTS_RETRY_AFTER_MAX_S"],
        breaker=CircuitBreaker(config["GTTS_BREAKER_FAILURES"],
                               config["GTTS_BREAKER_COOLDOWN_S"],
                               shared=breaker_state),
    )
    return {"offline": offline, "gtts": gtts, "auto": AutoEngine(gtts, offline)}
