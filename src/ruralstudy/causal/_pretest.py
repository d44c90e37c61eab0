"""Wald pre-test of parallel trends: every pre-treatment ATT(g,t) = 0 (R did's att_gt W).

W = att_pre' V^-1 att_pre with V the analytic covariance of the pre-treatment
group-time ATTs (from their influence functions, clustered as the standard
errors are), df = the number of pre-treatment cells, p from chi-squared(df).
As R did: cells with zero or missing standard error (the reference cells of a
universal base period) are left out, and when V is singular (reciprocal
condition number <= machine epsilon; this happens whenever there are more
pre-period cells than clusters) no statistic is returned. Unlike R did 2.5,
which drops the test when a coarser cluster meets the bootstrap, the test here
always uses the clustered analytic V, which accounts for the clusters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2


class PretestUnavailable(Exception):
    """Pre-periods exist but W cannot be computed; the message says why."""


@dataclass
class Pretest:
    stat: float  # Wald statistic of pre-treatment ATT(g,t) = 0
    df: int
    p_value: float


def wald_pretest(
    att: np.ndarray,
    se: np.ndarray,
    group: np.ndarray,
    time: np.ndarray,
    covariance: Callable[[np.ndarray], np.ndarray],
    anticipation: int = 0,
) -> Pretest | None:
    """The pre-test, or None without pre-periods.

    Raises PretestUnavailable when pre-periods exist but W cannot be computed:
    the result then reports why (``pretest_note``) instead of a statistic.

    ``covariance(cells)`` returns the analytic covariance matrix of the ATT(g,t)
    at those positions; ``se`` is the analytic standard error of every cell.
    """
    pre = np.flatnonzero(np.asarray(group) - anticipation > np.asarray(time))
    if pre.size == 0:
        return None
    usable = pre[np.isfinite(se[pre]) & (se[pre] > 0)]
    if usable.size == 0:
        return None  # only reference cells before treatment: nothing to test
    v = covariance(usable)
    if not np.all(np.isfinite(v)):
        raise PretestUnavailable(
            f"the covariance of the {usable.size} pre-treatment ATT(g,t) is not finite"
        )
    if 1.0 / np.linalg.cond(v, 1) <= np.finfo(np.float64).eps:
        raise PretestUnavailable(
            f"the covariance of the {usable.size} pre-treatment ATT(g,t) is singular "
            "(as when there are more pre-period cells than clusters)"
        )
    a = np.asarray(att, dtype=np.float64)[usable]
    stat = float(a @ np.linalg.solve(v, a))
    return Pretest(stat, int(usable.size), float(chi2.sf(stat, usable.size)))
