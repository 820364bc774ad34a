"""A stand-in for Google Translate's TTS endpoint, reached the way gTTS really reaches Google: through
HTTPS_PROXY. It answers CONNECT, speaks TLS with a throw-away certificate (gTTS does not verify), and
answers batchexecute POSTs with the envelope gTTS parses, carrying real MP3 from espeak-ng + lame.

  python3 gfake.py --port 18443 [--rtt-ms 300] [--handshake-rtts 2] [--canned] [--fail429 0.0] [--fail500 0.0] [--hang 0.0] [--empty 0.0]

--rtt-ms: one network round trip. Each request costs one; each new connection costs --handshake-rtts more
(TCP + TLS; a client that keeps its connection alive pays them once). --canned answers every request with one
MP3 made at start-up, so the stand-in's own CPU (espeak-ng + lame per request) does not compete with the app
on a small machine; use it for timing, leave it off to hear real audio.
  HTTPS_PROXY=http://127.0.0.1:18443 NO_PROXY=127.0.0.1,localhost <the app>

Counts requests; prints a line per request and a summary on SIGTERM/SIGINT (SIGUSR1: the
summary so far, and go on). Stdlib only, plus
espeak-ng and lame (Debian) for the audio.

Copied from the team's ../shared/tools/gfake.py (tests and benches read only files inside the
repository); changes: --canned audio falls back to a tone made with lameenc (already a
dependency) where the espeak-ng and lame programs are not installed; the TLS round trip is
waited before the handshake rather than after it (the original let a client finish its
handshake one round trip before the server would read from it: harmless when the request
follows at once, wrong for connections opened ahead of need); a listen backlog of 128, not
socketserver's 5 (twelve connections opened at once had some of their SYNs dropped, and the
client waited a second to send them again); SIGUSR1 prints the summary so far; --quiet leaves
out the line per request."""
import argparse, base64, json, os, random, signal, socket, socketserver, ssl, subprocess, sys, tempfile
import threading, time, urllib.parse

STATS = {"connections": 0, "requests": 0, "ok": 0, "429": 0, "500": 0, "hang": 0, "empty": 0, "max_parallel": 0}
LIVE = [0]
LOCK = threading.Lock()


def make_cert(folder):
    key, crt = os.path.join(folder, "k.pem"), os.path.join(folder, "c.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=translate.google.com", "-keyout", key, "-out", crt], check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(crt, key)
    return ctx


def speak(text):
    wav = subprocess.run(["espeak-ng", "-v", "vi", "--stdout", text], capture_output=True, check=True).stdout
    # gTTS returns 24 kHz mono MP3 at 32 kbps; match it
    return subprocess.run(["lame", "--quiet", "-m", "m", "-b", "32", "--resample", "24", "-", "-"],
                          input=wav, capture_output=True, check=True).stdout


def canned_mp3():
    """One MP3 for every answer: spoken if espeak-ng and lame are installed, else a tone
    (24 kHz mono 32 kbps, Google's format) from lameenc."""
    try:
        return speak("Đây là câu thử của giọng đọc.")
    except (OSError, subprocess.CalledProcessError):
        import math
        import lameenc
        pcm = b"".join(int(3000 * math.sin(2 * math.pi * 440 * i / 24000)).to_bytes(2, "little", signed=True)
                       for i in range(24000 * 2))
        enc = lameenc.Encoder()
        enc.set_channels(1)
        enc.set_in_sample_rate(24000)
        enc.set_out_sample_rate(24000)
        enc.set_bit_rate(32)
        return bytes(enc.encode(pcm)) + bytes(enc.flush())


def envelope(mp3):
    inner = json.dumps([base64.b64encode(mp3).decode()])
    env = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"]], separators=(",", ":"))
    return (")]}'\n\n%d\n%s\n" % (len(env), env)).encode()


def read_head(f):
    lines = []
    while True:
        line = f.readline(65536)
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            return lines
        lines.append(line.decode("latin-1").rstrip("\r\n"))


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        head = read_head(self.rfile)
        if not head or not head[0].startswith("CONNECT "):
            self.wfile.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        a = self.server.args
        with LOCK:
            STATS["connections"] += 1
        time.sleep(a.rtt_ms / 1000.0 * a.handshake_rtts / 2)  # TCP connect (and the CONNECT exchange)
        self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self.wfile.flush()
        try:
            # TLS handshake: its round trip passes before the handshake completes, so a
            # client that opens a connection ahead of need sees it ready when it is
            time.sleep(a.rtt_ms / 1000.0 * a.handshake_rtts / 2)
            tls = self.server.ctx.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            return
        f = tls.makefile("rb")
        while True:
            h = read_head(f)
            if not h:
                break
            headers = {k.lower(): v.strip() for k, v in (x.split(":", 1) for x in h[1:] if ":" in x)}
            body = f.read(int(headers.get("content-length", "0") or 0))
            if not self.answer(tls, h[0], body):
                break
        try:
            tls.close()
        except OSError:
            pass

    def answer(self, tls, line, body):
        a = self.server.args
        with LOCK:
            STATS["requests"] += 1
            LIVE[0] += 1
            STATS["max_parallel"] = max(STATS["max_parallel"], LIVE[0])
        try:
            time.sleep(a.rtt_ms / 1000.0)
            r = random.random()
            if r < a.hang:
                STATS["hang"] += 1
                time.sleep(120)
                return False
            r -= a.hang
            if r < a.fail429:
                STATS["429"] += 1
                tls.sendall(b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")
                return True
            r -= a.fail429
            if r < a.fail500:
                STATS["500"] += 1
                tls.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")
                return True
            r -= a.fail500
            text = ""
            try:
                freq = urllib.parse.parse_qs(body.decode())["f.req"][0]
                text = json.loads(json.loads(freq)[0][0][1])[0]
            except (KeyError, ValueError, IndexError, TypeError):
                pass
            if r < a.empty or not text:
                STATS["empty"] += 1
                payload = b")]}'\n\n25\n[[\"di\",17],[\"af.httprm\"]]\n"
            else:
                STATS["ok"] += 1
                payload = envelope(self.server.canned or speak(text))
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                        + str(len(payload)).encode() + b"\r\n\r\n" + payload)
            if not a.quiet:
                print("%.3f %s %r" % (time.time(), "ok" if text else "empty", text[:40]), flush=True)
            return True
        except OSError:
            return False
        finally:
            with LOCK:
                LIVE[0] -= 1


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # a proxy's backlog: socketserver's 5 drops SYNs of a burst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=18443)
    ap.add_argument("--rtt-ms", type=float, default=300)
    ap.add_argument("--handshake-rtts", type=float, default=2)
    ap.add_argument("--canned", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    for k in ("fail429", "fail500", "hang", "empty"):
        ap.add_argument("--" + k, type=float, default=0.0)
    a = ap.parse_args()
    srv = Server(("127.0.0.1", a.port), Handler)
    srv.ctx = make_cert(tempfile.mkdtemp())
    srv.args = a
    srv.canned = canned_mp3() if a.canned else None

    def stop(*_):
        print("summary " + " ".join("%s=%s" % kv for kv in STATS.items()), flush=True)
        os._exit(0)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGUSR1, lambda *_: print("summary " + " ".join("%s=%s" % kv for kv in STATS.items()),
                                                   flush=True))  # figures so far, and go on
    print("gfake on 127.0.0.1:%d rtt %d ms, %g round trips per new connection%s"
          % (a.port, a.rtt_ms, a.handshake_rtts, ", canned audio" if a.canned else ""), flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
