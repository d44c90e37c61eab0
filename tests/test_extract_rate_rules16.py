"""Rate rules written after rates21's measurement (its misses: money per 公里, a land class
in brackets between a rent and its denominator), on sentences written for them, near-misses
included.  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN
as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings

from ruralstudy.units import is_canonical_unit, rate_unit


def test_a_kilometre_is_a_denominator():
    assert rate_unit("元", ["公里"]) == ("CNY/km", 1)
    assert rate_unit("元", ["千米", "年"])[0] == "CNY/km/year"
    assert is_canonical_unit("CNY/km/year")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # written after the figure, and as the clause's 每公里 with words between
        ("市财政配套2万元/公里", [
            ("2万元/公里", 20000, 20000, 20000, "元/公里", "exact", "CNY/km"),
        ]),
        ("每公里安排以奖代补资金1万元", [
            ("1万元", 10000, 10000, 10000, "元/公里", "exact", "CNY/km"),
        ]),
        ("运费每千米3元", [("每千米3元", 3, 3, 3, "元/千米", "exact", "CNY/km")]),
        # upkeep accrues over time: 每年 in the clause is its period, and the 、-items share it
        (
            "每年安排县道7000元/公里、乡道3500元/公里",
            [
                ("7000元/公里", 7000, 7000, 7000, "元/公里/年", "exact", "CNY/km/year"),
                ("3500元/公里", 3500, 3500, 3500, "元/公里/年", "exact", "CNY/km/year"),
            ],
        ),
        # near-miss: a distance is no rate
        ("距县城12公里，投资500万元", [
            ("12公里", 12, 12, 12, "公里", "exact", "km"),
            ("500万元", 5000000, 5000000, 5000000, "元", "exact", "CNY"),
        ]),
    ],
)  # fmt: skip
def test_money_per_kilometre(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the 、-item after a rate per 亩 and year, a name between, is per 亩 and year
        ("每年租金县道7000元/亩、乡道3500元/亩", [
            ("7000元/亩", 7000, 7000, 7000, "元/亩/年", "exact", "CNY/ha/year"),
            ("3500元/亩", 3500, 3500, 3500, "元/亩/年", "exact", "CNY/ha/year"),
        ]),
        # near-misses: a year named (去年) is no period; an item of another entity keeps its own
        ("去年补助县道7000元/公里、乡道3500元/公里", [
            ("7000元/公里", 7000, 7000, 7000, "元/公里", "exact", "CNY/km"),
            ("3500元/公里", 3500, 3500, 3500, "元/公里", "exact", "CNY/km"),
        ]),
        ("每年补助县道7000元/公里、农户500元/户", [
            ("7000元/公里", 7000, 7000, 7000, "元/公里/年", "exact", "CNY/km/year"),
            ("500元/户", 500, 500, 500, "元/户", "exact", "CNY/household"),
        ]),
    ],
)  # fmt: skip
def test_a_list_item_shares_the_period_of_the_item_before(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a land class in brackets between the rent and its denominator, in the span; the
        # item before, labelled the same way, shares the rate (its span the figure alone)
        ("以500元(荒地)、800元(常耕地)/亩/年的价格租用土地", [
            ("500元", 500, 500, 500, "元/亩/年", "exact", "CNY/ha/year"),
            ("800元(常耕地)/亩/年", 800, 800, 800, "元/亩/年", "exact", "CNY/ha/year"),
        ]),
        ("门票50元（成人）/人", [("50元（成人）/人", 50, 50, 50, "元/人", "exact", "CNY/person")]),
        # near-misses: a bracket with no denominator after it; a label with a figure in it
        ("价格50元(含税)、运费10元", [
            ("50元", 50, 50, 50, "元", "exact", "CNY"),
            ("10元", 10, 10, 10, "元", "exact", "CNY"),
        ]),
        ("租金500元(2020年)/亩", [("500元", 500, 500, 500, "元", "exact", "CNY")]),
    ],
)  # fmt: skip
def test_a_bracketed_label_before_the_denominator(text, found):
    assert readings(text) == found
