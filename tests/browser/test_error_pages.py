"""Error pages in a Chromium that prefers English (its default in many installs): still
Vietnamese, with lang="vi", so a screen reader reads them with a Vietnamese voice."""
import json
from pathlib import Path

import pytest

from tests.support.browser import axe_version, axe_violations

PACKAGE = Path(__file__).resolve().parents[2] / "package.json"

pytestmark = pytest.mark.browser


@pytest.fixture()
def browser_locale() -> str:
    return "en-US"


@pytest.mark.parametrize("path, message", [
    ("/khong-co-trang-nay", "Không tìm thấy trang bạn yêu cầu."),
    ("/read", "Thiếu địa chỉ bài viết"),
])
def test_error_pages_stay_vietnamese_for_an_english_browser(page, live_server, path, message):
    # As Chromium in English sends it (Playwright's locale alone sends only "en-US", which
    # never preferred English here).
    page.route("**/*", lambda route: route.continue_(headers={
        **route.request.headers, "accept-language": "en-US,en;q=0.9"}))
    response = page.goto(live_server.url + path)
    assert response.request.all_headers()["accept-language"] == "en-US,en;q=0.9"
    assert page.evaluate("navigator.language") == "en-US"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Xin lỗi"
    assert page.get_by_role("alert").inner_text().startswith(message)
    assert page.get_by_role("link", name="Về trang chủ").is_visible()
    assert not page.locator("[lang=en]").count()
    # The current axe-core, as package.json pins it (not an older bundled copy).
    assert axe_version(page) == json.loads(PACKAGE.read_text())["devDependencies"]["axe-core"]
    assert axe_violations(page) == []
