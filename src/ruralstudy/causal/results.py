"""What the causal estimators return: estimates with everything a reader needs beside them.

A result holds its estimates and the facts behind them as fields, never in
``DataFrame.attrs`` (pandas drops attrs on concat, and with them the sources):

- :class:`PanelResult` — :func:`~ruralstudy.causal.did`,
  :func:`~ruralstudy.causal.event_study`, :func:`~ruralstudy.causal.att_gt`;
- :class:`ItsResult` — :func:`~ruralstudy.causal.its`.

Both have ``.tidy()`` (one row per estimate: ``term``, ``estimate``,
``std_error``, ``conf_low``, ``conf_high``, ``p_value``, and the uniform band
``conf_low_uniform``/``conf_high_uniform`` where the bootstrap gave a
critical value), ``.summary(lang=…)`` (how the estimate was made, a table),
``.plot(ax=None, lang=…)``, ``.source_ids`` and ``.pretest``. Results are
combined as a list: ``rs.causal.etable([r1, r2])``,
``rs.causal.plot_estimates([r1, r2])``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ruralstudy.causal import _labels
from ruralstudy.causal._labels import name_of, words
from ruralstudy.provenance import any_synthetic, check_lang, sources_by_id

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ESTIMATE_COLUMNS = ("estimate", "std_error", "conf_low", "conf_high", "p_value")
UNIFORM_COLUMNS = ("conf_low_uniform", "conf_high_uniform")

SUMMARY_ITEMS = {
    "outcome": ("结果变量", "Outcome"),
    "method": ("方法", "Method"),
    "engine": ("计算引擎", "Engine"),
    "control_group": ("对照组", "Control group"),
    "base_period": ("基期", "Base period"),
    "aggregation": ("汇总方式", "Aggregation"),
    "covariates": ("协变量", "Covariates"),
    "fixed_effects": ("固定效应", "Fixed effects"),
    "n_obs": ("观测数", "Observations"),
    "n_units": ("单位数", "Units"),
    "n_clusters": ("聚类数", "Clusters"),
    "n_singletons": ("剔除的单例观测", "Singletons dropped"),
    "n_units_dropped": ("为平衡面板剔除的单位", "Units dropped to balance"),
    "periods": ("时期（前/后）", "Periods (before/after)"),
    "inference": ("推断", "Inference"),
    "confidence": ("置信水平", "Confidence level"),
    "pretest": ("平行趋势预检验", "Pre-test of parallel trends"),
    "sources": ("资料来源", "Sources"),
    "simulated": ("模拟数据", "Simulated data"),
}
YES_NO = {True: ("是", "yes"), False: ("否", "no")}


@dataclass(frozen=True, eq=False)
class _Result:
    """What every causal result has; see the module docstring."""

    table: pd.DataFrame = field(repr=False)
    method: str
    outcome: str
    alpha: float
    source_ids: tuple[str, ...]

    # The Wald pre-test of parallel trends (``stat``, ``df``, ``p_value``), or None;
    # a field of PanelResult, always None for designs without one.
    pretest = None

    def tidy(self) -> pd.DataFrame:
        """One row per estimate (a copy: changing it changes nothing here)."""
        return self.table.copy()

    @property
    def confidence(self) -> float:
        return 1.0 - self.alpha

    def simulated(self, sources: pd.DataFrame | None = None) -> bool:
        """True if any row behind the estimates came from a simulated source."""
        if not self.source_ids:
            return False
        return any_synthetic(list(self.source_ids), sources_by_id(sources))

    def summary(self, *, lang: str = "both", sources: pd.DataFrame | None = None) -> pd.DataFrame:
        """How the estimates were made, one item per row (index: the item, column: value)."""
        check_lang(lang)
        items = self._items(lang)
        items["confidence"] = f"{100 * self.confidence:g}%"
        items["sources"] = ", ".join(self.source_ids) or "—"
        items["simulated"] = words(YES_NO[self.simulated(sources)], lang)
        index = [words(SUMMARY_ITEMS[k], lang) for k in items]
        column = words(("值", "value"), lang)
        return pd.DataFrame({column: list(items.values())}, index=pd.Index(index))

    def _items(self, lang: str) -> dict[str, str]:
        raise NotImplementedError

    def __repr__(self) -> str:
        head = f"<{type(self).__name__}: {self.method}, outcome {self.outcome!r}>"
        return f"{head}\n{self.table.to_string(index=False)}"


@dataclass(frozen=True, eq=False, repr=False)
class PanelResult(_Result):
    """Estimates of :func:`did`, :func:`event_study` or :func:`att_gt`, with their facts.

    ``design`` is "did", "event_study" or "att_gt"; ``aggregation`` one of
    simple, dynamic, group, calendar (Callaway–Sant'Anna), "group-time"
    (``att_gt``) or "none" (a TWFE ``did``). Counts: ``n_obs`` rows used,
    ``n_units``, ``n_clusters``, ``n_singletons`` (TWFE: observations dropped
    as singletons; None for Callaway–Sant'Anna), ``n_units_dropped`` (units
    dropped to balance the panel; None where it was not counted).
    ``inference`` is "analytic" or "bootstrap" (with ``biters``,
    ``bootstrap_weights``, ``seed``); ``crit`` the uniform critical value of
    the bootstrap, when there is one.
    """

    design: str = "did"
    aggregation: str = "simple"
    engine: str = "numpy"
    unit: str = ""
    time: str = ""
    cohort: str = ""
    cluster: str | tuple[str, ...] = ""  # a tuple for two-way clustering (TWFE)
    covariates: tuple[str, ...] = ()
    fixed_effects: tuple[str, ...] = ()  # TWFE: the effects absorbed, e.g. county_id^year
    control_group: str | None = None
    base_period: str | None = None
    n_obs: int = 0
    n_units: int = 0
    n_clusters: int = 0
    n_singletons: int | None = None
    n_units_dropped: int | None = None
    inference: str = "analytic"
    biters: int | None = None
    bootstrap_weights: str | None = None
    seed: int | None = None
    crit: float | None = None
    # what computes the pre-test on first use (the fit: .pretest, .pretest_note), or None.
    # The covariance of the pre-period cells is a third of a covariate fit's time, and
    # a reader who only wants the ATT never looks at it.
    pretest_from: object = field(default=None, repr=False)
    # the Callaway–Sant'Anna fit behind the estimates (for .aggregate), or None (TWFE)
    fit: object = field(default=None, repr=False)

    def aggregate(
        self,
        aggregation: str,
        *,
        min_e: float = -np.inf,
        max_e: float = np.inf,
        balance_e: int | None = None,
    ) -> PanelResult:
        """The same Callaway–Sant'Anna fit aggregated another way, as R did's ``aggte``
        aggregates one ``att_gt``: "simple", "dynamic" (with ``min_e``, ``max_e``,
        ``balance_e`` as in :func:`~ruralstudy.causal.event_study`), "group" or
        "calendar". The numbers are those of calling the estimator again with that
        aggregation (the bootstrap draws the same seeded weights), without a second fit.

        >>> import ruralstudy as rs
        >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
        >>> gt = rs.causal.att_gt(panel, "y", "village_id", "year", "cohort", "county_id")
        >>> gt.aggregate("group").tidy()["term"].tolist()[:2]
        ['ATT', 'g=2017']
        """
        if self.fit is None:
            raise ValueError(
                f"aggregate() is for Callaway–Sant'Anna results; this one is method={self.method!r}"
            )
        from ruralstudy.causal._staggered import AGGREGATIONS

        if aggregation not in AGGREGATIONS:
            raise ValueError(f"aggregation must be one of {AGGREGATIONS}, got {aggregation!r}")
        if aggregation != "dynamic" and (
            min_e != -np.inf or max_e != np.inf or balance_e is not None
        ):
            raise ValueError("min_e, max_e and balance_e are for aggregation='dynamic'")
        return self.fit.aggregate(aggregation, min_e=min_e, max_e=max_e, balance_e=balance_e)

    @property
    def pretest(self):
        """The Wald pre-test (stat, df, p_value), or None; computed when first asked for."""
        return None if self.pretest_from is None else self.pretest_from.pretest

    @property
    def pretest_note(self) -> str | None:
        """Why there is no pre-test although there are pre-periods, else None."""
        return None if self.pretest_from is None else self.pretest_from.pretest_note

    @property
    def overall(self) -> pd.Series | None:
        """The overall ATT row of the tidy table, or None (TWFE event studies have none)."""
        rows = self.table[self.table["term"] == "ATT"]
        return rows.iloc[0] if len(rows) else None

    def plot(self, *, ax: Axes | None = None, lang: str = "both", **kwargs) -> Axes:
        """An event study figure for effects by event time, otherwise the estimates side by side."""
        from ruralstudy.causal.plots import plot_estimates, plot_event_study

        if "event_time" in self.table.columns and self.design != "att_gt":
            return plot_event_study(self, ax=ax, lang=lang, **kwargs)
        return plot_estimates([self], ax=ax, lang=lang, **kwargs)

    def _items(self, lang: str) -> dict[str, str]:
        cs = self.method == "cs"
        items = {
            "outcome": self.outcome,
            "method": name_of(_labels.METHOD_NAMES, self.method, lang),
            "engine": self.engine,
            "control_group": name_of(_labels.CONTROL_GROUPS, self.control_group, lang),
            "base_period": self.base_period or "—",
            "aggregation": name_of(_labels.AGGREGATIONS, self.aggregation, lang),
            "covariates": ", ".join(self.covariates) or "—",
            "fixed_effects": ", ".join(self.fixed_effects) or "—",
            "n_obs": f"{self.n_obs:,}",
            "n_units": f"{self.n_units:,}",
            "n_clusters": f"{self.n_clusters:,} ({_cluster_text(self.cluster)})",
            "n_singletons": _count(self.n_singletons),
            "n_units_dropped": _count(self.n_units_dropped),
            "inference": inference_text(self, lang),
            "pretest": pretest_text(self.pretest, lang, self.pretest_note) if cs else "—",
        }
        if not cs:
            for key in ("control_group", "base_period"):
                items[key] = "—"
        return items


@dataclass(frozen=True, eq=False, repr=False)
class ItsResult(_Result):
    """Estimates of :func:`its`: the segmented regression's four terms, and the fitted series.

    ``series`` holds, per period, the observed outcome, the fitted values and
    the counterfactual (the pre-period line extended), for :meth:`plot`.
    """

    time: str = ""
    start: int = 0
    maxlags: int = 2
    n_pre: int = 0
    n_post: int = 0
    series: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    @property
    def n_obs(self) -> int:
        return self.n_pre + self.n_post

    def plot(self, *, ax: Axes | None = None, lang: str = "both", **kwargs) -> Axes:
        """The series, the fitted segments and the pre-period line extended."""
        from ruralstudy.causal.its_plot import plot_its

        return plot_its(self, ax=ax, lang=lang, **kwargs)

    def _items(self, lang: str) -> dict[str, str]:
        return {
            "outcome": self.outcome,
            "method": name_of(_labels.METHOD_NAMES, "its", lang),
            "n_obs": f"{self.n_obs:,}",
            "periods": f"{self.n_pre} / {self.n_post} ({self.time} {self.start})",
            "inference": inference_text(self, lang),
            "pretest": "—",
        }


def as_results(results, what: str) -> list[_Result]:
    """A list of result objects; a DataFrame (which carries no sources) is refused."""
    if isinstance(results, _Result):
        return [results]
    if isinstance(results, pd.DataFrame):
        raise TypeError(
            f"{what}: pass the results themselves (a list of what rs.causal.did, event_study, "
            "att_gt or its return), not a DataFrame: a table of estimates does not carry "
            "the sources of its rows"
        )
    out = list(results)
    if not out:
        raise ValueError(f"{what}: no results to draw")
    for i, r in enumerate(out):
        if not isinstance(r, _Result):
            raise TypeError(
                f"{what}: result {i} is a {type(r).__name__}, not what rs.causal.did, "
                "event_study, att_gt or its return"
            )
    return out


def inference_text(result: _Result, lang: str) -> str:
    """How the standard errors were computed, in a few words."""
    if isinstance(result, ItsResult):
        return words(
            (
                f"HAC（Newey–West，最大滞后 {result.maxlags}），t 分布",
                f"HAC (Newey–West, maxlags {result.maxlags}), t",
            ),
            lang,
        )
    by = getattr(result, "cluster", "")
    if result.method == "twfe":
        pair = (f"CRV1，按 {by} 聚类，t(G−1)", f"CRV1 clustered by {by}, t(G−1)")
    elif result.inference == "bootstrap":
        weights = _labels.WEIGHTS.get(result.bootstrap_weights or "", result.bootstrap_weights)
        seed = "—" if result.seed is None else result.seed
        pair = (
            f"乘数自助法（{result.biters} 次，{weights} 权重，种子 {seed}），按 {by} 聚类",
            f"multiplier bootstrap ({result.biters} draws, {weights} weights, seed {seed}), "
            f"clustered by {by}",
        )
    else:
        pair = (
            f"解析（影响函数），按 {by} 聚类",
            f"analytic (influence function), clustered by {by}",
        )
    return words(pair, lang)


def pretest_text(pretest, lang: str, note: str | None = None) -> str:
    """'W = 3.21, df = 7, p = 0.865', or why there is none."""
    if pretest is None and note:
        return words(("未报告：", "not reported: "), lang) + note
    if pretest is None:
        return words(
            ("未报告（无前期，或未计算）", "not reported (no pre-periods, or not computed)"), lang
        )
    return f"W = {pretest.stat:.3f}, df = {int(pretest.df)}, p = {pretest.p_value:.3f}"


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def tidy_table(
    terms: list[str],
    levels: dict[str, np.ndarray],
    est: np.ndarray,
    se: np.ndarray,
    alpha: float,
    *,
    df_t: int | None = None,
    crit_uniform: float | None = None,
    uniform_rows: np.ndarray | None = None,
) -> pd.DataFrame:
    """The tidy table: term, level columns, estimate, std_error, CI, p-value[, uniform band].

    Intervals and p-values are normal (``df_t=None``, as R did) or t with
    ``df_t`` degrees of freedom (TWFE, as pyfixest). The uniform band
    ``estimate ± crit_uniform * std_error`` is given on ``uniform_rows``
    (the breakdown, not the overall ATT) and is missing elsewhere.
    """
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha}")
    est = np.asarray(est, dtype=np.float64)
    se = np.asarray(se, dtype=np.float64)
    dist = stats.norm if df_t is None else stats.t(df_t)
    crit = dist.ppf(1 - alpha / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 2 * dist.sf(np.abs(est / se))
    out = pd.DataFrame({"term": terms, **levels})
    out["estimate"], out["std_error"] = est, se
    out["conf_low"], out["conf_high"] = est - crit * se, est + crit * se
    out["p_value"] = p
    if crit_uniform is not None:
        rows = np.ones(len(est), bool) if uniform_rows is None else np.asarray(uniform_rows)
        out["conf_low_uniform"] = np.where(rows, est - crit_uniform * se, np.nan)
        out["conf_high_uniform"] = np.where(rows, est + crit_uniform * se, np.nan)
    return out


def _cluster_text(cluster: str | tuple[str, ...]) -> str:
    """'county_id', or 'village_id × county_id^year' for two-way clustering."""
    return cluster if isinstance(cluster, str) else " × ".join(cluster)
