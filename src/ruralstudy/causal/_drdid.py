"""Two-period DiD estimators with covariates for one ATT(g, t) cell of a panel.

The three estimators of R DRDID (Sant'Anna and Zhao 2020) that R did and
csdid call per group-time cell of a balanced panel, with their influence
functions, written from csdid's ``drdid_trim`` / drdid ``_estimators`` (which
follow R DRDID 1.4) term by term:

- ``dr``: the doubly robust estimator (``drdid_panel``): a logit propensity
  score and a linear regression of the controls' outcome change;
- ``reg``: outcome regression (``reg_did_panel``);
- ``ipw``: standardized inverse probability weighting (``std_ipw_did_panel``).

Every unit has weight 1 (ruralstudy takes no sampling weights), so DRDID's
``i_weights`` drop out. Influence functions are DRDID's (per unit of the cell,
so that the cell's SE is ``sqrt(mean(IF^2) / n)``); the caller rescales them
to the whole panel as csdid does.

The logit is fitted by Newton's method in numpy rather than by statsmodels'
GLM as csdid does: statsmodels builds a model and results object and runs its
IRLS over several copies of the n x k design; measured on one cell of the
5-million-row benchmark (194,000 units, two covariates) it took 0.21 s of CPU
against 0.07 s, and an unbalanced panel fits a logit in every cell. Both stop
at the same maximum (coefficients within ~1e-13), so the estimates agree with
csdid's to ~1e-12 (tests/test_causal_covariates.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# DRDID trims controls whose propensity score reaches this level, and caps
# every score below 1 - 1e-6 (its _trim_pscore).
TRIM_LEVEL = 0.995
PS_CAP = 1 - 1e-6
# R did / csdid declare overlap violated (and the cell missing) when the
# fitted score of some unit reaches this level.
OVERLAP_LEVEL = 0.999
_EPS = np.finfo(float).eps


def expit(x: np.ndarray) -> np.ndarray:
    """The logistic function, scipy's (no overflow warning for very negative x).

    Imported here: importing ruralstudy.causal does not load scipy.
    """
    from scipy.special import expit as logistic

    return logistic(x)


class CellNotEstimable(Exception):
    """csdid (and R did) would report this cell as missing; the reason says why."""


def design(covariates: np.ndarray) -> np.ndarray:
    """The covariates with DRDID's intercept column in front, stored column by column.

    Column order (Fortran) because the estimators multiply this n x k matrix by
    k-vectors: BLAS does that 4x faster on contiguous columns than on rows of k
    (0.40 against 1.8 ms for 194,000 x 3, one thread).
    """
    X = np.empty((covariates.shape[0], covariates.shape[1] + 1), order="F")
    X[:, 0] = 1.0
    X[:, 1:] = covariates
    return X


def check_gram(X: np.ndarray, what: str) -> None:
    """R's reciprocal-condition guard (rcond(X'X) < eps means missing), as csdid applies it."""
    check_rcond(X.T @ X, X.shape[0], what)


def check_rcond(gram: np.ndarray, n_rows: int, what: str) -> None:
    if n_rows < gram.shape[0]:
        raise CellNotEstimable(f"{what}: fewer units than coefficients")
    with np.errstate(divide="ignore", invalid="ignore"):
        rcond = 1.0 / np.linalg.cond(gram, 1)
    if not np.isfinite(rcond) or rcond < _EPS:
        raise CellNotEstimable(f"{what}: the covariate design is singular")


def inverse(matrix: np.ndarray, what: str) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        rcond = 1.0 / np.linalg.cond(matrix, 1)
    if not np.isfinite(rcond) or rcond < _EPS:
        raise CellNotEstimable(f"{what}: the design is singular")
    return np.linalg.solve(matrix, np.eye(matrix.shape[0]))


def ols(X: np.ndarray, y: np.ndarray, what: str) -> np.ndarray:
    check_gram(X, what)
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    return coef


def logit(X: np.ndarray, D: np.ndarray, beta=None, start=None) -> np.ndarray:
    """Maximum-likelihood logit coefficients of D on X (Newton's method, step-halving).

    ``beta`` given: a fit of the same cell, reused (the caller's cache);
    ``start``: where Newton starts (a neighbouring cell's fit saves steps).
    Overlap as R did checks it: a fitted score at or above 0.999 makes the
    cell missing, and so does separation (no finite maximum).
    """
    if beta is None:
        beta = _newton(X, D, start)
    if expit(X @ beta).max() >= OVERLAP_LEVEL:
        raise CellNotEstimable("overlap condition violated (a propensity score >= 0.999)")
    return beta


def _newton(X: np.ndarray, D: np.ndarray, start=None, max_iter: int = 100) -> np.ndarray:
    share = D.mean()
    if X.shape[1] == 1:  # intercept only: the maximum is the log-odds of the share
        if share >= OVERLAP_LEVEL:
            raise CellNotEstimable("overlap condition violated (treated share >= 0.999)")
        return np.array([np.log(share / (1 - share))])
    if start is None:
        beta = np.zeros(X.shape[1])
        beta[0] = np.log(share / (1 - share))
    else:
        beta = np.array(start, dtype=np.float64)
    eta = X @ beta
    loglik = _loglik(eta, D)
    for _ in range(max_iter):
        p = expit(eta)
        step = np.linalg.solve(X.T @ (X * (p * (1 - p))[:, None]), X.T @ (D - p))
        for _ in range(30):  # halve until the likelihood does not fall
            new = beta + step
            new_eta = X @ new
            new_loglik = _loglik(new_eta, D)
            if new_loglik >= loglik - 1e-12 * abs(loglik):
                break
            step /= 2
        beta, eta, loglik = new, new_eta, new_loglik
        if not np.all(np.isfinite(beta)):
            break
        if np.max(np.abs(step)) < 1e-11 * (1 + np.max(np.abs(beta))):
            return beta
    raise CellNotEstimable("the propensity score logit does not converge (separation?)")


def _loglik(eta: np.ndarray, D: np.ndarray) -> float:
    # log(1 + e^eta) without overflow; np.logaddexp is several times slower
    softplus = np.maximum(eta, 0.0) + np.log1p(np.exp(-np.abs(eta)))
    return float(D @ eta - softplus.sum())


def pscore(X: np.ndarray, D: np.ndarray, beta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """DRDID's capped scores and its trimming mask (controls with a score >= 0.995 drop out)."""
    ps = np.minimum(expit(X @ beta), PS_CAP)
    keep = (D == 1) | (ps < TRIM_LEVEL)
    return ps, keep


def pscore_linear_rep(X: np.ndarray, D: np.ndarray, ps: np.ndarray) -> np.ndarray:
    """(D - ps) X H^-1 n: the logit's asymptotic linear representation (DRDID's asy_lin_rep_ps).

    The information is rebuilt from the capped scores, as R DRDID does.
    """
    info = X.T @ (X * (ps * (1 - ps))[:, None])
    return ((D - ps)[:, None] * X) @ (inverse(info, "propensity score") * len(D))


def _mean_positive(w: np.ndarray) -> float:
    m = float(np.mean(w))
    if not np.isfinite(m) or m <= 0:
        raise CellNotEstimable("no treated or control unit left after trimming")
    return m


# -- panel estimators ---------------------------------------------------------------
#
# On a balanced panel every cell of a cohort compares the same units with the
# same covariates (with never-treated controls; with not-yet-treated ones, the
# cells sharing a control set): only the outcome change dy differs. And each
# of DRDID's panel influence functions (drdid_panel, reg_did_panel,
# std_ipw_did_panel) is linear in dy:
#
#     IF = a * dy + B @ z,   z = z(F' dy)   (cell_terms; linear too)
#
# with a (n), B (n x r) and F (n x q) fixed by the design: the propensity
# score, its weights and linear representation, the controls' inverse Gram
# matrix. PanelDesign holds them, computed once per design; a cell then needs
# the q moments F' dy, and sums of its influence function (over clusters,
# over the cells of an aggregation) follow from sums of a * y and of B. The
# algebra is DRDID's, regrouped (e.g. its asy_lin_rep_ps @ M2 is
# (D - ps) * (X @ (H M2)) without the n x k matrix). Written by hand because
# no library fits these estimators for many outcome changes at once (numpy
# has no batched logit; here one logit serves all the cells of a design).
# Units are ordered treated first.


@dataclass
class PanelDesign:
    est_method: str
    n_treated: int
    beta: np.ndarray | None  # logit coefficients (dr, ipw)
    a: np.ndarray  # n: the influence function's coefficient on dy
    B: np.ndarray  # n x r: its columns multiplied by z
    F: np.ndarray  # n x q: a cell's moments are F' dy
    XpX_inv: np.ndarray | None  # (X_c'X_c / n)^-1 (dr, reg)
    sum_Xt: np.ndarray  # sum of the treated units' X
    mw_cont: float | None  # mean of the controls' weights (dr, ipw)
    wXc: np.ndarray | None  # w_cont' X_c
    XWX: np.ndarray | None  # X_c' diag(w_cont) X_c
    H: np.ndarray | None  # n (X' diag(ps (1 - ps)) X)^-1


def panel_design(est_method: str, X: np.ndarray, n_treated: int, beta=None) -> PanelDesign:
    """The outcome-free part of a design's cells (checks included: CellNotEstimable).

    The columns of B and F, in order: for dr and reg, a * X and X on the controls
    (for the outcome regression's gamma); then the treated units' indicator (for
    their mean); for dr and ipw, the controls' weights w and (B) (D - ps) X, (F) w X.
    """
    n, nt = X.shape[0], n_treated
    D = np.zeros(n)
    D[:nt] = 1.0
    Xt, Xc = X[:nt], X[nt:]
    gram_c = Xc.T @ Xc
    # csdid's guards (rcond_check_fail, drdid_design_singular): controls' design
    # for dr and reg, the whole design for the score of dr and ipw
    if est_method in ("dr", "reg"):
        check_rcond(gram_c, n - nt, "control units' covariates")
    if est_method in ("dr", "ipw"):
        check_rcond(gram_c + Xt.T @ Xt, n, "propensity score")
    XpX_inv = inverse(gram_c / n, "outcome regression") if est_method != "ipw" else None
    sum_Xt = Xt.sum(axis=0)
    M1 = sum_Xt / n
    mw_treat = nt / n
    a = np.empty(n)
    a[:nt] = 1 / mw_treat
    controls_X = X * (1 - D)[:, None]
    if est_method == "reg":  # reg_did_panel: inf_c = -r_c * (X_c XpX_inv M1) / mw_treat
        _mean_positive(D)
        a[nt:] = -(Xc @ (XpX_inv @ M1)) / mw_treat
        B = _columns(a[:, None] * X, D)
        F = _columns(controls_X, D)
        return PanelDesign(est_method, nt, None, a, B, F, XpX_inv, sum_Xt, None, None, None, None)
    beta = logit(X, D, beta)
    ps, keep = pscore(X, D, beta)
    w = np.zeros(n)
    w[nt:] = (keep * ps / (1 - ps))[nt:]
    _mean_positive(w[nt:])
    mw_cont = w.sum() / n
    info = X.T @ (X * (ps * (1 - ps))[:, None])
    H = inverse(info, "propensity score") * n
    wXc = w @ X
    a[nt:] = -w[nt:] / mw_cont
    fixed = [D, w]
    if est_method == "dr":  # the outcome regression's estimation effect, r_c * (X_c u)
        u = XpX_inv @ (wXc / n / mw_cont - M1 / mw_treat)
        a[nt:] += Xc @ u
        B = _columns(a[:, None] * X, *fixed, (D - ps)[:, None] * X)
        F = _columns(controls_X, *fixed, w[:, None] * X)
    else:
        B = _columns(*fixed, (D - ps)[:, None] * X)
        F = _columns(*fixed, w[:, None] * X)
    XWX = X.T @ (w[:, None] * X)
    return PanelDesign(est_method, nt, beta, a, B, F, XpX_inv, sum_Xt, mw_cont, wXc, XWX, H)


def _columns(*blocks: np.ndarray) -> np.ndarray:
    """Vectors and n x k blocks side by side, column by column (Fortran; see design)."""
    blocks = [b[:, None] if b.ndim == 1 else b for b in blocks]
    out = np.empty((blocks[0].shape[0], sum(b.shape[1] for b in blocks)), order="F")
    col = 0
    for b in blocks:
        out[:, col : col + b.shape[1]] = b
        col += b.shape[1]
    return out


def cell_terms(d: PanelDesign, moments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ATT and z of cells of design d from their moments (cells x q, rows F' dy).

    Linear in the moments: the terms of a weighted sum of cells are the weighted
    sum of their terms.
    """
    n, nt = d.a.size, d.n_treated
    mw_treat = nt / n
    k = d.sum_Xt.size
    gamma = np.zeros((moments.shape[0], k))
    if d.XpX_inv is not None:  # the controls' outcome regression
        gamma = moments[:, :k] @ d.XpX_inv.T / n
        moments = moments[:, k:]
    eta_treat = (moments[:, 0] - gamma @ d.sum_Xt) / nt
    if d.est_method == "reg":  # att = mean of the treated's residuals
        return eta_treat, np.column_stack((-gamma, -eta_treat / mw_treat))
    eta_cont = (moments[:, 1] - gamma @ d.wXc) / n / d.mw_cont
    M2 = (moments[:, 2:] - gamma @ d.XWX.T - eta_cont[:, None] * d.wXc) / n
    z = [-eta_treat / mw_treat, eta_cont / d.mw_cont, -(M2 @ d.H.T) / d.mw_cont]
    if d.est_method == "dr":
        z.insert(0, -gamma)
    return eta_treat - eta_cont, np.column_stack(z)


def influence(d: PanelDesign, dy: np.ndarray, z: np.ndarray) -> np.ndarray:
    """DRDID's influence functions (cells x units, per unit of the cell) of cells of d."""
    out = dy * d.a
    out += z @ d.B.T
    return out
