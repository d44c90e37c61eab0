"""Rules of branch xrates15 (issue 12: rate units on the classes of rates19 and rates20), one test
per rule, on sentences written for them, near-misses included (where the rule must not fire).
Each row: span, value, lower, upper, unit, canonical unit."""

from __future__ import annotations

import pytest
from extract_readings import readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a pupil (生, 学生), an old person or a teacher as the per-person denominator
        ("按每生每天4元标准补助", [("每生每天4元", 4, 4, 4, "元/生/天", "CNY/person/day")]),
        (
            "每個學生每天5元的膳食補助",
            [("每個學生每天5元", 5, 5, 5, "元/学生/天", "CNY/person/day")],
        ),
        (
            "寄宿生补助 1000 元/生·年",
            [("1000 元/生·年", 1000, 1000, 1000, "元/生/年", "CNY/person/year")],
        ),
        ("非寄宿生 500 元/生?年", [("500 元/生?年", 500, 500, 500, "元/生/年", "CNY/person/year")]),
        ("标准为1200元/人·年", [("1200元/人·年", 1200, 1200, 1200, "元/人/年", "CNY/person/year")]),
        ("每生每年补助 800 元", [("800 元", 800, 800, 800, "元/人/年", "CNY/person/year")]),
        ("每个学生每學年共700元", [("700元", 700, 700, 700, "元/人/年", "CNY/person/year")]),
        ("每名学生每月发放生活费150元", [("150元", 150, 150, 150, "元/人/月", "CNY/person/month")]),
        ("每位老人每天2元", [("每位老人每天2元", 2, 2, 2, "元/老人/天", "CNY/person/day")]),
        ("每学年补助1500元", [("1500元", 1500, 1500, 1500, "元/年", "CNY/year")]),
        # near-misses: a school is no person, a count of pupils, 每生产 a verb, 学生 counted
        ("每个学校补助5万元", [("5万元", 50000, 50000, 50000, "元", "CNY")]),
        (
            "每生产1吨补贴50元",
            [("1吨", 1, 1, 1, "吨", "t"), ("50元", 50, 50, 50, "元", "CNY")],
        ),
        ("全县学生共获补助3000万元", [("3000万元", 3e7, 3e7, 3e7, "元", "CNY")]),
        ("每个班级每月200元", [("每月200元", 200, 200, 200, "元/月", "CNY/month")]),
    ],
)
def test_a_pupil_is_a_per_person_denominator(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # X - Y with a space on each side is a range, as X-Y is
        ("在 1000 - 3000 元范围内确定", [("1000 - 3000 元", 1000, 1000, 3000, "元", "CNY")]),
        ("提取 3% - 5%比例的资金", [("3% - 5%", 3, 3, 5, "%", "percent")]),
        ("可以分为 2 - 3 档", [("2 - 3 档", 2, 2, 3, "档", "count:档")]),
        ("每亩增产 50 - 80 斤", [("50 - 80 斤", 50, 50, 80, "斤/亩", "kg/ha")]),
        ("工期 10 - 15 天", [("10 - 15 天", 10, 10, 15, "天", "day")]),
        # the range takes the rate its sentence states for the same measure
        (
            "资助标准为平均 2000 元/生·年，具体标准在 1000 - 3000 元范围内确定",
            [
                ("2000 元/生·年", 2000, 2000, 2000, "元/生/年", "CNY/person/year"),
                ("1000 - 3000 元", 1000, 1000, 3000, "元/生/年", "CNY/person/year"),
            ],
        ),
        # near-misses: a minus sign after a space, no space on one side (as before), a list
        ("气温 -5 度", []),
        ("收入 3000 -2000 元", None),
    ],
)
def test_a_spaced_hyphen_is_a_range(text, found):
    if found is None:
        assert all(r[2] == r[3] for r in readings(text))
    else:
        assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 日销 before a weight is per day, as 年产 is per year; 日销量 a day's sum
        ("平均日销小龙虾5000多斤", [("5000多斤", 5000, 5000, 6000, "斤/天", "kg/day")]),
        ("該點日銷鮮魚800公斤", [("800公斤", 800, 800, 800, "公斤/天", "kg/day")]),
        ("日销蔬菜3吨左右", [("3吨左右", 3, None, None, "吨/天", "t/day")]),
        # near-misses: 日销量 names one day's sum, 销 after a date
        ("日销量达5000斤", [("5000斤", 5000, 5000, 5000, "斤", "kg")]),
        ("10日销售大米50吨", None),
    ],
)
def test_a_day_s_sales_of_a_weight_are_per_day(text, found):
    if found is None:
        assert all(r[5] in ("t", "kg", "day") for r in readings(text))
    else:
        assert readings(text) == found
