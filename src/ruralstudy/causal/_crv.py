"""Cluster-robust (CRV1) covariance, one-way or two-way, with fixest's small-sample factors.

Written out because the estimator holds only the demeaned design, not a
model object a library could take; the rules below are pyfixest 0.60's
(``Feols.vcov`` with ``ssc()`` defaults ``k_adj=True, k_fixef="nonnested",
G_adj=True, G_df="min"``), which follow R fixest's defaults.

Two-way clustering (Cameron, Gelbach and Miller 2011) by clusters A and B::

    V = c * bread @ (M_A + M_B - M_AB) @ bread,   M_x = sum over clusters of s_g s_g'

with AB the intersection (one cluster per pair of an A and a B), and one
factor for all three terms::

    c = G/(G-1) * (N-1)/(N-df_k),   G = min(G_A, G_B, G_AB)
    df_k = k + (sum of fixed-effect levels - (number of fixed effects - 1))
             - (levels of fixed effects nested in a cluster) + (number of those)

A fixed effect is nested when every one of its levels lies within one
cluster of any of the clustering variables. Intervals and p-values use the
t distribution with G - 1 degrees of freedom. One-way clustering is the same
with the single M_A.

The difference of meats can leave V not positive semi-definite. pyfixest
returns it as it is; R fixest (``vcov_fix``) replaces the eigenvalues below
1e-10 by 1e-10 when a variance falls below that. Here V is returned as
pyfixest returns it unless a variance is negative (where pyfixest's standard
error is NaN); then fixest's repair is applied, with a warning.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_CLUSTER_WAYS = 2  # as pyfixest; fixest goes to four, rarely needed for a village panel
EIGEN_FLOOR = 1e-10  # fixest's mat_posdef_fix tolerance


@dataclass(frozen=True)
class ClusterVcov:
    vcov: np.ndarray
    n_clusters: tuple[int, ...]  # per clustering variable, as given
    df_k: int
    df_t: int
    repaired: bool  # fixest's eigenvalue repair applied


def crv1(
    X: np.ndarray,
    resid: np.ndarray,
    bread: np.ndarray,
    clusters: list[np.ndarray],
    fe_codes: list[np.ndarray],
    n_levels: tuple[int, ...],
    *,
    pairs_unique: bool = False,
) -> ClusterVcov:
    """CRV1 covariance of the coefficients from the demeaned design ``X`` and residuals.

    ``pairs_unique``: no pair of levels of the first two fixed effects repeats
    (a panel's unit and period), which can spare hashing the intersection.
    """
    if not 1 <= len(clusters) <= MAX_CLUSTER_WAYS:
        raise ValueError(
            f"cluster by one or {MAX_CLUSTER_WAYS} variables (as pyfixest), got {len(clusters)}"
        )
    sizes = tuple(int(c.max()) + 1 for c in clusters)
    if min(sizes) < 2:
        raise ValueError("cluster-robust standard errors need at least two clusters")
    meat = sum(_meat(X, resid, c, g) for c, g in zip(clusters, sizes, strict=True))
    g_min = min(sizes)
    if len(clusters) == 2:
        grid = (fe_codes[:2], n_levels[:2]) if pairs_unique and len(fe_codes) >= 2 else None
        if grid and _pairs_are_rows(clusters, sizes, *grid):
            n_both = resid.size  # each row its own intersection cluster
            meat -= _row_meat(X, resid)
        else:
            both, n_both = _intersection(*clusters, sizes[1])
            meat -= _meat(X, resid, both, n_both)
        g_min = min(g_min, n_both)
    nested = [
        _nested_in_any(f, m, clusters, sizes) for f, m in zip(fe_codes, n_levels, strict=True)
    ]
    df_k = _df_k(X.shape[1], n_levels, nested)
    n_obs = resid.size
    factor = (g_min / (g_min - 1)) * ((n_obs - 1) / (n_obs - df_k))
    vcov = factor * (bread @ meat @ bread)
    repaired = bool((np.diag(vcov) < 0).any())
    if repaired:
        vcov = _posdef_fix(vcov)
        warnings.warn(
            "the two-way clustered covariance had a negative variance; its eigenvalues were "
            f"floored at {EIGEN_FLOOR:g} as R fixest does (pyfixest would report NaN)",
            RuntimeWarning,
            stacklevel=6,  # the caller of did / event_study
        )
    return ClusterVcov(vcov, sizes, df_k, g_min - 1, repaired)


def _meat(X: np.ndarray, resid: np.ndarray, cluster: np.ndarray, n_clusters: int) -> np.ndarray:
    scores = np.empty((n_clusters, X.shape[1]))
    for j in range(X.shape[1]):
        scores[:, j] = np.bincount(cluster, weights=X[:, j] * resid, minlength=n_clusters)
    return scores.T @ scores


def _row_meat(X: np.ndarray, resid: np.ndarray) -> np.ndarray:
    """The meat with every row its own cluster: X' diag(resid^2) X, a column at a time."""
    weight = resid * resid
    return np.stack([(X[:, j] * weight) @ X for j in range(X.shape[1])])


def _pairs_are_rows(
    clusters: list[np.ndarray],
    sizes: tuple[int, ...],
    grid: list[np.ndarray],
    grid_levels: tuple[int, ...],
) -> bool:
    """True if a pair of clusters fixes the row: one fixes the unit, the other the period.

    Village and county-year clusters of a village-year panel do: the village
    fixes the unit, the county-year the year, and unit-year pairs are unique.
    Checked by nesting (O(rows)) instead of hashing every pair.
    """
    a, b = clusters
    (unit, period), (n_unit, n_period) = grid, grid_levels

    def fixes(cluster, n_cluster, fe, n_fe):  # the fe level is a function of the cluster
        return _is_nested(cluster, fe, n_cluster, n_fe)

    return (fixes(a, sizes[0], unit, n_unit) and fixes(b, sizes[1], period, n_period)) or (
        fixes(a, sizes[0], period, n_period) and fixes(b, sizes[1], unit, n_unit)
    )


def _intersection(a: np.ndarray, b: np.ndarray, n_b: int) -> tuple[np.ndarray, int]:
    pair, _ = pd.factorize(a.astype(np.int64) * n_b + b, sort=False)
    return pair.astype(np.intp, copy=False), int(pair.max()) + 1


def _nested_in_any(
    fe: np.ndarray, n_levels: int, clusters: list[np.ndarray], sizes: tuple[int, ...]
) -> bool:
    """pyfixest's rule: nested if within one cluster of any clustering variable."""
    return any(_is_nested(fe, c, n_levels, g) for c, g in zip(clusters, sizes, strict=True))


def _is_nested(fe: np.ndarray, cluster: np.ndarray, n_levels: int, n_clusters: int) -> bool:
    """True if every level of the fixed effect lies within a single cluster."""
    if fe is cluster:
        return True  # clustered by the fixed effect itself (e.g. the unit)
    if n_levels < n_clusters:
        return False  # nested, every cluster would hold at least one whole level
    first = np.full(n_levels, -1, dtype=np.intp)
    first[fe] = cluster
    return bool(np.array_equal(first[fe], cluster))


def _df_k(k: int, n_levels: tuple[int, ...], nested: list[bool]) -> int:
    """Parameters counted in (N-1)/(N-df_k): pyfixest's k_fixef="nonnested" rule."""
    n_fe = len(n_levels)
    k_fe_adj = sum(n_levels) - (n_fe - 1) if n_fe > 1 else sum(n_levels)
    k_nested = sum(m for m, is_nested in zip(n_levels, nested, strict=True) if is_nested)
    n_nested = sum(nested)
    if n_nested == 0:
        return k + k_fe_adj
    return k + k_fe_adj - k_nested + n_nested


def _posdef_fix(vcov: np.ndarray) -> np.ndarray:
    """fixest's mat_posdef_fix: eigenvalues below the floor raised to it."""
    values, vectors = np.linalg.eigh(vcov)
    return (vectors * np.maximum(values, EIGEN_FLOOR)) @ vectors.T
