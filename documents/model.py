"""What the documents room hands on: a Document (structure and reading order), and the
positioned text it is built from (words on pages, in PDF points or image pixels)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    conf: float = 100.0  # OCR confidence 0..100; text layers are sure


@dataclass
class PageText:
    """One page's words, or (tables found by the PDF reader) rows already read aloud."""
    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    tables: list["Table"] = field(default_factory=list)
    ocr: bool = False


@dataclass(frozen=True)
class Table:
    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[list[str]]


@dataclass
class Block:
    """A paragraph in reading order, with the layout hints structure needs."""
    text: str
    page: int
    centered: bool = False
    table: bool = False


@dataclass
class Section:
    heading: str
    paragraphs: list[str]


@dataclass
class Document:
    title: str = ""
    doc_type: str = ""
    number: str = ""
    date: str | None = None  # ISO 8601
    place: str = ""
    issuer: str = ""
    sections: list[Section] = field(default_factory=list)
    signer: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận:" and its lines
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    confidence: float = 1.0  # mean OCR word confidence 0..1 over OCR pages; 1 for text layers
    content_hash: str = ""
    kind: str = ""  # pdf | docx

    @property
    def paragraphs(self) -> list[str]:
        """The whole body in reading order."""
        return [p for section in self.sections for p in section.paragraphs]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["paragraphs"] = self.paragraphs
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["sections"] = [Section(**s) for s in known.get("sections", [])]
        return cls(**known)
