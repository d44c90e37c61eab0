"""An inset locating Guizhou in China, drawn as Chinese maps draw China.

China is drawn whole, because an outline that leaves out territory is
exactly what map review (审图) rejects: the mainland with Taiwan and Hainan
in the inset itself, and the South China Sea islands (南海诸岛) in a small
box in its lower-right corner, with the maritime boundary as a dashed line —
the layout of the standard map of China (标准地图) at small scales. Both use
an Albers equal-area projection centred on 105°E.

The outline is simplified for drawing: the inset is about 4 cm wide, so a
300-dpi pixel is some 15 km of China and a 3 km tolerance never shows, while
it cuts the inset's share of an SVG from megabytes to tens of kilobytes.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ruralstudy.maps._base import one_draw
from ruralstudy.maps.boundaries import boundaries, china_outline

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ruralstudy.provenance import Lang

# Albers equal-area conic for China (standard parallels 25°N and 47°N).
CHINA_ALBERS = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m +no_defs"

GUIZHOU_FILL = "#B2182B"
LAND = {"color": "#EEEEEE", "edgecolor": "#777777", "linewidth": 0.3}
MARITIME = {"color": "#555555", "linewidth": 0.5, "linestyle": (0, (2.5, 1.5))}
INSET_TOLERANCE_M = 3_000.0
# Islets under 20 km² (under half a pixel of the main panel) are generalised
# away there; the South China Sea box keeps every island, however small.
MIN_ISLAND_M2 = 20e6

# What the main inset shows (lon/lat box, WGS84): the mainland, Taiwan and
# Hainan; the islands south of it go to the 南海诸岛 box.
MAINLAND_BOX = (72.0, 17.5, 136.0, 54.0)
SOUTH_SEA_BOX = (107.0, 2.5, 122.5, 23.0)
SOUTH_SEA_LABEL = {"zh": "南海诸岛", "en": "South China Sea Islands", "both": "南海诸岛"}


def add_inset(
    ax: Axes,
    bounds: tuple[float, float, float, float] = (0.0, 0.70, 0.27, 0.30),
    *,
    lang: Lang = "both",
) -> Axes:
    """Draw China with Guizhou filled in a small axes inside ``ax``; return it.

    ``bounds`` is (x, y, width, height) in ``ax``'s axes fraction. The South
    China Sea islands sit in a box in the inset's lower-right corner,
    labelled 南海诸岛 (``lang="en"``: South China Sea Islands).

    >>> ax = locator(places)                      # doctest: +SKIP
    >>> add_inset(ax, lang="zh")                  # doctest: +SKIP
    """
    inset = ax.inset_axes(bounds)
    _draw_china(inset, *_outline(MAINLAND_BOX, MIN_ISLAND_M2), guizhou=True)
    inset.set_zorder(20)
    # The 南海诸岛 box: a fifth of the inset's width, flush with its corner.
    box = inset.inset_axes((0.80, 0.0, 0.20, 0.30))
    _draw_china(box, *_outline(SOUTH_SEA_BOX, 0.0), guizhou=False)
    box.text(
        0.5,
        0.04,
        SOUTH_SEA_LABEL[lang],
        transform=box.transAxes,
        ha="center",
        va="bottom",
        fontsize=3.6 if lang == "en" else 4.2,
        color="#333333",
    )
    return inset


def _draw_china(axes: Axes, land, sea, extent, *, guizhou: bool) -> None:
    with one_draw(axes):
        land.plot(ax=axes, **LAND)
        if not sea.empty:
            sea.plot(ax=axes, **MARITIME)
        if guizhou:
            _guizhou().plot(ax=axes, color=GUIZHOU_FILL, linewidth=0)
    xmin, ymin, xmax, ymax = extent
    axes.set_xlim(xmin, xmax)
    axes.set_ylim(ymin, ymax)
    axes.set_aspect("equal", adjustable="box")
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_xlabel("")
    axes.set_ylabel("")
    axes.grid(False)
    axes.set_facecolor("white")
    for spine in axes.spines.values():
        spine.set_visible(True)
        spine.set_linewidth(0.5)
        spine.set_color("#777777")


def _projected_box(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The Albers extent of a lon/lat box (its corners and edge midpoints)."""
    from pyproj import Transformer

    lon0, lat0, lon1, lat1 = box
    lons = [lon0, (lon0 + lon1) / 2, lon1]
    lats = [lat0, (lat0 + lat1) / 2, lat1]
    to_albers = Transformer.from_crs("EPSG:4326", CHINA_ALBERS, always_xy=True)
    xs, ys = to_albers.transform(
        [lon for lon in lons for _ in lats], [lat for _ in lons for lat in lats]
    )
    return min(xs), min(ys), max(xs), max(ys)


@functools.lru_cache(maxsize=2)
def _outline(box: tuple[float, float, float, float], min_area_m2: float):
    """China's land and maritime line inside ``box`` (lon/lat), projected and
    simplified (parts under ``min_area_m2`` left out), and the box's projected
    extent: only what a panel shows is drawn."""
    import shapely

    land, sea = _projected_outline()
    extent = _projected_box(box)
    land = land.set_geometry(shapely.clip_by_rect(land.geometry.to_numpy(), *extent))
    parts = land.explode(index_parts=False)
    parts = parts[parts.area >= min_area_m2]
    land = land.set_geometry([shapely.union_all(parts.geometry.to_numpy())])
    sea = sea.set_geometry(shapely.clip_by_rect(sea.geometry.to_numpy(), *extent))
    return land, sea[~sea.is_empty], extent


@functools.lru_cache(maxsize=1)
def _projected_outline():
    """China's land (simplified) and maritime line in the inset's projection, for
    both panels: simplifying the whole outline is most of an inset's cost (about
    0.7 s), and it was done once per panel."""
    land, sea = china_outline()
    land = land.to_crs(CHINA_ALBERS)
    land = land.set_geometry(land.simplify(INSET_TOLERANCE_M, preserve_topology=True))
    return land, sea.to_crs(CHINA_ALBERS)


@functools.lru_cache(maxsize=1)
def _guizhou():
    guizhou = boundaries("province").to_crs(CHINA_ALBERS)
    return guizhou.set_geometry(guizhou.simplify(INSET_TOLERANCE_M))
