"""Old Vietnamese font encodings in text layers: detected, converted, or sent to OCR."""
from documents.legacy import convert, is_readable, looks_legacy, repair_text


def test_tcvn3_examples_from_the_issue():
    assert convert("Qu¶n lý", "tcvn3") == "Quản lý"
    assert convert("Sè", "tcvn3") == "Số"
    assert repair_text("Qu¶n lý ®Êt ®ai trªn ®Þa bµn tØnh L¹ng S¬n. Sè 45") == \
        ("Quản lý đất đai trên địa bàn tỉnh Lạng Sơn. Số 45", "tcvn3")


def test_vni_is_converted():
    assert repair_text("Quaûn lyù ñaát ñai treân ñòa baøn tænh Laïng Sôn theo quy ñònh") == \
        ("Quản lý đất đai trên địa bàn tỉnh Lạng Sơn theo quy định", "vni")


def test_unicode_vietnamese_is_left_alone():
    text = "Quản lý đất đai trên địa bàn tỉnh Lạng Sơn. Chè xanh, bè bạn, về quê."
    assert not looks_legacy(text)
    assert repair_text(text) == (text, "")


def test_garbage_that_converts_to_nothing_is_not_readable():
    assert not is_readable("ÿþý üû ùøö õô óò ñð ïî íì ëê éè çæ åä ãâ áà ßÞ ÝÜ ÛÚ ÙØ")
    assert is_readable("Điều 1. Quyết định này có hiệu lực kể từ ngày ký.")
