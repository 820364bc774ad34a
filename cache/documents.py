"""Read documents in Redis: the Document (JSON) under the hash of the file's bytes, and a
pointer from the file's address to that hash. The same file at two addresses, or read
twice, is one record; OCR is never repeated for bytes already read."""
from __future__ import annotations

import json
from dataclasses import dataclass

import redis

from cache.keys import Keys, url_digest
from documents.model import Document


PARTIAL_TTL_S = 3600  # a reading in progress; dropped when the whole file is read


@dataclass(frozen=True)
class PartialReading:
    """Pages 1..pages_read of a document still being read (never the whole document)."""
    document: Document
    pages_read: int
    pages: int
    partial: bool = True


class DocumentStore:
    def __init__(self, connection: redis.Redis, keys: Keys, ttl_s: int) -> None:
        self.connection = connection
        self.keys = keys
        self.ttl_s = int(ttl_s)

    def by_hash(self, content_hash: str) -> Document | None:
        raw = self.connection.get(self.keys.document(content_hash))
        return Document.from_dict(json.loads(raw)) if raw else None

    def by_url(self, url: str) -> Document | None:
        content_hash = self.connection.get(self.keys.document_url(url_digest(url)))
        return self.by_hash(content_hash.decode()) if content_hash else None

    def save(self, url: str, doc: Document) -> None:
        """The document first, then the pointer: a reader never finds a half-made record."""
        blob = json.dumps(doc.to_dict(), ensure_ascii=False)
        pipe = self.connection.pipeline(transaction=True)
        pipe.set(self.keys.document(doc.content_hash), blob, ex=self.ttl_s)
        pipe.set(self.keys.document_url(url_digest(url)), doc.content_hash, ex=self.ttl_s)
        pipe.delete(self.keys.document_partial(url_digest(url)))
        pipe.execute()

    def save_partial(self, url: str, doc: Document, pages_read: int, pages: int) -> None:
        """Each count of pages read under a key of its own (a listener playing pages 1..2 keeps
        them while 1..3 are stored), then the pointer to the latest."""
        blob = json.dumps({"document": doc.to_dict(), "pages_read": pages_read, "pages": pages},
                          ensure_ascii=False)
        digest = url_digest(url)
        pipe = self.connection.pipeline(transaction=True)
        pipe.set(self.keys.document_partial(digest, pages_read), blob, ex=PARTIAL_TTL_S)
        pipe.set(self.keys.document_partial(digest), pages_read, ex=PARTIAL_TTL_S)
        pipe.execute()

    def partial_by_url(self, url: str, pages_read: int | None = None) -> PartialReading | None:
        """The latest partial reading of a document still being read (None once it is read),
        or the one of `pages_read` pages while it is kept."""
        digest = url_digest(url)
        if pages_read is None:
            latest = self.connection.get(self.keys.document_partial(digest))
            if not latest:
                return None
            pages_read = int(latest)
        raw = self.connection.get(self.keys.document_partial(digest, pages_read))
        if not raw:
            return None
        data = json.loads(raw)
        return PartialReading(Document.from_dict(data["document"]), data["pages_read"], data["pages"])
