"""The chart functions: bars, before_after, timeline, series.

Each takes the data first and options by keyword, draws on ``ax`` (or a new
figure), writes the source caption for the rows it drew, marks simulated
rows, and returns the Axes. Lookup tables (``indicators``, ``places``,
``sources``) default to the curated ones; tests and users with their own
files pass their own.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator, StrMethodFormatter
from matplotlib.transforms import blended_transform_factory

from ruralstudy.plot import _frames
from ruralstudy.plot.captions import (
    CAPTION_FAMILY,
    SIMULATED_MARK,
    Lang,
    add_caption,
    caption_for,
    check_lang,
    is_simulated,
    mark_simulated,
    publisher_name,
    text_of,
    wrap_caption,
)
from ruralstudy.plot.labels import axis_label, bilingual, unit_words, value_label, value_scale
from ruralstudy.plot.marks import INTERVAL_COLOR, draw_interval, key_handles
from ruralstudy.plot.style import CJK_FONT_FAMILY, PALETTE, register_cjk_font

BENCHMARK_COLOR = "#555555"
ROW_LABEL_PT = 150.0  # widest row label of a before/after chart, before it wraps
LABEL_FONTSIZE = 7.5
_NO_YEAR = ("年份不详", "n.d.")
# A label hung from its marker (va="top") is raised this much so that its
# first line, not its top edge, sits level with the marker.
_FIRST_LINE_PT = LABEL_FONTSIZE * 0.7


# -- shared steps ---------------------------------------------------------------------


def _axes(ax: Axes | None, height: float | None = None) -> Axes:
    register_cjk_font()
    if ax is not None:
        return ax
    width = plt.rcParams["figure.figsize"][0]
    _, new = plt.subplots(figsize=(width, height or plt.rcParams["figure.figsize"][1]))
    return new


def _cite(
    ax: Axes, rows: pd.DataFrame, *, lang: str, sources: pd.DataFrame, caption: str | None
) -> None:
    """Caption the figure with the sources of ``rows``; stamp simulated data."""
    simulated = is_simulated(rows, sources)
    if caption is None:
        text = caption_for(rows, lang=lang, sources=sources)  # type: ignore[arg-type]
    else:
        # An override replaces the wording, never the simulated-data mark.
        text = caption + (
            f"\n{SIMULATED_MARK}" if simulated and SIMULATED_MARK not in caption else ""
        )
    add_caption(ax.get_figure(root=True), text)
    if simulated:
        mark_simulated(ax)


def _ensure_cjk(ax: Axes) -> None:
    """Name the CJK font on the chart's text if the active style would miss it.

    A generic family resolves when the figure is drawn; outside the house
    style that is DejaVu Sans, which has no Chinese glyphs.
    """
    if plt.rcParams["font.sans-serif"][:1] == [CJK_FONT_FAMILY] and plt.rcParams["font.family"] == [
        "sans-serif"
    ]:
        return
    for text in ax.findobj(Text):
        text.set_fontfamily(CAPTION_FAMILY)
    ax.tick_params(labelfontfamily=CAPTION_FAMILY)


def _finish(
    ax: Axes, handles: list[Line2D], *, loc: str = "best", below: bool = False, note: str = ""
) -> None:
    if handles and below:
        fig = ax.get_figure(root=True)
        # Under the axes, centred on the figure (long row labels push the
        # axes right; centred on the axes the key would run off the page).
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.02),
            bbox_transform=blended_transform_factory(fig.transFigure, ax.transAxes),
            ncols=2,
            title=note or None,
            title_fontsize=LABEL_FONTSIZE,
            fontsize=plt.rcParams["legend.fontsize"],
        )
    elif handles:
        ax.legend(handles=handles, loc=loc, fontsize=plt.rcParams["legend.fontsize"])
    _ensure_cjk(ax)


def _title(
    ax: Axes, zh: str, en: str, lang: str, title: str | None, width_pt: float | None = None
) -> None:
    """Set the title; wrap it to ``width_pt`` so a long one stays on the page."""
    text = title if title is not None else bilingual(zh, en, lang, sep="\n")
    if width_pt is not None:
        text = wrap_caption(text, width_pt, fontsize=plt.rcParams["axes.titlesize"])
    ax.set_title(text)


def _label_at(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    *,
    above_pt: float,
    orient: str = "v",
    color: str = INTERVAL_COLOR,
) -> None:
    offset = (0, above_pt + 2) if orient == "v" else (above_pt + 4, 0)
    ax.annotate(
        text,
        (x, y),
        xytext=offset,
        textcoords="offset points",
        ha="center" if orient == "v" else "left",
        va="bottom" if orient == "v" else "center",
        fontsize=LABEL_FONTSIZE,
        color=color,
        annotation_clip=False,
    )


def _top(row: pd.Series) -> float:
    """The highest point a fact's marks reach (value or finite upper bound)."""
    upper = row["upper"]
    return max(row["value"], upper) if math.isfinite(upper) else row["value"]


def _unit_for(df: pd.DataFrame, lang: str, what: str) -> tuple[float, str, str]:
    unit = _frames.unit_of(df, what)
    reach = pd.concat([df["value"], df["upper"]]).abs().max()
    return value_scale(unit, float(reach), lang)


def _unit_axis_label(unit_zh: str, unit_en: str, lang: str) -> str:
    return bilingual(unit_zh, unit_en, lang, sep=" / ")


# -- bars -----------------------------------------------------------------------------


def bars(
    facts: pd.DataFrame,
    *,
    lang: Lang = "both",
    indicators: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One bar per fact row of one indicator: places or years side by side.

    Rows are ordered by place (as they first appear) and year; each bar is
    labelled with its place and/or year, and with its source's publisher
    when two bars would otherwise carry the same label. A bar reaches the
    fact's value; its bounds are drawn on top (whisker for 余/多 and ranges,
    arrow for 逾 and 近, faded bar for 约), and the value is written as the
    source wrote it (zh) or with its qualifier mark (en, both).

    >>> import ruralstudy as rs
    >>> ax = rs.plot.bars(rs.load_facts().query("indicator_id == 'population'"), lang="zh")
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    df = _frames.with_names(facts, t, "bars")
    first = _frames.one_indicator(df, "bars")
    factor, unit_zh, unit_en = _unit_for(df, lang, "bars")
    df = _order_bars(df)
    labels = _bar_labels(df, t.sources, lang)

    ax = _axes(ax)
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
        _label_at(ax, i, _top(row) / factor, value_label(row, lang, factor), above_pt=reach)
    ax.set_xticks(range(len(df)), labels)
    ax.set_xlim(-0.6, len(df) - 0.4)
    top = max(_top(r) for _, r in df.iterrows()) / factor
    ax.set_ylim(0, top * 1.22 if top > 0 else 1)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.10g}"))
    ax.set_ylabel(_unit_axis_label(unit_zh, unit_en, lang))
    if df["place_id"].nunique() == 1:  # bars are years: the place goes in the title
        zh, en = (
            f"{first['place_zh']}：{first['indicator_zh']}",
            f"{first['place_en']}: {first['indicator_en']}",
        )
    else:
        zh, en = first["indicator_zh"], first["indicator_en"]
    _title(ax, zh, en, lang, title)
    _cite(ax, df, lang=lang, sources=t.sources, caption=caption)
    _finish(ax, key_handles(set(df["qualifier"]), lang), loc="upper left")
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
            parts.append(str(int(y)) if math.isfinite(y) else bilingual(*_NO_YEAR, lang, sep=" "))
        labels.append(sep.join(parts))
    # Same place, same year, different sources: say which source each bar is.
    counts = pd.Series(labels).value_counts()
    if (counts > 1).any():
        by_id = sources.set_index("source_id", drop=False)
        pub = {sid: publisher_name(by_id.loc[sid], lang) for sid in set(df["source_id"])}
        labels = [
            f"{lab}{sep}{pub.get(sid, sid)}" if counts[lab] > 1 else lab
            for lab, sid in zip(labels, df["source_id"], strict=True)
        ]
    return labels


# -- before / after -------------------------------------------------------------------


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
    event = _intervention(place, year, intervention_id, interventions)
    cut = int(event["year"])
    is_before = df["year"] <= cut if baseline_includes_year else df["year"] < cut
    pairs = []
    for ind in dict.fromkeys(df["indicator_id"]):
        rows = df[df["indicator_id"] == ind]
        before = rows[is_before[rows.index]].sort_values("year", kind="stable").tail(1)
        after = rows[~is_before[rows.index]].sort_values("year", kind="stable").tail(1)
        pairs.append((before, after))
    drawn = pd.concat([p for pair in pairs for p in pair if not p.empty])
    if drawn.empty:
        raise ValueError(f"before_after: no dated facts for {place!r}")

    n = len(pairs)
    ax = _axes(ax, height=max(2.6, 1.5 + 0.62 * n))
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
    _title(
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
    _cite(ax, cited, lang=lang, sources=t.sources, caption=caption)
    _finish(ax, handles, below=True, note=note)
    return ax


def _intervention(
    place: str, year: int | None, intervention_id: str | None, interventions: pd.DataFrame | None
) -> pd.Series:
    """The intervention that splits before from after, as a row (or a bare year)."""
    if year is not None and intervention_id is None:
        return pd.Series({"year": int(year)})
    if interventions is None:
        from ruralstudy.datasets import load_interventions

        interventions = load_interventions()
    rows = interventions[interventions["place_id"] == place]
    if intervention_id is not None:
        rows = rows[rows["intervention_id"] == intervention_id]
        if rows.empty:
            raise ValueError(f"before_after: no intervention {intervention_id!r} for {place!r}")
    if len(rows) != 1:
        raise ValueError(
            f"before_after: {place!r} has {len(rows)} interventions "
            f"{list(rows['intervention_id'])}; pass intervention_id= or year="
        )
    row = rows.iloc[0].copy()
    if year is not None:
        row["year"] = int(year)
    return row


# -- timeline -------------------------------------------------------------------------


def timeline(
    interventions: pd.DataFrame,
    facts: pd.DataFrame | None = None,
    *,
    place_id: str | None = None,
    lang: Lang = "both",
    indicators: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    caption: str | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """A place's chronicle (大事记): dated events, with the facts that mark them.

    Events are the place's rows of ``interventions`` (circles); facts
    (optional) are the place's dated facts (diamonds), each written as
    "indicator: value" with its qualifier. Time runs down a vertical line,
    one row per item so long labels never collide; a longer gap between
    years leaves more space. Undated facts have no place on a time line and
    are not drawn.

    >>> import ruralstudy as rs
    >>> chetian = "cn.guizhou.guian.huchao.chetian"
    >>> ax = rs.plot.timeline(rs.load_interventions(), rs.load_facts(), place_id=chetian)
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    needed = ["place_id", "year", "name_zh", "name_en", "source_id"]
    _frames.require_columns(interventions, needed, "timeline")
    place = _frames.one_place(interventions, place_id, "timeline")
    events = _frames.require_years(interventions[interventions["place_id"] == place], "timeline")
    items: list[tuple[int, int, str]] = []  # (year, kind: 0 event / 1 fact, label)
    for _, ev in events.iterrows():
        items.append((int(ev["year"]), 0, bilingual(ev["name_zh"], ev["name_en"], lang, "\n")))
    cited = [events[["source_id"]]]
    if facts is not None and (facts["place_id"] == place).any():
        fx = _frames.dated(_frames.with_names(facts[facts["place_id"] == place], t, "timeline"))
        for _, row in fx.iterrows():
            items.append((int(row["year"]), 1, _fact_phrase(row, lang)))
        cited.append(fx[["source_id"]])
    items.sort(key=lambda item: (item[0], item[1]))  # stable: input order within a year

    # Rows measured in text lines; a gap of g years adds up to 1.5 lines.
    ys, y, last_year = [], 0.0, None
    for year, _, label in items:
        if last_year is not None:
            y += 0.5 + (min(year - last_year, 3) * 0.5 if year != last_year else 0.0)
        ys.append(y)
        y += label.count("\n") + 1
        last_year = year
    total = y
    line_in = LABEL_FONTSIZE * 1.45 / 72
    ax = _axes(ax, height=max(1.8, 1.3 + total * line_in))
    ax.axvline(0, color="#444444", linewidth=1.2, zorder=1)
    shown_years = set()
    for (year, kind, label), top in zip(items, ys, strict=True):
        color = PALETTE[0] if kind == 0 else PALETTE[1]
        ax.plot(
            0,
            top,
            marker="o" if kind == 0 else "D",
            markersize=5.5 if kind == 0 else 4.5,
            color=color,
            zorder=3,
            clip_on=False,
        )
        ax.annotate(
            label,
            (0, top),
            xytext=(10, _FIRST_LINE_PT),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=LABEL_FONTSIZE,
            color="#222222" if kind == 0 else "#444444",
            linespacing=1.25,
            annotation_clip=False,
        )
        if year not in shown_years:
            shown_years.add(year)
            ax.annotate(
                str(year),
                (0, top),
                xytext=(-10, _FIRST_LINE_PT),
                textcoords="offset points",
                ha="right",
                va="top",
                fontsize=LABEL_FONTSIZE + 0.5,
                color="#222222",
                annotation_clip=False,
            )
    ax.set_ylim(total + 0.2, -0.4)
    ax.set_xlim(-0.18, 1.0)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.spines[["left", "bottom"]].set_visible(False)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            color=PALETTE[0],
            label=bilingual("事件", "event", lang),
        )
    ]
    if any(kind == 1 for _, kind, _ in items):
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                linestyle="none",
                color=PALETTE[1],
                label=bilingual("报道数据", "reported figure", lang),
            )
        )
    pl = t.places.set_index("place_id")
    name_zh, name_en = pl.loc[place, "name_zh"], pl.loc[place, "name_en"]
    _title(ax, f"{name_zh}：大事记", f"{name_en}: timeline", lang, title)
    _cite(ax, pd.concat(cited), lang=lang, sources=t.sources, caption=caption)
    _finish(ax, handles, loc="lower right")
    return ax


def _fact_phrase(row: pd.Series, lang: str) -> str:
    """'人口：1013人' / 'Population: 1,013 people' for one fact."""
    unit = str(row["indicator_unit"])
    zh_factor, zh_unit, _ = value_scale(unit, abs(row["value"]), "zh")
    zh_value = value_label(row, "zh", zh_factor) + ("" if text_of(row.get("text")) else zh_unit)
    # A phrase reads best in whole numbers ("100,000+ yuan") up to millions.
    en_unit = unit_words(unit)[1]
    en_factor = 1.0
    if abs(row["value"]) >= 1e6 and unit != "percent":
        en_factor, en_unit = 1e6, f"million {en_unit}"
    # "15 count" reads badly: a bare count needs no unit word.
    suffix = {"%": "%", "count": ""}.get(en_unit, f" {en_unit}")
    en_value = value_label(row, "en", en_factor) + suffix
    zh = f"{text_of(row['indicator_zh'])}：{zh_value}"
    en = f"{text_of(row['indicator_en'])}: {en_value}"
    return bilingual(zh, en, lang, sep="\n")


# -- series ---------------------------------------------------------------------------


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
    ax: Axes | None = None,
) -> Axes:
    """A yearly series of one indicator, one line per place, with events and benchmarks.

    ``df`` holds fact rows (every one with a year). ``interventions`` rows of
    the places drawn become dotted vertical lines; ``benchmarks`` are fact
    rows of the same unit for other places (a province, the country), drawn
    dashed grey (a single benchmark figure is one labelled point). Bounds are drawn at
    each point; values are written beside the points when a line has six
    points or fewer (``value_labels=`` forces either way).

    >>> import ruralstudy as rs
    >>> income = rs.load_facts().query("indicator_id == 'rural_disposable_income_per_capita'")
    >>> ax = rs.plot.series(income.query("place_id == 'cn'"))
    """
    check_lang(lang)
    t = _frames.tables(indicators, places, sources)
    main = _frames.require_years(_frames.with_names(df, t, "series"), "series")
    first = _frames.one_indicator(main, "series")
    parts = [main]
    bench = None
    if benchmarks is not None and not benchmarks.empty:
        bench = _frames.require_years(
            _frames.with_names(benchmarks, t, "series benchmarks"), "series benchmarks"
        )
        parts.append(bench)
    everything = pd.concat(parts)
    factor, unit_zh, unit_en = _unit_for(everything, lang, "series")

    ax = _axes(ax)
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
    ax.set_ylabel(_unit_axis_label(unit_zh, unit_en, lang))
    ax.margins(x=0.06, y=0.12)
    _title(ax, first["indicator_zh"], first["indicator_en"], lang, title)
    _cite(ax, pd.concat(cited), lang=lang, sources=t.sources, caption=caption)
    _finish(ax, handles + key_handles(qualifiers, lang), loc="best")
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
            _label_at(
                ax,
                row["year"],
                _top(row) / factor,
                value_label(row, lang, factor),
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
