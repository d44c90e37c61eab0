"""A documented, seeded village-panel generator for demonstrating panel methods.

Nothing here is data about real villages. Every row carries ``source_id =
"ruralstudy-simulate"`` (a source of kind ``synthetic`` in data/sources.csv), so
every table and figure made from it is marked as simulated.

The data-generating process (one row per village and year)
-----------------------------------------------------------
Villages ``i`` sit in counties ``c(i)``; years are ``t``; a village's programme
(撂荒地整治 abandoned-land consolidation, a 村集体公司 collective company, ...)
starts in its *cohort* year ``g_i`` and never stops; ``g_i = 0`` means the village
is never treated in the window, as in Callaway and Sant'Anna's mpdta.

    y_it = alpha_i + lambda_t + kappa_ct + eps_it + tau_it * D_it

- ``alpha_i = mu_c + nu_i``: a county level ``mu_c ~ N(0, county_sd)`` plus a
  village level ``nu_i ~ N(0, village_sd)`` (the baseline level).
- ``lambda_t``: a common trend ``trend * (t - first year)`` plus a year shock
  ``N(0, year_sd)``.
- ``kappa_ct ~ N(0, county_year_sd)``: county-year shocks, so outcomes are
  correlated within a county and standard errors should be clustered by county.
- ``eps_it``: village noise, AR(1) over years with coefficient ``ar`` and
  stationary standard deviation ``noise_sd``.
- ``D_it = 1[g_i > 0 and t >= g_i]``.
- Adoption is *selected on the baseline level*: a latent score
  ``s_i = -selection * z(alpha_i) + N(0, 1)`` (``z`` standardises), so lower-level
  villages are targeted first, as poverty-alleviation programmes were. The
  ``never_treated_share`` of villages with the lowest score are never treated;
  the rest are split into equal-sized cohorts, the highest scores adopting
  earliest. Parallel trends holds by construction (selection is on a level that
  unit fixed effects remove), but a naive treated-vs-untreated comparison is
  biased.
- Effects are heterogeneous and dynamic: at ``e = t - g_i >= 0`` years after
  adoption ``tau_it = m_g * (effect + effect_growth * e) + v_i`` where the cohort
  multiplier ``m_g`` falls linearly from ``1 + cohort_gradient`` (earliest
  cohort) to 1 (latest cohort) and ``v_i ~ N(0, effect_sd)`` is a village's own
  deviation. Growing effects are the case in which two-way fixed effects goes
  wrong under staggered adoption (Goodman-Bacon 2021; de Chaisemartin and
  D'Haultfoeuille 2020).

- Optional covariates (``n_covariates``, columns ``x1``, ``x2``, ...): each is
  time-invariant, ``x_ik = 0.5 z(alpha_i) + sqrt(0.75) N(0, 1)``, so treated
  villages differ from untreated ones in them, and each adds a trend
  ``covariate_trend * (t - first year) * x_ik`` to the untreated outcome:
  parallel trends then holds only conditional on the covariates, the case for
  Callaway and Sant'Anna's doubly robust estimator (``covariates=``). They are
  drawn from a second stream seeded by ``seed``, so ``n_covariates=0`` gives
  exactly the panel of earlier versions.

The truth travels with the data: ``true_effect`` holds ``tau_it`` on treated rows
(0 elsewhere), ``df.attrs["true_att"]`` the sample ATT (the mean of
``true_effect`` over treated rows), and :func:`true_att` gives the sample truth
for each aggregation that :func:`ruralstudy.causal.did` estimates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

SOURCE_ID = "ruralstudy-simulate"
DEFAULT_YEARS = tuple(range(2015, 2025))
VILLAGES_PER_COUNTY = 500_000 / 1_500  # ~1,500 counties at China's ~500,000 villages

__all__ = ["DEFAULT_YEARS", "SOURCE_ID", "true_att", "village_panel"]


def village_panel(
    n_villages: int = 10_000,
    years: Iterable[int] | int = DEFAULT_YEARS,
    seed: int = 0,
    *,
    n_counties: int | None = None,
    cohorts: Sequence[int] | None = None,
    never_treated_share: float = 0.3,
    selection: float = 1.0,
    effect: float = 0.05,
    effect_growth: float = 0.04,
    cohort_gradient: float = 1.0,
    effect_sd: float = 0.02,
    county_sd: float = 0.5,
    village_sd: float = 0.8,
    trend: float = 0.03,
    year_sd: float = 0.02,
    county_year_sd: float = 0.05,
    noise_sd: float = 0.1,
    ar: float = 0.5,
    n_covariates: int = 0,
    covariate_trend: float = 0.02,
) -> pd.DataFrame:
    """Simulate a staggered-adoption village panel with a known treatment effect.

    Parameters
    ----------
    n_villages, years, seed
        Panel size (``years`` is a list of years or a number of years from
        2015) and the seed of ``numpy.random.default_rng``; the same arguments
        always give the same table.
    n_counties
        Number of county clusters; by default one per ~333 villages (1,500 at
        500,000 villages), at least 2.
    cohorts
        Adoption years; by default every year from the third to the last, so
        each cohort has at least two pre-treatment years.
    never_treated_share, selection
        Share of never-treated villages; strength of selection on the baseline
        level (0 = random adoption).
    effect, effect_growth, cohort_gradient, effect_sd
        Effect in the adoption year, its growth per year of exposure, the extra
        relative effect of the earliest cohort, and the village-level spread.
    county_sd, village_sd, trend, year_sd, county_year_sd, noise_sd, ar
        Variance components of the untreated outcome (see the module docstring).
    n_covariates, covariate_trend
        Number of time-invariant covariates ``x1``, ``x2``, ... and the trend
        each adds per unit of covariate and year (module docstring).

    Returns
    -------
    DataFrame sorted by village and year with columns ``village_id``,
    ``county_id``, ``year``, ``cohort`` (0 = never treated), ``treated`` (0/1),
    ``y`` (the outcome, in log points), ``true_effect``, the covariates (if
    any) and ``source_id``;
    ``attrs["true_att"]`` is the sample ATT and ``attrs["source_ids"]`` the source.

    Example
    -------
    >>> panel = village_panel(n_villages=2_000, years=range(2015, 2025), seed=1)
    >>> panel.shape, sorted(panel["cohort"].unique().tolist())[:3]
    ((20000, 8), [0, 2017, 2018])
    """
    year_grid = _year_grid(years)
    cohort_years = _cohort_years(cohorts, year_grid)
    _check_shares(n_villages, never_treated_share, len(cohort_years))
    if n_counties is None:
        n_counties = max(2, round(n_villages / VILLAGES_PER_COUNTY))
    rng = np.random.default_rng(seed)
    n_years = len(year_grid)

    county = np.sort(rng.integers(0, n_counties, n_villages)).astype(np.int32)
    level = rng.normal(0.0, county_sd, n_counties)[county] + rng.normal(0.0, village_sd, n_villages)
    cohort = _assign_cohorts(level, cohort_years, never_treated_share, selection, rng)

    year_effect = trend * (year_grid - year_grid[0]) + rng.normal(0.0, year_sd, n_years)
    county_year = rng.normal(0.0, county_year_sd, (n_counties, n_years))
    multiplier = _cohort_multiplier(cohort, cohort_years, cohort_gradient)
    own_effect = rng.normal(0.0, effect_sd, n_villages)
    covariates = _covariates(level, n_covariates, seed)
    covariate_slope = covariate_trend * covariates.sum(axis=1)

    # Build year by year into preallocated (village, year) arrays: at 500,000
    # villages x 10 years this keeps the peak near the size of the output.
    y = np.empty((n_villages, n_years))
    true_effect = np.zeros((n_villages, n_years))
    noise = rng.normal(0.0, noise_sd, n_villages)
    innovation_sd = noise_sd * np.sqrt(1.0 - ar**2)
    for k, year in enumerate(year_grid):
        if k > 0:
            noise = ar * noise + rng.normal(0.0, innovation_sd, n_villages)
        on = (cohort > 0) & (year >= cohort)
        exposure = year - cohort[on]
        true_effect[on, k] = multiplier[on] * (effect + effect_growth * exposure) + own_effect[on]
        y[:, k] = level + year_effect[k] + county_year[county, k] + noise + true_effect[:, k]
        if n_covariates:
            y[:, k] += covariate_slope * (year - year_grid[0])

    n_rows = n_villages * n_years
    year_col = np.tile(year_grid.astype(np.int32), n_villages)
    cohort_col = np.repeat(cohort, n_years)
    panel = pd.DataFrame(
        {
            "village_id": np.repeat(np.arange(1, n_villages + 1, dtype=np.int32), n_years),
            "county_id": np.repeat(county + 1, n_years),
            "year": year_col,
            "cohort": cohort_col,
            "treated": ((cohort_col > 0) & (year_col >= cohort_col)).astype(np.int8),
            "y": y.reshape(n_rows),
            "true_effect": true_effect.reshape(n_rows),
            **{f"x{j + 1}": np.repeat(covariates[:, j], n_years) for j in range(n_covariates)},
            "source_id": pd.Categorical.from_codes(np.zeros(n_rows, np.int8), [SOURCE_ID]),
        }
    )
    panel.attrs["true_att"] = float(panel["true_effect"].to_numpy()[panel["treated"] == 1].mean())
    panel.attrs["source_ids"] = (SOURCE_ID,)
    return panel


def true_att(panel: pd.DataFrame, aggregation: str = "simple") -> pd.DataFrame:
    """The sample truth of each parameter that ``did(..., method="cs")`` estimates.

    The Callaway-Sant'Anna aggregations weight group-time effects by cohort size;
    on a balanced panel their sample truth is a mean of ``true_effect`` over the
    matching rows: ``simple`` over all treated rows; ``dynamic`` by event time
    ``year - cohort`` (0 before adoption), overall = mean over event times >= 0;
    ``group`` by cohort, overall = cohort-size weighted; ``calendar`` by year,
    overall = mean over years.

    Returns a frame with ``term`` ("ATT" for the overall parameter, otherwise the
    event time, cohort or year) and ``true_att``, in the row order of ``did``.

    Example
    -------
    >>> panel = village_panel(n_villages=2_000, seed=1)
    >>> true_att(panel, "dynamic").iloc[0]["term"]
    'ATT'
    """
    # Masks on the columns' arrays, not filtered copies of the frame (at 5 M rows the
    # copies were most of the time); each mean is still pandas' groupby mean of the same
    # values in the same order, so the numbers are those of filtering the frame.
    cohort = panel["cohort"].to_numpy()
    year = panel["year"].to_numpy()
    effect_all = panel["true_effect"].to_numpy()
    adopters = cohort > 0
    first = year[adopters].min() if adopters.any() else year.min()
    ever = adopters & (cohort > first)  # CS drops cohorts without a pre-period
    treated = ever & (year >= cohort)
    effect = pd.Series(effect_all[treated])
    if aggregation == "simple":
        return pd.DataFrame({"term": ["ATT"], "true_att": [effect.mean()]})
    if aggregation == "dynamic":
        # pre-period terms start in the second year (the first has no base year)
        base = year[ever].min() if ever.any() else year.min()
        rows = ever & ((year >= cohort) | (year > base))
        event = year[rows] - cohort[rows]
        by = pd.Series(effect_all[rows]).groupby(event).mean()
        overall = by[by.index >= 0].mean()
    elif aggregation == "group":
        by = effect.groupby(cohort[treated]).mean()
        villages = panel["village_id"].to_numpy()[ever]
        first_row = ~pd.Series(villages).duplicated().to_numpy()  # one row per village
        size = pd.Series(cohort[ever][first_row]).value_counts().sort_index()
        overall = float((by * size).sum() / size.sum())
    elif aggregation == "calendar":
        by = effect.groupby(year[treated]).mean()
        overall = by.mean()
    else:
        raise ValueError(
            f"aggregation must be 'simple', 'dynamic', 'group' or 'calendar', got {aggregation!r}"
        )
    rows = pd.DataFrame({"term": by.index.astype(object), "true_att": by.to_numpy()})
    return pd.concat(
        [pd.DataFrame({"term": ["ATT"], "true_att": [overall]}), rows], ignore_index=True
    )


def _covariates(level: np.ndarray, n_covariates: int, seed: int) -> np.ndarray:
    """Time-invariant covariates correlated with the baseline level (villages x n)."""
    if n_covariates < 0 or int(n_covariates) != n_covariates:
        raise ValueError(f"n_covariates must be a whole number >= 0, got {n_covariates!r}")
    if n_covariates == 0:
        return np.zeros((level.size, 0))
    # a second stream: the outcome's draws stay those of a panel without covariates
    rng = np.random.default_rng([seed, 1])
    z = (level - level.mean()) / level.std()
    noise = rng.normal(0.0, 1.0, (level.size, int(n_covariates)))
    return 0.5 * z[:, None] + np.sqrt(0.75) * noise


def _year_grid(years: Iterable[int] | int) -> np.ndarray:
    if isinstance(years, int | np.integer):
        grid = np.arange(DEFAULT_YEARS[0], DEFAULT_YEARS[0] + int(years))
    else:
        grid = np.asarray(sorted(set(int(y) for y in years)))
    if grid.size < 3:
        raise ValueError(f"years: need at least 3 years for a staggered panel, got {grid.tolist()}")
    if np.any(np.diff(grid) != 1):
        raise ValueError(f"years: expected consecutive years, got {grid.tolist()}")
    return grid


def _cohort_years(cohorts: Sequence[int] | None, year_grid: np.ndarray) -> np.ndarray:
    if cohorts is None:
        return year_grid[2:]
    chosen = np.asarray(sorted(set(int(g) for g in cohorts)))
    outside = chosen[(chosen <= year_grid[0]) | (chosen > year_grid[-1])]
    if chosen.size == 0 or outside.size:
        raise ValueError(
            f"cohorts: each adoption year must lie after the first year {year_grid[0]} and "
            f"no later than {year_grid[-1]}; got {sorted(chosen.tolist())}"
        )
    return chosen


def _check_shares(n_villages: int, never_treated_share: float, n_cohorts: int) -> None:
    if not 0.0 < never_treated_share < 1.0:
        raise ValueError(f"never_treated_share must lie in (0, 1), got {never_treated_share}")
    if n_villages * (1.0 - never_treated_share) < n_cohorts or n_villages * never_treated_share < 1:
        raise ValueError(
            f"n_villages={n_villages} is too small for {n_cohorts} cohorts and a "
            f"never-treated share of {never_treated_share}"
        )


def _assign_cohorts(
    level: np.ndarray,
    cohort_years: np.ndarray,
    never_treated_share: float,
    selection: float,
    rng: np.random.Generator,
) -> np.ndarray:
    z = (level - level.mean()) / level.std()
    score = -selection * z + rng.normal(0.0, 1.0, level.size)
    order = np.argsort(-score, kind="stable")  # highest score adopts first
    n_treated = round(level.size * (1.0 - never_treated_share))
    cohort = np.zeros(level.size, dtype=np.int32)
    for years_block, idx in zip(
        cohort_years, np.array_split(order[:n_treated], cohort_years.size), strict=True
    ):
        cohort[idx] = years_block
    return cohort


def _cohort_multiplier(
    cohort: np.ndarray, cohort_years: np.ndarray, cohort_gradient: float
) -> np.ndarray:
    if cohort_years.size == 1:
        return np.ones(cohort.size)
    lateness = (cohort - cohort_years[0]) / (cohort_years[-1] - cohort_years[0])
    return np.where(cohort > 0, 1.0 + cohort_gradient * (1.0 - lateness), 0.0)
