"""Words and numbers on figures: one number format, a label for every canonical unit."""

from __future__ import annotations

import importlib

import pytest

from ruralstudy.plot.labels import UNIT_LABELS, format_number, unit_words
from ruralstudy.units import CANONICAL_UNITS


def test_one_format_number_for_labels_and_map_legends():
    maps_base = importlib.import_module("ruralstudy.maps._base")
    choropleth = importlib.import_module("ruralstudy.maps.choropleth")
    assert not hasattr(maps_base, "format_number")
    assert choropleth.format_number is format_number
    assert format_number(57.47) == "57.5"
    assert format_number(1234.5, decimals=2) == "1,234.50"
    assert format_number(8100.0, decimals=0) == "8,100"
    assert format_number(float("nan"), decimals=1) == ""


@pytest.mark.parametrize("unit", sorted(CANONICAL_UNITS))
def test_every_canonical_unit_has_chinese_and_english_words(unit):
    assert unit in UNIT_LABELS
    zh, en = unit_words(unit)
    assert zh and en


def test_shares_are_not_rescaled():
    from ruralstudy.plot.labels import value_scale

    for lang in ("zh", "en"):
        assert value_scale("percentage_point", 2e5, lang)[0] == 1.0
    assert value_scale("percentage_point", 3.5, "both")[1:] == ("个百分点", "percentage points")


def _has_words(unit: str) -> bool:
    zh, en = unit_words(unit)
    latin_in_zh = any("a" <= c.lower() <= "z" for c in zh)
    return bool(zh and en) and not latin_in_zh and (unit in UNIT_LABELS or en != unit)


def test_every_unit_the_extractor_can_emit_has_chinese_and_english_words():
    from ruralstudy.extract import emitted_units

    units = emitted_units()
    # the enumeration holds the rates issue 12 added, not only the table's units
    assert {"CNY/share", "CNY/ha/year", "CNY/night", "kg/ha", "CNY/person/day"} <= units
    assert [u for u in sorted(units) if not _has_words(u)] == []


def test_a_rate_without_its_own_entry_is_worded_from_its_parts():
    assert unit_words("CNY/share") == ("元/股", "yuan per share")
    assert unit_words("count:张/household") == ("张/户", "count per household")
    assert not _has_words("CNY/fortnight")  # an unknown denominator has no words
