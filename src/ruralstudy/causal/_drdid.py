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
GLM as csdid does: per cell statsmodels builds a model object and its IRLS
results (several copies of the n x k design); Newton on X'WX needs one k x k
solve per step, and the coefficients are returned so that a cell's influence
function can be regenerated without refitting. Both stop at the same
maximum, so the estimates agree to ~1e-12 (tests/test_causal_covariates.py).
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

# DRDID trims controls whose propensity score reaches this level, and caps
# every score below 1 - 1e-6 (its _trim_pscore).
TRIM_LEVEL = 0.995
PS_CAP = 1 - 1e-6
# R did / csdid declare overlap violated (and the cell missing) when the
# fitted score of some unit reaches this level.
OVERLAP_LEVEL = 0.999
_EPS = np.finfo(float).eps


class CellNotEstimable(Exception):
    """csdid (and R did) would report this cell as missing; the reason says why."""


def design(covariates: np.ndarray) -> np.ndarray:
    """The covariates with DRDID's intercept column in front."""
    return np.column_stack((np.ones(covariates.shape[0]), covariates))


def check_gram(X: np.ndarray, what: str) -> None:
    """R's reciprocal-condition guard (rcond(X'X) < eps means missing), as csdid applies it."""
    if X.shape[0] < X.shape[1]:
        raise CellNotEstimable(f"{what}: fewer units than coefficients")
    gram = X.T @ X
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


def logit(X: np.ndarray, D: np.ndarray, beta: np.ndarray | None = None) -> np.ndarray:
    """Maximum-likelihood logit coefficients of D on X (Newton's method, step-halving).

    ``beta`` given: a fit of the same cell, reused (the caller's cache).
    Overlap as R did checks it: a fitted score at or above 0.999 makes the
    cell missing, and so does separation (no finite maximum).
    """
    if beta is None:
        beta = _newton(X, D)
    if expit(X @ beta).max() >= OVERLAP_LEVEL:
        raise CellNotEstimable("overlap condition violated (a propensity score >= 0.999)")
    return beta


def _newton(X: np.ndarray, D: np.ndarray, max_iter: int = 100) -> np.ndarray:
    check_gram(X, "propensity score")
    share = D.mean()
    if X.shape[1] == 1:  # intercept only: the maximum is the log-odds of the share
        if share >= OVERLAP_LEVEL:
            raise CellNotEstimable("overlap condition violated (treated share >= 0.999)")
        return np.array([np.log(share / (1 - share))])
    beta = np.zeros(X.shape[1])
    beta[0] = np.log(share / (1 - share))
    loglik = _loglik(X @ beta, D)
    for _ in range(max_iter):
        p = expit(X @ beta)
        step = np.linalg.solve(X.T @ (X * (p * (1 - p))[:, None]), X.T @ (D - p))
        for _ in range(30):  # halve until the likelihood does not fall
            new = beta + step
            new_loglik = _loglik(X @ new, D)
            if new_loglik >= loglik - 1e-12 * abs(loglik):
                break
            step /= 2
        beta, loglik = new, new_loglik
        if not np.all(np.isfinite(beta)):
            break
        if np.max(np.abs(step)) < 1e-11 * (1 + np.max(np.abs(beta))):
            return beta
    raise CellNotEstimable("the propensity score logit does not converge (separation?)")


def _loglik(eta: np.ndarray, D: np.ndarray) -> float:
    return float(D @ eta - np.logaddexp(0.0, eta).sum())


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


# -- panel estimators: (dy, D, X, beta) -> (att, influence, beta) ------------------


def drdid_panel(dy: np.ndarray, D: np.ndarray, X: np.ndarray, beta=None):
    """DRDID::drdid_panel (the 'traditional' doubly robust DiD, Sant'Anna-Zhao eq. 3.1)."""
    n = len(D)
    control = D == 0
    beta = logit(X, D, beta)
    ps, keep = pscore(X, D, beta)
    gamma = ols(X[control], dy[control], "outcome regression")
    resid = dy - X @ gamma
    w_treat = keep * D
    w_cont = keep * ps * (1 - D) / (1 - ps)
    mw_treat, mw_cont = _mean_positive(w_treat), _mean_positive(w_cont)
    eta_treat = np.mean(w_treat * resid) / mw_treat
    eta_cont = np.mean(w_cont * resid) / mw_cont

    XpX_inv = inverse((X[control].T @ X[control]) / n, "outcome regression")
    lin_ols = ((1 - D) * resid)[:, None] * X @ XpX_inv
    lin_ps = pscore_linear_rep(X, D, ps)
    M1 = np.mean(w_treat[:, None] * X, axis=0)
    M2 = np.mean((w_cont * (resid - eta_cont))[:, None] * X, axis=0)
    M3 = np.mean(w_cont[:, None] * X, axis=0)
    inf_treat = (w_treat * (resid - eta_treat) - lin_ols @ M1) / mw_treat
    inf_cont = (w_cont * (resid - eta_cont) + lin_ps @ M2 - lin_ols @ M3) / mw_cont
    return eta_treat - eta_cont, inf_treat - inf_cont, beta


def reg_did_panel(dy: np.ndarray, D: np.ndarray, X: np.ndarray, beta=None):
    """DRDID::reg_did_panel (Heckman, Ichimura and Todd's outcome regression DiD)."""
    n = len(D)
    control = D == 0
    gamma = ols(X[control], dy[control], "outcome regression")
    fitted = X @ gamma
    mw_treat = _mean_positive(D)
    eta_treat = np.mean(D * dy) / mw_treat
    eta_cont = np.mean(D * fitted) / mw_treat

    XpX_inv = inverse((X[control].T @ X[control]) / n, "outcome regression")
    lin_ols = ((1 - D) * (dy - fitted))[:, None] * X @ XpX_inv
    moment = np.mean(D[:, None] * X, axis=0)
    inf_treat = (D * dy - D * eta_treat) / mw_treat
    inf_cont = (D * fitted - D * eta_cont + lin_ols @ moment) / mw_treat
    return eta_treat - eta_cont, inf_treat - inf_cont, None


def std_ipw_did_panel(dy: np.ndarray, D: np.ndarray, X: np.ndarray, beta=None):
    """DRDID::std_ipw_did_panel (Abadie's IPW DiD with weights normalised to one)."""
    beta = logit(X, D, beta)
    ps, keep = pscore(X, D, beta)
    w_treat = keep * D
    w_cont = keep * ps * (1 - D) / (1 - ps)
    mw_treat, mw_cont = _mean_positive(w_treat), _mean_positive(w_cont)
    eta_treat = np.mean(w_treat * dy) / mw_treat
    eta_cont = np.mean(w_cont * dy) / mw_cont

    lin_ps = pscore_linear_rep(X, D, ps)
    M2 = np.mean((w_cont * (dy - eta_cont))[:, None] * X, axis=0)
    inf_treat = (w_treat * dy - w_treat * eta_treat) / mw_treat
    inf_cont = (w_cont * dy - w_cont * eta_cont + lin_ps @ M2) / mw_cont
    return eta_treat - eta_cont, inf_treat - inf_cont, beta


PANEL = {"dr": drdid_panel, "reg": reg_did_panel, "ipw": std_ipw_did_panel}


def check_panel_cell(est_method: str, D: np.ndarray, X: np.ndarray) -> None:
    """csdid's guards before a panel cell (rcond_check_fail, drdid_design_singular)."""
    if est_method in ("dr", "reg"):
        check_gram(X[D == 0], "control units' covariates")
    if est_method in ("dr", "ipw"):
        check_gram(X, "propensity score")
