"""Pieces every extraction path shares: bytes to a parsed document, the Parts an extractor
fills, the generic caption selectors and file attachments. Both the profiled path
(extract.py), the generic one (fallback.py, generic.py) and the listing reader use them, so
they live here and none of those modules imports another's private names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from scraper.article import Attachment
from scraper.content import Para, element_text
from scraper.decode import decode_html
from scraper.errors import NoArticleError

# The caption classes of Vietnamese CMSs (and <figcaption>): the CSS selector "figcaption,
# .caption, td.caption, .image-caption td, .PhotoCMS_Caption, .chuthich, .img-caption, ...",
# matched in two steps. lxml's translation of 17 class selectors walks the tree 17 times with
# normalize-space() on every class (9 ms on a median page); one walk with cheap substring tests
# and an exact token check in Python picks the same elements in a tenth of that.
_CAPTION_CLASSES = frozenset((
    "caption", "PhotoCMS_Caption", "chuthich", "img-caption", "image_caption", "image-desc",
    "fig-caption", "pCaption", "caption-image", "figure-caption", "desc_image", "ImageCaption",
    "photo-caption"))
_CAPTION_ROWS = frozenset(("image-caption", "expNoEdit"))  # the cells under these
_CAPTION_CANDIDATES = etree.XPath(
    "descendant-or-self::*[self::figcaption or contains(@class, 'aption') or "
    "contains(@class, 'chuthich') or contains(@class, 'desc') or contains(@class, 'expNoEdit')]")


def GENERIC_CAPTIONS(root) -> list:  # noqa: N802 - was a CSSSelector; callers call it alike
    """The caption elements under root (itself included) that a class or tag names."""
    found: dict[int, object] = {}
    for el in _CAPTION_CANDIDATES(root):
        names = set((el.get("class") or "").split())
        if el.tag == "figcaption" or names & _CAPTION_CLASSES:
            found.setdefault(id(el), el)
        if names & _CAPTION_ROWS:
            for td in el.iterdescendants("td"):
                found.setdefault(id(td), td)
    return list(found.values())


ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z)(\?|#|$)", re.I)
_XML_DECL_B = re.compile(rb"^\s*<\?xml[^>]*\?>", re.I)
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


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
    path: str = "generic"  # which signal decided: profile, agree, dom, trafilatura, density
    agreement: float = 0.0  # 0–1: how far the generic signals agreed on the body
    link_density: float = 0.0


def page_bytes(html: bytes | str, charset: str | None = None) -> bytes:
    """The page as UTF-8 bytes, whatever its own charset (decode_html finds that)."""
    if isinstance(html, bytes):
        try:
            html.decode("utf-8")
            data = html if not html.startswith(b"\xef\xbb\xbf") else html[3:]
        except UnicodeDecodeError:
            data = decode_html(html, charset).encode("utf-8")
    else:
        data = html.encode("utf-8", "replace")
    return _XML_DECL_B.sub(b"", data, count=1)


def parse_html(html: bytes | str, charset: str | None = None):
    """Decode (bytes) and parse; a document with no elements is no article.

    libxml2 parses UTF-8 bytes faster than a Python str, so text is handed over as UTF-8
    whatever the page's own charset was."""
    return parse_page_bytes(page_bytes(html, charset))


def parse_page_bytes(data: bytes):
    """parse_html for what page_bytes gave already (the UTF-8 check is not done twice)."""
    if not data.strip():
        raise NoArticleError("empty page")
    try:
        return lxml.html.document_fromstring(data, parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticleError(f"unparsable page: {exc}") from exc


def find_attachments(links, base_url: str, only_files: bool = False) -> list[Attachment]:
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


_PHOTO_LINE = re.compile(r"^\s*(ảnh|nguồn ảnh|hình|photo)\s*[:：]", re.I)
STORY_SHARE = 0.3  # captions holding this share of the text are the story itself
_CAPTION_TAGS = ("em", "i", "span", "p", "div", "small", "td", "font")


def image_captions(root) -> list:
    """Captions that no class names: the table row or cell right under an image, an <em>/<i>
    line right after it, a centred or "Ảnh: …" paragraph after the one holding it."""
    found: list = []
    for img in root.iter("img"):
        near = _under_image(img)
        if near is not None and near.tag in _CAPTION_TAGS and _has_text(near, 1) \
                and not _has_text(near, 251) and len(element_text(near)) <= 250:
            found.append(near)
    said = sum(len(element_text(el)) for el in found)
    if len(found) >= 3 and said > STORY_SHARE * len(root.text_content()):
        found = []  # a photo story: the lines under the pictures are the article
    for el in root.iter("p", "div"):
        if len(el) < 4 and _PHOTO_LINE.match(el.text_content()[:40]):
            text = element_text(el)
            if len(text) <= 200:
                found.append(el)
    return found


def _has_text(el, least: int = 5) -> bool:
    """Does el hold at least `least` characters of text (stopping as soon as it does)?"""
    seen = 0
    for piece in el.itertext():
        seen += len(piece.strip())
        if seen >= least:
            return True
    return False


def _under_image(img):
    sibling = img.getnext()
    while sibling is not None and sibling.tag == "br":
        sibling = sibling.getnext()
    if sibling is not None and sibling.tag in ("em", "i", "small", "span", "font"):
        return sibling
    cell = next(img.iterancestors("td"), None)
    if cell is not None and not _has_text(cell):
        row = cell.getparent()
        below = row.getnext() if row is not None else None
        rows = [r for r in row.itersiblings(preceding=True)] + [r for r in row.itersiblings()]
        if below is not None and below.tag == "tr" and len(rows) <= 3:
            cells = [c for c in below if isinstance(c.tag, str)]
            return cells[0] if len(cells) == 1 else None
        return None
    holder = img.getparent()
    while holder is not None and holder.tag not in ("p", "div", "figure") and holder.tag != "body":
        holder = holder.getparent()
    if holder is None or holder.tag == "body" or _has_text(holder):
        return None
    after = holder.getnext()
    if after is None or after.tag not in ("p", "div"):
        return None
    style = (after.get("style") or "").replace(" ", "").lower()
    centred = after.get("align", "").lower() == "center" or "text-align:center" in style
    italic = len(after) == 1 and after[0].tag in ("em", "i") and not (after.text or "").strip()
    said = bool(re.search(r"\bảnh\b|\(ảnh|photo", element_text(after), re.I))
    return after if (centred and said) or italic else None
