"""The offline voice: libespeak-ng (from the espeakng-loader wheel) through ctypes, to MP3.

libespeak-ng keeps its state in globals (one voice, one rate, one callback per process), so
every synthesis holds one process-wide lock. It is loaded lazily, on first use, never at
import. Audio is encoded with lameenc to the house format (reader/mp3.py): 24 kHz, 32 kbps,
mono, so segments join with Google's.
"""
from __future__ import annotations

import ctypes
import threading
import warnings
from dataclasses import dataclass

import lameenc

with warnings.catch_warnings():  # deprecated in 3.11, still here; audioop-lts for 3.13+
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

from reader import mp3
from reader.engines.base import BadAudioError, EngineError

VOICES = ("vi", "vi-vn-x-central", "vi-vn-x-south")

# espeak-ng's speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_ENDPAUSE = 0x1000
_RATE = 1
_EE_OK = 0
_MIN_RATE_WPM, _MAX_RATE_WPM = 80, 450


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_void_p)]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.POINTER(_Event))

# Why module state: the C library itself is process-global; one lock guards it for every
# OfflineEngine in the process. Nothing here connects or loads at import.
_LOCK = threading.Lock()


@dataclass
class _Library:
    lib: ctypes.CDLL
    sample_rate_hz: int
    callback: object  # keeps the ctypes callback alive
    pcm: list


_library: _Library | None = None


def _load() -> _Library:
    """Load and initialise libespeak-ng once per process (caller holds _LOCK)."""
    global _library
    if _library is not None:
        return _library
    try:
        import espeakng_loader
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data_path = espeakng_loader.get_data_path()
    except (ImportError, OSError, RuntimeError) as exc:
        raise EngineError(f"libespeak-ng cannot be loaded: {exc}") from exc
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint, ctypes.POINTER(ctypes.c_uint),
                                 ctypes.c_void_p]
    sample_rate_hz = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 200,
                                           data_path.encode(), 0)
    if sample_rate_hz <= 0:
        raise EngineError(f"espeak_Initialize failed ({sample_rate_hz})")
    pcm: list[bytes] = []

    def on_audio(wav, num_samples, events):  # noqa: ARG001
        if num_samples > 0:
            pcm.append(ctypes.string_at(wav, num_samples * 2))
        return 0  # 0 = carry on

    callback = _CALLBACK(on_audio)
    lib.espeak_SetSynthCallback(callback)
    _library = _Library(lib, sample_rate_hz, callback, pcm)
    return _library


def synthesize_pcm(text: str, voice: str, rate_wpm: int) -> tuple[bytes, int]:
    """16-bit mono PCM for `text`, and its sample rate."""
    with _LOCK:
        library = _load()
        lib = library.lib
        if lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
            raise EngineError(f"espeak-ng has no voice {voice!r}")
        lib.espeak_SetParameter(_RATE, int(rate_wpm), 0)
        library.pcm.clear()
        data = text.encode("utf-8") + b"\x00"
        result = lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0,
                                  _CHARS_UTF8 | _ENDPAUSE, None, None)
        if result != _EE_OK:
            raise EngineError(f"espeak_Synth failed ({result})")
        pcm = b"".join(library.pcm)
        library.pcm.clear()
        return pcm, library.sample_rate_hz


def encode_mp3(pcm: bytes, sample_rate_hz: int) -> bytes:
    """PCM to MP3 in the house format (24 kHz, 32 kbps CBR, mono).

    espeak-ng speaks at 22050 Hz; audioop's C resampler takes it to 24 kHz at a tenth of
    what LAME's own resampling costs, and LAME quality 7 halves the encoding time of the
    default with no audible loss for speech at 32 kbps (bench/voices.py: offline RTF).
    """
    if sample_rate_hz != mp3.SAMPLE_RATE_HZ:
        pcm, _ = audioop.ratecv(pcm, 2, 1, sample_rate_hz, mp3.SAMPLE_RATE_HZ, None)
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(mp3.SAMPLE_RATE_HZ)
    encoder.set_out_sample_rate(mp3.SAMPLE_RATE_HZ)
    encoder.set_bit_rate(mp3.BITRATE_KBPS)
    encoder.set_quality(7)
    return bytes(encoder.encode(pcm)) + bytes(encoder.flush())


class OfflineEngine:
    """Vietnamese from espeak-ng; needs no network, safe under concurrent requests."""
    name = "offline"
    max_chars = 400

    def __init__(self, voice: str = "vi", rate_wpm: int = 165) -> None:
        if voice not in VOICES:
            raise ValueError(f"offline voice must be one of {', '.join(VOICES)}, not {voice!r}")
        if not _MIN_RATE_WPM <= int(rate_wpm) <= _MAX_RATE_WPM:
            raise ValueError(f"offline rate must be {_MIN_RATE_WPM}-{_MAX_RATE_WPM} wpm")
        self.voice = voice
        self.rate_wpm = int(rate_wpm)
        self.rate = f"{self.rate_wpm}wpm"

    def synthesize(self, text: str) -> bytes:
        pcm, sample_rate_hz = synthesize_pcm(text, self.voice, self.rate_wpm)
        if not pcm:
            raise BadAudioError(f"espeak-ng made no sound for {text[:40]!r}")
        audio = encode_mp3(pcm, sample_rate_hz)
        try:
            mp3.parse_mp3(audio)
        except mp3.Mp3Error as exc:
            raise BadAudioError(f"offline MP3 is not valid: {exc}") from exc
        return audio

    def available(self) -> bool:
        """True when the library loads (checked once; no synthesis per health check)."""
        try:
            with _LOCK:
                _load()
            return True
        except EngineError:
            return False
