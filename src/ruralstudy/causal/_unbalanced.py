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
    check_rcond,
    inverse,
    logit,
    pscore,
)

_GROUPS = ("controls, base period", "controls, period t", "treated, base period", "treated, t")


class _Cell:
    """A cell's rows in four groups (label 2 D + post), with each group's Gram matrix.

    The Grams serve csdid's guards (rcond_check_fail, drdid_design_singular,
    rc_outcome_has_too_few_obs: each makes the cell missing) and the outcome
    regressions alike, so each group's rows are gathered once.
    """

    def __init__(self, est_method: str, y, post, D, X):
        self.n = y.size
        self.y, self.X = y, X
        label = (2 * D + post).astype(np.intp)
        self.rows = [np.flatnonzero(label == g) for g in range(4)]
        for what, rows in zip(_GROUPS, self.rows, strict=True):
            if rows.size == 0:
                raise CellNotEstimable(f"no {what} observed")
        self.Xg = [X[rows] for rows in self.rows]
        self.gram = [x.T @ x for x in self.Xg]
        if est_method in ("dr", "reg"):
            fitted = range(4) if est_method == "dr" else range(2)
            for g in fitted:
                check_rcond(self.gram[g], self.rows[g].size, f"outcome regression ({_GROUPS[g]})")
            controls = self.rows[0].size + self.rows[1].size
            check_rcond(self.gram[0] + self.gram[1], controls, "control units' covariates")
        if est_method in ("dr", "ipw"):
            check_rcond(sum(self.gram), self.n, "propensity score")

    def regression(self, g: int):
        """Group g's OLS: fitted values for every row, its residuals (0 off the group) and
        (X_g'X_g / n)^-1, from which DRDID's asy_lin_rep_ols @ M is resid * (X @ inv @ M)."""
        rows = self.rows[g]
        inv = inverse(self.gram[g] / self.n, "outcome regression")
        coef = inv @ (self.y[rows] @ self.Xg[g]) / self.n
        fitted = self.X @ coef
        resid = np.zeros(self.n)
        resid[rows] = self.y[rows] - fitted[rows]
        return fitted, resid, inv


def reg_did_rc(y, post, D, X, beta=None, start=None):
    """DRDID::reg_did_rc."""
    cell = _Cell("reg", y, post, D, X)
    n = cell.n
    fit_pre, r_pre, inv_pre = cell.regression(0)
    fit_post, r_post, inv_post = cell.regression(1)
    w_pre, w_post, w_d = D * (1 - post), D * post, D
    mw_pre, mw_post, mw_d = _mean_positive(w_pre), _mean_positive(w_post), _mean_positive(w_d)
    eta_pre = np.mean(w_pre * y) / mw_pre
    eta_post = np.mean(w_post * y) / mw_post
    eta_cont = np.mean(w_d * (fit_post - fit_pre)) / mw_d

    inf_pre = (w_pre * y - w_pre * eta_pre) / mw_pre
    inf_post = (w_post * y - w_post * eta_post) / mw_post
    moment = w_d @ X / n
    est = r_post * (X @ (inv_post @ moment)) - r_pre * (X @ (inv_pre @ moment))
    inf_cont = w_d * (fit_post - fit_pre) - w_d * eta_cont + est
    inf = inf_post - inf_pre - inf_cont / mw_d
    return eta_post - eta_pre - eta_cont, inf, None


def std_ipw_did_rc(y, post, D, X, beta=None, start=None):
    """DRDID::std_ipw_did_rc (csdid's trimmed version)."""
    _Cell("ipw", y, post, D, X)
    beta = logit(X, D, beta, start)
    ps, keep = pscore(X, D, beta)
    odds = ps / (1 - ps)
    w_tpre, w_tpost = keep * D * (1 - post), keep * D * post
    w_cpre, w_cpost = keep * odds * (1 - D) * (1 - post), keep * odds * (1 - D) * post
    m = [_mean_positive(w) for w in (w_tpre, w_tpost, w_cpre, w_cpost)]
    etas = [w * y / mw for w, mw in zip((w_tpre, w_tpost, w_cpre, w_cpost), m, strict=True)]
    att_tpre, att_tpost, att_cpre, att_cpost = (np.mean(e) for e in etas)
    att = (att_tpost - att_tpre) - (att_cpost - att_cpre)

    inf_tpre = etas[0] - w_tpre * att_tpre / m[0]
    inf_tpost = etas[1] - w_tpost * att_tpost / m[1]
    inf_cpre = etas[2] - w_cpre * att_cpre / m[2]
    inf_cpost = etas[3] - w_cpost * att_cpost / m[3]
    M2_pre = (w_cpre * (y - att_cpre)) @ X / len(y) / m[2]
    M2_post = (w_cpost * (y - att_cpost)) @ X / len(y) / m[3]
    inf_cont = inf_cpost - inf_cpre + _ps_term(X, D, ps, M2_post - M2_pre)
    return att, (inf_tpost - inf_tpre) - inf_cont, beta


def _ps_term(X, D, ps, M):
    """DRDID's asy_lin_rep_ps @ M, as (D - ps) * (X @ (H M)) without the n x k matrix."""
    info = X.T @ (X * (ps * (1 - ps))[:, None])
    return (D - ps) * (X @ (inverse(info, "propensity score") @ M)) * len(D)


def drdid_rc(y, post, D, X, beta=None, start=None):
    """DRDID::drdid_rc, the locally efficient doubly robust DiD (csdid's trimmed version)."""
    cell = _Cell("dr", y, post, D, X)
    n = cell.n
    beta = logit(X, D, beta, start)
    ps, keep = pscore(X, D, beta)
    (
        (f_cpre, r_cpre, i_cpre),
        (f_cpost, r_cpost, i_cpost),
        (f_tpre, r_tpre, i_tpre),
        (
            f_tpost,
            r_tpost,
            i_tpost,
        ),
    ) = (cell.regression(g) for g in range(4))
    out_cont = post * f_cpost + (1 - post) * f_cpre

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
    gap_post, gap_pre = f_tpost - f_cpost, f_tpre - f_cpre
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

    inf_tpre = eta_tpre - w_tpre * att_tpre / mw_tpre
    inf_tpost = eta_tpost - w_tpost * att_tpost / mw_tpost
    inf_cpre = eta_cpre - w_cpre * att_cpre / mw_cpre
    inf_cpost = eta_cpost - w_cpost * att_cpost / mw_cpost
    M1_post = -(w_tpost * post) @ X / n / mw_tpost
    M1_pre = -(w_tpre * (1 - post)) @ X / n / mw_tpre
    M2_pre = (w_cpre * (resid - att_cpre)) @ X / n / mw_cpre
    M2_post = (w_cpost * (resid - att_cpost)) @ X / n / mw_cpost
    M3_post = -(w_cpost * post) @ X / n / mw_cpost
    M3_pre = -(w_cpre * (1 - post)) @ X / n / mw_cpre
    mom_post = (w_d / mw_d - w_dt1 / mw_dt1) @ X / n
    mom_pre = (w_d / mw_d - w_dt0 / mw_dt0) @ X / n

    # the outcome regressions' estimation effects, DRDID's inf_treat_or - inf_cont_or
    # + inf_or, each asy_lin_rep_ols @ M written resid * (X @ inv @ M)
    a = np.column_stack(
        (
            i_cpost @ (M1_post - M3_post - mom_post),
            i_cpre @ (M1_pre - M3_pre - mom_pre),
            i_tpost @ mom_post,
            i_tpre @ mom_pre,
        )
    )
    XA = X @ a
    or_terms = r_cpost * XA[:, 0] - r_cpre * XA[:, 1] + r_tpost * XA[:, 2] - r_tpre * XA[:, 3]

    inf_eff = (eta_d_post - w_d * att_d_post / mw_d) - (
        eta_dt1_post - w_dt1 * att_dt1_post / mw_dt1
    )
    inf_eff -= (eta_d_pre - w_d * att_d_pre / mw_d) - (eta_dt0_pre - w_dt0 * att_dt0_pre / mw_dt0)
    inf_ps = _ps_term(X, D, ps, M2_post - M2_pre)
    inf = (inf_tpost - inf_tpre) - (inf_cpost - inf_cpre) - inf_ps + or_terms + inf_eff
    return att, inf, beta


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


__all__ = ["RC", "CellNotEstimable", "means_rc", "rows_of_cell"]
