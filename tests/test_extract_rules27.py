"""The scan copy reads every traditional character as its simplified form (OpenCC's t2s
table), not only those SCAN_MAP names: a rate's words in traditional characters the rules
were not written for (實現, 發放, 床鋪) give the rate as they do in simplified ones.  Each
reading is (span, value, lower, upper, unit, qualifier, canonical unit)."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings

from ruralstudy.extract.text import SCAN_MAP, scan_copy, traditional_to_simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("每個床鋪一晚收費120元。", "每个床铺一晚收费120元。"),
        ("合作社月發放工資12萬元。", "合作社月发放工资12万元。"),
        ("該廠年實現銷售收入80萬元。", "该厂年实现销售收入80万元。"),
    ],
)
def test_a_rate_in_traditional_characters_reads_as_in_simplified(traditional, simplified):
    found = readings(traditional)
    assert [row[1:] for row in found] == [row[1:] for row in readings(simplified)]
    assert found and "/" in found[0][-1]


def test_the_scan_copy_keeps_offsets_and_the_spans_are_the_texts():
    text = "該廠年實現銷售收入80萬元，著名。"
    scan = scan_copy(text)
    assert len(scan) == len(text) and scan.startswith("该厂年实现销售收入80万元")
    assert [row[0] for row in readings(text)] == ["80萬元"]  # the span is the text's


def test_scan_maps_own_readings_win_over_opencc():
    table = traditional_to_simplified()
    assert table[ord("實")] == ord("实") and ord("a") not in table
    assert scan_copy("產") == chr(SCAN_MAP[ord("產")])
