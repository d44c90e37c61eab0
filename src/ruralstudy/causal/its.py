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

>>> import ruralstudy as rs
>>> rs.causal.its(series, "value", "year", start=2019)  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

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
) -> pd.DataFrame:
    """Segmented regression of ``outcome`` on ``time`` around ``start``.

    Returns one row per term — pre_level (the fitted value at ``start`` had
    nothing changed), pre_slope, level_change, slope_change — with estimate,
    se, ci_low, ci_high, p_value, and n_pre / n_post. Rows with a missing
    outcome or time are an error, not dropped: a gap in a series is a fact
    the reader should see.
    """
    import statsmodels.api as sm

    for col in (outcome, time):
        if col not in df.columns:
            raise ValueError(f"its: no column {col!r}")
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
    out = pd.DataFrame(
        {
            "term": [TERMS[name] for name in design.columns],
            "estimate": np.asarray(fit.params),
            "se": np.asarray(fit.bse),
            "ci_low": ci[:, 0],
            "ci_high": ci[:, 1],
            "p_value": np.asarray(fit.pvalues),
        }
    )
    out["n_pre"], out["n_post"] = n_pre, n_post
    out.attrs.update(method="its", start=start, maxlags=maxlags, cov="HAC (Newey-West)")
    if "source_id" in df.columns:
        out.attrs["source_ids"] = sorted(df["source_id"].dropna().unique())
    return out
