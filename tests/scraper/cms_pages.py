"""Article pages written for the tests, in the five CMS families department sites run on
(DotNetNuke / ASP.NET WebForms, Drupal, Liferay, WordPress, hand-made HTML), each with the
traps of issue 13's failure classes, and small mocked sites (a listing and five articles)."""
from __future__ import annotations

import html as htmlmod
import re

FAMILIES = ("dnn", "drupal", "liferay", "wordpress", "handmade")

TITLE = "Sở Tài nguyên và Môi trường tổ chức hội nghị tổng kết công tác năm 2024"
PARAS = [
    "Sáng ngày 20/5/2024, Sở Tài nguyên và Môi trường tỉnh tổ chức hội nghị tổng kết công tác "
    "năm 2024 và triển khai nhiệm vụ năm 2025, với sự tham dự của lãnh đạo các phòng, đơn vị.",
    "Năm 2024, Sở đã hoàn thành tốt các nhiệm vụ được giao, trong đó công tác quản lý đất đai, "
    "tài nguyên nước và bảo vệ môi trường có nhiều chuyển biến tích cực, được nhân dân đồng tình.",
    "Phát biểu chỉ đạo, đồng chí Giám đốc Sở đề nghị các đơn vị tiếp tục đẩy mạnh cải cách hành "
    "chính, chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh nghiệp trong năm tới.",
    "Hội nghị cũng đã khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong năm qua.",
]
CAPTION = "Đồng chí Giám đốc Sở phát biểu tại hội nghị"
AUTHOR = "Hoàng Thu Hà"
DATE = "2024-05-20"
SIDEBAR = ["Các tin khác", "Quyết định số 1234/QĐ-UBND ngày 02/01/2023 về kế hoạch năm",
           "Thông báo lịch tiếp công dân tháng 01/2023 của Sở Tài nguyên"]


def entities(text: str) -> str:
    """Every non-ASCII character as a numeric entity, decimal and hex in turn (old ASP.NET)."""
    out = []
    for n, ch in enumerate(text):
        out.append(ch if ord(ch) < 128 else (f"&#{ord(ch)};" if n % 2 else f"&#x{ord(ch):X};"))
    return "".join(out)


def _esc(text: str) -> str:
    return htmlmod.escape(text, quote=False)


def caption_block(style: str) -> str:
    """An image with its caption, in one of the ways pages write it (failure class 6)."""
    img = '<img src="/anh/hoinghi.jpg" alt="">'
    if style == "table":
        return f'<table><tr><td>{img}</td></tr><tr><td>{_esc(CAPTION)}</td></tr></table>'
    if style == "em":
        return f'<p>{img}<br><em>{_esc(CAPTION)}</em></p>'
    if style == "centred":
        return f'<p>{img}</p><p style="text-align: center">Ảnh: {_esc(CAPTION)}</p>'
    return f'<p>{img}</p><p class="image_caption">{_esc(CAPTION)}</p>'


def byline(style: str) -> str:
    """The author, in one of the ways pages write it (failure class 5)."""
    return {"bold": f'<p style="text-align: right"><strong>{_esc(AUTHOR)}</strong></p>',
            "tin-anh": f"<p>Tin, ảnh: {_esc(AUTHOR)}</p>",
            "nguon": f"<p>Nguồn: {_esc(AUTHOR)}</p>"}.get(style, "")


def sidebar(today: str = "Thứ Hai, 02/01/2023") -> str:
    """A "Các tin khác" box with its own dates and headings (classes 3 and 4)."""
    items = "".join(f'<li><a href="/tin/{n}.html">{_esc(t)}</a> <span class="date">02/01/2023</span></li>'
                    for n, t in enumerate(SIDEBAR[1:]))
    return (f'<div class="box-right"><h2 class="box-title">{_esc(SIDEBAR[0])}</h2><ul>{items}</ul>'
            f'<div class="today">{today}</div></div>')


def article_page(family: str, *, date_line: str = "Ngày đăng: 20/05/2024 | 09:15",
                 caption: str = "em", author: str = "bold", paragraphs: list[str] | None = None,
                 banner: bool = True, meta_date: str | None = None, date_after: bool = False,
                 updated: str = "Cập nhật lúc 08:30 ngày 22/5/2024", title: str = TITLE) -> str:
    """One article page of a family with every trap of the issue at once."""
    paras = PARAS if paragraphs is None else paragraphs
    body_paras = "".join(f"<p>{_esc(p)}</p>" for p in paras[:2]) + caption_block(caption) + \
        "".join(f"<p>{_esc(p)}</p>" for p in paras[2:]) + byline(author)
    date_html = f'<span class="ngay">{_esc(date_line)}</span>' if date_line and not date_after else ""
    after = f'<p class="ngay-dang">{_esc(date_line)}</p>' if date_after else ""
    upd = f'<div class="capnhat">{_esc(updated)}</div>' if updated else ""
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    head = f"<head><meta charset='utf-8'><title>Trang chủ &gt; Tin tức &gt; Sở TN&amp;MT</title>{meta}</head>"
    top = '<div class="top-bar"><span class="date">Thứ Hai, 02/01/2023</span></div>'
    if family == "dnn":
        br_paras = "<br>".join(_esc(p) for p in paras[:2]) + "<br>" + caption_block(caption) + \
            "<br>".join(_esc(p) for p in paras[2:]) + "<br>" + byline(author)
        banner_html = '<span id="dnn_ctr380_HtmlModule_lblContent"><img src="/banner.jpg"></span>' if banner else ""
        inner = (f'<span id="dnn_ctr412_ViewNews_lblTitle" class="title">{_esc(title)}</span><br>'
                 f'<span id="dnn_ctr412_ViewNews_lblDate">{_esc(date_line) if not date_after else ""}</span>{upd}'
                 f'<span id="dnn_ctr412_ViewNews_lblContent">{br_paras}</span>{after}')
        nest = inner
        for _ in range(5):
            nest = f'<table width="100%"><tr><td>{nest}</td></tr></table>'
        page = (f"<html>{head}<body><form id='Form' method='post' action='/Default.aspx'>{top}"
                f"<table><tr><td>{banner_html}</td></tr><tr><td width='70%'>{nest}</td>"
                f"<td>{sidebar()}</td></tr></table></form></body></html>")
        return entities(page)
    if family == "drupal":
        banner_html = '<div class="block"><div class="field--name-body"><p><img src="/b.jpg"></p></div></div>' if banner else ""
        return (f"<html>{head}<body>{top}{banner_html}<main><h1 class='page-title'>{_esc(title)}</h1>"
                f"<article class='node node--type-article'><div class='node__submitted'>{date_html}</div>{upd}"
                f"<div class='field--name-body'>{body_paras}</div>{after}</article></main>"
                f"<aside>{sidebar()}</aside></body></html>")
    if family == "liferay":
        banner_html = ('<div class="portlet-journal-content"><div class="journal-content-article">'
                       '<img src="/b.jpg"></div></div>') if banner else ""
        return (f"<html>{head}<body>{top}{banner_html}<div class='portlet-journal-content'>"
                f"<div class='journal-content-article'><h1>{_esc(title)}</h1>{date_html}{upd}"
                f"<div class='noidung'>{body_paras}</div>{after}</div></div>{sidebar()}</body></html>")
    if family == "wordpress":
        banner_html = '<div class="widget"><div class="entry-content"><img src="/b.jpg"></div></div>' if banner else ""
        return (f"<html>{head}<body>{top}{banner_html}<article class='post'><header class='entry-header'>"
                f"<h1 class='entry-title'>{_esc(title)}</h1><div class='entry-meta'>{date_html}</div></header>{upd}"
                f"<div class='entry-content'>{body_paras}</div>{after}</article>{sidebar()}</body></html>")
    # hand-made: tables and divs with no telling class names
    return (f"<html>{head}<body>{top}<table width='100%'><tr><td>{sidebar()}</td><td>"
            f"<div class='k1'><div class='tieude'>{_esc(title)}</div>{date_html}{upd}"
            f"<div class='k2'>{body_paras}</div>{after}</div></td></tr></table>"
            f"<div class='foot'>Bản quyền thuộc Sở Tài nguyên và Môi trường tỉnh</div></body></html>")


def text_of(page: str) -> str:
    return htmlmod.unescape(re.sub(r"<[^>]+>", " ", page))
