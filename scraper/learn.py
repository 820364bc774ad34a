"""Onboarding a new site: induce a profile from the structure its article pages share.

Each page is read by the generic path first (what it found is the page's truth: title, date,
author, lead, paragraphs, captions). Then, field by field, the element that holds that value
is found on each page, and the candidate CSS selectors around it (an ASP.NET id suffix, an
id, a class, a class of an ancestor with the tag) are tried on every page: the first that
finds the right value everywhere is kept. Body blocks that are never article text on any
page (a share bar, a "Tin cùng chuyên mục" box) become drop selectors. The profile is then
checked by extracting every page with it alone."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from scraper.bylines import clean_author, value_text
from scraper.content import collect_content, element_text
from scraper.dates import parse_date
from scraper.parsing import parse_html
from scraper.profiles import Profile, profile_from_dict

FIELDS_ONE = ("title", "date", "author", "lead")
_ASPNET_SUFFIX = re.compile(r"_([A-Za-z][A-Za-z0-9]*)$")
_KEY = re.compile(r"\W+")
_CSS_NAME = re.compile(r"^-?[A-Za-z_][\w-]*$")


def _key(text: str) -> str:
    return _KEY.sub("", (text or "").lower())


@dataclass
class Sample:
    """One article page and what the generic path read on it."""
    url: str
    html: bytes
    article: object  # scraper.article.Article


@dataclass
class Learned:
    profile: dict
    checks: list[dict] = field(default_factory=list)  # per page: field -> bool

    @property
    def exact(self) -> bool:
        return bool(self.checks) and all(all(c.values()) for c in self.checks)


def learn_profile(samples: list[Sample], name: str, host: str) -> Learned:
    """A profile for the site whose pages these are (see the module docstring)."""
    docs = [parse_html(s.html) for s in samples]
    data: dict = {"name": name, "description": f"learned from {len(samples)} pages of {host}",
                  "priority": 10, "match": {"hosts": [host]}, "prefer_page_date": True}
    for name_ in FIELDS_ONE:
        found = _learn_field(name_, samples, docs)
        if found:
            data[name_] = [found]
    body = _learn_body(samples, docs)
    if body:
        data["body"] = [body]
        data["drop"] = _learn_drops(body, samples, docs)
    captions = _learn_captions(samples, docs)
    if captions:
        data["caption"] = captions
    return Learned(profile=data, checks=verify_profile(profile_from_dict(data), samples))


def verify_profile(profile: Profile, samples: list[Sample]) -> list[dict]:
    """Each page extracted with the profile alone, compared with what was learned from."""
    from scraper.extract import extract_article
    checks = []
    for sample in samples:
        want = sample.article
        try:
            got = extract_article(sample.html, sample.url, profiles=(profile,))
        except Exception:  # noqa: BLE001 - a page the profile cannot read fails every check
            checks.append({"title": False, "date": False, "author": False, "first": False,
                           "last": False, "profile": False})
            continue
        checks.append({
            "title": got.title == want.title,
            "date": (got.published or "")[:10] == (want.published or "")[:10],
            "author": got.author == want.author,
            "first": bool(got.paragraphs) and got.paragraphs[0] == want.paragraphs[0],
            "last": bool(got.paragraphs) and got.paragraphs[-1] == want.paragraphs[-1],
            "profile": got.site == profile.name,
        })
    return checks


def _expected(name: str, article) -> str | None:
    return {"title": article.title, "date": article.published, "author": article.author,
            "lead": article.lead}.get(name) or None


def _matches(name: str, el, want: str) -> bool:
    text = value_text(el)
    if name == "date":
        return len(text) <= 120 and (parse_date(text) or "")[:10] == want[:10]
    if name == "author":
        return len(text) <= 150 and clean_author(text) == want
    return _key(text) == _key(want)


def _learn_field(name: str, samples: list[Sample], docs: list) -> str | None:
    """The first candidate selector that finds the field's value on every page that has it."""
    pages = [(doc, _expected(name, s.article)) for s, doc in zip(samples, docs)]
    pages = [(doc, want) for doc, want in pages if want]
    if len(pages) < max(2, len(samples) // 2 + 1):
        return None
    doc, want = pages[0]
    holders = [el for el in doc.iter() if isinstance(el.tag, str) and el.tag not in ("html", "body")
               and _matches(name, el, want)]
    for el in holders[::-1][:6]:  # the deepest holders first
        for css in _candidates(el):
            if _works(css, pages, lambda found, want_: any(_matches(name, f, want_) for f in found[:1])):
                return css
    return None


def _learn_body(samples: list[Sample], docs: list) -> str | None:
    pages = []
    for sample, doc in zip(samples, docs):
        paras = sample.article.paragraphs
        pages.append((doc, (_key(paras[0])[:60], _key(paras[-1])[-60:])))
    doc, (first, last) = pages[0]
    holders = [el for el in doc.iter("div", "td", "span", "article", "section", "main")
               if first in _key(el.text_content()) and last in _key(el.text_content())]
    if not holders:
        return None
    deepest = holders[-1]
    chain = [deepest] + [a for a in deepest.iterancestors() if a in holders][:3]

    def holds(found, want):
        return any(want[0] in _key(f.text_content()) and want[1] in _key(f.text_content())
                   for f in found)
    for el in chain:
        for css in _candidates(el):
            if _works(css, pages, holds):
                return css
    return None


def _learn_drops(body_css: str, samples: list[Sample], docs: list) -> list[str]:
    """Selectors of blocks inside the body that hold no article text on any page."""
    from lxml.cssselect import CSSSelector
    body_sel = CSSSelector(body_css)
    candidates: dict[str, int] = {}
    for sample, doc in zip(samples, docs):
        keep = {_key(t) for t in sample.article.paragraphs + sample.article.captions}
        keep |= {_key(sample.article.lead), _key(sample.article.title)}
        for body in body_sel(doc)[:1]:
            for para in collect_content(body).paragraphs:
                if _key(para.text) in keep:
                    continue
                el = _holder(body, para.text)
                for css in (_candidates(el) if el is not None else [])[:2]:
                    candidates[css] = candidates.get(css, 0) + 1
    drops = []
    for css in candidates:
        try:
            sel = CSSSelector(css)
        except Exception:  # noqa: BLE001 - an odd class name: no selector
            continue
        if all(not _holds_article(sel, body_sel, s, d) for s, d in zip(samples, docs)):
            drops.append(css)
    return sorted(drops)[:12]


def _holds_article(sel, body_sel, sample: Sample, doc) -> bool:
    texts = [_key(t) for t in sample.article.paragraphs + [sample.article.title]]
    for body in body_sel(doc)[:1]:
        for el in sel(body):
            inside = _key(el.text_content())
            if el is body or any(t and t in inside for t in texts):
                return True
    return False


def _holder(body, text: str):
    key = _key(text)
    found = None
    for el in body.iter():
        if isinstance(el.tag, str) and el is not body and key in _key(el.text_content()):
            found = el  # iteration goes down: the last hit is the deepest
    return found if found is not None and (found.get("class") or found.get("id")) else \
        (found.getparent() if found is not None and found.getparent() is not body else None)


def _learn_captions(samples: list[Sample], docs: list) -> list[str]:
    for sample, doc in zip(samples, docs):
        for caption in sample.article.captions:
            for el in doc.iter():
                if isinstance(el.tag, str) and el.get("class") and _key(element_text(el)) == _key(caption):
                    return _candidates(el)[:1]
    return []


def _works(css: str, pages, ok) -> bool:
    from lxml.cssselect import CSSSelector
    try:
        selector = CSSSelector(css)
    except Exception:  # noqa: BLE001
        return False
    for doc, want in pages:
        found = selector(doc)
        if not found or not ok(found, want):
            return False
    return True


def _candidates(el) -> list[str]:
    """CSS selectors for el, most specific first: an ASP.NET id suffix, an id, a class,
    an ancestor's class with the tag, the bare tag."""
    out: list[str] = []
    tag = el.tag
    ident = el.get("id") or ""
    match = _ASPNET_SUFFIX.search(ident)
    if ident and re.search(r"\d|_", ident) and match:
        out.append(f"[id$=_{match.group(1)}]")
    elif ident and _CSS_NAME.match(ident):
        out.append(f"#{ident}")
    classes = [c for c in (el.get("class") or "").split() if _CSS_NAME.match(c)]
    out += [f"{tag}.{c}" for c in classes]
    for anc in list(el.iterancestors())[:3]:
        for c in [c for c in (anc.get("class") or "").split() if _CSS_NAME.match(c)][:2]:
            out.append(f"{anc.tag}.{c} {tag}")
        anc_id = anc.get("id") or ""
        if anc_id and _CSS_NAME.match(anc_id) and not re.search(r"\d", anc_id):
            out.append(f"#{anc_id} {tag}")
    if tag in ("h1", "h2"):
        out.append(tag)
    return out
