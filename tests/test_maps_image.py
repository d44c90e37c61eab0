"""Image comparison of two small maps against committed baselines.

nbval does not compare images, so this is what notices a map that changed
(a lost boundary layer, a no-data unit turned coloured, a label that moved).
Regenerate after an intended change with
``RURALSTUDY_UPDATE_BASELINES=1 .venv/bin/python -m pytest tests/test_maps_image.py``
and look at the new PNGs before committing them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.testing.compare import compare_images

import ruralstudy as rs
from ruralstudy.maps import PROJECTED_CRS, boundaries

BASELINES = Path(__file__).parent / "baseline_maps"
UPDATE = os.environ.get("RURALSTUDY_UPDATE_BASELINES") == "1"
TOLERANCE = 2.0  # RMS on 0–255; text antialiasing differences stay well below

SOURCES = pd.DataFrame(
    {"source_id": ["map-test"], "kind": ["survey"], "publisher": ["测试"], "date": ["2025"]}
)


def check(fig, name: str, tmp_path: Path) -> None:
    actual = tmp_path / f"{name}.png"
    fig.savefig(actual, dpi=72)
    plt.close(fig)
    expected = BASELINES / f"{name}.png"
    if UPDATE:
        BASELINES.mkdir(exist_ok=True)
        shutil.copyfile(actual, expected)
        pytest.skip(f"baseline {expected.name} written")
    assert expected.exists(), f"no baseline {expected}; run with RURALSTUDY_UPDATE_BASELINES=1"
    result = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert result is None, result


def test_small_prefecture_choropleth(tmp_path):
    prefectures = boundaries("prefecture")
    table = pd.DataFrame(
        {
            "admin_code": prefectures["admin_code"],
            "area": (prefectures.to_crs(PROJECTED_CRS).area / 1e6).round(-2).to_numpy(),
            "source_id": "map-test",
        }
    )
    table.loc[table["admin_code"] == "522600", "area"] = np.nan  # one unit without data
    with rs.plot.style():
        fig, ax = plt.subplots(figsize=(4.0, 4.2))
        rs.maps.choropleth(
            table,
            "area",
            level="prefecture",
            ax=ax,
            k=3,
            value_unit="km²",
            label="面积",
            sources=SOURCES,
            lang="zh",
        )
        check(fig, "prefecture_choropleth", tmp_path)


def test_small_locator(tmp_path):
    counties = boundaries("county").set_index("admin_code").loc[["522634", "522601", "520111"]]
    pts = counties.geometry.representative_point()
    places = pd.DataFrame(
        {
            "name_zh": counties["name_short_zh"].to_numpy(),
            "name_en": counties["name_en"].str.split(" ").str[0].to_numpy(),
            "level": "village",
            "lon": pts.x.to_numpy(),
            "lat": pts.y.to_numpy(),
            "coord_precision": ["village", "township", "village"],
            "coord_error_km": [0.5, 10.0, 0.5],
            "coord_source_id": "map-test",
        }
    )
    with rs.plot.style():
        fig, ax = plt.subplots(figsize=(4.0, 4.2))
        rs.maps.locator(places, ax=ax, sources=SOURCES, lang="both")
        check(fig, "small_locator", tmp_path)
