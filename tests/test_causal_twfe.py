"""Two-way fixed effects: ruralstudy's numpy engine against pyfixest (a dev dependency).

The hand-written engine exists for speed and memory at national scale
(_twfe.py says why); it must give pyfixest's estimate, CRV1 standard error,
t-based interval and p-value to 1e-6 relative on every test panel.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pyfixest as pf  # a dev dependency: missing, the comparison fails rather than skips
import pytest

import ruralstudy as rs

RTOL = 1e-6
COLS = ("y", "village_id", "year", "cohort")


def feols(formula: str, data: pd.DataFrame, cluster: str):
    """pyfixest's feols, quiet about its own pandas deprecations.

    pyfixest 0.60 calls ``reset_index(inplace=True)`` and ``drop(inplace=True)``,
    which pandas 3.1 flags with Pandas4Warning: harmless for the result, and
    not ours to fix, so only those messages are silenced here.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"The inplace keyword in (DataFrame|Series)\.\w+ is deprecated"
        )
        return pf.feols(formula, data=data, vcov={"CRV1": cluster})


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
    return rs.simulate.village_panel(600, years=range(2010, 2018), seed=7, n_counties=12)


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
