"""HTML page → Article. Site profiles first (data in scraper/profiles/): every match of every
candidate profile's body selector is weighed, the one holding the most text outside links
wins. Pages no profile knows go to the generic extractor (scraper/generic.py)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from scraper.article import Article
from scraper.bylines import (byline_of, clean_author, clean_lead, is_date_line, join_authors,
                             same_text, value_text)
from scraper.cleanup import drop_junk_boxes, drop_junk_lines
from scraper.content import clean_text, collect_content, element_text
from scraper.dates import parse_date
from scraper.errors import ListingPageError, NoArticleError
from scraper.listing import canonical_url, listing_page_items
from scraper.metadata import PageMeta, read_meta
from scraper.confidence import assess
from scraper.generic import extract_generic
from scraper.headline import date_after, in_box
from scraper.parsing import (GENERIC_CAPTIONS, Parts, find_attachments, image_captions,
                             page_bytes, parse_html, parse_page_bytes)
from scraper.profiles import Haystack, Profile, candidate_profiles, default_profiles

__all__ = ["extract_article", "clean_author", "parse_html", "Parts"]


def extract_article(html: bytes | str, url: str, *, charset: str | None = None,
                    profiles: tuple[Profile, ...] | None = None,
                    chrome: frozenset[str] = frozenset()) -> Article:
    """The article on a page: title, date, author, lead, paragraphs, captions, attachments,
    and how sure the extraction is. chrome: block keys seen on other pages of the site
    (scraper/template.py), never read as the article on the generic path."""
    data = page_bytes(html, charset)
    doc = parse_page_bytes(data)
    meta = read_meta(doc, url)
    host = (urlsplit(url).hostname or "").lower()
    haystack = Haystack(data.lower())  # selectors whose words are not in the page are not tried
    profiles = default_profiles() if profiles is None else profiles
    parts = _extract_profiled_best(doc, host, profiles, meta, url, haystack)
    if parts is None:
        listed = listing_page_items(doc, url, profiles)  # before the fallback trims the page
        parts = extract_generic(doc, meta, url, chrome)
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


MIN_BODY_CHARS = 40  # a body match with less text than this outside links is a banner


def _extract_profiled_best(doc, host: str, profiles, meta: PageMeta, url: str,
                           haystack: bytes) -> Parts | None:
    """Every match of every candidate profile's body selectors (in the profile's order) is
    weighed by its text outside links; the densest that yields paragraphs wins (a DNN banner module whose id also ends in
    _lblContent comes first in the document, and holds nothing)."""
    for profile in candidate_profiles(doc, host, profiles, haystack):
        for selector in profile.selectors.get("body", ()):
            ranked = sorted(((_own_text_chars(el), n, el) for n, el in
                             enumerate(selector(doc, haystack))), key=lambda t: (-t[0], t[1]))
            for chars, _, body in ranked[:3]:
                if chars < MIN_BODY_CHARS:
                    break
                parts = extract_profiled(doc, body, profile, meta, url, haystack)
                if parts.paragraphs:
                    parts.path = "profile"
                    return parts
    return None


def _own_text_chars(el) -> int:
    """Characters of text under el that are not link text."""
    total = sum(len(t.strip()) for t in el.itertext())
    links = sum(len(t.strip()) for a in el.iter("a") for t in a.itertext())
    return total - links


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
    if not dates or not _after_title(doc, dates[0], titles[0] if titles else None, body):
        # the header's "today", a sidebar item: the article's own date line is after its title
        alt = date_after(doc, titles[0] if titles else None, body)
        page_date = alt or (None if dates and meta_date else page_date)
    if page_date and meta_date and "T" not in page_date and meta_date.startswith(page_date):
        page_date = meta_date  # the same day, with the time the page did not show
    parts.published = (page_date or meta_date) if profile.prefer_page_date else (meta_date or page_date)
    authors = profile.select("author", doc, haystack)
    if authors:
        parts.author = join_authors(authors)
    leads = profile.select("lead", doc, haystack)
    if leads:
        parts.lead = clean_lead(value_text(leads[0]))
    parts.attachments = find_attachments(profile.select_all("attachment", doc, haystack), url)
    for el in leads[:1] + authors[:1] + titles[:1] + dates[:1]:
        if _inside(el, body):
            el.drop_tree()
    for el in profile.select_all("drop", body, haystack):
        if el is not body and el.getparent() is not None:
            el.drop_tree()
    drop_junk_boxes(body)
    if not parts.attachments:
        parts.attachments = find_attachments(body.iter("a"), url, only_files=True)
    captions = profile.select_all("caption", body, haystack) + GENERIC_CAPTIONS(body) + image_captions(body)
    content = collect_content(body, captions)
    parts.paragraphs = content.paragraphs
    parts.captions = content.captions
    return parts


def finish_article(parts: Parts, doc, meta: PageMeta, url: str) -> Article:
    """Common last steps: junk lines out, the byline out of the body, title and date filled."""
    paragraphs = drop_junk_lines(parts.paragraphs)
    published = parts.published
    if paragraphs and is_date_line(paragraphs[0].text):
        published = published or parse_date(paragraphs[0].text)
        paragraphs.pop(0)
    lead = parts.lead
    if lead and paragraphs and same_text(paragraphs[0].text, lead):
        paragraphs.pop(0)
    author = parts.author
    if paragraphs:
        byline = byline_of(paragraphs[-1])
        if byline and (not author or same_text(clean_author(paragraphs[-1].text), author)):
            author = author or byline
            paragraphs.pop()
        elif author and same_text(clean_author(paragraphs[-1].text), author):
            paragraphs.pop()
    if not author and meta.author:
        author = clean_author(re.sub(r"^theo\s+", "", meta.author, flags=re.I)) or None
    captions = [c for c in dict.fromkeys(parts.captions)]
    texts = [p.text for p in paragraphs if p.text not in captions and not same_text(p.text, lead)]
    if not texts:
        raise NoArticleError(f"no article text on {url}")
    title = parts.title or meta.title or _first_text(doc, "h1") or _first_text(doc, "title")
    if not title:
        raise NoArticleError(f"no title on {url}")  # a page with no name is no article
    published = published or parse_date(meta.published)
    score, reasons = assess(parts, sum(len(t) for t in texts), bool(title), bool(published))
    return Article(url=url, canonical_url=meta.canonical or url, title=title,
                   published=published, author=author or None, lead=lead, paragraphs=texts,
                   captions=captions, attachments=parts.attachments, site=parts.site,
                   confidence=score, confidence_reasons=reasons)


def _after_title(doc, el, title, body) -> bool:
    """Is this date element the article's: a meta tag, inside the zone that holds both the
    title and the body, or (when that zone is the whole page) after the title?"""
    if el.tag == "meta":
        return True
    if in_box(el):
        return False
    if title is None:
        return True
    title_line = set(title.iterancestors()) | {title}
    zone = next((a for a in [body, *body.iterancestors()] if a in title_line), None)
    if zone is not None and zone.tag not in ("body", "html", "form"):
        return any(a is zone for a in el.iterancestors())
    for node in doc.iter():
        if node is title:
            return True
        if node is el:
            return False
    return True


def _find_date(profile: Profile, doc, haystack: bytes | None = None) -> tuple[list, str | None]:
    """The first date selector whose text holds a date (a selector may hit a sidebar clock)."""
    for selector in profile.selectors.get("date", ()):
        found = selector(doc, haystack)
        for el in found[:3]:
            date = parse_date(value_text(el), profile.date_formats)
            if date:
                return [el], date
    return [], None


def _inside(el, root) -> bool:
    return any(anc is root for anc in el.iterancestors())


def _first_text(doc, tag: str) -> str:
    for el in doc.iter(tag):
        text = element_text(el) if tag != "title" else clean_text(el.text_content())
        if text:
            return text
    return ""
