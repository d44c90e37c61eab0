"""Rules written after the measurement of rates18 and rates21, on their bound and rate
classes (两天内, 48小时内; 约为每平方米1000元; 線上年交易額達3000萬余元; 日产能4万斤; 月派件提成…
7000-10000元) and counts (兄弟二人, 分三期), on sentences written for them, near-misses
included.  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN
as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # X内 after a span of time or distance is within: an upper bound, as 以内
        ("包裹两天内送达", [("两天内", 2, None, 2, "天", "under", "day")]),
        ("订单48小时内发货", [("48小时内", 48, None, 48, "小时", "under", "hour")]),
        ("三个月内完成", [("三个月内", 3, None, 3, "个月", "under", "month")]),
        ("5公里内有3个村", [
            ("5公里内", 5, None, 5, "公里", "under", "km"),
            ("3个", 3, 3, 3, "个", "exact", "count"),
        ]),
        # near-misses: a year (2020年内) and an article (一年内) stay out; 内 of a word
        ("2020年内完成", []),
        ("一年内", []),
        ("直径10米内径5米", [
            ("10米", 10, 10, 10, "米", "exact", "m"),
            ("5米", 5, 5, 5, "米", "exact", "m"),
        ]),
    ],
)  # fmt: skip
def test_within_is_an_upper_bound(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 约为 before the 每-word of an attached rate: about, the word in the span
        ("租金约为每平方米1000元", [
            ("约为每平方米1000元", 1000, None, None, "元/平方米", "approx", "CNY/m2"),
        ]),
        # a year's trade (年交易额) is per year; online (线上, 線上) is no 上年 (last year)
        ("線上年交易額達3000萬余元", [
            ("3000萬余元", 30000000, 30000000, 30010000, "元/年", "plus", "CNY/year"),
        ]),
        ("上年交易额3000万元", [
            ("3000万元", 30000000, 30000000, 30000000, "元", "exact", "CNY"),
        ]),
        # a day's capacity (日产能) is per day, as 日销; a date before 日 is none
        ("冷库日产能4万斤", [("4万斤", 40000, 40000, 40000, "斤/天", "exact", "kg/day")]),
        ("5月1日产出300斤", [("300斤", 300, 300, 300, "斤", "exact", "kg")]),
        ("日产量500斤", [("500斤", 500, 500, 500, "斤", "exact", "kg")]),
        # a month's commission, a word of the work between; not a month named (5月, 上月)
        ("快递员月派件提成可以达到7000-10000元", [
            ("7000-10000元", 7000, 7000, 10000, "元/月", "range", "CNY/month"),
        ]),
        ("5月派件提成3000元", [("3000元", 3000, 3000, 3000, "元", "exact", "CNY")]),
        ("上月提成2000元", [("2000元", 2000, 2000, 2000, "元", "exact", "CNY")]),
    ],
)  # fmt: skip
def test_rates_of_rates18s_classes(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the two of a pair (兄弟二人) are counted; phases after 分 (split into) are counted
        ("为兄弟二人建起了房子", [("二人", 2, 2, 2, "人", "exact", "person")]),
        ("夫妻二人分工协作", [("二人", 2, 2, 2, "人", "exact", "person")]),
        ("该项目分三期建设", [("三期", 3, 3, 3, "期", "exact", "count:期")]),
        ("贷款分10期还清", [("10期", 10, 10, 10, "期", "exact", "count:期")]),
        # near-misses: 二人转 (an opera), 三期工程 and 二期 (ordinals), 3年期 (a term)
        ("看二人转", []),
        ("三期工程已完工", []),
        ("二期项目", []),
        ("3年期贷款", [("3年", 3, 3, 3, "年", "exact", "year")]),
    ],
)  # fmt: skip
def test_pairs_and_phases_are_counted(text, found):
    assert readings(text) == found
