"""`flask speak` and the voices in /healthz."""
from __future__ import annotations

import pytest
import responses

from reader import mp3
from reader.engines import EngineError
from tests.voices.fake_google import FakeGoogle, status
from services.container import services_of


@pytest.fixture()
def app_config(app_config):
    return {**app_config, "TTS_ENGINE": "auto", "GTTS_BREAKER_FAILURES": 2,
            "GTTS_RETRIES": 0}


def test_speak_offline_writes_mp3(runner, tmp_path):
    out = tmp_path / "x.mp3"
    result = runner.invoke(args=["speak", "Xin chào. Đây là giọng đọc ngoại tuyến.", "-o",
                                 str(out), "--engine", "offline"])
    assert result.exit_code == 0, result.output
    assert mp3.duration_ms(out.read_bytes()) > 1000
    assert "offline" in result.output


def test_speak_gtts_uses_google(runner, tmp_path):
    out = tmp_path / "g.mp3"
    with FakeGoogle() as google:
        result = runner.invoke(args=["speak", "Xin chào Lạng Sơn.", "-o", str(out),
                                     "--engine", "gtts"])
    assert result.exit_code == 0, result.output
    assert google.calls == 1 and out.read_bytes() == google.sent[google.texts[0]]


def test_speak_reports_google_failure_without_traceback(runner, tmp_path):
    out = tmp_path / "f.mp3"
    with FakeGoogle(lambda n, text: status(503)):
        result = runner.invoke(args=["speak", "Xin chào.", "-o", str(out), "--engine", "gtts"])
    assert result.exit_code == 1  # a ClickException: the message, not a crash (which is 1 too)
    assert result.output.startswith("Error: Giọng đọc tạm thời không hoạt động")
    assert "HTTP 503" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and not out.exists()


def test_speak_refuses_an_unknown_engine(runner, tmp_path):
    out = tmp_path / "f.mp3"
    result = runner.invoke(args=["speak", "x", "-o", str(out), "--engine", "espeak"])
    assert result.exit_code == 2  # click's usage error, before any voice is asked
    assert "Invalid value for '--engine': 'espeak' is not one of" in result.output
    assert not out.exists()


def test_healthz_says_gtts_is_unusable_when_google_cannot_be_reached(client):
    body = client.get("/healthz").get_json()  # no network here: Google does not answer
    assert body["voices"] == {"offline": True, "gtts": False, "auto": True}


def test_healthz_shows_voices_and_breaker(app, client):
    with FakeGoogle(lambda n, text: status(503)) as google:
        google._mock.add(responses.GET, "https://translate.google.com.vn/", status=200)
        body = client.get("/healthz").get_json()
        assert body["voices"] == {"offline": True, "gtts": True, "auto": True}
        gtts = services_of(app).engines["gtts"]
        for _ in range(2):
            with pytest.raises(EngineError, match=r"after 1 attempt\(s\): HTTP 503"):
                gtts.synthesize("Xin chào.")
        services_of(app).memo["health"].clear()
        body = client.get("/healthz").get_json()
    assert google.calls == 2  # the health check never spoke to the TTS endpoint
    assert body["voices"] == {"offline": True, "gtts": False, "auto": True}


def test_engine_table_follows_configuration(app):
    engines = services_of(app).engines
    assert set(engines) == {"auto", "gtts", "offline"}
    assert services_of(app).engine is engines["auto"]
    assert engines["offline"].voice == "vi" and engines["offline"].rate_wpm == 165
