"""Where the tests' saved data lives: inside the repository, never beside it."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
VI_NEWS = DATA / "vi-news"  # saved Vietnamese news pages, each with its truth (.json)
SEED = DATA / "seeds" / "000_670001958d39c175.txt"  # the seed page's text, as a reader sees it
