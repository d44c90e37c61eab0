"""Rules of branch xrules10 (issue 12: non-rate classes, the seen lists' misses and the
forms issue 12 names), one test per rule, on sentences written for them, near-misses
included (where the rule must not fire)."""

from __future__ import annotations

import pytest
from extract_readings import rows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("覆盖率达到百分之六十五点五", [("百分之六十五点五", 65.5, 65.5, "%", "exact", "percent")]),
        ("貧困發生率降至百分之零點八", [("百分之零點八", 0.8, 0.8, "%", "exact", "percent")]),
        (
            "合格率达到百分之九十九点五以上",
            [("百分之九十九点五以上", 99.5, None, "%", "over", "percent")],
        ),
        ("增長了百分之十二點三", [("百分之十二點三", 12.3, 12.3, "%", "exact", "percent")]),
        ("占比约百分之三点零五", [("约百分之三点零五", None, None, "%", "approx", "percent")]),
        # near-misses: no decimal, or 点 that is no decimal point
        ("占比百分之三十", [("百分之三十", 30, 30, "%", "exact", "percent")]),
        ("增长了百分之五点", [("百分之五", 5, 5, "%", "exact", "percent")]),
        ("达到百分之十，点击量翻倍", [("百分之十", 10, 10, "%", "exact", "percent")]),
        ("提高了百分之二十多", [("百分之二十多", 20, 30, "%", "plus", "percent")]),
    ],
)
def test_a_chinese_decimal_point_inside_a_percent(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每人补助1 200元", [("1 200元", 1200, 1200, "元/人", "exact", "CNY/person")]),
        ("共投入资金2 500万元", [("2 500万元", 25_000_000, 25_000_000, "元", "exact", "CNY")]),
        ("产值1 234.5万元", [("1 234.5万元", 12_345_000, 12_345_000, "元", "exact", "CNY")]),
        ("收入达12 600 元", [("12 600 元", 12600, 12600, "元", "exact", "CNY")]),
        ("全村 1 050 户农户", [("1 050 户", 1050, 1050, "户", "exact", "household")]),
        # near-misses: a space between numbers that are not one group of thousands
        ("2023年 200元", [("200元", 200, 200, "元", "exact", "CNY")]),
        (
            "5个村 300元",
            [("5个", 5, 5, "个", "exact", "count"), ("300元", 300, 300, "元", "exact", "CNY")],
        ),
        ("图12 34元", [("34元", 34, 34, "元", "exact", "CNY")]),
        ("3 1200元", [("1200元", 1200, 1200, "元", "exact", "CNY")]),
        ("编号 12 3000元", [("3000元", 3000, 3000, "元", "exact", "CNY")]),
        ("1.5 200元", [("200元", 200, 200, "元", "exact", "CNY")]),
    ],
)
def test_a_space_between_groups_of_thousands(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("收入没到一万元", [("没到一万元", None, 10000, "元", "under", "CNY")]),
        ("收入還沒到3000元", [("沒到3000元", None, 3000, "元", "under", "CNY")]),
        ("收入没有超过3000元", [("没有超过3000元", None, 3000, "元", "under", "CNY")]),
        ("产量没有达到500斤", [("没有达到500斤", None, 500, "斤", "under", "kg")]),
        ("那年没挣到1万元", [("没挣到1万元", None, 10000, "元", "under", "CNY")]),
        ("去年沒有賺到兩萬塊錢", [("沒有賺到兩萬塊錢", None, 20000, "块钱", "under", "CNY")]),
        ("总共也没收入下1万块钱", [("没收入下1万块钱", None, 10000, "块钱", "under", "CNY")]),
        ("打工几年沒攢下5000元", [("沒攢下5000元", None, 5000, "元", "under", "CNY")]),
        # near-misses: a negation that reaches nothing, or 下 that is no reaching
        ("他没花1万元", [("1万元", 10000, 10000, "元", "exact", "CNY")]),
        ("价格没有下降10%", [("10%", 10, 10, "%", "exact", "percent")]),
        ("下了3000元的订单", [("3000元", 3000, 3000, "元", "exact", "CNY")]),
        ("收入超过3000元", [("超过3000元", 3000, None, "元", "over", "CNY")]),
        ("没想到赚了3000元", [("3000元", 3000, 3000, "元", "exact", "CNY")]),
    ],
)
def test_a_negated_reaching_is_an_upper_bound(text, found):
    assert rows(text) == found
