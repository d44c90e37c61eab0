"""One bar per fact row: places or years side by side."""

from __future__ import annotations

import math
from typing import Literal

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import StrMethodFormatter

from ruralstudy.plot import _frames
from ruralstudy.plot._common import (
    draw_title,
    draw_unit_line,
    finish,
    get_axes,
    label_at,
    top_of,
    unit_axis_label,
    unit_scale,
)
from ruralstudy.plot.captions import cite
from ruralstudy.plot.labels import bilingual, value_label
from ruralstudy.plot.marks import draw_interval, key_handles
from ruralstudy.plot.style import PALETTE
from ruralstudy.provenance import Lang, check_lang, cited_name, source_name

NO_YEAR = ("年份不详", "n.d.")


def bars(
    facts: pd.DataFrame,
    *,
    lang: Lang = "both",
    indicators: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    title: str | None = None,
    number: int | str | None = None,
    unit_line: bool = False,
    area_unit: Literal["mu", "ha"] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One bar per fact row of one indicator: places or years side by side.

    Rows are ordered by place (as they first appear) and year; each bar is
    labelled with its place and/or year, and with its source's publisher
    when two bars would otherwise carry the same label. A bar reaches the
    fact's value; its bounds are drawn on top (whisker for 余/多 and ranges,
    arrow for 逾 and 近, faded bar for 约), and the value is written as the
    source wrote it (zh) or with its qualifier mark (en, both).

    ``number=1`` numbers the title ("图1　…"); ``unit_line=True`` writes the
    unit above the plot ("单位：万元") instead of an axis label; areas are
    shown in 亩 (``area_unit="mu"``, the default for ``lang="zh"``) or
    hectares, and the values written agree with the unit shown.

    >>> import ruralstudy as rs
    >>> ax = rs.plot.bars(rs.load_facts().query("indicator_id == 'population'"), lang="zh")
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    df = _frames.in_area_unit(
        _frames.with_names(facts, t, "bars"), _frames.area_unit_for(area_unit, lang)
    )
    first = _frames.one_indicator(df, "bars")
    unit = _frames.unit_of(df, "bars")
    factor, unit_zh, unit_en = unit_scale(df, lang, "bars")
    df = _order_bars(df)
    labels = _bar_labels(df, t.sources, lang)

    ax = get_axes(ax)
    place_order = list(dict.fromkeys(df["place_id"]))
    colors = {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(place_order)}
    for i, (_, row) in enumerate(df.iterrows()):
        v, lo, up = row["value"] / factor, row["lower"] / factor, row["upper"] / factor
        approx = row["qualifier"] == "approx"
        ax.bar(
            i,
            v,
            width=0.62,
            color=colors[row["place_id"]],
            alpha=0.45 if approx else 1.0,
            edgecolor=colors[row["place_id"]],
            linewidth=1.0,
            linestyle="--" if approx else "-",
            zorder=2,
        )
        reach = draw_interval(ax, i, v, lo, up, row["qualifier"], orient="v")
        label_at(ax, i, top_of(row) / factor, value_label(row, lang, factor, unit), above_pt=reach)
    ax.set_xticks(range(len(df)), labels)
    ax.set_xlim(-0.6, len(df) - 0.4)
    top = max(top_of(r) for _, r in df.iterrows()) / factor
    ax.set_ylim(0, top * 1.22 if top > 0 else 1)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.10g}"))
    if unit_line:
        draw_unit_line(ax, unit_zh, unit_en, lang)
    else:
        ax.set_ylabel(unit_axis_label(unit_zh, unit_en, lang))
    if df["place_id"].nunique() == 1:  # bars are years: the place goes in the title
        zh, en = (
            f"{first['place_zh']}：{first['indicator_zh']}",
            f"{first['place_en']}: {first['indicator_en']}",
        )
    else:
        zh, en = first["indicator_zh"], first["indicator_en"]
    draw_title(ax, zh, en, lang, title, number=number, pad=14 if unit_line else None)
    cite(ax, df, lang=lang, sources=t.sources, caption=caption)
    finish(ax, key_handles(set(df["qualifier"]), lang), loc="upper left")
    return ax


def _order_bars(df: pd.DataFrame) -> pd.DataFrame:
    place_rank = {p: i for i, p in enumerate(dict.fromkeys(df["place_id"]))}
    out = df.assign(_place=df["place_id"].map(place_rank), _year=_frames.year_floats(df))
    return out.sort_values(["_place", "_year"], kind="stable", na_position="last").drop(
        columns=["_place", "_year"]
    )


def _bar_labels(df: pd.DataFrame, sources: pd.DataFrame, lang: str) -> list[str]:
    many_places = df["place_id"].nunique() > 1
    years = _frames.year_floats(df)
    many_years = years.nunique(dropna=False) > 1
    sep = "\n"
    labels = []
    for idx, row in df.iterrows():
        parts = []
        if many_places or not many_years:
            parts.append(bilingual(row["place_zh"], row["place_en"], lang, sep=sep))
        if many_years or not many_places:
            y = years[idx]
            parts.append(str(int(y)) if math.isfinite(y) else bilingual(*NO_YEAR, lang, sep=" "))
        labels.append(sep.join(parts))
    # Same place, same year, different sources: say which source each bar is.
    counts = pd.Series(labels).value_counts()
    if (counts > 1).any():
        by_id = sources.set_index("source_id", drop=False)
        one = "en" if lang == "en" else "zh"
        pub = {
            sid: cited_name(source_name(by_id.loc[sid], one), one) for sid in set(df["source_id"])
        }
        labels = [
            f"{lab}{sep}{pub.get(sid, sid)}" if counts[lab] > 1 else lab
            for lab, sid in zip(labels, df["source_id"], strict=True)
        ]
    return labels
