"""Words and numbers on figures: one number format."""

from __future__ import annotations

import importlib

from ruralstudy.plot.labels import format_number


def test_one_format_number_for_labels_and_map_legends():
    maps_base = importlib.import_module("ruralstudy.maps._base")
    choropleth = importlib.import_module("ruralstudy.maps.choropleth")
    assert not hasattr(maps_base, "format_number")
    assert choropleth.format_number is format_number
    assert format_number(57.47) == "57.5"
    assert format_number(1234.5, decimals=2) == "1,234.50"
    assert format_number(8100.0, decimals=0) == "8,100"
    assert format_number(float("nan"), decimals=1) == ""
