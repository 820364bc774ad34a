"""The generic extractor for pages no profile knows: score the DOM for the block that holds
the article (text length, commas, paragraph count, link density, class/id hints), then read
it like a profiled body. Tickers, toolbars, menus, sidebars and footers are removed first."""
from __future__ import annotations

import re

from scraper.bylines import clean_author
from scraper.cleanup import drop_junk_boxes, junk_box
from scraper.content import SKIP_TAGS, collect_content, element_text
from scraper.dates import parse_date
from scraper.parsing import GENERIC_CAPTIONS, Parts, find_attachments, image_captions
from scraper.headline import date_after, title_element
from scraper.metadata import PageMeta

NEVER_CONTENT = ("header", "footer", "nav", "aside", "form", "marquee", "menu", "noscript",
                 "script", "style", "iframe", "select", "button")
FORM_PAGE_SHARE = 0.5
POSITIVE = re.compile(r"article|content|detail|entry|post|news|body|main|story|text|chitiet|noidung|baiviet", re.I)
NEGATIVE = re.compile(r"comment|footer|sidebar|side-bar|related|lienquan|share|social|menu|nav|"
                      r"ticker|marquee|toolbar|tools|banner|advert|widget|breadcrumb|header|"
                      r"login|popup|list|tag|hot|most|top|other|khac|video", re.I)
LEAD_HINT = re.compile(r"sapo|lead|summary|tomtat|tom-tat|chapeau|excerpt|intro|description|"
                       r"desc|abstract|short", re.I)
AUTHOR_HINT = re.compile(r"tacgia|tac-gia|tac_gia|author|createdby|byline", re.I)
DATE_HINT = re.compile(r"date|time|ngay|publish|posted|created", re.I)


def extract_generic(doc, meta: PageMeta, url: str, best=None) -> Parts:
    """The DOM scorer's reading of a page; best: its block, when the caller found it already."""
    body = doc.find("body")
    if body is None:
        return Parts()
    strip_never_content(body)
    drop_junk_boxes(body)
    if best is None or not any(anc is body for anc in best.iterancestors()):
        best = best_candidate(body)
    parts = Parts(site="generic")
    h1 = next(iter(doc.iter("h1")), None)
    if h1 is None or len(element_text(h1)) <= 10:
        h1 = title_element(doc, best)  # no article heading: the heading nearest the body
    parts.title = element_text(h1) if h1 is not None else meta.title
    parts.published = parse_date(meta.published) or date_after(doc, h1, best) or \
        _page_date(doc, best)
    parts.author = _author(doc)
    if best is None:
        return parts
    lead = _lead(doc, best)
    if lead is not None:
        parts.lead = element_text(lead)
        if any(anc is best for anc in lead.iterancestors()):
            lead.drop_tree()
    if h1 is not None and any(anc is best for anc in h1.iterancestors()):
        h1.drop_tree()
    parts.link_density = _link_density(best)
    content = collect_content(best, GENERIC_CAPTIONS(best) + image_captions(best))
    parts.paragraphs, parts.captions = content.paragraphs, content.captions
    if not parts.lead and parts.paragraphs and parts.paragraphs[0].bold and \
            len(parts.paragraphs[0].text) > 60:
        parts.lead = parts.paragraphs.pop(0).text
    parts.attachments = find_attachments(best.iter("a"), url, only_files=True)
    return parts


def strip_never_content(body) -> None:
    """Headers, footers, navs, asides, forms, scripts: never the article."""
    page_chars = None
    for el in list(body.iter(*NEVER_CONTENT)):
        if el.getparent() is None:
            continue
        if el.tag == "form":
            page_chars = len(body.text_content()) if page_chars is None else page_chars
            if len(el.text_content()) > FORM_PAGE_SHARE * page_chars:
                continue  # ASP.NET WebForms wrap the whole page in one <form>
        el.drop_tree()


def _class_weight(el) -> int:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip():
        return 0
    weight = 0
    if POSITIVE.search(names):
        weight += 25
    if NEGATIVE.search(names):
        weight -= 25
    return weight


def best_candidate(body):
    """The element that gathers the most paragraph-like text (readability-style scoring),
    its score discounted by the share of it that is link text."""
    scores = candidate_scores(body)
    if not scores:
        return None
    # The best score once link text is discounted; the discount only brings a score towards
    # 0, so the candidates are weighed from the highest raw score down until none can win
    # (link density walks the element's text: most of this function's time when done for all).
    # Ties go to the first scored, as a stable sort would have it.
    best, best_score, best_order = None, None, 0
    for order, (el, score) in sorted(enumerate(scores.items()), key=lambda t: -t[1][1]):
        if best_score is not None and max(score, 0.0) < best_score:
            break
        weighed = score * (1 - _link_density(el))
        if best_score is None or weighed > best_score or (weighed == best_score and order < best_order):
            best, best_score, best_order = el, weighed, order
    return best


def candidate_scores(body) -> dict:
    """Each block's score: the paragraph-like text it and its children hold (length, commas),
    plus or minus its class/id hints."""
    scores: dict = {}
    for el in body.iter("p", "td", "pre", "div", "li"):
        if el.tag in ("div", "li", "td"):
            # A div/td counts as a paragraph only when it carries text of its own.
            own = (el.text or "") + "".join(c.tail or "" for c in el)
            if len(own.strip()) < 40:
                continue
            text = own
        else:
            text = element_text(el)
        if len(text) < 25:
            continue
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        parent = el.getparent()
        for level, ancestor in enumerate((parent, parent.getparent() if parent is not None else None)):
            if ancestor is None or not isinstance(ancestor.tag, str):
                break
            if ancestor not in scores:
                scores[ancestor] = _class_weight(ancestor)
            scores[ancestor] += score / (1 + level)
    return scores


def _link_density(el) -> float:
    text = len(element_text(el)) or 1
    links = sum(len(element_text(a)) for a in el.iter("a"))
    return min(links / text, 1.0)


def _lead(doc, best):
    """A sapo/lead block near the article (class hints), else None."""
    for el in doc.iter("div", "p", "h2", "h3", "span", "strong"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names.strip() and LEAD_HINT.search(names) and not re.search(r"list|item|meta", names, re.I):
            text = element_text(el)
            if 40 <= len(text) <= 800:
                return el
    return None


def _author(doc) -> str | None:
    """An author box the page names as one ("tacgia", "author", "createdby", "byline")."""
    for el in doc.iter("span", "div", "p", "dd", "td", "a", "strong", "b"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names.strip() and AUTHOR_HINT.search(names) and not junk_box(el):
            text = element_text(el)
            if 3 <= len(text) <= 80:
                return clean_author(text) or None
    return None


def _page_date(doc, best) -> str | None:
    for el in doc.iter("span", "div", "p", "time", "em", "i"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag == "time" and el.get("datetime"):
            found = parse_date(el.get("datetime"))
            if found:
                return found
        if names.strip() and DATE_HINT.search(names):
            found = parse_date(element_text(el)[:120])
            if found:
                return found
    return None


__all__ = ["extract_generic", "best_candidate", "strip_never_content", "SKIP_TAGS"]
