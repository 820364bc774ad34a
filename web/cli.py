"""The operators' CLI: `flask <command>`. Each room adds its commands here."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Attach the CLI commands of every room to the app."""
    from web.cli_prerender import prerender_command
    app.cli.add_command(prerender_command)
