"""Rules written after rates28 was measured, on its classes (no longer unseen), with sentences
written for them and near-misses: 每人每次 per visit, 每个床铺 per bed, a year's whole (一年下来)
not per 亩, an income per head taking no day of another clause, 两种类型 and 24顶.  Each
reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("烧烤区使用：每人每次约10-20元。", [
            ("约10-20元", 10, 10, 20, "元/人次", "range", "CNY/person-time"),
        ]),
        ("每人每天约50元。", [
            ("每人每天约50元", 50, None, None, "元/人/天", "approx", "CNY/person/day"),
        ]),
        # kinds before 类型, and tents counted in 顶 (not 种植, 种类, 顶多)
        ("分为露营和房车两种类型。", [("两种", 2, 2, 2, "种", "exact", "count:种")]),
        ("两种植物，多种种类。", []),
        ("24頂帳篷房。", [("24頂", 24, 24, 24, "顶", "exact", "count:顶")]),
        ("顶级酒店，顶多三天。", [("顶多三天", 3, None, 3, "天", "under", "day")]),
        ("每个床铺一天收费80元。", [("80元", 80, 80, 80, "元/床/天", "exact", "CNY/bed/day")]),
        # 每人年均 is per person and year, as 人年均 (the older lists' reading; rates28's writer
        # read 每人年均工资 as a year's pay per person: a convention left unforced)
        ("招录工作人员50余人，每人年均工资3万元。", [
            ("50余人", 50, 50, 60, "人", "plus", "person"),
            ("3万元", 30000, 30000, 30000, "元/人/年", "exact", "CNY/person/year"),
        ]),
        # a year's whole after a rate per 亩: the household's year, not per 亩
        ("每亩每年能拿到700元，一年下来也能有4200元的收入。", [
            ("700元", 700, 700, 700, "元/亩/年", "exact", "CNY/ha/year"),
            ("4200元", 4200, 4200, 4200, "元/年", "exact", "CNY/year"),
        ]),
        # ... while a person's day stays per person
        ("每人做工一小时12元，一天下来也可能挣72元。", [
            ("12元", 12, 12, 12, "元/人/小时", "exact", "CNY/person/hour"),
            ("72元", 72, 72, 72, "元/人/天", "exact", "CNY/person/day"),
        ]),
        # an income per head is no day's of another clause
        ("村民们每日守着几亩耕地过日子，人均收入不足3200元。", [
            ("不足3200元", 3200, None, 3200, "元/人", "under", "CNY/person"),
        ]),
    ],
)  # fmt: skip
def test_rules_of_rates28s_classes(text, found):
    assert readings(text) == found
