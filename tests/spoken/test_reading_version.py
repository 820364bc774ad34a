"""What is said may change only with a new normalizer version (see readings_lock.py)."""
from __future__ import annotations

import pytest

from tests.spoken.readings_lock import corpus, header, read_lock

REFRESH = "python -m tests.spoken.readings_lock"


def test_readings_change_only_with_a_new_code_version():
    locked_header, readings = read_lock()
    now = dict(corpus())
    changed = [(w, was, now[w]) for w, was in readings.items() if w in now and now[w] != was]
    if locked_header != header():
        pytest.fail(f"the normalizer version changed: refresh the lock ({REFRESH})")
    assert not changed, (
        "these readings changed but reader.normalize.CODE_VERSION did not; bump it (cached "
        f"narrations are then read again) and refresh the lock ({REFRESH}):\n"
        + "\n".join(f"  {w!r}: {was!r} -> {now!r}" for w, was, now in changed[:10]))


def test_the_lock_covers_the_cases():
    _, readings = read_lock()
    assert len(readings) >= 350
