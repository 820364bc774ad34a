"""Page metadata from <meta> tags, Open Graph and JSON-LD: title, date, author, canonical."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urljoin

from scraper.content import clean_text

DATE_KEYS = ("article:published_time", "datepublished", "pubdate", "og:published_time",
             "publishdate", "publish-date", "dc.date.issued", "date", "datecreated")
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "title")
AUTHOR_KEYS = ("article:author", "dable:author", "author")
ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "webpage"}


@dataclass
class PageMeta:
    tags: dict[str, str] = field(default_factory=dict)
    ld: dict = field(default_factory=dict)  # the article object of JSON-LD, if any
    canonical: str = ""

    def first(self, keys) -> str:
        for key in keys:
            value = self.tags.get(key)
            if value:
                return value
        return ""

    @property
    def title(self) -> str:
        return clean_text(self.ld_text("headline") or self.first(TITLE_KEYS))

    @property
    def published(self) -> str:
        return self.ld_text("datePublished") or self.first(DATE_KEYS)

    @property
    def author(self) -> str:
        author = self.ld.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict):
            author = author.get("name")
        candidates = [author if isinstance(author, str) else ""] + \
                     [self.tags.get(k, "") for k in AUTHOR_KEYS]
        for value in candidates:
            value = clean_text(value or "")
            if value and plausible_author(value):
                return value
        return ""

    def ld_text(self, key: str) -> str:
        value = self.ld.get(key)
        return value if isinstance(value, str) else ""


def plausible_author(value: str) -> bool:
    """A person's name, not a URL, a site name or a CMS account."""
    low = value.lower()
    if "://" in low or low.startswith("www.") or "." in low.split()[0] and len(low.split()) == 1:
        return False
    return low not in {"quantri", "admin", "administrator"} and len(value) <= 120


def read_meta(doc, base_url: str) -> PageMeta:
    meta = PageMeta()
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in meta.tags:
            meta.tags[key] = value.strip()
    for el in doc.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.canonical = urljoin(base_url, el.get("href").strip())
            break
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        found = _find_article(_load_json(script.text))
        if found:
            meta.ld = found
            break
    return meta


def _load_json(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return None


def _find_article(data, depth: int = 0):
    """The first object whose @type is an article, looking through lists and @graph."""
    if depth > 4 or data is None:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_article(item, depth + 1)
            if found:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds) and \
            (data.get("headline") or data.get("datePublished")):
        return data
    return _find_article(data.get("@graph"), depth + 1)
