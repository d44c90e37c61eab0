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
Each returns a :class:`~ruralstudy.causal.results.PanelResult`: ``.tidy()``
for the estimates, ``.summary()`` for how they were made, the source_ids of
the rows used as a field (never in ``DataFrame.attrs``), so a figure or an
``etable`` cites them.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ruralstudy.causal import _bootstrap, _build, _prepare, _staggered, _twfe_spec
from ruralstudy.causal._prepare import PanelSpec
from ruralstudy.causal._twfe_spec import TwfeSpec
from ruralstudy.causal.results import PanelResult, tidy_table

METHODS = ("cs", "twfe")
ENGINES = ("auto", "numpy", "csdid")
EST_METHODS = ("dr", "reg", "ipw")
INFERENCES = ("analytic", "bootstrap")
BOOTSTRAP_WEIGHTS = ("rademacher", "mammen")

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
    inference: str = "analytic",
    biters: int = 999,
    seed: int | None = None,
    bootstrap_weights: str = "rademacher",
    allow_unbalanced: bool = False,
    fixed_effects: Sequence[str] | None = None,
) -> PanelResult:
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
        Time-invariant controls: for "cs", conditional parallel trends with
        ``est_method`` "dr" (doubly robust, Sant'Anna and Zhao 2020), "reg"
        (outcome regression) or "ipw"; covariates are taken from the earlier
        period of each comparison, as R did does. Extra regressors for "twfe".
    engine
        For "cs": ``"numpy"`` (fast; not for anticipation or panels without
        never-treated units), ``"csdid"``, or ``"auto"`` (numpy where it
        applies, else csdid). Both give the same numbers.
    inference, biters, seed, bootstrap_weights
        For "cs": ``"analytic"`` standard errors (R did ``bstrap=FALSE``), or
        the clustered multiplier ``"bootstrap"`` with ``biters`` draws of
        ``"rademacher"`` or ``"mammen"`` weights from ``seed``, which also
        gives uniform bands for the breakdown of an aggregation.
    allow_unbalanced
        For "cs": keep units not seen in every period (R did's
        ``allow_unbalanced_panel``) instead of dropping them to balance.
    fixed_effects
        For "twfe": fixed effects absorbed besides the unit and the period, in
        pyfixest's notation: ``["county_id^year"]`` (county-by-year effects) is
        pyfixest's ``y ~ treated | village_id + year + county_id^year``.

    Returns
    -------
    A :class:`~ruralstudy.causal.results.PanelResult`. ``.tidy()`` has one
    row per parameter: ``term`` ("ATT" for the overall effect, else "e=2",
    "g=2018", "t=2020"), the ``event_time``, ``group`` or ``time`` of the
    breakdown, ``estimate``, ``std_error``, ``conf_low``, ``conf_high``,
    ``p_value``. Intervals are normal for "cs" (as R did) and t with G-1
    degrees of freedom for "twfe" (as pyfixest; with two-way clustering G is
    the smaller number of clusters, which ``n_clusters`` then reports, as
    pyfixest's default ``ssc(G_df="min")``). "twfe" drops singleton
    observations (a level of any fixed effect seen once) as fixest does:
    ``n_obs`` counts the rows used, ``n_singletons`` those dropped, and a
    warning says how many when any are; ``fixed_effects`` lists the effects
    absorbed.

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> res = rs.causal.did(panel, "y", "village_id", "year", "cohort", cluster="county_id")
    >>> att = res.tidy().iloc[0]
    >>> bool(att["conf_low"] < panel.attrs["true_att"] < att["conf_high"])
    True
    """
    _check_choice("method", method, METHODS)
    options = _options(inference, biters, seed, bootstrap_weights, allow_unbalanced, method)
    spec = _make_spec(df, method, outcome, unit, time, cohort, cluster, covariates, fixed_effects)
    cited = _prepare.source_ids(df)  # before the work: a row without a source fails fast
    if method == "twfe":
        return _did_twfe(df, spec, alpha, cited)
    if aggregation not in _staggered.AGGREGATIONS:
        _check_choice("aggregation", aggregation, _staggered.AGGREGATIONS)
    gt, rows = _fit_cs(
        df, spec, control_group, base_period, anticipation, est_method, engine,
        alpha=alpha, **options,
    )  # fmt: skip
    agg = gt.aggregate(aggregation)
    return _build.cs_result(
        "did", gt, rows, spec, cited, alpha, control_group, base_period, options, agg, aggregation
    )


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
    inference: str = "analytic",
    biters: int = 999,
    seed: int | None = None,
    bootstrap_weights: str = "rademacher",
    allow_unbalanced: bool = False,
    fixed_effects: Sequence[str] | None = None,
) -> PanelResult:
    """Effects by event time (periods since adoption), pre-periods included.

    ``method="cs"`` is Callaway-Sant'Anna's dynamic aggregation (R did
    ``aggte(type="dynamic")``): each event time averages the cohorts' ATT(g,
    g+e) weighted by cohort size; pre-period estimates are placebo tests of
    parallel trends (with ``base_period="varying"``, R did's default, each
    compares adjacent periods; ``"universal"`` compares every period with the
    last one before adoption, so e = -1 is 0 by construction). ``min_e``,
    ``max_e`` and ``balance_e`` restrict the event times as in R did.

    ``method="twfe"`` is the dynamic two-way fixed effects regression with a
    dummy for every event time except e = -1 (the reference, reported as 0),
    clustered as in :func:`did`; ``min_e``/``max_e`` only trim the rows
    reported. Under heterogeneous effects its coefficients mix other event
    times (Sun and Abraham 2021): shown for comparison, not for inference.

    Returns a :class:`~ruralstudy.causal.results.PanelResult` whose
    ``.tidy()`` has, for "cs", the overall effect first (``term`` "ATT", the
    average over e >= 0) and then one row per ``event_time`` ("e=-3" …) with
    ``estimate``, ``std_error``, ``conf_low``, ``conf_high``, ``p_value``
    and, with ``inference="bootstrap"``, the uniform band
    ``conf_low_uniform``/``conf_high_uniform``; for "twfe", the event times
    only (e = -1 the reference, 0 with no standard error), with
    ``n_singletons`` counted as in :func:`did`.

    Example
    -------
    >>> import ruralstudy as rs
    >>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
    >>> es = rs.causal.event_study(panel, "y", "village_id", "year", "cohort", "county_id")
    >>> int(es.tidy()["event_time"].min()), int(es.tidy()["event_time"].max())
    (-8, 7)
    """
    _check_choice("method", method, METHODS)
    options = _options(inference, biters, seed, bootstrap_weights, allow_unbalanced, method)
    spec = _make_spec(df, method, outcome, unit, time, cohort, cluster, covariates, fixed_effects)
    cited = _prepare.source_ids(df)  # before the work: a row without a source fails fast
    if method == "twfe":
        return _event_study_twfe(df, spec, alpha, cited, min_e, max_e)
    gt, rows = _fit_cs(
        df, spec, control_group, base_period, anticipation, est_method, engine,
        alpha=alpha, **options,
    )  # fmt: skip
    agg = gt.aggregate("dynamic", min_e=min_e, max_e=max_e, balance_e=balance_e)
    return _build.cs_result(
        "event_study", gt, rows, spec, cited, alpha, control_group, base_period, options, agg,
        "dynamic",
    )  # fmt: skip


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
    inference: str = "analytic",
    biters: int = 999,
    seed: int | None = None,
    bootstrap_weights: str = "rademacher",
    allow_unbalanced: bool = False,
) -> PanelResult:
    """Callaway-Sant'Anna group-time effects ATT(g, t), as R did's ``att_gt``.

    Returns a :class:`~ruralstudy.causal.results.PanelResult` whose
    ``.tidy()`` has one row per cohort ``group`` and period ``time``
    ("g=2004, t=2005") with ``event_time``, ``post``, ``estimate``,
    ``std_error`` (analytic as R did with ``bstrap=FALSE``, or bootstrap:
    see :func:`did`), ``conf_low``, ``conf_high`` (pointwise), ``p_value``
    and, with the bootstrap, the uniform band over all cells.

    Example
    -------
    >>> import ruralstudy as rs
    >>> mpdta = rs.causal.load_mpdta()
    >>> gt = rs.causal.att_gt(mpdta, "lemp", "countyreal", "year", "first.treat")
    >>> round(float(gt.tidy().loc[0, "estimate"]), 4)
    -0.0105
    """
    options = _options(inference, biters, seed, bootstrap_weights, allow_unbalanced, "cs")
    spec = _prepare.make_spec(outcome, unit, time, cohort, cluster, covariates)
    cited = _prepare.source_ids(df)  # before the work: a row without a source fails fast
    gt, rows = _fit_cs(
        df, spec, control_group, base_period, anticipation, est_method, engine,
        alpha=alpha, **options,
    )  # fmt: skip
    return _build.cs_result(
        "att_gt", gt, rows, spec, cited, alpha, control_group, base_period, options, None,
        "group-time",
    )  # fmt: skip


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


# -- Callaway-Sant'Anna ---------------------------------------------------------------


def _fit_cs(
    df: pd.DataFrame,
    spec: PanelSpec,
    control_group: str,
    base_period: str,
    anticipation: int,
    est_method: str,
    engine: str,
    *,
    inference: str = "analytic",
    biters: int = 999,
    seed: int | None = None,
    bootstrap_weights: str = "rademacher",
    alpha: float = 0.05,
    allow_unbalanced: bool = False,
) -> tuple[_staggered.GroupTime, _prepare.PanelRows]:
    """Fit group-time ATTs; bootstrap settings are fixed here, so every aggregation
    of the fit draws from the same seeded multiplier weights (as R did)."""
    _check_choice("control_group", control_group, _staggered.CONTROL_GROUPS)
    _check_choice("base_period", base_period, _staggered.BASE_PERIODS)
    _check_choice("engine", engine, ENGINES)
    _check_choice("est_method", est_method, EST_METHODS)
    _check_choice("inference", inference, INFERENCES)
    if anticipation < 0 or int(anticipation) != anticipation:
        raise ValueError(f"anticipation must be a whole number >= 0, got {anticipation!r}")
    bootstrap = None
    if inference == "bootstrap":
        bootstrap = _bootstrap.check_settings(biters, seed, bootstrap_weights, alpha)
    _prepare.check_columns(df, spec)
    rows = _prepare.staggered_rows(df, spec, allow_unbalanced)
    _prepare.check_cohort_sizes(rows, spec, control_group)
    why_not = _staggered.numpy_supported(spec, rows, anticipation)
    if engine == "numpy" and why_not:
        raise ValueError(f"engine='numpy' does not cover this panel: {why_not}; use 'csdid'")
    if engine in ("auto", "numpy") and not why_not:
        try:
            gt = _staggered.fit_numpy(
                rows, spec, control_group, base_period, est_method, allow_unbalanced, bootstrap
            )
            return gt, rows
        except _staggered._Unsupported as exc:
            if engine == "numpy":
                raise ValueError(f"engine='numpy' does not cover this panel: {exc}") from None
    gt = _staggered.fit_csdid(
        rows,
        spec,
        control_group,
        base_period,
        anticipation,
        est_method,
        allow_unbalanced,
        bootstrap,
    )
    return gt, rows


# -- two-way fixed effects ------------------------------------------------------------


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
            "(the result's n_singletons)",
            UserWarning,
            stacklevel=4,
        )
    return fit


def _did_twfe(
    df: pd.DataFrame, spec: TwfeSpec, alpha: float, cited: tuple[str, ...]
) -> PanelResult:
    rows = _twfe_rows(df, spec)
    data = rows.data
    X = np.empty((len(data), 1 + len(spec.covariates)), order="F")
    X[:, 0] = _treated(data, spec)
    for j, col in enumerate(spec.covariates, start=1):
        X[:, j] = data[col].to_numpy(dtype=np.float64)
    fit = _within(rows, spec, X, ["ATT", *spec.covariates])
    table = tidy_table(["ATT"], {}, fit.coef[:1], fit.se[:1], alpha, df_t=fit.df_t)
    return _build.twfe_result("did", table, fit, spec, cited, alpha)


def _event_study_twfe(
    df: pd.DataFrame,
    spec: TwfeSpec,
    alpha: float,
    cited: tuple[str, ...],
    min_e: float,
    max_e: float,
) -> PanelResult:
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
    # e = -1 is the reference: 0 by construction, no standard error
    e = np.append(levels, -1).astype(np.int64)
    est = np.append(fit.coef[: levels.size], 0.0)
    se = np.append(fit.se[: levels.size], np.nan)
    order = np.argsort(e, kind="stable")
    keep = order[(e[order] >= min_e) & (e[order] <= max_e)]
    terms = [f"e={int(v)}" for v in e[keep]]
    table = tidy_table(terms, {"event_time": e[keep]}, est[keep], se[keep], alpha, df_t=fit.df_t)
    return _build.twfe_result("event_study", table, fit, spec, cited, alpha)


# -- shared helpers -------------------------------------------------------------------


def _options(
    inference: str,
    biters: int,
    seed: int | None,
    bootstrap_weights: str,
    allow_unbalanced: bool,
    method: str,
) -> dict:
    """The inference keywords, checked, as _fit_cs takes them."""
    _check_choice("inference", inference, INFERENCES)
    _check_choice("bootstrap_weights", bootstrap_weights, BOOTSTRAP_WEIGHTS)
    if isinstance(biters, bool) or not isinstance(biters, (int, np.integer)) or biters < 1:
        raise ValueError(f"biters must be a whole number >= 1, got {biters!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))):
        raise ValueError(f"seed must be a whole number or None, got {seed!r}")
    if not isinstance(allow_unbalanced, bool):
        raise ValueError(f"allow_unbalanced must be True or False, got {allow_unbalanced!r}")
    if method == "twfe" and inference != "analytic":
        raise ValueError(
            "inference='bootstrap' is for method='cs'; TWFE standard errors are CRV1 clustered"
        )
    if method == "twfe" and allow_unbalanced:
        raise ValueError(
            "allow_unbalanced is for method='cs'; TWFE already uses every complete row"
        )
    return {
        "inference": inference,
        "biters": int(biters),
        "seed": None if seed is None else int(seed),
        "bootstrap_weights": bootstrap_weights,
        "allow_unbalanced": allow_unbalanced,
    }


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
