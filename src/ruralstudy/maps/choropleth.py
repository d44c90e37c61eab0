"""Classed choropleth of a county- or prefecture-level indicator.

The data are joined to the boundaries on the 6-digit administrative code or
on the unit's name (full 雷山县, short 雷山, or English Leishan County /
Leishan). Units without a value are drawn hatched grey as "no data" — never
as zero — and a row whose unit does not join is reported: a warning at draw
time and a line under the map naming it, so it cannot vanish silently.
A map on which fewer than five units have a value says little that a
sentence would not: it warns (:class:`SparseChoroplethWarning`) and names
the units with data under the map.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ruralstudy.maps import _base
from ruralstudy.maps.boundaries import Level, boundaries
from ruralstudy.numbers import other_digit
from ruralstudy.plot.labels import format_number
from ruralstudy.provenance import Lang, check_lang

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes

__all__ = ["SparseChoroplethWarning", "UnmatchedUnitsWarning", "choropleth", "join_units"]

NO_DATA = {"zh": "无数据", "en": "no data", "both": "无数据 / no data"}
NO_DATA_STYLE = {"facecolor": "#EEEEEE", "edgecolor": "#BBBBBB", "hatch": "/////", "linewidth": 0}
UNMATCHED = {"zh": "未能匹配的单位", "en": "Units not matched", "both": "未能匹配 / not matched"}
WITH_DATA = {
    "zh": "有数据的单位",
    "en": "Units with data",
    "both": "有数据的单位 / units with data",
}
# Below this many units with a value, a choropleth is mostly "no data".
MIN_UNITS_WITH_DATA = 5

_NAME_COLUMNS = ("name_zh", "name", "county", "name_en")


class UnmatchedUnitsWarning(UserWarning):
    """Rows of the data whose unit is not among the boundaries."""


class SparseChoroplethWarning(UserWarning):
    """Fewer than five units have a value: a locator map or a sentence says it better."""


def _normalise_code(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    if re.fullmatch(r"[0-9]+\.0", text):  # a code read as float
        text = text[:-2]
    # A 9- or 12-digit statistical code starts with the 6-digit unit code;
    # it names that unit only if the rest is zeros.
    if re.fullmatch(r"[0-9]{9}|[0-9]{12}", text) and set(text[6:]) == {"0"}:
        text = text[:6]
    return text


def _check_code_digits(codes: pd.Series) -> None:
    """A code in full-width or another script's digits (５２２６３４) would only show up
    as unmatched: name the row and the digit instead."""
    for row, value in codes.items():
        why = other_digit(value) if isinstance(value, str) else None
        if why:
            raise ValueError(f"choropleth: admin_code {value!r} in row {row!r}: {why}")


def _name_key(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return re.sub(r"[\s'’\-]", "", str(value)).lower()


def _name_lookup(units: pd.DataFrame) -> dict[str, str]:
    """Every accepted spelling of a unit's name → its admin_code."""
    lookup: dict[str, str] = {}
    for row in units.itertuples(index=False):
        short_en = row.name_en.split(" ")[0]
        for name in (row.name_zh, row.name_short_zh, row.name_en, short_en):
            key = _name_key(name)
            if key:
                lookup.setdefault(key, row.admin_code)
    return lookup


def unit_codes(df: pd.DataFrame, level: Level, on: str | None = None) -> pd.Series:
    """The 6-digit code of the unit each row names (by code or name); NaN where none.

    >>> unit_codes(pd.DataFrame({"name_zh": ["雷山县", "某县"]}), "county").tolist()
    ['522634', nan]
    """
    units = boundaries(level)
    col = _join_column(df, on)
    if col == "place_id" and on is None:
        # Facts rows name their place by id: its admin_code from the loaded places
        # (shipped and the active data project's), so facts map as they are.
        from ruralstudy.datasets import load_places

        code_of = load_places().set_index("place_id")["admin_code"]
        codes = df[col].map(code_of).map(_normalise_code)
        return codes.where(codes.isin(set(units["admin_code"])))
    if col == "admin_code":
        _check_code_digits(df[col])
        codes = df[col].map(_normalise_code)
        codes = codes.where(codes.isin(set(units["admin_code"])))
        if "name_zh" in df.columns:
            # A row without a code may still name its unit.
            lookup = _name_lookup(units)
            by_name = df["name_zh"].map(lambda v: lookup.get(_name_key(v) or ""))
            codes = codes.fillna(by_name.where(df[col].isna()))
        return codes
    lookup = _name_lookup(units)
    return df[col].map(lambda v: lookup.get(_name_key(v) or ""))


def _join_column(df: pd.DataFrame, on: str | None) -> str:
    if on is not None:
        if on not in df.columns:
            raise ValueError(f"choropleth: join column {on!r} is not in the data")
        return on
    if "admin_code" in df.columns:
        return "admin_code"
    if "place_id" in df.columns:
        return "place_id"
    for col in _NAME_COLUMNS:
        if col in df.columns:
            return col
    raise ValueError(
        "choropleth: the data need an 'admin_code' or 'place_id' column or a name column "
        f"({', '.join(_NAME_COLUMNS)}), or on='<column>'"
    )


def join_units(
    df: pd.DataFrame, level: Level = "county", on: str | None = None
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Join ``df`` to Guizhou's units at ``level``; return (units, unmatched).

    ``units`` has every unit of the level, with ``df``'s columns filled where a
    row joined (units with no row keep NaN: no data). ``unmatched`` holds the
    rows of ``df`` whose code or name is not a unit of that level. The join
    column ``on`` defaults to ``admin_code`` if present, else ``place_id``
    (a place of the loaded places with that unit's admin_code: facts rows
    map as they are), else a name column.
    Two rows for the same unit are an error.

    >>> units, unmatched = join_units(pd.DataFrame({"name_zh": ["雷山县"], "x": [1.0]}))
    >>> len(units), int(units["x"].notna().sum()), len(unmatched)
    (88, 1, 0)
    """
    if level == "province":
        raise ValueError("choropleth: level must be 'prefecture' or 'county'")
    units = boundaries(level)
    codes = unit_codes(df, level, on)
    unmatched = df.loc[codes.isna()]
    matched = df.loc[codes.notna()].assign(_unit_code=codes[codes.notna()])
    dup = matched["_unit_code"].duplicated(keep=False)
    if dup.any():
        names = units.set_index("admin_code").loc[matched.loc[dup, "_unit_code"], "name_zh"]
        raise ValueError(
            f"choropleth: several rows for the same unit ({sorted(set(names))}); "
            "keep one row per unit (e.g. one year) before mapping"
        )
    clash = [c for c in matched.columns if c in units.columns and c != "geometry"]
    matched = matched.drop(columns=clash)
    joined = units.merge(matched, left_on="admin_code", right_on="_unit_code", how="left")
    return joined.drop(columns="_unit_code"), unmatched


def _classify(values: np.ndarray, scheme: str, k: int, bins: list[float] | None):
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        raise ValueError("choropleth: no unit has a value to map")
    if scheme == "user_defined":
        if not bins:
            raise ValueError("choropleth: scheme='user_defined' needs bins=[…]")
        return UserDefined(finite, list(bins))
    n_unique = len(np.unique(finite))
    if n_unique == 1:
        # One distinct value (e.g. one county reports): one class, no breaks to find.
        return UserDefined(finite, [float(finite[0])])
    import mapclassify

    k = max(2, min(k, n_unique))
    classes = {
        "quantiles": mapclassify.Quantiles,
        "equal_interval": mapclassify.EqualInterval,
        "fisher_jenks": mapclassify.FisherJenks,
    }
    if scheme not in classes:
        raise ValueError(f"choropleth: scheme must be one of {[*classes, 'user_defined']}")
    return classes[scheme](finite, k=k)


class UserDefined:
    """Classes with the upper bounds given, as ``mapclassify.UserDefined`` makes them
    (``bins``, and each value's class ``yb``): a class (lower, upper] per bound, and one
    more up to the largest value if it lies above the last bound.

    By hand because importing mapclassify imports scipy.stats and scikit-learn, about
    1.5 s of CPU in a fresh process, for what is a sorted search; the data-driven
    schemes still use mapclassify (tests/test_maps_draw.py holds the two to the same classes).

    >>> UserDefined(np.array([1.0, 2.0, 7.0]), [1, 3]).yb.tolist()
    [0, 1, 2]
    """

    def __init__(self, y: np.ndarray, bins: list[float]):
        y = np.asarray(y, dtype=float).ravel()
        if bins[-1] < y.max():
            bins = [*bins, y.max()]
        self.bins = np.array(bins)
        self.yb = np.searchsorted(self.bins, y, side="left")


def _class_labels(classifier, values: np.ndarray, decimals: int | None) -> list[str]:
    bins = np.asarray(classifier.bins, dtype=float)
    if _all_whole(values) and _all_whole(bins):
        return _count_labels(bins, values)
    lows = np.concatenate([[np.nanmin(values)], bins[:-1]])
    d = _base.decimals_for(bins) if decimals is None else decimals
    labels = []
    for i, (lo, hi) in enumerate(zip(lows, bins, strict=True)):
        lo_txt = format_number(lo, d)
        hi_txt = format_number(hi, d)
        if lo_txt == hi_txt:
            labels.append(hi_txt)
        else:
            labels.append(f"{lo_txt} – {hi_txt}" if i == 0 else f"> {lo_txt} – {hi_txt}")
    return labels


def _all_whole(x: np.ndarray) -> bool:
    finite = x[np.isfinite(x)]
    return bool(finite.size) and bool(np.all(finite == np.round(finite)))


def _count_labels(bins: np.ndarray, values: np.ndarray) -> list[str]:
    """Classes of whole numbers read as whole numbers: "1", "2", "4–5", not "> 3 – 5"."""
    lows = np.concatenate([[np.nanmin(values)], bins[:-1] + 1])
    return [
        format_number(hi, 0) if lo >= hi else f"{format_number(lo, 0)}–{format_number(hi, 0)}"
        for lo, hi in zip(lows, bins, strict=True)
    ]


def choropleth(
    df: pd.DataFrame,
    column: str,
    level: Level = "county",
    *,
    ax: Axes | None = None,
    on: str | None = None,
    scheme: str = "quantiles",
    k: int = 5,
    bins: list[float] | None = None,
    value_unit: str | None = None,
    label: str | None = None,
    lang: Lang = "both",
    cmap: str = "YlGnBu",
    decimals: int | None = None,
    title: str | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    inset: bool = False,
    min_units: int = MIN_UNITS_WITH_DATA,
) -> Axes:
    """Classed choropleth of ``df[column]`` over Guizhou's units; return the Axes.

    ``df`` has one row per unit with ``admin_code`` (or ``place_id``, or a
    name column: see :func:`join_units`) and the value ``column``. Classes come from
    mapclassify (``scheme`` quantiles, equal_interval, fisher_jenks or
    user_defined with ``bins``; ``k`` classes, fewer if there are fewer
    distinct values). The legend title is ``label`` (default ``column``)
    with ``value_unit`` (the unit of the values) in brackets; units with no
    value are hatched grey as "无数据 / no data". Rows that do not join raise
    :class:`UnmatchedUnitsWarning` and are named under the map.

    The caption cites the sources (``source_id``, or a ``source_ids`` list
    where a unit's value stands on many facts) of the rows with a value,
    and always the boundaries; ``caption="…"`` replaces the wording of the
    data part (required when ``df`` has no ``source_id``), never the check
    of the sources or the simulated-data mark (:func:`ruralstudy.plot.cite`).

    When fewer than five units have a value, they are named under the map;
    when fewer than ``min_units`` do, :class:`SparseChoroplethWarning` says
    a locator map or a sentence may serve better (``min_units=1`` when you
    have weighed that and want the map).

    >>> import ruralstudy as rs
    >>> ax = rs.maps.choropleth(table, "income", value_unit="元", label="收入")  # doctest: +SKIP
    """
    from matplotlib.patches import Patch

    from ruralstudy.plot import register_cjk_font

    lang = check_lang(lang)  # type: ignore[assignment]
    if column not in df.columns:
        raise ValueError(f"choropleth: column {column!r} is not in the data")
    register_cjk_font()
    units, unmatched = join_units(df, level=level, on=on)
    values = pd.to_numeric(units[column], errors="raise").to_numpy(dtype=float)
    has_value = np.isfinite(values)
    classifier = _classify(values, scheme, k, bins)
    n_classes = len(classifier.bins)

    import matplotlib as mpl

    colours = (
        mpl.colormaps[cmap](np.linspace(0.15, 0.9, n_classes))
        if n_classes > 1
        else (mpl.colormaps[cmap](np.array([0.6])))
    )
    class_of = np.full(len(units), -1)
    class_of[has_value] = classifier.yb

    ax = _base.new_axes(ax)
    # Same units in the same order as boundaries(level): draw their simplified shapes.
    projected = units.set_geometry(
        _base.projected(level).geometry.to_numpy(), crs=_base.PROJECTED_CRS
    )
    with _base.one_draw(ax):
        if (~has_value).any():
            projected.loc[~has_value].plot(ax=ax, zorder=1, **NO_DATA_STYLE)
        for i in range(n_classes):
            sel = class_of == i
            if sel.any():
                projected.loc[sel].plot(ax=ax, color=colours[i], linewidth=0, zorder=1)
        _base.draw_lines(ax, zorder=2)
    _base.frame_map(ax)

    handles = [
        Patch(facecolor=colours[i], edgecolor="none", label=text)
        for i, text in enumerate(_class_labels(classifier, values[has_value], decimals))
    ]
    if (~has_value).any():
        handles.append(Patch(label=NO_DATA[lang], **{**NO_DATA_STYLE, "linewidth": 0.3}))
    legend_title = label or column
    if value_unit:
        legend_title += f"（{value_unit}）" if lang == "zh" else f" ({value_unit})"
    _base.add_legend(ax, handles, title=legend_title, title_fontsize=7.5, alignment="left")
    _base.add_furniture(ax, lang, title=title, inset=inset)
    notes = [_sparse_note(units, has_value, lang, min_units)]
    if len(unmatched):
        names = _unmatched_names(unmatched, on or _join_column(df, on), lang)
        warnings.warn(
            f"choropleth: {len(unmatched)} row(s) of the data are not {level}-level units "
            f"of Guizhou and are not on the map: {names}",
            UnmatchedUnitsWarning,
            stacklevel=2,
        )
        sep = ", " if lang == "en" else "、"
        notes.append(f"{UNMATCHED[lang]}{_base.colon(lang)}{sep.join(names)}")
    note = "\n".join(n for n in notes if n)
    # The rows drawn with a value are cited; a unit without one shows "no data".
    cited = df.loc[df[column].notna()]
    _base.add_map_caption(ax, cited, caption, lang, sources, what="choropleth", note=note)
    ax._ruralstudy_units = units  # type: ignore[attr-defined]  # joined table, for checks
    return ax


def _sparse_note(units: pd.DataFrame, has_value: np.ndarray, lang: Lang, min_units: int) -> str:
    """Warn when few units have a value, and name them for the note under the map."""
    n = int(has_value.sum())
    if n >= MIN_UNITS_WITH_DATA:
        return ""
    named = units.loc[has_value]
    names = named["name_en"] if lang == "en" else named["name_zh"]
    listed = ("、" if lang != "en" else ", ").join(names)
    if n >= min_units:
        return f"{WITH_DATA[lang]}{_base.colon(lang)}{listed}"
    warnings.warn(
        f"choropleth: only {n} of {len(units)} units have a value ({listed}); a map that is "
        "mostly 'no data' says little — consider rs.maps.locator or a sentence instead",
        SparseChoroplethWarning,
        stacklevel=3,
    )
    return f"{WITH_DATA[lang]}{_base.colon(lang)}{listed}"


def _unmatched_names(unmatched: pd.DataFrame, col: str, lang: Lang) -> list[str]:
    """How to name rows that did not join: by their name where they have one
    (a row without a code would otherwise read "None"), else by the join value."""
    name_col = "name_en" if lang == "en" else "name_zh"
    names = unmatched[name_col] if name_col in unmatched.columns else unmatched[col]
    return [str(n) if pd.notna(n) else str(v) for n, v in zip(names, unmatched[col], strict=True)]
