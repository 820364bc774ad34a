"""Paragraphs → the shape of a Vietnamese administrative document: the header block (issuing
body, national motto, number, place and date), type and title, body (Căn cứ …, Chương, Mục,
Điều N.), signature block and "Nơi nhận:". Headings become sections. A document without
that shape (a report, a plain DOCX) is one body; its headings still make sections.
Pure functions over Blocks; the vocabulary is data (documents/data/structure.json)."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from documents.model import Block, Document, Section
from documents.paragraphs import is_upper

DATA = Path(__file__).resolve().parent / "data" / "structure.json"
NUMBER = re.compile(r"^Số\s*:?\s*([0-9A-ZĐa-zđ][\w./\-–]*)", re.I)
PLACE_DATE = re.compile(r"^(?P<place>[^,]{2,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
                        r"\s+năm\s+(?P<y>\d{4})", re.I)
HEADING = re.compile(r"^(Chương\s+[IVXLCĐ\d]+|Mục\s+\d+|Phần\s+(thứ\s+)?\S+|Điều\s+\d+[a-zđ]?\s*[.:]?)")
ROMAN = re.compile(r"^[IVXL]+\.\s+\S")
RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?", re.I)
LABEL_CHARS = 110


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    """Upper case, one kind of dash, 'HOÀ' = 'HÒA' (old and new tone placement)."""
    text = unicodedata.normalize("NFC", " ".join(text.split())).upper()
    return text.replace("–", "-").replace("—", "-").replace("HOÀ", "HÒA").replace("OÁ", "ÓA")


def doc_type_of(text: str) -> str:
    folded = _fold(text)
    for name in sorted(vocabulary()["doc_types"], key=len, reverse=True):
        if folded == _fold(name):
            return name
    return ""


def is_motto(text: str) -> bool:
    folded = _fold(text).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return any(folded.startswith(_fold(m).replace(" - ", "-")) for m in vocabulary()["motto"])


def is_signer_line(text: str) -> bool:
    vocab = vocabulary()
    folded = _fold(text)
    if any(folded.startswith(_fold(p)) for p in vocab["signer_prefixes"]):
        return True
    return is_upper(text) and any(folded == _fold(t) for t in vocab["signer_titles"])


def parse_date(text: str) -> tuple[str, str | None]:
    match = PLACE_DATE.match(text.strip())
    if not match:
        return "", None
    return (match["place"].strip(),
            f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}")


def heading_label(text: str) -> str:
    """A short label for a heading paragraph: "Điều 2. Hiệu lực thi hành" stays whole,
    a long Điều is cut at its first sentence (or word boundary)."""
    if len(text) <= LABEL_CHARS:
        return text
    head = HEADING.match(text)
    rest = text[head.end():] if head else text
    first = re.split(r"(?<=[.:;])\s", rest.strip(), maxsplit=1)[0]
    label = (text[:head.end()].strip() + " " + first) if head else first
    if len(label) > LABEL_CHARS:
        label = label[:LABEL_CHARS].rsplit(" ", 1)[0] + " …"
    return label.strip()


def is_heading(text: str) -> bool:
    """Chương, Mục, Phần, Điều; and "I. MỤC ĐÍCH, YÊU CẦU" (a roman numeral in capitals)."""
    return bool(HEADING.match(text) or (ROMAN.match(text) and is_upper(text)))


def split_sections(blocks: list[Block], first_heading: str = "") -> list[Section]:
    """A section starts at each Chương/Mục/Phần/Điều; its heading paragraph is its first
    paragraph too (so nothing is read twice and nothing is lost). A Chương's title line
    (the capitals after "Chương II") joins its heading."""
    sections: list[Section] = []
    for block in blocks:
        text = block.text
        if is_heading(text):
            sections.append(Section(heading=heading_label(text), paragraphs=[text]))
            continue
        last = sections[-1] if sections else None
        if (last and len(last.paragraphs) == 1 and is_upper(text) and last.heading != first_heading
                and re.match(r"^(Chương|Mục|Phần)\b", last.heading)):
            last.heading = f"{last.heading}. {text}" if not last.heading.endswith(".") else f"{last.heading} {text}"
            last.paragraphs.append(text)
            continue
        if not sections:
            sections.append(Section(heading=first_heading, paragraphs=[]))
        sections[-1].paragraphs.append(text)
    return [s for s in sections if s.paragraphs]


def parse_document(blocks: list[Block]) -> Document:
    """Find the header block, type, title, signature and recipients; the rest is the body."""
    doc = Document()
    type_at = next((i for i, b in enumerate(blocks[:40]) if doc_type_of(b.text)), None)
    body_start = 0
    if type_at is not None:
        doc.doc_type = doc_type_of(blocks[type_at].text)
        issuer = []
        for block in blocks[:type_at]:
            text = block.text
            if is_motto(text):
                continue
            if NUMBER.match(text):
                doc.number = NUMBER.match(text).group(1).rstrip(".,;")
            elif PLACE_DATE.match(text):
                doc.place, doc.date = parse_date(text)
            elif is_upper(text) and not doc.number:
                issuer.append(text)
        doc.issuer = " ".join(issuer)
        body_start = type_at + 1
        title = []
        while (body_start < len(blocks) and not is_upper(blocks[body_start].text)
               and not is_heading(blocks[body_start].text)
               and not re.match(r"^(Căn cứ|Xét|Theo|Kính gửi)", blocks[body_start].text)
               and (blocks[body_start].centered or not title)
               and len(title) < 3):
            title.append(blocks[body_start].text)
            body_start += 1
        doc.title = " ".join(title)
    tail_start = _tail_start(blocks, body_start)
    for block in blocks[tail_start:]:
        text = block.text
        if doc.recipients or RECIPIENTS.match(text):
            if RECIPIENTS.match(text) or text[:1] in "-–•+":
                doc.recipients.append(text)
                continue
        if any(text.strip() == note for note in vocabulary()["signature_notes"]):
            continue
        doc.signer.append(text)
    body = blocks[body_start:tail_start]
    if type_at is None and body and (body[0].centered or is_upper(body[0].text)):
        doc.title, body = body[0].text, body[1:]  # a report's own heading is its title
    opening = "Phần mở đầu" if doc.doc_type else ""
    doc.sections = split_sections(body, opening)
    if not doc.title and body:
        doc.title = next((b.text for b in body if b.centered or is_upper(b.text)), "")[:200]
    return doc


def _tail_start(blocks: list[Block], start: int) -> int:
    """Where the signature block and "Nơi nhận:" begin (after the last body paragraph)."""
    last_heading = max((i for i, b in enumerate(blocks) if is_heading(b.text)), default=start)
    for i in range(max(start, last_heading), len(blocks)):
        text = blocks[i].text
        if RECIPIENTS.match(text) or is_signer_line(text):
            return i
    return len(blocks)
