"""Xuất PDF: Vietnamese text that survives extraction, metadata, tags, a safe download name."""
import io
import re
from urllib.parse import unquote

import pypdf

from scraper.article import Article, Attachment
from services.download_names import ascii_slug, content_disposition
from services.pdf import article_pdf

TITLE = "Hội nghị triển khai Luật Đất đai năm 2024 tại Lạng Sơn"


def _article() -> Article:
    return Article(
        url="https://stnmt.langson.gov.vn/tin-tuc/hoi-nghi.html", title=TITLE,
        published="2024-07-28T08:30:00+07:00", author="Nguyễn Thị Hường",
        lead="Sáng ngày 28/7, Sở Tài nguyên và Môi trường tổ chức hội nghị.",
        paragraphs=["Đại biểu các xã, phường đã thảo luận về quyền sử dụng đất.",
                    "Đồng chí Giám đốc Sở phát biểu chỉ đạo."],
        captions=["Quang cảnh hội nghị"],
        attachments=[Attachment("Kế hoạch số 32/KH-UBND", "https://stnmt.langson.gov.vn/files/kh.pdf")])


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_pdf_text_keeps_diacritics_and_metadata_names_the_article():
    reader = pypdf.PdfReader(io.BytesIO(article_pdf(_article(), site_name="Sở TN&MT",
                                                    date_text="28/07/2024 08:30")))
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    assert TITLE in text
    assert "Đồng chí Giám đốc Sở phát biểu chỉ đạo." in text
    assert "Ngày đăng: 28/07/2024 08:30" in text
    assert "Nguồn: https://stnmt.langson.gov.vn/tin-tuc/hoi-nghi.html" in text
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Nguyễn Thị Hường"


def test_pdf_is_tagged_with_language():
    reader = pypdf.PdfReader(io.BytesIO(article_pdf(_article(), site_name="Sở TN&MT")))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("vi")


def test_pdf_escapes_markup_in_article_text():
    article = _article()
    article.paragraphs = ["<b>không phải thẻ</b> & ký hiệu"]
    reader = pypdf.PdfReader(io.BytesIO(article_pdf(article, site_name="Sở")))
    assert "<b>không phải thẻ</b> & ký hiệu" in _words(reader.pages[0].extract_text())


def test_ascii_slug_maps_vietnamese_letters():
    assert ascii_slug("Đường Đất đai: Lạng Sơn 2024!") == "duong-dat-dai-lang-son-2024"
    assert ascii_slug("…") == "bai-viet"


def test_content_disposition_has_ascii_fallback_and_utf8_name():
    header = content_disposition('Báo cáo "quý" III/2026: môi trường', "pdf")
    assert header.startswith('attachment; filename="bao-cao-quy-iii-2026-moi-truong.pdf"; ')
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "Báo cáo quý III 2026 môi trường.pdf"
    assert all(ord(ch) < 128 for ch in header)  # headers must be Latin-1/ASCII safe
