"""A faithful fake of Google Translate's batchexecute endpoint, for the real gTTS code.

It answers exactly as Google does (DESIGN.md, "Facts measured"): `)]}'`, a blank line, the
envelope's length, the envelope `[["wrb.fr","jQ1olc","[\\"<base64 MP3>\\"]",...]]`, so gTTS
returns those exact MP3 bytes. Only the HTTP exchange is faked (with `responses`); gTTS
prepares, sends and parses for real. A `script(call_number, text)` picks how each call is
answered: normal, 429 (with or without Retry-After), 5xx, a timeout, an empty 200, a slow
reply, or a 200 whose "audio" is not MP3.
"""
from __future__ import annotations

import base64
import json
import math
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs

import lameenc
import requests
import responses

URL = re.compile(r"https://translate\.google\.[a-z.]+/_/TranslateWebserverUi/data/batchexecute")
MS_PER_CHAR = 60  # Google speaks Vietnamese at roughly this pace


@dataclass
class Reply:
    kind: str = "ok"  # ok | status | empty | timeout | garbage | cut
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay_s: float = 0.0


OK = Reply()


def status(code: int, retry_after: str | None = None) -> Reply:
    return Reply("status", code, {"Retry-After": retry_after} if retry_after else {})


_tone_cache: dict[int, bytes] = {}
_tone_lock = threading.Lock()


def tone_mp3(duration_ms: int) -> bytes:
    """Real MP3 (24 kHz, 32 kbps, mono: Google's format) of a quiet tone."""
    with _tone_lock:
        if duration_ms in _tone_cache:
            return _tone_cache[duration_ms]
        n = int(24000 * duration_ms / 1000)
        pcm = bytearray()
        for i in range(n):
            pcm += int(3000 * math.sin(2 * math.pi * 440 * i / 24000)).to_bytes(2, "little",
                                                                              signed=True)
        encoder = lameenc.Encoder()
        encoder.set_channels(1)
        encoder.set_in_sample_rate(24000)
        encoder.set_out_sample_rate(24000)
        encoder.set_bit_rate(32)
        encoder.set_quality(7)
        data = bytes(encoder.encode(bytes(pcm))) + bytes(encoder.flush())
        _tone_cache[duration_ms] = data
        return data


def audio_for(text: str) -> bytes:
    return tone_mp3(max(200, MS_PER_CHAR * len(text)) // 100 * 100)


def google_body(audio: bytes | None) -> str:
    """Google's reply framing around the audio (or without the audio line, for None)."""
    if audio is None:
        envelope = '[["wrb.fr","MkEWBc",null,null,null,[3],"generic"]]'  # no audio line
    else:
        b64 = base64.b64encode(audio).decode("ascii")
        envelope = '[["wrb.fr","jQ1olc","[\\"%s\\"]",null,null,null,"generic"]]' % b64
    tail = '[["di",57],["af.httprm",56,"-4516237398207407463",6]]'
    return f")]}}'\n\n{len(envelope)}\n{envelope}\n{len(tail)}\n{tail}\n"


def request_text(body: str | bytes) -> str:
    """The text gTTS asked for, unpacked from its f.req form field."""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    freq = parse_qs(body)["f.req"][0]
    rpc = json.loads(freq)
    return json.loads(rpc[0][0][1])[0]


class FakeGoogle:
    """Install with `with FakeGoogle() as google:`; `google.texts` lists every call's text."""

    def __init__(self, script: Callable[[int, str], Reply] | None = None,
                 delay_s: float = 0.0, passthru: tuple[str, ...] = ()) -> None:
        self.script = script or (lambda n, text: OK)
        self.delay_s = delay_s
        self.texts: list[str] = []
        self.replies: list[str] = []
        self.sent: dict[str, bytes] = {}
        self.timeouts: list = []  # the timeout gTTS passed with each request
        self.proxies: list = []  # the proxies each request was sent through
        self.in_flight = 0
        self.max_in_flight = 0  # most requests being answered at once
        self._lock = threading.Lock()
        self._mock = responses.RequestsMock(assert_all_requests_are_fired=False)
        for prefix in passthru:  # real servers of the test (the sample site), not Google
            self._mock.add_passthru(prefix)

    @property
    def calls(self) -> int:
        return len(self.texts)

    def __enter__(self) -> "FakeGoogle":
        self._mock.__enter__()
        self._mock.add_callback(responses.POST, URL, callback=self._answer)
        return self

    def __exit__(self, *exc) -> None:
        self._mock.__exit__(*exc)

    def _answer(self, request):
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return self._reply(request)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _reply(self, request):
        text = request_text(request.body)
        with self._lock:
            number = len(self.texts)
            self.texts.append(text)
            self.timeouts.append(request.req_kwargs.get("timeout"))
            self.proxies.append(request.req_kwargs.get("proxies"))
        reply = self.script(number, text)
        with self._lock:
            self.replies.append(reply.kind if reply.kind != "status" else str(reply.status))
        delay_s = self.delay_s + reply.delay_s
        timeout = request.req_kwargs.get("timeout")
        read_timeout_s = timeout[1] if isinstance(timeout, tuple) else timeout
        if reply.kind == "timeout" or (read_timeout_s is not None and delay_s > read_timeout_s):
            time.sleep(min(delay_s, read_timeout_s or 0.0))
            raise requests.exceptions.ReadTimeout("fake Google: read timed out")
        if delay_s:
            time.sleep(delay_s)
        headers = {"Content-Type": "application/json; charset=utf-8", **reply.headers}
        if reply.kind == "status":
            return reply.status, headers, "<html>Error</html>"
        if reply.kind == "empty":
            return 200, headers, google_body(None)
        if reply.kind == "garbage":
            return 200, headers, google_body(b"<html>not audio</html>")
        audio = audio_for(text)
        with self._lock:
            self.sent[text] = audio
        return 200, headers, google_body(audio)
