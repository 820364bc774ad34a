"""Reading order from positioned words: columns, headers/footers, page numbers, tables,
paragraphs across line and page breaks. Synthetic pages (points), no files."""
from documents.layout import drop_running_lines, order_page
from documents.model import PageText, Word
from documents.paragraphs import build_blocks, read_table

H = 12.0  # text height


def line(text: str, x0: float, top: float, width: float | None = None) -> list[Word]:
    """Words of a line laid out from x0 (6 pt a character)."""
    words, x = [], x0
    for token in text.split():
        w = len(token) * 6
        words.append(Word(token, x, x + w, top, top + H))
        x += w + 4
    return words


def page(number: int, *lines: list[Word]) -> PageText:
    return PageText(number=number, width=600, height=840, words=[w for l in lines for w in l])


def blocks_of(*pages: PageText) -> list[str]:
    lines = []
    for p in pages:
        lines.extend(order_page(p, region_base=len(lines)))
    return [b.text for b in build_blocks(lines, H)]


def test_two_columns_are_read_column_by_column():
    left = ["Cột trái dòng một của", "đoạn văn bên trái và", "kết thúc tại đây."]
    right = ["Cột phải dòng một của", "đoạn văn bên phải và", "kết thúc ở cuối."]
    rows = []
    for i, (a, b) in enumerate(zip(left, right)):
        rows += [line(a, 60, 100 + i * 16), line(b, 330, 100 + i * 16)]
    assert blocks_of(page(1, *rows)) == [" ".join(left), " ".join(right)]


def test_running_header_footer_and_page_numbers_are_dropped_and_paragraph_continues():
    text1 = "Đây là đoạn văn dài bắt đầu ở trang một và chưa"
    text2 = "kết thúc cho tới trang hai mới hết."
    pages = [page(n, line("UBND TỈNH LẠNG SƠN - Kế hoạch số 32", 150, 30),
                  line(body, 60, 300), line(f"- {n} -", 290, 800)) for n, body in ((1, text1), (2, text2))]
    assert blocks_of(*drop_running_lines(pages)) == [f"{text1} {text2}"]


def test_a_new_paragraph_starts_after_a_sentence_end_on_a_short_line_and_at_markers():
    rows = [line("Điều 1. Phạm vi điều chỉnh của quy định này bao gồm các", 60, 100),
            line("nội dung sau đây.", 60, 116),
            line("1. Khoản một.", 60, 132),
            line("a) Điểm a của khoản một.", 60, 148)]
    assert blocks_of(page(1, *rows)) == [
        "Điều 1. Phạm vi điều chỉnh của quy định này bao gồm các nội dung sau đây.",
        "1. Khoản một.", "a) Điểm a của khoản một."]


def test_header_block_of_two_columns_keeps_its_sides_apart():
    rows = [line("ỦY BAN NHÂN DÂN", 80, 60), line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60),
            line("TỈNH LẠNG SƠN", 90, 76), line("Độc lập - Tự do - Hạnh phúc", 330, 76),
            line("Số: 45/2025/QĐ-UBND", 70, 92), line("Lạng Sơn, ngày 30 tháng 12 năm 2025", 310, 92)]
    assert blocks_of(page(1, *rows)) == [
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Số: 45/2025/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 30 tháng 12 năm 2025"]


def test_tables_are_read_row_by_row_with_headers():
    assert read_table([["STT", "Đơn vị", "Số xã"], ["1", "Huyện Cao Lộc", "22"],
                       ["2", "Huyện Bắc Sơn", "8"]]) == [
        "Hàng 1: Huyện Cao Lộc; Số xã: 22", "Hàng 2: Huyện Bắc Sơn; Số xã: 8"]


def test_an_unruled_table_of_three_columns_is_a_table_not_columns():
    rows = []
    for i, cells in enumerate([("STT", "Đơn vị", "Số xã"), ("1", "Cao Lộc", "22"), ("2", "Bắc Sơn", "8")]):
        rows += [line(cells[0], 60, 100 + i * 16), line(cells[1], 160, 100 + i * 16),
                 line(cells[2], 400, 100 + i * 16)]
    assert blocks_of(page(1, *rows)) == ["Hàng 1: Cao Lộc; Số xã: 22", "Hàng 2: Bắc Sơn; Số xã: 8"]
