"""Drawing a fact's interval: whiskers for bounds, arrows for open bounds, ≈ for 约.

DESIGN.md principle 3: "10万余元", "逾千万元", "近20人", "约百万元" carry
bounds, and a figure shows them.

========  =============================  ======================================
qualifier  stored bounds                 drawn as
========  =============================  ======================================
exact     lower = value = upper          the mark only
plus      [value, value + step)          whisker from lower to upper
range     [lower, upper]                 whisker from lower to upper
over      lower = value, no upper        arrow pointing past the value (open)
under     upper = value, no lower        arrow pointing back from the value
approx    no bounds                      hollow/faded mark, label with ≈ / 约
========  =============================  ======================================
"""

from __future__ import annotations

import math
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ruralstudy.plot.labels import QUALIFIER_KEY, bilingual

Orient = Literal["v", "h"]

ARROW_PT = 14.0  # length of an open-bound arrow, in points
INTERVAL_COLOR = "#333333"
_WHISKER_KW = {"color": INTERVAL_COLOR, "linewidth": 1.1, "capsize": 3.5, "capthick": 1.1}


def _finite(x: object) -> bool:
    try:
        return math.isfinite(float(x))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def draw_interval(
    ax: Axes,
    pos: float,
    value: float,
    lower: float,
    upper: float,
    qualifier: str,
    *,
    orient: Orient = "v",
    color: str = INTERVAL_COLOR,
    zorder: float = 3,
) -> float:
    """Draw the bound marks of one fact at category position ``pos``.

    Values are already in the axis' scale. Returns how far (in points) the
    marks reach beyond ``max(value, upper)`` along the value axis, so a label
    can sit clear of them.
    """
    has_lo, has_up = _finite(lower), _finite(upper)
    if qualifier in ("plus", "range") and has_lo and has_up and upper > lower:
        if orient == "v":
            ax.errorbar(
                pos,
                (lower + upper) / 2,
                yerr=(upper - lower) / 2,
                fmt="none",
                zorder=zorder,
                **{**_WHISKER_KW, "color": color},
            )
        else:
            ax.errorbar(
                (lower + upper) / 2,
                pos,
                xerr=(upper - lower) / 2,
                fmt="none",
                zorder=zorder,
                **{**_WHISKER_KW, "color": color},
            )
        return 0.0
    if qualifier == "over":
        _arrow(ax, pos, value, +1, orient, color, zorder)
        return ARROW_PT
    if qualifier == "under":
        _arrow(ax, pos, value, -1, orient, color, zorder)
        return 0.0
    return 0.0


def _arrow(ax: Axes, pos: float, value: float, sign: int, orient: Orient, color: str, z: float):
    """An arrow starting at ``value`` pointing up/right (sign +1) or down/left (-1)."""
    xy = (pos, value) if orient == "v" else (value, pos)
    offset = (0, sign * ARROW_PT) if orient == "v" else (sign * ARROW_PT, 0)
    ax.annotate(
        "",
        xy=xy,
        xytext=offset,
        textcoords="offset points",
        arrowprops={
            "arrowstyle": "<|-,head_length=0.5,head_width=0.25",
            "color": color,
            "linewidth": 1.2,
            "shrinkA": 0,
            "shrinkB": 0,
        },
        zorder=z,
        annotation_clip=False,
    )


def key_handles(qualifiers: set[str], lang: str, orient: Orient = "v") -> list[Line2D]:
    """Legend entries explaining the interval marks present on a chart."""
    handles = []
    if qualifiers & {"plus", "range"}:
        zh, en = QUALIFIER_KEY["plus"]
        marker = "|" if orient == "v" else "_"
        handles.append(_handle(marker, bilingual(zh, en, lang), size=11))
    for q, up, right in (
        ("over", r"$\uparrow$", r"$\rightarrow$"),
        ("under", r"$\downarrow$", r"$\leftarrow$"),
    ):
        if q in qualifiers:
            zh, en = QUALIFIER_KEY[q]
            handles.append(_handle(up if orient == "v" else right, bilingual(zh, en, lang)))
    if "approx" in qualifiers:
        zh, en = QUALIFIER_KEY["approx"]
        handles.append(_handle("o", bilingual(zh, en, lang), hollow=True))
    return handles


def _handle(marker: str, label: str, size: float = 8, hollow: bool = False) -> Line2D:
    return Line2D(
        [],
        [],
        linestyle="none",
        marker=marker,
        markersize=size,
        color=INTERVAL_COLOR,
        markerfacecolor="white" if hollow else INTERVAL_COLOR,
        label=label,
    )
