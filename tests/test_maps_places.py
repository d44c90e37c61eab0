"""The shipped places against the shipped boundaries.

Every village (and community) point whose county is known lies inside that
county's polygon. The county is found by walking parent_id upwards: the
first ancestor that is a county of the boundaries, matched by admin_code
(a township's 9-digit code starts with its county's 6 digits) or by name.
Places with no such ancestor (a parent that is a functional area, or only
the province) are not tested here; at least one place must be.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy.maps import boundaries

POINT_LEVELS = ("village", "community")


def county_of(place_id: str, places: pd.DataFrame, counties: pd.DataFrame) -> str | None:
    by_name = dict(zip(counties["name_zh"], counties["admin_code"], strict=True))
    codes = set(counties["admin_code"])
    seen: set[str] = set()
    current = places.loc[place_id, "parent_id"]
    while isinstance(current, str) and current in places.index and current not in seen:
        seen.add(current)
        row = places.loc[current]
        code = str(row["admin_code"]) if pd.notna(row["admin_code"]) else ""
        if code[:6] in codes:
            return code[:6]
        if row["level"] == "county" and row["name_zh"] in by_name:
            return by_name[row["name_zh"]]
        current = row["parent_id"]
    return None


def test_shipped_village_points_lie_in_their_county():
    places = rs.load_places().set_index("place_id")
    counties = boundaries("county")
    polygons = counties.set_index("admin_code").geometry
    located = places[places["level"].isin(POINT_LEVELS) & places["lon"].notna()]
    checked, outside = [], []
    for place_id, row in located.iterrows():
        code = county_of(place_id, places, counties)
        if code is None:
            continue
        point = gpd.points_from_xy([row["lon"]], [row["lat"]], crs=4326)[0]
        checked.append(place_id)
        if not polygons.loc[code].covers(point):
            outside.append(f"{place_id} ({row['lon']}, {row['lat']}) not in {code}")
    assert checked, "no shipped village or community has a county to check against"
    assert not outside, outside


def test_county_walk_uses_township_codes_and_names():
    places = pd.DataFrame(
        {
            "place_id": ["c", "c.t", "c.t.v", "x", "x.v"],
            "name_zh": ["雷山县", "某乡", "某村", "某新区", "某村"],
            "level": ["county", "township", "village", "county", "village"],
            "parent_id": [None, "c", "c.t", None, "x"],
            "admin_code": [None, "520111204", None, None, None],
        }
    ).set_index("place_id")
    counties = boundaries("county")
    assert county_of("c.t.v", places, counties) == "520111"  # the township's code wins
    assert county_of("x.v", places, counties) is None  # a functional area: unknown


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_locator_draws_shipped_places(lang):
    import matplotlib.pyplot as plt

    places = rs.load_places()
    drawn = places[places["level"].isin(["county", *POINT_LEVELS]) & places["lon"].notna()]
    with rs.plot.style():
        # What is checked is which names are drawn, not where: the labels and the key
        # are written before adjustText moves the labels, and moving them adds no text.
        # One pass of it, not 300, since with ~120 marks each pass costs about 0.3 s of
        # CPU (test_maps_draw.py checks that adjusted labels do not overlap).
        ax = rs.maps.locator(drawn, lang=lang, adjust_iterations=1)
        # Every place is named: by its label on the map (alone, or with the
        # others at its point) or in the key to the numbers under the map.
        shown = "\n".join(t.get_text() for t in [*ax.texts, *ax.figure.texts])
        # The key under the map wraps to the page, within names too.
        joined = shown.replace("\n", " " if lang == "en" else "")
        for name in _names(drawn, lang):
            assert name in shown or name in joined, name
        plt.close(ax.figure)


def _names(df: pd.DataFrame, lang: str) -> list[str]:
    return df["name_en" if lang == "en" else "name_zh"].tolist()
