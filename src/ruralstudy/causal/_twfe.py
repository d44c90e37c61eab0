"""Fixed-effects OLS at national scale, written out in numpy.

Why not call a library? On the measured 5,000,000-row village panel (2 cores,
tooling-notes.md) pyfixest's feols took 4.0 s warm (7.5 s on first call) and
2.7 GB, linearmodels 22.8 s and 3.4 GB; sweeping the fixed effects out with
``numpy.bincount`` (_demean.py) and solving the small remaining least-squares
problem takes about half the time in well under half the memory. The
standard errors are cluster-robust (CRV1, one- or two-way: _crv.py) with
exactly pyfixest's (and R fixest's) small-sample factors, so the two agree to
1e-8 relative; tests/test_causal_twfe.py holds the comparison on every test
panel, with two and three fixed effects.

Singleton observations (a level of any fixed effect seen once) are dropped
first, repeatedly, as pyfixest and fixest do by default.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ruralstudy.causal import _crv
from ruralstudy.causal._demean import DEMEAN_TOL, Absorber, codes, non_singletons

COLLINEAR_TOL = 1e-10  # share of a regressor's sum of squares that must survive absorbing


@dataclass(frozen=True)
class WithinFit:
    """Coefficients and CRV1 covariance of a fixed-effects regression."""

    names: tuple[str, ...]
    coef: np.ndarray
    vcov: np.ndarray
    n_obs: int
    n_singletons: int
    n_fe_levels: tuple[int, ...]
    cluster_sizes: tuple[int, ...]  # clusters of each clustering variable
    df_k: int
    df_t: int

    @property
    def se(self) -> np.ndarray:
        return np.sqrt(np.diag(self.vcov))

    @property
    def n_clusters(self) -> int:
        """The G of the small-sample factor and of the t degrees of freedom (the smallest)."""
        return min(self.cluster_sizes)


def within_ols(
    y: np.ndarray,
    X: np.ndarray,
    names: list[str],
    fixed_effects: list[np.ndarray],
    clusters: list[np.ndarray] | np.ndarray,
    *,
    tol: float = DEMEAN_TOL,
    pairs_unique: bool = False,
) -> WithinFit:
    """OLS of ``y`` on ``X`` with the fixed effects absorbed, CRV1 by ``clusters``.

    ``y`` (n,) and ``X`` (n, k) are float arrays that are overwritten by their
    demeaned versions (pass copies if you need them). ``fixed_effects`` are
    label arrays of length n (any number of them); ``clusters`` one label
    array or a list of one or two (two-way clustering). ``pairs_unique``
    promises that no pair of levels of the first two effects repeats (a
    panel's unit and period), which lets a balanced panel be absorbed in one sweep.
    """
    if isinstance(clusters, np.ndarray):
        clusters = [clusters]
    fe_codes = [codes(f) for f in fixed_effects]
    cl_codes = [codes(c) for c in clusters]
    keep = non_singletons(fe_codes)
    n_singletons = int(keep.size - keep.sum())
    if n_singletons:
        y, X = y[keep], X[keep]
        fe_codes = [codes(c[keep]) for c in fe_codes]
        cl_codes = [codes(c[keep]) for c in cl_codes]
    raw_ss = np.einsum("ij,ij->j", X, X)  # each regressor's sum of squares before absorbing
    absorber = Absorber(fe_codes, tol=tol, pairs_unique=pairs_unique)
    absorber.demean(y)
    for j in range(X.shape[1]):
        column = np.ascontiguousarray(X[:, j])
        absorber.demean(column)
        X[:, j] = column

    bread = _bread(X, names, raw_ss)
    coef = bread @ (X.T @ y)
    resid = y - X @ coef
    crv = _crv.crv1(
        X, resid, bread, cl_codes, fe_codes, absorber.n_levels, pairs_unique=pairs_unique
    )
    return WithinFit(
        names=tuple(names),
        coef=coef,
        vcov=crv.vcov,
        n_obs=int(y.size),
        n_singletons=n_singletons,
        n_fe_levels=absorber.n_levels,
        cluster_sizes=crv.n_clusters,
        df_k=crv.df_k,
        df_t=crv.df_t,
    )


def _bread(X: np.ndarray, names: list[str], raw_ss: np.ndarray) -> np.ndarray:
    """(X'X)^-1 of the demeaned design, refusing regressors the fixed effects absorb."""
    xtx = X.T @ X
    collinear = _collinear(xtx, raw_ss)
    if collinear:
        raise ValueError(
            "the regressors are collinear with the fixed effects (and each other): "
            f"{[names[j] for j in collinear]} keep less than {COLLINEAR_TOL:g} of their "
            "variation once the fixed effects and the regressors before them are absorbed"
        )
    return np.linalg.inv(xtx)


def _collinear(xtx: np.ndarray, raw_ss: np.ndarray) -> list[int]:
    """Columns whose share of variation left, after the fixed effects and the columns
    before them, is below COLLINEAR_TOL (a Cholesky factorisation, column by column).

    fixest and pyfixest run the same factorisation against an absolute 1e-10;
    relative to the column's own sum of squares, the test does not depend on its units.
    """
    k = xtx.shape[0]
    R = np.zeros((k, k))
    kept: list[int] = []
    dropped: list[int] = []
    for j in range(k):
        left = xtx[j, j] - sum(R[i, j] ** 2 for i in kept)
        if left <= COLLINEAR_TOL * raw_ss[j]:
            dropped.append(j)
            continue
        R[j, j] = np.sqrt(left)
        for col in range(j + 1, k):
            R[j, col] = (xtx[j, col] - sum(R[i, j] * R[i, col] for i in kept)) / R[j, j]
        kept.append(j)
    return dropped
