"""Locator map: where the case villages are, on a base map of Guizhou.

Places are drawn as points with haloed labels that do not overlap
(adjustText). Places at one coordinate share one point and one label; in a
dense cluster (several places within ``cluster_km`` of each other, as in
Guiyang's districts) the points are numbered and the numbers keyed under the
map, as yearbook maps do. A point whose coordinate is an estimate — recorded
at a coarser precision than the place itself, e.g. a village placed at its
county's centre — is drawn hollow, inside a dashed circle of its error
radius (``coord_error_km``), and the legend says where such points stand. A
place without a coordinate is named in a note under the map, never left off
silently.
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
    "area": ("所涉县级或地级行政区", "county or prefecture named"),
}
# Where an estimated point stands, by its coord_precision, and who stands there.
_PLACED_AT = {
    "village": ("所属村", "its village"),
    "township": ("所属乡镇驻地", "its township seat"),
    "county": ("所属县（区）中心", "its county's centre"),
    "prefecture": ("所属市（州）中心", "its prefecture's centre"),
    "province": ("省中心", "the province's centre"),
}
_WHO = {
    "village": ("村", "village"),
    "community": ("社区", "community"),
    "township": ("乡镇", "township"),
}
_UNLOCATED = ("未标注（无坐标）", "Not shown (no coordinate)")
_OFF_MAP = ("未标注（在贵州省外）", "Not shown (outside Guizhou)")
_KEY = ("图中编号", "Numbers on the map")
AREA_LEVELS = ("county", "prefecture")
# More names than this do not fit a 16 cm map of Guizhou: number them all.
MAX_NAMED_MARKS = 24
# A soft white ground under each label, so it reads over boundary lines. Not a
# stroked outline (path effects): those turn every glyph into a path in SVG
# and PDF, so the text could no longer be edited and a map's SVG grew by MBs.
HALO = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}


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


def _split_located(
    places: pd.DataFrame | gpd.GeoDataFrame,
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """(places with a coordinate, as points in the map CRS; places without one)."""
    import geopandas as gpd

    if isinstance(places, gpd.GeoDataFrame) and places.geometry.name in places.columns:
        missing = places.geometry.isna() | places.geometry.is_empty
    else:
        for col in ("lon", "lat"):
            if col not in places.columns:
                raise ValueError(
                    f"locator: places need 'lon' and 'lat' columns (WGS84); no {col!r}"
                )
        missing = places["lon"].isna() | places["lat"].isna()
    return _points(places.loc[~missing]), pd.DataFrame(places.loc[missing])


def _split_off_map(pts: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """(points on the base map, places more than OFF_MAP_KM (10) km outside Guizhou).

    A point far outside would stretch the frame until Guizhou is a speck;
    such places are listed under the map instead, never silently dropped.
    """
    near = _base.near_base_map(pts.geometry.to_numpy(), _base.OFF_MAP_KM)
    return pts.loc[near], pd.DataFrame(pts.loc[~near]).drop(columns=pts.geometry.name)


def _points(places: pd.DataFrame | gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Places that have a coordinate (:func:`_split_located`), as points in the map CRS."""
    import geopandas as gpd

    if isinstance(places, gpd.GeoDataFrame) and places.geometry.name in places.columns:
        if places.crs is None:
            raise ValueError("locator: the GeoDataFrame has no CRS; set it (WGS84 is EPSG:4326)")
        return places.to_crs(PROJECTED_CRS)
    return gpd.GeoDataFrame(
        places.copy(),
        geometry=gpd.points_from_xy(places["lon"], places["lat"]),
        crs="EPSG:4326",
    ).to_crs(PROJECTED_CRS)


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
    *,
    ax: Axes | None = None,
    lang: Lang = "both",
    hue: str | None = None,
    hue_labels: Mapping[object, str] | None = None,
    palette: Sequence[str] | None = None,
    label_column: str | None = None,
    title: str | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    inset: bool = False,
    areas: bool = True,
    numbered: bool | None = None,
    cluster_km: float = 15.0,
    adjust_iterations: int = 300,
) -> Axes:
    """Base map of Guizhou with ``places`` as labelled points; return the Axes.

    ``places`` is a table with ``lon``/``lat`` in WGS84 (``rs.load_places()``
    rows) or a GeoDataFrame of points in any CRS. Labels come from
    ``name_zh``/``name_en`` by ``lang`` (or from the column ``label_column``); the
    same ``lang`` rules the title you pass, the legend, the notes and the
    caption. ``hue`` colours points by a column (e.g. a theme),
    ``hue_labels`` names its values in the legend. Coordinates that are
    estimates (:func:`is_estimate`) are drawn hollow with their error
    circle, and the legend says where they stand ("村/社区标于所属县（区）中心").
    Places of level county or prefecture that match a boundary (by
    ``admin_code`` or name) are drawn as shaded areas with the label inside,
    not as points (``areas=False`` draws them as points too).

    Places at the same coordinate are drawn once, with one combined label.
    Where three or more points or areas lie within ``cluster_km`` of each
    other, or there are more than 24 marks, they are numbered and the
    numbers keyed under the map (``numbered=True`` numbers every label,
    ``False`` never does). Places without a coordinate, and places more than
    10 km outside Guizhou (the base map), are listed under the map.

    The map carries a scale bar, a north arrow, the note 示意图，不作为划界依据
    (sketch map, not an authoritative boundary) and a caption naming the
    sources of the places (``source_id``, if given), of their coordinates
    (``coord_source_id``) and of the boundaries. ``caption="…"`` replaces
    the wording of the data part (it is required when the places have
    neither column); it cannot be left off, and places from a simulated
    source bring the simulated-data mark, whatever the caption says
    (:func:`ruralstudy.plot.cite`). ``inset=True`` adds a small map locating
    Guizhou in China, with the South China Sea islands box.

    >>> import ruralstudy as rs
    >>> villages = rs.load_places().query("level == 'village'")
    >>> ax = rs.maps.locator(villages, lang="zh")          # doctest: +SKIP
    >>> rs.plot.save(ax.figure, "reports/figures/villages")  # doctest: +SKIP
    """
    from ruralstudy.plot import PALETTE, register_cjk_font

    lang = check_lang(lang)  # type: ignore[assignment]
    register_cjk_font()
    pts, unlocated = _split_located(places)
    pts, off_map = _split_off_map(pts)
    ax = _base.new_axes(ax)
    with _base.one_draw(ax):
        _base.draw_base(ax)
        colors, legend_handles = _colors(pts, hue, hue_labels, palette or PALETTE)

        # Counties and prefectures are areas: shade their polygons and label them
        # there; everything else (villages, communities, townships) is a point.
        area_geoms = (
            _area_geometries(pts) if areas else pd.Series(None, index=pts.index, dtype=object)
        )
        is_area = area_geoms.notna().to_numpy()
        for i in np.flatnonzero(is_area):
            _draw_area(ax, area_geoms.iloc[i], colors[i])
    marks = _marks(pts, area_geoms, is_area, colors, lang, label_column)
    _draw_error_circles(ax, pts.loc[~is_area], colors[~is_area])
    _draw_points(ax, marks)

    xy = np.array(marks["xy"].tolist()) if len(marks) else np.empty((0, 2))
    _base.frame_map(ax, xy)
    marks["number"] = _numbers(xy, numbered, cluster_km)
    shown = [str(n) if n else text for n, text in zip(marks["number"], marks["text"], strict=True)]
    texts = _draw_labels(ax, xy, pd.Series(shown, index=marks.index), adjust_iterations)

    legend_handles += _legend_handles(pts, marks, is_area, lang)
    _base.add_legend(ax, legend_handles)
    _base.add_furniture(ax, lang, title=title, inset=inset)
    _base.add_map_caption(
        ax,
        _cited_rows(pts, pd.concat([unlocated, off_map]) if len(off_map) else unlocated),
        caption,
        lang,
        sources,
        what="locator",
        cite_columns="'coord_source_id' (or 'source_id')",
        note=_notes(marks, unlocated, lang, off_map),
    )
    ax._ruralstudy_label_texts = texts  # type: ignore[attr-defined]  # for tests
    return ax


def _marks(
    pts: gpd.GeoDataFrame,
    area_geoms: pd.Series,
    is_area: np.ndarray,
    colors: np.ndarray,
    lang: Lang,
    label: str | None,
) -> pd.DataFrame:
    """One row per mark on the map: an area, or all points at one coordinate.

    Columns: xy (map CRS), text (the combined label), color, kind
    ("area", "point" or "estimate").
    """
    labels = _label_texts(pts, lang, label)
    estimate = is_estimate(pts).to_numpy()
    rows = []
    for i in np.flatnonzero(is_area):
        p = area_geoms.iloc[i].representative_point()
        rows.append(((p.x, p.y), [labels.iloc[i]], colors[i], "area"))
    groups: dict[tuple[int, int], list[int]] = {}
    for i in np.flatnonzero(~is_area):
        g = pts.geometry.iloc[i]
        groups.setdefault((round(g.x), round(g.y)), []).append(i)
    for members in groups.values():
        g = pts.geometry.iloc[members[0]]
        kind = "estimate" if estimate[members].any() else "point"
        rows.append(((g.x, g.y), [labels.iloc[i] for i in members], colors[members[0]], kind))
    sep = "、" if lang == "zh" else ", "
    return pd.DataFrame(
        {
            "xy": [r[0] for r in rows],
            "text": [_join_labels(r[1], sep) for r in rows],
            "color": [r[2] for r in rows],
            "kind": [r[3] for r in rows],
        }
    )


def _join_labels(labels: list[str], sep: str) -> str:
    """Labels of places at one point, joined; bilingual ones line by line."""
    labels = [t for t in dict.fromkeys(labels) if t]
    if all("\n" in t for t in labels) and len(labels) > 1:
        zh = "、".join(t.split("\n", 1)[0] for t in labels)
        en = ", ".join(t.split("\n", 1)[1] for t in labels)
        return f"{zh}\n{en}"
    return sep.join(labels)


def _numbers(xy: np.ndarray, numbered: bool | None, cluster_km: float) -> list[int]:
    """1, 2, … for the marks to number (0 for the others), in reading order.

    Automatically, the marks of a cluster of three or more within
    ``cluster_km`` of each other (single linkage) are numbered: names
    there would pile up however they were moved; and past
    ``MAX_NAMED_MARKS`` marks, every mark is, as an atlas page does.
    """
    n = len(xy)
    if n == 0 or numbered is False:
        return [0] * n
    if numbered or n > MAX_NAMED_MARKS:
        chosen = np.ones(n, dtype=bool)
    else:
        from scipy.sparse.csgraph import connected_components
        from scipy.spatial.distance import cdist

        near = cdist(xy, xy) <= cluster_km * 1000.0
        _, cluster = connected_components(near, directed=False)
        sizes = np.bincount(cluster)
        chosen = sizes[cluster] >= 3
    # Reading order: north to south, then west to east, in 1 km bands.
    order = sorted(np.flatnonzero(chosen), key=lambda i: (-round(xy[i, 1] / 1000), xy[i, 0]))
    numbers = [0] * n
    for k, i in enumerate(order, start=1):
        numbers[i] = k
    return numbers


def _draw_points(ax: Axes, marks: pd.DataFrame) -> None:
    for kind, style in (
        ("point", {"edgecolors": "white", "linewidths": 0.8}),
        ("estimate", {"facecolors": "white", "linewidths": 1.4}),
    ):
        sel = marks.loc[marks["kind"] == kind]
        if sel.empty:
            continue
        xy = np.array(sel["xy"].tolist())
        colour = sel["color"].to_numpy()
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=28,
            zorder=6,
            **({"c": colour} if kind == "point" else {"edgecolors": colour}),
            **style,
        )


def _legend_handles(
    pts: gpd.GeoDataFrame, marks: pd.DataFrame, is_area: np.ndarray, lang: Lang
) -> list:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list = []
    kinds = set(marks["kind"])
    if "area" in kinds:
        handles.append(
            Patch(
                facecolor="#888888",
                alpha=0.35,
                edgecolor="#555555",
                label=bilingual(*_LEGEND_TEXT["area"], lang, sep=" / "),
            )
        )
    if "point" in kinds:
        handles.append(
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
    if "estimate" in kinds:
        estimates = pts.loc[~is_area & is_estimate(pts).to_numpy()]
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                ms=5.5,
                mfc="white",
                mec="#444444",
                mew=1.3,
                label=_estimate_legend(estimates, lang),
            )
        )
    return handles


def _estimate_legend(estimates: pd.DataFrame, lang: Lang) -> str:
    """ "村/社区标于所属县（区）中心，虚线圈为误差范围", from what the points are."""
    levels = set(estimates["level"]) if "level" in estimates.columns else {"village"}
    who = [w for level, w in _WHO.items() if level in levels] or [_WHO["village"]]
    precisions = set(estimates["coord_precision"])
    where = [w for p, w in _PLACED_AT.items() if p in precisions]
    zh = f"{'/'.join(w[0] for w in who)}标于{'或'.join(w[0] for w in where)}，虚线圈为误差范围"
    en = (
        f"{'/'.join(w[1] for w in who)} placed at {' or '.join(w[1] for w in where)}; "
        "dashed circle: error radius"
    )
    return bilingual(zh, en, lang, sep="\n")


def _notes(
    marks: pd.DataFrame, unlocated: pd.DataFrame, lang: Lang, off_map: pd.DataFrame | None = None
) -> str:
    """The key to the numbers, the places without a coordinate and those outside
    Guizhou, under the map."""
    parts = []
    numbered = marks.loc[marks["number"] > 0].sort_values("number")
    if len(numbered):
        key = "  ".join(
            f"{n} {t.replace(chr(10), ' ')}"
            for n, t in zip(numbered["number"], numbered["text"], strict=True)
        )
        parts.append(f"{bilingual(*_KEY, lang, sep=' / ')}{_base.colon(lang)}{key}")
    for rows, words in ((unlocated, _UNLOCATED), (off_map, _OFF_MAP)):
        if rows is not None and len(rows):
            names = _label_texts(rows, lang, None).str.replace("\n", " ")
            sep = "、" if lang == "zh" else ", "
            parts.append(
                f"{bilingual(*words, lang, sep=' / ')}{_base.colon(lang)}{sep.join(names)}"
            )
    return "\n".join(parts)


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


def _draw_error_circles(ax: Axes, pts: gpd.GeoDataFrame, colors: np.ndarray) -> None:
    """A dashed circle of each estimated point's error radius, once per point and radius."""
    if "coord_error_km" not in pts.columns:
        return
    from matplotlib.patches import Circle

    estimate = is_estimate(pts).to_numpy()
    radius_km = pd.to_numeric(pts["coord_error_km"], errors="coerce").to_numpy()
    drawn: set[tuple[int, int, float]] = set()
    for i, geom in enumerate(pts.geometry):
        r = radius_km[i]
        key = (round(geom.x), round(geom.y), float(r))
        if not estimate[i] or not np.isfinite(r) or r <= 0 or key in drawn:
            continue
        drawn.add(key)
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
        ax.text(
            x,
            y,
            text,
            fontsize=7,
            color="#111111",
            zorder=7,
            ha="center",
            va="center",
            bbox=HALO,
        )
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


def _cited_rows(pts: pd.DataFrame, unlocated: pd.DataFrame) -> pd.DataFrame:
    """The places' sources as rows to cite: where each place was taken from
    (``source_id``, for every place, drawn or listed), then where each drawn
    point came from (``coord_source_id``).

    A place without a source in a column that is there is an error naming
    it; without either column there is nothing to cite, and the caption
    must be given.
    """
    from ruralstudy.provenance import text_of

    every = pd.concat([pd.DataFrame(pts), unlocated]) if len(unlocated) else pd.DataFrame(pts)
    columns = {"source_id": every, "coord_source_id": pts}
    cited = []
    for col, rows in columns.items():
        if col not in rows.columns:
            continue
        blank = rows[col].map(text_of) == ""
        if blank.any():
            raise ValueError(
                f"locator: {int(blank.sum())} of {len(rows)} place(s) have no {col}: "
                f"{_names(rows.loc[blank]).tolist()}; every place drawn must name its source"
            )
        cited.append(rows[col])
    if not cited:
        return pd.DataFrame(index=pts.index)
    return pd.DataFrame({"source_id": pd.concat(cited, ignore_index=True)})
