"""A copy of the sample site with one article whose text is hostile: markup and script
written as text (entities), real script tags, javascript: links, attribute-breaking quotes."""
from __future__ import annotations

import shutil
from pathlib import Path

from samples.serve import SITE_DIR

SLUG = "ra-quan-huong-ung-chien-dich-lam-cho-the-gioi-sach-hon-nam-2023"
TITLE_TEXT = 'Tin <script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=2"> thử'
CAPTION_TEXT = '"><img src=x onerror=window.__pwned=4> Ảnh \'chú thích\''
AUTHOR_TEXT = 'O\'Brien "onmouseover="window.__pwned=5'
BODY_TEXT = "Đoạn có <b onclick=window.__pwned=7>chữ đậm giả</b> và </p><script>window.__pwned=8</script>."


def _entities(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def build_hostile_site(target: Path) -> str:
    """Copy the sample site to `target` and poison one article; returns its path."""
    shutil.copytree(SITE_DIR, target)
    page = target / "tin-tuc" / f"{SLUG}.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        "<h1 class=\"news-title\">Ra quân hưởng ứng Chiến dịch Làm cho thế giới sạch hơn năm 2023</h1>",
        f"<h1 class=\"news-title\">{_entities(TITLE_TEXT)}</h1>")
    html = html.replace(
        "<td class=\"caption\">Công nhân Công ty TNHH Giày da Lạng Sơn thu gom rác thải tại KCN Đồng Bành</td>",
        f"<td class=\"caption\">{_entities(CAPTION_TEXT)}</td>")
    html = html.replace("<strong>Tác giả: Chi cục Bảo vệ môi trường</strong>",
                        f"<strong>Tác giả: {_entities(AUTHOR_TEXT)}</strong>")
    html = html.replace(
        "<p style=\"text-align:right\">",
        f"<p>{_entities(BODY_TEXT)}</p><script>window.__pwned=9</script>"
        "<p><a href=\"javascript:window.__pwned=10\">Liên kết độc hại</a> trong bài.</p>"
        "<p style=\"text-align:right\">", 1)
    html = html.replace(
        "<div class=\"posted-by\">",
        "<div class=\"news-attachments\"><a href=\"javascript:window.__pwned=6\">"
        "Tải về: tệp đính kèm.pdf</a></div><div class=\"posted-by\">", 1)
    page.write_text(html, encoding="utf-8")
    return f"tin-tuc/{SLUG}.html"
