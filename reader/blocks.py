"""What is read, in order: title, lead, paragraphs, then captions.

Display and narration both number sentences through `article_sentences`, so sentence i on the
page is sentence i in the narration (global, 0-based, reading order).

Captions are read after the paragraphs (a listener cannot see the photo) and start with
"Ảnh: " so the listener knows the sentence describes a picture; a caption that already starts
with "Ảnh" is left as it is. The prefix is part of the displayed text too, so both sides match.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the shape is used: reader does not depend on the scraper
    from scraper.article import Article

KINDS = ("title", "lead", "paragraph", "caption")
CAPTION_PREFIX = "Ảnh: "


@dataclass(frozen=True)
class Block:
    kind: str  # one of KINDS
    text: str


@dataclass(frozen=True)
class SentenceRef:
    index: int  # global sentence id, 0-based, in reading order
    block: int  # index of the block in article_blocks(article)
    kind: str  # the block's kind
    text: str  # the sentence as displayed


def _squeeze(text: str | None) -> str:
    return " ".join((text or "").split())


def article_blocks(article: "Article") -> list[Block]:
    """The article's readable blocks in reading order; empty ones are skipped."""
    blocks: list[Block] = []
    for kind, text in ([("title", article.title), ("lead", article.lead)]
                       + [("paragraph", p) for p in article.paragraphs]):
        text = _squeeze(text)
        if text:
            blocks.append(Block(kind, text))
    for caption in article.captions:
        text = _squeeze(caption)
        if text:
            if not text.lower().startswith("ảnh"):
                text = CAPTION_PREFIX + text
            blocks.append(Block("caption", text))
    return blocks


def article_sentences(article: "Article") -> list[SentenceRef]:
    """Every sentence of the article, numbered once for the page and the narration."""
    from reader.sentences import split_sentences
    refs: list[SentenceRef] = []
    for block_index, block in enumerate(article_blocks(article)):
        for sentence in split_sentences(block.text):
            refs.append(SentenceRef(len(refs), block_index, block.kind, sentence))
    return refs
