"""`flask normalize`: one spoken line out per line in, in order."""
from __future__ import annotations


def test_normalize_reads_stdin_lines(runner):
    lines = ["Kế hoạch số 32/KH-UBND ngày 20/2/2022", "", "18.880 triệu đồng", "UBND huyện",
             "   ", "***"]
    result = runner.invoke(args=["normalize"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output.split("\n")
    assert out[-1] == ""
    out = out[:-1]
    assert len(out) == len(lines)
    assert out[0] == ("kế hoạch số ba mươi hai trên kế hoạch ủy ban nhân dân ngày hai mươi "
                      "tháng hai năm hai nghìn không trăm hai mươi hai")
    assert out[1] == ""
    assert out[2] == "mười tám nghìn tám trăm tám mươi triệu đồng"
    assert out[3] == "ủy ban nhân dân huyện"


def test_normalize_without_final_newline(runner):
    result = runner.invoke(args=["normalize"], input="01 xã\r\n06 tổ")
    assert result.exit_code == 0
    assert result.output == "một xã\nsáu tổ\n"
