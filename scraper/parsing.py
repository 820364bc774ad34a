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
from lxml.cssselect import CSSSelector

from scraper.article import Attachment
from scraper.content import Para, element_text
from scraper.decode import decode_html
from scraper.errors import NoArticleError

GENERIC_CAPTIONS = CSSSelector(
    "figcaption, .caption, td.caption, .image-caption td, .PhotoCMS_Caption, .chuthich, "
    ".img-caption, .image_caption, .image-desc, .fig-caption, .pCaption, .caption-image, "
    ".expNoEdit td, .figure-caption, .desc_image, .ImageCaption, .photo-caption"
)
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
    data = page_bytes(html, charset)
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
