"""The editor page in real Chromium: accessible (axe, labels, live regions), works by
keyboard, posts in place, shows the queue live and plays lexicon previews."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app import create_app
from tests.editor import workers
from tests.editor.workers import TOKEN
from tests.support.browser import axe_violations


@pytest.fixture()
def editor_url(tmp_path, redis_url, redis_client, live_server_for):
    with workers.served_copy(tmp_path) as (site_url, _):
        env = workers.settings(redis_url, site_url, tmp_path / "instance")
        server = live_server_for(create_app(workers.app_config(env)))
        yield server.url + "/editor", site_url


def _sign_in(page, url):
    page.goto(url)
    assert page.title().startswith("Đăng nhập biên tập")
    assert axe_violations(page) == []
    page.get_by_label("Mã truy cập").fill("sai")
    page.keyboard.press("Enter")
    page.wait_for_selector("#login-error")
    assert "không đúng" in page.locator("[role=alert]").inner_text()
    page.get_by_label("Mã truy cập").fill(TOKEN)
    page.keyboard.press("Enter")
    page.wait_for_selector("#editor-title")


@pytest.mark.browser
def test_editor_page_is_accessible_and_live(page, editor_url):
    url, site_url = editor_url
    _sign_in(page, url)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert axe_violations(page) == []

    # Paste two URLs and queue them, by keyboard; the script posts in place.
    page.get_by_label("Địa chỉ bài viết, mỗi dòng một địa chỉ (tối đa 100)").fill(
        f"{site_url}tin-tuc/a.html\n{site_url}tin-tuc/b.html")
    page.get_by_role("button", name="Đưa vào hàng đợi").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#thong-bao")).to_contain_text("Đã đưa 2 bài")
    assert page.url == url  # no page load: the message came in the live region
    expect(page.locator("#queue-rows tr[data-job-id]")).to_have_count(2)
    expect(page.locator("#queue-summary")).to_contain_text("Đang chờ 2")
    assert page.locator("#queue-summary").get_attribute("aria-live") == "polite"
    assert page.locator("#urls").input_value() == ""

    # Hear an abbreviation at once.
    page.get_by_label("Từ viết tắt", exact=True).fill("UBND")
    page.get_by_label("Đọc là").fill("uỷ ban")
    page.get_by_role("button", name="Nghe thử").click()
    expect(page.locator("#preview-status")).to_contain_text("uỷ ban")
    audio = page.locator("#preview-audio")
    assert audio.is_visible()
    assert audio.get_attribute("src").startswith("blob:")
    assert axe_violations(page) == []


@pytest.mark.browser
def test_editor_page_works_without_script(browser_context, editor_url):
    url, site_url = editor_url
    page = browser_context.new_page()
    page.route("**/editor.js*", lambda route: route.abort())
    _sign_in(page, url)
    page.get_by_label("Địa chỉ bài viết, mỗi dòng một địa chỉ (tối đa 100)").fill(
        f"{site_url}tin-tuc/a.html")
    page.get_by_role("button", name="Đưa vào hàng đợi").click()
    page.wait_for_load_state()
    assert "Đã đưa 1 bài vào hàng đợi." in page.locator("#thong-bao").inner_text()
    assert page.locator("#queue-rows tr[data-job-id]").count() == 1
