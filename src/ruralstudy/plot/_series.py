"""A yearly series with intervention markers and benchmark lines."""

from __future__ import annotations

from typing import Literal

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from ruralstudy.plot import _frames
from ruralstudy.plot._common import (
    LABEL_FONTSIZE,
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
from ruralstudy.provenance import Lang, check_lang

BENCHMARK_COLOR = "#555555"


def series(
    df: pd.DataFrame,
    *,
    interventions: pd.DataFrame | None = None,
    benchmarks: pd.DataFrame | None = None,
    value_labels: bool | None = None,
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
    """A yearly series of one indicator, one line per place, with events and benchmarks.

    ``df`` holds fact rows (every one with a year). ``interventions`` rows of
    the places drawn become dotted vertical lines; ``benchmarks`` are fact
    rows of the same unit for other places (a province, the country), drawn
    dashed grey (a single benchmark figure is one labelled point). Bounds are drawn at
    each point; values are written beside the points when a line has six
    points or fewer (``value_labels=`` forces either way). ``number``,
    ``unit_line`` and ``area_unit`` as for :func:`ruralstudy.plot.bars`.

    >>> import ruralstudy as rs
    >>> income = rs.load_facts().query("indicator_id == 'rural_disposable_income_per_capita'")
    >>> ax = rs.plot.series(income.query("place_id == 'cn'"))
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    shown_area = _frames.area_unit_for(area_unit, lang)
    main = _frames.require_years(
        _frames.in_area_unit(_frames.with_names(df, t, "series"), shown_area), "series"
    )
    first = _frames.one_indicator(main, "series")
    parts = [main]
    bench = None
    if benchmarks is not None and not benchmarks.empty:
        bench = _frames.require_years(
            _frames.in_area_unit(
                _frames.with_names(benchmarks, t, "series benchmarks"), shown_area
            ),
            "series benchmarks",
        )
        parts.append(bench)
    everything = pd.concat(parts)
    factor, unit_zh, unit_en = unit_scale(everything, lang, "series")

    ax = get_axes(ax)
    qualifiers: set[str] = set()
    handles: list[Line2D] = []
    for i, place in enumerate(dict.fromkeys(main["place_id"])):
        rows = main[main["place_id"] == place].sort_values("year", kind="stable")
        color = PALETTE[i % len(PALETTE)]
        label = bilingual(rows.iloc[0]["place_zh"], rows.iloc[0]["place_en"], lang)
        show = value_labels if value_labels is not None else len(rows) <= 6
        _draw_line(ax, rows, factor, color, lang, show, linestyle="-")
        qualifiers |= set(rows["qualifier"])
        handles.append(Line2D([], [], color=color, marker="o", label=label))
    if bench is not None:
        for place in dict.fromkeys(bench["place_id"]):
            rows = bench[bench["place_id"] == place].sort_values("year", kind="stable")
            label = bilingual(rows.iloc[0]["place_zh"], rows.iloc[0]["place_en"], lang)
            # A lone benchmark figure is a point in its year, labelled: a level
            # line across other years would claim values nobody reported.
            _draw_line(ax, rows, factor, BENCHMARK_COLOR, lang, len(rows) == 1, linestyle="--")
            qualifiers |= set(rows["qualifier"])
            handles.append(
                Line2D([], [], color=BENCHMARK_COLOR, linestyle="--", marker="o", label=label)
            )
    cited = [everything[["source_id"]]]
    if interventions is not None and not interventions.empty:
        ev = _frames.require_years(
            interventions[interventions["place_id"].isin(set(main["place_id"]))], "series"
        )
        _draw_events(ax, ev.sort_values("year", kind="stable"), lang)
        if not ev.empty:
            cited.append(ev[["source_id"]])
            handles.append(
                Line2D(
                    [], [], color="#777777", linestyle=":", label=bilingual("事件", "event", lang)
                )
            )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.10g}"))
    if unit_line:
        draw_unit_line(ax, unit_zh, unit_en, lang)
    else:
        ax.set_ylabel(unit_axis_label(unit_zh, unit_en, lang))
    ax.margins(x=0.06, y=0.12)
    draw_title(
        ax,
        first["indicator_zh"],
        first["indicator_en"],
        lang,
        title,
        number=number,
        pad=14 if unit_line else None,
    )
    cite(ax, pd.concat(cited), lang=lang, sources=t.sources, caption=caption)
    finish(ax, handles + key_handles(qualifiers, lang), loc="best")
    return ax


def _draw_line(
    ax: Axes, rows: pd.DataFrame, factor: float, color: str, lang: str, labels: bool, linestyle: str
) -> None:
    x = rows["year"].to_numpy()
    y = (rows["value"] / factor).to_numpy()
    ax.plot(x, y, color=color, linestyle=linestyle, linewidth=1.6, zorder=2)
    for _, row in rows.iterrows():
        v = row["value"] / factor
        approx = row["qualifier"] == "approx"
        ax.plot(
            row["year"],
            v,
            marker="o",
            markersize=5,
            color=color,
            markerfacecolor="white" if approx else color,
            zorder=4,
        )
        reach = draw_interval(
            ax,
            row["year"],
            v,
            row["lower"] / factor,
            row["upper"] / factor,
            row["qualifier"],
            orient="v",
            color=color,
        )
        if labels:
            label_at(
                ax,
                row["year"],
                top_of(row) / factor,
                value_label(row, lang, factor, _frames.unit_of(rows, "series")),
                above_pt=reach,
                color=color,
            )


def _draw_events(ax: Axes, events: pd.DataFrame, lang: str) -> None:
    """Dotted vertical lines at event years, names stacked along the top."""
    for i, (_, ev) in enumerate(events.iterrows()):
        ax.axvline(ev["year"], color="#777777", linestyle=":", linewidth=1.0, zorder=1)
        name = bilingual(ev["name_zh"], ev["name_en"], lang, sep="\n")
        ax.annotate(
            f"{name}",
            (ev["year"], 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -3 - 22 * (i % 3) * (2 if lang == "both" else 1)),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=LABEL_FONTSIZE - 0.5,
            color="#555555",
        )
