"""Steps every chart function shares: a new or given Axes, the caption, fonts, titles.

Each chart takes the data first and options by keyword, draws on ``ax`` (or
a new figure), writes the source caption for the rows it drew and marks
simulated rows (:func:`ruralstudy.plot.captions.cite`, the one caption step
of every figure), and returns the Axes. Lookup tables (``indicators``,
``places``, ``sources``) default to the curated ones.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import blended_transform_factory

from ruralstudy.plot import _frames, record
from ruralstudy.plot.captions import CAPTION_FAMILY, wrap_caption
from ruralstudy.plot.labels import bilingual, value_scale
from ruralstudy.plot.marks import INTERVAL_COLOR
from ruralstudy.plot.style import CJK_FONT_FAMILY, register_cjk_font

LABEL_FONTSIZE = 7.5


def get_axes(ax: Axes | None, height: float | None = None) -> Axes:
    register_cjk_font()
    if ax is not None:
        return ax
    width = plt.rcParams["figure.figsize"][0]
    # Constrained layout even outside the house style: long row labels and
    # a legend under the axes must stay on the page.
    _, new = plt.subplots(
        figsize=(width, height or plt.rcParams["figure.figsize"][1]), layout="constrained"
    )
    return new


def ensure_cjk(ax: Axes) -> None:
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


def finish(
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
    ensure_cjk(ax)


def draw_title(
    ax: Axes,
    zh: str,
    en: str,
    lang: str,
    title: str | None,
    width_pt: float | None = None,
    *,
    number: int | str | None = None,
    pad: float | None = None,
) -> None:
    """Set the title, numbered if asked ("图1　…"); wrap it so a long one stays on the page."""
    text = title if title is not None else bilingual(zh, en, lang, sep="\n")
    if number is not None:
        text = figure_number(number, lang) + text
        record.set_field(ax.get_figure(root=True), "number", number)
    if width_pt is None:
        width_pt = ax.get_figure(root=True).get_figwidth() * 72 - 36
    text = wrap_caption(text, width_pt, fontsize=plt.rcParams["axes.titlesize"])
    ax.set_title(text, pad=pad)


def figure_number(number: int | str, lang: str) -> str:
    """The number before a title, as a Chinese report writes it ("图1　") or an English one.

    >>> figure_number(1, "zh"), figure_number(1, "en")
    ('图1　', 'Figure 1. ')
    """
    return f"Figure {number}. " if lang == "en" else f"图{number}\u3000"


UNIT_LINE_PT = 4.0  # the unit line sits this far above the plot area


def draw_unit_line(ax: Axes, unit_zh: str, unit_en: str, lang: str) -> None:
    """ "单位：万元" above the plot area, left, as a statistical yearbook writes the unit.

    Replaces the value axis label, which a Chinese table or chart does not use.
    """
    ax.set_ylabel("")
    text = bilingual(f"单位：{unit_zh}", f"Unit: {unit_en}", lang, sep=" · ")
    ax.annotate(
        text,
        (0, 1),
        xycoords="axes fraction",
        xytext=(0, UNIT_LINE_PT),
        textcoords="offset points",
        ha="left",
        va="bottom",
        fontsize=LABEL_FONTSIZE,
        color="#333333",
    )


def label_at(
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


def top_of(row: pd.Series) -> float:
    """The highest point a fact's marks reach (value or finite upper bound)."""
    upper = row["upper"]
    return max(row["value"], upper) if math.isfinite(upper) else row["value"]


def unit_scale(df: pd.DataFrame, lang: str, what: str) -> tuple[float, str, str]:
    unit = _frames.unit_of(df, what)
    reach = pd.concat([df["value"], df["upper"]]).abs().max()
    return value_scale(unit, float(reach), lang)


def unit_axis_label(unit_zh: str, unit_en: str, lang: str) -> str:
    return bilingual(unit_zh, unit_en, lang, sep=" / ")
