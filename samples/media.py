"""Tiny, deterministic media for the sample site: JPEG photos (a few KB each, drawn with
Pillow), the logo, and small real PDFs rendered by WeasyPrint with fixed metadata."""
from __future__ import annotations

import hashlib
from html import escape
from io import BytesIO
from pathlib import Path

PALETTES = [  # (sky, hills, ground, accent): greens and blues of a northern province
    ((150, 190, 230), (70, 130, 80), (120, 160, 90), (200, 60, 50)),
    ((190, 210, 235), (60, 110, 70), (150, 140, 100), (230, 180, 40)),
    ((120, 170, 220), (90, 140, 100), (110, 150, 120), (40, 90, 170)),
    ((210, 220, 230), (80, 120, 90), (170, 170, 160), (190, 40, 40)),
]


def draw_photo(seed: str, width_px: int = 320, height_px: int = 200) -> bytes:
    """A small landscape-ish picture; the seed picks palette and shapes, so it is stable."""
    from PIL import Image, ImageDraw

    digest = hashlib.sha256(seed.encode()).digest()
    sky, hills, ground, accent = PALETTES[digest[0] % len(PALETTES)]
    image = Image.new("RGB", (width_px, height_px), sky)
    draw = ImageDraw.Draw(image)
    horizon = height_px * 3 // 5
    peaks = [(0, horizon)]
    for i in range(6):
        x = (i + 1) * width_px // 6
        y = horizon - 20 - digest[i + 1] % (horizon // 2)
        peaks.append((x - width_px // 12, y))
    peaks += [(width_px, horizon), (width_px, height_px), (0, height_px)]
    draw.polygon(peaks, fill=hills)
    draw.rectangle((0, horizon + 10, width_px, height_px), fill=ground)
    for i in range(3):  # a few buildings or people-shaped blocks
        x = 30 + digest[10 + i] % (width_px - 80)
        h = 20 + digest[20 + i] % 40
        draw.rectangle((x, horizon + 30 - h, x + 24, horizon + 30), fill=accent)
    out = BytesIO()
    image.save(out, "JPEG", quality=45, optimize=True)
    return out.getvalue()


def draw_logo(size_px: int = 64) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size_px, size_px), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, size_px - 3, size_px - 3), fill=(20, 110, 60))
    draw.ellipse((16, 16, size_px - 17, size_px - 17), fill=(40, 120, 200))
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def render_pdf(title: str, paragraphs: list[str], date_iso: str) -> bytes:
    """A one-page document with Vietnamese text; fixed dates keep the bytes stable."""
    import weasyprint

    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{escape(title)}</title>
<meta name="dcterms.created" content="{date_iso}">
<meta name="dcterms.modified" content="{date_iso}">
<style>@page {{ size: A4; margin: 2cm }} body {{ font-family: 'DejaVu Sans'; font-size: 11pt }}
h1 {{ font-size: 13pt; text-align: center }}</style></head>
<body><p>TRANG MẪU — tài liệu mô phỏng, không có giá trị pháp lý.</p>
<h1>{escape(title)}</h1>
{body}</body></html>"""
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def write_if_changed(path: Path, data: bytes) -> None:
    """Leave identical files alone so their mtime (Last-Modified) stays put."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def attachment_bytes(attachment: dict, article: dict) -> bytes:
    """A small PDF from `pdf_text`, or a document from samples/documents/ as a text PDF,
    a scan (200 dpi, bilevel, grain, 0.6° skew: what a clerk's scanner gives) or a DOCX."""
    if "document" not in attachment:
        return render_pdf(attachment["title"], attachment["pdf_text"], article["published"])
    from samples import documents
    doc = documents.load(attachment["document"])
    form = attachment.get("form", "pdf")
    if form == "docx":
        return documents.to_docx(doc)
    pdf = documents.render_pdf(doc)
    if form == "scan":
        return documents.scan(pdf, dpi=200, noise=10, skew_deg=0.6, bilevel=True, seed=3)
    return pdf
