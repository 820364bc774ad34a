"""The lexicon: abbreviations, document codes, titles and units as data (reader/data/lexicon.tsv).

Editors extend it without a release: their rows (kind, written, spoken) are merged over the
file's with `Lexicon.merged`. A bad row is refused with its line number.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from errors import ServiceError

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "lexicon.tsv"
KINDS = ("abbr", "doctype", "issuer", "party", "title", "city", "unit", "numunit")
# Where a token read on its own is looked up, first match wins.
STANDALONE_ORDER = ("abbr", "title", "city", "unit", "doctype", "issuer")
# Kinds an editor's row (kind "abbr") also replaces: the editors' table is the one table, so
# their reading of STNMT is said inside "120/KH-STNMT" too.
EDITED_KINDS = ("abbr", "doctype", "issuer", "party")
# Issuer rows with this note are department codes ("MT" in 12/STNMT-MT): only read in symbols.
SYMBOL_ONLY_NOTE = "department code"


class LexiconError(ServiceError):
    status = 422
    code = "lexicon_invalid"
    message_vi = "Bảng cách đọc có dòng không hợp lệ."
    message_en = "The pronunciation table has an invalid row."


@dataclass(frozen=True)
class Entry:
    kind: str
    written: str
    spoken: str
    note: str = ""


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_kind: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        self.symbol_only: set[str] = set()
        for entry in self.entries:
            self.by_kind[entry.kind][entry.written] = entry.spoken
            if entry.kind == "issuer" and SYMBOL_ONLY_NOTE in entry.note:
                self.symbol_only.add(entry.written)

    def merged(self, extra: "Lexicon | Iterable[Entry]") -> "Lexicon":
        """A new lexicon where `extra` rows replace rows of the same kind and written form."""
        extra_entries = extra.entries if isinstance(extra, Lexicon) else list(extra)
        replaced = {(e.kind, e.written) for e in extra_entries}
        kept = [e for e in self.entries if (e.kind, e.written) not in replaced]
        return Lexicon(kept + extra_entries)

    def with_edits(self, rows: Iterable[Entry]) -> "Lexicon":
        """The editors' rows (kind "abbr") over this lexicon: each replaces the term's reading
        as an abbreviation and wherever the file reads it in a document number (type code,
        issuer, Party issuer), so an edit takes effect everywhere the term is said."""
        extra: list[Entry] = []
        for row in rows:
            extra.append(Entry("abbr", row.written, row.spoken, row.note))
            extra += [Entry(kind, row.written, row.spoken, row.note) for kind in EDITED_KINDS
                      if kind != "abbr" and row.written in self.by_kind[kind]]
        return self.merged(extra)

    def standalone(self) -> dict[str, str]:
        """Written form -> reading for tokens met outside a document symbol."""
        table: dict[str, str] = {}
        for kind in reversed(STANDALONE_ORDER):
            for written, spoken in self.by_kind[kind].items():
                if kind == "issuer" and written in self.symbol_only:
                    continue
                table[written] = spoken
        return table

    def digest(self) -> str:
        """Hash of the content: part of the normalizer version, so audio follows readings."""
        blob = "\n".join(f"{e.kind}\t{e.written}\t{e.spoken}"
                         for e in sorted(self.entries, key=lambda e: (e.kind, e.written)))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def parse_entry(kind: str, written: str, spoken: str, note: str = "", *,
                source: str = "", line: int = 0) -> Entry:
    """Check one row; `source` and `line` name it in the error, in each language."""
    kind, written, spoken = kind.strip(), unicodedata.normalize("NFC", written.strip()), \
        unicodedata.normalize("NFC", spoken.strip())
    prefix, prefix_vi = (f"{source} line {line}: ", f"{source} dòng {line}: ") if line else ("", "")
    if kind not in KINDS:
        raise LexiconError(f"{prefix}unknown kind {kind!r} (expected one of {', '.join(KINDS)})",
                           message_vi=f"{prefix_vi}loại {kind!r} không hợp lệ.")
    if not written or not spoken:
        raise LexiconError(f"{prefix}empty written or spoken form",
                           message_vi=f"{prefix_vi}thiếu chữ viết hoặc cách đọc.")
    if any(ch.isdigit() for ch in spoken) or any(ch.isspace() for ch in written):
        raise LexiconError(f"{prefix}a reading may not contain digits, a written form no spaces",
                           message_vi=f"{prefix_vi}cách đọc không được chứa chữ số, "
                                      "chữ viết không được chứa dấu cách.")
    return Entry(kind, written, spoken.lower(), note.strip())


def parse_lexicon(text: str, source: str = "lexicon") -> Lexicon:
    """Parse TSV rows kind<TAB>written<TAB>spoken[<TAB>note]; '#' lines are comments."""
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where, where_vi = f"{source} line {number}", f"{source} dòng {number}"
        cells = line.split("\t")
        if len(cells) < 3:
            raise LexiconError(f"{where}: expected kind, written, spoken separated by tabs",
                               message_vi=f"{where_vi}: cần ba cột cách nhau bằng tab.")
        entry = parse_entry(*cells[:3], cells[3] if len(cells) > 3 else "", source=source,
                            line=number)
        key = (entry.kind, entry.written)
        if key in seen:
            raise LexiconError(f"{where}: duplicate {entry.kind} {entry.written!r} "
                               f"(first on line {seen[key]})",
                               message_vi=f"{where_vi}: trùng {entry.written!r} "
                                          f"(đã có ở dòng {seen[key]}).")
        seen[key] = number
        entries.append(entry)
    return Lexicon(entries)


def load_lexicon(path: str | Path = DEFAULT_PATH) -> Lexicon:
    """Read and validate a lexicon file."""
    path = Path(path)
    return parse_lexicon(path.read_text(encoding="utf-8"), source=path.name)
