"""Figures of causal estimates: the event study, and estimates side by side.

- :func:`plot_event_study` — effects by years since adoption, with intervals;
- :func:`plot_estimates` — one row per estimate (methods, panels), a forest plot
  (:func:`ruralstudy.causal.its_plot.plot_its` draws an interrupted time series).

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

from ruralstudy.causal._labels import METHOD_NAMES, METHOD_SHORT, outcome_label
from ruralstudy.causal.results import PanelResult, _Result, as_results
from ruralstudy.provenance import check_lang

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.axes import Axes

METHOD_COLOR = {"cs": 0, "twfe": 1}  # index into rs.plot.PALETTE, as the event study uses

TRUTH_GID = "ruralstudy-true-effect"
TRUTH_LABEL = ("真实效应（模拟）", "true effect (simulated)")
ROW_HEIGHT_IN = 0.45

__all__ = ["plot_estimates", "plot_event_study"]


def plot_event_study(
    result: PanelResult,
    *,
    ax: Axes | None = None,
    lang: str = "both",
    label: str | None = None,
    legend_label: str | None = None,
    color: str | None = None,
    offset: float = 0.0,
    truth: pd.DataFrame | None = None,
    caption: str | None = None,
    sources: pd.DataFrame | None = None,
    indicators: pd.DataFrame | None = None,
) -> Axes:
    """Plot :func:`event_study` estimates with confidence intervals; return the Axes.

    Pre-adoption periods (hollow markers) are placebo checks of parallel
    trends; a dashed line marks adoption and a solid line zero. Where the
    bootstrap gave a uniform band it is drawn as a thin line with caps around
    the pointwise interval. Call again on the same ``ax`` (with a small
    ``offset``) to compare methods. ``truth`` (columns ``term``/``event_time``
    and ``true_att``, as :func:`ruralstudy.simulate.true_att` returns for
    ``"dynamic"``) adds the true effects of a simulated panel.

    The y axis names the outcome: ``label`` if given, else its name in the
    indicators table when the outcome is an ``indicator_id``, else the
    column name. ``legend_label`` replaces the legend entry (default: the
    method and the confidence level). The caption names the sources of the
    rows (``result.source_ids``, looked up in ``sources``, default
    data/sources.csv); ``caption=`` replaces its wording (and is needed for
    data without a source_id), never the check of those sources nor the
    simulated-data mark (:func:`ruralstudy.plot.cite`).

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> es = rs.causal.event_study(panel, "y", "village_id", "year", "cohort", "county_id")
    >>> ax = rs.causal.plot_event_study(es, lang="en", label="log income")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Years since adoption', 'Effect on log income')
    """
    import matplotlib.pyplot as plt

    from ruralstudy.plot import cite, style
    from ruralstudy.plot.labels import bilingual

    check_lang(lang)
    data = _event_rows(result)
    cited = cited_rows([result], caption, "plot_event_study")
    uniform = "conf_low_uniform" in data.columns
    if legend_label is None:
        legend_label = _method_label(result.method, result.alpha, lang, bilingual, uniform)

    with style():
        if ax is None:
            _, ax = plt.subplots()
        calls = getattr(ax, "_ruralstudy_event_calls", 0)
        color = color or f"C{calls % 10}"
        ax._ruralstudy_event_calls = calls + 1
        x = data["event_time"].to_numpy(dtype=np.float64) + offset
        est = data["estimate"].to_numpy(dtype=np.float64)
        if uniform:
            _bars(ax, x, data, "_uniform", color, linewidth=0.8, caps=True)
        _bars(ax, x, data, "", color, linewidth=1.6)
        pre = data["event_time"].to_numpy() < 0
        ax.plot(x[pre], est[pre], "o", mfc="white", mec=color, color=color)
        ax.plot(x[~pre], est[~pre], "o", color=color, label=legend_label)
        if truth is not None:
            _plot_truth(ax, truth, lang, bilingual)
        if not getattr(ax, "_ruralstudy_event_frame", False):
            ax.axhline(0.0, color="#555555", linewidth=0.8, zorder=1)
            ax.axvline(-0.5, color="#555555", linewidth=0.8, linestyle="--", zorder=1)
            ax.set_xlabel(bilingual("采纳后年数", "Years since adoption", lang))
            name = outcome_label(result.outcome, lang, label, indicators)
            ax.set_ylabel(bilingual(f"处理效应（{name}）", f"Effect on {name}", lang))
            ax._ruralstudy_event_frame = True
        ticks = np.union1d(getattr(ax, "_ruralstudy_event_ticks", []), data["event_time"])
        ax._ruralstudy_event_ticks = ticks
        ax.set_xticks(ticks)
        _legend(ax)
        cite(ax, cited, caption, lang=lang, sources=sources)
    return ax


def plot_estimates(
    results: Sequence[_Result],
    *,
    ax: Axes | None = None,
    lang: str = "both",
    label: str | None = None,
    group: Sequence[str] | None = None,
    truth: Sequence[object] | None = None,
    caption: str | None = None,
    sources: pd.DataFrame | None = None,
    indicators: pd.DataFrame | None = None,
) -> Axes:
    """Estimates side by side, each with its confidence interval; return the Axes.

    ``results`` is a list of results (:func:`did`, :func:`event_study`,
    :func:`att_gt`, :func:`its`: TWFE and Callaway–Sant'Anna, one method on
    two panels …); every row of their ``.tidy()`` is drawn, top to bottom in
    the order given, as a point on its interval, coloured by method. Rows are
    labelled by method, below ``group[i]`` if given (one name per result,
    e.g. which panel) and followed by the term if it is not the overall
    "ATT". ``truth`` gives one true value per result (a simulation's): a
    number for its "ATT" row, a frame with ``term`` and ``true_att`` as
    :func:`ruralstudy.simulate.true_att` returns, or None; drawn as black
    ticks. The x axis names the outcome as :func:`plot_event_study` does
    (``label``). The caption cites the sources behind every result (their
    ``source_ids``) through :func:`ruralstudy.plot.cite`, so simulated
    estimates are marked whatever ``caption=`` says.

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> cols = ("y", "village_id", "year", "cohort", "county_id")
    >>> results = [rs.causal.did(panel, *cols, method=m) for m in ("twfe", "cs")]
    >>> true_att = panel.attrs["true_att"]
    >>> ax = rs.causal.plot_estimates(results, truth=[true_att, true_att], lang="en")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['TWFE', "Callaway–Sant'Anna"]
    """
    import matplotlib.pyplot as plt

    from ruralstudy.plot import PALETTE, cite, style
    from ruralstudy.plot.labels import bilingual

    check_lang(lang)
    results = as_results(results, "plot_estimates")
    groups = _per_result(group, results, "group")
    truths = _per_result(truth, results, "truth")
    cited = cited_rows(results, caption, "plot_estimates")
    data = pd.concat(
        [_forest_rows(r, g, t) for r, g, t in zip(results, groups, truths, strict=True)],
        ignore_index=True,
    )
    outcomes = list(dict.fromkeys(r.outcome for r in results))
    outcome = outcome_label(outcomes[0], lang, label, indicators) if len(outcomes) == 1 else ""
    if label is not None:
        outcome = label
    alphas = {float(r.alpha) for r in results}
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
            ax.plot([row["conf_low"], row["conf_high"]], [i, i], color=color, linewidth=2)
            ax.plot(row["estimate"], i, "o", color=color)
            if np.isfinite(row["true_att"]):
                first = not any(line.get_gid() == TRUTH_GID for line in ax.lines)
                ax.plot(
                    [row["true_att"]] * 2,
                    [i - 0.35, i + 0.35],
                    color="black",
                    linewidth=1.6,
                    gid=TRUTH_GID,
                    label=bilingual(*TRUTH_LABEL, lang) if first else "_nolegend_",
                )
        ax.set_yticks(range(len(data)), [_row_label(r, lang) for _, r in data.iterrows()])
        ax.set_ylim(len(data) - 0.5, -0.5)  # first result on top
        notes_zh = [n for n in (outcome, f"{ci}置信区间" if ci else "") if n]
        notes_en = [n for n in (outcome, f"{ci} CI" if ci else "") if n]
        zh = "平均处理效应" + (f"（{'，'.join(notes_zh)}）" if notes_zh else "")
        en = "Average effect on the treated" + (f" ({', '.join(notes_en)})" if notes_en else "")
        what = bilingual(zh, en, lang, sep="\n")  # row labels take the width
        ax.set_xlabel(what)
        ax.grid(axis="x")
        if data["true_att"].notna().any():
            ax.legend(loc="best")
        cite(ax, cited, caption, lang=lang, sources=sources)
    return ax


def _row_label(row: pd.Series, lang: str) -> str:
    """'TWFE', 'TWFE: e=2', or with a group 'growing effects' above it."""
    method = str(row["method"])
    label = METHOD_SHORT.get(method, {}).get(lang, method)
    term = row.get("term")
    if isinstance(term, str) and term != "ATT":
        label += f": {term}"
    return f"{row['group_name']}\n{label}" if row["group_name"] else label


def _method_label(method: str, alpha: float, lang: str, bilingual, uniform: bool = False) -> str:
    zh, en = METHOD_NAMES.get(method, (method, method))
    ci = f"{100 * (1 - alpha):g}%"
    band_zh, band_en = ("；细线：同时置信带", "; thin line: uniform band") if uniform else ("", "")
    if lang == "both" and zh == en:  # a name both languages share is written once
        band = f"{band_zh} uniform band" if uniform else ""
        return f"{en}（{ci}置信区间 CI{band}）"
    return bilingual(f"{zh}（{ci}置信区间{band_zh}）", f"{en} ({ci} CI{band_en})", lang)


def cited_rows(results: Sequence[_Result], caption, what: str) -> pd.DataFrame:
    """The source_ids behind results (their ``source_ids``) as rows to cite.

    Without recorded sources (the data had no source_id column) only a
    caption given can name them.
    """
    ids = list(dict.fromkeys(i for r in results for i in r.source_ids))
    if ids:
        return pd.DataFrame({"source_id": ids})
    if caption is None:
        raise ValueError(
            f"{what}: the estimates do not say which sources their rows came from "
            "(no source_id column in the data); add one, or pass caption="
        )
    return pd.DataFrame()


def _per_result(values, results: list, name: str) -> list:
    """One value per result (or None for all)."""
    if values is None:
        return [None] * len(results)
    if isinstance(values, (str, pd.DataFrame)) or not isinstance(values, Sequence):
        raise TypeError(f"{name}= takes one value per result (a list of {len(results)})")
    if len(values) != len(results):
        raise ValueError(f"{name}= has {len(values)} values for {len(results)} results")
    return list(values)


def _forest_rows(result: _Result, group: str | None, truth: object) -> pd.DataFrame:
    rows = result.tidy()[["term", *_level_columns(result), "conf_low", "conf_high", "estimate"]]
    rows = rows.assign(method=result.method, group_name=group or "")
    rows["true_att"] = _truth_of(rows, truth)
    return rows


def _level_columns(result: _Result) -> list[str]:
    return [c for c in ("event_time", "group", "time") if c in result.table.columns][:1]


def _truth_of(rows: pd.DataFrame, truth: object) -> np.ndarray:
    """The true value of each row: a number for "ATT", or matched from true_att's frame."""
    out = np.full(len(rows), np.nan)
    if truth is None:
        return out
    if isinstance(truth, pd.DataFrame):
        if not {"term", "true_att"} <= set(truth.columns):
            raise ValueError("truth frames need columns 'term' and 'true_att'")
        by_term = {_key(t): v for t, v in zip(truth["term"], truth["true_att"], strict=True)}
        level = [c for c in rows.columns if c in ("event_time", "group", "time")]
        keys = [
            "ATT" if term == "ATT" else (_key(row[level[0]]) if level else term)
            for term, (_, row) in zip(rows["term"], rows.iterrows(), strict=True)
        ]
        return np.array([by_term.get(k, np.nan) for k in keys], dtype=np.float64)
    out[(rows["term"] == "ATT").to_numpy()] = float(truth)  # type: ignore[arg-type]
    return out


def _key(value: object) -> object:
    if isinstance(value, str):
        return value
    return float(value) if pd.notna(value) else None


def _event_rows(result) -> pd.DataFrame:
    """The event-time rows of an event study, sorted; anything else is refused."""
    if not isinstance(result, PanelResult) or "event_time" not in result.table.columns:
        what = type(result).__name__
        if isinstance(result, PanelResult):
            what = f"a {result.design} result with aggregation {result.aggregation!r}"
        raise ValueError(
            f"plot_event_study: got {what}; pass what rs.causal.event_study returns "
            "(or did(..., aggregation='dynamic'))"
        )
    data = result.tidy()
    data = data[data["event_time"].notna()].astype({"event_time": "int64"})
    return data.sort_values("event_time").reset_index(drop=True)


def _bars(ax: Axes, x, data: pd.DataFrame, suffix: str, color, linewidth: float, caps=False):
    lo = data[f"conf_low{suffix}"].to_numpy(dtype=np.float64)
    hi = data[f"conf_high{suffix}"].to_numpy(dtype=np.float64)
    ok = np.isfinite(lo) & np.isfinite(hi)
    ax.vlines(x[ok], lo[ok], hi[ok], color=color, linewidth=linewidth)
    if caps:
        ax.plot(np.r_[x[ok], x[ok]], np.r_[lo[ok], hi[ok]], "_", color=color, markersize=6)


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
