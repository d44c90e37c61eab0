"""Rules written after rates23's measurement, on its classes: 近 after a verb or its object
is nearly (打工近20年: under), a date's month and day after a year and a dash (2020-07-22,
the next line's first word no unit), rounds and pairs counted (三轮, 17雙), and 月增收 or
月平均收入 per month, on sentences written for them, near-misses included.  Each reading is
(span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("他在浙江打工近20年，一直从事制衣", [("近20年", 20, None, 20, "年", "under", "year")]),
        ("民宿已经开业近两年了", [("近两年", 2, None, 2, "年", "under", "year")]),
        ("有着近千年历史的古村落", [("近千年", 1000, None, 1000, "年", "under", "year")]),
        # near-misses: the past N years with 来 (at a clause's start, after 里 or a person);
        # without 来 a time frame, as 这两年: relative time (docs/DESIGN.md, Qualifiers)
        ("，近三年实现跨越式发展", []),
        ("坝子里近十多年种植结构", []),
        ("她近4天采收了90斤茶叶", [("90斤", 90, 90, 90, "斤", "exact", "kg")]),
        ("近30年来，村里", [("30年", 30, 30, 30, "年", "exact", "year")]),
        ("坝子里近十多年来", [("十多年", 10, 10, 20, "年", "plus", "year")]),
    ],
)  # fmt: skip
def test_nearly_after_a_verb(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("发布日期:2020-07-22\n\n张帮巧的丈夫在外省打工", []),
        ("2020-12-01\n周口日报记者", []),
        # near-misses: a range of years before a sum, a range of money
        ("2020-2022年投资3亿元", [
            ("3亿元", 300000000, 300000000, 300000000, "元", "exact", "CNY"),
        ]),
        ("投资3.5-4亿元", [("3.5-4亿元", 350000000, 350000000, 400000000, "元", "range", "CNY")]),
    ],
)  # fmt: skip
def test_a_dates_month_and_day_is_no_range(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("进行三轮全面排查", [("三轮", 3, 3, 3, "轮", "exact", "count:轮")]),
        ("她能製作17雙勞保手套", [("17雙", 17, 17, 17, "双", "exact", "count:双")]),
        ("月增收兩千多元", [("兩千多元", 2000, 2000, 3000, "元/月", "plus", "CNY/month")]),
        ("月平均收入可达3000元以上", [
            ("3000元以上", 3000, 3000, None, "元/月", "over", "CNY/month"),
        ]),
        # near-misses: 三轮车 (a tricycle), 一双手 (an article), 双方, a month named (3月)
        ("买了3辆三轮车", [("3辆", 3, 3, 3, "辆", "exact", "count:辆")]),
        ("一双手", []),
        ("双方3人", [("3人", 3, 3, 3, "人", "exact", "person")]),
        ("3月增收500元", [("500元", 500, 500, 500, "元", "exact", "CNY")]),
    ],
)  # fmt: skip
def test_rounds_pairs_and_a_months_gain(text, found):
    assert readings(text) == found
