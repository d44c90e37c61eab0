"""Locator map: where the case villages are, on a base map of Guizhou.

Places are drawn as points with labels that do not overlap (adjustText).
A point whose coordinate is an estimate — recorded at a coarser precision
than the place itself, e.g. a village placed at its township seat — is drawn
hollow, inside a dashed circle of its error radius (``coord_error_km``), so a
reader never takes it for a surveyed location.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ruralstudy.maps import _base
from ruralstudy.maps.boundaries import PROJECTED_CRS
from ruralstudy.plot.labels import bilingual
from ruralstudy.provenance import Lang, check_lang

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes

__all__ = ["is_estimate", "locator"]

# Coarseness of a coordinate's precision and of a place's level, on one scale.
PRECISION_RANK = {
    "exact": 0,
    "village": 1,
    "township": 2,
    "county": 3,
    "prefecture": 4,
    "province": 5,
}
LEVEL_RANK = {
    "village": 1,
    "community": 1,
    "township": 2,
    "county": 3,
    "prefecture": 4,
    "province": 5,
    "country": 6,
}

_LEGEND_TEXT = {
    "located": ("位置", "location"),
    "estimate": (
        "估计位置（虚线圈为误差范围）",
        "estimated location (dashed circle: error radius)",
    ),
    "area": ("所涉县级或地级行政区", "county or prefecture named"),
}
AREA_LEVELS = ("county", "prefecture")


def is_estimate(places: pd.DataFrame) -> pd.Series:
    """True where a place's coordinate is an estimate, not its own location.

    A coordinate is an estimate when its ``coord_precision`` is coarser than
    the place's ``level`` (a village at ``township`` precision sits at its
    township's seat). Without a ``level`` column, anything coarser than
    ``village`` counts as an estimate. Without ``coord_precision``, nothing
    does.

    >>> df = pd.DataFrame({"level": ["village", "village", "county"],
    ...                    "coord_precision": ["village", "township", "county"]})
    >>> is_estimate(df).tolist()
    [False, True, False]
    """
    if "coord_precision" not in places.columns:
        return pd.Series(False, index=places.index)
    precision = places["coord_precision"].map(PRECISION_RANK)
    unknown = places["coord_precision"].notna() & precision.isna()
    if unknown.any():
        bad = sorted(set(places.loc[unknown, "coord_precision"]))
        raise ValueError(
            f"coord_precision must be one of {list(PRECISION_RANK)}; found {bad} "
            f"(rows {list(places.index[unknown])[:10]})"
        )
    if "level" in places.columns:
        own = places["level"].map(LEVEL_RANK).fillna(LEVEL_RANK["village"])
    else:
        own = pd.Series(LEVEL_RANK["village"], index=places.index)
    return (precision > own).fillna(False).astype(bool)


def _points(places: pd.DataFrame | gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Places as points in the map CRS; every row must have a coordinate."""
    import geopandas as gpd

    if isinstance(places, gpd.GeoDataFrame) and places.geometry.name in places.columns:
        if places.crs is None:
            raise ValueError("locator: the GeoDataFrame has no CRS; set it (WGS84 is EPSG:4326)")
        pts = places.to_crs(PROJECTED_CRS)
        missing = pts.geometry.isna() | pts.geometry.is_empty
    else:
        for col in ("lon", "lat"):
            if col not in places.columns:
                raise ValueError(
                    f"locator: places need 'lon' and 'lat' columns (WGS84); no {col!r}"
                )
        missing = places["lon"].isna() | places["lat"].isna()
        pts = gpd.GeoDataFrame(
            places.copy(),
            geometry=gpd.points_from_xy(places["lon"], places["lat"]),
            crs="EPSG:4326",
        ).to_crs(PROJECTED_CRS)
    if missing.any():
        names = _names(places.loc[missing]).tolist()
        raise ValueError(
            f"locator: {int(missing.sum())} place(s) have no coordinate and cannot be drawn: "
            f"{names}; drop them explicitly (and say so) or add coordinates with a source"
        )
    return pts


def _names(df: pd.DataFrame) -> pd.Series:
    for col in ("name_zh", "name_en", "place_id"):
        if col in df.columns:
            return df[col].astype(str)
    return pd.Series(df.index.astype(str), index=df.index)


def _label_texts(df: pd.DataFrame, lang: Lang, label: str | None) -> pd.Series:
    if label is not None:
        return df[label].fillna("").astype(str)
    zh = df["name_zh"].fillna("").astype(str) if "name_zh" in df else None
    en = df["name_en"].fillna("").astype(str) if "name_en" in df else None
    if zh is None and en is None:
        return _names(df)
    if zh is None:
        return en  # type: ignore[return-value]
    if en is None:
        return zh
    return pd.Series(
        [bilingual(z, e, lang, sep="\n") for z, e in zip(zh, en, strict=True)],
        index=df.index,
    )


def locator(
    places: pd.DataFrame | gpd.GeoDataFrame,
    ax: Axes | None = None,
    *,
    lang: Lang = "both",
    hue: str | None = None,
    hue_labels: Mapping[object, str] | None = None,
    palette: Sequence[str] | None = None,
    label: str | None = None,
    title: str | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    inset: bool = False,
    areas: bool = True,
    adjust_iterations: int = 300,
) -> Axes:
    """Base map of Guizhou with ``places`` as labelled points; return the Axes.

    ``places`` is a table with ``lon``/``lat`` in WGS84 (``rs.load_places()``
    rows) or a GeoDataFrame of points in any CRS. Labels come from
    ``name_zh``/``name_en`` by ``lang`` (or from the column ``label``).
    ``hue`` colours points by a column (e.g. a theme), ``hue_labels`` names
    its values in the legend. Coordinates that are estimates
    (:func:`is_estimate`) are drawn hollow with their error circle.
    Places of level county or prefecture that match a boundary (by
    ``admin_code`` or name) are drawn as shaded areas with the label inside,
    not as points (``areas=False`` draws them as points too).

    The map carries a scale bar, a north arrow, the note 示意图 (sketch
    map) and a caption naming the sources of the places (``source_id``, if
    given), of their coordinates (``coord_source_id``) and of the
    boundaries. ``caption="…"`` replaces the wording of the data part (it
    is required when the places have neither column); it cannot be left
    off, and places from a simulated source bring the simulated-data mark,
    whatever the caption says (:func:`ruralstudy.plot.cite`).
    ``inset=True`` adds a small map locating Guizhou in China.

    >>> import ruralstudy as rs
    >>> villages = rs.load_places().query("level == 'village'")
    >>> ax = rs.maps.locator(villages, lang="both")        # doctest: +SKIP
    >>> rs.plot.save(ax.figure, "reports/figures/villages")  # doctest: +SKIP
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from ruralstudy.plot import PALETTE, register_cjk_font

    lang = check_lang(lang)  # type: ignore[assignment]
    register_cjk_font()
    pts = _points(places)
    estimate = is_estimate(pts)
    ax = _base.new_axes(ax)
    _base.draw_base(ax)
    colors, legend_handles = _colors(pts, hue, hue_labels, palette or PALETTE)

    # Counties and prefectures are areas: shade their polygons and label them
    # there; everything else (villages, communities, townships) is a point.
    area_geoms = _area_geometries(pts) if areas else pd.Series(None, index=pts.index, dtype=object)
    is_area = area_geoms.notna().to_numpy()
    for i in np.flatnonzero(is_area):
        _draw_area(ax, area_geoms.iloc[i], colors[i])
    anchors = [
        geom.representative_point() if is_area[i] else pts.geometry.iloc[i]
        for i, geom in enumerate(area_geoms)
    ]
    xy = np.array([[p.x, p.y] for p in anchors]) if len(pts) else np.empty((0, 2))

    point = ~is_area
    estimate_pt = estimate.to_numpy() & point
    _draw_error_circles(ax, pts.loc[point], estimate.loc[point], colors[point])
    solid = point & ~estimate_pt
    if solid.any():
        ax.scatter(
            xy[solid, 0],
            xy[solid, 1],
            s=28,
            c=colors[solid],
            edgecolors="white",
            linewidths=0.8,
            zorder=6,
        )
    if estimate_pt.any():
        ax.scatter(
            xy[estimate_pt, 0],
            xy[estimate_pt, 1],
            s=28,
            facecolors="white",
            edgecolors=colors[estimate_pt],
            linewidths=1.4,
            zorder=6,
        )

    _base.frame_map(ax, xy)
    texts = _draw_labels(ax, xy, _label_texts(pts, lang, label), adjust_iterations)

    if is_area.any():
        legend_handles.append(
            Patch(
                facecolor="#888888",
                alpha=0.35,
                edgecolor="#555555",
                label=bilingual(*_LEGEND_TEXT["area"], lang, sep=" / "),
            )
        )
    if solid.any():
        legend_handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                ms=5.5,
                mfc="#444444",
                mec="white",
                label=bilingual(*_LEGEND_TEXT["located"], lang, sep=" / "),
            )
        )
    if estimate_pt.any():
        legend_handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                ms=5.5,
                mfc="white",
                mec="#444444",
                mew=1.3,
                label=bilingual(*_LEGEND_TEXT["estimate"], lang, sep=" / "),
            )
        )
    _base.add_legend(ax, legend_handles)
    _base.add_furniture(ax, lang, title=title, inset=inset)
    _base.add_map_caption(
        ax,
        _cited_rows(pts),
        caption,
        lang,
        sources,
        what="locator",
        cite_columns="'coord_source_id' (or 'source_id')",
    )
    ax._ruralstudy_label_texts = texts  # type: ignore[attr-defined]  # for tests
    return ax


def _area_geometries(pts: pd.DataFrame) -> pd.Series:
    """Projected polygon of each county/prefecture row that matches a boundary; else None."""
    from ruralstudy.maps.choropleth import unit_codes

    out = pd.Series(None, index=pts.index, dtype=object)
    if "level" not in pts.columns:
        return out
    for level in AREA_LEVELS:
        rows = pts.loc[pts["level"] == level]
        if rows.empty:
            continue
        codes = unit_codes(rows, level)
        polygons = _base.projected(level).set_index("admin_code").geometry
        matched = codes.notna()
        out.loc[codes.index[matched]] = polygons.loc[codes[matched]].to_numpy()
    return out


def _draw_area(ax: Axes, geom: object, color: str) -> None:
    import geopandas as gpd

    shape = gpd.GeoSeries([geom], crs=PROJECTED_CRS)
    shape.plot(ax=ax, facecolor=color, alpha=0.28, linewidth=0, zorder=3)
    shape.boundary.plot(ax=ax, color=color, linewidth=1.0, zorder=4)


def _colors(
    pts: pd.DataFrame,
    hue: str | None,
    hue_labels: Mapping[object, str] | None,
    palette: Sequence[str],
) -> tuple[np.ndarray, list]:
    from matplotlib.lines import Line2D

    if hue is None:
        return np.array([palette[0]] * len(pts), dtype=object), []
    if hue not in pts.columns:
        raise ValueError(f"locator: hue column {hue!r} is not in the places table")
    values = pts[hue]
    if values.isna().any():
        raise ValueError(
            f"locator: {int(values.isna().sum())} place(s) have no {hue!r}: "
            f"{_names(pts.loc[values.isna()]).tolist()}"
        )
    levels = list(dict.fromkeys(values))
    if len(levels) > len(palette):
        raise ValueError(f"locator: {len(levels)} values of {hue!r}, palette has {len(palette)}")
    lut = dict(zip(levels, palette, strict=False))
    handles = [
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            ms=6,
            mfc=lut[v],
            mec="white",
            label=(hue_labels or {}).get(v, str(v)),
        )
        for v in levels
    ]
    return values.map(lut).to_numpy(dtype=object), handles


def _draw_error_circles(ax: Axes, pts: gpd.GeoDataFrame, estimate: pd.Series, colors) -> None:
    if "coord_error_km" not in pts.columns or not estimate.any():
        return
    from matplotlib.patches import Circle

    radius_km = pd.to_numeric(pts["coord_error_km"], errors="coerce")
    for i, (geom, r, est) in enumerate(zip(pts.geometry, radius_km, estimate, strict=True)):
        if est and np.isfinite(r) and r > 0:
            ax.add_patch(
                Circle(
                    (geom.x, geom.y),
                    r * 1000.0,
                    facecolor=colors[i],
                    alpha=0.10,
                    edgecolor=colors[i],
                    linestyle=(0, (3, 2)),
                    linewidth=0.8,
                    zorder=5,
                )
            )


def _draw_labels(ax: Axes, xy: np.ndarray, labels: pd.Series, iterations: int) -> list:
    from adjustText import adjust_text

    texts = [
        ax.text(x, y, text, fontsize=7, color="#111111", zorder=7, ha="center", va="center")
        for (x, y), text in zip(xy, labels, strict=True)
        if text
    ]
    if len(texts) > 1 or (texts and len(xy)):
        adjust_text(
            texts,
            x=xy[:, 0],
            y=xy[:, 1],
            ax=ax,
            iter_lim=iterations,
            expand=(1.15, 1.35),
            force_static=(0.3, 0.5),
            arrowprops={"arrowstyle": "-", "color": "#666666", "lw": 0.5},
        )
    return texts


def _cited_rows(pts: pd.DataFrame) -> pd.DataFrame:
    """The places' sources as rows to cite: where each place was taken from
    (``source_id``), then where its coordinate came from (``coord_source_id``).

    A place drawn without a source in a column that is there is an error
    naming it; without either column there is nothing to cite, and the
    caption must be given.
    """
    from ruralstudy.provenance import text_of

    cols = [c for c in ("source_id", "coord_source_id") if c in pts.columns]
    for col in cols:
        blank = pts[col].map(text_of) == ""
        if blank.any():
            raise ValueError(
                f"locator: {int(blank.sum())} of {len(pts)} place(s) have no {col}: "
                f"{_names(pts.loc[blank]).tolist()}; every place drawn must name its source"
            )
    if not cols:
        return pd.DataFrame(index=pts.index)
    return pd.DataFrame({"source_id": pd.concat([pts[c] for c in cols], ignore_index=True)})
