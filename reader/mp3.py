"""MP3 as frames: exact durations, joining segments, ID3v2 tags and an Info (Xing) header.

Every voice here writes MPEG-2 Layer III, 24 kHz, 32 kbps, mono (Google's format; the
offline voice is encoded to match), so segments join by concatenating their audio frames.
Durations are counted from frame headers, never estimated from byte sizes.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

# The one format every segment is written in (see reader/engines/offline.py).
SAMPLE_RATE_HZ = 24000
BITRATE_KBPS = 32

_BITRATES_KBPS = {
    # (version is MPEG-1, layer III)
    (True, 3): [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0],
    # MPEG-2 / 2.5, layer III (and II)
    (False, 3): [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0],
    (False, 2): [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0],
    (True, 2): [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0],
}
_SAMPLE_RATES_HZ = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


class Mp3Error(ValueError):
    """The bytes are not MP3 audio we can use."""


@dataclass(frozen=True)
class Frame:
    offset: int
    length: int
    sample_rate_hz: int
    bitrate_kbps: int
    samples: int
    mono: bool
    mpeg1: bool


@dataclass(frozen=True)
class Mp3Info:
    frames: list[Frame]  # audio frames only (no Xing/Info, no ID3)
    sample_rate_hz: int
    bitrate_kbps: int
    mono: bool

    @property
    def samples(self) -> int:
        return sum(f.samples for f in self.frames)

    @property
    def duration_ms(self) -> int:
        return round(self.samples * 1000 / self.sample_rate_hz)


def parse_header(data: bytes, offset: int) -> Frame | None:
    """The frame whose header starts at `offset`, or None if there is no valid header."""
    if offset + 4 > len(data):
        return None
    b0, b1, b2, b3 = data[offset:offset + 4]
    if b0 != 0xFF or (b1 & 0xE0) != 0xE0:
        return None
    version_bits = (b1 >> 3) & 3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
    layer_bits = (b1 >> 1) & 3  # 1: layer III, 2: layer II, 3: layer I
    if version_bits == 1 or layer_bits not in (1, 2):
        return None
    layer = 4 - layer_bits  # 3 or 2
    mpeg1 = version_bits == 3
    bitrate_index = (b2 >> 4) & 0xF
    rate_index = (b2 >> 2) & 3
    if bitrate_index in (0, 15) or rate_index == 3:
        return None
    bitrate_kbps = _BITRATES_KBPS[(mpeg1, layer)][bitrate_index]
    sample_rate_hz = _SAMPLE_RATES_HZ[version_bits][rate_index]
    padding = (b2 >> 1) & 1
    if layer == 3:
        samples = 1152 if mpeg1 else 576
    else:
        samples = 1152
    length = samples // 8 * bitrate_kbps * 1000 // sample_rate_hz + padding
    mono = (b3 >> 6) == 3
    return Frame(offset, length, sample_rate_hz, bitrate_kbps, samples, mono, mpeg1)


def id3v2_size(data: bytes, offset: int = 0) -> int:
    """Length of an ID3v2 tag starting at `offset` (0 if there is none)."""
    if data[offset:offset + 3] != b"ID3" or len(data) < offset + 10:
        return 0
    size = 0
    for byte in data[offset + 6:offset + 10]:
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if data[offset + 5] & 0x10 else 0
    return 10 + size + footer


def _is_info_frame(data: bytes, frame: Frame) -> bool:
    """LAME's Xing/Info frame (a header frame carrying no audio)."""
    if frame.mpeg1:
        side = 17 if frame.mono else 32
    else:
        side = 9 if frame.mono else 17
    start = frame.offset + 4 + side
    return data[start:start + 4] in (b"Xing", b"Info")


def parse_mp3(data: bytes) -> Mp3Info:
    """Walk the frames of an MP3 stream; raise Mp3Error unless it is whole, consistent audio.

    A stream must begin (after an optional ID3v2 tag) with a frame header, and every frame
    must be complete and followed by another header, the end, or an ID3v1 tag.
    """
    pos = id3v2_size(data)
    frames: list[Frame] = []
    end = len(data)
    if data[-128:-125] == b"TAG":
        end -= 128
    while pos < end:
        frame = parse_header(data, pos)
        if frame is None:
            raise Mp3Error(f"no MP3 frame header at byte {pos} of {len(data)}")
        if pos + frame.length > end:
            raise Mp3Error(f"truncated MP3 frame at byte {pos}")
        if not frames and _is_info_frame(data, frame):
            pos += frame.length
            continue
        frames.append(frame)
        pos += frame.length
    if not frames:
        raise Mp3Error("no MP3 audio frames")
    first = frames[0]
    if any(f.sample_rate_hz != first.sample_rate_hz or f.mono != first.mono for f in frames):
        raise Mp3Error("MP3 frames change sample rate or channels part-way")
    return Mp3Info(frames, first.sample_rate_hz, first.bitrate_kbps, first.mono)


def audio_frames(data: bytes) -> tuple[bytes, Mp3Info]:
    """The audio frames alone (no tags, no Info frame), and their description."""
    info = parse_mp3(data)
    start = info.frames[0].offset
    last = info.frames[-1]
    return data[start:last.offset + last.length], info


def join_mp3(parts: list[bytes]) -> tuple[bytes, Mp3Info]:
    """Concatenate the audio frames of segments that share one sample rate and channel mode."""
    chunks: list[bytes] = []
    frames: list[Frame] = []
    offset = 0
    fmt = None
    for part in parts:
        body, info = audio_frames(part)
        if fmt is None:
            fmt = (info.sample_rate_hz, info.mono)
        elif fmt != (info.sample_rate_hz, info.mono):
            raise Mp3Error(f"cannot join {info.sample_rate_hz} Hz audio to {fmt[0]} Hz audio")
        base = info.frames[0].offset
        frames += [Frame(f.offset - base + offset, f.length, f.sample_rate_hz, f.bitrate_kbps,
                         f.samples, f.mono, f.mpeg1) for f in info.frames]
        chunks.append(body)
        offset += len(body)
    if not frames:
        raise Mp3Error("nothing to join")
    first = frames[0]
    return b"".join(chunks), Mp3Info(frames, first.sample_rate_hz, first.bitrate_kbps, first.mono)


def info_frame(info: Mp3Info, audio_bytes: int) -> bytes:
    """A Xing 'Info' frame (CBR) giving the exact frame count and byte size: players read
    the duration from it instead of guessing from the first frame."""
    first = info.frames[0]
    # Header of the first audio frame with padding cleared; an Info frame is a silent frame.
    header = bytearray(b"\xff\xf3\x00\x00")
    header[1] = 0xFB if first.mpeg1 else 0xF3
    rates = _SAMPLE_RATES_HZ[3 if first.mpeg1 else 2]
    rate_index = rates.index(first.sample_rate_hz)
    bitrate_index = _BITRATES_KBPS[(first.mpeg1, 3)].index(first.bitrate_kbps)
    header[2] = (bitrate_index << 4) | (rate_index << 2)
    header[3] = 0xC4 if first.mono else 0x44  # mono (or joint stereo), original, no emphasis
    length = first.samples // 8 * first.bitrate_kbps * 1000 // first.sample_rate_hz
    side = (17 if first.mono else 32) if first.mpeg1 else (9 if first.mono else 17)
    frame = bytearray(length)
    frame[0:4] = header
    pos = 4 + side
    frame[pos:pos + 4] = b"Info"
    frames_total = len(info.frames)  # audio frames (players multiply by samples per frame)
    bytes_total = audio_bytes + length
    frame[pos + 4:pos + 8] = struct.pack(">I", 0x3)  # frames and bytes fields present
    frame[pos + 8:pos + 12] = struct.pack(">I", frames_total)
    frame[pos + 12:pos + 16] = struct.pack(">I", bytes_total)
    return bytes(frame)


def _id3_frame(frame_id: str, text: str) -> bytes:
    payload = b"\x03" + text.encode("utf-8")  # encoding 3 = UTF-8 (ID3v2.4)
    return frame_id.encode("ascii") + _synchsafe(len(payload)) + b"\x00\x00" + payload


def _synchsafe(value: int) -> bytes:
    return bytes([(value >> 21) & 0x7F, (value >> 14) & 0x7F, (value >> 7) & 0x7F, value & 0x7F])


def id3_tag(*, title: str, artist: str, date: str | None, duration_ms: int,
            album: str | None = None) -> bytes:
    """An ID3v2.4 tag: title, artist (the department), date, album and exact length (TLEN)."""
    frames = [_id3_frame("TIT2", title), _id3_frame("TPE1", artist)]
    if album:
        frames.append(_id3_frame("TALB", album))
    if date:
        frames.append(_id3_frame("TDRC", date[:10]))
    frames.append(_id3_frame("TLEN", str(int(duration_ms))))
    body = b"".join(frames)
    return b"ID3\x04\x00\x00" + _synchsafe(len(body)) + body


def build_article_mp3(parts: list[bytes], *, title: str, artist: str,
                      date: str | None) -> tuple[bytes, int]:
    """One MP3 for the whole article: ID3 tag, Info frame, then every segment's frames.
    Returns the bytes and the exact duration in milliseconds."""
    body, info = join_mp3(parts)
    tag = id3_tag(title=title, artist=artist, date=date, duration_ms=info.duration_ms,
                  album=artist)
    return tag + info_frame(info, len(body)) + body, info.duration_ms


def duration_ms(data: bytes) -> int:
    """Exact duration of an MP3 from its frames."""
    return parse_mp3(data).duration_ms
