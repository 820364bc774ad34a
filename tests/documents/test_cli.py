"""`flask doc FILE --json`: the fields the issue names, the body in reading order."""
import json

from samples.serve import SITE_DIR


def test_flask_doc_json_on_the_sample_docx(runner):
    path = SITE_DIR / "files" / "kh-35-kh-stnmt-thanh-tra-khoang-san.docx"
    result = runner.invoke(args=["doc", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"title", "doc_type", "number", "date", "issuer", "sections", "paragraphs", "pages",
            "ocr_pages", "confidence"} <= set(data)
    assert (data["doc_type"], data["number"], data["date"]) == ("KẾ HOẠCH", "35/KH-STNMT", "2025-05-26")
    assert data["sections"][1] == {"heading": "I. MỤC ĐÍCH, YÊU CẦU", "paragraphs": data["paragraphs"][1:4]}


def test_flask_doc_says_why_a_file_cannot_be_read(runner, tmp_path):
    path = tmp_path / "not-a-document.pdf"
    path.write_text("<html>không phải PDF</html>", encoding="utf-8")
    result = runner.invoke(args=["doc", str(path)])
    assert result.exit_code == 1 and "unsupported_document" in result.output
