"""Covariates and unbalanced panels in the numpy Callaway-Sant'Anna engine, against csdid.

The numpy engine's doubly robust, outcome regression and IPW cells (_drdid) and
its repeated-cross-section cells for unbalanced panels (_unbalanced) must give
csdid's estimates and standard errors to 1e-8, in every ATT(g, t) and every
aggregation. The tests compare the engines through panel._fit_cs, the
interface both share, so they do not depend on how results are presented.
R did's own values for mpdta with ``~ lpop`` are checked in test_causal_mpdta.py.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import ruralstudy as rs
from ruralstudy.causal import _drdid, _prepare, _staggered, _unbalanced
from ruralstudy.causal.panel import _fit_cs

TOL = 1e-8
MPDTA = ("lemp", "countyreal", "year", "first.treat")
SIM = ("y", "village_id", "year", "cohort")
KINDS = ("simple", "dynamic", "group", "calendar")


def _fit(df, cols, cluster=None, covariates=None, engine="numpy", *, est_method="dr", **kw):
    spec = _prepare.make_spec(*cols, cluster, covariates)
    control_group = kw.pop("control_group", "nevertreated")
    base_period = kw.pop("base_period", "varying")
    gt, _ = _fit_cs(df, spec, control_group, base_period, 0, est_method, engine, **kw)
    return gt


def _assert_same(a, b) -> None:
    """Two GroupTime fits agree in every cell and every aggregation."""
    assert a.engine == "numpy" and b.engine == "csdid"
    assert a.n_units == b.n_units
    pd.testing.assert_frame_equal(a.cells[["group", "time"]], b.cells[["group", "time"]])
    assert a.cells["se"].isna().tolist() == b.cells["se"].isna().tolist()
    np.testing.assert_allclose(a.cells["att"], b.cells["att"], rtol=0, atol=TOL)
    np.testing.assert_allclose(a.cells["se"], b.cells["se"], rtol=0, atol=TOL)
    for kind in KINDS:
        x, y = a.aggregate(kind), b.aggregate(kind)
        assert x.overall_att == pytest.approx(y.overall_att, abs=TOL), kind
        assert x.overall_se == pytest.approx(y.overall_se, abs=TOL), kind
        np.testing.assert_array_equal(x.levels, y.levels)
        np.testing.assert_allclose(x.att, y.att, rtol=0, atol=TOL)
        np.testing.assert_allclose(x.se, y.se, rtol=0, atol=TOL)


def _both(*args, **kwargs):
    return _fit(*args, engine="numpy", **kwargs), _fit(*args, engine="csdid", **kwargs)


@pytest.fixture(scope="module")
def mpdta() -> pd.DataFrame:
    return rs.causal.load_mpdta()


@pytest.fixture(scope="module")
def mpdta_holes(mpdta) -> pd.DataFrame:
    """mpdta with 8 % of its rows dropped at random: an unbalanced panel."""
    rng = np.random.default_rng(1)
    return mpdta.drop(index=rng.choice(mpdta.index, int(0.08 * len(mpdta)), replace=False))


@pytest.fixture(scope="module")
def simulated() -> pd.DataFrame:
    return rs.simulate.village_panel(
        500, years=range(2012, 2018), seed=4, n_counties=10, n_covariates=2
    )


# -- covariates on balanced panels ----------------------------------------------------


@pytest.mark.parametrize(
    ("est_method", "control_group"),
    list(itertools.product(["dr", "reg", "ipw"], ["nevertreated", "notyettreated"])),
)
def test_mpdta_with_lpop_matches_csdid(mpdta, est_method, control_group):
    a, b = _both(mpdta, MPDTA, None, ["lpop"], est_method=est_method, control_group=control_group)
    _assert_same(a, b)


@pytest.mark.parametrize(
    ("est_method", "control_group", "base_period"),
    [
        ("dr", "nevertreated", "varying"),
        ("dr", "notyettreated", "universal"),
        ("ipw", "notyettreated", "varying"),
        ("reg", "nevertreated", "universal"),
    ],
)
def test_simulated_covariates_match_csdid(simulated, est_method, control_group, base_period):
    a, b = _both(
        simulated,
        SIM,
        "county_id",
        ["x1", "x2"],
        est_method=est_method,
        control_group=control_group,
        base_period=base_period,
    )
    _assert_same(a, b)


def test_auto_engine_picks_numpy_for_covariates(simulated):
    assert _fit(simulated, SIM, covariates=["x1"], engine="auto").engine == "numpy"


@pytest.mark.parametrize("allow_unbalanced", [False, True])
def test_clustered_aggregations_without_the_kept_cluster_sums(
    simulated, monkeypatch, allow_unbalanced
):
    """Cells' cluster sums are kept only while small (_staggered._BLOCK values); past that
    the aggregations regenerate the cells' influence functions, a row at a time here."""
    panel = simulated if not allow_unbalanced else simulated.sample(frac=0.95, random_state=2)
    args = (panel, SIM, "county_id", ["x1", "x2"])
    kept = _fit(*args, allow_unbalanced=allow_unbalanced)
    monkeypatch.setattr(_staggered, "_BLOCK", 1)
    regenerated = _fit(*args, allow_unbalanced=allow_unbalanced)
    assert kept._aggregate.__self__._cell_sums is not None
    assert regenerated._aggregate.__self__._cell_sums is None
    for kind in KINDS:
        x, y = kept.aggregate(kind), regenerated.aggregate(kind)
        assert x.overall_se == pytest.approx(y.overall_se, rel=1e-10), kind
        np.testing.assert_allclose(x.se, y.se, rtol=1e-10)


def test_covariates_remove_the_bias_of_covariate_specific_trends():
    """In the simulator the covariates drive trends and adoption: plain DiD is biased."""
    panel = rs.simulate.village_panel(4_000, seed=21, n_counties=80, n_covariates=2)
    truth = panel.attrs["true_att"]
    plain = _fit(panel, SIM, "county_id").aggregate("simple")
    assert abs(plain.overall_att - truth) > 5 * plain.overall_se
    for est_method in ("dr", "reg", "ipw"):
        adjusted = _fit(panel, SIM, "county_id", ["x1", "x2"], est_method=est_method)
        agg = adjusted.aggregate("simple")
        assert abs(agg.overall_att - truth) < 2.5 * agg.overall_se, est_method


def test_logit_matches_statsmodels():
    rng = np.random.default_rng(0)
    X = _drdid.design(rng.normal(size=(2_000, 3)))
    D = (rng.random(2_000) < 1 / (1 + np.exp(-(X @ [0.2, 1.0, -0.5, 0.3])))).astype(float)
    ours = _drdid.logit(X, D)
    theirs = sm.GLM(D, X, family=sm.families.Binomial()).fit().params
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-9)


def _two_point_panel(n_high: int, controls_high: int) -> pd.DataFrame:
    """One cohort (2003) and never-treated units in 2001-2003; a covariate x in {0, 1}.

    With x two-valued the logit is saturated: the score of x = 1 is exactly the
    treated share there, (n_high - controls_high) / n_high.
    """
    rng = np.random.default_rng(5)
    x = np.r_[np.zeros(500), np.ones(n_high)]
    treated = np.r_[np.arange(500) < 100, np.arange(n_high) >= controls_high]
    n = x.size
    years = np.array([2001, 2002, 2003])
    level = rng.normal(size=n)
    rows = []
    for k, year in enumerate(years):
        y = level + 0.3 * x * k + rng.normal(0, 0.2, n) + 0.5 * (treated & (year >= 2003))
        rows.append(pd.DataFrame({"id": np.arange(n), "t": year, "y": y, "x": x}))
    df = pd.concat(rows, ignore_index=True)
    df["g"] = np.tile(np.where(treated, 2003, 0), years.size)
    return df.sort_values(["id", "t"], ignore_index=True)


def test_controls_with_scores_above_the_trim_level_are_trimmed_as_csdid_does():
    df = _two_point_panel(n_high=1_000, controls_high=3)  # score 0.997 at x = 1
    cols = ("y", "id", "t", "g")
    X = _drdid.design(df.loc[df["t"] == 2001, ["x"]].to_numpy())
    D = (df.loc[df["t"] == 2001, "g"].to_numpy() > 0).astype(float)
    ps, keep = _drdid.pscore(X, D, _drdid.logit(X, D))
    assert 0.995 <= ps.max() < 0.999
    assert (~keep).sum() == 3  # the three controls at x = 1 are trimmed
    for est_method in ("dr", "ipw"):
        a, b = _both(df, cols, None, ["x"], est_method=est_method)
        _assert_same(a, b)


def test_overlap_violation_hands_the_panel_to_csdid():
    df = _two_point_panel(n_high=2_000, controls_high=1)  # score 0.9995 at x = 1
    cols = ("y", "id", "t", "g")
    with pytest.raises(ValueError, match=r"does not cover.*overlap"):
        _fit(df, cols, None, ["x"])
    with pytest.warns(UserWarning) as record:
        gt = _fit(df, cols, None, ["x"], engine="auto")
    assert any("overlap condition violated" in str(w.message) for w in record)
    assert gt.engine == "csdid" and gt.cells["att"].isna().all()
    # outcome regression fits no score: numpy covers it
    a, b = _both(df, cols, None, ["x"], est_method="reg")
    _assert_same(a, b)


# -- unbalanced panels ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("est_method", "control_group", "covariates"),
    [
        ("dr", "nevertreated", None),
        ("dr", "notyettreated", ["lpop"]),
        ("reg", "nevertreated", ["lpop"]),
        ("reg", "notyettreated", None),
        ("ipw", "nevertreated", ["lpop"]),
        ("ipw", "notyettreated", None),
    ],
)
def test_unbalanced_mpdta_matches_csdid(mpdta_holes, est_method, control_group, covariates):
    a, b = _both(
        mpdta_holes,
        MPDTA,
        None,
        covariates,
        est_method=est_method,
        control_group=control_group,
        allow_unbalanced=True,
    )
    _assert_same(a, b)
    assert a.n_units == 500 and a.n_units_dropped == 0


@pytest.mark.parametrize(
    ("est_method", "base_period", "covariates"),
    [("dr", "varying", ["x1", "x2"]), ("dr", "universal", None), ("reg", "varying", ["x1"])],
)
def test_unbalanced_simulated_panel_matches_csdid(simulated, est_method, base_period, covariates):
    rng = np.random.default_rng(8)
    holes = simulated.drop(index=rng.choice(simulated.index, len(simulated) // 20, replace=False))
    a, b = _both(
        holes,
        SIM,
        "county_id",
        covariates,
        est_method=est_method,
        base_period=base_period,
        allow_unbalanced=True,
    )
    _assert_same(a, b)


def test_balancing_counts_the_units_it_drops(mpdta_holes):
    incomplete = int((mpdta_holes.groupby("countyreal").size() < 5).sum())
    assert incomplete > 0
    with pytest.warns(UserWarning, match=f"dropped {incomplete} unit\\(s\\) not observed in all"):
        balanced = _fit(mpdta_holes, MPDTA)
    assert balanced.n_units_dropped == incomplete
    assert balanced.n_units == 500 - incomplete
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is dropped, so nothing is announced
        kept = _fit(mpdta_holes, MPDTA, allow_unbalanced=True)
    assert kept.n_units_dropped == 0 and kept.n_units == 500


def test_allow_unbalanced_on_a_balanced_panel_is_the_panel_estimator(mpdta):
    a = _fit(mpdta, MPDTA, covariates=["lpop"], allow_unbalanced=True)
    b = _fit(mpdta, MPDTA, covariates=["lpop"])
    pd.testing.assert_frame_equal(a.cells, b.cells)


@pytest.mark.parametrize("est_method", ["dr", "reg", "ipw"])
def test_without_covariates_the_rc_estimators_are_a_did_of_four_means(est_method):
    """_unbalanced.means_rc (used without covariates) is drdid_rc & co. with an intercept."""
    rng = np.random.default_rng(2)
    n = 3_000
    D = (rng.random(n) < 0.3).astype(float)
    post = (rng.random(n) < 0.5).astype(float)
    y = rng.normal(size=n) + D + 0.5 * post + 0.2 * D * post
    att, inf = _unbalanced.means_rc(est_method, y, post, D)
    att_rc, inf_rc, _ = _unbalanced.RC[est_method](y, post, D, np.ones((n, 1)))
    assert att == pytest.approx(att_rc, abs=1e-12)
    np.testing.assert_allclose(inf, inf_rc, rtol=0, atol=1e-10)


@pytest.mark.parametrize("allow_unbalanced", [False, True])
def test_time_varying_covariates_are_read_as_csdid_reads_them(simulated, allow_unbalanced):
    """Balanced: the earlier period's values of each comparison; unbalanced: each row's own."""
    rng = np.random.default_rng(9)
    df = simulated.assign(x1=simulated["x1"] + rng.normal(0, 0.3, len(simulated)))
    if allow_unbalanced:
        df = df.drop(index=rng.choice(df.index, len(df) // 20, replace=False))
    a, b = _both(df, SIM, None, ["x1"], allow_unbalanced=allow_unbalanced)
    _assert_same(a, b)


def test_unbalanced_cells_trim_as_csdid_does():
    df = _two_point_panel(n_high=1_000, controls_high=3)  # score 0.997 at x = 1
    rng = np.random.default_rng(6)
    holes = df.drop(index=rng.choice(df.index, len(df) // 20, replace=False))
    cols = ("y", "id", "t", "g")
    for est_method in ("dr", "ipw"):
        a, b = _both(holes, cols, None, ["x"], est_method=est_method, allow_unbalanced=True)
        _assert_same(a, b)


def test_outcome_regression_covers_a_cohort_that_swamps_its_controls():
    """>= 99.5 % treated: dr and ipw trim every control (csdid: missing), reg does not."""
    df = rs.simulate.village_panel(
        1_000, years=range(2010, 2014), seed=5, cohorts=[2012], never_treated_share=0.005
    )
    with pytest.raises(ValueError, match="does not cover"):
        _fit(df, SIM)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the small never-treated group
        a, b = _both(df, SIM, est_method="reg", control_group="notyettreated")
    _assert_same(a, b)
