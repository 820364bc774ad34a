"""The generator is deterministic and the committed site is what it makes."""
from __future__ import annotations

import json

from samples.build_site import build, split_sentences
from samples.documents import DOCUMENTS_DIR
from samples.serve import SITE_DIR
from tests.sample.conftest import TRUTH_DIR, load_truths


def files_under(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_rebuild_gives_the_committed_bytes(tmp_path):
    build(tmp_path / "site", tmp_path / "truth")
    built_site, committed_site = files_under(tmp_path / "site"), files_under(SITE_DIR)
    assert sorted(built_site) == sorted(committed_site)
    stale = [name for name in built_site if built_site[name] != committed_site[name]]
    assert not stale, f"run `python -m samples.build_site`: {stale}"
    assert files_under(tmp_path / "truth") == files_under(TRUTH_DIR)


def test_media_is_tiny():
    """Photos and the one-page PDF stay tiny; the attached documents (a two-page scan, a
    DOCX with Word's styles) are realistic but still small."""
    documents = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in DOCUMENTS_DIR.glob("*.json")}
    assert documents
    for path in list((SITE_DIR / "images").rglob("*")) + list((SITE_DIR / "files").rglob("*")):
        if path.is_file():
            limit = 100_000 if path.name in documents else 16_000
            assert path.stat().st_size < limit, path


def test_every_truth_forbids_the_page_chrome():
    for truth in load_truths():
        for leak in ("Đăng bởi: quantri", "Tin liên quan", "Chế độ ban đêm", "Xuất PDF",
                     "Nhiệt liệt chào mừng Năm đoàn kết hữu nghị Việt Nam - Lào",
                     "Bản quyền thuộc Sở Tài nguyên và Môi trường tỉnh Lạng Sơn", "Văn bản mới"):
            assert leak in truth["without"], (truth["url"], leak)


def test_truth_sentences_keep_abbreviations_whole():
    assert split_sentences("Trạm đặt tại TP. Lạng Sơn. Báo cáo viên là ThS. Lê Thị Hoa.") == \
        ["Trạm đặt tại TP. Lạng Sơn.", "Báo cáo viên là ThS. Lê Thị Hoa."]
    assert split_sentences("Đạt 98,63%. Tăng 1,35 lần!") == ["Đạt 98,63%.", "Tăng 1,35 lần!"]
