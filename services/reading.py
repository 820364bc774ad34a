"""What the reader page shows: the article cut into blocks of numbered sentences.

The sentence numbers are the narration's (reader.blocks.article_blocks, then split_sentences
on each block), so the page can highlight sentence i while segment i plays. Pure: no Flask.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scraper.article import Article


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
    """Number the article's sentences exactly as the narration does."""
    from reader.blocks import article_blocks
    from reader.sentences import split_sentences

    blocks: list[BlockView] = []
    next_index = 0
    for block_index, block in enumerate(article_blocks(article)):
        sentences = []
        for text in split_sentences(block.text):
            sentences.append(SentenceView(next_index, text))
            next_index += 1
        blocks.append(BlockView(block_index, block.kind, tuple(sentences)))
    return ReaderPage(article=article, blocks=tuple(blocks),
                      date_text=format_date_vi(article.published))


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


def format_duration_vi(total_s: float) -> str:
    """125 -> '2 phút 5 giây' (what a screen reader should say for a position)."""
    seconds = max(0, int(round(total_s)))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} giờ")
    if minutes:
        parts.append(f"{minutes} phút")
    if seconds or not parts:
        parts.append(f"{seconds} giây")
    return " ".join(parts)
