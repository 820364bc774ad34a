"""GET /audio/<key>.mp3 and /audio/article/<id>.mp3: Range (206/416), ETag/304, caching."""
from __future__ import annotations

import hashlib

import pytest

from reader import mp3
from tests.voices.conftest import small_article
from tests.voices.fake_google import tone_mp3
from services.container import services_of


@pytest.fixture()
def app_config(app_config):
    return {**app_config, "TTS_ENGINE": "offline"}


@pytest.fixture()
def stored(app):
    data = tone_mp3(1500)
    key = hashlib.sha256(data).hexdigest()[:40]
    services_of(app).audio.put(key, data)
    return key, data


def test_whole_file_with_immutable_caching(client, stored):
    key, data = stored
    response = client.get(f"/audio/{key}.mp3")
    assert response.status_code == 200
    assert response.data == data
    assert response.mimetype == "audio/mpeg"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["ETag"] == f'"{key}"'
    assert int(response.headers["Content-Length"]) == len(data)


def test_range_request_gets_206(client, stored):
    key, data = stored
    response = client.get(f"/audio/{key}.mp3", headers={"Range": "bytes=100-199"})
    assert response.status_code == 206
    assert response.data == data[100:200]
    assert response.headers["Content-Range"] == f"bytes 100-199/{len(data)}"


def test_open_ended_and_suffix_ranges(client, stored):
    key, data = stored
    assert client.get(f"/audio/{key}.mp3", headers={"Range": "bytes=500-"}).data == data[500:]
    assert client.get(f"/audio/{key}.mp3", headers={"Range": "bytes=-64"}).data == data[-64:]


def test_unsatisfiable_range_gets_416(client, stored):
    key, data = stored
    response = client.get(f"/audio/{key}.mp3", headers={"Range": f"bytes={len(data) + 10}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{len(data)}"


def test_etag_revalidation_gets_304(client, stored):
    key, _ = stored
    response = client.get(f"/audio/{key}.mp3", headers={"If-None-Match": f'"{key}"'})
    assert response.status_code == 304 and response.data == b""


def test_missing_audio_is_404_in_vietnamese(client):
    response = client.get("/audio/" + "ab" * 20 + ".mp3", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["error"] == "audio_not_found"
    assert "âm thanh" in response.get_json()["message"]


def test_bad_key_is_404_not_500(client):
    assert client.get("/audio/..%2Fsecret.mp3").status_code == 404
    assert client.get("/audio/NOT-HEX.mp3").status_code == 404


def test_whole_article_at_a_stable_url(app, client):
    narrator = services_of(app).narrator
    article = small_article(1)
    record = narrator.render_now(article, keep=False)
    url = f"/audio/article/{record['id']}.mp3"
    response = client.get(url)
    assert response.status_code == 200
    assert mp3.duration_ms(response.data) == record["duration_ms"]
    assert "immutable" not in response.headers["Cache-Control"]
    etag = response.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    part = client.get(url, headers={"Range": "bytes=0-9"})
    assert part.status_code == 206 and part.data == response.data[:10]
    assert "filename" in response.headers["Content-Disposition"]


def test_article_audio_missing_is_404(client):
    assert client.get("/audio/article/" + "0" * 24 + ".mp3").status_code == 404
