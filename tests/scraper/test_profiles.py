"""Each site family's profile on a small realistic page, and the generic fallback."""
from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.scraper.conftest import FIXTURES

BASE = "https://stnmt.example.gov.vn/tin-tuc/bai-viet.html"

CASES = {
    "wordpress": dict(site="wordpress", title="Tổ chức tập huấn nghiệp vụ đo đạc bản đồ",
                      published="2024-05-14T09:15:00+07:00", author="Nguyễn Thị Lan",
                      first="Sáng ngày 14/5/2024", last="Kết thúc khóa học",
                      caption="Quang cảnh buổi tập huấn", attachment="tai-lieu-tap-huan.pdf",
                      rows=["Lý thuyết, 8", "Thực hành, 16"], items=["Đo đạc thửa đất bằng máy GNSS RTK;"]),
    "liferay": dict(site="liferay", title="Hội nghị triển khai Luật Tài nguyên nước năm 2023",
                    published="2024-03-12T14:20:00+07:00", author="Trần Văn Hùng",
                    lead="Ngày 12/3, Sở Tài nguyên và Môi trường tổ chức hội nghị",
                    first="Luật Tài nguyên nước năm 2023 được Quốc hội", last="Hội nghị đã dành thời gian",
                    caption="Đồng chí Giám đốc Sở phát biểu khai mạc hội nghị",
                    attachment="luat-tai-nguyen-nuoc-2023.pdf"),
    "dnn": dict(site="dnn-aspnet", title="Công bố quy hoạch sử dụng đất đến năm 2030",
                published="2024-01-05T10:45:00+07:00", author="Phòng Tài nguyên và Môi trường",
                lead="UBND huyện tổ chức hội nghị công bố", first="Quy hoạch sử dụng đất được",
                last="Người dân có thể tra cứu", rows=["Đất trồng lúa, 8.450"],
                items=["Đất phi nông nghiệp tăng thêm 1.250 ha so với năm 2020.", "Đất chưa sử dụng giảm còn 320 ha."]),
    "vnpt": dict(site="vnpt-portal", title="Tăng cường quản lý khoáng sản trên địa bàn tỉnh",
                 published="2024-02-20T16:05:00+07:00", author="Minh Anh",
                 lead="UBND tỉnh vừa ban hành Chỉ thị", first="Chỉ thị yêu cầu các sở, ngành",
                 last="Các tổ chức, cá nhân khai thác", caption="Một điểm khai thác đá tại huyện Hữu Lũng",
                 attachment="chi-thi-05.pdf", items=["Rà soát giấy phép khai thác còn hiệu lực."]),
    "drupal": dict(site="drupal-department", title="Ra quân dọn vệ sinh môi trường",
                   published="2023-09-16T07:30:00+07:00", author="Theo Báo Lạng Sơn",
                   lead="Hưởng ứng Chiến dịch làm cho thế giới sạch hơn", first="Sáng 16/9, tại khu vực",
                   last="Hoạt động góp phần nâng cao", caption="Đoàn viên thanh niên thu gom rác thải ven sông",
                   attachment="ke-hoach-ra-quan.pdf"),
    "baochinhphu-family": dict(site="baochinhphu", title="Thủ tướng chỉ đạo tăng cường bảo vệ môi trường",
                               published="2025-06-05T10:12:00+07:00", author="Thu Trang",
                               lead="Thủ tướng vừa ký Công điện", first="Công điện nêu rõ",
                               last="Các địa phương báo cáo kết quả", caption="Ảnh minh họa: VGP"),
    "generic": dict(site="generic", title="Phát động phong trào trồng cây đời đời nhớ ơn Bác Hồ",
                    published="2024-03-02T08:00:00+07:00", lead="Sáng 2/3, huyện Cao Lộc",
                    first="Phát biểu tại buổi lễ", last="Huyện cũng giao chỉ tiêu",
                    caption="Các đại biểu trồng cây tại buổi lễ"),
}
# Never read aloud, on any of these pages.
BOILERPLATE = ["Trang chủ", "Tin liên quan", "Bài viết liên quan", "Chia sẻ", "Facebook", "Zalo",
               "Bản quyền", "Cơ quan chủ quản", "marquee", "Chào mừng", "chào mừng", "In bài",
               "Cỡ chữ", "Các tin khác", "Tin đọc nhiều", "Tham khảo thêm", "Từ khóa", "quantri",
               "Chế độ ban đêm", "Xuất PDF", "Nhiệt liệt", "Liên kết website", "Tin nổi bật",
               "Ngày đăng", "Cập nhật:", "Điện thoại"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_profile_family(name):
    want = CASES[name]
    article = extract_article((FIXTURES / f"{name}.html").read_bytes(), BASE)
    assert article.site == want["site"]
    assert article.title == want["title"]
    assert article.published == want["published"]
    assert article.author == want.get("author")
    if "lead" in want:
        assert article.lead.startswith(want["lead"])
        assert not any(p.startswith(want["lead"]) for p in article.paragraphs)
    assert article.paragraphs[0].startswith(want["first"])
    assert article.paragraphs[-1].startswith(want["last"])
    if "caption" in want:
        assert want["caption"] in article.captions
        assert want["caption"] not in article.paragraphs
    if "attachment" in want:
        assert [a.url.rsplit("/", 1)[-1] for a in article.attachments] == [want["attachment"]]
        assert article.attachments[0].url.startswith("https://")
        assert article.attachments[0].title
    for row in want.get("rows", []):
        assert row in article.paragraphs
    for item in want.get("items", []):
        assert item in article.paragraphs
    everything = " ".join([article.title, article.lead, article.author or ""] + article.paragraphs
                          + article.captions)
    leaked = [b for b in BOILERPLATE if b in everything]
    assert not leaked, leaked


def test_profiles_are_data_files():
    from scraper.profiles import PROFILE_DIR, load_profiles
    names = {p.name for p in load_profiles()}
    assert {"department-sample", "drupal-department", "liferay", "dnn-aspnet", "vnpt-portal",
            "wordpress", "baochinhphu"} <= names
    assert len(list(PROFILE_DIR.glob("*.json"))) == len(names)


def test_a_profile_with_no_body_on_the_page_falls_back_to_generic():
    html = (FIXTURES / "generic.html").read_bytes()
    article = extract_article(html, "https://baochinhphu.vn/bai-viet.htm")  # host names a profile
    assert article.site == "generic"
    assert article.paragraphs[0].startswith("Phát biểu tại buổi lễ")
