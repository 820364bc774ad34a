"""Run every benchmark module (bench/<topic>.py defining run() -> dict) and print the figures.

`python -m bench` runs all; `python -m bench scraper voices` runs the named ones.
Results also go to bench/out/results.json so the figures in docs/benchmarks.md can be checked against them
(a partial run updates only its own entries).
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str]) -> int:
    names = argv or sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                           if not m.name.startswith("_"))
    OUT.mkdir(exist_ok=True)
    # Running some benches updates their entries and keeps the others' last figures.
    saved = OUT / "results.json"
    results: dict[str, dict] = json.loads(saved.read_text()) if saved.exists() else {}
    failed = False
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "run"):  # a tool the benches use (gfake.py), not a bench
            continue
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        try:
            figures = module.run()
        except Exception as exc:  # a broken bench is reported, the others still run
            failed = True
            figures = {"error": repr(exc)}
        figures["bench_seconds"] = round(time.perf_counter() - started, 1)
        results[name] = figures
        print(json.dumps(figures, ensure_ascii=False, indent=2), flush=True)
    saved.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
