"""Rules written after rates43 and rates44 were measured, on their classes (neither is unseen
now): a price per hundred 斤 (37元/百斤), a loose pair after 十 in 万 (十七八万元), 两条底线 (a set
phrase), 亩产 with the crop and 产量 again before the yield, and 把 counting brooms and bundles.
Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("如今能卖出37元/百斤的价格", [("37元/百斤", 37, 37, 37, "元/百斤", "exact", "CNY/kg")]),
        ("一年下来，我基本收入在十七八万元", [
            ("十七八万元", 170000, 170000, 180000, "元/年", "range", "CNY/year"),
        ]),
        ("十四五规划", []),  # the plan's name, not a pair
        ("守住发展和生态两条底线", []),
        ("修了两条路", [("两条", 2, 2, 2, "条", "exact", "count:条")]),
        ("确保种植户亩产鲜竹荪产量500公斤以上", [
            ("500公斤以上", 500, 500, None, "公斤/亩", "over", "kg/ha"),
        ]),
        ("每天能扎100把到120把", [("100把到120把", 100, 100, 120, "把", "range", "count:把")]),
        ("年生产扫帚已突破250万把，", [
            ("突破250万把", 2500000, 2500000, None, "把/年", "over", "count:把/year"),
        ]),
        # near-misses: 把 as an idiom's, an approximation's and a preposition's
        ("他真有两把刷子", []),
        ("百把块钱", [("百把块钱", 100, None, None, "块钱", "approx", "CNY")]),
        ("他把3000元存入银行", [("3000元", 3000, 3000, 3000, "元", "exact", "CNY")]),
    ],
)  # fmt: skip
def test_rules_of_rates43s_and_rates44s_classes(text, found):
    assert readings(text) == found


# rates46's classes (scored once at f72122c): 块 as money in speech before a particle, 就 or
# its period (一年八千块了, 200块就一亩, 两百块一年), and 亩利润 as what one 亩 earns.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("那就是一年八千块了，把地租出去", [
            ("八千块", 8000, 8000, 8000, "块/年", "exact", "CNY/year"),
        ]),
        ("不是一定是200块就一亩", [
            ("200块", 200, 200, 200, "块", "exact", "CNY"),
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
        ]),
        ("一亩地两百块一年的租金", [  # 一亩地 touching the sum is its rate's, with the year after
            ("一亩地两百块一年", 200, 200, 200, "块/亩/年", "exact", "CNY/ha/year"),
        ]),
        ("现在稻虾双收，亩利润超2800元！", [
            ("超2800元", 2800, 2800, None, "元/亩", "over", "CNY/ha"),
        ]),
        # near-misses: 块 counting what it names
        ("两块就地取材的石头", []),
        ("三块一组", []),
    ],
)  # fmt: skip
def test_rules_of_rates46s_classes(text, found):
    assert readings(text) == found


# rates45's classes (scored once at 2f7cc1c): a standard room written out (40元/标准间) and a
# household's average written 平均户 (平均户经营净收入).
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("淡季20元/人，40元/标准间", [
            ("20元/人", 20, 20, 20, "元/人", "exact", "CNY/person"),
            ("40元/标准间", 40, 40, 40, "元/标准间", "exact", "CNY/room"),
        ]),
        ("平均户经营净收入达到6万多元", [
            ("6万多元", 60000, 60000, 70000, "元/户", "plus", "CNY/household"),
        ]),
        ("全村平均户数100户", [("100户", 100, 100, 100, "户", "exact", "household")]),
    ],
)  # fmt: skip
def test_rules_of_rates45s_classes(text, found):
    assert readings(text) == found
