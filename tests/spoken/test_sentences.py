"""Sentence splitting that abbreviations, numbers and dates do not fool; chunking that never
cuts a word or a spoken number and respects max_chars; plan_speech keeps the link back."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from reader.normalize import normalize
from reader.sentences import SpokenChunk, chunk_text, plan_speech, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Ngày 28/6/2022, Sở họp. UBND huyện báo cáo.",
     ["Ngày 28/6/2022, Sở họp.", "UBND huyện báo cáo."]),
    ("TP. Lạng Sơn có 18.880 hộ. Năm 2022 tăng.", ["TP. Lạng Sơn có 18.880 hộ.", "Năm 2022 tăng."]),
    ("TS. Nguyễn Văn A phát biểu. ThS. Lê B trả lời.",
     ["TS. Nguyễn Văn A phát biểu.", "ThS. Lê B trả lời."]),
    ("PGS.TS. Trần C chủ trì. GS. Đỗ D dự.", ["PGS.TS. Trần C chủ trì.", "GS. Đỗ D dự."]),
    ("Tỷ lệ đạt 98,63 điểm. Giá 1.5 USD.", ["Tỷ lệ đạt 98,63 điểm.", "Giá 1.5 USD."]),
    ("Họp ngày 28.6.2022 tại xã. Xong.", ["Họp ngày 28.6.2022 tại xã.", "Xong."]),
    ("Theo 32/KH-UBND. Kế hoạch rõ.", ["Theo 32/KH-UBND.", "Kế hoạch rõ."]),
    ("Xóa đói giảm nghèo... và các việc khác. Hết.",
     ["Xóa đói giảm nghèo... và các việc khác.", "Hết."]),
    ("Xóa đói giảm nghèo... Các thành phần dự.", ["Xóa đói giảm nghèo...", "Các thành phần dự."]),
    ("Ông nói: “Phải làm ngay.” Bà đồng ý.", ["Ông nói: “Phải làm ngay.”", "Bà đồng ý."]),
    ("mức độ 4 ”. Nhiệt liệt chào mừng!", ["mức độ 4 ”.", "Nhiệt liệt chào mừng!"]),
    ("Nhà, đất, v.v. đều được kê khai. Xong.", ["Nhà, đất, v.v. đều được kê khai.", "Xong."]),
    ("Có thật không? Có! Vậy thì làm.", ["Có thật không?", "Có!", "Vậy thì làm."]),
    ("Dòng một\nDòng hai. Câu ba.", ["Dòng một", "Dòng hai.", "Câu ba."]),
    ("Năm 2021. 8 xã đạt chuẩn.", ["Năm 2021.", "8 xã đạt chuẩn."]),
    ("Tp. Hà Nội và TX. Sơn Tây.", ["Tp. Hà Nội và TX. Sơn Tây."]),
    ("  ", []),
    ("Một câu không dấu chấm", ["Một câu không dấu chấm"]),
    ("Theo Nghị định số 08/2022/NĐ-CP. Tiếp theo là (Điều 5). Hết.",
     ["Theo Nghị định số 08/2022/NĐ-CP.", "Tiếp theo là (Điều 5).", "Hết."]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_seed_paragraph_splits_where_a_reader_would_pause():
    text = ("Năm 2022, theo Kế hoạch của tỉnh: huyện Bắc Sơn có 01 xã đạt chuẩn nông thôn mới "
            "(xã Vũ Lăng); 01 xã đạt chuẩn nông thôn mới nâng cao (xã Bắc Quỳnh). Ngoài ra, theo "
            "Kế hoạch của huyện tự phấn đấu 02 xã đạt chuẩn nông thôn mới (xã Tân Hương, xã Chiêu "
            "Vũ) và 01 xã đạt chuẩn nông thôn mới kiểu mẫu (xã Chiến Thắng).")
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert sentences[1].startswith("Ngoài ra")


SPOKEN = normalize("Để đảm bảo công tác chỉ đạo, thực hiện Chương trình mục tiêu quốc gia về xây "
                   "dựng nông thôn mới năm 2022, ngay từ đầu năm, UBND huyện đã xây dựng, ban hành "
                   "Kế hoạch số 32/KH-UBND ngày 20/2/2022 về thực hiện Chương trình mục tiêu quốc "
                   "gia xây dựng nông thôn mới huyện Bắc Sơn năm 2022 và các văn bản chỉ đạo.")


@pytest.mark.parametrize("max_chars", [20, 40, 60, 100, 200])
def test_chunks_respect_max_chars_and_keep_words(max_chars):
    chunks = chunk_text(SPOKEN, max_chars)
    assert all(len(c) <= max_chars for c in chunks)
    assert " ".join(chunks) == SPOKEN  # nothing lost, nothing cut inside a word


def test_chunks_prefer_clause_punctuation_then_conjunctions():
    chunks = chunk_text(SPOKEN, 60)
    assert chunks[0] == "để đảm bảo công tác chỉ đạo,"
    text = "các xã hoàn thiện tiêu chí trong xây dựng nông thôn mới và đề nghị các sở phụ trách"
    assert chunk_text(text, 70) == ["các xã hoàn thiện tiêu chí trong xây dựng nông thôn mới",
                                    "và đề nghị các sở phụ trách"]


def test_chunks_avoid_cutting_a_spoken_number():
    text = "huyện đã phân bổ lồng ghép được mười tám nghìn tám trăm tám mươi triệu đồng"
    chunks = chunk_text(text, 60)
    assert all(len(c) <= 60 for c in chunks)
    assert not any(c.endswith(("tám", "nghìn", "trăm", "mươi")) for c in chunks[:-1])


def test_a_word_longer_than_max_chars_is_kept_whole():
    assert chunk_text("a " + "x" * 30 + " b", 10) == ["a", "x" * 30, "b"]
    assert chunk_text("", 10) == []
    with pytest.raises(ValueError):
        chunk_text("abc", 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcđêơ ,;:", min_size=1, max_size=15), max_size=30)
       .map(" ".join), st.integers(5, 120))
def test_chunking_property(text, max_chars):
    chunks = chunk_text(text, max_chars)
    words = text.split()
    assert " ".join(chunks).split() == words
    for chunk in chunks:
        assert chunk == chunk.strip() and chunk
        assert len(chunk) <= max_chars or " " not in chunk


def test_plan_speech_links_chunks_to_displayed_sentences():
    sentences = ["Ngày 28/6/2022, Sở TN&MT kiểm tra công tác tại huyện Bắc Sơn, tỉnh Lạng Sơn.",
                 "***", "Huyện có 8/17 xã đạt chuẩn."]
    plan = plan_speech(sentences, normalize, 40)
    assert {c.sentence_index for c in plan} == {0, 2}
    assert all(isinstance(c, SpokenChunk) and len(c.spoken) <= 40 for c in plan)
    first = [c for c in plan if c.sentence_index == 0]
    assert len(first) > 1 and all(c.displayed == sentences[0] for c in first)
    assert " ".join(c.spoken for c in first) == normalize(sentences[0])
    assert not any(re.search(r"\d", c.spoken) for c in plan)
