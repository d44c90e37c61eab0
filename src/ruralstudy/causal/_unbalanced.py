"""ATT(g, t) cells of an unbalanced panel: the repeated-cross-section estimators.

With ``allow_unbalanced=True`` R did (``allow_unbalanced_panel=TRUE``) and csdid
keep units missing in some periods and estimate each cell from the rows it
observes in the two periods compared, as if they were repeated cross sections
(DRDID's ``drdid_rc``, ``reg_did_rc``, ``std_ipw_did_rc``), then sum each
unit's row influence functions into one per unit, so that standard errors stay
clustered by unit. Written from csdid's ``drdid_trim`` and drdid's
``reg_did_rc`` (R DRDID 1.4) term by term; every row has weight 1.

Each row carries its own period's covariates (csdid's repeated-cross-section
path); for time-invariant covariates that is the unit's value.
"""

from __future__ import annotations

import numpy as np

from ruralstudy.causal._drdid import (
    TRIM_LEVEL,
    CellNotEstimable,
    _mean_positive,
    check_gram,
    inverse,
    logit,
    ols,
    pscore,
    pscore_linear_rep,
)


def _linear_rep_ols(X, y, fitted, mask, n):
    """Rows of ``mask``: (y - fitted) x' (X'X/n)^-1 (DRDID's asy_lin_rep_ols)."""
    Xm = X[mask]
    inv = inverse(Xm.T @ Xm / n, "outcome regression")
    return (mask * (y - fitted))[:, None] * X @ inv


def reg_did_rc(y, post, D, X, beta=None):
    """DRDID::reg_did_rc."""
    n = len(D)
    pre_c, post_c = (D == 0) & (post == 0), (D == 0) & (post == 1)
    fit_pre = X @ ols(X[pre_c], y[pre_c], "outcome regression (controls, base period)")
    fit_post = X @ ols(X[post_c], y[post_c], "outcome regression (controls, period t)")
    w_pre, w_post, w_d = D * (1 - post), D * post, D
    mw_pre, mw_post, mw_d = _mean_positive(w_pre), _mean_positive(w_post), _mean_positive(w_d)
    eta_pre = np.mean(w_pre * y) / mw_pre
    eta_post = np.mean(w_post * y) / mw_post
    eta_cont = np.mean(w_d * (fit_post - fit_pre)) / mw_d

    rep_pre = _linear_rep_ols(X, y, fit_pre, pre_c, n)
    rep_post = _linear_rep_ols(X, y, fit_post, post_c, n)
    inf_pre = (w_pre * y - w_pre * eta_pre) / mw_pre
    inf_post = (w_post * y - w_post * eta_post) / mw_post
    moment = np.mean(w_d[:, None] * X, axis=0)
    inf_cont = w_d * (fit_post - fit_pre) - w_d * eta_cont + rep_post @ moment - rep_pre @ moment
    inf = inf_post - inf_pre - inf_cont / mw_d
    return eta_post - eta_pre - eta_cont, inf, None


def std_ipw_did_rc(y, post, D, X, beta=None):
    """DRDID::std_ipw_did_rc (csdid's trimmed version)."""
    beta = logit(X, D, beta)
    ps, keep = pscore(X, D, beta)
    odds = ps / (1 - ps)
    w_tpre, w_tpost = keep * D * (1 - post), keep * D * post
    w_cpre, w_cpost = keep * odds * (1 - D) * (1 - post), keep * odds * (1 - D) * post
    m = [_mean_positive(w) for w in (w_tpre, w_tpost, w_cpre, w_cpost)]
    etas = [w * y / mw for w, mw in zip((w_tpre, w_tpost, w_cpre, w_cpost), m, strict=True)]
    att_tpre, att_tpost, att_cpre, att_cpost = (np.mean(e) for e in etas)
    att = (att_tpost - att_tpre) - (att_cpost - att_cpre)

    lin_ps = pscore_linear_rep(X, D, ps)
    inf_tpre = etas[0] - w_tpre * att_tpre / m[0]
    inf_tpost = etas[1] - w_tpost * att_tpost / m[1]
    inf_cpre = etas[2] - w_cpre * att_cpre / m[2]
    inf_cpost = etas[3] - w_cpost * att_cpost / m[3]
    M2_pre = np.mean((w_cpre * (y - att_cpre))[:, None] * X, axis=0) / m[2]
    M2_post = np.mean((w_cpost * (y - att_cpost))[:, None] * X, axis=0) / m[3]
    inf_cont = inf_cpost - inf_cpre + lin_ps @ (M2_post - M2_pre)
    return att, (inf_tpost - inf_tpre) - inf_cont, beta


def drdid_rc(y, post, D, X, beta=None):
    """DRDID::drdid_rc, the locally efficient doubly robust DiD (csdid's trimmed version)."""
    n = len(D)
    beta = logit(X, D, beta)
    ps, keep = pscore(X, D, beta)
    pre, pst = post == 0, post == 1
    masks = {
        "cont_pre": (D == 0) & pre,
        "cont_post": (D == 0) & pst,
        "treat_pre": (D == 1) & pre,
        "treat_post": (D == 1) & pst,
    }
    fit = {k: X @ ols(X[m], y[m], f"outcome regression ({k})") for k, m in masks.items()}
    out_cont = post * fit["cont_post"] + (1 - post) * fit["cont_pre"]

    odds = ps / (1 - ps)
    w_tpre, w_tpost = keep * D * (1 - post), keep * D * post
    w_cpre, w_cpost = keep * odds * (1 - D) * (1 - post), keep * odds * (1 - D) * post
    w_d, w_dt1, w_dt0 = keep * D, keep * D * post, keep * D * (1 - post)
    mw_tpre, mw_tpost = _mean_positive(w_tpre), _mean_positive(w_tpost)
    mw_cpre, mw_cpost = _mean_positive(w_cpre), _mean_positive(w_cpost)
    mw_d, mw_dt1, mw_dt0 = np.mean(w_d), np.mean(w_dt1), np.mean(w_dt0)

    resid = y - out_cont
    eta_tpre, eta_tpost = w_tpre * resid / mw_tpre, w_tpost * resid / mw_tpost
    eta_cpre, eta_cpost = w_cpre * resid / mw_cpre, w_cpost * resid / mw_cpost
    gap_post = fit["treat_post"] - fit["cont_post"]
    gap_pre = fit["treat_pre"] - fit["cont_pre"]
    eta_d_post, eta_dt1_post = w_d * gap_post / mw_d, w_dt1 * gap_post / mw_dt1
    eta_d_pre, eta_dt0_pre = w_d * gap_pre / mw_d, w_dt0 * gap_pre / mw_dt0

    att_tpre, att_tpost = np.mean(eta_tpre), np.mean(eta_tpost)
    att_cpre, att_cpost = np.mean(eta_cpre), np.mean(eta_cpost)
    att_d_post, att_dt1_post = np.mean(eta_d_post), np.mean(eta_dt1_post)
    att_d_pre, att_dt0_pre = np.mean(eta_d_pre), np.mean(eta_dt0_pre)
    att = (
        (att_tpost - att_tpre)
        - (att_cpost - att_cpre)
        + (att_d_post - att_dt1_post)
        - (att_d_pre - att_dt0_pre)
    )

    rep = {k: _linear_rep_ols(X, y, fit[k], m, n) for k, m in masks.items()}
    lin_ps = pscore_linear_rep(X, D, ps)

    inf_tpre = eta_tpre - w_tpre * att_tpre / mw_tpre
    inf_tpost = eta_tpost - w_tpost * att_tpost / mw_tpost
    M1_post = -np.mean((w_tpost * post)[:, None] * X, axis=0) / mw_tpost
    M1_pre = -np.mean((w_tpre * (1 - post))[:, None] * X, axis=0) / mw_tpre
    inf_treat_or = rep["cont_post"] @ M1_post - rep["cont_pre"] @ M1_pre

    inf_cpre = eta_cpre - w_cpre * att_cpre / mw_cpre
    inf_cpost = eta_cpost - w_cpost * att_cpost / mw_cpost
    M2_pre = np.mean((w_cpre * (resid - att_cpre))[:, None] * X, axis=0) / mw_cpre
    M2_post = np.mean((w_cpost * (resid - att_cpost))[:, None] * X, axis=0) / mw_cpost
    inf_cont_ps = lin_ps @ (M2_post - M2_pre)
    M3_post = -np.mean((w_cpost * post)[:, None] * X, axis=0) / mw_cpost
    M3_pre = -np.mean((w_cpre * (1 - post))[:, None] * X, axis=0) / mw_cpre
    inf_cont_or = rep["cont_post"] @ M3_post - rep["cont_pre"] @ M3_pre

    inf_eff = (eta_d_post - w_d * att_d_post / mw_d) - (
        eta_dt1_post - w_dt1 * att_dt1_post / mw_dt1
    )
    inf_eff -= (eta_d_pre - w_d * att_d_pre / mw_d) - (eta_dt0_pre - w_dt0 * att_dt0_pre / mw_dt0)
    mom_post = np.mean((w_d / mw_d - w_dt1 / mw_dt1)[:, None] * X, axis=0)
    mom_pre = np.mean((w_d / mw_d - w_dt0 / mw_dt0)[:, None] * X, axis=0)
    inf_or = (rep["treat_post"] - rep["cont_post"]) @ mom_post
    inf_or -= (rep["treat_pre"] - rep["cont_pre"]) @ mom_pre

    inf_treat = inf_tpost - inf_tpre + inf_treat_or
    inf_cont = inf_cpost - inf_cpre + inf_cont_ps + inf_cont_or
    return att, inf_treat - inf_cont + inf_eff + inf_or, beta


RC = {"dr": drdid_rc, "reg": reg_did_rc, "ipw": std_ipw_did_rc}

# rows labelled 2 D + post: controls base, controls t, treated base, treated t
_SIGN = np.array([1.0, -1.0, -1.0, 1.0])


def means_rc(est_method: str, y, post, D) -> tuple[float, np.ndarray]:
    """Without covariates all three estimators are the DiD of four means.

    With an intercept-only score and regressions, drdid_rc's, reg_did_rc's and
    std_ipw_did_rc's correction terms vanish and each row's influence function
    is n * sign * (y - mean of its group) / size of its group; csdid's guards
    reduce to: every group observed, and (dr, ipw) a treated share below the
    trimming level.
    """
    label = (2 * D + post).astype(np.intp)
    counts = np.bincount(label, minlength=4)
    if (counts == 0).any():
        raise CellNotEstimable("a group (treated or control, period t or base) is not observed")
    if est_method != "reg" and (counts[2] + counts[3]) / y.size >= TRIM_LEVEL:
        raise CellNotEstimable(
            f"treated rows are {TRIM_LEVEL:.1%} or more of the cell, so DRDID trims every control"
        )
    means = np.bincount(label, y, 4) / counts
    inf = (y.size * _SIGN / counts)[label] * (y - means[label])
    return float(_SIGN @ means), inf


def check_rc_cell(est_method: str, post: np.ndarray, D: np.ndarray, X: np.ndarray) -> None:
    """csdid's guards before a repeated-cross-section cell (all make the cell missing)."""
    groups = {
        "treated, period t": (D == 1) & (post == 1),
        "treated, base period": (D == 1) & (post == 0),
        "controls, period t": (D == 0) & (post == 1),
        "controls, base period": (D == 0) & (post == 0),
    }
    for what, mask in groups.items():
        if not mask.any():
            raise CellNotEstimable(f"no {what} observed")
    if est_method in ("dr", "reg"):
        needed = list(groups) if est_method == "dr" else list(groups)[2:]
        for what in needed:
            check_gram(X[groups[what]], f"outcome regression ({what})")
        check_gram(X[D == 0], "control units' covariates")
    if est_method in ("dr", "ipw"):
        check_gram(X, "propensity score")


def rows_of_cell(
    units: np.ndarray, observed: np.ndarray, t_idx: int, b_idx: int
) -> tuple[np.ndarray, np.ndarray]:
    """The cell's rows: positions in ``units`` of the rows seen in t, then in the base period.

    Returns (position, post) per row; ``observed`` is periods x units.
    """
    at_t = np.flatnonzero(observed[t_idx, units])
    at_b = np.flatnonzero(observed[b_idx, units])
    post = np.concatenate((np.ones(at_t.size), np.zeros(at_b.size)))
    return np.concatenate((at_t, at_b)), post


__all__ = ["RC", "CellNotEstimable", "check_rc_cell", "means_rc", "rows_of_cell"]
