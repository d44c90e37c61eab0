"""Interrupted time series: a level and slope break in one place's yearly series.

For one village with a programme start year T and a yearly outcome y_t, the
segmented regression

    y_t = b0 + b1 (t - T) + b2 post_t + b3 (t - T) post_t + e_t,   post_t = [t >= T]

reads b2 as the jump at T and b3 as the change of slope after it, against the
pre-period trend extended. Errors are serially correlated in yearly data, so
the standard errors are Newey-West (HAC, statsmodels) with t intervals. With
the ~10–15 yearly points village series have, HAC errors are fragile (in a
15-point white-noise series a nominal 95 % interval covers the truth about
80 % of the time; tests/test_causal_its.py) and the design cannot separate the
programme from anything else that happened in T: read the result as a
description with a caveat, not an effect.

The result is an :class:`~ruralstudy.causal.results.ItsResult`: ``.tidy()``,
``.summary()``, ``.plot()`` (the series, the fitted segments and the
pre-period line extended) and the ``source_ids`` of the rows, in the order
they appear, as every estimator cites them.

>>> import ruralstudy as rs
>>> rs.causal.its(series, "value", "year", start=2019).tidy()  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ruralstudy.causal.results import ItsResult

TERMS = {
    "const": "pre_level",
    "time": "pre_slope",
    "post": "level_change",
    "time_post": "slope_change",
}
MIN_POINTS_PER_SIDE = 3  # a slope and a level need at least three points to leave a residual


def its(
    df: pd.DataFrame,
    outcome: str,
    time: str,
    start: int,
    *,
    maxlags: int = 2,
    alpha: float = 0.05,
) -> ItsResult:
    """Segmented regression of ``outcome`` on ``time`` around ``start``.

    Returns an :class:`~ruralstudy.causal.results.ItsResult` whose
    ``.tidy()`` has one row per term — pre_level (the fitted value at
    ``start`` had nothing changed), pre_slope, level_change, slope_change —
    with estimate, std_error, conf_low, conf_high, p_value; ``n_pre`` and
    ``n_post`` count the points on each side. Rows with a missing outcome or
    time are an error, not dropped: a gap in a series is a fact the reader
    should see; so is a row without a source_id when the data have the
    column (as in every estimator).
    """
    import statsmodels.api as sm

    from ruralstudy.causal._prepare import source_ids

    for col in (outcome, time):
        if col not in df.columns:
            raise ValueError(f"its: no column {col!r}")
    cited = source_ids(df)  # before the work, in the order of the rows: as did does
    missing = df[[outcome, time]].isna().any(axis=1)
    if missing.any():
        raise ValueError(f"its: rows {list(df.index[missing])} have no {outcome} or {time}")
    if df[time].duplicated().any():
        raise ValueError(f"its: {time} repeats; one observation per period is expected")
    # Newey-West treats neighbouring rows as neighbouring periods: sort, and
    # refuse gaps rather than let a missing year pass for a one-year step.
    df = df.sort_values(time)
    periods = df[time].to_numpy()
    gaps = [int(p) for p in range(int(periods[0]), int(periods[-1]) + 1) if p not in set(periods)]
    if gaps:
        raise ValueError(f"its: the series has no {time} {gaps}; consecutive periods are needed")
    t = df[time].to_numpy(float) - start
    post = (t >= 0).astype(float)
    n_pre, n_post = int((post == 0).sum()), int(post.sum())
    if min(n_pre, n_post) < MIN_POINTS_PER_SIDE:
        raise ValueError(
            f"its: {n_pre} point(s) before {start} and {n_post} from it; "
            f"at least {MIN_POINTS_PER_SIDE} on each side are needed"
        )
    design = pd.DataFrame({"const": 1.0, "time": t, "post": post, "time_post": t * post})
    fit = sm.OLS(df[outcome].to_numpy(float), design).fit(
        cov_type="HAC", cov_kwds={"maxlags": maxlags, "use_correction": True}, use_t=True
    )
    ci = np.asarray(fit.conf_int(alpha=alpha))
    table = pd.DataFrame(
        {
            "term": [TERMS[name] for name in design.columns],
            "estimate": np.asarray(fit.params),
            "std_error": np.asarray(fit.bse),
            "conf_low": ci[:, 0],
            "conf_high": ci[:, 1],
            "p_value": np.asarray(fit.pvalues),
        }
    )
    counterfactual = fit.params["const"] + fit.params["time"] * t
    series = pd.DataFrame(
        {
            time: periods,
            "observed": df[outcome].to_numpy(float),
            "fitted": np.asarray(fit.fittedvalues),
            "counterfactual": counterfactual,
            "post": post.astype(bool),
        }
    )
    return ItsResult(
        table=table,
        method="its",
        outcome=outcome,
        alpha=alpha,
        source_ids=cited,
        time=time,
        start=start,
        maxlags=maxlags,
        n_pre=n_pre,
        n_post=n_post,
        series=series,
    )
