"""Deterministic test documents: a Vietnamese administrative document (data in
samples/documents/*.json) rendered by WeasyPrint as a text PDF, "scanned" (rasterised,
noise, a slight skew), or written as DOCX; plus its truth (what a reader must find).

Document data: issuer (lines), number, place, date (ISO), type, title, body (blocks), signer
(lines), recipients (lines), optional columns (2: the body in two columns), header (false: a
plain report without the header block). A block is a string (a paragraph), {"center": …},
{"h": …} (a heading paragraph, bold) or {"table": {"head": [...], "rows": [[...]]}}.
"""
from __future__ import annotations

import io
import json
import zipfile
from html import escape
from pathlib import Path

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)

CSS = """@page { size: A4; margin: 2cm 1.5cm 2cm 2.5cm;
  @bottom-center { content: counter(page); font-size: 10pt } }
body { font-family: 'DejaVu Serif'; font-size: 12pt; line-height: 1.35 }
table.head, table.sign { width: 100%; border-collapse: collapse; margin-bottom: 10pt }
table.head td, table.sign td { font-size: 11pt; vertical-align: top; text-align: center; padding: 0 }
.bold { font-weight: bold } .italic { font-style: italic }
td.recipients { text-align: left !important; font-size: 10pt } td.recipients p { text-indent: 0; margin: 0 }
h1 { font-size: 13pt; text-align: center; margin: 14pt 0 0 }
p.title { text-align: center; font-weight: bold; margin: 0 0 12pt; text-indent: 0 }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt }
p.center { text-align: center; font-weight: bold; text-indent: 0 }
p.h { font-weight: bold }
.cols { columns: 2; column-gap: 1.2cm }
table.data { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt }
table.data td, table.data th { border: 1px solid #000; padding: 2pt 5pt; text-align: left }
"""


def load(name: str) -> dict:
    return json.loads((DOCUMENTS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _date_line(doc: dict) -> str:
    y, m, d = doc["date"].split("-")
    return f"{doc['place']}, ngày {d} tháng {m} năm {y}"


def _block_html(block) -> str:
    if isinstance(block, str):
        return f"<p>{escape(block)}</p>"
    if "center" in block:
        return f'<p class="center">{escape(block["center"])}</p>'
    if "h" in block:
        return f'<p class="h">{escape(block["h"])}</p>'
    if "table" in block:
        head = "".join(f"<th>{escape(h)}</th>" for h in block["table"]["head"])
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                       for row in block["table"]["rows"])
        return f'<table class="data"><tr>{head}</tr>{rows}</table>'
    raise ValueError(f"unknown block {block!r}")


def to_html(doc: dict) -> str:
    parts = []
    if doc.get("header", True):
        issuer = "<br>".join(escape(line) for line in doc["issuer"])
        parts.append(f"""<table class="head"><tr>
<td style="width:40%"><span class="bold">{issuer}</span><br>Số: {escape(doc['number'])}</td>
<td style="width:60%"><span class="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</span><br>
<span class="italic">{escape(_date_line(doc))}</span></td></tr></table>""")
        parts.append(f'<h1>{escape(doc["type"])}</h1><p class="title">{escape(doc["title"])}</p>')
    else:
        parts.append(f'<h1>{escape(doc["title"])}</h1>')
    body = "\n".join(_block_html(b) for b in doc["body"])
    parts.append(f'<div class="cols">{body}</div>' if doc.get("columns") == 2 else body)
    if doc.get("signer"):
        recipients = "".join(f"<p>{escape(r)}</p>" for r in doc.get("recipients", []))
        signer = "<br>".join(escape(s) for s in doc["signer"][:-1])
        parts.append(f"""<table class="sign"><tr>
<td class="recipients" style="width:45%"><p class="bold italic">Nơi nhận:</p>{recipients}</td>
<td style="width:55%"><span class="bold">{signer}</span><br><span class="italic">(Đã ký)</span><br><br>
<span class="bold">{escape(doc['signer'][-1])}</span></td></tr></table>""")
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{escape(doc.get('type', '') + ' ' + doc['title'])}</title>
<meta name="dcterms.created" content="{doc['date']}"><meta name="dcterms.modified" content="{doc['date']}">
<style>{CSS}</style></head><body>{''.join(parts)}</body></html>"""


def render_pdf(doc: dict) -> bytes:
    import weasyprint
    return weasyprint.HTML(string=to_html(doc)).write_pdf(pdf_variant="pdf/ua-1")


def scan(pdf: bytes, dpi: int = 300, noise: float = 0.0, skew_deg: float = 0.0, seed: int = 1,
         bilevel: bool = False, jpeg_quality: int = 0) -> bytes:
    """Each page rasterised at `dpi`, turned by `skew_deg`, with Gaussian grain of `noise`
    (grey levels) and a few specks; saved as an image-only PDF (no text layer)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image
    rng = np.random.default_rng(seed)
    images = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        if skew_deg:
            image = image.rotate(skew_deg, resample=Image.BICUBIC, expand=False, fillcolor=255)
        if noise:
            pixels = np.asarray(image, dtype="float32")
            pixels += rng.normal(0, noise, pixels.shape)
            specks = rng.random(pixels.shape) < 0.0008
            pixels[specks] = 40
            image = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"))
        if bilevel:
            image = image.point(lambda v: 255 if v > 150 else 0).convert("1")
        images.append(image)
    document.close()
    out = io.BytesIO()
    options = {"resolution": dpi, "save_all": True, "append_images": images[1:],
               "creationDate": None, "modDate": None, "producer": "samples.documents"}
    if jpeg_quality and not bilevel:
        options["quality"] = jpeg_quality
    images[0].save(out, "PDF", **options)
    return out.getvalue()


def to_docx(doc: dict) -> bytes:
    """The same document as Word: the header and signature blocks as two-cell tables (as
    clerks lay them out), then re-zipped with fixed timestamps so the bytes are stable."""
    import datetime

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    word = docx.Document()
    props = word.core_properties
    props.created = props.modified = datetime.datetime(2026, 1, 1)
    props.title, props.author, props.last_modified_by = doc["title"], "samples", "samples"
    props.revision = 1
    center = WD_ALIGN_PARAGRAPH.CENTER
    if doc.get("header", True):
        table = word.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "\n".join([*doc["issuer"], f"Số: {doc['number']}"])
        right.text = "\n".join(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                _date_line(doc)])
        word.add_paragraph(doc["type"]).alignment = center
    word.add_paragraph(doc["title"]).alignment = center
    for block in doc["body"]:
        if isinstance(block, str):
            word.add_paragraph(block)
        elif "center" in block:
            word.add_paragraph(block["center"]).alignment = center
        elif "h" in block:
            word.add_paragraph().add_run(block["h"]).bold = True
        elif "table" in block:
            head, rows = block["table"]["head"], block["table"]["rows"]
            table = word.add_table(rows=1 + len(rows), cols=len(head))
            for r, row in enumerate([head, *rows]):
                for c, cell in enumerate(row):
                    table.rows[r].cells[c].text = cell
    if doc.get("signer"):
        table = word.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "\n".join(["Nơi nhận:", *doc.get("recipients", [])])
        right.text = "\n".join([*doc["signer"][:-1], "(Đã ký)", doc["signer"][-1]])
    out = io.BytesIO()
    word.save(out)
    return stable_zip(out.getvalue())


def stable_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def body_texts(doc: dict) -> list[str]:
    """The body a reader must give back, in reading order (tables row by row)."""
    out = []
    for block in doc["body"]:
        if isinstance(block, str):
            out.append(block)
        elif "center" in block or "h" in block:
            out.append(block.get("center") or block["h"])
        else:
            out.extend(table_truth(block["table"]["head"], block["table"]["rows"]))
    return out


def table_truth(head: list[str], rows: list[list[str]]) -> list[str]:
    """Written out here, not imported: the truth must not lean on the reader it checks."""
    keep = [i for i, h in enumerate(head) if h.lower() not in {"stt", "tt"}]
    return [f"Hàng {n}: " + "; ".join(row[i] if k == 0 else f"{head[i]}: {row[i]}"
                                        for k, i in enumerate(keep))
            for n, row in enumerate(rows, start=1)]


def truth(doc: dict) -> dict:
    return {
        "doc_type": doc.get("type", "") if doc.get("header", True) else "",
        "number": doc.get("number", "") if doc.get("header", True) else "",
        "date": doc.get("date") if doc.get("header", True) else None,
        "issuer": " ".join(doc.get("issuer", [])) if doc.get("header", True) else "",
        "title": doc["title"],
        "paragraphs": body_texts(doc),
        "signer": doc.get("signer", []),
    }
