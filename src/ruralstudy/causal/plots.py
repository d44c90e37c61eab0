"""The event-study figure: effects by years since adoption, with their intervals.

Drawn in the house style of :mod:`ruralstudy.plot`, captioned with the sources
of the rows the estimates came from; estimates from simulated rows carry the
simulated-data mark in the caption and across the panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.axes import Axes

METHOD_NAMES = {
    "cs": ("Callaway–Sant'Anna", "Callaway–Sant'Anna"),
    "twfe": ("双向固定效应", "two-way fixed effects"),
}

TRUTH_GID = "ruralstudy-true-effect"

__all__ = ["plot_event_study"]


def plot_event_study(
    result: pd.DataFrame,
    ax: Axes | None = None,
    *,
    lang: str = "both",
    label: str | None = None,
    color: str | None = None,
    offset: float = 0.0,
    truth: pd.DataFrame | None = None,
    caption: str | None = None,
    sources: pd.DataFrame | None = None,
) -> Axes:
    """Plot :func:`event_study` estimates with confidence intervals; return the Axes.

    Pre-adoption periods (hollow markers) are placebo checks of parallel
    trends; a dashed line marks adoption and a solid line zero. Call again on
    the same ``ax`` (with a small ``offset``) to compare methods. ``truth``
    (columns ``term``/``event_time`` and ``true_att``, as
    :func:`ruralstudy.simulate.true_att` returns for ``"dynamic"``) adds the
    true effects of a simulated panel. The caption names the sources of the
    rows (``result.attrs["source_ids"]``, looked up in ``sources``, default
    data/sources.csv); ``caption=`` replaces its wording (and is needed for
    data without a source_id), never the check of those sources nor the
    simulated-data mark (:func:`ruralstudy.plot.cite`).

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> es = rs.causal.event_study(panel, "y", "village_id", "year", "cohort", "county_id")
    >>> ax = rs.causal.plot_event_study(es, lang="en")
    >>> ax.get_xlabel()
    'Years since adoption'
    """
    import matplotlib.pyplot as plt

    from ruralstudy.plot import cite, style
    from ruralstudy.plot.labels import bilingual

    missing = {"event_time", "estimate", "ci_low", "ci_high"} - set(result.columns)
    if missing:
        raise ValueError(
            f"plot_event_study: result lacks columns {sorted(missing)}; "
            "pass the DataFrame rs.causal.event_study returns"
        )
    cited = cited_rows(result, caption, "plot_event_study")
    method = result.attrs.get("method", "")
    alpha = float(result.attrs.get("alpha", 0.05))
    if label is None:
        label = _method_label(method, alpha, lang, bilingual)

    with style():
        if ax is None:
            _, ax = plt.subplots()
        calls = getattr(ax, "_ruralstudy_event_calls", 0)
        color = color or f"C{calls % 10}"
        ax._ruralstudy_event_calls = calls + 1
        data = result.sort_values("event_time")
        x = data["event_time"].to_numpy(dtype=np.float64) + offset
        est = data["estimate"].to_numpy(dtype=np.float64)
        lo = data["ci_low"].to_numpy(dtype=np.float64)
        hi = data["ci_high"].to_numpy(dtype=np.float64)
        pre = data["event_time"].to_numpy() < 0
        has_ci = np.isfinite(lo) & np.isfinite(hi)
        ax.vlines(x[has_ci], lo[has_ci], hi[has_ci], color=color, linewidth=1.2)
        ax.plot(x[pre], est[pre], "o", mfc="white", mec=color, color=color)
        ax.plot(x[~pre], est[~pre], "o", color=color, label=label)
        if truth is not None:
            _plot_truth(ax, truth, lang, bilingual)
        if not getattr(ax, "_ruralstudy_event_frame", False):
            ax.axhline(0.0, color="#555555", linewidth=0.8, zorder=1)
            ax.axvline(-0.5, color="#555555", linewidth=0.8, linestyle="--", zorder=1)
            ax.set_xlabel(bilingual("采纳后年数", "Years since adoption", lang))
            outcome = result.attrs.get("outcome", "")
            ax.set_ylabel(bilingual(f"处理效应（{outcome}）", f"Effect on {outcome}", lang))
            ax._ruralstudy_event_frame = True
        ticks = np.union1d(getattr(ax, "_ruralstudy_event_ticks", []), data["event_time"])
        ax._ruralstudy_event_ticks = ticks
        ax.set_xticks(ticks)
        _legend(ax)
        cite(ax, cited, caption, lang=lang, sources=sources)
    return ax


def _method_label(method: str, alpha: float, lang: str, bilingual) -> str:
    zh, en = METHOD_NAMES.get(method, (method, method))
    ci = f"{100 * (1 - alpha):g}%"
    if lang == "both" and zh == en:  # a name both languages share is written once
        return f"{en}（{ci}置信区间 CI）"
    return bilingual(f"{zh}（{ci}置信区间）", f"{en} ({ci} CI)", lang)


def cited_rows(results: pd.DataFrame | Sequence[pd.DataFrame], caption, what: str) -> pd.DataFrame:
    """The source_ids behind estimates (their ``attrs["source_ids"]``) as rows to cite.

    Without recorded sources (the panel had no source_id column) only a
    caption given can name them.
    """
    frames = [results] if isinstance(results, pd.DataFrame) else list(results)
    ids = list(dict.fromkeys(i for f in frames for i in f.attrs.get("source_ids", ())))
    if ids:
        return pd.DataFrame({"source_id": ids})
    if caption is None:
        raise ValueError(
            f"{what}: the estimates do not say which sources their rows came from "
            "(no source_id column in the panel); add one, or pass caption="
        )
    return pd.DataFrame()


def _plot_truth(ax: Axes, truth: pd.DataFrame, lang: str, bilingual) -> None:
    key = "event_time" if "event_time" in truth.columns else "term"
    rows = truth[truth[key].map(lambda v: not isinstance(v, str))]
    x = rows[key].to_numpy(dtype=np.float64)
    ax.plot(
        x,
        rows["true_att"].to_numpy(dtype=np.float64),
        "_",
        color="black",
        markersize=14,
        markeredgewidth=1.6,
        label=bilingual("真实效应（模拟）", "true effect (simulated)", lang),
        zorder=3,
        gid=TRUTH_GID,
    )


def _legend(ax: Axes) -> None:
    """Estimates first, in the order drawn; the true effects (once) last."""
    handles, labels = ax.get_legend_handles_labels()
    entries = [(h, lab) for h, lab in zip(handles, labels, strict=True) if h.get_gid() != TRUTH_GID]
    truth = [(h, lab) for h, lab in zip(handles, labels, strict=True) if h.get_gid() == TRUTH_GID]
    entries += truth[:1]
    ax.legend([h for h, _ in entries], [lab for _, lab in entries], loc="upper left")
