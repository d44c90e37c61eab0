"""Multiplier bootstrap and Wald pre-test of the Callaway-Sant'Anna estimator.

Checked at the ``panel._fit_cs`` / ``GroupTime`` level (the public functions'
return values are rewritten elsewhere):

- the pre-test equals R did's W on mpdta to 1e-8;
- the fast per-cohort formulas (``_cellsums``) give exactly the draws and the
  covariance that the full influence functions give with the same weights;
- the bootstrap is within Monte-Carlo error of the analytic standard errors, of
  csdid's bootstrap and of R did's published bootstrap on mpdta, and its uniform
  critical values fall in the range R did's published bands imply.

Monte-Carlo error of a bootstrap standard error. The reported se is
IQR(draws) / 1.349 (R did's estimator). For normal draws the sample IQR of B
draws has variance 0.25 / (B * phi(0.674)^2) * sigma^2 (asymptotic variance of
sample quantiles; quartiles correlated), so the se has relative sd
1.166 / sqrt(B): 1.65 % at B = 5000. Tolerances below are 4 such sds.
On mpdta the first cohort has 20 counties, so the draws of its terms are not
normal and the IQR-based se exceeds the analytic one by up to 9 % even at
200,000 draws (R did's own published bootstrap se shows the same, e.g. 0.0277
against 0.0264 for the 2004 cohort). Against the analytic se on mpdta the test
therefore uses the draws' root mean square, whose expectation is exactly the
analytic variance (E w = 0, E w^2 = 1), with its Monte-Carlo sd estimated from
the draws; the IQR-based se is held to the analytic one on a simulated panel
with large cohorts and many clusters, where the draws are close to normal.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy.causal import _bootstrap, _prepare, panel
from ruralstudy.causal._pretest import PretestUnavailable
from ruralstudy.causal.reference import load_mpdta, load_mpdta_reference

MC_REL_SD = 1.166  # relative sd of an IQR-based se is MC_REL_SD / sqrt(B) (module docstring)
KINDS = ("simple", "dynamic", "group", "calendar")
BIG_B = 5000


def _spec(cluster=None, covariates=None, data="mpdta"):
    if data == "mpdta":
        return _prepare.make_spec("lemp", "countyreal", "year", "first.treat", cluster, covariates)
    return _prepare.make_spec("y", "village_id", "year", "cohort", cluster, covariates)


def _fit(df, spec, control_group="nevertreated", base_period="varying", engine="numpy", **kw):
    return panel._fit_cs(df, spec, control_group, base_period, 0, "dr", engine, **kw)[0]


def _engine(gt):
    return gt._aggregate.__self__  # the _NumpyCS behind a numpy GroupTime


@pytest.fixture(scope="module")
def mpdta() -> pd.DataFrame:
    return load_mpdta()


@pytest.fixture(scope="module")
def boot_mpdta(mpdta):
    return _fit(mpdta, _spec(), inference="bootstrap", biters=BIG_B, seed=1)


@pytest.fixture(scope="module")
def small_panel() -> pd.DataFrame:
    return rs.simulate.village_panel(300, years=range(2012, 2018), seed=5, n_counties=30)


# -- pre-test -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "control_group", "est_method", "engine", "covariates"),
    [
        ("mpdta_nev_dr", "nevertreated", "dr", "numpy", None),
        ("mpdta_nyt_dr", "notyettreated", "dr", "numpy", None),
        ("mpdta_nev_ipw", "nevertreated", "ipw", "numpy", None),
        ("mpdta_nev_reg_cov", "nevertreated", "reg", "csdid", ["lpop"]),
    ],
)
def test_pretest_matches_r(mpdta, scenario, control_group, est_method, engine, covariates):
    ref = load_mpdta_reference("pretest").set_index("scenario").loc[scenario]
    spec = _spec(covariates=covariates)
    gt = panel._fit_cs(mpdta, spec, control_group, "varying", 0, est_method, engine)[0]
    assert gt.engine == engine
    pre = gt.pretest
    assert abs(pre.stat - ref["W"]) < 1e-8
    assert pre.df == 5  # 2 pre-periods of the 2006 cohort, 3 of the 2007 cohort
    assert abs(pre.p_value - ref["Wpval"]) <= 5e-6  # R rounds its p-value to 5 digits


def test_pretest_is_the_same_under_the_bootstrap(mpdta, boot_mpdta):
    assert boot_mpdta.pretest == _fit(mpdta, _spec()).pretest


def test_clustered_pretest_is_the_same_in_both_engines(mpdta):
    by_state = mpdta.assign(state=mpdta["countyreal"] // 1000)  # 29 clusters of counties
    spec = _spec("state")
    numpy_pre = _fit(by_state, spec).pretest
    csdid_pre = _fit(by_state, spec, engine="csdid").pretest
    assert abs(numpy_pre.stat - csdid_pre.stat) < 1e-8 and numpy_pre.df == csdid_pre.df == 5
    assert abs(numpy_pre.stat - _fit(mpdta, _spec()).pretest.stat) > 0.1  # clustering counts


def test_pretest_singular_with_few_clusters_is_none_and_says_why(small_panel):
    few = small_panel.assign(region=small_panel["county_id"] % 3)  # 3 clusters, 10 pre cells
    gt = _fit(few, _spec("region", data="sim"))
    assert gt.pretest is None
    assert "singular" in gt.pretest_note and "10 pre-treatment" in gt.pretest_note
    assert _fit(small_panel, _spec(data="sim")).pretest.df == 10  # cohorts 2014-2017: 1 + 2 + 3 + 4


def test_pretest_none_without_pre_periods(mpdta):
    first_only = mpdta[mpdta["first.treat"].isin([0, 2004])]
    assert _fit(first_only, _spec()).pretest is None  # and no warning (warnings are errors)


def test_pretest_leaves_out_reference_cells_of_a_universal_base(mpdta):
    import contextlib
    import io

    from csdid.att_gt import ATTgt

    pre = _fit(mpdta, _spec(), base_period="universal").pretest
    # 8 cells before treatment, 3 of them reference cells (att 0, no se)
    assert pre.df == 5
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        model = ATTgt(
            yname="lemp", tname="year", idname="countyreal", gname="first.treat", data=mpdta
        ).fit(est_method="dr", base_period="universal", bstrap=False)
    assert abs(pre.stat - model.MP["W"]) < 1e-8  # csdid's port of R did's pre-test


# -- the per-cohort formulas against the full influence functions ----------------------


def _cell_influence(engine) -> np.ndarray:
    k = len(engine.plan)
    return engine._influence({j: np.eye(k)[j] for j in range(k)}, k)  # cells x units


def _oracle_draws(engine, inf: np.ndarray, settings) -> np.ndarray:
    """Draws from influence functions (terms x units) with the engine's weights."""
    if engine.cluster is None:
        # one weight per unit, units taken in cohort order (as _cellsums does)
        pos = np.where(engine.cohort_pos >= 0, engine.cohort_pos, engine.glist.size)
        values = inf.T[np.argsort(pos, kind="stable")]
        n = engine.N
    else:
        values = np.zeros((engine.n_clusters, inf.shape[0]))
        np.add.at(values, engine.cluster, inf.T)
        n = engine.n_clusters
    return _bootstrap.Multipliers(n, settings).project(values) / engine.N


OPTIONS = [
    (cg, bp, cl)
    for cg in ("nevertreated", "notyettreated")
    for bp in ("varying", "universal")
    for cl in (None, "county_id")
]


@pytest.mark.parametrize(("control_group", "base_period", "cluster"), OPTIONS)
def test_fast_draws_and_covariance_equal_full_influence_functions(
    small_panel, control_group, base_period, cluster
):
    settings = _bootstrap.Settings(biters=64, seed=3)
    gt = _fit(
        small_panel, _spec(cluster, data="sim"), control_group, base_period,
        inference="bootstrap", biters=64, seed=3,
    )  # fmt: skip
    eng = _engine(gt)
    inf = _cell_influence(eng)
    np.testing.assert_allclose(eng._draws, _oracle_draws(eng, inf, settings), rtol=0, atol=1e-12)
    from ruralstudy.causal import _cellsums

    cells = np.arange(len(eng.plan))
    fast = _cellsums.covariance(eng, eng._linear(), cells, eng.cluster)
    if eng.cluster is None:
        full = inf @ inf.T / eng.N**2
    else:
        sums = np.zeros((eng.n_clusters, inf.shape[0]))
        np.add.at(sums, eng.cluster, inf.T)
        full = sums.T @ sums / eng.N**2
    np.testing.assert_allclose(fast, full, rtol=0, atol=1e-14)
    np.testing.assert_allclose(np.sqrt(np.diag(fast))[np.isfinite(eng._se)],
                               eng._se[np.isfinite(eng._se)], rtol=1e-10)  # fmt: skip


@pytest.mark.parametrize(("control_group", "base_period", "cluster"), OPTIONS[::3])
def test_general_path_from_influence_functions_gives_the_same_numbers(
    small_panel, control_group, base_period, cluster
):
    """Cells not of the per-cohort form are bootstrapped from their influence functions."""
    gt = _fit(
        small_panel, _spec(cluster, data="sim"), control_group, base_period,
        inference="bootstrap", biters=64, seed=6,
    )  # fmt: skip
    eng = _engine(gt)
    fast_draws, fast_wsums, fast_pre = eng._draws.copy(), eng._wsums.copy(), _pretest_of(eng)
    eng._linear_cells = None  # as for cells the per-cohort form does not reproduce
    se, crit = eng.bootstrap(_bootstrap.Settings(biters=64, seed=6))
    np.testing.assert_allclose(eng._draws, fast_draws, rtol=0, atol=1e-12)
    np.testing.assert_allclose(eng._wsums, fast_wsums, rtol=0, atol=1e-12)
    np.testing.assert_allclose(se, gt.cells["se"], rtol=1e-10)
    assert crit == pytest.approx(gt.crit, rel=1e-10)
    general_pre = _pretest_of(eng)
    if fast_pre is None:
        assert general_pre is None
    else:
        assert general_pre.df == fast_pre.df
        assert general_pre.stat == pytest.approx(fast_pre.stat, rel=1e-9)


def test_per_cohort_form_is_refused_when_it_does_not_reproduce_the_cells(small_panel):
    from ruralstudy.causal import _cellsums

    eng = _engine(_fit(small_panel, _spec(data="sim")))
    lc = _cellsums.linear_cells(eng)
    assert _cellsums.reproduces(eng, lc, None)
    eng._att = eng._att + np.where(np.arange(eng._att.size) == 3, 1e-4, 0.0)
    assert not _cellsums.reproduces(eng, lc, None)
    eng._att = eng._att - np.where(np.arange(eng._att.size) == 3, 1e-4, 0.0)
    eng._se = eng._se * 1.01
    assert not _cellsums.reproduces(eng, lc, None)


WINDOWS = [(kind, (-np.inf, np.inf, None)) for kind in KINDS] + [
    ("dynamic", (-2, 2, None)),
    ("dynamic", (-np.inf, np.inf, 1)),
    ("simple", (0, 1, None)),
]


@pytest.mark.parametrize("cluster", [None, "county_id"])
@pytest.mark.parametrize(("kind", "window"), WINDOWS)
def test_aggregation_draws_equal_their_influence_functions(small_panel, kind, window, cluster):
    settings = _bootstrap.Settings(biters=64, seed=4)
    gt = _fit(small_panel, _spec(cluster, data="sim"), inference="bootstrap", biters=64, seed=4)
    eng = _engine(gt)
    plan = eng._plan_aggregate(kind, *window)
    inf = eng._influence(plan.weights, plan.theta.size)
    for j, spec in enumerate(plan.wif):
        if spec is not None:
            inf[j] += eng._weights_if(*spec)
    overall = plan.combo @ inf
    if plan.extra is not None:
        overall += eng._weights_if(*plan.extra)
    draws, overall_draws = eng._aggregate_draws(plan)
    np.testing.assert_allclose(draws, _oracle_draws(eng, inf, settings), rtol=0, atol=1e-12)
    np.testing.assert_allclose(
        overall_draws, _oracle_draws(eng, overall[None], settings)[:, 0], rtol=0, atol=1e-12
    )


# -- against the analytic standard errors ----------------------------------------------


def _rms_within_mc_error(draws: np.ndarray, analytic: np.ndarray) -> None:
    """The draws' root mean square against the analytic se, within 4 Monte-Carlo sds.

    mean(D^2) estimates the analytic variance without bias; its sd is
    sd(D^2) / sqrt(B), so the root mean square has relative sd sd(D^2) / (2 mean(D^2) sqrt(B)).
    """
    sq = draws**2
    rms = np.sqrt(sq.mean(axis=0))
    rel_sd = sq.std(axis=0) / (2 * sq.mean(axis=0) * np.sqrt(draws.shape[0]))
    ok = np.isfinite(analytic)
    assert np.all(np.abs(rms[ok] / analytic[ok] - 1) <= 4 * rel_sd[ok])


@pytest.mark.parametrize("weights", ["rademacher", "mammen"])
def test_bootstrap_variance_equals_analytic_on_mpdta(mpdta, weights):
    gt = _fit(
        mpdta, _spec(), inference="bootstrap", biters=BIG_B, seed=2, bootstrap_weights=weights
    )
    analytic = _fit(mpdta, _spec())
    eng = _engine(gt)
    _rms_within_mc_error(eng._draws, analytic.cells["se"].to_numpy())
    for kind in KINDS:
        draws, overall = eng._aggregate_draws(eng._plan_aggregate(kind, -np.inf, np.inf, None))
        ref = analytic.aggregate(kind)
        _rms_within_mc_error(overall[:, None], np.array([ref.overall_se]))
        if kind != "simple":
            _rms_within_mc_error(draws, ref.se)


@pytest.fixture(scope="module")
def big_panel() -> pd.DataFrame:
    """Large cohorts (~600 villages each) and 150 counties: close-to-normal draws."""
    return rs.simulate.village_panel(6000, years=range(2012, 2019), seed=21, n_counties=150)


@pytest.mark.parametrize("cluster", [None, "county_id"])
def test_bootstrap_se_within_mc_error_of_analytic(big_panel, cluster):
    spec = _spec(cluster, data="sim")
    boot = _fit(big_panel, spec, inference="bootstrap", biters=BIG_B, seed=8)
    analytic = _fit(big_panel, spec)
    tol = 4 * MC_REL_SD / np.sqrt(BIG_B)
    ok = analytic.cells["se"].notna()
    ratio = boot.cells["se"][ok] / analytic.cells["se"][ok]
    assert np.all(np.abs(ratio - 1) <= tol)
    for kind in KINDS:
        b, a = boot.aggregate(kind), analytic.aggregate(kind)
        assert abs(b.overall_se / a.overall_se - 1) <= tol
        assert np.all(np.abs(b.se / a.se - 1) <= tol)
    if cluster is not None:  # clustering is in effect: county shocks widen the se
        unit_level = _fit(big_panel, _spec(data="sim")).aggregate("simple").overall_se
        assert analytic.aggregate("simple").overall_se > 1.1 * unit_level


# -- against csdid's bootstrap and R did's published one ---------------------------------


def _csdid_bootstrap(mpdta, biters: int, seed: int):
    """csdid's own bootstrap (bstrap=True, cband=True) on mpdta: cells and aggregations."""
    import contextlib
    import io

    from csdid.att_gt import ATTgt

    saved = np.random.get_state()
    np.random.seed(seed)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            model = ATTgt(
                yname="lemp", tname="year", idname="countyreal", gname="first.treat",
                data=mpdta, biters=biters, cband=True,
            ).fit(est_method="dr", bstrap=True)  # fmt: skip
            out = {"cells": (np.asarray(model.results["se"], float), float(model.results["c"]))}
            for kind in KINDS:
                model.aggte(typec=kind, bstrap=True, biters=biters, cband=True)
                a = model.atte
                se = np.asarray(a["se_egt"], float).reshape(-1) if kind != "simple" else None
                out[kind] = (float(np.asarray(a["overall_se"]).reshape(-1)[0]), se,
                             None if kind == "simple" else float(a["crit_val_egt"]))  # fmt: skip
    finally:
        np.random.set_state(saved)
    return out


@pytest.fixture(scope="module")
def csdid_boot(mpdta):
    return _csdid_bootstrap(mpdta, BIG_B, seed=11)


def test_bootstrap_se_within_mc_error_of_csdid(boot_mpdta, csdid_boot):
    # two independent IQR-based estimates of the same se: difference sd sqrt(2) x 1.65 %
    tol = 4 * np.sqrt(2) * MC_REL_SD / np.sqrt(BIG_B)
    ours = boot_mpdta.cells["se"].to_numpy()
    assert np.all(np.abs(ours / csdid_boot["cells"][0] - 1) <= tol)
    for kind in KINDS:
        agg = boot_mpdta.aggregate(kind)
        overall, se, _ = csdid_boot[kind]
        assert abs(agg.overall_se / overall - 1) <= tol
        if se is not None:
            assert np.all(np.abs(agg.se / se - 1) <= tol)


# R did's README (github.com/bcallaway11/did, README.md at commit 0c4287f, did 2.5.0
# devel, seen 2026-12-01): att_gt(lemp ~ 1, mpdta, est_method = "reg") with the
# default bstrap = TRUE, cband = TRUE, biters = 1000. Rows as printed:
# estimate, Std. Error, [95% Simult. Conf. Band].
R_README = {
    "cells": """
  2004 2004  -0.0105     0.0241       -0.0749      0.0539
  2004 2005  -0.0704     0.0313       -0.1540      0.0131
  2004 2006  -0.1373     0.0380       -0.2389     -0.0357 *
  2004 2007  -0.1008     0.0337       -0.1909     -0.0107 *
  2006 2004   0.0065     0.0223       -0.0531      0.0662
  2006 2005  -0.0028     0.0196       -0.0552      0.0497
  2006 2006  -0.0046     0.0188       -0.0549      0.0457
  2006 2007  -0.0412     0.0202       -0.0952      0.0128
  2007 2004   0.0305     0.0154       -0.0107      0.0717
  2007 2005  -0.0027     0.0168       -0.0478      0.0423
  2007 2006  -0.0311     0.0190       -0.0818      0.0196
  2007 2007  -0.0261     0.0182       -0.0746      0.0225""",
    "dynamic": """
         -3   0.0305     0.0153       -0.0082      0.0692
         -2  -0.0006     0.0136       -0.0350      0.0339
         -1  -0.0245     0.0138       -0.0594      0.0105
          0  -0.0199     0.0115       -0.0490      0.0091
          1  -0.0510     0.0174       -0.0952     -0.0068 *
          2  -0.1373     0.0356       -0.2275     -0.0470 *
          3  -0.1008     0.0354       -0.1906     -0.0110 *""",
    "group": """
  2004  -0.0797     0.0277       -0.1420     -0.0175 *
  2006  -0.0229     0.0172       -0.0617      0.0159
  2007  -0.0261     0.0177       -0.0659      0.0138""",
}
R_BITERS = 1000
HALF_DIGIT = 0.00005  # the README prints 4 decimals


def _r_rows(kind: str) -> np.ndarray:
    """se, lower, upper of each printed row (the last four numbers, '*' dropped)."""
    rows = [line.replace("*", "").split() for line in R_README[kind].strip().splitlines()]
    return np.array([[float(x) for x in r[-3:]] for r in rows])


def _r_crit_range(kind: str) -> tuple[float, float]:
    """The uniform critical values consistent with every printed (rounded) row."""
    se, lo, hi = _r_rows(kind).T
    half = (hi - lo) / 2
    return float(np.max((half - HALF_DIGIT) / (se + HALF_DIGIT))), float(
        np.min((half + HALF_DIGIT) / (se - HALF_DIGIT))
    )


def test_r_readme_rows_are_consistent():
    for kind in R_README:
        low, high = _r_crit_range(kind)
        assert low < high  # one critical value explains every printed band
    assert _r_crit_range("dynamic") == pytest.approx((2.5317, 2.5401), abs=1e-4)


def test_bootstrap_se_within_mc_error_of_r_published(boot_mpdta):
    # R's draws: B = 1000, ours B = 5000; plus the printed rounding
    mc = MC_REL_SD * np.sqrt(1 / R_BITERS + 1 / BIG_B)
    ours = {
        "cells": boot_mpdta.cells["se"].to_numpy(),
        "dynamic": boot_mpdta.aggregate("dynamic").se,
        "group": boot_mpdta.aggregate("group").se,
    }
    for kind, se in ours.items():
        r_se = _r_rows(kind)[:, 0]
        assert np.all(np.abs(se - r_se) <= 4 * mc * r_se + HALF_DIGIT), kind


@pytest.fixture(scope="module")
def crit_by_seed(mpdta):
    """Uniform critical values at R's B = 1000 over 20 seeds: their spread is R's MC error."""
    out = {"cells": [], "dynamic": [], "group": []}
    for seed in range(20):
        gt = _fit(mpdta, _spec(), inference="bootstrap", biters=R_BITERS, seed=100 + seed)
        out["cells"].append(gt.crit)
        out["dynamic"].append(gt.aggregate("dynamic").crit)
        out["group"].append(gt.aggregate("group").crit)
    return {k: np.array(v) for k, v in out.items()}


@pytest.mark.parametrize("kind", ["cells", "dynamic", "group"])
def test_uniform_crit_within_r_published_range(boot_mpdta, crit_by_seed, kind):
    low, high = _r_crit_range(kind)
    ours = boot_mpdta.crit if kind == "cells" else boot_mpdta.aggregate(kind).crit
    sd_r = crit_by_seed[kind].std(ddof=1)  # MC sd of one B = 1000 run, as R's
    sd_ours = sd_r * np.sqrt(R_BITERS / BIG_B)
    gap = max(low - ours, ours - high, 0.0)
    assert gap <= 4 * np.hypot(sd_r, sd_ours)
    mean_gap = max(low - crit_by_seed[kind].mean(), crit_by_seed[kind].mean() - high, 0.0)
    assert mean_gap <= 4 * np.hypot(sd_r, sd_r / np.sqrt(20))
    assert 1.96 < ours < 3.5


def test_uniform_crit_agrees_with_csdid(boot_mpdta, csdid_boot, crit_by_seed):
    # csdid's crit at B = 5000 against ours at B = 5000: difference sd sqrt(2/5) x sd at B = 1000
    for kind in ("cells", "dynamic", "group"):
        ours = boot_mpdta.crit if kind == "cells" else boot_mpdta.aggregate(kind).crit
        theirs = csdid_boot["cells"][1] if kind == "cells" else csdid_boot[kind][2]
        sd = crit_by_seed[kind].std(ddof=1) * np.sqrt(2 * R_BITERS / BIG_B)
        assert abs(ours - theirs) <= 4 * sd, kind


# -- seeds, weights, fields -------------------------------------------------------------


def _numbers(gt) -> list[float]:
    out = [*gt.cells["se"], gt.crit]
    for kind in KINDS:
        a = gt.aggregate(kind)
        out += [a.overall_se, *a.se, a.crit or 0.0]
    return out


def test_same_seed_same_numbers_different_seed_different(mpdta):
    a = _fit(mpdta, _spec(), inference="bootstrap", biters=200, seed=9)
    b = _fit(mpdta, _spec(), inference="bootstrap", biters=200, seed=9)
    c = _fit(mpdta, _spec(), inference="bootstrap", biters=200, seed=10)
    assert _numbers(a) == _numbers(b)
    assert all(x != y for x, y in zip(a.cells["se"], c.cells["se"], strict=True))
    # without a seed: a fresh draw per fit, but one fixed set of weights within it
    d = _fit(mpdta, _spec(), inference="bootstrap", biters=200)
    assert d.aggregate("dynamic").se.tolist() == d.aggregate("dynamic").se.tolist()
    assert _numbers(d) != _numbers(_fit(mpdta, _spec(), inference="bootstrap", biters=200))


def test_weights_have_mean_zero_and_variance_one():
    p = _bootstrap.MAMMEN_P_LOW
    lo, hi = _bootstrap.MAMMEN_LOW, _bootstrap.MAMMEN_HIGH
    assert p * lo + (1 - p) * hi == pytest.approx(0, abs=1e-15)
    assert p * lo**2 + (1 - p) * hi**2 == pytest.approx(1, abs=1e-15)
    assert p * lo**3 + (1 - p) * hi**3 == pytest.approx(1, abs=1e-15)
    rng = np.random.default_rng(0)
    n = 1_000_000
    for kind, fourth in [("rademacher", 1.0), ("mammen", 2.0)]:
        w = _bootstrap.draw_weights(rng, (1000, n // 1000), kind).ravel()
        var_sd = np.sqrt((fourth - 1) / n)  # sd of the sample mean of w^2
        assert abs(w.mean()) < 4 / np.sqrt(n)
        assert abs((w**2).mean() - 1) < 4 * var_sd + 1e-12
    assert set(np.unique(_bootstrap.draw_weights(rng, (10, 10), "rademacher"))) == {-1.0, 1.0}


def test_inference_fields(mpdta, boot_mpdta):
    analytic = _fit(mpdta, _spec())
    assert analytic.inference == "analytic" and analytic.crit is None
    assert analytic.aggregate("dynamic").inference == "analytic"
    assert analytic.aggregate("dynamic").crit is None
    assert boot_mpdta.inference == "bootstrap"
    assert boot_mpdta.aggregate("dynamic").inference == "bootstrap"
    assert boot_mpdta.aggregate("simple").crit is None
    np.testing.assert_array_equal(boot_mpdta.cells["att"], analytic.cells["att"])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"inference": "jackknife"}, "inference"),
        ({"inference": "bootstrap", "biters": 1}, "biters"),
        ({"inference": "bootstrap", "biters": 99.5}, "biters"),
        ({"inference": "bootstrap", "seed": "x"}, "seed"),
        ({"inference": "bootstrap", "bootstrap_weights": "normal"}, "bootstrap_weights"),
        ({"inference": "bootstrap", "alpha": 1.5}, "alpha"),
    ],
)
def test_bad_settings_are_refused(mpdta, kwargs, match):
    with pytest.raises(ValueError, match=match):
        _fit(mpdta, _spec(), **kwargs)


# -- csdid engine (covariates) ---------------------------------------------------------


def test_csdid_engine_bootstrap_with_covariates(mpdta):
    spec = _spec(covariates=["lpop"])
    state = np.random.get_state()[1].copy()
    biters = 2000  # csdid with a covariate is the slow part of this file
    a = _fit(mpdta, spec, engine="csdid", inference="bootstrap", biters=biters, seed=5)
    b = _fit(mpdta, spec, engine="csdid", inference="bootstrap", biters=biters, seed=5)
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # caller's state untouched
    assert a.engine == "csdid" and a.inference == "bootstrap"
    assert _numbers(a) == _numbers(b)
    analytic = _fit(mpdta, spec, engine="csdid")
    # 4 MC sds, plus up to the 9 % excess of the IQR-based se on mpdta's small cohort
    ratio = a.cells["se"] / analytic.cells["se"]
    mc = 4 * MC_REL_SD / np.sqrt(biters)
    assert np.all((ratio > 1 - mc) & (ratio < 1.09 + mc))
    assert 1.96 < a.crit < 3.5 and 1.96 < a.aggregate("dynamic").crit < 3.5
    assert a.pretest.df == 5


def test_csdid_engine_refuses_mammen(mpdta):
    with pytest.raises(ValueError, match=r"mammen.*numpy"):
        _fit(mpdta, _spec(), engine="csdid", inference="bootstrap", bootstrap_weights="mammen")


def _pretest_of(eng):
    """The engine's pre-test, or None where it cannot be computed (singular covariance)."""
    try:
        return eng.pretest()
    except PretestUnavailable:
        return None
