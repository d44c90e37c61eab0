"""Rules of branch xrates13 (issue 12: rate-unit miss classes of the rates16/rates17 lists), one
test per rule, on sentences written for them, near-misses included (where the rule must not
fire)."""

from __future__ import annotations

import pytest
from extract_readings import units


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 年 before a verb of cutting or yielding, attached: a rate per year
        ("该林场年可採伐楠竹35萬噸。", [("35萬噸", "t/year")]),
        ("该林场年可采伐楠竹35万吨。", [("35万吨", "t/year")]),
        ("基地年均产3000余吨", [("3000余吨", "t/year")]),
        ("茶园年均产茶叶两千公斤", [("两千公斤", "kg/year")]),
        ("合作社年产辣椒500吨", [("500吨", "t/year")]),
        # near-misses: a dated year, a year's output (年产量), no 年 at all
        ("2020年产茶叶30吨", [("30吨", "t")]),
        ("去年采伐楠竹35万吨", [("35万吨", "t")]),
        ("年产量达2万余斤", [("2万余斤", "kg")]),
        ("共采伐楠竹35万吨", [("35万吨", "t")]),
    ],
)
def test_year_before_a_verb_of_yield_is_per_year(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 年 before what a year brings, attached: CNY/year, as 年收入
        ("年碳汇收益达6000萬元", [("6000萬元", "CNY/year")]),
        ("年碳汇收益达6000万元", [("6000万元", "CNY/year")]),
        ("该村年增收6万元", [("6万元", "CNY/year")]),
        ("合作社年收益20多万元", [("20多万元", "CNY/year")]),
        ("基地年创收三百万元", [("三百万元", "CNY/year")]),
        # with 人均/户均 the year is the fact's, as 人均年收入: CNY/person
        ("人均年增收1.5万元以上", [("1.5万元以上", "CNY/person")]),
        ("户均年增收4500元以上", [("4500元以上", "CNY/household")]),
        # near-misses: a dated year's gain or a cumulative one
        ("2022年增收6万元", [("6万元", "CNY")]),
        ("去年增收6万元", [("6万元", "CNY")]),
        ("累计收益6000万元", [("6000万元", "CNY")]),
    ],
)
def test_year_before_a_gain_is_per_year(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 多 (余) after a price and its 一斤 after: the price per 斤, the span over both
        ("白菜2块多一斤", [("2块多一斤", "CNY/kg")]),
        ("白菜2元多一斤", [("2元多一斤", "CNY/kg")]),
        ("土豆賣到三塊多一斤", [("三塊多一斤", "CNY/kg")]),
        ("猪肉30元多一公斤", [("30元多一公斤", "CNY/kg")]),
        ("2元多每斤", [("2元多每斤", "CNY/kg")]),
        ("白菜卖2块多。", [("2块多", "CNY")]),
        # near-misses: 块 of land, a sum with no denominator
        ("种了两块多地", []),
        ("赚了2元多，不够本", [("2元多", "CNY")]),
    ],
)
def test_price_with_plus_before_its_denominator(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the village's households after an earlier 每户: the village's sum, not per household
        # (每户450株 a count per household since xrates14, as rates16's gold reads it)
        (
            "按每户450株计算，每年将为该村贫困户带来收益17万多元",
            [("每户450株", "count:株/household"), ("17万多元", "CNY/year")],
        ),
        (
            "按每戶450株計算，每年將為該村貧困戶帶來收益17萬多元",
            [("每戶450株", "count:株/household"), ("17萬多元", "CNY/year")],
        ),
        ("每户养两头牛，本村贫困户年增收20万元", [("两头", "count:头"), ("20万元", "CNY/year")]),
        # near-miss: no village before the households, the earlier 每户 holds
        (
            "按每户450株计算，每年将为贫困户带来收益1350元",
            [("每户450株", "count:株/household"), ("1350元", "CNY/household/year")],
        ),
    ],
)
def test_the_village_households_sum_is_not_per_household(text, found):
    assert units(text) == found
