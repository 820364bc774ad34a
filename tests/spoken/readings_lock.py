"""The readings of a fixed corpus (every written case) as the normalizer gave them at the
current CODE_VERSION. Narrations are cached under the normalizer version, so a change of
code that changes what is said must bump reader.normalize.CODE_VERSION, or listeners keep
hearing the old readings. tests/spoken/test_reading_version.py holds us to that.

Refresh after bumping (or after editing the bundled lexicon):
    .venv/bin/python -m tests.spoken.readings_lock
"""
from __future__ import annotations

import sys
from pathlib import Path

from reader.normalize import CODE_VERSION, DEFAULT_LEXICON
from tests.spoken.test_cases import load_cases, read_case

LOCK = Path(__file__).parent / "readings.lock.tsv"


def header() -> str:
    return f"# CODE_VERSION={CODE_VERSION} LEXICON={DEFAULT_LEXICON.digest()}"


def corpus() -> list[tuple[str, str]]:
    """(written, how it is read now), one per distinct written case."""
    return sorted({written: read_case(where, written)
                   for where, written, _ in load_cases()}.items())


def read_lock() -> tuple[str, dict[str, str]]:
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    readings = dict(line.split("\t", 1) for line in lines[1:] if line)
    return lines[0], readings


def write_lock() -> int:
    rows = [f"{written}\t{spoken}" for written, spoken in corpus()]
    LOCK.write_text("\n".join([header(), *rows]) + "\n", encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(f"{write_lock()} readings locked at {header()[2:]}", file=sys.stderr)
