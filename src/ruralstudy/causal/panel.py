"""Difference-in-differences for village panels with staggered adoption.

Programmes such as 撂荒地整治 (abandoned-land consolidation) or 村集体公司
(collective companies) start in different years in different villages. With
effects that differ by cohort or grow with exposure, the two-way fixed effects
regression compares later adopters with earlier ones and can even get the sign
wrong (Goodman-Bacon 2021); Callaway and Sant'Anna (2021) estimate each
cohort's effect in each year against clean controls and average those.

- :func:`did` — one overall ATT: ``method="cs"`` (Callaway-Sant'Anna, the
  default) or ``method="twfe"`` (two-way fixed effects, for comparison).
- :func:`event_study` — effects by years since adoption, pre-periods included.
- :func:`att_gt` — the group-time effects ATT(g, t) themselves.

A panel is a long DataFrame with one row per unit and period: an outcome, a
unit id, a period (year), the unit's cohort (first year treated, 0 if never
treated in the window, as in mpdta) and, optionally, a cluster (county).
Results are tidy DataFrames; ``attrs`` records the call and the source_ids of
the rows used, so a plot can cite them.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ruralstudy.causal import _prepare, _staggered, _twfe_spec
from ruralstudy.causal._prepare import PanelSpec
from ruralstudy.causal._twfe_spec import TwfeSpec

METHODS = ("cs", "twfe")
ENGINES = ("auto", "numpy", "csdid")
EST_METHODS = ("dr", "reg", "ipw")

__all__ = ["att_gt", "did", "event_study"]


def did(
    df: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    cluster: str | Sequence[str] | None = None,
    method: str = "cs",
    *,
    aggregation: str = "simple",
    control_group: str = "nevertreated",
    base_period: str = "varying",
    covariates: Sequence[str] | None = None,
    anticipation: int = 0,
    est_method: str = "dr",
    alpha: float = 0.05,
    engine: str = "auto",
    fixed_effects: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Average effect of a staggered programme on the treated (ATT).

    Parameters
    ----------
    df, outcome, unit, time, cohort
        A long panel and its columns; ``cohort`` is the first treated period,
        0 for never treated (periods after the last one also count as never).
    cluster
        Column to cluster standard errors on (e.g. county); default the unit.
        For "twfe" also two of them for two-way clustering (Cameron, Gelbach
        and Miller 2011), e.g. ``["village_id", "county_id^year"]``, where
        ``a^b`` stands for the combinations of a and b (pyfixest's notation).
    method
        ``"cs"``: Callaway and Sant'Anna (2021), group-time ATTs against
        never-treated (or ``control_group="notyettreated"``) units, aggregated
        as R did's ``aggte`` does with analytic standard errors: ``"simple"``
        (default, as in R did), ``"dynamic"``, ``"group"`` or ``"calendar"``.
        ``"twfe"``: OLS of the outcome on the treatment dummy with unit and
        period fixed effects and CRV1 standard errors (as pyfixest/fixest);
        biased when effects vary across cohorts or over time.
    covariates
        Time-invariant controls: the doubly robust estimator (``est_method``)
        for "cs"; extra regressors for "twfe".
    engine
        For "cs": ``"numpy"`` (fast, no covariates), ``"csdid"``, or ``"auto"``
        (numpy where it applies, else csdid). Both give the same numbers.
    fixed_effects
        For "twfe": fixed effects absorbed besides the unit and the period, in
        pyfixest's notation: ``["county_id^year"]`` (county-by-year effects) is
        pyfixest's ``y ~ treated | village_id + year + county_id^year``.

    Returns
    -------
    DataFrame with one row per parameter: ``method``, ``aggregation``,
    ``term`` ("ATT" for the overall effect, else "e=2", "g=2018", "t=2020"),
    ``level`` (the event time, cohort or year), ``estimate``, ``se``,
    ``ci_low``, ``ci_high``, ``p_value``, ``n_obs``, ``n_units``,
    ``n_clusters``. Intervals are normal for "cs" (as R did) and t with G-1
    degrees of freedom for "twfe" (as pyfixest; with two-way clustering G is
    the smaller number of clusters, which ``n_clusters`` then reports, as
    pyfixest's default ``ssc(G_df="min")``). "twfe" drops singleton
    observations (a level of any fixed effect seen once) as fixest does:
    ``n_obs`` counts the rows used, ``attrs["n_singletons"]`` those dropped,
    and a warning says how many when any are; ``attrs["fixed_effects"]``
    lists the effects absorbed.

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> res = rs.causal.did(panel, "y", "village_id", "year", "cohort", cluster="county_id")
    >>> bool(res.loc[0, "ci_low"] < panel.attrs["true_att"] < res.loc[0, "ci_high"])
    True
    """
    _check_choice("method", method, METHODS)
    spec = _make_spec(df, method, outcome, unit, time, cohort, cluster, covariates, fixed_effects)
    cited = _prepare.source_ids(df)  # before the work: a row without a source fails fast
    if method == "twfe":
        return _did_twfe(df, spec, alpha, cited)
    if aggregation not in _staggered.AGGREGATIONS:
        _check_choice("aggregation", aggregation, _staggered.AGGREGATIONS)
    gt, rows = _fit_cs(df, spec, control_group, base_period, anticipation, est_method, engine)
    agg = gt.aggregate(aggregation)
    terms = [("ATT", np.nan, agg.overall_att, agg.overall_se)]
    prefix = {"dynamic": "e", "group": "g", "calendar": "t"}.get(aggregation)
    terms += [
        (f"{prefix}={_fmt(v)}", v, a, s)
        for v, a, s in zip(agg.levels, agg.att, agg.se, strict=True)
    ]
    out = _tidy(terms, alpha, normal=True)
    out.insert(0, "aggregation", aggregation)
    out.insert(0, "method", "cs")
    out = _add_counts(
        out, n_obs=len(rows.data), n_units=gt.n_units, n_clusters=_n_clusters(rows, spec)
    )
    return _with_attrs(out, cited, spec, "cs", alpha, gt.engine, control_group, base_period)


def event_study(
    df: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    cluster: str | Sequence[str] | None = None,
    method: str = "cs",
    *,
    control_group: str = "nevertreated",
    base_period: str = "varying",
    min_e: float = -np.inf,
    max_e: float = np.inf,
    balance_e: int | None = None,
    covariates: Sequence[str] | None = None,
    anticipation: int = 0,
    est_method: str = "dr",
    alpha: float = 0.05,
    engine: str = "auto",
    fixed_effects: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Effects by event time (periods since adoption), pre-periods included.

    ``method="cs"`` is Callaway-Sant'Anna's dynamic aggregation (R did
    ``aggte(type="dynamic")``): each event time averages the cohorts' ATT(g,
    g+e) weighted by cohort size; pre-period estimates are placebo tests of
    parallel trends (with ``base_period="varying"``, R did's default, each
    compares adjacent periods; ``"universal"`` compares every period with the
    last one before adoption, so e = -1 is 0 by construction). ``min_e``,
    ``max_e`` and ``balance_e`` restrict the event times as in R did.
    ``cluster`` and ``fixed_effects`` are as in :func:`did` (two-way
    clustering and extra fixed effects for "twfe" only).

    ``method="twfe"`` is the dynamic two-way fixed effects regression with a
    dummy for every event time except e = -1 (the reference, reported as 0),
    clustered as in :func:`did`; ``min_e``/``max_e`` only trim the rows
    reported. Under heterogeneous effects its coefficients mix other event
    times (Sun and Abraham 2021): shown for comparison, not for inference.

    Returns a DataFrame with ``event_time``, ``estimate``, ``se``,
    ``ci_low``, ``ci_high``, ``p_value``, ``method``; ``attrs`` holds the
    overall effect (``overall_att``, ``overall_se``: the average over e >= 0
    for "cs"), the call, the ``source_ids`` for plotting with
    :func:`plot_event_study` and, for "twfe", ``n_singletons`` (observations
    dropped as singletons, announced by a warning as in :func:`did`).

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> es = rs.causal.event_study(panel, "y", "village_id", "year", "cohort", "county_id")
    >>> int(es["event_time"].min()), int(es["event_time"].max())
    (-8, 7)
    """
    _check_choice("method", method, METHODS)
    spec = _make_spec(df, method, outcome, unit, time, cohort, cluster, covariates, fixed_effects)
    cited = _prepare.source_ids(df)  # before the work: a row without a source fails fast
    if method == "twfe":
        out, fit = _event_study_twfe(df, spec, alpha)
        out = out[(out["event_time"] >= min_e) & (out["event_time"] <= max_e)]
        out = out.reset_index(drop=True)
        overall = (np.nan, np.nan)
        engine_used, n_units, n_obs, n_clusters, n_singletons = fit
    else:
        gt, rows = _fit_cs(df, spec, control_group, base_period, anticipation, est_method, engine)
        agg = gt.aggregate("dynamic", min_e=min_e, max_e=max_e, balance_e=balance_e)
        terms = [(None, e, a, s) for e, a, s in zip(agg.levels, agg.att, agg.se, strict=True)]
        out = _tidy(terms, alpha, normal=True).drop(columns="term")
        out = out.rename(columns={"level": "event_time"})
        out["event_time"] = out["event_time"].astype("int64")
        overall = (agg.overall_att, agg.overall_se)
        engine_used, n_units, n_obs = gt.engine, gt.n_units, len(rows.data)
        n_clusters = _n_clusters(rows, spec)
    out["method"] = method
    out = _with_attrs(out, cited, spec, method, alpha, engine_used, control_group, base_period)
    out.attrs.update(
        overall_att=float(overall[0]),
        overall_se=float(overall[1]),
        n_obs=int(n_obs),
        n_units=int(n_units),
        n_clusters=int(n_clusters),
        reference_event_time=-1 if method == "twfe" else None,
    )
    if method == "twfe":
        out.attrs["n_singletons"] = int(n_singletons)
        _twfe_attrs(out, spec)
    return out


def att_gt(
    df: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    cluster: str | None = None,
    *,
    control_group: str = "nevertreated",
    base_period: str = "varying",
    covariates: Sequence[str] | None = None,
    anticipation: int = 0,
    est_method: str = "dr",
    alpha: float = 0.05,
    engine: str = "auto",
) -> pd.DataFrame:
    """Callaway-Sant'Anna group-time effects ATT(g, t), as R did's ``att_gt``.

    Returns one row per cohort ``group`` and period ``time`` with
    ``event_time``, ``post``, ``estimate``, ``se`` (analytic, as R did with
    ``bstrap=FALSE``), ``ci_low``, ``ci_high`` (pointwise) and ``p_value``.

    Example
    -------
    >>> import ruralstudy as rs
    >>> mpdta = rs.causal.load_mpdta()
    >>> gt = rs.causal.att_gt(mpdta, "lemp", "countyreal", "year", "first.treat")
    >>> round(float(gt.loc[0, "estimate"]), 4)
    -0.0105
    """
    spec = _prepare.make_spec(outcome, unit, time, cohort, cluster, covariates)
    cited = _prepare.source_ids(df)  # before the work: a row without a source fails fast
    gt, _ = _fit_cs(df, spec, control_group, base_period, anticipation, est_method, engine)
    cells = gt.cells
    terms = [(None, np.nan, a, s) for a, s in zip(cells["att"], cells["se"], strict=True)]
    out = _tidy(terms, alpha, normal=True).drop(columns=["term", "level"])
    out.insert(0, "post", (cells["time"] >= cells["group"]).to_numpy())
    out.insert(0, "event_time", (cells["time"] - cells["group"]).astype("int64").to_numpy())
    out.insert(0, "time", _as_int(cells["time"]))
    out.insert(0, "group", _as_int(cells["group"]))
    return _with_attrs(out, cited, spec, "cs", alpha, gt.engine, control_group, base_period)


# -- Callaway-Sant'Anna ---------------------------------------------------------------


def _fit_cs(
    df: pd.DataFrame,
    spec: PanelSpec,
    control_group: str,
    base_period: str,
    anticipation: int,
    est_method: str,
    engine: str,
) -> tuple[_staggered.GroupTime, _prepare.PanelRows]:
    _check_choice("control_group", control_group, _staggered.CONTROL_GROUPS)
    _check_choice("base_period", base_period, _staggered.BASE_PERIODS)
    _check_choice("engine", engine, ENGINES)
    _check_choice("est_method", est_method, EST_METHODS)
    if anticipation < 0 or int(anticipation) != anticipation:
        raise ValueError(f"anticipation must be a whole number >= 0, got {anticipation!r}")
    _prepare.check_columns(df, spec)
    rows = _prepare.staggered_rows(df, spec)
    _prepare.check_cohort_sizes(rows, spec, control_group)
    why_not = _staggered.numpy_supported(spec, rows, anticipation)
    if engine == "numpy" and why_not:
        raise ValueError(f"engine='numpy' does not cover this panel: {why_not}; use 'csdid'")
    if engine in ("auto", "numpy") and not why_not:
        try:
            return _staggered.fit_numpy(rows, spec, control_group, base_period), rows
        except _staggered._Unsupported as exc:
            if engine == "numpy":
                raise ValueError(f"engine='numpy' does not cover this panel: {exc}") from None
    gt = _staggered.fit_csdid(rows, spec, control_group, base_period, anticipation, est_method)
    return gt, rows


# -- two-way fixed effects ------------------------------------------------------------


def _make_spec(df, method, outcome, unit, time, cohort, cluster, covariates, fixed_effects):
    """The column roles; "twfe" also parses its clusters and extra fixed effects."""
    if method == "twfe":
        base = _prepare.make_spec(outcome, unit, time, cohort, None, covariates)
        return _twfe_spec.twfe_spec(df, base, cluster, fixed_effects)
    if fixed_effects:
        raise ValueError("fixed_effects= is for method='twfe' (the fixed effects it absorbs)")
    if cluster is not None and not isinstance(cluster, str):
        names = list(cluster)
        if len(names) != 1:
            raise ValueError(
                f"method={method!r} clusters on one column; two-way clustering ({names}) "
                "is for method='twfe'"
            )
        cluster = names[0]
    return _prepare.make_spec(outcome, unit, time, cohort, cluster, covariates)


def _twfe_rows(df: pd.DataFrame, spec: PanelSpec) -> _prepare.PanelRows:
    _prepare.check_columns(df, spec)
    rows = _prepare.complete_rows(df, spec)
    _prepare.check_constant_within_unit(rows, spec, [spec.cohort])
    return rows


def _treated(data: pd.DataFrame, spec: PanelSpec) -> np.ndarray:
    g = data[spec.cohort].to_numpy()
    return (g > 0) & (data[spec.time].to_numpy() >= g)


def _within(rows: _prepare.PanelRows, spec: TwfeSpec, X: np.ndarray, names: list[str]):
    from ruralstudy.causal._twfe import within_ols

    data = rows.data
    y = data[spec.outcome].to_numpy(dtype=np.float64, copy=True)
    known = {spec.unit: rows.unit_codes, spec.time: rows.time_codes}
    effects = [rows.unit_codes, rows.time_codes]
    effects += [_twfe_spec.term_codes(data, term, known) for term in spec.fixed_effects]
    clusters = [_twfe_spec.term_codes(data, term, known) for term in spec.clusters]
    # complete_rows has refused repeated unit-period rows: pairs_unique holds
    fit = within_ols(y, X, names, effects, clusters or [rows.unit_codes], pairs_unique=True)
    if fit.n_singletons:
        warnings.warn(
            f"two-way fixed effects: dropped {fit.n_singletons} singleton observation(s) "
            "(a level of a fixed effect seen only once, which that effect fits exactly), "
            f"as fixest does; the estimate uses the other {fit.n_obs} rows "
            '(attrs["n_singletons"])',
            UserWarning,
            stacklevel=4,
        )
    return fit


def _did_twfe(
    df: pd.DataFrame, spec: TwfeSpec, alpha: float, cited: tuple[str, ...]
) -> pd.DataFrame:
    rows = _twfe_rows(df, spec)
    data = rows.data
    X = np.empty((len(data), 1 + len(spec.covariates)), order="F")
    X[:, 0] = _treated(data, spec)
    for j, col in enumerate(spec.covariates, start=1):
        X[:, j] = data[col].to_numpy(dtype=np.float64)
    fit = _within(rows, spec, X, ["ATT", *spec.covariates])
    terms = [("ATT", np.nan, fit.coef[0], fit.se[0])]
    out = _tidy(terms, alpha, df_t=fit.df_t)
    out.insert(0, "aggregation", "none")
    out.insert(0, "method", "twfe")
    out = _add_counts(out, n_obs=fit.n_obs, n_units=fit.n_fe_levels[0], n_clusters=fit.n_clusters)
    out = _with_attrs(out, cited, spec, "twfe", alpha, "numpy", None, None)
    out.attrs["n_singletons"] = fit.n_singletons
    return _twfe_attrs(out, spec)


def _twfe_attrs(out: pd.DataFrame, spec: TwfeSpec) -> pd.DataFrame:
    """The clusters (a name, or a tuple for two-way) and the fixed effects absorbed."""
    out.attrs["cluster"] = spec.cluster_label
    out.attrs["fixed_effects"] = spec.fixed_effect_labels
    return out


def _event_study_twfe(df: pd.DataFrame, spec: TwfeSpec, alpha: float):
    rows = _twfe_rows(df, spec)
    data = rows.data
    g = data[spec.cohort].to_numpy()
    # adopting after the last period (or never, 0 or inf) counts as never, as in "cs"
    ever = (g > 0) & (g <= rows.times[-1])
    event = np.where(ever, data[spec.time].to_numpy() - np.where(ever, g, 0), 0)
    levels = np.unique(event[ever])
    levels = levels[levels != -1]
    if levels.size == 0:
        raise ValueError("no event times besides the reference e = -1")
    index = np.searchsorted(levels, event)
    X = np.zeros((len(data), levels.size + len(spec.covariates)), order="F")
    hit = ever & (event != -1)
    X[np.flatnonzero(hit), index[hit]] = 1.0
    for j, col in enumerate(spec.covariates, start=levels.size):
        X[:, j] = data[col].to_numpy(dtype=np.float64)
    names = [f"e={_fmt(e)}" for e in levels] + list(spec.covariates)
    fit = _within(rows, spec, X, names)
    terms = [(None, e, b, s) for e, b, s in zip(levels, fit.coef, fit.se, strict=True)]
    terms.append((None, -1, 0.0, np.nan))
    out = _tidy(terms, alpha, df_t=fit.df_t).drop(columns="term")
    out = out.rename(columns={"level": "event_time"})
    out["event_time"] = out["event_time"].astype("int64")
    out = out.sort_values("event_time").reset_index(drop=True)
    return out, ("numpy", fit.n_fe_levels[0], fit.n_obs, fit.n_clusters, fit.n_singletons)


# -- shared helpers -------------------------------------------------------------------


def _tidy(rows: list[tuple], alpha: float, normal: bool = False, df_t: int | None = None):
    """term, level, estimate, se, ci_low, ci_high, p_value from (term, level, est, se)."""
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha}")
    term, level, est, se = (list(col) for col in zip(*rows, strict=True))
    est = np.asarray(est, dtype=np.float64)
    se = np.asarray(se, dtype=np.float64)
    dist = stats.norm if normal else stats.t(df_t)
    crit = dist.ppf(1 - alpha / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 2 * dist.sf(np.abs(est / se))
    return pd.DataFrame(
        {
            "term": term,
            "level": np.asarray(level, dtype=np.float64),
            "estimate": est,
            "se": se,
            "ci_low": est - crit * se,
            "ci_high": est + crit * se,
            "p_value": p,
        }
    )


def _add_counts(out: pd.DataFrame, n_obs: int, n_units: int, n_clusters: int) -> pd.DataFrame:
    if out["level"].notna().any():
        out["level"] = out["level"].astype("Int64")
    else:
        out["level"] = pd.array([pd.NA] * len(out), dtype="Int64")
    return out.assign(n_obs=int(n_obs), n_units=int(n_units), n_clusters=int(n_clusters))


def _n_clusters(rows: _prepare.PanelRows, spec: PanelSpec) -> int:
    if spec.cluster in (None, spec.unit):
        return rows.n_units
    return int(pd.unique(rows.data[spec.cluster].to_numpy()).size)


def _with_attrs(
    out: pd.DataFrame,
    cited: tuple[str, ...],
    spec: PanelSpec,
    method: str,
    alpha: float,
    engine: str,
    control_group: str | None,
    base_period: str | None,
) -> pd.DataFrame:
    out.attrs = {
        "method": method,
        "engine": engine,
        "outcome": spec.outcome,
        "unit": spec.unit,
        "time": spec.time,
        "cohort": spec.cohort,
        "cluster": spec.cluster or spec.unit,
        "covariates": spec.covariates,
        "control_group": control_group if method == "cs" else None,
        "base_period": base_period if method == "cs" else None,
        "alpha": alpha,
        "source_ids": cited,
    }
    return out


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _as_int(values: pd.Series) -> np.ndarray:
    arr = values.to_numpy(dtype=np.float64)
    return arr.astype("int64") if np.all(arr == np.round(arr)) else arr
