"""Fixtures for the voices: engines wired like create_app() does, a narrator on the real
test Redis, the fake Google endpoint, the seed page's text."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from cache.audio import AudioStore
from cache.keys import Keys
from cache.locks import RedisLock
from cache.narrations import NarrationStore
from reader.engines import AutoEngine, CircuitBreaker, GttsEngine, OfflineEngine
from scraper.article import Article
from services.narration import Narrator
from tests.support.data import SEED
from tests.voices.fake_google import FakeGoogle

KEYS = Keys("test:")


@pytest.fixture()
def fake_google():
    with FakeGoogle() as google:
        yield google


@pytest.fixture()
def sleeps():
    """Backoff sleeps the gTTS engine asked for (recorded, not slept: tests stay fast)."""
    return []


def make_gtts(sleeps: list | None = None, **kwargs) -> GttsEngine:
    options = dict(tld="com.vn", timeout_s=2.0, pool_size=8, retries=2, backoff_s=0.2,
                   retry_after_max_s=10.0, breaker=CircuitBreaker(3, 60.0))
    options.update(kwargs)
    if sleeps is not None:
        options["sleep"] = sleeps.append
    return GttsEngine(**options)


@pytest.fixture()
def gtts(sleeps):
    engine = make_gtts(sleeps)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def offline():
    return OfflineEngine("vi", 165)


@pytest.fixture()
def auto(gtts, offline):
    return AutoEngine(gtts, offline)


def make_narrator(redis_client, engine, *, pool_size: int = 4, lock_ttl_ms: int = 30000,
                  **kwargs) -> Narrator:
    from reader.normalize import NORMALIZER_VERSION, normalize
    options = dict(
        engine=engine,
        audio=AudioStore(redis_client, KEYS, 3600),
        records=NarrationStore(redis_client, KEYS, 3600),
        lock_factory=lambda name: RedisLock(redis_client, KEYS, f"narration:{name}",
                                               lock_ttl_ms),
        pool=ThreadPoolExecutor(pool_size),
        normalizer_version=NORMALIZER_VERSION,
        normalize=normalize,
        artist="Sở Tài nguyên và Môi trường",
    )
    options.update(kwargs)
    return Narrator(**options)


@pytest.fixture()
def narrator_for(redis_client):
    made = []

    def build(engine, **kwargs) -> Narrator:
        narrator = make_narrator(redis_client, engine, **kwargs)
        made.append(narrator)
        return narrator
    yield build
    for narrator in made:
        narrator.pool.shutdown(wait=True, cancel_futures=True)


def seed_article() -> Article:
    """The seed page's text as an Article (title, lead, caption, paragraphs, author), cut
    from the saved text of the page the way the scraper cuts the page itself."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = lines.index("-A A +A") + 1
    title, lead, caption, *rest = lines[start:]
    author = next(line for line in rest if line.startswith("Tác giả:"))
    paragraphs = [line for line in rest if line != author]
    return Article(url="https://stnmt.langson.gov.vn/tin-tuc/kiem-tra.html", title=title,
                   lead=lead, paragraphs=paragraphs, captions=[caption],
                   author=author.split(":", 1)[1].strip(), published="2022-06-28")


def small_article(n_paragraphs: int = 3, url: str = "https://stnmt.langson.gov.vn/tin/a.html"):
    paragraphs = [f"Đoạn văn thứ {i} nói về công tác bảo vệ môi trường ở Lạng Sơn. "
                  f"Câu thứ hai của đoạn {i} ngắn hơn." for i in range(1, n_paragraphs + 1)]
    return Article(url=url, title="Kiểm tra công tác xây dựng nông thôn mới",
                   lead="Sở Tài nguyên và Môi trường chủ trì đoàn kiểm tra.",
                   paragraphs=paragraphs, published="2022-06-28")
