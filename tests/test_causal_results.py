"""Result objects: what tidy() and summary() say, the bootstrap's bands, and the keywords."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy.causal import _build
from ruralstudy.causal._prepare import PanelSpec

COLS = ("y", "village_id", "year", "cohort")
OPTIONS = {"inference": "bootstrap", "biters": 499, "seed": 7, "bootstrap_weights": "mammen"}


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return rs.simulate.village_panel(600, years=range(2012, 2018), seed=3, n_counties=12)


def _stub_fit(**fields):
    """A GroupTime as the bootstrap engine returns it (fields per causal_contract)."""
    cells = pd.DataFrame(
        {"group": [2014.0, 2014.0], "time": [2013.0, 2014.0], "att": [0.1, 0.5], "se": [0.1, 0.2]}
    )
    agg = SimpleNamespace(
        kind="dynamic", overall_att=0.5, overall_se=0.2, levels=np.array([-1.0, 0.0]),
        att=np.array([0.1, 0.5]), se=np.array([0.1, 0.2]), inference="bootstrap", crit=2.5,
    )  # fmt: skip
    defaults = {
        "inference": "analytic", "crit": None, "pretest": None, "pretest_note": None,
        "n_units_dropped": 0,
    }  # fmt: skip
    gt = SimpleNamespace(cells=cells, n_units=40, engine="numpy", **{**defaults, **fields})
    return gt, agg


def _build_result(gt, agg, aggregation="dynamic", options=None):
    rows = SimpleNamespace(data=pd.DataFrame({"x": range(80)}), n_units=40)
    spec = PanelSpec("y", "village_id", "year", "cohort", "county_id")
    data = rows.data.assign(county_id=np.arange(80) % 8)
    rows.data = data
    design = "att_gt" if agg is None else "event_study"
    return _build.cs_result(
        design, gt, rows, spec, ("s1",), 0.05, "nevertreated", "varying",
        {**OPTIONS, "allow_unbalanced": False, **(options or {})}, agg, aggregation,
    )  # fmt: skip


def test_bootstrap_fields_become_uniform_bands_pretest_and_counts():
    pretest = SimpleNamespace(stat=3.2, df=4, p_value=0.525)
    gt, agg = _stub_fit(inference="bootstrap", crit=3.0, pretest=pretest, n_units_dropped=5)
    result = _build_result(gt, agg)
    tidy = result.tidy()
    assert tidy["term"].tolist() == ["ATT", "e=-1", "e=0"]
    # the band of the breakdown uses the aggregation's critical value, not the overall row
    assert np.isnan(tidy.loc[0, "conf_low_uniform"])
    np.testing.assert_allclose(tidy["conf_low_uniform"].iloc[1:], [0.1 - 0.25, 0.5 - 0.5])
    np.testing.assert_allclose(tidy["conf_high_uniform"].iloc[1:], [0.1 + 0.25, 0.5 + 0.5])
    assert result.crit == 2.5 and result.pretest is pretest
    summary = result.summary(lang="en", sources=_sources())["value"]
    assert summary["Pre-test of parallel trends"] == "W = 3.200, df = 4, p = 0.525"
    assert summary["Units dropped to balance"] == "5"
    assert summary["Clusters"] == "8 (county_id)"
    assert summary["Inference"] == (
        "multiplier bootstrap (499 draws, Mammen weights, seed 7), clustered by county_id"
    )
    cells = _build_result(gt, None, "group-time").tidy()  # ATT(g,t): the fit's own band
    np.testing.assert_allclose(cells["conf_high_uniform"], [0.1 + 0.3, 0.5 + 0.6])
    assert cells["term"].tolist() == ["g=2014, t=2013", "g=2014, t=2014"]
    assert cells["post"].tolist() == [False, True]


def test_analytic_numbers_are_never_passed_off_as_bootstrap():
    gt, agg = _stub_fit()  # an engine that fitted with analytic standard errors
    with pytest.raises(NotImplementedError, match="returned analytic standard errors"):
        _build_result(gt, agg)
    result = _build_result(gt, agg, options={"inference": "analytic"})
    assert "conf_low_uniform" not in result.tidy().columns
    assert result.crit is None and result.pretest is None and result.n_units_dropped == 0
    assert result.biters is None and result.seed is None  # not shown for analytic inference


def test_bootstrap_reaches_the_engine_through_every_design(panel):
    cs = rs.causal.did(panel, *COLS, "county_id", inference="bootstrap", biters=199, seed=1)
    analytic = rs.causal.did(panel, *COLS, "county_id")
    assert cs.inference == "bootstrap" and cs.biters == 199 and cs.seed == 1
    assert cs.tidy().loc[0, "estimate"] == analytic.tidy().loc[0, "estimate"]
    assert cs.tidy().loc[0, "std_error"] != analytic.tidy().loc[0, "std_error"]
    es = rs.causal.event_study(panel, *COLS, "county_id", inference="bootstrap", seed=2)
    breakdown = es.tidy().iloc[1:]
    assert es.crit is not None and breakdown["conf_low_uniform"].notna().all()
    assert (breakdown["conf_low_uniform"] <= breakdown["conf_low"]).all()  # wider than pointwise
    gt = rs.causal.att_gt(panel, *COLS, "county_id", inference="bootstrap", seed=3)
    assert gt.crit is not None and gt.pretest is not None


def test_inference_keywords_are_checked(panel):
    with pytest.raises(ValueError, match="inference must be one of"):
        rs.causal.did(panel, *COLS, inference="wild")
    with pytest.raises(ValueError, match="bootstrap_weights must be one of"):
        rs.causal.did(panel, *COLS, bootstrap_weights="normal")
    with pytest.raises(ValueError, match="biters must be a whole number"):
        rs.causal.did(panel, *COLS, biters=0)
    with pytest.raises(ValueError, match="seed must be a whole number"):
        rs.causal.did(panel, *COLS, seed=1.5)
    with pytest.raises(ValueError, match="TWFE standard errors are CRV1"):
        rs.causal.did(panel, *COLS, method="twfe", inference="bootstrap")


def test_summary_says_how_the_estimate_was_made(panel):
    result = rs.causal.did(panel, *COLS, "county_id", aggregation="group")
    summary = result.summary(lang="en")["value"]
    assert summary["Method"] == "Callaway–Sant'Anna"
    assert summary["Control group"] == "never treated"
    assert summary["Aggregation"] == "by cohort"
    assert summary["Observations"] == f"{len(panel):,}"
    assert summary["Clusters"] == "12 (county_id)"
    assert summary["Inference"] == "analytic (influence function), clustered by county_id"
    assert summary["Sources"] == "ruralstudy-simulate"
    assert summary["Simulated data"] == "yes"
    zh = result.summary(lang="zh")["值"]
    assert zh["对照组"] == "从未处理" and zh["模拟数据"] == "是"
    twfe = rs.causal.did(panel, *COLS, "county_id", method="twfe").summary(lang="en")["value"]
    assert twfe["Singletons dropped"] == "0" and twfe["Control group"] == "—"
    assert twfe["Inference"] == "CRV1 clustered by county_id, t(G−1)"


def _sources() -> pd.DataFrame:
    return pd.DataFrame(
        {"source_id": ["s1", "a_b"], "kind": ["dataset", "synthetic"], "publisher": ["P", "Q"],
         "title": ["T", "U"], "date": ["2026", "2026"]}
    )  # fmt: skip


# -- etable -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mpdta_results():
    mpdta = rs.causal.load_mpdta()
    cols = ("lemp", "countyreal", "year", "first.treat")
    return [
        rs.causal.did(mpdta, *cols, method="twfe"),
        rs.causal.did(mpdta, *cols),
        rs.causal.event_study(mpdta, *cols),
    ]


def test_etable_puts_results_side_by_side(mpdta_results):
    twfe, cs, _ = mpdta_results
    table = rs.causal.etable(mpdta_results, lang="en", stars=True, ci=True)
    frame = table.frame
    assert list(frame.columns) == ["(1)", "(2)", "(3)"]
    assert frame.index[:4].tolist() == ["ATT", "ATT (se)", "ATT (ci)", "e=-3"]
    se = cs.overall["std_error"]
    assert frame.loc["ATT", "(2)"] == f"{cs.overall['estimate']:.3f}***".replace("-", "−")
    assert frame.loc["ATT (se)", "(2)"] == f"({se:.3f})"
    assert frame.loc["e=-3", "(1)"] == "" and frame.loc["e=-3", "(3)"] != ""
    assert frame.loc["Method", "(1)"] == "two-way fixed effects"
    assert frame.loc["Aggregation", "(3)"] == "by event time"
    assert frame.loc["Observations"].tolist() == ["2,500"] * 3
    assert frame.loc["Simulated data"].tolist() == ["no"] * 3
    assert "* p<0.1" in table.notes and "95% confidence intervals" in table.notes
    only = rs.causal.etable(mpdta_results, terms=["ATT"], titles=["TWFE", "CS", "ES"])
    assert only.frame.index[:2].tolist() == ["ATT", "ATT (se)"]
    assert list(only.frame.columns) == ["TWFE", "CS", "ES"]
    assert "*" not in only.frame.loc["ATT", "CS"]  # stars only when asked
    with pytest.raises(ValueError, match="no result has the term"):
        rs.causal.etable(mpdta_results, terms=["e=9"])
    with pytest.raises(TypeError, match="does not carry the sources"):
        rs.causal.etable(pd.concat([twfe.tidy(), cs.tidy()]))


def test_etable_exports_escape_every_value(mpdta_results):
    hostile = "<b>y</b> & 50% of_x | z"
    table = rs.causal.etable(mpdta_results[:2], titles=["<script>", "a|b"], label=hostile)
    html = table.to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>y</b>" not in html and "&lt;b&gt;y&lt;/b&gt; &amp; 50% of_x" in html
    latex = table.to_latex()
    assert r"50\% of\_x" in latex and r"callaway-santanna-2021-mpdta" in latex
    assert "−" not in latex and "$-$0.037" in latex  # typeset minus, pdflatex-safe
    markdown = table.to_markdown()
    assert r"a\|b" in markdown and r"of_x \| z" in markdown
    header, rule, first = markdown.splitlines()[:3]
    assert header.count(" | ") == 2 and rule == "| --- | :---: | :---: |"
    assert first.startswith("| ATT | −0.037")
    assert "|  | (0.013) |" in markdown  # the standard error's line has no label


def test_etable_in_chinese(mpdta_results):
    table = rs.causal.etable(mpdta_results[:2], lang="zh")
    assert table.frame.loc["方法"].tolist() == ["双向固定效应", "Callaway–Sant'Anna"]
    assert table.frame.loc["对照组"].tolist() == ["—", "从未处理"]
    assert table.notes == "括号内为标准误。"


def test_an_event_study_is_the_dynamic_aggregation_of_did(panel):
    es = rs.causal.event_study(panel, *COLS, "county_id")
    dynamic = rs.causal.did(panel, *COLS, "county_id", aggregation="dynamic")
    pd.testing.assert_frame_equal(es.tidy(), dynamic.tidy())
    assert (es.design, dynamic.design) == ("event_study", "did")
    assert es.tidy()["event_time"].dtype == "Int64"  # NA on the overall row, whole numbers else


def test_etable_leaves_the_level_out_when_results_differ():
    mpdta = rs.causal.load_mpdta()
    cols = ("lemp", "countyreal", "year", "first.treat")
    results = [rs.causal.did(mpdta, *cols, alpha=a) for a in (0.05, 0.1)]
    notes = rs.causal.etable(results, ci=True, lang="en").notes
    assert notes == "Standard errors in parentheses; confidence intervals in brackets."


def test_unbalanced_panels_and_covariates_reach_the_numpy_engine_from_the_public_functions():
    mpdta = rs.causal.load_mpdta()
    cols = ("lemp", "countyreal", "year", "first.treat")
    holes = mpdta.sample(frac=0.92, random_state=1)
    fast = rs.causal.did(holes, *cols, allow_unbalanced=True)
    slow = rs.causal.did(holes, *cols, allow_unbalanced=True, engine="csdid")
    assert (fast.engine, slow.engine) == ("numpy", "csdid")
    assert fast.n_units_dropped == 0 and fast.n_obs == len(holes)
    np.testing.assert_allclose(
        fast.tidy()[["estimate", "std_error"]], slow.tidy()[["estimate", "std_error"]], atol=1e-10
    )
    with pytest.warns(UserWarning, match="dropped"):
        balanced = rs.causal.did(holes, *cols)
    assert balanced.n_units_dropped > 0 and balanced.n_units == 500 - balanced.n_units_dropped
    boot = rs.causal.event_study(
        mpdta, *cols, covariates=["lpop"], inference="bootstrap", biters=499, seed=4
    )
    assert boot.engine == "numpy" and boot.crit is not None and boot.pretest.df == 5


def test_the_pretest_is_computed_when_first_asked_for(panel):
    res = rs.causal.did(panel, *COLS, "county_id", covariates=None)
    assert callable(res.pretest_from._pretest)  # not yet computed: did() alone skips it
    first = res.pretest
    assert first is not None and not callable(res.pretest_from._pretest)
    assert res.pretest is first  # computed once
    assert "W = " in res.summary(lang="en")["value"]["Pre-test of parallel trends"]


@pytest.mark.parametrize("inference", ["analytic", "bootstrap"])
def test_aggregating_a_fit_again_gives_what_a_second_call_gives(panel, inference):
    """result.aggregate(kind) is did(..., aggregation=kind) without a second fit:
    the same numbers (the bootstrap reuses the fit's seeded draws), counts and facts."""
    boot = {"inference": inference, "biters": 199, "seed": 11}
    if inference == "analytic":
        boot = {}
    cs = rs.causal.did(panel, *COLS, "county_id", **boot)
    gt = rs.causal.att_gt(panel, *COLS, "county_id", **boot)
    for kind in ("simple", "group", "calendar", "dynamic"):
        fresh = rs.causal.did(panel, *COLS, "county_id", aggregation=kind, **boot)
        for again in (cs.aggregate(kind), gt.aggregate(kind)):
            pd.testing.assert_frame_equal(again.tidy(), fresh.tidy(), check_exact=True)
            assert again.aggregation == kind and again.crit == fresh.crit
            assert again.summary().equals(fresh.summary())
    es = rs.causal.event_study(panel, *COLS, "county_id", min_e=-2, max_e=3, **boot)
    again = cs.aggregate("dynamic", min_e=-2, max_e=3)
    pd.testing.assert_frame_equal(again.tidy(), es.tidy(), check_exact=True)
    assert again.design == "event_study"


def test_only_callaway_santanna_results_aggregate_again(panel):
    twfe = rs.causal.did(panel, *COLS, "county_id", method="twfe")
    with pytest.raises(ValueError, match="method='twfe'"):
        twfe.aggregate("group")
    cs = rs.causal.did(panel, *COLS, "county_id")
    with pytest.raises(ValueError, match="aggregation must be one of"):
        cs.aggregate("cohort")
    with pytest.raises(ValueError, match="for aggregation='dynamic'"):
        cs.aggregate("group", max_e=2)
