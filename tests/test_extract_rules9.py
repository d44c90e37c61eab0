"""Rules of branch xrules9 (issue 12: miss classes of the rates10/rates11 lists), one test per
rule, on sentences written for them, near-misses included (where the rule must not fire)."""

from __future__ import annotations

import math

import pytest

from ruralstudy.extract import extract_quantities


def rows(text: str) -> list[tuple]:
    """(text, lower, upper, unit, qualifier, norm_unit) of each figure, NaN as None."""
    df = extract_quantities(text)

    def num(x):
        return None if math.isnan(x) else x

    return [
        (r.text, num(r.lower), num(r.upper), r.unit, r.qualifier, r.norm_unit)
        for r in df.itertuples()
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("年底分到了800元钱。", [("800元钱", 800, 800, "元钱", "exact", "CNY")]),
        ("合作社一共赚了30万元钱", [("30万元钱", 300000, 300000, "元钱", "exact", "CNY")]),
        ("辣椒卖不到三元钱一斤", [("不到三元钱一斤", None, 3, "元钱/斤", "under", "CNY/kg")]),
        ("每人补助200多元钱", [("200多元钱", 200, 300, "元钱/人", "plus", "CNY/person")]),
        # near-misses: 钱 that starts the next clause or word stays out
        ("收了500元，钱不多", [("500元", 500, 500, "元", "exact", "CNY")]),
        ("一共1200元", [("1200元", 1200, 1200, "元", "exact", "CNY")]),
    ],
)
def test_qian_after_yuan_is_in_the_span(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("一头肥猪能长到175kg左右。", [("175kg左右", None, None, "kg", "approx", "kg")]),
        ("每亩产玉米600kg", [("600kg", 600, 600, "kg/亩", "exact", "kg/ha")]),
        ("体重 80kg", [("80kg", 80, 80, "kg", "exact", "kg")]),
        # near-misses: kg inside a Latin word, or after a Chinese numeral
        ("型号20kgf", []),
        ("净重5kgs", []),
        ("十kg", []),
    ],
)
def test_latin_kg_after_digits_is_a_weight(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("村里养了300头外三元。", [("300头", 300, 300, "头", "exact", "count:头")]),
        ("三元杂交猪长得快", []),
        ("引进了内三元母猪", []),
        ("土三元的肉好吃", []),
        # near-misses: three yuan
        ("每斤涨了三元。", [("三元", 3, 3, "元/斤", "exact", "CNY/kg")]),
        ("外加三元运费", [("三元", 3, 3, "元", "exact", "CNY")]),
        ("一个卖三元钱", [("三元钱", 3, 3, "元钱", "exact", "CNY")]),
    ],
)
def test_sanyuan_of_a_pig_cross_is_a_name(text, found):
    assert rows(text) == found
