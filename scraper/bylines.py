"""The Vietnamese metadata layer every extraction path shares: bylines ("Tác giả: …", a
bold or right-aligned name at the end), date lines, leads without the outlet's tag, values of
<meta> and <time> elements."""
from __future__ import annotations

import re

from scraper.content import Para, clean_text, element_text
from scraper.dates import parse_date
from scraper.metadata import plausible_author

AUTHOR_PREFIX = re.compile(
    r"^\s*(tác giả|bài(?: và|,)? ảnh|bài|tin|tin(?: và|,)? ảnh|pv|phóng viên|nhóm pv|ctv|người viết|viết bởi|thực hiện|"
    r"nguồn)\s*[:：]\s*", re.I)
BYLINE = re.compile(r"^(tác giả|theo|nguồn|pv|nhóm pv|bài(?: và|,)? ảnh|ctv|phóng viên)\b", re.I)
SOURCE_TAG = re.compile(r"^\s*[\(\[][^)\]]{2,30}[\)\]]\s*[-–—:]+\s*")
RELATED_MARK = re.compile(r"\s*(?:>>|»)\s*")


def value_text(el) -> str:
    """An element's text; for <meta> its content, for <time> its datetime."""
    if el.tag == "meta":
        return clean_text(el.get("content") or "")
    if el.tag == "time" and el.get("datetime"):
        return clean_text(el.get("datetime") + " " + element_text(el))
    return element_text(el)


def clean_lead(text: str) -> str:
    """"(Dân trí) - Giá vàng …" → "Giá vàng …": the outlet's tag is not the lead."""
    text = SOURCE_TAG.sub("", text, count=1)
    return RELATED_MARK.split(text, 1)[0].strip()  # ">> Công chức được nghỉ 9 ngày…": a link


def join_authors(elements: list, most: int = 4) -> str | None:
    """One author, or co-authors each in their own element ("NHẬT XUÂN - NGHI VŨ"); the
    same name twice (a desktop and a mobile copy) counts once."""
    names: list[str] = []
    for el in elements[:most]:
        name = clean_author(value_text(el))
        if name and not any(same_text(name, seen) for seen in names):
            names.append(name)
    return " - ".join(names) or None


def clean_author(text: str) -> str:
    """"Tác giả: Nguyễn Văn A" → "Nguyễn Văn A"; CMS accounts are not authors."""
    text = clean_text(AUTHOR_PREFIX.sub("", text or ""))
    if re.match(r"^(ảnh|video|đồ họa)\s*[:：]", text, re.I):
        return ""  # a photo credit, not the author of the text
    text = re.sub(r"\s*\([^)]*bình chọn[^)]*\)", "", text, flags=re.I)  # a rating widget
    text = re.sub(r"\s*[-–|,]?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}:\d{2}).*$", "", text)
    text = re.sub(r"\s*\((tổng hợp|lược dịch|theo [^)]*)\)\s*$|\s+và \d+ tác giả khác$", "", text, flags=re.I)
    text = text.replace(";", " - ").strip(" -–—.:;,")
    if not text or re.match(r"^(đăng bởi|người đăng)\b", text, re.I) or not plausible_author(text):
        return ""
    return text


def byline_of(para: Para) -> str:
    """The author, when the last paragraph is a byline ("Tác giả: …", "Theo …", a short
    right-aligned or bold name)."""
    text = para.text
    if re.match(r"^(đăng bởi|người đăng)\b", text, re.I):
        return ""
    if AUTHOR_PREFIX.match(text) and len(text) <= 150:
        return clean_author(text)  # "Tác giả: …" says so itself
    if len(text) > 80 or len(text.split()) > 12:
        return ""
    if BYLINE.match(text) or ((para.right or para.bold) and not text.endswith((".", "?", "!", ":"))
                              and len(text.split()) <= 8):
        return clean_author(text)
    return ""


def is_date_line(text: str) -> bool:
    """"Thứ Tư, 26/12/2012 17:14": a line that is only a date and a weekday."""
    if len(text) > 60 or not parse_date(text):
        return False
    letters = re.sub(r"(?i)thứ|chủ nhật|hai|ba|tư|năm|sáu|bảy|ngày|cập nhật|đăng|lúc|gmt|am|pm|sáng|chiều|tối|[^a-zà-ỹ]", "", text.lower())
    return len(letters) <= 3


def same_text(a: str, b: str) -> bool:
    if not a or not b:
        return False
    a, b = a.strip().rstrip(".").lower(), b.strip().rstrip(".").lower()
    return a == b or (len(b) > 40 and a.startswith(b)) or (len(a) > 40 and b.startswith(a))


