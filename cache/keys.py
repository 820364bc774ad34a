"""Every Redis key name lives here, under one prefix (config KEY_PREFIX)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


def url_digest(url: str) -> str:
    """The short, stable name of an article URL inside keys (and narration ids)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Keys:
    prefix: str = "docnd:"

    def audio(self, key: str) -> str:
        """On-demand audio, content-addressed; carries a TTL so LRU may evict it."""
        return f"{self.prefix}audio:{key}"

    def audio_kept(self, key: str) -> str:
        """Audio prepared by editors: no TTL, never evicted."""
        return f"{self.prefix}audio-kept:{key}"

    def audio_keepers(self, key: str) -> str:
        """The narrations editors prepared that use this audio: it stays kept while any does."""
        return f"{self.prefix}audio-keepers:{key}"

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

    # Editors' pre-rendering: bookkeeping next to RQ's own rq:* keys.
    def prerendered(self, url_hash: str) -> str:
        """The record of one pre-rendered article (hash): narration, audio size, duration."""
        return f"{self.prefix}prerendered:{url_hash}"

    def prerendered_index(self) -> str:
        """Sorted set url_hash -> rendered-at time, newest last: the feed and editor list."""
        return f"{self.prefix}prerendered-index"

    def prerendered_by_date(self) -> str:
        """Sorted set url_hash -> publication time (rendering time if undated): the feed."""
        return f"{self.prefix}prerendered-by-date"

    def job_pending(self, url_hash: str) -> str:
        """Id of the job queued or running for one URL, so a URL is never queued twice."""
        return f"{self.prefix}job-pending:{url_hash}"

    def jobs_recent(self) -> str:
        """Sorted set job id -> enqueued-at time: the editor page's queue."""
        return f"{self.prefix}jobs-recent"

    def lexicon_edits(self) -> str:
        """Hash written by editors: abbreviation -> how it is read."""
        return f"{self.prefix}lexicon-edits"

    # Attached documents (issue 14): read once per file content, found by address.
    def document(self, content_hash: str) -> str:
        """A read document (JSON), named by the hash of the file's bytes."""
        return f"{self.prefix}document:{content_hash}"

    def document_partial(self, url_hash: str, pages_read: int | None = None) -> str:
        """Pages 1..pages_read of a document still being read (JSON), by its address; without
        pages_read, how many pages the latest of them has."""
        return f"{self.prefix}document-partial:{url_hash}" + (f":{pages_read}" if pages_read else "")

    def document_url(self, url_hash: str) -> str:
        """The content hash of the file last read at one address."""
        return f"{self.prefix}document-url:{url_hash}"
