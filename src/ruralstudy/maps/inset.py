"""An inset locating Guizhou in China.

China is drawn whole — land boundary with Taiwan and the South China Sea
islands, and the maritime boundary line — in an Albers equal-area projection
centred on 105°E, because a China outline that leaves out territory is
exactly what map review (审图) rejects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruralstudy.maps.boundaries import boundaries, china_outline

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# Albers equal-area conic for China (standard parallels 25°N and 47°N).
CHINA_ALBERS = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m +no_defs"

GUIZHOU_FILL = "#B2182B"

# The inset is ~1.7 inches wide: at 300 dpi a pixel spans ~10 km of China, so
# outlines simplified to 2 km lose nothing visible and cut the SVG/PDF from
# ~4.5 MB of coordinates to a few hundred KB. preserve_topology keeps every
# island, however small (the South China Sea islands must stay on the map).
INSET_TOLERANCE_M = 2000.0


def _simplified(gdf):
    projected = gdf.to_crs(CHINA_ALBERS)
    return projected.set_geometry(
        projected.geometry.simplify(INSET_TOLERANCE_M, preserve_topology=True)
    )


def add_inset(
    ax: Axes,
    bounds: tuple[float, float, float, float] = (0.0, 0.70, 0.27, 0.30),
) -> Axes:
    """Draw China with Guizhou filled in a small axes inside ``ax``; return it.

    ``bounds`` is (x, y, width, height) in ``ax``'s axes fraction.

    >>> ax = locator(places)                      # doctest: +SKIP
    >>> add_inset(ax)                             # doctest: +SKIP
    """
    land, sea = china_outline()
    province = boundaries("province")
    inset = ax.inset_axes(bounds)
    _simplified(land).plot(ax=inset, color="#EEEEEE", edgecolor="#777777", linewidth=0.3)
    _simplified(sea).plot(ax=inset, color="#777777", linewidth=0.4)
    _simplified(province).plot(ax=inset, color=GUIZHOU_FILL, linewidth=0)
    inset.set_aspect("equal")
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.grid(False)
    for spine in inset.spines.values():
        spine.set_visible(True)
        spine.set_linewidth(0.5)
        spine.set_color("#777777")
    inset.set_facecolor("white")
    inset.set_zorder(20)
    return inset
