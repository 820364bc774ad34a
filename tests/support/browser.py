"""Real Chromium (Debian's) driven by Playwright through executable_path, and axe-core."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

# The current axe-core from npm (package.json pins it; `make test` runs `npm ci`). It replaced
# the older copy bundled with axe-playwright-python, which missed WCAG 2.5.3 failures.
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",  # lets tests start audio by script
]


@contextmanager
def chromium_context(**context_options) -> Iterator:
    """A fresh persistent profile per use, closed afterwards."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="docnd-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            **context_options)
        try:
            yield context
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run `npm ci` (make test does) for axe-core")
    return AXE_JS.read_text(encoding="utf-8")


def axe_version(page) -> str:
    page.evaluate(axe_source())
    return page.evaluate("axe.version")


def axe_violations(page, context_selector: str | None = None) -> list[dict]:
    """Run the current axe-core with the WCAG 2.1 A and AA rules; its violations."""
    page.evaluate(axe_source())  # through the DevTools protocol: the page's CSP allows it
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("([context, options]) => axe.run(context || document, options)"
                         ".then(results => results.violations)", [context_selector, options])
