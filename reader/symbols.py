"""Small reading tables that are not abbreviations: letter names, symbols, slash words."""
from __future__ import annotations

# Vietnamese letter names, for acronyms nobody can pronounce as a word ("FPT" -> "ép pê tê").
LETTER_NAMES = {
    "a": "a", "b": "bê", "c": "xê", "d": "dê", "đ": "đê", "e": "e", "f": "ép", "g": "gờ",
    "h": "hát", "i": "i", "j": "gi", "k": "ca", "l": "lờ", "m": "em", "n": "en", "o": "o",
    "p": "pê", "q": "quy", "r": "rờ", "s": "ét", "t": "tê", "u": "u", "v": "vê",
    "w": "vê kép", "x": "ích", "y": "i dài", "z": "dét",
}

# Address prefixes glued to a place name or a number: "P.Vĩnh Ninh", "Q.Bình Tân", "Q.6".
ADDRESS_PREFIXES = {"P": "phường", "Q": "quận"}

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

# ...or when the word after it is a span of time, whatever comes before (GDP/năm, lượt/ngày).
PER_TIME = frozenset("ngày đêm tháng năm quý tuần giờ phút giây".split())

# An expansion that starts with the word just said is said once ("Sở STNMT" is "sở tài
# nguyên…", not "sở sở …") only when that word is a head noun of a name. Any other single
# word belongs to what came before ("hành vi VPHC": "hành vi vi phạm hành chính"); a repeat
# of two or more words ("chỉ số AQI") is always an echo.
ECHO_HEADS = frozenset("""
sở bộ ban khu cụm quỹ phòng viện cục chi tổng ủy hội trung văn công ngân bảo tòa đảng
""".split())
