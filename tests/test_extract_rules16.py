"""Rules of branch xrules16 (issue 12: the precision, recall and bound classes of rates19 and
rates20), one test per rule, on sentences written for them, near-misses included (where the rule
must not fire).  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN
as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("全县8万学生喝上了牛奶", [("8万学生", 80000, 80000, 80000, "学生", "exact", "person")]),
        ("沿江近5萬漁民上岸轉產", [("近5萬漁民", 50000, None, 50000, "渔民", "under", "person")]),
        (
            "惠及12萬農村學生",
            [("12萬農村學生", 120000, 120000, 120000, "农村学生", "exact", "person")],
        ),
        (
            "园区吸纳1.2万余职工就业",
            [("1.2万余职工", 12000, 12000, 13000, "职工", "plus", "person")],
        ),
        (
            "全市3万多留守儿童",
            [("3万多留守儿童", 30000, 30000, 40000, "留守儿童", "plus", "person")],
        ),
        ("为2万农民工讨薪", [("2万农民工", 20000, 20000, 20000, "农民工", "exact", "person")]),
        # near-misses: a Chinese numeral counts no bare noun; money before it is a sum
        ("三学生在操场上跑步", []),
        ("投入500万改善学生宿舍", []),
        ("高三学生", []),
    ],
)
def test_persons_counted_without_a_classifier(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("对赤水、习水、仁怀3县(市)的渔民", [("3县", 3, 3, 3, "县", "exact", "count:县")]),
        ("覆盖全省12县", [("12县", 12, 12, 12, "县", "exact", "count:县")]),
        ("涉及20多縣", [("20多縣", 20, 20, 30, "县", "plus", "count:县")]),
        # near-misses: a county's level, roads; a Chinese numeral before a bare noun
        ("建成5县级物流中心", []),
        ("新修2县道", []),
        ("三县交界处", []),
    ],
)
def test_counties_counted_bare(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("成立了兩家營(yíng)養(yǎng)餐配送公司", [("兩家", 2, 2, 2, "家", "exact", "count:家")]),
        ("新开三家营销公司", [("三家", 3, 3, 3, "家", "exact", "count:家")]),
        ("两家营业网点", [("两家", 2, 2, 2, "家", "exact", "count:家")]),
        # near-miss: a village named X家营
        ("住在三家营村", []),
    ],
)
def test_words_of_ying_after_jia_are_no_place(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("他结过两次婚", [("两次", 2, 2, 2, "次", "exact", "count:次")]),
        ("挨过三次批评", [("三次", 3, 3, 3, "次", "exact", "count:次")]),
        ("曾獲過兩次獎", [("兩次", 2, 2, 2, "次", "exact", "count:次")]),
        ("回过五次老家", [("五次", 5, 5, 5, "次", "exact", "count:次")]),
        # near-misses: 过 as over (收入过万, 年产值过3000万元)
        ("他的收入过万元", [("过万元", 10000, 10000, None, "元", "over", "CNY")]),
        ("合作社产值过3000万元", [("过3000万元", 30000000, 30000000, None, "元", "over", "CNY")]),
    ],
)
def test_guo_after_a_verb_is_its_aspect(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "超过有三分之二稻田养了鱼",
            [("超过有三分之二", 200 / 3, 200 / 3, None, "%", "over", "percent")],
        ),
        ("超过有30%的农户", [("超过有30%", 30, 30, None, "%", "over", "percent")]),
        ("超过300户", [("超过300户", 300, 300, None, "户", "over", "household")]),
    ],
)
def test_chaoguo_you_is_over(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a line starting with a year: the digits before its break are no part of it
        ("支出。\n2024年02月28日 13:20\n2024年02月28日 11:45\n", []),
        ("来源时间为:2022-11-05\n2022年11月3日,学生领取牛奶", []),
        # near-miss: a number broken over a line without a year after it stays joined
        ("共有12\n34户", [("12\n34户", 1234, 1234, 1234, "户", "exact", "household")]),
        # a year after a bound word before a word of its level or time is a date
        ("且不低于2023年标准确定", []),
        ("高于2020年同期", []),
        ("不低於2022年水平", []),
        # near-misses: a duration after a bound word
        ("超过2000年的历史", [("超过2000年", 2000, 2000, None, "年", "over", "year")]),
        # 近 N 年来 is the past N years, a duration (DESIGN.md; rates9, unseen gold); 近 N 年
        # alone frames a time, as 这两年 (relative time)
        ("近两年来,全省投入", [("两年", 2, 2, 2, "年", "exact", "year")]),
        ("近三年实现增收", []),
        ("废弃了近20年", [("近20年", 20, None, 20, "年", "under", "year")]),
    ],
)
def test_dates_and_relative_years(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("家住翠簧社区三组,这里依山", []),
        ("幸福社区五组的村民", []),
        (
            "引进虹鳟发眼卵(三倍體)4万尾",
            [("4万尾", 40000, 40000, 40000, "尾", "exact", "count:尾")],
        ),
        # near-misses: groups counted; a multiple
        ("社区分成三组开展巡查", [("三组", 3, 3, 3, "组", "exact", "group")]),
        ("产量增了三倍", [("三倍", 3, 3, 3, "倍", "exact", "percent")]),
    ],
)
def test_names_with_a_numeral(text, found):
    assert readings(text) == found
