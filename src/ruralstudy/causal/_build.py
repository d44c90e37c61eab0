"""Turn a fit into a PanelResult: the one place results are built.

The engines' group-time fits carry the bootstrap's critical values, the
pre-test and the units dropped to balance; they are read here, and only here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ruralstudy.causal.results import PanelResult, tidy_table

LEVEL_COLUMN = {"dynamic": "event_time", "group": "group", "calendar": "time"}
PREFIX = {"dynamic": "e", "group": "g", "calendar": "t"}


def cs_result(
    design: str,
    gt,
    rows,
    spec,
    cited: tuple[str, ...],
    alpha: float,
    control_group: str,
    base_period: str,
    options: dict,
    agg,
    aggregation: str,
) -> PanelResult:
    """A Callaway–Sant'Anna result from a GroupTime (and one of its aggregations)."""
    fit = CsFit(gt, spec, cited, alpha, control_group, base_period, options,
                len(rows.data), n_clusters(rows, spec))  # fmt: skip
    return fit.result(design, agg, aggregation)


@dataclass(frozen=True)
class CsFit:
    """A Callaway–Sant'Anna fit and what its results say about it: enough to
    aggregate it another way without fitting again (the rows are not kept,
    only their counts)."""

    gt: object
    spec: object
    cited: tuple[str, ...]
    alpha: float
    control_group: str
    base_period: str
    options: dict
    n_obs: int
    n_clusters: int

    def aggregate(self, aggregation: str, **limits) -> PanelResult:
        """The result of ``aggregation`` (R did's ``aggte`` on this fit)."""
        agg = self.gt.aggregate(aggregation, **limits)
        design = "event_study" if aggregation == "dynamic" else "did"
        return self.result(design, agg, aggregation)

    def result(self, design: str, agg, aggregation: str) -> PanelResult:
        gt, spec, options, alpha = self.gt, self.spec, self.options, self.alpha
        inference = options["inference"]
        fitted = gt.inference
        if inference == "bootstrap" and fitted != "bootstrap":
            raise NotImplementedError(
                f"inference='bootstrap' was asked for, but the {gt.engine} engine returned "
                f"{fitted} standard errors; the multiplier bootstrap is missing from this engine"
            )
        if agg is None:
            table, crit = _cells_table(gt, alpha, inference)
        else:
            table, crit = _aggregate_table(agg, aggregation, alpha, inference)
        boot = inference == "bootstrap"
        return PanelResult(
            table=table,
            method="cs",
            outcome=spec.outcome,
            alpha=alpha,
            source_ids=self.cited,
            design=design,
            aggregation=aggregation,
            engine=gt.engine,
            unit=spec.unit,
            time=spec.time,
            cohort=spec.cohort,
            cluster=spec.cluster or spec.unit,
            covariates=spec.covariates,
            control_group=self.control_group,
            base_period=self.base_period,
            n_obs=self.n_obs,
            n_units=int(gt.n_units),
            n_clusters=self.n_clusters,
            n_units_dropped=gt.n_units_dropped,
            inference=inference,
            biters=options["biters"] if boot else None,
            bootstrap_weights=options["bootstrap_weights"] if boot else None,
            seed=options["seed"] if boot else None,
            crit=crit,
            pretest_from=gt,
            fit=self,
        )


def twfe_result(design: str, table: pd.DataFrame, fit, spec, cited, alpha: float) -> PanelResult:
    """A two-way fixed effects result from the within fit."""
    return PanelResult(
        table=table,
        method="twfe",
        outcome=spec.outcome,
        alpha=alpha,
        source_ids=cited,
        design=design,
        aggregation="none" if design == "did" else "dynamic",
        engine="numpy",
        unit=spec.unit,
        time=spec.time,
        cohort=spec.cohort,
        cluster=spec.cluster_label,
        covariates=spec.covariates,
        fixed_effects=spec.fixed_effect_labels,
        n_obs=int(fit.n_obs),
        n_units=int(fit.n_fe_levels[0]),
        n_clusters=int(fit.n_clusters),
        n_singletons=int(fit.n_singletons),
    )


def _aggregate_table(agg, aggregation: str, alpha: float, inference: str):
    """The overall ATT first, then the breakdown (event times, cohorts or years)."""
    crit = agg.crit if inference == "bootstrap" else None
    levels = np.asarray(agg.levels, dtype=np.float64)
    terms = ["ATT"] + [f"{PREFIX[aggregation]}={_fmt(v)}" for v in levels]
    columns = {}
    if aggregation in LEVEL_COLUMN:
        columns[LEVEL_COLUMN[aggregation]] = _levels(np.append(np.nan, levels))
    est = np.append(agg.overall_att, agg.att)
    se = np.append(agg.overall_se, agg.se)
    breakdown = np.arange(len(terms)) > 0
    table = tidy_table(terms, columns, est, se, alpha, crit_uniform=crit, uniform_rows=breakdown)
    return table, crit


def _cells_table(gt, alpha: float, inference: str):
    """One row per ATT(g, t), with the uniform band over all cells when there is one."""
    crit = gt.crit if inference == "bootstrap" else None
    cells = gt.cells
    group, time = _levels(cells["group"]), _levels(cells["time"])
    columns = {
        "group": group,
        "time": time,
        "event_time": _levels(cells["time"].to_numpy() - cells["group"].to_numpy()),
        "post": (cells["time"] >= cells["group"]).to_numpy(),
    }
    terms = [f"g={_fmt(g)}, t={_fmt(t)}" for g, t in zip(group, time, strict=True)]
    table = tidy_table(terms, columns, cells["att"], cells["se"], alpha, crit_uniform=crit)
    return table, crit


def n_clusters(rows, spec) -> int:
    if spec.cluster in (None, spec.unit):
        return int(rows.n_units)
    return int(pd.unique(rows.data[spec.cluster].to_numpy()).size)


def _levels(values) -> pd.array:
    """Whole numbers as nullable integers (NA for the overall row), else floats."""
    arr = np.asarray(values, dtype=np.float64)
    finite = arr[np.isfinite(arr)]
    if np.all(finite == np.round(finite)):
        return pd.array([pd.NA if np.isnan(v) else int(v) for v in arr], dtype="Int64")
    return arr


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
