"""Bookkeeping of editors' pre-rendering, beside RQ's own keys: which articles are ready
(and with which narration), which URL already has a job queued, the recent jobs, locks.

The record of an article is written last, after its audio is stored complete, so a worker
killed mid-job leaves no record pointing at missing audio.
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone

import redis

from cache.keys import Keys, url_digest
from cache.locks import RedisLock, delete_if_holds

RECENT_JOBS_MAX = 500

url_hash = url_digest
VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving in Việt Nam


@dataclass
class PrerenderRecord:
    """One article whose whole narration is ready, as the feed and the editor page show it."""
    url: str
    title: str
    narration_id: str
    content_hash: str
    audio_bytes: int
    duration_ms: int
    published: str | None = None
    lead: str = ""
    engine: str = ""
    voice: str = ""
    normalizer_version: str = ""
    rendered_at: float = 0.0
    renders: int = 1  # how many times this URL was rendered (a changed article adds one)
    public: bool = True  # listed in the podcast feed
    tokens: list[str] = field(default_factory=list)  # words, to find articles a lexicon edit touches
    attachment_of: str = ""  # an attached document's record: the article it is attached to
    confidence: float | None = None  # the extraction's (scraper/confidence.py): low ones are flagged

    def published_at(self) -> datetime:
        """When the article was published (a date without a zone is the department's local
        time); when it was rendered if the page gave no date."""
        try:
            moment = datetime.fromisoformat(self.published or "")
        except ValueError:
            return datetime.fromtimestamp(self.rendered_at or 0, tz=timezone.utc)
        return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: bytes | str) -> "PrerenderRecord":
        data = json.loads(raw)
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def publication_score(record: PrerenderRecord) -> float:
    """The record's place in the newest-published-first index. An attached document shares
    its article's date; a millisecond less keeps it right after its article instead of
    wherever Redis puts equal scores (by member, i.e. by the hash of the address)."""
    score = record.published_at().timestamp()
    return score - 0.001 if record.attachment_of else score


class JobBook:
    """Editors' job bookkeeping on Redis (the connection is passed in)."""

    def __init__(self, connection: redis.Redis, keys: Keys) -> None:
        self.redis = connection
        self.keys = keys

    # -- records of pre-rendered articles --------------------------------------------------
    def save_record(self, record: PrerenderRecord) -> None:
        h = url_hash(record.url)
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(self.keys.prerendered(h), record.to_json())
            pipe.zadd(self.keys.prerendered_index(), {h: record.rendered_at or time.time()})
            pipe.zadd(self.keys.prerendered_by_date(), {h: publication_score(record)})
            pipe.execute()

    def get_record(self, url: str) -> PrerenderRecord | None:
        raw = self.redis.get(self.keys.prerendered(url_hash(url)))
        return PrerenderRecord.from_json(raw) if raw else None

    def delete_record(self, url: str) -> None:
        h = url_hash(url)
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(self.keys.prerendered(h))
            pipe.zrem(self.keys.prerendered_index(), h)
            pipe.zrem(self.keys.prerendered_by_date(), h)
            pipe.execute()

    def latest_records(self, limit: int = 50, *, public_only: bool = False,
                       by_publication: bool = False) -> list[PrerenderRecord]:
        """Newest rendered first (the editors' view), or newest published first (the feed's);
        at most `limit` (the index is read in pages, bounded)."""
        index = self.keys.prerendered_index()
        if by_publication:
            index = self.keys.prerendered_by_date()
            self._index_publication_dates()
        out: list[PrerenderRecord] = []
        start, page = 0, max(limit, 50)
        while len(out) < limit:
            hashes = self.redis.zrevrange(index, start, start + page - 1)
            if not hashes:
                break
            raws = self.redis.mget([self.keys.prerendered(h.decode()) for h in hashes])
            for raw in raws:
                if raw is None:
                    continue
                record = PrerenderRecord.from_json(raw)
                if public_only and not record.public:
                    continue
                out.append(record)
                if len(out) >= limit:
                    break
            start += page
        return out

    def _index_publication_dates(self) -> None:
        """Records saved before the date index existed join it once (an upgraded instance)."""
        by_date = self.keys.prerendered_by_date()
        if self.redis.zcard(by_date) >= self.redis.zcard(self.keys.prerendered_index()):
            return
        hashes = [h.decode() for h in self.redis.zrange(self.keys.prerendered_index(), 0, -1)]
        for start in range(0, len(hashes), 200):
            chunk = hashes[start:start + 200]
            raws = self.redis.mget([self.keys.prerendered(h) for h in chunk])
            dates = {h: publication_score(PrerenderRecord.from_json(raw))
                     for h, raw in zip(chunk, raws) if raw is not None}
            if dates:
                self.redis.zadd(by_date, dates)

    def count_records(self) -> int:
        return int(self.redis.zcard(self.keys.prerendered_index()))

    def set_public(self, url: str, public: bool) -> PrerenderRecord | None:
        record = self.get_record(url)
        if record is None:
            return None
        record.public = public
        self.redis.set(self.keys.prerendered(url_hash(url)), record.to_json())
        return record

    # -- one job per URL at a time ---------------------------------------------------------
    def claim_pending(self, url: str, job_id: str, ttl_s: int) -> str | None:
        """Mark `job_id` as the job for `url`; returns the id already there, if any."""
        key = self.keys.job_pending(url_hash(url))
        if self.redis.set(key, job_id, nx=True, ex=ttl_s):
            return None
        existing = self.redis.get(key)
        return existing.decode() if existing else None

    def replace_pending(self, url: str, job_id: str, ttl_s: int) -> None:
        self.redis.set(self.keys.job_pending(url_hash(url)), job_id, ex=ttl_s)

    def release_pending(self, url: str, job_id: str) -> None:
        delete_if_holds(self.redis, self.keys.job_pending(url_hash(url)), job_id)

    # -- the editor page's queue -----------------------------------------------------------
    def note_job(self, job_id: str, at: float | None = None) -> None:
        key = self.keys.jobs_recent()
        with self.redis.pipeline() as pipe:
            pipe.zadd(key, {job_id: at or time.time()})
            pipe.zremrangebyrank(key, 0, -RECENT_JOBS_MAX - 1)
            pipe.execute()

    def recent_job_ids(self, limit: int = 100) -> list[str]:
        return [i.decode() for i in self.redis.zrevrange(self.keys.jobs_recent(), 0, limit - 1)]

    def forget_job(self, job_id: str) -> None:
        self.redis.zrem(self.keys.jobs_recent(), job_id)

    # -- locks (the periodic crawl) --------------------------------------------------------
    def try_lock(self, name: str, ttl_s: int, owner: str = "1") -> bool:
        """Take `name` for `ttl_s` seconds unless someone holds it."""
        return self._lock(name, ttl_s, owner).acquire()

    def release_lock(self, name: str, owner: str = "1") -> None:
        self._lock(name, 1, owner).release()

    def _lock(self, name: str, ttl_s: int, owner: str) -> RedisLock:
        return RedisLock(self.redis, self.keys, name, ttl_ms=max(1, int(ttl_s)) * 1000,
                         owner=owner)

    def lock_ttl_s(self, name: str) -> int:
        return int(self.redis.ttl(self.keys.lock(name)))
