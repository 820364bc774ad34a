"""The browser's ES modules: served under one version for the whole module graph, and
written into one classic script for the embed widget.

- `module_url("reader/main.js")` in templates gives `/js/<version>/reader/main.js`, where
  the version hashes every module under static/js/. The modules import each other by
  relative address (`./player.js`, `../shared/format.js`), which resolves under the same
  version: a deploy that changes any module changes every module's address, so a browser
  never mixes an old module with a new one, and each can be cached for a year.
- `assemble(entry)` turns a module and what it imports into one script for `GET /embed.js`
  (pasted into other sites' pages as a classic script, so it cannot be a module): each
  imported module becomes a function scope that returns its exports, in dependency order,
  all inside one closure. No bundler: the modules keep to a small subset (one-line
  `import { a, b } from "./x.js";`, `export function|const|let|class name`), and anything
  else is refused loudly rather than served half-converted.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, request, url_for

bp = Blueprint("scripts", __name__)

STATIC = Path(__file__).resolve().parent.parent / "static"
MODULES = STATIC / "js"
MAX_AGE_S = 365 * 24 * 3600

IMPORT = re.compile(r'^import \{([^}]*)\} from "(\.{1,2}/[^"]+\.js)";\s*$', re.M)
EXPORT = re.compile(r"^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)", re.M)
ANY_MODULE_SYNTAX = re.compile(r"^\s*(?:import\b|export\b)", re.M)


class ModuleSyntaxError(RuntimeError):
    """A module uses syntax the embed assembler does not convert."""


@lru_cache(maxsize=4)
def modules_version(root: Path = MODULES) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.js")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def module_url(name: str) -> str:
    return url_for("scripts.module", version=modules_version(), name=name)


def module_preloads(name: str) -> list[str]:
    """The addresses of the modules `name` imports, directly or not, so a page can ask for
    them all at once (<link rel="modulepreload">) rather than one import level at a time."""
    return [module_url(dep) for dep in _imported(name, modules_version())]


@lru_cache(maxsize=16)
def _imported(name: str, version: str) -> tuple[str, ...]:
    found: list[Path] = []

    def visit(path: Path) -> None:
        for _, target in _split(path)[0]:
            if target not in found:
                found.append(target)
                visit(target)

    visit(MODULES / name)
    return tuple(p.relative_to(MODULES).as_posix() for p in found)


@bp.app_context_processor
def _module_helpers() -> dict:
    return {"module_url": module_url, "module_preloads": module_preloads}


@bp.get("/js/<version>/<path:name>")
def module(version: str, name: str):
    path = (MODULES / name).resolve()
    if path.suffix != ".js" or MODULES.resolve() not in path.parents or not path.is_file():
        abort(404)
    response = Response(path.read_bytes(), mimetype="text/javascript")
    response.headers["Content-Type"] = "text/javascript; charset=utf-8"
    if version == modules_version() and not current_app.debug:
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_S}, immutable"
    else:  # an old page asking after a deploy: today's file, not cached under the old name
        response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


def _split(path: Path) -> tuple[list[tuple[list[str], Path]], str]:
    """A module's imports (names, resolved path) and its body without them."""
    source = path.read_text(encoding="utf-8")
    imports = []
    for match in IMPORT.finditer(source):
        names = [n.strip() for n in match.group(1).split(",") if n.strip()]
        if any(not re.fullmatch(r"[A-Za-z_$][\w$]*", n) for n in names):
            raise ModuleSyntaxError(f"{path.name}: only plain names may be imported: {match.group(0)}")
        target = Path(posixpath.normpath((path.parent / match.group(2)).as_posix()))
        imports.append((names, target))
    body = EXPORT.sub(lambda m: m.group(0)[len("export "):], IMPORT.sub("", source))
    unconverted = ANY_MODULE_SYNTAX.search(body)
    if unconverted:
        line = body[unconverted.start():].splitlines()[0].strip()
        raise ModuleSyntaxError(f"{path.name}: the assembler does not convert {line!r}")
    return imports, body


def _scope_name(path: Path) -> str:
    rel = path.relative_to(STATIC).with_suffix("").as_posix()
    return "__m_" + re.sub(r"\W", "_", rel)


def assemble(entry: Path) -> str:
    """The entry module and every module it imports, as one classic script (one closure)."""
    order: list[Path] = []

    def visit(path: Path, trail: tuple[Path, ...]) -> None:
        if path in trail:
            raise ModuleSyntaxError(f"import circle: {' -> '.join(p.name for p in (*trail, path))}")
        if path in order:
            return
        for _, target in _split(path)[0]:
            visit(target, (*trail, path))
        order.append(path)

    visit(entry, ())
    head = re.match(r"\s*(/\*!.*?\*/)\s*", entry.read_text(encoding="utf-8"), re.S)
    parts = [head.group(1)] if head else []
    parts.append('(function () {\n"use strict";')
    for path in order:
        imports, body = _split(path)
        bindings = "".join(f"var {name} = {_scope_name(target)}.{name};\n"
                           for names, target in imports for name in names)
        if path == entry:
            if head:
                body = body.replace(head.group(1), "", 1)
            parts.append(bindings + body.strip())
            continue
        exports = EXPORT.findall(path.read_text(encoding="utf-8"))
        returned = ", ".join(f"{name}: {name}" for name in exports)
        parts.append(f"var {_scope_name(path)} = (function () {{\n{bindings}{body.strip()}\n"
                     f"return {{ {returned} }};\n}})();")
    parts.append("})();")
    return "\n".join(parts) + "\n"
