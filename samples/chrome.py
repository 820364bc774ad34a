"""The parts of every page that are not the article: banner, header, ticker, toolbar,
sidebar, footer. Data first (these strings also feed the truth files' "without" lists)."""
from __future__ import annotations

from html import escape

SITE_NAME = "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"
BANNER = ("TRANG MẪU — bản mô phỏng trang tin của Sở Tài nguyên và Môi trường, dùng để chạy thử "
          "dịch vụ Đọc nội dung khi không kết nối được trang thật.")
SKIP_LINK = "Skip to main content"  # the seed page's skip link is in English
TICKER = ("Sở Tài nguyên và Môi trường đẩy mạnh công tác chuyển đổi số trên tất cả các lĩnh vực; "
          "đẩy mạnh dịch vụ công trực tuyến mức độ 3, mức độ 4 ”. Nhiệt liệt chào mừng Năm đoàn "
          "kết hữu nghị Việt Nam - Lào, Lào - Việt Nam 2022!")
TOOLS = ["Chế độ ban đêm", "In trang", "Xuất PDF", "Đọc nội dung"]
FONT_TOOLS = ["-A", "A", "+A"]
MENU = [
    ("Trang chủ", "/"),
    ("Giới thiệu", "/gioi-thieu.html"),
    ("Tin tức - Sự kiện", "/"),
    ("Văn bản pháp quy", "/van-ban.html"),
    ("Thủ tục hành chính", "/thu-tuc-hanh-chinh.html"),
    ("Dịch vụ công trực tuyến", "https://dichvucong.langson.gov.vn/"),
    ("Hỏi đáp", "/hoi-dap.html"),
    ("Liên hệ", "/lien-he.html"),
]
SUBMENU = ["Tin hoạt động", "Tin trong tỉnh", "Tin Trung ương", "Thông báo"]
SIDEBAR_LINKS = [
    ("Cổng Dịch vụ công tỉnh Lạng Sơn", "https://dichvucong.langson.gov.vn/"),
    ("Hệ thống quản lý văn bản và điều hành", "/van-ban.html"),
    ("Lịch công tác tuần của Lãnh đạo Sở", "/lich-cong-tac.html"),
    ("Tra cứu hồ sơ đất đai", "/tra-cuu.html"),
]
NOTICES = [
    "Thông báo lịch tiếp công dân định kỳ của Giám đốc Sở quý IV/2026",
    "Thông báo tuyển dụng viên chức Trung tâm Công nghệ thông tin năm 2026",
    "Thông báo kết quả lựa chọn tổ chức đấu giá quyền khai thác khoáng sản",
]
NEW_DOCUMENTS = [
    "Quyết định số 2150/QĐ-STNMT về việc ban hành Quy chế làm việc",
    "Kế hoạch số 118/KH-STNMT về cải cách hành chính năm 2026",
    "Công văn số 3365/STNMT-QLĐĐ hướng dẫn cập nhật biến động đất đai",
]
FOOTER_LINES = [
    "Cơ quan chủ quản: Sở Tài nguyên và Môi trường tỉnh Lạng Sơn",
    "Địa chỉ: Số 30, đường Hùng Vương, phường Chi Lăng, thành phố Lạng Sơn, tỉnh Lạng Sơn",
    "Điện thoại: 0205.3812.268 - Fax: 0205.3812.269",
    "Bản quyền thuộc Sở Tài nguyên và Môi trường tỉnh Lạng Sơn",
]
FOOTER_EMAIL = "stnmt@langson.gov.vn"
POSTED_BY = "Đăng bởi: quantri"
RELATED_HEADING = "Tin liên quan"
ATTACHMENTS_HEADING = "Tệp đính kèm:"

# Strings from the page chrome that must never reach the narration of any article.
CHROME_WITHOUT = [
    BANNER, "TRANG MẪU", "Sở Tài nguyên và Môi trường đẩy mạnh công tác chuyển đổi số trên tất cả các lĩnh vực",
    "Nhiệt liệt chào mừng Năm đoàn kết hữu nghị Việt Nam - Lào",
    *TOOLS, "-A A +A", "+A", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản pháp quy", "Hỏi đáp",
    "Liên hệ", "Tin Trung ương", "Cổng Dịch vụ công tỉnh Lạng Sơn",
    "Lịch công tác tuần của Lãnh đạo Sở", *NOTICES, "Văn bản mới", *NEW_DOCUMENTS,
    *FOOTER_LINES, FOOTER_EMAIL, POSTED_BY, RELATED_HEADING, "Lượt xem", "Ngày đăng",
    "Trang chủ", "Tin trong tỉnh", "Tin hoạt động", "Dịch vụ công trực tuyến", SKIP_LINK, "Tìm kiếm",
    "UBND TỈNH LẠNG SƠN", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
]


def render_head(title: str, extra: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(title)}</title>\n{extra}'
            f'<link rel="stylesheet" href="/static/site.css">\n</head>\n')


def render_top(active_sub: str | None = None) -> str:
    """Banner, skip link, header with menus, ticker."""
    menu = "\n".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for label, href in MENU)
    active = ' class="active"'
    sub = "\n".join(f'<li{active if s == active_sub else ""}><a href="/">{escape(s)}</a></li>'
                    for s in SUBMENU)
    return f"""<body>
<div class="sample-banner" role="note">{escape(BANNER)}</div>
<a class="skip-link" href="#main-content">{SKIP_LINK}</a>
<header id="header">
<div class="brand"><a href="/"><img src="/images/logo.png" alt="" width="64" height="64">
<span class="brand-top">UBND TỈNH LẠNG SƠN</span>
<span class="brand-name">SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG</span></a></div>
<nav id="main-menu" aria-label="Menu chính">
<ul class="menu">
{menu}
</ul>
<ul class="submenu">
{sub}
</ul>
</nav>
<div class="search"><form action="/tim-kiem.html" role="search"><label for="q">Tìm kiếm</label>
<input id="q" name="q" type="search"><button type="submit">Tìm</button></form></div>
</header>
<div class="ticker"><marquee behavior="scroll" direction="left" scrollamount="4"> {escape(TICKER)}</marquee></div>
"""


def render_tools() -> str:
    buttons = "\n".join(f'<button type="button" class="tool-{i}">{escape(t)}</button>'
                        for i, t in enumerate(TOOLS))
    sizes = "\n".join(f'<a href="#" class="font-size" role="button">{escape(t)}</a>' for t in FONT_TOOLS)
    return f"""<div class="article-tools">
{buttons}
<span class="font-sizes">
{sizes}
</span>
</div>
"""


def render_sidebar() -> str:
    links = "\n".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for t, h in SIDEBAR_LINKS)
    notices = "\n".join(f'<li><a href="/thong-bao.html">{escape(t)}</a></li>' for t in NOTICES)
    docs = "\n".join(f'<li><a href="/van-ban.html">{escape(t)}</a></li>' for t in NEW_DOCUMENTS)
    return f"""<aside class="sidebar">
<section class="box-links"><h2>Liên kết</h2><ul>
{links}
</ul></section>
<section class="box-notices"><h2>Thông báo</h2><ul>
{notices}
</ul></section>
<section class="box-documents"><h2>Văn bản mới</h2><ul>
{docs}
</ul></section>
</aside>
"""


def render_footer() -> str:
    lines = "\n".join(f"<p>{escape(line)}</p>" for line in FOOTER_LINES)
    return f"""<footer id="footer">
{lines}
<p>Email: <a href="mailto:{FOOTER_EMAIL}">{FOOTER_EMAIL}</a></p>
<p class="sample-note">{escape(BANNER)}</p>
</footer>
</body>
</html>
"""
