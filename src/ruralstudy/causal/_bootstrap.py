"""Multiplier bootstrap for group-time ATTs and their aggregations (R did's ``mboot``).

Each draw b multiplies the influence function of every estimate by one weight
per cluster (per unit without a coarser cluster), ``w_bc``, and sums:

    D_b = sum_c w_bc * S_c / N,      S_c = sum of the influence function over cluster c,

so D_b is a draw of theta* - theta. R did computes ``bres = sqrt(G) * mean_c(w_bc S_c)``
and reports ``IQR-sigma(bres) * sqrt(G) / N``; that is the same number as
IQR-sigma(D) here, and t-statistics D_b / se are unchanged by the scaling.

- Standard error: (q75 - q25) / (qnorm(.75) - qnorm(.25)) of the draws, with R's
  quantile type 1 (numpy "inverted_cdf").
- Uniform critical value: the (1 - alpha) type-1 quantile over draws of
  max_j |D_bj / se_j|, over the estimates that are not degenerate.

Weights are drawn block by block from a numpy Generator seeded with
(seed, block number), so the same seed gives the same weights for every
aggregation of one fit, and at most ``biters x block`` weights are ever held:
never an N x biters matrix. Hand-written because no maintained library offers a
clustered, blockwise multiplier bootstrap on precomputed influence functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

WEIGHTS = ("rademacher", "mammen")
# Weights held at once (biters x rows): 2**22 float64 = 32 MB; the skinny matrix
# products run twice as fast as on 2**20 blocks. Fixed, so that the draws depend
# on (seed, biters, number of clusters) only.
BLOCK_ELEMENTS = 2**22
_IQR_NORMAL = norm.ppf(0.75) - norm.ppf(0.25)
# Mammen's two-point weights: mean 0, variance 1, third moment 1.
_SQRT5 = np.sqrt(5.0)
MAMMEN_LOW = (1 - _SQRT5) / 2
MAMMEN_HIGH = (1 + _SQRT5) / 2
MAMMEN_P_LOW = (_SQRT5 + 1) / (2 * _SQRT5)


@dataclass(frozen=True)
class Settings:
    """How to bootstrap, fixed at fit time."""

    biters: int = 999
    seed: int | None = None
    weights: str = "rademacher"
    alpha: float = 0.05


def check_settings(biters: object, seed: object, weights: object, alpha: object) -> Settings:
    """Settings from user arguments, or a ValueError naming the bad one."""
    if isinstance(biters, bool) or not isinstance(biters, int | np.integer) or biters < 2:
        raise ValueError(f"biters must be a whole number >= 2, got {biters!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise ValueError(f"seed must be a whole number or None, got {seed!r}")
    if seed is not None and seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed!r}")
    if weights not in WEIGHTS:
        raise ValueError(f"bootstrap_weights must be one of {WEIGHTS}, got {weights!r}")
    if not isinstance(alpha, float | int) or not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    return Settings(int(biters), None if seed is None else int(seed), str(weights), float(alpha))


def draw_weights(rng: np.random.Generator, shape: tuple[int, int], kind: str) -> np.ndarray:
    """Multiplier weights with mean 0 and variance 1."""
    if kind == "rademacher":
        # one random bit per weight (8 per drawn byte): the draws are the bottleneck
        n = shape[0] * shape[1]
        bits = np.unpackbits(np.frombuffer(rng.bytes(-(-n // 8)), dtype=np.uint8), count=n)
        w = np.multiply(bits, 2.0)
        w -= 1.0
        return w.reshape(shape)
    if kind == "mammen":
        return np.where(rng.random(shape) < MAMMEN_P_LOW, MAMMEN_LOW, MAMMEN_HIGH)
    raise ValueError(f"bootstrap_weights must be one of {WEIGHTS}, got {kind!r}")


class Multipliers:
    """One weight per cluster and draw, regenerated block by block from a seed."""

    def __init__(self, n_clusters: int, settings: Settings) -> None:
        self.n = int(n_clusters)
        self.settings = settings
        self.biters = settings.biters
        # Without a seed, fix fresh entropy once so every use of this object
        # (every aggregation of one fit) sees the same weights.
        self.entropy = np.random.SeedSequence(settings.seed).entropy
        self.rows = max(1, BLOCK_ELEMENTS // self.biters)

    def blocks(self) -> Iterator[tuple[slice, np.ndarray]]:
        """(rows, biters x rows weights) for consecutive blocks of clusters."""
        for k, start in enumerate(range(0, self.n, self.rows)):
            stop = min(start + self.rows, self.n)
            seq = np.random.SeedSequence(self.entropy, spawn_key=(k,))
            rng = np.random.default_rng(seq)
            yield (
                slice(start, stop),
                draw_weights(rng, (self.biters, stop - start), self.settings.weights),
            )

    def project(self, values: np.ndarray) -> np.ndarray:
        """biters x m: sum over clusters of weight x values (values: clusters x m)."""
        out = np.zeros((self.biters, values.shape[1]))
        for rows, w in self.blocks():
            out += w @ values[rows]
        return out


def iqr_se(draws: np.ndarray) -> np.ndarray:
    """Bootstrap standard error of each column: IQR / IQR of the standard normal.

    NaN for a degenerate column (all draws zero or not finite), as R did.
    """
    draws = np.asarray(draws, dtype=np.float64)
    q75 = np.quantile(draws, 0.75, axis=0, method="inverted_cdf")
    q25 = np.quantile(draws, 0.25, axis=0, method="inverted_cdf")
    se = (q75 - q25) / _IQR_NORMAL
    bad = ~np.all(np.isfinite(draws), axis=0) | ~np.any(draws != 0, axis=0)
    bad |= ~np.isfinite(se) | (se <= 0)
    return np.where(bad, np.nan, se)


def uniform_crit(draws: np.ndarray, se: np.ndarray, alpha: float) -> float | None:
    """(1 - alpha) quantile of max_j |D_j / se_j| (R did cband); None if no column is usable."""
    usable = np.isfinite(se)
    if not usable.any():
        return None
    t = np.abs(draws[:, usable] / se[usable])
    top = t.max(axis=1)
    top = top[np.isfinite(top)]
    if top.size == 0:
        return None
    return float(np.quantile(top, 1 - alpha, method="inverted_cdf"))


# -- from influence functions given cell by cell (the general case) ---------------------

# Influence-function values held at once when cells must be regenerated from
# their influence functions (cells x units); 2**24 float64 = 128 MB.
CHUNK_ELEMENTS = 2**24


def _cluster_sums(inf: np.ndarray, cluster: np.ndarray | None, n_clusters: int) -> np.ndarray:
    """clusters x cells sums of a cells x units influence matrix (units x cells without)."""
    if cluster is None:
        return inf.T
    # bincount per cell, not np.add.at over the matrix: the same sums in the same order,
    # several times faster (np.add.at is unbuffered)
    return np.column_stack([np.bincount(cluster, row, n_clusters) for row in inf])


def _chunks(n_cells: int, n_units: int) -> list[np.ndarray]:
    size = max(1, CHUNK_ELEMENTS // max(n_units, 1))
    return [np.arange(a, min(a + size, n_cells)) for a in range(0, n_cells, size)]


def influence_draws(
    influence, n_cells: int, n_units: int, cluster: np.ndarray | None, mult: Multipliers,
    order: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """biters x cells draws from ``influence(cells) -> len(cells) x units``, a chunk of
    cells at a time (the weights are regenerated for each chunk, identically).

    ``order``: without a coarser cluster, the order in which units receive the
    weights (the per-cohort path gives them in cohort order).
    """
    out = np.empty((mult.biters, n_cells))
    n_clusters = mult.n
    for cells in _chunks(n_cells, n_units):
        values = _cluster_sums(influence(cells), cluster, n_clusters)
        if cluster is None and order is not None:
            values = values[order]
        out[:, cells] = mult.project(values) / n_units
    return out


def influence_covariance(
    influence, cells: np.ndarray, n_units: int, cluster: np.ndarray | None, n_clusters: int
) -> np.ndarray:
    """Analytic covariance of the estimates whose influence functions ``influence`` gives."""
    chunks = [cells[c] for c in _chunks(cells.size, n_units)]
    if cluster is not None:
        s = np.concatenate([_cluster_sums(influence(c), cluster, n_clusters) for c in chunks], 1)
        return s.T @ s / n_units**2
    # units x units products chunk by chunk, so no cells x units matrix is held whole
    v = np.zeros((cells.size, cells.size))
    starts = np.cumsum([0, *(c.size for c in chunks)])
    for i, a in enumerate(chunks):
        inf_a = influence(a)
        for j in range(i, len(chunks)):
            inf_b = inf_a if j == i else influence(chunks[j])
            block = inf_a @ inf_b.T / n_units**2
            v[starts[i] : starts[i + 1], starts[j] : starts[j + 1]] = block
            v[starts[j] : starts[j + 1], starts[i] : starts[i + 1]] = block.T
    return v
