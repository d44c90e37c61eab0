"""Dumbbell chart of one place's indicators before and after an intervention.

A dumbbell needs both ends: only indicators reported on both sides are drawn
as dumbbells. Those with one side only are listed in a compact table under
the dumbbells (value and year, "before"/"after"), never drawn as a lone dot,
or dropped with a note (``one_sided="drop"``). One encoding per meaning:
colour tells before (grey) from after (blue); a hollow marker means 约
(approximate), nothing else.
"""

from __future__ import annotations

from typing import Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ruralstudy.compare import before_after as compare_before_after
from ruralstudy.compare import intervention_year
from ruralstudy.plot import _frames
from ruralstudy.plot._common import (
    LABEL_FONTSIZE,
    draw_title,
    finish,
    get_axes,
)
from ruralstudy.plot.captions import cite, wrap_caption
from ruralstudy.plot.labels import (
    axis_label,
    bilingual,
    unit_words,
    value_label,
    value_scale,
    value_with_unit,
)
from ruralstudy.plot.marks import INTERVAL_COLOR, draw_interval, key_handles
from ruralstudy.plot.style import PALETTE
from ruralstudy.provenance import Lang, check_lang, text_of

ROW_LABEL_PT = 150.0  # widest row label of a before/after chart, before it wraps
COLORS = {"before": "#888888", "after": PALETTE[0]}
SIDE_WORDS = {"before": ("干预前", "before"), "after": ("干预后", "after")}
ONE_SIDED = ("table", "drop")
TABLE_ROW = 0.5  # height of a one-sided table row, in dumbbell rows


def before_after(
    facts: pd.DataFrame,
    *,
    place_id: str | None = None,
    year: int | None = None,
    intervention_id: str | None = None,
    interventions: pd.DataFrame | None = None,
    baseline_includes_year: bool = True,
    one_sided: Literal["table", "drop"] = "table",
    area_unit: Literal["mu", "ha"] | None = None,
    title_from: str | None = None,
    number: int | str | None = None,
    lang: Lang = "both",
    indicators: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Dumbbell chart of one place's indicators before and after an intervention.

    The intervention year comes from ``year=`` or from the intervention
    (``intervention_id=``, or the place's only intervention) in
    ``interventions`` (default ``rs.load_interventions()``). For each
    indicator, "before" is its latest fact up to the intervention year (facts
    of that year are the baseline; ``baseline_includes_year=False`` counts
    them as after) and "after" its latest fact since. Indicators differ in
    unit, so each row is scaled to its own largest value and the values are
    written beside the marks with their years. Undated facts cannot be
    placed before or after and are not drawn.

    An indicator with one side only goes to a table under the dumbbells
    (``one_sided="table"``) or is left out with a note saying how many were
    (``"drop"``). Areas are shown in 亩 (``area_unit="mu"``, the default for
    ``lang="zh"``) or hectares (``"ha"``, otherwise); the row label and the
    values agree. ``title_from=<indicator_id>`` titles the chart with that
    indicator's change ("茶园面积：6亩（1986）→ 3760亩（2024）");
    ``number=1`` numbers it ("图1　…").

    >>> import ruralstudy as rs
    >>> jiaoyao = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
    >>> ax = rs.plot.before_after(rs.load_facts().query("place_id == @jiaoyao"),
    ...                           intervention_id="jiaoyao-2018-returnee-cooperative")
    """
    check_lang(lang)
    if one_sided not in ONE_SIDED:
        raise ValueError(f"one_sided must be one of {ONE_SIDED}, got {one_sided!r}")
    shown_area = _frames.area_unit_for(area_unit, lang)
    t = _frames.tables(indicators, places, sources)
    df = _frames.with_names(facts, t, "before_after")
    place = _frames.one_place(df, place_id, "before_after")
    df = _frames.in_area_unit(_frames.dated(df[df["place_id"] == place]), shown_area)
    # Which fact stands for "before" and which for "after" is decided in one
    # place, ruralstudy.compare, so the chart and the table always agree.
    cut, event = intervention_year(
        place, year=year, intervention_id=intervention_id, interventions=interventions
    )
    table = compare_before_after(
        df, place_id=place, year=cut, baseline_includes_year=baseline_includes_year
    )
    by_id = df.set_index("fact_id", drop=False)
    pairs = {
        row["indicator_id"]: tuple(
            by_id.loc[[row[f"{side}_fact_id"]]] if isinstance(row[f"{side}_fact_id"], str)
            else df.iloc[0:0]
            for side in ("before", "after")
        )
        for _, row in table.iterrows()
    }  # fmt: skip
    both = {k: p for k, p in pairs.items() if not p[0].empty and not p[1].empty}
    single = {k: p for k, p in pairs.items() if p[0].empty != p[1].empty}
    listed = single if one_sided == "table" else {}
    drawn = pd.concat([p for pair in (*both.values(), *listed.values()) for p in pair])
    if drawn.empty:
        raise ValueError(f"before_after: no dated facts for {place!r}")

    # Rows from the top (y = 0) down: dumbbells a row apart, table rows closer.
    lines = sum(_name_label(pd.concat(p).iloc[0], lang).count("\n") + 1 for p in listed.values())
    ax = get_axes(ax, height=max(2.6, 1.6 + 0.6 * (len(both) + TABLE_ROW * (lines + 1))))
    ticks: list[float] = []
    ticklabels: list[str] = []
    y = 0.0
    for before, after in both.values():
        ticklabels.append(_dumbbell(ax, y, before, after, lang))
        ticks.append(y)
        y += 1
    last = y - 1
    if listed:
        last = _one_sided_table(ax, y - 0.5 + TABLE_ROW, listed, lang, ticks, ticklabels)
    ax.set_yticks(ticks, ticklabels)
    ax.set_ylim(last + 0.6, -0.7)
    ax.set_xlim(-0.08, 1.18)
    ax.set_xticks([])
    ax.grid(False)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    note = bilingual(
        "每行按本行最大值缩放", "each row scaled to its own largest value", lang, sep=" · "
    )
    dropped = len(single) if one_sided == "drop" else 0
    if dropped:
        note += "\n" + bilingual(
            f"另有{dropped}项指标仅有一侧数据，未列出",
            f"{dropped} indicator(s) with one side only not shown",
            lang,
            sep=" · ",
        )
    # The key explains the marks drawn: the table's values carry their words instead.
    marked = {q for pair in both.values() for part in pair for q in part["qualifier"]}
    handles = _handles(cut, baseline_includes_year, marked, lang)
    place_row = drawn.iloc[0]
    if title is None and title_from is not None:
        title = change_title(pairs, title_from, lang)
    # A bare year= has no event name: "脚尧村干预前后（2018年）".
    event_zh, event_en = text_of(event.get("name_zh")), text_of(event.get("name_en"))
    draw_title(
        ax,
        f"{place_row['place_zh']}干预前后" + (f"：{event_zh}" if event_zh else "") + f"（{cut}年）",
        f"{place_row['place_en']}, before and after"
        + (f": {event_en}" if event_en else "")
        + f" ({cut})",
        lang,
        title,
        width_pt=ax.get_figure(root=True).get_figwidth() * 72 - ROW_LABEL_PT - 24,
        number=number,
    )
    cited = drawn
    if isinstance(event, pd.Series) and "source_id" in event.index and text_of(event["source_id"]):
        cited = pd.concat([drawn[["source_id"]], event[["source_id"]].to_frame().T])
    cite(ax, cited, lang=lang, sources=t.sources, caption=caption)
    finish(ax, handles, below=True, note=note)
    return ax


def _row_label(rows: pd.DataFrame, factor: float, unit_zh: str, unit_en: str, lang: str) -> str:
    first = rows.iloc[0]
    unit = _frames.unit_of(rows, "before_after")
    unit_label = (unit_zh, unit_en) if factor != 1 else unit_words(unit)
    return wrap_caption(
        axis_label(first["indicator_zh"], first["indicator_en"], *unit_label, lang),
        ROW_LABEL_PT,
        fontsize=plt.rcParams["ytick.labelsize"],
    )


def _dumbbell(ax: Axes, y: float, before: pd.DataFrame, after: pd.DataFrame, lang: str) -> str:
    """One indicator's dumbbell at row ``y``; returns its row label."""
    rows = pd.concat([before, after])
    unit = _frames.unit_of(rows, "before_after")
    reach = pd.concat([rows["value"], rows["upper"]]).abs().max()
    factor, unit_zh, unit_en = value_scale(unit, float(reach), lang)
    scale = float(reach) if reach > 0 else 1.0
    xs = []
    for side, part in (("before", before), ("after", after)):
        row = part.iloc[0]
        x = row["value"] / scale
        xs.append(x)
        approx = row["qualifier"] == "approx"
        ax.plot(
            x,
            y,
            marker="o",
            markersize=8,
            color=COLORS[side],
            markerfacecolor="white" if approx else COLORS[side],
            markeredgewidth=1.6,
            linestyle="none",
            zorder=4,
        )
        draw_interval(
            ax, y, x, row["lower"] / scale, row["upper"] / scale, row["qualifier"], orient="h"
        )
        label = value_label(row, lang, factor, unit)
        if lang != "zh" and unit == "percent":
            label += "%"  # other units are in the row's label
        for text, dy, va, size, color in (
            (label, 7, "bottom", LABEL_FONTSIZE, INTERVAL_COLOR),
            (str(row["year"]), -8, "top", LABEL_FONTSIZE - 0.5, "#777777"),
        ):
            ax.annotate(
                text,
                (x, y),
                xytext=(0, dy),
                textcoords="offset points",
                ha="center",
                va=va,
                fontsize=size,
                color=color,
                annotation_clip=False,
            )
    ax.plot(xs, [y, y], color="#BBBBBB", linewidth=3, solid_capstyle="round", zorder=2)
    return _row_label(rows, factor, unit_zh, unit_en, lang)


def _one_sided_table(
    ax: Axes,
    y: float,
    listed: dict[str, tuple[pd.DataFrame, pd.DataFrame]],
    lang: str,
    ticks: list[float],
    ticklabels: list[str],
) -> float:
    """Indicators with one side only, as table rows under the dumbbells; returns the last y."""
    if ticks:
        ax.axhline(y - TABLE_ROW / 2 - 0.15, color="#CCCCCC", linewidth=0.6)
    ax.text(
        -0.08,
        y,
        bilingual(
            "仅有一侧数据（不作前后比较）",
            "one side only (no before/after comparison)",
            lang,
            sep=" · ",
        ),
        ha="left",
        va="center",
        fontsize=LABEL_FONTSIZE,
        color="#555555",
    )
    last_lines = 1
    for before, after in listed.values():
        side = "before" if not before.empty else "after"
        rows = before if side == "before" else after
        row = rows.iloc[0]
        label = _name_label(row, lang)
        lines = label.count("\n") + 1
        # Rows closer than dumbbells, but never closer than their labels' lines.
        y += TABLE_ROW * max(1.0, (last_lines + lines) / 2)
        last_lines = lines
        unit = _frames.unit_of(rows, "before_after")
        zh_side, en_side = SIDE_WORDS[side]
        cell = bilingual(
            f"{zh_side}（{row['year']}年）：{value_with_unit(row, 'zh', unit)}",
            f"{en_side} ({row['year']}): {value_with_unit(row, 'en', unit)}",
            lang,
            sep=" · ",
        )
        ax.text(0.0, y, cell, ha="left", va="center", fontsize=LABEL_FONTSIZE, color="#333333")
        ticks.append(y)
        ticklabels.append(label)
    return y


def _name_label(row: pd.Series, lang: str) -> str:
    """A table row's label: the indicator's name (its unit is in the value beside it)."""
    return wrap_caption(
        bilingual(row["indicator_zh"], row["indicator_en"], lang, sep="\n"),
        ROW_LABEL_PT,
        fontsize=plt.rcParams["ytick.labelsize"],
    )


def _handles(cut: int, includes: bool, qualifiers: set[str], lang: str) -> list[Line2D]:
    op, op_after = ("≤", ">") if includes else ("<", "≥")
    words = {
        "before": bilingual(f"干预前（{op}{cut}年）", f"before ({op}{cut})", lang),
        "after": bilingual(f"干预后（{op_after}{cut}年）", f"after ({op_after}{cut})", lang),
    }
    sides = [
        Line2D([], [], marker="o", linestyle="none", color=COLORS[s], markeredgewidth=1.6,
               label=words[s])
        for s in ("before", "after")
    ]  # fmt: skip
    return [*sides, *key_handles(qualifiers, lang, orient="h")]


def change_title(
    pairs: dict[str, tuple[pd.DataFrame, pd.DataFrame]], indicator_id: str, lang: str
) -> str:
    """ "茶园面积：6亩（1986）→ 3760亩（2024）": what changed, from one indicator's pair."""
    if indicator_id not in pairs:
        raise ValueError(
            f"before_after: title_from={indicator_id!r} is not among the indicators drawn "
            f"({sorted(pairs)})"
        )
    before, after = pairs[indicator_id]
    if before.empty or after.empty:
        raise ValueError(
            f"before_after: title_from={indicator_id!r} has only one side, so no change to state"
        )
    b, a = before.iloc[0], after.iloc[0]
    unit = _frames.unit_of(pd.concat([before, after]), "before_after")

    def one(language: str) -> str:
        name = b["indicator_zh"] if language == "zh" else b["indicator_en"]
        colon = "：" if language == "zh" else ": "
        yb, ya = (
            (f"（{b['year']}）", f"（{a['year']}）")
            if language == "zh"
            else (f" ({b['year']})", f" ({a['year']})")
        )
        arrow = "→ " if language == "zh" else " → "
        return (
            f"{text_of(name)}{colon}{value_with_unit(b, language, unit)}{yb}"
            f"{arrow}{value_with_unit(a, language, unit)}{ya}"
        )

    return one(lang) if lang != "both" else f"{one('zh')}\n{one('en')}"
