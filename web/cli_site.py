"""`flask site check LISTING_URL [--pages N]` and `flask site learn LISTING_URL -o FILE`:
onboarding a new department site (scraper/onboard.py does the work)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from errors import ServiceError
from services.container import services_of

site_group = AppGroup("site", help="Check a new site's pages, or learn a profile for it.")


@site_group.command("check")
@click.argument("listing_url")
@click.option("--pages", default=5, show_default=True, help="How many articles to read.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
def check_command(listing_url: str, pages: int, as_json: bool) -> None:
    """Read N articles from a listing and say what extraction makes of each."""
    from scraper.onboard import check_site
    try:
        report = check_site(services_of(current_app).fetcher, listing_url, pages)
    except ServiceError as exc:
        click.echo(f"{exc.message_vi} ({exc.code})", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for page in report.pages:
        click.echo(page.url)
        if page.error:
            click.echo(f"  LỖI: {page.error}")
            continue
        click.echo(f"  tiêu đề: {page.title}\n  ngày: {page.published or '—'}  tác giả: "
                   f"{page.author or '—'}\n  nội dung: {page.body_chars} ký tự, {page.captions} chú thích ảnh"
                   f"\n  đường: {page.site}  độ tin cậy: {page.confidence} ({'; '.join(page.reasons)})")
    click.echo(f"Khối lặp lại giữa các trang (khung trang): {report.chrome_blocks}")
    click.echo(report.verdict)


@site_group.command("learn")
@click.argument("listing_url")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The profile file to write (instance/profiles/NAME.json is loaded at start).")
@click.option("--pages", default=5, show_default=True, help="How many articles to learn from.")
@click.option("--name", default=None, help="The profile's name (default: learned-HOST).")
def learn_command(listing_url: str, output: str, pages: int, name: str | None) -> None:
    """Induce a profile from the structure the listing's articles share."""
    from scraper.onboard import learn_site
    try:
        learned = learn_site(services_of(current_app).fetcher, listing_url, pages, name)
    except ServiceError as exc:
        click.echo(f"{exc.message_vi} ({exc.code})", err=True)
        sys.exit(1)
    except ValueError as exc:
        click.echo(f"Không học được hồ sơ: {exc}", err=True)
        sys.exit(1)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(learned.profile, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    exact = sum(all(c.values()) for c in learned.checks)
    click.echo(f"Đã ghi {path}: {exact}/{len(learned.checks)} bài đọc đúng bằng hồ sơ mới.")
    for field_name in ("title", "date", "author", "lead", "body", "caption", "drop"):
        click.echo(f"  {field_name}: {', '.join(learned.profile.get(field_name, [])) or '—'}")
