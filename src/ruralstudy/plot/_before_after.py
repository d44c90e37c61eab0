"""Dumbbell chart of one place's indicators before and after an intervention."""

from __future__ import annotations

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
from ruralstudy.plot.captions import (
    Lang,
    check_lang,
    cite,
    text_of,
    wrap_caption,
)
from ruralstudy.plot.labels import axis_label, bilingual, unit_words, value_label, value_scale
from ruralstudy.plot.marks import INTERVAL_COLOR, draw_interval, key_handles
from ruralstudy.plot.style import PALETTE

ROW_LABEL_PT = 150.0  # widest row label of a before/after chart, before it wraps


def before_after(
    facts: pd.DataFrame,
    *,
    place_id: str | None = None,
    year: int | None = None,
    intervention_id: str | None = None,
    interventions: pd.DataFrame | None = None,
    baseline_includes_year: bool = True,
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
    placed before or after and are not drawn. An indicator with only one
    side shows that one mark.

    >>> import ruralstudy as rs
    >>> jiaoyao = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
    >>> ax = rs.plot.before_after(rs.load_facts().query("place_id == @jiaoyao"),
    ...                           intervention_id="jiaoyao-2018-returnee-cooperative")
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    df = _frames.with_names(facts, t, "before_after")
    place = _frames.one_place(df, place_id, "before_after")
    df = _frames.dated(df[df["place_id"] == place])
    # Which fact stands for "before" and which for "after" is decided in one
    # place, ruralstudy.compare, so the chart and the table always agree.
    cut, event = intervention_year(
        place, year=year, intervention_id=intervention_id, interventions=interventions
    )
    table = compare_before_after(
        df, place_id=place, year=cut, baseline_includes_year=baseline_includes_year
    )
    by_id = df.set_index("fact_id", drop=False)
    pairs = [
        tuple(
            by_id.loc[[row[f"{side}_fact_id"]]] if isinstance(row[f"{side}_fact_id"], str)
            else df.iloc[0:0]
            for side in ("before", "after")
        )
        for _, row in table.iterrows()
    ]  # fmt: skip
    drawn = pd.concat([p for pair in pairs for p in pair if not p.empty])
    if drawn.empty:
        raise ValueError(f"before_after: no dated facts for {place!r}")

    n = len(pairs)
    ax = get_axes(ax, height=max(2.6, 1.5 + 0.62 * n))
    colors = {"before": "#888888", "after": PALETTE[0]}
    ticklabels = []
    for i, (before, after) in enumerate(pairs):
        y = n - 1 - i
        both_rows = pd.concat([before, after])
        unit = _frames.unit_of(both_rows, "before_after")
        reach = pd.concat([both_rows["value"], both_rows["upper"]]).abs().max()
        factor, unit_zh, unit_en = value_scale(unit, float(reach), lang)
        scale = float(reach) if reach > 0 else 1.0
        xs = {}
        for side, part in (("before", before), ("after", after)):
            if part.empty:
                continue
            row = part.iloc[0]
            x = row["value"] / scale
            xs[side] = x
            approx = row["qualifier"] == "approx"
            face = "white" if side == "before" or approx else colors[side]
            ax.plot(
                x,
                y,
                marker="o",
                markersize=8,
                color=colors[side],
                markerfacecolor=face,
                markeredgewidth=1.6,
                linestyle="none",
                zorder=4,
            )
            draw_interval(
                ax,
                y,
                x,
                row["lower"] / scale,
                row["upper"] / scale,
                row["qualifier"],
                orient="h",
                zorder=3,
            )
            label = value_label(row, lang, factor)
            if lang != "zh" and unit == "percent":
                label += "%"  # other units are in the row's label
            ax.annotate(
                f"{label}",
                (x, y),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=LABEL_FONTSIZE,
                color=INTERVAL_COLOR,
                annotation_clip=False,
            )
            ax.annotate(
                str(row["year"]),
                (x, y),
                xytext=(0, -8),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=LABEL_FONTSIZE - 0.5,
                color="#777777",
                annotation_clip=False,
            )
        if len(xs) == 2:
            ax.plot(
                [xs["before"], xs["after"]],
                [y, y],
                color="#BBBBBB",
                linewidth=3,
                solid_capstyle="round",
                zorder=2,
            )
        first = both_rows.iloc[0]
        unit_label = (unit_zh, unit_en) if factor != 1 else unit_words(unit)
        ticklabels.append(
            wrap_caption(
                axis_label(first["indicator_zh"], first["indicator_en"], *unit_label, lang),
                ROW_LABEL_PT,
                fontsize=plt.rcParams["ytick.labelsize"],
            )
        )
    ax.set_yticks(range(n - 1, -1, -1), ticklabels)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(-0.08, 1.18)
    ax.set_xticks([])
    ax.grid(False)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    note = bilingual(
        "每行按本行最大值缩放", "each row scaled to its own largest value", lang, sep=" · "
    )
    op = "≤" if baseline_includes_year else "<"
    op_after = ">" if baseline_includes_year else "≥"
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            color=colors["before"],
            markerfacecolor="white",
            markeredgewidth=1.6,
            label=bilingual(f"干预前（{op}{cut}年）", f"before ({op}{cut})", lang),
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            color=colors["after"],
            label=bilingual(f"干预后（{op_after}{cut}年）", f"after ({op_after}{cut})", lang),
        ),
        *key_handles(set(drawn["qualifier"]), lang, orient="h"),
    ]
    place_row = drawn.iloc[0]
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
    )
    cited = drawn
    if isinstance(event, pd.Series) and "source_id" in event.index and text_of(event["source_id"]):
        cited = pd.concat([drawn[["source_id"]], event[["source_id"]].to_frame().T])
    cite(ax, cited, lang=lang, sources=t.sources, caption=caption)
    finish(ax, handles, below=True, note=note)
    return ax
