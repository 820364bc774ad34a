"""Input/output cases drawn from real government and news text, one file per category of
SPOKEN-VIETNAMESE.md (tests/spoken/cases/<category>.tsv: written<TAB>spoken)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.normalize import normalize

CASES_DIR = Path(__file__).parent / "cases"
CATEGORIES = {
    "numbers", "decimals", "dates", "times", "percent", "ranges", "fractions", "symbols",
    "abbreviations", "titles", "units", "phones", "email", "urls", "caps", "roman",
    "leading_zeros", "date_vs_fraction", "seed", "definitions", "lookalikes", "stability",
    "restated",
}
# Cases read as a whole article (Normalizer.for_article), not as one sentence.
ARTICLE_CATEGORIES = {"definitions"}


def read_case(where: str, written: str) -> str:
    if where.split(":")[0] in ARTICLE_CATEGORIES:
        return normalize.for_article([written])(written)
    return normalize(written)


def load_cases() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            written, spoken = line.split("\t")
            cases.append((f"{path.stem}:{number}", written, spoken))
    return cases


CASES = load_cases()


@pytest.mark.parametrize("where, written, spoken", CASES, ids=[c[0] for c in CASES])
def test_case(where, written, spoken):
    assert read_case(where, written) == spoken


def test_every_category_has_cases():
    found = {where.split(":")[0] for where, _, _ in CASES}
    assert CATEGORIES <= found, CATEGORIES - found
    assert len(CASES) >= 300


def test_seed_page_reads_as_spoken_vietnamese():
    seed = ("Ngày 28/6/2022, Sở TN&MT kiểm tra. Huyện có 8/17 xã đạt chuẩn; 01 xã đạt chuẩn "
            "nông thôn mới. UBND huyện ban hành Kế hoạch số 32/KH-UBND ngày 20/2/2022, "
            "phân bổ 18.880 triệu đồng và thành lập 06 tổ công tác.")
    out = normalize(seed)
    assert out.startswith("ngày hai mươi tám tháng sáu năm hai nghìn không trăm hai mươi hai,")
    assert "ngày ngày" not in out
    for part in ("sở tài nguyên và môi trường", "tám trên mười bảy xã", "một xã đạt chuẩn",
                 "ủy ban nhân dân huyện",
                 "ba mươi hai trên kế hoạch ủy ban nhân dân ngày hai mươi tháng hai năm",
                 "mười tám nghìn tám trăm tám mươi triệu đồng", "sáu tổ công tác"):
        assert part in out
