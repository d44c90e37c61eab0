"""Per-cohort sums that determine every ATT(g,t) influence function without covariates.

Without covariates the influence function of cell k at unit i (see _staggered) is

    IF_k(i) = N * coef_k(p_i) * (u_k . Y_i - m_k(p_i)),    u_k = e(t_k) - e(b_k),

with p_i the unit's cohort (the last position for never-treated units),
coef_k = 1/n_treated for the cell's cohort, -1/n_controls for its control
cohorts and 0 otherwise, and m_k the matching mean change. With Y centred on
its cohort-period mean, Yc, this is coef_k(p) * N * (u_k . Yc_i + shift_k(p)).
Any weighted sum of IF_k over units -- a bootstrap draw, a cluster's sum, a
covariance -- is then a sum over cohorts of per-cohort totals of Yc, which is
how the bootstrap and the pre-test avoid an N x cells matrix.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from ruralstudy.causal._bootstrap import Multipliers


@dataclass
class LinearCells:
    coef: np.ndarray  # cells x cohorts
    shift: np.ndarray  # cells x cohorts
    t_idx: np.ndarray  # cells: period index of t
    b_idx: np.ndarray  # cells: period index of the base period
    pos: np.ndarray  # units: cohort position, never treated last
    ybar: np.ndarray  # cohorts x periods: mean outcome
    n_cohorts: int


def linear_cells(engine) -> LinearCells:
    """The coefficients of every cell of a fitted _staggered._NumpyCS."""
    n_pos = engine.glist.size + 1
    pos = np.where(engine.cohort_pos >= 0, engine.cohort_pos, n_pos - 1)
    counts = np.bincount(pos, minlength=n_pos).astype(np.float64)
    sums = np.stack([np.bincount(pos, row, n_pos) for row in engine.Y])  # periods x cohorts
    ybar = (sums / np.where(counts > 0, counts, 1.0)).T
    k_cells = len(engine.plan)
    coef = np.zeros((k_cells, n_pos))
    shift = np.zeros((k_cells, n_pos))
    t_idx = np.array([p[2] for p in engine.plan])
    b_idx = np.array([p[3] for p in engine.plan])
    for k, (g, _, ti, bi, thresh) in enumerate(engine.plan):
        if ti == bi:  # universal base: the reference cell has no influence function
            continue
        p_g = int(np.searchsorted(engine.glist, g))
        ctrl = [n_pos - 1]
        if engine.control_group != "nevertreated":
            ctrl += [p for p, h in enumerate(engine.glist) if h > thresh and h != g]
        ctrl = np.array(ctrl)
        change = ybar[:, ti] - ybar[:, bi]
        m_c = float(counts[ctrl] @ change[ctrl] / counts[ctrl].sum())
        coef[k, p_g] = 1.0 / counts[p_g]
        coef[k, ctrl] = -1.0 / counts[ctrl].sum()
        shift[k, ctrl] = change[ctrl] - m_c
    return LinearCells(coef, shift, t_idx, b_idx, pos, ybar, n_pos)


def reproduces(engine, lc: LinearCells, cluster: np.ndarray | None) -> bool:
    """Whether the per-cohort form gives the engine's own ATT(g,t) and analytic se.

    True for cells without covariates; a guard, so that a cell estimator of
    another form is never bootstrapped with these formulas.
    """
    counts = np.bincount(lc.pos, minlength=lc.n_cohorts).astype(np.float64)
    change = lc.ybar[:, lc.t_idx] - lc.ybar[:, lc.b_idx]  # cohorts x cells
    att = np.einsum("kp,p,pk->k", lc.coef, counts, change)
    cells = np.arange(lc.coef.shape[0])
    se = np.sqrt(np.clip(np.diag(covariance(engine, lc, cells, cluster)), 0, None))
    ref = np.isfinite(engine._se)
    scale_att = max(1.0, float(np.nanmax(np.abs(engine._att))))
    return bool(
        np.allclose(att, engine._att, rtol=0, atol=1e-9 * scale_att)
        and np.allclose(se[ref], engine._se[ref], rtol=1e-8, atol=0)
    )


def _combine(lc: LinearCells, ysum: np.ndarray, wsum: np.ndarray) -> np.ndarray:
    """rows x cells: sum_p coef_k(p) (ysum[., p, t_k] - ysum[., p, b_k] + shift_k(p) wsum[., p]).

    ``ysum`` (rows x cohorts x periods) and ``wsum`` (rows x cohorts) are weighted
    totals of Yc and of the weights; the result is the weighted sum of IF_k / N.
    """
    change = ysum[:, :, lc.t_idx] - ysum[:, :, lc.b_idx]  # rows x cohorts x cells
    out = np.einsum("rpk,kp->rk", change, lc.coef)
    out += wsum @ (lc.coef * lc.shift).T
    return out


def _centred(engine, lc: LinearCells, units: slice | np.ndarray) -> np.ndarray:
    """units x periods: outcomes of the given units minus their cohort-period mean."""
    return engine.Y[:, units].T - lc.ybar[lc.pos[units]]


def bootstrap_draws(engine, lc: LinearCells, mult: Multipliers, cluster: np.ndarray | None):
    """(biters x cells draws of att* - att, biters x cohorts weight sums / N)."""
    N = engine.N
    if cluster is None:
        # One weight per unit. Units are taken in cohort order, so that within a
        # block each cohort is a run of columns and its totals are one matrix
        # product on a view (no gather of the weights).
        order = np.argsort(lc.pos, kind="stable")
        codes = lc.pos[order]
        periods = engine.Y.shape[0]
        totals = np.zeros((mult.biters, lc.n_cohorts, periods + 1))
        for rows, w in mult.blocks():
            units = order[rows]
            values = np.ones((units.size, periods + 1))
            values[:, :periods] = _centred(engine, lc, units)
            block_codes = codes[rows]
            cuts = [0, *(np.flatnonzero(np.diff(block_codes)) + 1), units.size]
            for a, b in itertools.pairwise(cuts):
                totals[:, block_codes[a], :] += w[:, a:b] @ values[a:b]
        ysum, wsum = totals[:, :, :periods], totals[:, :, periods]
    else:
        cy, cn = cluster_totals(engine, lc, cluster)
        n_cl = cn.shape[0]
        flat = mult.project(np.concatenate([cy.reshape(n_cl, -1), cn], axis=1))
        ysum = flat[:, : cy[0].size].reshape(mult.biters, *cy.shape[1:])
        wsum = flat[:, cy[0].size :]
    return _combine(lc, ysum, wsum), wsum / N


def cluster_totals(engine, lc: LinearCells, cluster: np.ndarray):
    """(clusters x cohorts x periods totals of Yc, clusters x cohorts unit counts)."""
    n_cl = int(cluster.max()) + 1
    key = cluster * lc.n_cohorts + lc.pos
    size = n_cl * lc.n_cohorts
    counts = np.bincount(key, minlength=size).astype(np.float64)
    periods = engine.Y.shape[0]
    totals = np.empty((size, periods))
    for t in range(periods):
        yc = engine.Y[t] - lc.ybar[lc.pos, t]
        totals[:, t] = np.bincount(key, yc, size)
    return totals.reshape(n_cl, lc.n_cohorts, periods), counts.reshape(n_cl, lc.n_cohorts)


def covariance(engine, lc: LinearCells, cells: np.ndarray, cluster: np.ndarray | None):
    """Analytic covariance of the ATT(g,t) of ``cells`` (clustered when a cluster is given).

    Without a coarser cluster: sum_i IF_k(i) IF_l(i) / N^2, from each cohort's
    T x T matrix of centred cross-products (the cross terms vanish because Yc
    sums to zero within a cohort).
    """
    sub = LinearCells(
        lc.coef[cells], lc.shift[cells], lc.t_idx[cells], lc.b_idx[cells], lc.pos, lc.ybar,
        lc.n_cohorts,
    )  # fmt: skip
    if cluster is not None:
        cy, cn = cluster_totals(engine, lc, cluster)
        s = _combine(sub, cy, cn)  # clusters x cells: cluster sums of IF / N
        return s.T @ s
    periods = engine.Y.shape[0]
    u = np.zeros((len(cells), periods))
    u[np.arange(len(cells)), sub.t_idx] += 1.0
    u[np.arange(len(cells)), sub.b_idx] -= 1.0
    v = np.zeros((len(cells), len(cells)))
    counts = np.bincount(lc.pos, minlength=lc.n_cohorts).astype(np.float64)
    for p in range(lc.n_cohorts):
        c = sub.coef[:, p]
        if not c.any():
            continue
        yc = _centred(engine, lc, np.flatnonzero(lc.pos == p))
        m = yc.T @ yc  # periods x periods
        s = sub.shift[:, p]
        v += np.outer(c, c) * (u @ m @ u.T + counts[p] * np.outer(s, s))
    return v
