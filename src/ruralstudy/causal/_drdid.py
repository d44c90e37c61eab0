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
    """The covariates with DRDID's intercept column in front."""
    return np.column_stack((np.ones(covariates.shape[0]), covariates))


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
# cells sharing a control set): only the outcome change differs. PanelDesign
# holds what does not depend on it (the propensity score, its weights and
# linear representation, the controls' inverse Gram matrix), computed once per
# cohort; panel_att then costs a few passes over the cell. Units are ordered
# treated first, so D never has to be multiplied in. The algebra is DRDID's
# (drdid_panel, reg_did_panel, std_ipw_did_panel), regrouped: e.g. its
# asy_lin_rep_ps @ M2 is (D - ps) * (X @ (H M2)) without the n x k matrix.


@dataclass
class PanelDesign:
    est_method: str
    n_treated: int
    X: np.ndarray  # n x k design, treated units first
    XpX_inv: np.ndarray | None  # (X_c'X_c / n)^-1 (dr, reg)
    beta: np.ndarray | None  # logit coefficients (dr, ipw)
    w_cont: np.ndarray | None  # controls' weights ps / (1 - ps), 0 where trimmed
    dps: np.ndarray | None  # D - ps
    H: np.ndarray | None  # n (X' diag(ps (1 - ps)) X)^-1
    M1: np.ndarray  # mean(w_treat X)
    M3: np.ndarray | None  # mean(w_cont X)


def panel_design(est_method: str, X: np.ndarray, n_treated: int, beta=None) -> PanelDesign:
    """The outcome-free part of a panel cell (checks included: CellNotEstimable)."""
    n = X.shape[0]
    D = np.zeros(n)
    D[:n_treated] = 1.0
    Xt, Xc = X[:n_treated], X[n_treated:]
    gram_c = Xc.T @ Xc
    # csdid's guards (rcond_check_fail, drdid_design_singular): controls' design
    # for dr and reg, the whole design for the score of dr and ipw
    if est_method in ("dr", "reg"):
        check_rcond(gram_c, n - n_treated, "control units' covariates")
    if est_method in ("dr", "ipw"):
        check_rcond(gram_c + Xt.T @ Xt, n, "propensity score")
    XpX_inv = inverse(gram_c / n, "outcome regression") if est_method != "ipw" else None
    M1 = Xt.sum(axis=0) / n
    if est_method == "reg":
        _mean_positive(D)
        return PanelDesign(est_method, n_treated, X, XpX_inv, None, None, None, None, M1, None)
    beta = logit(X, D, beta)
    ps, keep = pscore(X, D, beta)
    w_cont = (keep * ps / (1 - ps))[n_treated:]
    _mean_positive(w_cont)
    info = X.T @ (X * (ps * (1 - ps))[:, None])
    H = inverse(info, "propensity score") * n
    M3 = w_cont @ Xc / n
    return PanelDesign(est_method, n_treated, X, XpX_inv, beta, w_cont, D - ps, H, M1, M3)


def panel_att(d: PanelDesign, dy: np.ndarray) -> tuple[float, np.ndarray]:
    """ATT of the cell and DRDID's influence function (per unit of the cell)."""
    n, nt = d.X.shape[0], d.n_treated
    Xc = d.X[nt:]
    mw_treat = nt / n
    if d.est_method != "ipw":
        gamma = d.XpX_inv @ (dy[nt:] @ Xc / n)
        resid = dy - d.X @ gamma
    else:
        resid = dy
    r_t, r_c = resid[:nt], resid[nt:]
    eta_treat = r_t.mean()
    inf = np.empty(n)
    if d.est_method == "reg":  # reg_did_panel: att = mean of the treated's residuals
        lin = r_c * (Xc @ (d.XpX_inv @ d.M1))
        inf[:nt] = (r_t - eta_treat) / mw_treat
        inf[nt:] = -lin / mw_treat
        return float(eta_treat), inf
    mw_cont = d.w_cont.sum() / n
    eta_cont = (d.w_cont @ r_c) / n / mw_cont
    M2 = (d.w_cont * (r_c - eta_cont)) @ Xc / n
    ps_term = d.dps * (d.X @ (d.H @ M2)) / mw_cont
    inf[:nt] = (r_t - eta_treat) / mw_treat - ps_term[:nt]
    inf[nt:] = -d.w_cont * (r_c - eta_cont) / mw_cont - ps_term[nt:]
    if d.est_method == "dr":  # the outcome regression's estimation effect
        u = d.XpX_inv @ (d.M3 / mw_cont - d.M1 / mw_treat)
        inf[nt:] += r_c * (Xc @ u)
    return float(eta_treat - eta_cont), inf
