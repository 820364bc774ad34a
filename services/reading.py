"""What the reader pages show, and the work behind each page (views stay thin).

The reader page is the article cut into blocks of numbered sentences. The numbers are the
narration's (reader.blocks.article_sentences), so the page highlights sentence i while the
segments of sentence i play. No Flask here: collaborators come in as arguments.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from errors import BusyError, ServiceError
from scraper.article import Article
from services.articles import ArticleSource

log = logging.getLogger("docnd.reading")


@dataclass(frozen=True)
class SentenceView:
    index: int  # global, 0-based, in reading order: the narration's segment "sentence"
    text: str


@dataclass(frozen=True)
class BlockView:
    index: int  # the narration's segment "block"
    kind: str  # title | lead | paragraph | caption
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True)
class ReaderPage:
    article: Article
    blocks: tuple[BlockView, ...]
    date_text: str | None  # "28/06/2022 08:30", as the department writes dates

    def of_kind(self, kind: str) -> list[BlockView]:
        return [block for block in self.blocks if block.kind == kind]

    @property
    def title_block(self) -> BlockView | None:
        found = self.of_kind("title")
        return found[0] if found else None

    @property
    def sentence_count(self) -> int:
        return sum(len(block.sentences) for block in self.blocks)


def build_reader_page(article: Article) -> ReaderPage:
    """Group the narration's numbered sentences (reader.blocks.article_sentences) by block."""
    from reader.blocks import article_sentences

    blocks: dict[int, tuple[str, list[SentenceView]]] = {}
    for ref in article_sentences(article):
        kind, sentences = blocks.setdefault(ref.block, (ref.kind, []))
        sentences.append(SentenceView(ref.index, ref.text))
    views = tuple(BlockView(index, kind, tuple(sentences))
                  for index, (kind, sentences) in sorted(blocks.items()))
    return ReaderPage(article=article, blocks=views, date_text=format_date_vi(article.published))


def load_reader_page(url: str, *, source: ArticleSource) -> ReaderPage:
    """The article at `url` (extracted or from the cache), ready for the reader page."""
    return build_reader_page(source.get(url))


@dataclass(frozen=True)
class PdfDocument:
    data: bytes
    title: str
    content_disposition: str


def export_pdf(url: str, *, source: ArticleSource, site_name: str) -> PdfDocument:
    """Xuất PDF: the article as a tagged PDF, with a download name from its title."""
    from services.download_names import content_disposition
    from services.pdf import article_pdf

    article = source.get(url)
    data = article_pdf(article, site_name=site_name, date_text=format_date_vi(article.published))
    return PdfDocument(data, article.title, content_disposition(article.title, "pdf"))


def whole_article_audio(url: str, *, source: ArticleSource, narrator, admit=None,
                        wait_s: float = 60.0, poll_s: float = 0.25) -> str:
    """The narration id of `url`, once its whole-article MP3 exists: renders it on request
    and waits (bounded), for the native player of browsers without scripts. `admit` is the
    render budget: called only if a new render has to start."""
    return whole_article_audio_of(source.get(url), narrator=narrator, admit=admit,
                                  wait_s=wait_s, poll_s=poll_s)


def whole_article_audio_of(article: Article, *, narrator, admit=None, wait_s: float = 60.0,
                           poll_s: float = 0.25) -> str:
    """The same for an article at hand (an attached document's reading)."""
    deadline = time.monotonic() + wait_s
    while True:
        record = narrator.request(article, wait=False, admit=admit)
        if record.get("status") == "ready":
            return record["id"]
        if time.monotonic() > deadline:
            raise BusyError("the whole-article audio took too long", retry_after_s=10)
        time.sleep(poll_s)


@dataclass(frozen=True)
class ListItem:
    url: str
    title: str
    published: str | None
    date_text: str | None
    narration_id: str | None = None  # prepared: its whole MP3 plays without the source


@dataclass(frozen=True)
class Listing:
    items: tuple[ListItem, ...]
    problem_vi: str | None = None  # why the list is empty, in words for the reader
    offline: bool = False  # the source is down: these are the articles we still have


def latest_articles(*, source: ArticleSource, limit: int = 20,
                    prepared: Callable[[], list] | None = None) -> Listing:
    """The newest articles of the department's listing. The home page must open even when
    the source site is down: then it shows what still plays (`offline_listing`), and a
    failure becomes a message on the page, not an error page."""
    try:
        rows = source.latest(limit)
    except ServiceError as exc:
        log.warning("listing of %s unavailable: %s", source.site_url, exc)
        store = source.store
        kept = offline_listing(store.get_last_listing(source.site_url),
                               prepared() if prepared else [],
                               has_article=lambda url: store.get(url) is not None, limit=limit)
        return Listing(kept, exc.message_vi, offline=True)
    return listing_of(rows)


def offline_listing(last_rows: list[dict], records: list, *,
                    has_article: Callable[[str], bool], limit: int) -> tuple[ListItem, ...]:
    """While the source is down: the last known listing, keeping only the articles that
    still play (prepared ones by their whole MP3, others from their stored text), then the
    other prepared articles (`records`: url, title, published, narration_id)."""
    # Attached documents have prepared records too; the home page lists articles.
    by_url = {record.url: record for record in records if not getattr(record, "attachment_of", "")}
    items = []
    for row in last_rows:
        record = by_url.pop(row["url"], None)
        if record is not None or has_article(row["url"]):
            items.append(ListItem(row["url"], row["title"], row.get("published"),
                                  format_date_vi(row.get("published")),
                                  record.narration_id if record else None))
    items += [ListItem(r.url, r.title, r.published, format_date_vi(r.published), r.narration_id)
              for r in by_url.values()]
    return tuple(items[:limit])


def listing_of(rows) -> Listing:
    """Rows of a listing (dicts: url, title, published) as the pages show them."""
    return Listing(tuple(ListItem(row["url"], row["title"], row.get("published"),
                                  format_date_vi(row.get("published"))) for row in rows))


def format_date_vi(published: str | None) -> str | None:
    """ISO date or datetime -> '28/06/2022' or '28/06/2022 08:30'; unknown text is kept."""
    if not published:
        return None
    text = published.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(text) <= 10:  # a date alone: no midnight invented
        return moment.strftime("%d/%m/%Y")
    return moment.strftime("%d/%m/%Y %H:%M")
