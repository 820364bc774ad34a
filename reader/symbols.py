"""Small reading tables that are not abbreviations: letter names, symbols, slash words."""
from __future__ import annotations

# Vietnamese letter names, for acronyms nobody can pronounce as a word ("FPT" -> "ép pê tê").
LETTER_NAMES = {
    "a": "a", "b": "bê", "c": "xê", "d": "dê", "đ": "đê", "e": "e", "f": "ép", "g": "gờ",
    "h": "hát", "i": "i", "j": "gi", "k": "ca", "l": "lờ", "m": "em", "n": "en", "o": "o",
    "p": "pê", "q": "quy", "r": "rờ", "s": "ét", "t": "tê", "u": "u", "v": "vê",
    "w": "vê kép", "x": "ích", "y": "i dài", "z": "dét",
}

# Symbols left after numbers and abbreviations are read (order does not matter).
SYMBOL_WORDS = {
    "&": " và ", "@": " a còng ", "+": " cộng ", "=": " bằng ", "^": " mũ ", "±": " cộng trừ ",
    "$": " đô la ", "€": " ơ rô ", "£": " bảng anh ", "¥": " yên ", "₫": " đồng ",
    "%": " phần trăm ", "°": " độ ", "§": " mục ", "×": " nhân ", "÷": " chia ",
}
# Characters a voice should not see at all.
SILENT_CHARS = "\"“”„‟«»‹›`*#_|\\~<>[]{}•·●▪■□◆◇►▶→←↑↓✓✔"

# A slash is read "trên" (per) when the word before it is a unit or a price...
PER_LEFT = frozenset("""
đồng vuông khối mét gam lít tấn ta la mỹ giờ ngày tháng năm người kg km ha m g l t
lô oát vôn bai khẩu kwh usd vnđ đ tạ yến cân chiếc con xuất suất tỷ triệu nghìn
""".split())
# ...or when a number precedes and the word after it is a "per" word (19 tiêu chí/xã).
PER_RIGHT = frozenset("""
ngày đêm tháng năm quý tuần giờ phút giây người hộ khẩu xã huyện tỉnh lượt lần ca
ha héc mét ki tấn lít con cổ đơn suất xuất chiếc kg km m ng học sinh lớp trường thôn
""".split())
