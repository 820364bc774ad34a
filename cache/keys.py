"""Every Redis key name lives here, under one prefix (config KEY_PREFIX)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keys:
    prefix: str = "docnd:"

    def audio(self, key: str) -> str:
        """On-demand audio, content-addressed; carries a TTL so LRU may evict it."""
        return f"{self.prefix}audio:{key}"

    def audio_kept(self, key: str) -> str:
        """Audio prepared by editors: no TTL, never evicted."""
        return f"{self.prefix}audio-kept:{key}"

    def article(self, url_hash: str) -> str:
        return f"{self.prefix}article:{url_hash}"

    def narration(self, narration_id: str) -> str:
        return f"{self.prefix}narration:{narration_id}"

    def narration_progress(self, narration_id: str) -> str:
        """A render in flight (short TTL; the finished record is `narration`)."""
        return f"{self.prefix}narration-progress:{narration_id}"

    def lock(self, name: str) -> str:
        return f"{self.prefix}lock:{name}"

    def meta(self, name: str) -> str:
        return f"{self.prefix}meta:{name}"
