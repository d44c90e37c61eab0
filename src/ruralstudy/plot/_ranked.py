"""Many places, one indicator: a ranked dot chart with each figure's bounds.

Bars of sixty villages would be unreadable; a dot per reported figure, its
bounds as a line (whisker for 余/多 and ranges, arrow for 逾 and 近), sorted
by value and labelled with place and year, shows the spread and what the
reports do and do not pin down (Cleveland's dot plot).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.ticker import StrMethodFormatter

from ruralstudy.plot import _frames
from ruralstudy.plot._common import (
    draw_title,
    finish,
    get_axes,
    unit_axis_label,
    unit_scale,
)
from ruralstudy.plot.captions import Lang, check_lang, cite
from ruralstudy.plot.labels import bilingual
from ruralstudy.plot.marks import draw_interval, key_handles
from ruralstudy.plot.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ROW_HEIGHT_IN = 0.19


def ranked(
    facts: pd.DataFrame,
    *,
    lang: Lang = "both",
    indicators: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    title: str | None = None,
    log: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """One row per fact of one indicator, across places, sorted by value.

    Each row is labelled with its place and year; a place reported by two
    sources for one year has two rows, so a conflict shows. Approximate
    figures (约) are hollow. ``log=True`` draws the values on a log scale,
    for figures spanning orders of magnitude (every value must then be
    positive). Returns the Axes.

    >>> import ruralstudy as rs
    >>> f = rs.load_facts().query("indicator_id == 'village_income_per_capita'")
    >>> ax = rs.plot.ranked(f, lang="zh")  # doctest: +SKIP
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    df = _frames.with_names(facts, t, "ranked")
    first = _frames.one_indicator(df, "ranked")
    factor, unit_zh, unit_en = unit_scale(df, lang, "ranked")
    df = df.sort_values(["value", "place_id"], kind="stable").reset_index(drop=True)
    if log and (df["value"] <= 0).any():
        bad = df.loc[df["value"] <= 0, "fact_id"].tolist() if "fact_id" in df else []
        raise ValueError(f"ranked: log=True needs positive values; not {bad}")

    ax = get_axes(ax, height=1.4 + ROW_HEIGHT_IN * len(df))
    for i, row in df.iterrows():
        v, lo, up = row["value"] / factor, row["lower"] / factor, row["upper"] / factor
        draw_interval(ax, i, v, lo, up, row["qualifier"], orient="h")
        hollow = row["qualifier"] == "approx"
        ax.plot(
            [v], [i], marker="o", ms=4.2, ls="", zorder=4,
            mfc="white" if hollow else PALETTE[0], mec=PALETTE[0],
        )  # fmt: skip
    ax.set_yticks(range(len(df)), _row_labels(df, lang))
    ax.set_ylim(-0.7, len(df) - 0.3)
    if log:
        ax.set_xscale("log")
    else:
        ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.10g}"))
    ax.set_xlabel(unit_axis_label(unit_zh, unit_en, lang))
    ax.grid(axis="y", visible=False)
    draw_title(ax, first["indicator_zh"], first["indicator_en"], lang, title)
    cite(ax, df, lang=lang, sources=t.sources, caption=caption)
    # "best": long bilingual keys over the lower right hid the smallest figures.
    finish(ax, key_handles(set(df["qualifier"]), lang, orient="h"), loc="best")
    return ax


def _row_labels(df: pd.DataFrame, lang: Lang) -> list[str]:
    years = df["year"].map(lambda y: "" if pd.isna(y) else f"{int(y)}")
    zh = [f"{p}（{y}）" if y else p for p, y in zip(df["place_zh"], years, strict=True)]
    en = [f"{p} ({y})" if y else p for p, y in zip(df["place_en"], years, strict=True)]
    return [bilingual(z, e, lang, sep=" ") for z, e in zip(zh, en, strict=True)]


__all__ = ["ranked"]
