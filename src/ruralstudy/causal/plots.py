"""Figures of causal estimates: the event study, and estimates side by side.

- :func:`plot_event_study` — effects by years since adoption, with intervals;
- :func:`plot_estimates` — one row per estimate (methods, panels), a forest plot.

Drawn in the house style of :mod:`ruralstudy.plot`, captioned with the sources
of the rows the estimates came from (:func:`ruralstudy.plot.cite`); estimates
from simulated rows carry the simulated-data mark in the caption and across
the panel.
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

# Short names for a row label; "both" writes the Chinese name with the usual abbreviation.
METHOD_SHORT = {
    "cs": {"zh": "Callaway–Sant'Anna", "en": "Callaway–Sant'Anna", "both": "Callaway–Sant'Anna"},
    "twfe": {"zh": "双向固定效应", "en": "TWFE", "both": "双向固定效应 TWFE"},
}
METHOD_COLOR = {"cs": 0, "twfe": 1}  # index into rs.plot.PALETTE, as the event study uses

TRUTH_GID = "ruralstudy-true-effect"
TRUTH_LABEL = ("真实效应（模拟）", "true effect (simulated)")
ROW_HEIGHT_IN = 0.45

__all__ = ["plot_estimates", "plot_event_study"]


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


def plot_estimates(
    results: pd.DataFrame | Sequence[pd.DataFrame],
    ax: Axes | None = None,
    *,
    group: str | None = None,
    truth: str | None = None,
    lang: str = "both",
    caption: str | None = None,
    sources: pd.DataFrame | None = None,
) -> Axes:
    """Estimates side by side, each with its confidence interval; return the Axes.

    ``results`` is a :func:`did` result or several (TWFE and
    Callaway–Sant'Anna, one method on two panels …); every row is drawn, top
    to bottom in the order given, as a point on its interval, coloured by
    method. Rows are labelled by method, below the value of the column
    ``group`` if given (e.g. which panel) and followed by the term if it is
    not the overall "ATT". ``truth`` names a column of true effects (a
    simulation's), drawn as black ticks. The caption cites the sources
    behind every result (their ``attrs["source_ids"]``) through
    :func:`ruralstudy.plot.cite`, so simulated estimates are marked whatever
    ``caption=`` says.

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> cols = ("y", "village_id", "year", "cohort", "county_id")
    >>> results = [rs.causal.did(panel, *cols, method=m) for m in ("twfe", "cs")]
    >>> true_att = panel.attrs["true_att"]
    >>> ax = rs.causal.plot_estimates(
    ...     [r.assign(true_att=true_att) for r in results], truth="true_att", lang="en"
    ... )
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['TWFE', "Callaway–Sant'Anna"]
    """
    import matplotlib.pyplot as plt

    from ruralstudy.plot import PALETTE, cite, style
    from ruralstudy.plot.labels import bilingual
    from ruralstudy.provenance import check_lang

    check_lang(lang)
    frames = [results] if isinstance(results, pd.DataFrame) else list(results)
    if not frames:
        raise ValueError("plot_estimates: no results to draw")
    needed = {"method", "estimate", "ci_low", "ci_high"} | {c for c in (group, truth) if c}
    for i, frame in enumerate(frames):
        missing = needed - set(frame.columns)
        if missing:
            raise ValueError(
                f"plot_estimates: result {i} lacks columns {sorted(missing)}; pass what "
                "rs.causal.did returns (with any group or truth column added)"
            )
    cited = cited_rows(frames, caption, "plot_estimates")
    data = pd.concat([f[sorted(needed | {"term"} & set(f.columns))] for f in frames])
    data = data.reset_index(drop=True)
    outcomes = list(dict.fromkeys(f.attrs.get("outcome", "") for f in frames))
    outcome = outcomes[0] if len(outcomes) == 1 else ""
    alphas = {float(f.attrs.get("alpha", 0.05)) for f in frames}
    ci = f"{100 * (1 - alphas.pop()):g}%" if len(alphas) == 1 else ""

    with style():
        if ax is None:
            width = plt.rcParams["figure.figsize"][0]
            _, ax = plt.subplots(figsize=(width, 1.0 + ROW_HEIGHT_IN * len(data)))
        methods = list(dict.fromkeys(data["method"]))
        spare = iter(i for i in range(len(PALETTE)) if i not in METHOD_COLOR.values())
        colors = {
            m: PALETTE[METHOD_COLOR[m] if m in METHOD_COLOR else next(spare)] for m in methods
        }
        for i, row in data.iterrows():
            color = colors[row["method"]]
            ax.plot([row["ci_low"], row["ci_high"]], [i, i], color=color, linewidth=2)
            ax.plot(row["estimate"], i, "o", color=color)
            if truth is not None and np.isfinite(row[truth]):
                first = not any(line.get_gid() == TRUTH_GID for line in ax.lines)
                ax.plot(
                    [row[truth]] * 2,
                    [i - 0.35, i + 0.35],
                    color="black",
                    linewidth=1.6,
                    gid=TRUTH_GID,
                    label=bilingual(*TRUTH_LABEL, lang) if first else "_nolegend_",
                )
        ax.set_yticks(range(len(data)), [_row_label(r, group, lang) for _, r in data.iterrows()])
        ax.set_ylim(len(data) - 0.5, -0.5)  # first result on top
        notes_zh = [n for n in (outcome, f"{ci}置信区间" if ci else "") if n]
        notes_en = [n for n in (outcome, f"{ci} CI" if ci else "") if n]
        zh = "平均处理效应" + (f"（{'，'.join(notes_zh)}）" if notes_zh else "")
        en = "Average effect on the treated" + (f" ({', '.join(notes_en)})" if notes_en else "")
        what = bilingual(zh, en, lang, sep="\n")  # row labels take the width
        ax.set_xlabel(what)
        ax.grid(axis="x")
        if truth is not None:
            ax.legend(loc="best")
        cite(ax, cited, caption, lang=lang, sources=sources)
    return ax


def _row_label(row: pd.Series, group: str | None, lang: str) -> str:
    """'TWFE', 'TWFE: e=2', or with a group 'growing effects' above it."""
    method = str(row["method"])
    label = METHOD_SHORT.get(method, {}).get(lang, method)
    term = row.get("term")
    if isinstance(term, str) and term != "ATT":
        label += f": {term}"
    return f"{row[group]}\n{label}" if group is not None else label


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
        label=bilingual(*TRUTH_LABEL, lang),
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
