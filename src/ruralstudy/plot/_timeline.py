"""A place's chronicle (大事记): dated events with the facts that mark them."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ruralstudy.plot import _frames
from ruralstudy.plot._common import (
    LABEL_FONTSIZE,
    draw_title,
    finish,
    get_axes,
)
from ruralstudy.plot.captions import cite
from ruralstudy.plot.labels import SHARE_UNITS, bilingual, unit_words, value_label, value_scale
from ruralstudy.plot.style import PALETTE
from ruralstudy.provenance import Lang, check_lang, text_of

# A label hung from its marker (va="top") is raised this much so that its
# first line, not its top edge, sits level with the marker.
FIRST_LINE_PT = LABEL_FONTSIZE * 0.7


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
    number: int | str | None = None,
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
    ax = get_axes(ax, height=max(1.8, 1.3 + total * line_in))
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
            xytext=(10, FIRST_LINE_PT),
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
                xytext=(-10, FIRST_LINE_PT),
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
    draw_title(ax, f"{name_zh}：大事记", f"{name_en}: timeline", lang, title, number=number)
    cite(ax, pd.concat(cited), lang=lang, sources=t.sources, caption=caption)
    finish(ax, handles, loc="lower right")
    return ax


def _fact_phrase(row: pd.Series, lang: str) -> str:
    """'人口：1013人' / 'Population: 1,013 people' for one fact."""
    unit = str(row["indicator_unit"])
    zh_factor, zh_unit, _ = value_scale(unit, abs(row["value"]), "zh")
    zh_value = value_label(row, "zh", zh_factor) + ("" if text_of(row.get("text")) else zh_unit)
    # A phrase reads best in whole numbers ("100,000+ yuan") up to millions.
    en_unit = unit_words(unit)[1]
    en_factor = 1.0
    if abs(row["value"]) >= 1e6 and unit not in SHARE_UNITS:
        en_factor, en_unit = 1e6, f"million {en_unit}"
    # "15 count" reads badly: a bare count needs no unit word.
    suffix = {"%": "%", "count": ""}.get(en_unit, f" {en_unit}")
    en_value = value_label(row, "en", en_factor) + suffix
    zh = f"{text_of(row['indicator_zh'])}：{zh_value}"
    en = f"{text_of(row['indicator_en'])}: {en_value}"
    return bilingual(zh, en, lang, sep="\n")
