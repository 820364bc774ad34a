"""MP3 frames: exact durations, joining, ID3 tags and the Info header (checked with mutagen)."""
from __future__ import annotations

import io

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from reader import mp3
from tests.voices.fake_google import tone_mp3


def test_duration_is_counted_from_frames():
    data = tone_mp3(2000)
    info = mp3.parse_mp3(data)
    assert info.sample_rate_hz == 24000 and info.mono and info.bitrate_kbps == 32
    # 576 samples per MPEG-2 layer III frame
    assert info.samples == len(info.frames) * 576
    assert info.duration_ms == round(len(info.frames) * 576 * 1000 / 24000)
    assert 2000 <= info.duration_ms <= 2200  # the encoder pads to whole frames


@pytest.mark.parametrize("bad", [b"", b"hello", b"<html>not audio</html>" * 10,
                                 b"ID3\x04\x00\x00\x00\x00\x00\x00"])
def test_non_mp3_is_rejected(bad):
    with pytest.raises(mp3.Mp3Error):
        mp3.parse_mp3(bad)


def test_truncated_mp3_is_rejected():
    data = tone_mp3(1000)
    with pytest.raises(mp3.Mp3Error):
        mp3.parse_mp3(data[:-10])


def test_join_keeps_every_frame_and_sums_durations():
    parts = [tone_mp3(500), tone_mp3(1200), tone_mp3(300)]
    joined, info = mp3.join_mp3(parts)
    assert len(info.frames) == sum(len(mp3.parse_mp3(p).frames) for p in parts)
    assert mp3.parse_mp3(joined).samples == sum(mp3.parse_mp3(p).samples for p in parts)


def test_join_refuses_mixed_sample_rates():
    import lameenc
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(22050)
    encoder.set_bit_rate(32)
    other = bytes(encoder.encode(b"\x00\x01" * 22050)) + bytes(encoder.flush())
    assert mp3.parse_mp3(other).sample_rate_hz == 22050
    with pytest.raises(mp3.Mp3Error):
        mp3.join_mp3([tone_mp3(500), other])


def test_article_mp3_has_tags_info_frame_and_exact_duration():
    parts = [tone_mp3(700), tone_mp3(1500)]
    data, duration_ms = mp3.build_article_mp3(parts, title="Kiểm tra nông thôn mới",
                                              artist="Sở Tài nguyên và Môi trường",
                                              date="2022-06-28T08:30:00")
    assert duration_ms == sum(mp3.duration_ms(p) for p in parts)
    assert mp3.duration_ms(data) == duration_ms  # the Info frame is not counted as audio
    tags = ID3(io.BytesIO(data))
    assert tags["TIT2"].text == ["Kiểm tra nông thôn mới"]
    assert tags["TPE1"].text == ["Sở Tài nguyên và Môi trường"]
    assert str(tags["TDRC"].text[0]) == "2022-06-28"
    assert tags["TLEN"].text == [str(duration_ms)]
    audio = MP3(io.BytesIO(data))
    # mutagen reads the frame count from our Info header: the length is exact, not guessed
    assert audio.info.length == pytest.approx(duration_ms / 1000, abs=0.001)
    assert audio.info.sample_rate == 24000 and audio.info.channels == 1
    info_start = mp3.id3v2_size(data)
    assert data[info_start + 4 + 9:info_start + 4 + 9 + 4] == b"Info"
