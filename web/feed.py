"""`GET /feed.xml`: the pre-rendered articles as a podcast (RSS 2.0 + iTunes), so a reader
can follow the department in any podcast app. Text is escaped by the XML writer: titles and
leads are plain text, never markup."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import quote

from flask import Blueprint, Response, current_app, request

from cache.jobs import PrerenderRecord
from services.container import services_of

bp = Blueprint("feed", __name__)

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"

ET.register_namespace("itunes", ITUNES)
ET.register_namespace("atom", ATOM)


def itunes_duration(duration_ms: int) -> str:
    seconds = max(0, math.ceil(duration_ms / 1000))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def article_audio_path(narration_id: str) -> str:
    """The stable path of a whole-article MP3, served by the narration room (the contract)."""
    return f"/audio/article/{quote(narration_id, safe='')}.mp3"


def article_audio_url(narration_id: str) -> str:
    return request.url_root.rstrip("/") + article_audio_path(narration_id)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def build_feed(records: list[PrerenderRecord], *, title: str, site_url: str, self_url: str,
               author: str) -> bytes:
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", site_url)
    _sub(channel, "description",
         f"Bản tin đọc thành tiếng các bài viết mới của {author}.")
    _sub(channel, "language", "vi")
    _sub(channel, f"{{{ATOM}}}link", href=self_url, rel="self", type="application/rss+xml")
    _sub(channel, f"{{{ITUNES}}}author", author)
    _sub(channel, f"{{{ITUNES}}}summary", f"Bài viết của {author}, đọc thành tiếng.")
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": "News"})
    if records:
        built = datetime.fromtimestamp(max(r.rendered_at for r in records), tz=timezone.utc)
        _sub(channel, "lastBuildDate", format_datetime(built))
    for record in records:
        item = _sub(channel, "item")
        _sub(item, "title", record.title)
        _sub(item, "link", record.url)
        _sub(item, "description", record.lead or record.title)
        _sub(item, "guid", f"{record.url}#{record.narration_id}", isPermaLink="false")
        _sub(item, "pubDate", format_datetime(record.published_at()))
        _sub(item, "enclosure", url=article_audio_url(record.narration_id),
             length=str(int(record.audio_bytes)), type="audio/mpeg")
        _sub(item, f"{{{ITUNES}}}duration", itunes_duration(record.duration_ms))
        _sub(item, f"{{{ITUNES}}}explicit", "false")
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


@bp.get("/feed.xml")
def feed():
    config = current_app.config
    # Newest published first: podcast apps list items in the order the feed gives them.
    records = services_of(current_app).jobs.latest_records(config["FEED_MAX_ITEMS"],
                                                           public_only=True, by_publication=True)
    body = build_feed(records, title=f"Đọc nội dung · {config['SITE_NAME']}",
                      site_url=config["SITE_URL"], self_url=request.base_url,
                      author=config["SITE_NAME"])
    response = Response(body, mimetype="application/rss+xml")
    response.headers["Cache-Control"] = "public, max-age=300"
    response.add_etag()
    return response.make_conditional(request)
