"""Rules written after rates39 and rates40 were measured, on their classes (neither is unseen
now): 人民币 after a figure as money, the Latin Km, a train's number (73次列车), a denominator
with its slash left out at a phrase's end (80元天, 60元公斤, 40元人次), a year's income of a kind
(年发电收入), 年 before 亩产值, and villages counted in Chinese numerals after a stop or a word
of which (，两村合并以来).  Each reading is (span, value, lower, upper, unit, qualifier,
canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("門票110人民幣，長桌宴48人民幣。", [
            ("110人民幣", 110, 110, 110, "人民币", "exact", "CNY"),
            ("48人民幣", 48, 48, 48, "人民币", "exact", "CNY"),
        ]),
        ("100人民", []),  # no money, and no people
        ("日行62Km，全程1646Km。", [
            ("62Km", 62, 62, 62, "Km", "exact", "km"),
            ("1646Km", 1646, 1646, 1646, "Km", "exact", "km"),
        ]),
        ("乘到上海的73次列車到玉屏站", []),
        ("他去了3次", [("3次", 3, 3, 3, "次", "exact", "count:次")]),
    ],
)  # fmt: skip
def test_units_of_rates40s_pages(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("付费80元天(不含早餐)。", [("80元天", 80, 80, 80, "元/天", "exact", "CNY/day")]),
        ("最低仅60元公斤\n大家好", [("60元公斤", 60, 60, 60, "元/公斤", "exact", "CNY/kg")]),
        ("门票价格为40元人次、观光车", [
            ("40元人次", 40, 40, 40, "元/人次", "exact", "CNY/person-time"),
        ]),
        # near-misses: the next word goes on (天津, 年底), or a clause ends first
        ("花了100元天津的", [("100元", 100, 100, 100, "元", "exact", "CNY")]),
        ("给了100元，天很冷", [("100元", 100, 100, 100, "元", "exact", "CNY")]),
        ("按照年發電收入40萬元計算", [
            ("40萬元", 400000, 400000, 400000, "元/年", "exact", "CNY/year"),
        ]),
        ("老年人收入1000元", [("1000元", 1000, 1000, 1000, "元", "exact", "CNY")]),
        ("年畝產值達4500元。", [("4500元", 4500, 4500, 4500, "元/亩/年", "exact", "CNY/ha/year")]),
    ],
)  # fmt: skip
def test_rate_units_of_rates39s_and_rates40s_pages(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("也是两村合并的第二年，两村合并以来", [
            ("两村", 2, 2, 2, "村", "exact", "count:村"),
        ]),
        ("这两村", [("两村", 2, 2, 2, "村", "exact", "count:村")]),
        ("一、八村联营促“三变”", [("八村", 8, 8, 8, "村", "exact", "count:村")]),
        # near-misses: names (蔡三村, 三村村委会) and a county's name before (开化两村)
        ("来到蔡三村", []),
        ("，三村村委会", []),
        ("开化两村开办老年食堂", []),
    ],
)  # fmt: skip
def test_villages_counted_in_chinese_numerals(text, found):
    assert readings(text) == found


# 约 with 多 or 余 on one figure is plus: 多 bounds it, 约 only hedges (docs/DESIGN.md), as
# rates38's and rates40's golds read it (the older lists left it optional).
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("约300多万元", [("约300多万元", 3000000, 3000000, 4000000, "元", "plus", "CNY")]),
        ("约百余家", [("约百余家", 100, 100, 200, "家", "plus", "count:家")]),
        ("一年大约十多万元", [
            ("大约十多万元", 100000, 100000, 200000, "元/年", "plus", "CNY/year"),
        ]),
        # near-misses: 约 alone, and 左右 after 多 (about again)
        ("约300万元", [("约300万元", 3000000, None, None, "元", "approx", "CNY")]),
        ("300多元左右", [("300多元左右", 300, None, None, "元", "approx", "CNY")]),
    ],
)  # fmt: skip
def test_about_with_a_plus_step_is_plus(text, found):
    assert readings(text) == found


# A table's rows take the rate of the heading just above the table (四、预算参考(人均)), for
# their bare sums and to complete a period written on a sum (200元/晚: per person and night).
_BUDGET = """四、预算参考(人均)
| 项目 | 经济型 | 舒适型 |
|---|---|---|
| 交通 | 高铁+巴士 约400元 | 自驾 约600元 |
| 住宿 | 民宿 200元/晚 | 星级酒店 400元/晚 |
"""


def test_a_tables_rows_take_the_rate_of_its_heading():
    assert readings(_BUDGET) == [
        ("约400元", 400, None, None, "元/人", "approx", "CNY/person"),
        ("约600元", 600, None, None, "元/人", "approx", "CNY/person"),
        ("200元/晚", 200, 200, 200, "元/人/晚", "exact", "CNY/person/night"),
        ("400元/晚", 400, 400, 400, "元/人/晚", "exact", "CNY/person/night"),
    ]


def test_a_table_under_a_heading_without_a_rate_keeps_its_sums():
    text = "价格表\n| 交通 | 400元 | 200元/晚 |\n"
    assert readings(text) == [
        ("400元", 400, 400, 400, "元", "exact", "CNY"),
        ("200元/晚", 200, 200, 200, "元/晚", "exact", "CNY/night"),
    ]


# rates42's classes (scored once at ac0a8b9): 亩均单产 as a yield per 亩, and years of doing
# business (经商) before 后 as a span, not relative time.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("亩均单产421.13千克。", [
            ("421.13千克", 421.13, 421.13, 421.13, "千克/亩", "exact", "kg/ha"),
        ]),
        ("单产421千克", [("421千克", 421, 421, 421, "千克", "exact", "kg")]),  # no 亩: as written
        ("在城里经商20多年后，这还是头一次", [("20多年", 20, 20, 30, "年", "plus", "year")]),
        ("两年后，这还是头一次", []),
    ],
)  # fmt: skip
def test_rules_of_rates42s_classes(text, found):
    assert readings(text) == found
