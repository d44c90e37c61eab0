"""Two-way fixed effects: ruralstudy's numpy engine against pyfixest (a dev dependency).

The hand-written engine exists for speed and memory at national scale
(_twfe.py says why); it must give pyfixest's estimate, CRV1 standard error
(one- and two-way), t-based interval and p-value to 1e-8 relative on every
test panel, with the unit and period effects alone or with county x year
effects besides.

The reference is pyfixest with its demeaning converged (``fixef_tol=1e-10``).
Its default stops at 1e-6, which on the ragged panel below leaves its standard
errors 2e-8 relative from the converged ones (estimates agree to 1e-15);
ours are the converged values, so the default is held to 1e-7 and the
converged pyfixest to 1e-12 (test_pyfixest_default_differs_only_by_its_stopping_rule).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pyfixest as pf  # a dev dependency: missing, the comparison fails rather than skips
import pytest

import ruralstudy as rs

RTOL = 1e-8
REFERENCE = pf.MapDemeaner(fixef_tol=1e-10)  # pyfixest, converged (see the module docstring)
COLS = ("y", "village_id", "year", "cohort")


def feols(formula: str, data: pd.DataFrame, cluster: str, demeaner=REFERENCE):
    """pyfixest's feols, quiet about its own pandas deprecations.

    pyfixest 0.60 calls ``reset_index(inplace=True)`` and ``drop(inplace=True)``,
    which pandas 3.1 flags with Pandas4Warning: harmless for the result, and
    not ours to fix, so only those messages are silenced here.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"The inplace keyword in (DataFrame|Series)\.\w+ is deprecated"
        )
        return pf.feols(formula, data=data, vcov={"CRV1": cluster}, demeaner=demeaner)


def _assert_matches(result, fit, name: str = "treated") -> None:
    res = result.overall
    tidy = fit.tidy().loc[name]
    assert res["estimate"] == pytest.approx(tidy["Estimate"], rel=RTOL)
    assert res["std_error"] == pytest.approx(tidy["Std. Error"], rel=RTOL)
    assert res["conf_low"] == pytest.approx(tidy["2.5%"], rel=RTOL)
    assert res["conf_high"] == pytest.approx(tidy["97.5%"], rel=RTOL)
    # pyfixest rounds p-values below ~1e-16 to 0; ours keep the tail (t.sf)
    assert res["p_value"] == pytest.approx(tidy["Pr(>|t|)"], rel=1e-5, abs=1e-12)
    assert result.n_obs == fit._N


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    df = rs.simulate.village_panel(600, years=range(2010, 2018), seed=7, n_counties=12)
    # pyfixest clusters on columns only, so the county-year cells get one
    return df.assign(county_year=df["county_id"].astype(str) + "-" + df["year"].astype(str))


@pytest.fixture(scope="module")
def ragged(panel) -> pd.DataFrame:
    """Unbalanced, with singleton villages (seen once) that both engines must drop."""
    rng = np.random.default_rng(1)
    df = panel.drop(index=rng.choice(panel.index.to_numpy(), 1200, replace=False))
    once = df["village_id"].isin([3, 17, 40])
    first = df[once].groupby("village_id").head(1).index
    return df[~once | df.index.isin(first)]


@pytest.mark.parametrize("cluster", ["county_id", "village_id", None])
def test_balanced_panel_matches_pyfixest(panel, cluster):
    res = rs.causal.did(panel, *COLS, cluster, method="twfe")
    fit = feols("y ~ treated | village_id + year", panel, cluster or "village_id")
    _assert_matches(res, fit)
    assert res.n_clusters == panel[cluster or "village_id"].nunique()


def test_unbalanced_panel_with_singletons_matches_pyfixest(ragged):
    with pytest.warns(UserWarning, match=r"dropped 3 singleton observation\(s\)"):
        result = rs.causal.did(ragged, *COLS, "county_id", method="twfe")
    assert result.n_singletons == 3
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*singleton", category=UserWarning)
        fit = feols("y ~ treated | village_id + year", ragged, "county_id")
    assert result.n_obs == len(ragged) - 3
    _assert_matches(result, fit)


def test_event_study_reports_singletons(ragged, panel):
    with pytest.warns(UserWarning, match="dropped 3 singleton"):
        es = rs.causal.event_study(ragged, *COLS, "county_id", method="twfe")
    assert es.n_singletons == 3
    assert es.n_obs == len(ragged) - 3
    # none to drop: no warning (this suite turns warnings into errors), and a 0 recorded
    assert rs.causal.did(panel, *COLS, method="twfe").n_singletons == 0


def test_covariates_match_pyfixest(panel):
    rng = np.random.default_rng(4)
    df = panel.assign(rain=rng.normal(size=len(panel)))
    res = rs.causal.did(df, *COLS, "county_id", method="twfe", covariates=["rain"])
    fit = feols("y ~ treated + rain | village_id + year", df, "county_id")
    _assert_matches(res, fit)


def test_mpdta_twfe_matches_pyfixest():
    mpdta = rs.causal.load_mpdta()
    res = rs.causal.did(mpdta, "lemp", "countyreal", "year", "first.treat", method="twfe")
    df = mpdta.rename(columns={"first.treat": "first_treat"})
    df["treated"] = ((df["first_treat"] > 0) & (df["year"] >= df["first_treat"])).astype(int)
    fit = feols("lemp ~ treated | countyreal + year", df, "countyreal")
    _assert_matches(res, fit)


def test_event_study_matches_pyfixest_dynamic_regression(panel):
    es = rs.causal.event_study(panel, *COLS, "county_id", method="twfe").tidy()
    assert "ATT" not in es["term"].tolist()  # no overall effect from the dynamic TWFE
    df = panel.assign(rel=np.where(panel["cohort"] > 0, panel["year"] - panel["cohort"], -1))
    fit = feols("y ~ i(rel, ref=-1) | village_id + year", df, "county_id")
    tidy = fit.tidy()
    ref = es[es["event_time"] == -1].iloc[0]
    assert ref["estimate"] == 0 and np.isnan(ref["std_error"]) and ref["term"] == "e=-1"
    others = es[es["event_time"] != -1]
    names = [f"rel::{e}" for e in others["event_time"]]
    np.testing.assert_allclose(others["estimate"], tidy.loc[names, "Estimate"], rtol=RTOL)
    np.testing.assert_allclose(others["std_error"], tidy.loc[names, "Std. Error"], rtol=RTOL)


def test_treatment_without_within_variation_is_refused(panel):
    always = panel.assign(cohort=np.where(panel["cohort"] > 0, 2000, 0))
    with pytest.raises(ValueError, match="collinear"):
        rs.causal.did(always, *COLS, method="twfe")


def test_twfe_result_shape(panel):
    res = rs.causal.did(panel, *COLS, "county_id", method="twfe")
    assert res.tidy()["term"].tolist() == ["ATT"]
    assert (res.method, res.aggregation, res.cluster) == ("twfe", "none", "county_id")
    assert res.source_ids == ("ruralstudy-simulate",)
    assert res.control_group is None and res.pretest is None


def test_event_study_counts_late_and_infinite_cohorts_as_never_treated(panel):
    expected = rs.causal.event_study(panel, *COLS, "county_id", method="twfe")
    g = panel["cohort"].astype("float64")
    recoded = panel.assign(cohort=g.mask(panel["village_id"] % 2 == 0, g.replace(0, np.inf)))
    recoded["cohort"] = recoded["cohort"].mask(recoded["village_id"] % 3 == 0, g.replace(0, 2031))
    pd.testing.assert_frame_equal(
        rs.causal.event_study(recoded, *COLS, "county_id", method="twfe").tidy(), expected.tidy()
    )


# -- two-way clustering and county x year effects --------------------------------------

# (ruralstudy's cluster and fixed_effects, pyfixest's fixed effects and CRV1 clusters)
DESIGNS = [
    pytest.param(["village_id", "county_year"], None, "village_id + year",
                 "village_id+county_year", id="cluster village and county-year"),
    pytest.param("county_id", ["county_id^year"], "village_id + year + county_id^year",
                 "county_id", id="county x year effects"),
    pytest.param(["village_id", "county_year"], ["county_id^year"],
                 "village_id + year + county_id^year", "village_id+county_year", id="both"),
    # county x year nested in both clusters: the df count drops its levels
    pytest.param(("county_id", "year"), ["county_id^year"],
                 "village_id + year + county_id^year", "county_id+year", id="nested in both"),
]  # fmt: skip


def _quiet_feols(formula, data, cluster, **kwargs):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*singleton", category=UserWarning)
        return feols(formula, data, cluster, **kwargs)


def _twfe(fn, df, cluster, fixed_effects, **kwargs):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="two-way fixed effects: dropped")
        return fn(df, *COLS, cluster, method="twfe", fixed_effects=fixed_effects, **kwargs)


@pytest.mark.parametrize("data", ["panel", "ragged"])
@pytest.mark.parametrize(("cluster", "fixed_effects", "fe", "vcov"), DESIGNS)
def test_did_designs_match_pyfixest(request, data, cluster, fixed_effects, fe, vcov):
    df = request.getfixturevalue(data)
    res = _twfe(rs.causal.did, df, cluster, fixed_effects)
    fit = _quiet_feols(f"y ~ treated | {fe}", df, vcov)
    _assert_matches(res, fit)  # intervals equal: the t degrees of freedom too
    assert res.n_clusters == fit._df_t + 1
    assert res.fixed_effects == tuple(f.strip() for f in fe.split("+"))


@pytest.mark.parametrize("data", ["panel", "ragged"])
@pytest.mark.parametrize(("cluster", "fixed_effects", "fe", "vcov"), DESIGNS)
def test_event_study_designs_match_pyfixest(request, data, cluster, fixed_effects, fe, vcov):
    df = request.getfixturevalue(data)
    result = _twfe(rs.causal.event_study, df, cluster, fixed_effects)
    es = result.tidy()
    rel = df.assign(rel=np.where(df["cohort"] > 0, df["year"] - df["cohort"], -1))
    fit = _quiet_feols(f"y ~ i(rel, ref=-1) | {fe}", rel, vcov)
    tidy = fit.tidy()
    others = es[es["event_time"] != -1]
    names = [f"rel::{e}" for e in others["event_time"]]
    for ours, theirs in [
        ("estimate", "Estimate"),
        ("std_error", "Std. Error"),
        ("conf_low", "2.5%"),
        ("conf_high", "97.5%"),
    ]:
        np.testing.assert_allclose(others[ours], tidy.loc[names, theirs], rtol=RTOL)
    assert result.n_clusters == fit._df_t + 1


@pytest.mark.parametrize(("cluster", "fixed_effects", "fe", "vcov"), DESIGNS[2:3])
def test_pyfixest_default_differs_only_by_its_stopping_rule(
    ragged, cluster, fixed_effects, fe, vcov
):
    """pyfixest's default demeaning stops at fixef_tol=1e-6: its SEs sit within 1e-7 of
    ours, and converged fully it agrees with ours to rounding."""
    res = _twfe(rs.causal.did, ragged, cluster, fixed_effects).overall
    formula = f"y ~ treated | {fe}"
    default = _quiet_feols(formula, ragged, vcov, demeaner=None).tidy().loc["treated"]
    assert res["estimate"] == pytest.approx(default["Estimate"], rel=1e-12)
    assert res["std_error"] == pytest.approx(default["Std. Error"], rel=1e-7)
    exact = pf.MapDemeaner(fixef_tol=1e-13)
    converged = _quiet_feols(formula, ragged, vcov, demeaner=exact).tidy().loc["treated"]
    assert res["estimate"] == pytest.approx(converged["Estimate"], rel=1e-12)
    assert res["std_error"] == pytest.approx(converged["Std. Error"], rel=1e-12)


def test_interaction_terms_equal_their_columns(panel):
    by_column = rs.causal.did(panel, *COLS, ["village_id", "county_year"], method="twfe")
    by_term = rs.causal.did(panel, *COLS, ["village_id", "county_id^year"], method="twfe")
    pd.testing.assert_frame_equal(by_term.tidy(), by_column.tidy())
    assert by_term.n_clusters == by_column.n_clusters
    assert by_term.cluster == ("village_id", "county_id^year")
    assert by_column.cluster == ("village_id", "county_year")


def test_three_fixed_effects_absorb_an_unbalanced_panel(ragged):
    """The demeaned columns are orthogonal to every fixed effect (each group mean ~ 0)."""
    from ruralstudy.causal._demean import Absorber, codes

    fes = [codes(ragged[c].to_numpy()) for c in ("village_id", "year", "county_year")]
    v = ragged["y"].to_numpy(dtype=np.float64, copy=True)
    Absorber(fes).demean(v)
    scale = float(np.sqrt(np.mean(ragged["y"].to_numpy() ** 2)))
    for c in fes:
        means = np.bincount(c, weights=v) / np.bincount(c)
        assert np.abs(means).max() < 1e-10 * scale


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cluster": ["village_id", "county_id", "year"]}, "one or 2 variables"),
        ({"cluster": ["county_id", "county_id"]}, "same variable twice"),
        ({"fixed_effects": ["year"]}, "'year' is already absorbed"),
        ({"fixed_effects": ["county_id^year"], "method": "cs"}, "for method='twfe'"),
        ({"cluster": ["village_id", "county_id"], "method": "cs"}, "two-way clustering"),
    ],
)
def test_bad_designs_are_refused(panel, kwargs, message):
    kwargs = {"method": "twfe", **kwargs}
    with pytest.raises(ValueError, match=message):
        rs.causal.did(panel, *COLS, **kwargs)


def test_treatment_absorbed_by_an_extra_fixed_effect_is_refused(panel):
    """year x cohort cells fix the treatment dummy: after absorbing, 1e-13 of it is
    rounding, which an estimate must not be made of."""
    with pytest.raises(ValueError, match=r"collinear .*\['ATT'\]"):
        rs.causal.did(panel, *COLS, method="twfe", fixed_effects=["year^cohort"])
    doubled = panel.assign(c2=2.0 * panel["county_id"])  # constant within village
    with pytest.raises(ValueError, match=r"\['c2'\] keep less than"):
        rs.causal.did(doubled, *COLS, method="twfe", covariates=["c2"])


def test_missing_fixed_effect_column_is_named(panel):
    with pytest.raises(rs.errors.DataValidationError, match="provinc"):
        rs.causal.did(panel, *COLS, method="twfe", fixed_effects=["province^year"])


def test_negative_two_way_variance_gets_fixests_eigenvalue_floor():
    """Scores that cancel within every A and every B cluster but not within their
    intersections: M_A + M_B - M_AB < 0, where fixest floors the eigenvalues at 1e-10."""
    from ruralstudy.causal import _crv

    X = np.ones((4, 1))
    resid = np.array([1.0, -1.0, -1.0, 1.0])
    a, b = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    with pytest.warns(RuntimeWarning, match="floored at 1e-10 as R fixest does"):
        crv = _crv.crv1(X, resid, np.eye(1), [a, b], [], ())
    assert crv.repaired and crv.vcov[0, 0] == pytest.approx(1e-10)
    assert crv.n_clusters == (2, 2) and crv.df_t == 1


def test_one_sweep_only_where_it_is_exact(panel, ragged):
    """A balanced unit-period grid is absorbed in one sweep; anything else iterates."""
    from ruralstudy.causal._demean import Absorber, codes

    def absorber(df, cols):
        return Absorber([codes(df[c].to_numpy()) for c in cols], pairs_unique=True)

    grid = absorber(panel, ("village_id", "year"))
    assert grid.one_sweep
    assert not absorber(ragged, ("village_id", "year")).one_sweep
    assert not absorber(panel, ("village_id", "year", "county_year")).one_sweep
    v = panel["y"].to_numpy(dtype=np.float64, copy=True)
    grid.demean(v)
    for c in grid.codes:
        assert np.abs(np.bincount(c, weights=v)).max() < 1e-10 * len(v)


def test_sorted_grid_sweep_equals_the_general_sweep(panel):
    """Rows sorted by unit then period are swept by axis means; the same panel in
    another row order takes the bincount sweep, and both give one residual."""
    from ruralstudy.causal._demean import Absorber, codes

    def swept(df):
        fes = [codes(df[c].to_numpy()) for c in ("village_id", "year")]
        absorber = Absorber(fes, pairs_unique=True)
        v = df["y"].to_numpy(dtype=np.float64, copy=True)
        absorber.demean(v)
        return absorber, pd.Series(v, index=df.index)

    grid, by_axis = swept(panel)
    shuffled = panel.sample(frac=1.0, random_state=5)
    general, by_bincount = swept(shuffled)
    assert grid.grid_shape == (600, 8) and general.grid_shape is None and general.one_sweep
    np.testing.assert_allclose(by_axis, by_bincount.loc[panel.index], rtol=0, atol=1e-12)
    # time-major rows are a grid too, but not the one the axis sweep reads
    assert swept(panel.sort_values(["year", "village_id"]))[0].grid_shape is None
    a = rs.causal.event_study(panel, *COLS, method="twfe").tidy()
    b = rs.causal.event_study(shuffled, *COLS, method="twfe").tidy()
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-10, atol=1e-13)


def test_row_intersection_shortcut_equals_hashing_the_pairs(ragged):
    """Village and county-year clusters meet in single rows; the shortcut that skips
    hashing their pairs must give the covariance that hashing gives."""
    from ruralstudy.causal import _crv
    from ruralstudy.causal._demean import codes

    rng = np.random.default_rng(3)
    X, resid = rng.normal(size=(len(ragged), 2)), rng.normal(size=len(ragged))
    fes = [codes(ragged[c].to_numpy()) for c in ("village_id", "year")]
    clusters = [codes(ragged[c].to_numpy()) for c in ("village_id", "county_year")]
    levels = tuple(int(c.max()) + 1 for c in fes)
    args = (X, resid, np.eye(2), clusters, fes, levels)
    shortcut, hashed = _crv.crv1(*args, pairs_unique=True), _crv.crv1(*args)
    np.testing.assert_allclose(shortcut.vcov, hashed.vcov, rtol=1e-12)
    assert shortcut.df_t == hashed.df_t and shortcut.df_k == hashed.df_k
    sizes = tuple(int(c.max()) + 1 for c in clusters)
    assert _crv._pairs_are_rows(clusters, sizes, fes, levels)
    assert not _crv._pairs_are_rows([clusters[0], fes[0]], sizes[:1] + levels[:1], fes, levels)
