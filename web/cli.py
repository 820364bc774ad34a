"""The operators' CLI: `flask <command>`. Each room adds its commands here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from errors import ServiceError


def register(app: Flask) -> None:
    """Attach the CLI commands of every room to the app."""
    from web.cli_speak import speak_command
    app.cli.add_command(speak_command)
    app.cli.add_command(extract_command)
    app.cli.add_command(normalize_command)
    from web.cli_prerender import prerender_command
    app.cli.add_command(prerender_command)
    from web.cli_doc import doc_command
    app.cli.add_command(doc_command)
    from web.cli_site import site_group
    app.cli.add_command(site_group)


@click.command("normalize")
def normalize_command() -> None:
    """Read lines on stdin, print each as spoken Vietnamese (one line out per line in)."""
    from reader.normalize import normalize
    stdin = click.get_text_stream("stdin")
    for line in stdin:
        click.echo(normalize(line.rstrip("\r\n")))
        sys.stdout.flush()


@click.command("extract")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the article as one JSON object.")
@click.option("--url", "base_url", default=None,
              help="The page's address, for a saved file (links and attachments resolve against it).")
@with_appcontext
def extract_command(source: str, as_json: bool, base_url: str | None) -> None:
    """Extract the article from SOURCE: a URL on an allowed site, or a saved HTML file."""
    from scraper.extract import extract_article
    try:
        path = Path(source)
        if "://" not in source and path.is_file():
            article = extract_article(path.read_bytes(), base_url or path.resolve().as_uri())
        else:
            from services.container import services_of
            fetcher = services_of(current_app).fetcher
            result = fetcher.fetch(source)
            article = extract_article(result.body, result.url, charset=result.charset)
    except ServiceError as exc:
        click.echo(f"{exc.message_vi} ({exc.code}: {exc.detail or exc.message_en})", err=True)
        sys.exit(1)
    data = article.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(article.title)
    click.echo(" · ".join(x for x in (article.published, article.author) if x))
    if article.lead:
        click.echo(f"\n{article.lead}")
    for paragraph in article.paragraphs:
        click.echo(f"\n{paragraph}")
    for caption in article.captions:
        click.echo(f"\n[Ảnh] {caption}")
