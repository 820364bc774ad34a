"""What is never read aloud, wherever it sits: share widgets, related-article boxes, tickers,
toolbars, comment sections; and the lines that give them away ("Tin liên quan", "Đăng bởi")."""
from __future__ import annotations

import re

from scraper.content import Para

# Class/id words of boxes that are not the article (matched word by word: "box-related-news").
JUNK_WORDS = frozenset({
    "related", "relate", "relates", "lienquan", "tinlienquan", "tinkhac", "samecategory",
    "share", "sharing", "social", "socials", "sharebox", "comment", "comments", "binhluan",
    "toolbar", "tools", "tool", "print", "advert", "advertisement", "ads", "adv", "banner",
    "ticker", "marquee", "breadcrumb", "breadcrumbs", "rating", "poll", "newsletter",
    "sidebar", "footer", "menu", "nav", "navbar", "tags", "tag", "keywords", "postedby",
    "author-box", "readmore", "xemthem", "subscribe", "fb", "facebook", "zalo", "audio",
    "player", "bookmark", "follow", "hotline", "popup", "modal", "cookie",
})
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_KEEP_WORDS = frozenset({"content", "body", "detail", "article", "main", "entry", "post-content"})
RELATED_HEADINGS = re.compile(
    r"^(tin|bài|bài viết|các tin|các bài|tin tức|xem|đọc)\s*(liên quan|khác|cùng chuyên mục|"
    r"cùng chủ đề|cùng loại|thêm|đã đưa|đã đăng|mới)\b.*$|^(tham khảo thêm|xem thêm|đọc thêm|"
    r"các bài đã đăng|theo dòng sự kiện|tin mới|tin nổi bật|có thể bạn quan tâm|bạn có thể quan tâm|"
    r"chủ đề|từ khóa|tags?)\s*[:：]?.*$", re.I)
JUNK_LINES = re.compile(
    r"^(đăng bởi|người đăng|lượt xem|số lượt xem|lượt đọc|chia sẻ|in bài|gửi bài|bình luận|"
    r"copy link|sao chép liên kết|theo dõi|quay lại|trở lại|về đầu trang|lên đầu trang|"
    r"bản in|print|share|tweet|like)\b.{0,60}$|^\s*(>>|»)", re.I)


def junk_box(el) -> bool:
    """Does this element's class or id name a box that is not the article?"""
    names = " ".join(filter(None, (el.get("class"), el.get("id")))).lower()
    if not names:
        return False
    words = set(_WORD_SPLIT.split(names))
    return bool(words & JUNK_WORDS) and not (words & _KEEP_WORDS and len(words) <= 2)


def drop_junk_boxes(root) -> None:
    """Remove share/related/comment/toolbar boxes under root (root itself is kept)."""
    doomed = [el for el in root.iterdescendants() if isinstance(el.tag, str) and junk_box(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def drop_junk_lines(paragraphs: list[Para]) -> list[Para]:
    """Drop toolbar/counter lines and "Tin liên quan" lists (the heading and the links after it)."""
    kept: list[Para] = []
    in_related = False
    for para in paragraphs:
        text = para.text
        if len(text) <= 80 and RELATED_HEADINGS.match(text):
            in_related = True
            continue
        if in_related and (para.linked or len(text) <= 120 and not text.endswith(".")):
            continue
        in_related = False
        if len(text) <= 80 and JUNK_LINES.match(text):
            continue
        kept.append(para)
    while kept and kept[-1].linked:  # a trailing run of links is a related list
        kept.pop()
    return kept
