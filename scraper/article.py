"""The Article: what the scraper hands to the rest of the service."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Attachment:
    title: str
    url: str


@dataclass
class Article:
    url: str
    title: str
    paragraphs: list[str]
    canonical_url: str = ""
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or datetime
    author: str | None = None
    lead: str = ""
    captions: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    site: str = ""  # the profile that extracted it ("generic" for the fallback)
    content_hash: str = ""
    confidence: float | None = None  # 0–1, how sure the extraction is (scraper/confidence.py)
    confidence_reasons: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.attachments = [a if isinstance(a, Attachment) else Attachment(**a)
                            for a in self.attachments]
        if not self.canonical_url:
            self.canonical_url = self.url
        if not self.content_hash:
            self.content_hash = compute_content_hash(self)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def compute_content_hash(article: Article) -> str:
    """Hash of what is read aloud: a change of any of it means new audio."""
    spoken = {
        "title": article.title, "published": article.published, "author": article.author,
        "lead": article.lead, "paragraphs": article.paragraphs, "captions": article.captions,
    }
    blob = json.dumps(spoken, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:32]
