"""Redis stopped while the app serves: a clear 503 (never a 500 or a trace), and recovery
without a restart once Redis is back. Redis at its memory limit: no 500, nothing partial."""
from __future__ import annotations

import pytest
import redis

from app import create_app
from cache.redis_server import EmbeddedRedis
from services.container import services_of


@pytest.fixture()
def own_redis(tmp_path):
    server = EmbeddedRedis(tmp_path / "r", maxmemory="64mb").start()
    yield server
    server.stop()


@pytest.fixture()
def fault_app(app_config, own_redis, sample_site):
    return create_app({**app_config, "REDIS_URL": own_redis.url, "SITE_URL": sample_site,
                       "ALLOW_PRIVATE_HOSTS": ["127.0.0.1"], "TTS_ENGINE": "offline",
                       "FETCH_MIN_INTERVAL_S": 0.0})


def _article_url(sample_site):
    return sample_site + "tin-tuc/ra-quan-huong-ung-chien-dich-lam-cho-the-gioi-sach-hon-nam-2023.html"


def test_redis_down_is_a_clear_503_and_recovers(fault_app, own_redis, sample_site):
    client = fault_app.test_client()
    url = _article_url(sample_site)
    assert client.get("/api/v1/article", query_string={"url": url}).status_code == 200

    own_redis.stop()
    for path, query in [("/api/v1/article", {"url": url}), ("/api/v1/narration", {"url": url}),
                        ("/api/v1/articles", {})]:
        response = client.get(path, query_string=query)
        assert response.status_code == 503, (path, response.status_code)
        body = response.get_json()
        assert body["error"] == "storage_unavailable"
        assert "thử lại" in body["message"]
        assert response.headers.get("Retry-After")
    for path in ("/", f"/read?url={url}"):
        page = client.get(path, headers={"Accept": "text/html"})
        assert page.status_code in (200, 503), (path, page.status_code)
        text = page.get_data(as_text=True)
        assert "Traceback" not in text and "Đọc nội dung" in text
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["redis"] is False

    own_redis.start()  # same port, same data folder
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/v1/article", query_string={"url": url}).status_code == 200


def test_redis_at_its_memory_limit_gives_no_500(fault_app, own_redis, sample_site):
    client = fault_app.test_client()
    admin = redis.Redis.from_url(own_redis.url)
    admin.set("filler", b"x" * 3_000_000)
    admin.config_set("maxmemory-policy", "noeviction")
    admin.config_set("maxmemory", "1mb")  # now under what is used: every write fails (OOM)
    response = client.get("/api/v1/narration", query_string={"url": _article_url(sample_site)})
    assert response.status_code in (200, 503), response.get_data(as_text=True)[:300]
    if response.status_code == 503:
        assert response.get_json()["error"]
    # Nothing half-made: no narration record claims to be ready without all its audio.
    admin.delete("filler")
    admin.config_set("maxmemory", "64mb")
    import json
    audio = services_of(fault_app).audio
    for key in admin.scan_iter(match="docnd:narration:*"):
        record = json.loads(admin.get(key))
        if record.get("status") == "ready":
            keys = [s["audio_key"] for s in record["segments"]] + [record["audio_key"]]
            assert not audio.missing(keys)
