"""The figure of an interrupted time series: the points, the fitted segments, the trend extended.

Drawn in the house style of :mod:`ruralstudy.plot` and captioned with the
sources of the series' rows, as the other causal figures are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ruralstudy.causal._labels import outcome_label
from ruralstudy.causal.plots import cited_rows
from ruralstudy.causal.results import ItsResult
from ruralstudy.provenance import check_lang

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_its"]


def plot_its(
    result: ItsResult,
    *,
    ax: Axes | None = None,
    lang: str = "both",
    label: str | None = None,
    caption: str | None = None,
    sources: pd.DataFrame | None = None,
    indicators: pd.DataFrame | None = None,
) -> Axes:
    """An interrupted time series: the points, the fitted segments, the pre-period line extended.

    The y axis names the outcome as :func:`plot_event_study` does
    (``label``); the caption cites ``result.source_ids``.
    """
    import matplotlib.pyplot as plt

    from ruralstudy.plot import PALETTE, cite, style
    from ruralstudy.plot.labels import bilingual

    check_lang(lang)
    if not isinstance(result, ItsResult):
        raise TypeError(f"plot_its: pass what rs.causal.its returns, got {type(result).__name__}")
    cited = cited_rows([result], caption, "plot_its")
    s = result.series
    x = s[result.time].to_numpy(dtype=np.float64)
    post = s["post"].to_numpy()
    with style():
        if ax is None:
            _, ax = plt.subplots()
        ax.plot(
            x, s["observed"], "o", color=PALETTE[0], label=bilingual("观测值", "observed", lang)
        )
        for side in (~post, post):
            ax.plot(x[side], s["fitted"].to_numpy()[side], color=PALETTE[0], linewidth=1.6)
        ax.plot(
            x[post],
            s["counterfactual"].to_numpy()[post],
            color="#555555",
            linestyle="--",
            linewidth=1.2,
            label=bilingual("前期趋势延伸", "pre-period trend extended", lang),
        )
        ax.axvline(result.start - 0.5, color="#555555", linewidth=0.8, linestyle=":", zorder=1)
        ax.set_xlabel(result.time)
        ax.set_ylabel(outcome_label(result.outcome, lang, label, indicators))
        ax.legend(loc="best")
        cite(ax, cited, caption, lang=lang, sources=sources)
    return ax
