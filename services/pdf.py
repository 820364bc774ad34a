"""Xuất PDF: an article as a tagged, searchable PDF (WeasyPrint, DejaVu Sans for Vietnamese).

Pure service: takes an Article, returns bytes. It renders its own small Jinja template
(templates/pages/pdf_article.html) so it needs no Flask, and the fonts come from the system
(fonts-dejavu-core), never from the network.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from scraper.article import Article

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
PDF_TEMPLATE = "pages/pdf_article.html"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES_DIR),
                       autoescape=select_autoescape(["html"]))


def _refuse_fetch(url: str, *args, **kwargs):
    """WeasyPrint must never reach out (images on the department site, fonts on a CDN)."""
    raise ValueError(f"PDF export does not fetch {url}")


def render_article_html(article: Article, *, site_name: str, date_text: str | None) -> str:
    """The HTML the PDF is made from (also handy to test without WeasyPrint)."""
    return _environment().get_template(PDF_TEMPLATE).render(
        article=article, site_name=site_name, date_text=date_text)


def article_pdf(article: Article, *, site_name: str, date_text: str | None = None) -> bytes:
    """A PDF/UA-1 (tagged) document of the article, title and author in its metadata."""
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    html = render_article_html(article, site_name=site_name, date_text=date_text)
    document = HTML(string=html, base_url=str(TEMPLATES_DIR), url_fetcher=_refuse_fetch)
    return document.write_pdf(pdf_variant="pdf/ua-1")
