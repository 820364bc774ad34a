"""The offline voice: real libespeak-ng, real lameenc, valid MP3 in the house format."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from reader import mp3
from reader.engines import OfflineEngine


def test_offline_voice_speaks_vietnamese_to_house_mp3(offline):
    data = offline.synthesize("Sở Tài nguyên và Môi trường tỉnh Lạng Sơn.")
    info = mp3.parse_mp3(data)
    assert (info.sample_rate_hz, info.bitrate_kbps, info.mono) == (24000, 32, True)
    assert 1500 < info.duration_ms < 8000


@pytest.mark.parametrize("voice", ["vi", "vi-vn-x-central", "vi-vn-x-south"])
def test_each_vietnamese_voice_works(voice):
    assert mp3.duration_ms(OfflineEngine(voice, 165).synthesize("Xin chào")) > 200


def test_rate_changes_speed():
    text = "Kiểm tra công tác thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới."
    slow = mp3.duration_ms(OfflineEngine("vi", 120).synthesize(text))
    fast = mp3.duration_ms(OfflineEngine("vi", 300).synthesize(text))
    assert fast < slow * 0.7


def test_unknown_voice_and_silly_rate_are_refused():
    with pytest.raises(ValueError):
        OfflineEngine("en", 165)
    with pytest.raises(ValueError):
        OfflineEngine("vi", 5)


def test_concurrent_synthesis_is_safe(offline):
    """The library has global state: parallel callers must each get their own whole audio.
    (espeak-ng varies a few samples between runs, so durations are compared, not bytes.)"""
    texts = ["Một.", "Câu số hai về môi trường.", "Một câu dài hơn hẳn, nói về đất đai. " * 4]
    alone = {text: mp3.duration_ms(offline.synthesize(text)) for text in texts}
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(offline.synthesize, texts * 4))
    for text, data in zip(texts * 4, results):
        assert mp3.duration_ms(data) == pytest.approx(alone[text], rel=0.05)


def test_available_without_speaking(offline):
    assert offline.available() is True
