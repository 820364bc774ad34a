"""The operators' CLI: `flask <command>`. Each room adds its commands here."""
from __future__ import annotations

import sys

import click
from flask import Flask


def register(app: Flask) -> None:
    """Attach the CLI commands of every room to the app."""

    @app.cli.command("normalize")
    def normalize_command() -> None:
        """Read lines on stdin, print each as spoken Vietnamese (one line out per line in)."""
        from reader.normalize import normalize
        stdin = click.get_text_stream("stdin")
        for line in stdin:
            click.echo(normalize(line.rstrip("\r\n")))
            sys.stdout.flush()
    from web.cli_speak import speak_command
    app.cli.add_command(speak_command)
