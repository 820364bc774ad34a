"""The tests and the benches read only what the repository holds: a path of one machine (the
shared folder the project started from) would make them pass there and fail everywhere else."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.support.data import SEED, VI_NEWS

ROOT = Path(__file__).resolve().parents[2]
SYSTEM = ("/usr/", "/etc/", "/dev/", "/proc/", "/bin/")  # programs and files of the OS itself


def absolute_paths(source: Path) -> list[tuple[int, str]]:
    """String constants of a module that name an existing file or folder outside the repository."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value
        if not re.fullmatch(r"/[\w.-]+(/[\w.-]+)*/?", text) or text.startswith(SYSTEM):
            continue
        path = Path(text)
        if path.exists() and ROOT not in (path.resolve(), *path.resolve().parents):
            found.append((node.lineno, text))
    return found


def test_no_test_or_bench_names_a_path_outside_the_repository():
    offenders = [f"{p.relative_to(ROOT)}:{line} {text}"
                 for folder in ("tests", "bench") for p in sorted((ROOT / folder).rglob("*.py"))
                 for line, text in absolute_paths(p)]
    assert offenders == []


def test_the_scan_sees_a_path_outside(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(f'DATA = "{tmp_path}"\nURL = "/api/v1/article"\nCHROME = "/usr/bin/env"\n')
    assert absolute_paths(module) == [(1, str(tmp_path))]


def test_saved_data_is_in_the_repository():
    assert ROOT in VI_NEWS.parents and ROOT in SEED.parents
    assert len(list(VI_NEWS.glob("*.json"))) == len(list(VI_NEWS.glob("*.html"))) >= 19
    assert "Bắc Sơn" in SEED.read_text(encoding="utf-8")
