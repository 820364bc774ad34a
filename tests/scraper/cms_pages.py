"""Article pages written for the tests, in the five CMS families department sites run on
(DotNetNuke / ASP.NET WebForms, Drupal, Liferay, WordPress, hand-made HTML), each with the
traps of issue 13's failure classes, and small mocked sites (a listing and five articles)."""
from __future__ import annotations

import html as htmlmod
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

from scraper.errors import PageNotFoundError

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


# --- small mocked sites: a listing and five articles of one template each ------------------

SITE_ARTICLES = [
    ("Tỉnh triển khai kế hoạch chuyển đổi số năm 2024 trong các cơ quan nhà nước",
     "12/03/2024 08:15", "Nguyễn Văn An",
     ["Ngày 12/3, Sở Thông tin và Truyền thông tổ chức hội nghị triển khai kế hoạch chuyển đổi số.",
      "Theo kế hoạch, đến cuối năm 2024, toàn bộ hồ sơ công việc được xử lý trên môi trường mạng.",
      "Các đơn vị được đề nghị bố trí đủ nguồn lực để hoàn thành các chỉ tiêu đã đề ra."]),
    ("Hướng dẫn người dân đăng ký biến động đất đai qua dịch vụ công trực tuyến",
     "05/04/2024 14:30", "Trần Thị Bình",
     ["Từ tháng 4, người dân có thể nộp hồ sơ đăng ký biến động đất đai qua cổng dịch vụ công.",
      "Hồ sơ được tiếp nhận và trả kết quả trong thời hạn quy định, không phải đến trực tiếp.",
      "Mọi vướng mắc xin liên hệ bộ phận một cửa của Sở để được hướng dẫn chi tiết."]),
    ("Kiểm tra công tác bảo vệ môi trường tại các khu công nghiệp trên địa bàn",
     "22/04/2024 09:00", "Lê Minh Châu",
     ["Đoàn kiểm tra liên ngành đã làm việc tại ba khu công nghiệp trong hai ngày 20 và 21/4.",
      "Qua kiểm tra, phần lớn doanh nghiệp chấp hành tốt quy định về xử lý nước thải.",
      "Đoàn đề nghị các doanh nghiệp còn tồn tại khắc phục trước ngày 30/6/2024."]),
    ("Tổ chức Ngày Nước thế giới với nhiều hoạt động thiết thực tại các huyện",
     "10/05/2024 16:45", "Phạm Quốc Dũng",
     ["Hưởng ứng Ngày Nước thế giới, Sở phối hợp với các huyện tổ chức chuỗi hoạt động tuyên truyền.",
      "Hàng nghìn đoàn viên, thanh niên tham gia dọn vệ sinh kênh mương, trồng cây xanh.",
      "Các hoạt động góp phần nâng cao ý thức sử dụng nước tiết kiệm của người dân."]),
    ("Công bố quy hoạch tài nguyên nước của tỉnh giai đoạn 2021 đến 2030",
     "28/05/2024 10:20", "Hoàng Thu Hà",
     ["Sáng 28/5, Ủy ban nhân dân tỉnh tổ chức hội nghị công bố quy hoạch tài nguyên nước.",
      "Quy hoạch xác định các nguồn nước cần bảo vệ và phân bổ nước cho từng vùng, từng ngành.",
      "Lãnh đạo tỉnh yêu cầu các sở, ngành công khai rộng rãi quy hoạch để người dân biết."]),
]
CHROME = ["Văn bản mới: Quyết định số 1234/QĐ-UBND về kế hoạch cải cách hành chính",
          "Chia sẻ bài viết này qua mạng xã hội", "Bản quyền thuộc Sở Tài nguyên và Môi trường tỉnh"]


def truth_of(n: int) -> dict:
    title, when, author, paras = SITE_ARTICLES[n]
    day, month, rest = when.split("/")
    return {"title": title, "date": f"{rest[:4]}-{month}-{day}", "author": author,
            "first": paras[0], "last": paras[-1], "without": CHROME}


def _site_article(family: str, n: int) -> str:
    title, when, author, paras = SITE_ARTICLES[n]
    body = "".join(f"<p>{_esc(p)}</p>" for p in paras)
    head = f"<head><meta charset='utf-8'><title>Cổng thông tin - {_esc(title)}</title></head>"
    if family == "dnn":
        page = (f"<html>{head}<body><form id='Form' action='/Default.aspx'><table><tr><td>"
                f"<div class='menu'><a href='/'>Trang chủ</a></div></td></tr><tr><td>"
                f"<table><tr><td><span id='dnn_ctr501_NewsDetail_lblTieuDe' class='tieude'>{_esc(title)}</span>"
                f"<div><span id='dnn_ctr501_NewsDetail_lblNgay'>Ngày đăng: {_esc(when)}</span></div>"
                f"<div id='dnn_ctr501_NewsDetail_pnlNoiDung' class='noidung'>{body}"
                f"<p class='share'>{_esc(CHROME[1])}</p></div>"
                f"<div id='dnn_ctr501_NewsDetail_pnlTacGia' class='tacgia'><b>{_esc(author)}</b></div>"
                f"</td><td><div class='vanbanmoi'><a href='/vb/1.aspx'>{_esc(CHROME[0])}</a></div></td></tr></table>"
                f"</td></tr></table><div class='ft'>{_esc(CHROME[2])}</div></form></body></html>")
        return entities(page)
    # a Joomla-style department theme
    return (f"<html>{head}<body><div id='header'><div class='logo'>Sở Tài nguyên</div></div>"
            f"<div id='main'><div class='item-page'><h2 itemprop='headline'>{_esc(title)}</h2>"
            f"<dl class='article-info'><dd class='published'>Đăng ngày {_esc(when)}</dd>"
            f"<dd class='createdby'>Viết bởi: {_esc(author)}</dd></dl>"
            f"<div itemprop='articleBody' class='articleBody'>{body}</div>"
            f"<div class='social'>{_esc(CHROME[1])}</div></div>"
            f"<div class='moduletable'><h3>Văn bản mới</h3><ul><li><a href='/vb/1.html'>{_esc(CHROME[0])}</a></li></ul></div>"
            f"</div><div id='footer'>{_esc(CHROME[2])}</div></body></html>")


MOCK_FAMILIES = ("dnn", "joomla")


def mock_site(family: str) -> dict[str, bytes]:
    """path -> page of a small site: /tin-tuc/ lists five articles /tin-tuc/bai-N.html."""
    links = "".join(f"<h3><a href='/tin-tuc/bai-{n}.html'>{_esc(a[0])}</a></h3>"
                    for n, a in enumerate(SITE_ARTICLES))
    pages = {"/tin-tuc/": f"<html><head><meta charset='utf-8'><title>Tin tức</title></head>"
                          f"<body><div class='list'>{links}</div></body></html>".encode()}
    for n in range(len(SITE_ARTICLES)):
        pages[f"/tin-tuc/bai-{n}.html"] = _site_article(family, n).encode()
    return pages


class SiteFetcher:
    """The fetcher's face (fetch -> body, url, charset) over a dict of pages."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages

    def fetch(self, url: str, **_):
        path = urlsplit(url).path
        if path not in self.pages:
            raise PageNotFoundError(url)
        return SimpleNamespace(body=self.pages[path], url=url, charset=None)
