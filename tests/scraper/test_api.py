"""The articles API and `flask extract` through the real app (Flask client, real Redis)."""
from __future__ import annotations

import json

import pytest

from tests.scraper.api_helpers import build
from tests.scraper.conftest import FIXTURES, slow
from tests.support.servers import serve_sample_site

SAMPLE_SLUG = "/tin-tuc/kiem-tra-cong-tac-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-xay-dung-nong-thon-moi-tai-huyen-bac-son-nam-2022.html"


@pytest.fixture()
def sample(app_config, redis_client):
    with serve_sample_site() as base:
        yield base, build(app_config, base).test_client()


def test_article_from_the_sample_site(sample):
    base, client = sample
    response = client.get("/api/v1/article", query_string={"url": base.rstrip("/") + SAMPLE_SLUG})
    assert response.status_code == 200
    data = response.get_json()
    assert data["title"].startswith("Kiểm tra công tác thực hiện Chương trình")
    assert data["published"] == "2022-06-28T08:30:00+07:00"
    assert data["author"] == "Chi cục Bảo vệ môi trường"
    assert data["paragraphs"][0].startswith("Theo Báo cáo của huyện Bắc Sơn")
    assert data["content_hash"] and data["site"] == "department-sample"


def test_latest_articles(sample):
    base, client = sample
    data = client.get("/api/v1/articles?limit=3").get_json()
    assert len(data["articles"]) == 3
    assert set(data["articles"][0]) == {"url", "title", "published"}
    assert data["articles"][0]["published"] >= data["articles"][1]["published"]


@pytest.mark.parametrize("url,status,code", [
    ("http://169.254.169.254/latest/meta-data/", 422, "host_not_allowed"),
    ("http://2130706433/", 422, "bad_url"),
    ("http://0177.0.0.1/", 422, "bad_url"),
    ("http://[::1]/", 422, "host_not_allowed"),
    ("http://stnmt.langson.gov.vn@evil.example/", 422, "bad_url"),
    ("ftp://127.0.0.1/", 400, "bad_url"),  # not a web address at all: nothing was tried
])
def test_refused_urls(sample, url, status, code):
    _, client = sample
    response = client.get("/api/v1/article", query_string={"url": url})
    assert response.status_code == status
    body = response.get_json()
    assert body["error"] == code and body["message"]
    assert "Traceback" not in response.get_data(as_text=True)


def test_missing_url_is_400_in_vietnamese(sample):
    _, client = sample
    response = client.get("/api/v1/article")
    assert response.status_code == 400
    assert "địa chỉ bài viết" in response.get_json()["message"]


def test_english_when_asked(sample):
    _, client = sample
    response = client.get("/api/v1/article", query_string={"url": "http://evil.example/"},
                          headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert "department" in response.get_json()["message"]


def test_bad_sources_map_to_their_status(origin, app_config, redis_client):
    client = build(app_config, origin.base + "/").test_client()
    origin.html("/doc.pdf", b"%PDF", ctype="application/pdf")
    origin.html("/big.html", b"<p>" + b"a" * 300_000 + b"</p>")
    origin.routes["/slow.html"] = slow(2.0)
    origin.routes["/down.html"] = lambda r: (502, {"Content-Type": "text/html"}, b"")
    origin.html("/menu.html", "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>".encode())
    expected = {"/doc.pdf": (415, "not_html"), "/big.html": (413, "page_too_large"),
                "/slow.html": (504, "source_timeout"), "/down.html": (502, "source_unreachable"),
                "/menu.html": (422, "no_article"), "/missing.html": (404, "source_not_found")}
    for path, (status, code) in expected.items():
        response = client.get("/api/v1/article", query_string={"url": origin.url(path)})
        assert (response.status_code, response.get_json()["error"]) == (status, code), path
    message = client.get("/api/v1/article", query_string={"url": origin.url("/menu.html")}).get_json()["message"]
    assert message == "Không tìm thấy nội dung bài viết"
    browser = client.get("/api/v1/article", query_string={"url": origin.url("/doc.pdf")},
                         headers={"Accept": "text/html"})
    assert browser.status_code == 415


def test_flask_extract_file_json(runner):
    result = runner.invoke(args=["extract", str(FIXTURES / "liferay.html"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"title", "published", "author", "lead", "paragraphs", "captions", "confidence"} <= set(data)
    assert 0 < data["confidence"] <= 1 and data["confidence_reasons"][0] == "hồ sơ trang liferay"
    assert data["title"] == "Hội nghị triển khai Luật Tài nguyên nước năm 2023"
    assert data["captions"] == ["Đồng chí Giám đốc Sở phát biểu khai mạc hội nghị"]


def test_flask_extract_refused_url_says_why(runner):
    result = runner.invoke(args=["extract", "http://169.254.169.254/", "--json"])
    assert result.exit_code == 1
    assert "Sở" in result.output
