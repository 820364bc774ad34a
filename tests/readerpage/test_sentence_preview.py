"""The live region's preview of a sentence (J / L while paused) is cut between words and marked
as cut: before, `slice(0, 80)` said "Sở TN." for "Sở TN&MT" and "Môi ." with a stray space."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMAT_JS = (ROOT / "static" / "js" / "shared" / "format.js").as_uri()
SENTENCE = ("Tham dự buổi lễ có ông Lương Trọng Quỳnh, Phó Chủ tịch UBND tỉnh; lãnh đạo "
            "Sở TN&MT, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh")


def _previews(texts: list[str], limit: int) -> list[str]:
    node = shutil.which("node")
    assert node, "node is needed for the tests (make test installs it)"
    script = (f"import {{ preview }} from {json.dumps(FORMAT_JS)};"
              f"console.log(JSON.stringify({json.dumps(texts)}.map(t => preview(t, {limit}))));")
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_long_sentence_is_cut_between_words_and_marked():
    cut, short = _previews([SENTENCE, "Câu ngắn."], 80)
    assert cut.endswith("…") and len(cut) <= 81
    assert SENTENCE.startswith(cut[:-1])
    assert SENTENCE[len(cut) - 1] == " "  # the next character was a space: no word was split
    assert "TN" not in cut  # "Sở TN&MT" is said whole or not at all
    assert short == "Câu ngắn."


def test_the_reader_announces_with_the_shared_preview():
    player = (ROOT / "static" / "js" / "reader" / "player.js").read_text(encoding="utf-8")
    assert "preview(lit.text(sentence), 80)" in player
    assert ".slice(0, 80)" not in player
