"""HTML page → Article. Site profiles first (data in scraper/profiles/), the generic
content-scoring fallback for pages no profile knows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from scraper.article import Article, Attachment
from scraper.cleanup import drop_junk_boxes, drop_junk_lines
from scraper.content import Para, clean_text, collect_content, element_text
from scraper.dates import parse_date
from scraper.decode import decode_html
from scraper.errors import ListingPageError, NoArticleError
from scraper.metadata import PageMeta, plausible_author, read_meta
from scraper.profiles import Profile, candidate_profiles, load_profiles

GENERIC_CAPTIONS = CSSSelector(
    "figcaption, .caption, td.caption, .image-caption td, .PhotoCMS_Caption, .chuthich, "
    ".img-caption, .image_caption, .image-desc, .fig-caption, .pCaption, .caption-image, "
    ".expNoEdit td, .figure-caption, .desc_image, .ImageCaption, .photo-caption"
)
ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z)(\?|#|$)", re.I)
AUTHOR_PREFIX = re.compile(
    r"^\s*(tác giả|bài(?: và|,)? ảnh|bài|tin|pv|phóng viên|nhóm pv|ctv|người viết|thực hiện|"
    r"nguồn)\s*[:：]\s*", re.I)
BYLINE = re.compile(r"^(tác giả|theo|nguồn|pv|nhóm pv|bài(?: và|,)? ảnh|ctv|phóng viên)\b", re.I)
SOURCE_TAG = re.compile(r"^\s*[\(\[][^)\]]{2,30}[\)\]]\s*[-–—:]+\s*")
RELATED_MARK = re.compile(r"\s*(?:>>|»)\s*")
_XML_DECL_B = re.compile(rb"^\s*<\?xml[^>]*\?>", re.I)


@dataclass
class Parts:
    """What an extractor found, before it becomes an Article."""
    title: str = ""
    published: str | None = None
    author: str | None = None
    lead: str = ""
    paragraphs: list[Para] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    site: str = "generic"


_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def parse_html(html: bytes | str, charset: str | None = None):
    """Decode (bytes) and parse; a document with no elements is no article.

    libxml2 parses UTF-8 bytes faster than a Python str, so text is handed over as UTF-8
    whatever the page's own charset was (decode_html found that)."""
    if isinstance(html, bytes):
        try:
            html.decode("utf-8")
            data = html if not html.startswith(b"\xef\xbb\xbf") else html[3:]
        except UnicodeDecodeError:
            data = decode_html(html, charset).encode("utf-8")
    else:
        data = html.encode("utf-8", "replace")
    data = _XML_DECL_B.sub(b"", data, count=1)
    if not data.strip():
        raise NoArticleError("empty page")
    try:
        return lxml.html.document_fromstring(data, parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticleError(f"unparsable page: {exc}") from exc


def extract_article(html: bytes | str, url: str, *, charset: str | None = None,
                    profiles: tuple[Profile, ...] | None = None) -> Article:
    """The article on a page: title, date, author, lead, paragraphs, captions, attachments."""
    doc = parse_html(html, charset)
    meta = read_meta(doc, url)
    host = (urlsplit(url).hostname or "").lower()
    raw = html if isinstance(html, bytes) else html.encode("utf-8", "replace")
    haystack = raw.lower()  # selectors whose words are not in the page are not tried
    parts = None
    for profile in candidate_profiles(doc, host, load_profiles() if profiles is None else profiles,
                                      haystack):
        bodies = profile.select("body", doc, haystack)
        if bodies:
            parts = extract_profiled(doc, bodies[0], profile, meta, url, haystack)
            if parts.paragraphs:
                break
            parts = None
    from scraper.listing import canonical_url, listing_page_items
    if parts is None:
        from scraper.fallback import extract_generic
        listed = listing_page_items(doc, url, profiles)  # before the fallback trims the page
        parts = extract_generic(doc, meta, url)
    elif _text_chars(parts) <= TEASER_MAX_CHARS:
        # A profile's body selector may match a listing's container too; only short text
        # is worth the look (most articles are longer, and skip this cost).
        listed = listing_page_items(doc, url, profiles)
    else:
        listed = []
    here = canonical_url(url) if listed else ""
    others = [item for item in listed if canonical_url(item.url) != here]
    if _is_teaser(parts, others):
        raise ListingPageError(f"{url} lists {len(others)} articles", items=others)
    return finish_article(parts, doc, meta, url)


TEASER_MAX_CHARS = 1500


def _is_teaser(parts: Parts, listed: list) -> bool:
    """What was found is one teaser of a listing page: short, and headed by the title of a
    link to another article listed on the same page."""
    if len(listed) < 3 or _text_chars(parts) > TEASER_MAX_CHARS:
        return False
    titles = {clean_text(item.title).casefold() for item in listed}
    return any(clean_text(p.text).casefold() in titles for p in parts.paragraphs[:3])


def _text_chars(parts: Parts) -> int:
    return sum(len(p.text) for p in parts.paragraphs)


def extract_profiled(doc, body, profile: Profile, meta: PageMeta, url: str,
                     haystack: bytes | None = None) -> Parts:
    parts = Parts(site=profile.name)
    titles = profile.select("title", doc, haystack)
    parts.title = value_text(titles[0]) if titles else ""
    dates, page_date = _find_date(profile, doc, haystack)
    meta_date = parse_date(meta.published)
    if page_date and meta_date and "T" not in page_date and meta_date.startswith(page_date):
        page_date = meta_date  # the same day, with the time the page did not show
    parts.published = (page_date or meta_date) if profile.prefer_page_date else (meta_date or page_date)
    authors = profile.select("author", doc, haystack)
    if authors:
        parts.author = join_authors(authors)
    leads = profile.select("lead", doc, haystack)
    if leads:
        parts.lead = clean_lead(value_text(leads[0]))
    parts.attachments = _attachments(profile.select_all("attachment", doc, haystack), url)
    for el in leads[:1] + authors[:1] + titles[:1] + dates[:1]:
        if _inside(el, body):
            el.drop_tree()
    for el in profile.select_all("drop", body, haystack):
        if el is not body and el.getparent() is not None:
            el.drop_tree()
    drop_junk_boxes(body)
    if not parts.attachments:
        parts.attachments = _attachments(body.iter("a"), url, only_files=True)
    captions = profile.select_all("caption", body, haystack) + GENERIC_CAPTIONS(body)
    content = collect_content(body, captions)
    parts.paragraphs = content.paragraphs
    parts.captions = content.captions
    return parts


def finish_article(parts: Parts, doc, meta: PageMeta, url: str) -> Article:
    """Common last steps: junk lines out, the byline out of the body, title and date filled."""
    paragraphs = drop_junk_lines(parts.paragraphs)
    published = parts.published
    if paragraphs and _is_date_line(paragraphs[0].text):
        published = published or parse_date(paragraphs[0].text)
        paragraphs.pop(0)
    lead = parts.lead
    if lead and paragraphs and _same(paragraphs[0].text, lead):
        paragraphs.pop(0)
    author = parts.author
    if paragraphs:
        byline = _byline(paragraphs[-1])
        if byline and (not author or _same(clean_author(paragraphs[-1].text), author)):
            author = author or byline
            paragraphs.pop()
        elif author and _same(clean_author(paragraphs[-1].text), author):
            paragraphs.pop()
    if not author and meta.author:
        author = clean_author(re.sub(r"^theo\s+", "", meta.author, flags=re.I)) or None
    captions = [c for c in dict.fromkeys(parts.captions)]
    texts = [p.text for p in paragraphs if p.text not in captions and not _same(p.text, lead)]
    if not texts:
        raise NoArticleError(f"no article text on {url}")
    title = parts.title or meta.title or _first_text(doc, "h1") or _first_text(doc, "title")
    published = published or parse_date(meta.published)
    return Article(url=url, canonical_url=meta.canonical or url, title=title,
                   published=published, author=author or None, lead=lead, paragraphs=texts,
                   captions=captions, attachments=parts.attachments, site=parts.site)


def _find_date(profile: Profile, doc, haystack: bytes | None = None) -> tuple[list, str | None]:
    """The first date selector whose text holds a date (a selector may hit a sidebar clock)."""
    for selector in profile.selectors.get("date", ()):
        found = selector(doc, haystack)
        for el in found[:3]:
            date = parse_date(value_text(el), profile.date_formats)
            if date:
                return [el], date
    return [], None


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
        if name and not any(_same(name, seen) for seen in names):
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


def _byline(para: Para) -> str:
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


def _is_date_line(text: str) -> bool:
    """"Thứ Tư, 26/12/2012 17:14": a line that is only a date and a weekday."""
    if len(text) > 60 or not parse_date(text):
        return False
    letters = re.sub(r"(?i)thứ|chủ nhật|hai|ba|tư|năm|sáu|bảy|ngày|cập nhật|đăng|lúc|gmt|am|pm|sáng|chiều|tối|[^a-zà-ỹ]", "", text.lower())
    return len(letters) <= 3


def _same(a: str, b: str) -> bool:
    if not a or not b:
        return False
    a, b = a.strip().rstrip(".").lower(), b.strip().rstrip(".").lower()
    return a == b or (len(b) > 40 and a.startswith(b)) or (len(a) > 40 and b.startswith(a))


def _inside(el, root) -> bool:
    return any(anc is root for anc in el.iterancestors())


def _first_text(doc, tag: str) -> str:
    for el in doc.iter(tag):
        text = element_text(el)
        if text:
            return text
    return ""


def _attachments(links, base_url: str, only_files: bool = False) -> list[Attachment]:
    found: dict[str, Attachment] = {}
    for a in links:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        if only_files and not ATTACHMENT_EXT.search(href):
            continue
        absolute = urljoin(base_url, href)
        title = element_text(a) or absolute.rsplit("/", 1)[-1]
        found.setdefault(absolute, Attachment(title=title, url=absolute))
    return list(found.values())
