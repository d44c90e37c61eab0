"""Rules written after rates22's measurement, on its classes: a plan named after its years
(关岭牛三年振兴计划), two months written 两月, a hatchery's or a plant's yearly output (年可孵化,
年可加工) and the villagers' average income (村民平均收入), on sentences written for them,
near-misses included.  Each reading is (span, value, lower, upper, unit, qualifier, canonical
unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a plan's name is no duration, in either script
        ("吹响关岭牛三年振兴计划的号角", []),
        ("吹響關嶺牛三年振興計劃的號角", []),
        ("用了三年", [("三年", 3, 3, 3, "年", "exact", "year")]),
        # 两月 is two months; 三月, 两月份 name months of the year
        ("每隔两月修整一次草场", [("两月", 2, 2, 2, "月", "exact", "month")]),
        ("今年三月", []),
        ("两月份", []),
        # yearly output after 年可孵化 and 年可加工, as 年产
        ("年可孵化种蛋5000多枚", [
            ("5000多枚", 5000, 5000, 6000, "枚/年", "plus", "count:枚/year"),
        ]),
        ("年可加工白条鹅1万多只", [
            ("1万多只", 10000, 10000, 20000, "只/年", "plus", "count:只/year"),
        ]),
        ("加工了500斤", [("500斤", 500, 500, 500, "斤", "exact", "kg")]),
        # the villagers' average income is per person, as 人均
        ("这里的村民平均收入只有8700多元", [
            ("8700多元", 8700, 8700, 8800, "元/人", "plus", "CNY/person"),
        ]),
        ("村民收入达8700元", [("8700元", 8700, 8700, 8700, "元", "exact", "CNY")]),
    ],
)  # fmt: skip
def test_rules_of_rates22s_classes(text, found):
    assert readings(text) == found


def test_a_bare_plan_after_years_stays_a_duration():
    # 计划 alone after a span of years is the verb (plans to invest over three years)
    assert readings("未来三年计划投入500万元")[0] == ("三年", 3, 3, 3, "年", "exact", "year")
