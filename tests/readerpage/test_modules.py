"""The browser's ES modules: served under one version for the whole graph, each file small,
one copy of each shared job, and the embed widget assembled from the same modules."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from web.scripts import MODULES, ModuleSyntaxError, assemble, modules_version

ROOT = Path(__file__).resolve().parents[2]
IMPORTS = re.compile(r'^import \{[^}]*\} from "([^"]+)";', re.M)
ALL_JS = sorted((ROOT / "static").rglob("*.js"))
# The listeners' scripts (reader page, home page, embed widget); the editor's page posts
# forms with its own requests and is not a player.
PLAYER_JS = [p for p in ALL_JS if p.name != "editor.js"]


def _module_graph(client, url: str, seen: dict) -> None:
    """Fetch a module and, through its relative imports, every module it needs."""
    if url in seen:
        return
    response = client.get(url)
    assert response.status_code == 200, url
    seen[url] = response
    base = url.rsplit("/", 1)[0]
    for spec in IMPORTS.findall(response.get_data(as_text=True)):
        parts = (base + "/" + spec).split("/")
        resolved: list[str] = []
        for part in parts:
            if part == "..":
                resolved.pop()
            elif part != ".":
                resolved.append(part)
        _module_graph(client, "/".join(resolved), seen)


@pytest.mark.parametrize("page, entry", [("/read", "reader/main.js"), ("/", "home.js")])
def test_pages_load_their_modules_under_one_version(client, article_url, page, entry):
    query = {"url": article_url} if page == "/read" else {}
    html = client.get(page, query_string=query).get_data(as_text=True)
    version = modules_version()
    src = f"/js/{version}/{entry}"
    assert f'<script type="module" src="{src}">' in html
    seen: dict = {}
    _module_graph(client, src, seen)
    assert len(seen) >= (7 if entry.startswith("reader") else 3)
    for url, response in seen.items():
        assert url.startswith(f"/js/{version}/"), url  # imports stay under the same version
        assert response.headers["Content-Type"] == "text/javascript; charset=utf-8"
        assert "immutable" in response.headers["Cache-Control"]
    assert any(url.endswith("/shared/narration.js") for url in seen)
    # Every module is announced up front, so the browser fetches them at once.
    preloads = set(re.findall(r'<link rel="modulepreload" href="([^"]+)">', html))
    assert preloads == set(seen) - {src}


def test_old_versions_and_strange_paths(client):
    stale = client.get("/js/000000000000/reader/main.js")
    assert stale.status_code == 200 and stale.headers["Cache-Control"] == "no-cache"
    for bad in ("/js/x/../../app.py", "/js/x/%2e%2e/%2e%2e/app.py", "/js/x/nothing.js",
                "/js/x/shared", "/js/x/../css/base.css"):
        assert client.get(bad).status_code == 404, bad


def test_every_script_is_small():
    long = {p.relative_to(ROOT).as_posix(): n for p in ALL_JS
            if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400}
    assert long == {}


@pytest.mark.parametrize("needle, home", [
    ("fetch(", "static/js/shared/net.js"),                 # fetch with a timeout
    ("setTimeout(ask", "static/js/shared/narration.js"),   # narration polling
    ("0.75, 1, 1.25", "static/js/shared/format.js"),       # the speed list
    ('" giây"', "static/js/shared/format.js"),             # times spoken
    ('":" +', "static/js/shared/format.js"),               # times shown
])
def test_each_shared_job_has_one_home(needle, home):
    holders = [p.relative_to(ROOT).as_posix() for p in PLAYER_JS
               if needle in p.read_text(encoding="utf-8")]
    assert holders == [home]


def test_the_embed_is_one_classic_script_built_from_the_shared_modules(tmp_path):
    source = assemble(ROOT / "static" / "embed" / "embed.js")
    assert not re.search(r"^\s*(import|export)\b", source, re.M)
    for name in ("net", "narration", "format"):
        assert source.count(f"var __m_js_shared_{name} = (function () {{") == 1
        assert (MODULES / "shared" / f"{name}.js").read_text(encoding="utf-8").splitlines()[0] in source
    node = shutil.which("node")
    assert node, "node is needed for the tests (make test installs it)"
    built = tmp_path / "embed.js"
    built.write_text(source, encoding="utf-8")
    checked = subprocess.run([node, "--check", str(built)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("module_text, complaint", [
    ("export default function f() {}\n", "export default"),
    ('import f from "./b.js";\n', "import f"),
    ('export { f };\nfunction f() {}\n', "export {"),
    ('import { f as g } from "./b.js";\n', "plain names"),
    ('import { f } from "./b.js";\n', "import circle"),
])
def test_the_assembler_refuses_what_it_does_not_convert(tmp_path, module_text, complaint):
    (tmp_path / "a.js").write_text(module_text)
    (tmp_path / "b.js").write_text('import { g } from "./a.js";\nexport function f() {}\n')
    (tmp_path / "entry.js").write_text('import { f } from "./a.js";\nf();\n')
    with pytest.raises(ModuleSyntaxError, match=re.escape(complaint)):
        assemble(tmp_path / "entry.js")
