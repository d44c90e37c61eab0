import math
from fractions import Fraction

import pytest

from ruralstudy import units


@pytest.mark.parametrize(
    ("value", "qualifier", "kwargs", "expected"),
    [
        (2000, "exact", {}, (2000, 2000)),
        (2000, "plus", {"step": 1000}, (2000, 3000)),  # 2000多
        (280, "plus", {"step": 10}, (280, 290)),  # 280余
        (200000, "plus", {"step": 10000}, (200000, 210000)),  # 20万余
        (200000, "plus", {"step": 100000}, (200000, 300000)),  # 20余万
        (10_000_000, "over", {}, (10_000_000, math.nan)),  # 逾千万
        (20, "under", {}, (math.nan, 20)),  # 近20
        (1_000_000, "approx", {}, (math.nan, math.nan)),  # 约百万
        (800, "range", {"upper": 1200}, (800, 1200)),  # 800至1200
    ],
)
def test_interval_follows_the_qualifier_rules(value, qualifier, kwargs, expected):
    lower, upper = units.interval(value, qualifier, **kwargs)
    for got, want in zip((lower, upper), expected, strict=True):
        assert (math.isnan(got) and math.isnan(want)) or got == want


def test_interval_rejects_unknown_qualifier_and_missing_step():
    with pytest.raises(ValueError, match="unknown qualifier"):
        units.interval(1, "roughly")
    with pytest.raises(ValueError, match="step"):
        units.interval(2000, "plus")


@pytest.mark.parametrize(
    ("value", "lower", "upper", "qualifier", "problem"),
    [
        (20, 20, 20, "exact", None),
        (20, 20, 30, "exact", "lower == value == upper"),
        (2000, 2000, 3000, "plus", None),
        (2000, 2000, math.nan, "plus", "an upper bound"),
        (2000, 1900, 3000, "plus", "lower == value < upper"),
        (20, math.nan, 20, "under", None),
        (20, 20, math.nan, "under", "no lower bound"),
        (170000, 170000, math.nan, "over", None),
        (5, 10, 3, "range", "lower 10 > upper 3"),
        (50, 10, 30, "range", "value 50 > upper 30"),
        (1e6, math.nan, math.nan, "approx", None),
        (1e6, 9e5, math.nan, "approx", "no lower bound and no upper bound"),
        (1, 1, 1, "roughly", "unknown qualifier"),
    ],
)
def test_interval_problem_names_what_is_wrong(value, lower, upper, qualifier, problem):
    got = units.interval_problem(value, lower, upper, qualifier)
    if problem is None:
        assert got is None
    else:
        assert got is not None and problem in got


def test_mu_and_jin_convert_exactly():
    assert units.canonical_unit("亩") == ("ha", Fraction(1, 15))
    assert units.to_canonical(300, "亩") == (20.0, "ha")
    assert units.to_canonical(2000, "斤") == (1000.0, "kg")
    assert units.to_canonical(Fraction(5747, 100) * 10_000, "元") == (574700.0, "CNY")


def test_unknown_classifier_is_a_count_of_its_own_kind():
    assert units.canonical_unit("家") == ("count:家", Fraction(1))
    assert units.is_canonical_unit("count:家")
    assert not units.is_canonical_unit("mu")


@pytest.mark.parametrize(
    ("unit", "ok"),
    [
        ("CNY/ha", True),
        ("CNY/ha/year", True),
        ("CNY/person/year", True),
        ("CNY/night", True),
        ("kg/ha", True),
        ("count:家/household", True),
        ("CNY/mu", False),  # 亩 is stored as ha
        ("CNY/year/ha", False),  # a period comes last
        ("CNY/ha/ha", False),
        ("ha/CNY", False),
        ("CNY/ha/year/day", False),
        ("count:家\n", False),  # a full match: no trailing newline slips through
    ],
)
def test_rate_units_follow_the_grammar(unit, ok):
    assert units.is_canonical_unit(unit) is ok


def test_rate_unit_divides_by_the_size_of_each_denominator():
    assert units.rate_unit("元", ["亩"]) == ("CNY/ha", Fraction(15))
    assert units.rate_unit("斤", ["亩"]) == ("kg/ha", Fraction(15, 2))
    assert units.rate_unit("元", ["人", "年"]) == ("CNY/person/year", Fraction(1))
    with pytest.raises(ValueError, match="denominator"):
        units.rate_unit("元", ["村"])
    with pytest.raises(ValueError, match="no canonical unit"):
        units.rate_unit("元", ["年", "亩"])


def test_a_multiple_is_a_ratio_in_percent():
    assert units.to_canonical(1.8, "倍") == (180.0, "percent")
