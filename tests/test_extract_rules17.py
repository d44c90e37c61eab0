"""Classifiers 单 (orders) and 枚 (eggs, coins), added after rates18's measurement (its
misses 五千单左右, 25000多单, 近10萬枚), on sentences written for them, near-misses
included.  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN
as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("旺季每天发货五千单左右", [("五千单左右", 5000, None, None, "单", "approx", "count:单")]),
        ("去年网店卖出3万多单", [("3万多单", 30000, 30000, 40000, "单", "plus", "count:单")]),
        ("村里收购土鸡蛋近10萬枚", [("近10萬枚", 100000, None, 100000, "枚", "under", "count:枚")]),
        ("一天能接200单", [("200单", 200, 200, 200, "单", "exact", "count:单")]),
        # near-misses: 单价, 单位, 单产, 单元 and 枚举 are words, not orders or eggs
        ("3单元2楼", []),
        ("5单位联合举办", []),
        ("不胜枚举", []),
    ],
)
def test_orders_and_eggs_are_counted(text, found):
    assert readings(text) == found
