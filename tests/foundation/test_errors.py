import pytest
from flask import Blueprint

from app import create_app
from errors import NotFoundError, ServiceError


class TeapotError(ServiceError):
    status = 422
    code = "teapot"
    message_vi = "Không tìm thấy nội dung bài viết"
    message_en = "No article content was found"


@pytest.fixture()
def app_with_errors(app_config, redis_client):
    app = create_app(app_config)
    bp = Blueprint("boom", __name__)

    @bp.get("/api/v1/boom")
    def api_boom():
        raise TeapotError("detail for logs")

    @bp.get("/boom")
    def html_boom():
        raise TeapotError()

    @bp.get("/crash")
    def crash():
        raise RuntimeError("secret internals /etc/passwd")

    @bp.get("/gone")
    def gone():
        raise NotFoundError()

    app.register_blueprint(bp)
    return app


def test_api_errors_are_json_in_vietnamese(app_with_errors):
    response = app_with_errors.test_client().get("/api/v1/boom")
    assert response.status_code == 422
    assert response.json == {"error": "teapot", "message": "Không tìm thấy nội dung bài viết"}


def test_english_when_the_client_prefers_it(app_with_errors):
    response = app_with_errors.test_client().get(
        "/api/v1/boom", headers={"Accept-Language": "en-US,en;q=0.9,vi;q=0.5"})
    assert response.json["message"] == "No article content was found"


def test_html_errors_are_accessible_pages(app_with_errors):
    response = app_with_errors.test_client().get("/boom", headers={"Accept": "text/html"})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert '<html lang="vi">' in body
    assert 'role="alert"' in body and "Không tìm thấy nội dung bài viết" in body


@pytest.mark.parametrize("path", ["/boom", "/gone", "/khong-co"])
def test_error_pages_stay_vietnamese_for_browsers_preferring_english(app_with_errors, path):
    # Chromium's default Accept-Language: English first. Pages are Vietnamese all the same,
    # so a screen reader reads them with a Vietnamese voice.
    response = app_with_errors.test_client().get(path, headers={
        "Accept": "text/html", "Accept-Language": "en-US,en;q=0.9"})
    body = response.get_data(as_text=True)
    assert '<html lang="vi">' in body and 'lang="en"' not in body
    assert "Xin lỗi" in body and "Mã lỗi" in body and "Về trang chủ" in body
    assert "Sorry" not in body and "Error code" not in body and "not found" not in body


def test_json_when_asked_outside_the_api(app_with_errors):
    response = app_with_errors.test_client().get("/gone", headers={"Accept": "application/json"})
    assert response.status_code == 404 and response.json["error"] == "not_found"


def test_unexpected_errors_never_show_a_trace(app_with_errors):
    app_with_errors.testing = False
    app_with_errors.config["PROPAGATE_EXCEPTIONS"] = False
    response = app_with_errors.test_client().get("/crash")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "/etc/passwd" not in body and "RuntimeError" not in body
    assert "Đã có lỗi" in body


def test_unknown_pages_are_404_in_vietnamese(client):
    response = client.get("/khong-co")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.get_data(as_text=True)


def test_wrong_method_is_405_with_allow(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
