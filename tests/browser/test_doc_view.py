"""The scanned decision attached to a sample article, in real Chromium: read by a worker
(OCR), reached from the reader page by keyboard, no axe-core violations, played keyboard
only, skipping Điều by Điều with the player's section keys."""
from urllib.parse import quote

import pytest

from tests.browser.test_reader_page import wait_until
from tests.documents.test_doc_view import run_jobs
from tests.support.browser import axe_violations

pytestmark = pytest.mark.browser

ARTICLE = "tin-tuc/day-nhanh-tien-do-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau.html"
SCAN = "files/qd-412-qd-ubnd-cap-gcn-scan.pdf"
SPEAKING_SECTION_JS = ("(document.querySelector('.s.is-speaking') || {closest: () => null})"
                       ".closest('.doc-section')?.querySelector('h2').textContent || ''")


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


def test_scanned_decision_keyboard_only_with_section_skipping(app, page, live_server, sample_site):
    args = {"url": sample_site + SCAN, "article": sample_site + ARTICLE}
    page.goto(f"{live_server.url}/doc?url={quote(args['url'], safe='')}&article={quote(args['article'], safe='')}")
    assert page.locator("[data-doc-message]").inner_text() == "Đang tải và đọc văn bản"  # queued
    assert axe_violations(page) == []
    run_jobs(app)  # OCR, structure, narration: what an editor's job does ahead of listeners
    page.wait_for_selector(".doc-section", timeout=30000)  # the waiting page opened it itself

    page.goto(f"{live_server.url}/read?url={quote(sample_site + ARTICLE, safe='')}")
    for _ in range(80):  # keyboard only, from the top of the reader page to "Đọc văn bản"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.startsWith('Đọc văn bản')"):
            break
    else:
        raise AssertionError("never reached 'Đọc văn bản'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/doc?**")
    assert page.locator("h1").inner_text().startswith("Quyết định số 412/QĐ-UBND")
    headings = page.locator(".doc-section h2").all_inner_texts()
    assert headings[0] == "Phần mở đầu"
    assert [h.split(".")[0] for h in headings if h.startswith("Điều")] == ["Điều 1", "Điều 2", "Điều 3"]
    assert headings[-2:] == ["Người ký", "Nơi nhận"]
    assert axe_violations(page) == []

    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-cmd=\"toggle\"]')"):
            break
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('[data-audio]').currentTime > 0.2")
    seen = []
    for _ in range(4):  # ";" = next section (the player's next block)
        page.keyboard.press(";")
        wait_until(page, f"({SPEAKING_SECTION_JS}) !== {seen[-1]!r}" if seen else f"({SPEAKING_SECTION_JS}) !== ''")
        seen.append(page.evaluate(SPEAKING_SECTION_JS))
    assert [s.split(".")[0] for s in seen] == ["Phần mở đầu", "Điều 1", "Điều 2", "Điều 3"]
    page.keyboard.press("h")  # back one section
    wait_until(page, f"({SPEAKING_SECTION_JS}).startsWith('Điều 2')")


def test_the_pages_already_read_play_while_the_rest_is_recognised(app, page, live_server, sample_site):
    """A partial reading (page 1 of 2) appears on the waiting page as it polls; its view says
    it is partial, has no axe-core violations and plays."""
    from documents.model import Document, Section
    from services.container import services_of
    args = {"url": sample_site + SCAN, "article": sample_site + ARTICLE}
    page.goto(f"{live_server.url}/doc?url={quote(args['url'], safe='')}&article={quote(args['article'], safe='')}")
    assert page.locator("[data-doc-partial]").is_hidden()
    doc = Document(doc_type="QUYẾT ĐỊNH", number="412/QĐ-UBND", title="Về việc cấp giấy chứng nhận",
                   sections=[Section(heading="Điều 1", paragraphs=["Cấp giấy chứng nhận cho các hộ gia đình."])],
                   pages=2, ocr_pages=[1], kind="pdf")
    services_of(app).documents.save_partial(args["url"], doc, 1, 2)  # what the job does after page 1
    page.wait_for_selector("[data-doc-partial-link]", state="visible", timeout=30000)
    assert page.locator("[data-doc-partial-count]").inner_text() == "1/2"
    page.locator("[data-doc-partial-link]").click()
    page.wait_for_selector(".doc-section")
    assert "phần còn lại sẽ có khi đọc xong" in page.locator("[data-doc-partial]").inner_text()
    assert axe_violations(page) == []
    page.locator('[data-cmd="toggle"]').first.click()
    wait_until(page, "document.querySelector('[data-audio]').currentTime > 0.2")
