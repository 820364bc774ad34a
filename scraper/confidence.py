"""How sure an extraction is, 0–1, with its reasons: which path decided, whether the
signals agreed, how much text there is, how much of it is links. A listener on a
low-confidence article is told the page may be incomplete and offered the original."""
from __future__ import annotations

from scraper.parsing import Parts

LOW_CONFIDENCE = 0.6
PATH_BASE = {
    "profile": (0.95, "hồ sơ trang {site}"),
    "agree": (0.9, "trích xuất chung: các tín hiệu khớp nhau ({agreement:.0%})"),
    "trafilatura": (0.65, "trích xuất chung: chỉ trafilatura, khối DOM không khớp ({agreement:.0%})"),
    "dom": (0.55, "trích xuất chung: chỉ khối DOM, trafilatura không tìm thấy"),
    "generic": (0.55, "trích xuất chung"),
}


def assess(parts: Parts, body_chars: int, has_title: bool, has_date: bool) -> tuple[float, list[str]]:
    """(score, reasons) of one extraction."""
    base, reason = PATH_BASE.get(parts.path, PATH_BASE["generic"])
    score, reasons = base, [reason.format(site=parts.site, agreement=parts.agreement)]
    if body_chars < 300:
        score -= 0.3
        reasons.append(f"nội dung rất ngắn ({body_chars} ký tự)")
    elif body_chars < 800:
        score -= 0.1
        reasons.append(f"nội dung ngắn ({body_chars} ký tự)")
    if parts.link_density > 0.3:
        score -= 0.2
        reasons.append(f"nhiều liên kết trong khối nội dung ({parts.link_density:.0%})")
    if not has_title:
        score -= 0.1
        reasons.append("không có tiêu đề")
    if not has_date:
        score -= 0.05
        reasons.append("không có ngày đăng")
    return round(max(0.0, min(1.0, score)), 2), reasons


def is_low(score: float | None) -> bool:
    return score is not None and score < LOW_CONFIDENCE
