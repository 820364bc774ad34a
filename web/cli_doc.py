"""`flask doc FILE_OR_URL [--json]`: read an attached document (PDF, scan, DOCX) the way
the service will read it aloud: type, number, date, issuer, title, sections, signer."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from errors import ServiceError


@click.command("doc")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the document as one JSON object.")
@with_appcontext
def doc_command(source: str, as_json: bool) -> None:
    """Read SOURCE: a saved file, or the address of a file on an allowed site."""
    from documents.read import read_document_isolated
    from services.container import services_of
    from services.documents import fetch_document_bytes
    services = services_of(current_app)
    limits = services.document_limits

    def progress(done: int, total: int, page: int) -> None:
        if done < total:
            click.echo(f"Đang nhận dạng trang {done + 1}/{total}", err=True)

    try:
        path = Path(source)
        if "://" not in source and path.is_file():
            data = path.read_bytes()
        else:
            data = fetch_document_bytes(services.fetcher, source, limits.max_bytes)
        doc = read_document_isolated(data, limits, progress)
    except ServiceError as exc:
        click.echo(f"{exc.message_vi} ({exc.code}: {exc.detail or exc.message_en})", err=True)
        sys.exit(1)
    data = doc.to_dict()
    if as_json:
        keys = ("title", "doc_type", "number", "date", "issuer", "sections", "paragraphs", "pages",
                "ocr_pages", "confidence", "place", "signer", "recipients", "kind", "content_hash")
        click.echo(json.dumps({k: data[k] for k in keys}, ensure_ascii=False, indent=2))
        return
    from services.documents import reading_script
    for section in reading_script(doc):
        click.echo(f"\n## {section.heading}")
        for paragraph in section.paragraphs:
            click.echo(paragraph)
