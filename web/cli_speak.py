"""`flask speak TEXT -o FILE [--engine NAME]`: say a text with one voice, write an MP3."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from reader import mp3
from reader.engines import ENGINE_NAMES, EngineError, run_for


@click.command("speak")
@click.argument("text")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="MP3 file to write")
@click.option("--engine", "engine_name", type=click.Choice(ENGINE_NAMES), default=None,
              help="voice to use (default: TTS_ENGINE)")
@click.option("--raw", is_flag=True, help="speak the text as given, without normalizing")
@with_appcontext
def speak_command(text: str, output: str, engine_name: str | None, raw: bool) -> None:
    """Read TEXT aloud (normalized to spoken Vietnamese) into an MP3 file."""
    from reader.normalize import normalize
    from reader.sentences import chunk_text, split_sentences
    from services.container import services_of
    services = services_of(current_app)
    engine = services.engines[engine_name] if engine_name else services.engine
    spoken = text if raw else normalize(text)
    chunks = [chunk for sentence in split_sentences(spoken)
              for chunk in chunk_text(sentence, engine.max_chars) if chunk.strip()]
    if not chunks:
        raise click.ClickException("Không có nội dung để đọc. (There is nothing to read.)")
    try:
        futures = [run_for(engine, engine.synthesize, chunk) for chunk in chunks]
        parts = [future.result() for future in futures]
    except EngineError as exc:
        raise click.ClickException(f"{exc.message_vi} ({exc})") from exc
    data, info = mp3.join_mp3(parts)
    Path(output).write_bytes(data)
    click.echo(f"{output}: {info.duration_ms / 1000:.1f} s, {len(data)} bytes, "
               f"{engine.name}, {len(chunks)} chunk(s)")
