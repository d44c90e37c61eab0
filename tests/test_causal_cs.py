"""Callaway-Sant'Anna: the numpy engine against csdid, and the truth of simulated panels.

The numpy engine replaces csdid for speed on balanced panels without
covariates, so it must agree with csdid to 1e-8 (estimates and standard
errors) on every test panel and every option it accepts.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy.errors import DataValidationError

TOL = 1e-8
COLS = ("y", "village_id", "year", "cohort")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return rs.simulate.village_panel(600, years=range(2010, 2018), seed=7, n_counties=12)


@pytest.fixture(scope="module")
def gappy() -> pd.DataFrame:
    """Cohorts with gaps between them, some adopting after the window (-> never treated),
    some before it (dropped), string unit ids and a few incomplete units (dropped)."""
    df = rs.simulate.village_panel(
        400, years=range(2012, 2019), seed=11, cohorts=[2014, 2017, 2018], n_counties=9
    )
    rng = np.random.default_rng(3)
    units = df["village_id"].unique()
    late = rng.choice(units[df.groupby("village_id")["cohort"].first() == 0], 20, replace=False)
    early = rng.choice(units[df.groupby("village_id")["cohort"].first() == 2014], 8, replace=False)
    df.loc[df["village_id"].isin(late), "cohort"] = 2030
    df.loc[df["village_id"].isin(early), "cohort"] = 2012
    holes = rng.choice(df.index.to_numpy(), 15, replace=False)
    df = df.drop(index=holes)
    df["village_id"] = "v" + df["village_id"].astype(str)
    return df


def _both(fn, *args, **kwargs):
    return fn(*args, engine="numpy", **kwargs), fn(*args, engine="csdid", **kwargs)


def _assert_same(a, b, key: str) -> None:
    ta, tb = a.tidy(), b.tidy()
    assert ta[key].tolist() == tb[key].tolist()
    np.testing.assert_allclose(ta["estimate"], tb["estimate"], rtol=0, atol=TOL)
    np.testing.assert_allclose(ta["std_error"], tb["std_error"], rtol=0, atol=TOL)
    assert a.engine == "numpy" and b.engine == "csdid"


OPTIONS = list(
    itertools.product(
        ["nevertreated", "notyettreated"], ["varying", "universal"], [None, "county_id"]
    )
)


@pytest.mark.parametrize(("control_group", "base_period", "cluster"), OPTIONS)
def test_group_time_effects_match_csdid(panel, control_group, base_period, cluster):
    a, b = _both(
        rs.causal.att_gt,
        panel,
        *COLS,
        cluster,
        control_group=control_group,
        base_period=base_period,
    )
    a, b = a.tidy(), b.tidy()
    assert a[["group", "time"]].equals(b[["group", "time"]])
    assert a["std_error"].isna().tolist() == b["std_error"].isna().tolist()
    np.testing.assert_allclose(a["estimate"], b["estimate"], rtol=0, atol=TOL)
    np.testing.assert_allclose(a["std_error"], b["std_error"], rtol=0, atol=TOL)


@pytest.mark.parametrize("aggregation", ["simple", "dynamic", "group", "calendar"])
@pytest.mark.parametrize(("control_group", "base_period", "cluster"), OPTIONS)
def test_aggregations_match_csdid(panel, aggregation, control_group, base_period, cluster):
    a, b = _both(
        rs.causal.did,
        panel,
        *COLS,
        cluster,
        aggregation=aggregation,
        control_group=control_group,
        base_period=base_period,
    )
    _assert_same(a, b, "term")


@pytest.mark.parametrize(
    "window", [{"min_e": -3, "max_e": 2}, {"balance_e": 2}, {"balance_e": 1, "min_e": -2}]
)
@pytest.mark.parametrize("control_group", ["nevertreated", "notyettreated"])
def test_event_study_windows_match_csdid(panel, window, control_group):
    a, b = _both(
        rs.causal.event_study, panel, *COLS, "county_id", control_group=control_group, **window
    )
    _assert_same(a, b, "term")
    for key in ("estimate", "std_error"):
        assert a.overall[key] == pytest.approx(b.overall[key], abs=TOL)


@pytest.mark.parametrize("aggregation", ["simple", "dynamic", "group", "calendar"])
def test_engines_agree_on_an_untidy_panel(gappy, aggregation):
    with pytest.warns(UserWarning) as record:
        a, b = _both(rs.causal.did, gappy, *COLS, "county_id", aggregation=aggregation)
    messages = " ".join(str(w.message) for w in record)
    assert "already treated in the first period" in messages
    assert "not observed in all 7 periods" in messages
    _assert_same(a, b, "term")
    # cohort 2030 counts as never treated; cohort 2012 (first year) is dropped
    n_units = gappy.loc[gappy["cohort"] != 2012, "village_id"].nunique()
    assert a.n_units < n_units


def test_true_att_recovered_within_ci():
    # 80 counties of 50 villages: enough clusters for clustered intervals to hold
    # their level (with the default ~12 counties at this size they undercover).
    panel = rs.simulate.village_panel(4_000, seed=21, n_counties=80)
    for aggregation in ["simple", "dynamic", "group", "calendar"]:
        res = rs.causal.did(panel, *COLS, "county_id", aggregation=aggregation)
        truth = rs.simulate.true_att(panel, aggregation)
        overall = res.overall
        assert overall["conf_low"] < truth.loc[0, "true_att"] < overall["conf_high"], aggregation
    es = rs.causal.event_study(panel, *COLS, "county_id").tidy().iloc[1:]
    truth = rs.simulate.true_att(panel, "dynamic").iloc[1:]
    es = es.astype({"event_time": "int64"})
    merged = es.merge(truth.astype({"term": "int64"}), left_on="event_time", right_on="term")
    assert len(merged) == 16
    z = (merged["estimate"] - merged["true_att"]) / merged["std_error"]
    # every event time (pre-periods: truth 0) within 3.5 SE, a 1% Bonferroni bound for 16
    assert z.abs().max() < 3.5


def test_twfe_is_biased_where_cs_is_not():
    """Growing effects and staggered adoption: TWFE misses the ATT by far more than its CI."""
    panel = rs.simulate.village_panel(4_000, seed=22)
    truth = panel.attrs["true_att"]
    twfe = rs.causal.did(panel, *COLS, "county_id", method="twfe").overall
    cs = rs.causal.did(panel, *COLS, "county_id").overall
    assert not twfe["conf_low"] < truth < twfe["conf_high"]
    assert abs(twfe["estimate"] - truth) > 0.3 * truth
    assert cs["conf_low"] < truth < cs["conf_high"]


def test_result_is_tidy_and_carries_its_sources(panel):
    res = rs.causal.did(panel, *COLS, "county_id", aggregation="group")
    tidy = res.tidy()
    assert list(tidy.columns) == [
        "term", "group", "estimate", "std_error", "conf_low", "conf_high", "p_value",
    ]  # fmt: skip
    assert tidy["term"].tolist()[0] == "ATT" and pd.isna(tidy["group"].iloc[0])
    cohorts = sorted(panel.loc[panel.cohort > 0, "cohort"].unique())
    assert tidy["group"].iloc[1:].tolist() == cohorts
    assert tidy["term"].tolist()[1:] == [f"g={g}" for g in cohorts]
    assert not tidy.attrs  # provenance is a field of the result, never in attrs
    assert (res.n_obs, res.n_units, res.n_clusters) == (len(panel), 600, 12)
    assert res.source_ids == ("ruralstudy-simulate",)
    assert (res.engine, res.method, res.design, res.aggregation) == (
        "numpy", "cs", "did", "group"
    )  # fmt: skip
    # a tidy() copy can be changed without changing the result
    tidy.loc[0, "estimate"] = 99.0
    assert res.tidy().loc[0, "estimate"] != 99.0


def test_auto_engine_uses_numpy_for_covariates(panel):
    rng = np.random.default_rng(0)
    size = rng.normal(size=panel["village_id"].max() + 1)
    df = panel.assign(size=size[panel["village_id"].to_numpy()])
    for est_method in ("dr", "reg", "ipw"):
        a, b = _both(rs.causal.did, df, *COLS, covariates=["size"], est_method=est_method)
        _assert_same(a, b, "term")
    assert rs.causal.did(df, *COLS, covariates=["size"]).engine == "numpy"


def test_auto_engine_falls_back_when_a_cohort_swamps_its_controls():
    """A cell with >= 99.5% treated units: csdid trims every control and reports NA."""
    df = rs.simulate.village_panel(
        1_000, years=range(2010, 2014), seed=5, cohorts=[2012], never_treated_share=0.005
    )
    with pytest.raises(ValueError, match="does not cover"):
        rs.causal.did(df, *COLS, engine="numpy")


def test_no_never_treated_units_needs_csdid(panel):
    treated = panel[panel["cohort"] > 0]
    with pytest.raises(ValueError, match="never-treated"):
        rs.causal.did(treated, *COLS, engine="numpy")


def test_bad_inputs_are_named(panel):
    with pytest.raises(DataValidationError, match="outcome column missing"):
        rs.causal.did(panel, "income", "village_id", "year", "cohort")
    dup = pd.concat([panel, panel.head(3)])
    with pytest.raises(DataValidationError, match="repeated unit-period"):
        rs.causal.did(dup, *COLS)
    moving = panel.copy()
    moving.loc[moving.index[:2], "cohort"] = np.array([2013, 2015], dtype=moving["cohort"].dtype)
    with pytest.raises(DataValidationError, match="constant within each village_id"):
        rs.causal.did(moving, *COLS)
    with pytest.raises(ValueError, match="aggregation must be one of"):
        rs.causal.did(panel, *COLS, aggregation="event")
    with pytest.raises(ValueError, match="method must be one of"):
        rs.causal.did(panel, *COLS, method="sa")


def test_missing_outcomes_are_dropped_with_a_warning(panel):
    df = panel.copy()
    df.loc[df.index[:5], "y"] = np.nan
    with pytest.warns(UserWarning) as record:
        res = rs.causal.did(df, *COLS)
    messages = [str(w.message) for w in record]
    assert any(m.startswith("dropped 5 of 4800 rows") for m in messages)
    assert any(m.startswith("dropped 1 unit(s) not observed in all 8 periods") for m in messages)
    assert res.n_units == panel["village_id"].nunique() - 1


def test_never_treated_may_be_written_as_infinity_but_not_left_empty(panel):
    as_inf = panel.assign(cohort=panel["cohort"].astype("float64").replace(0, np.inf))
    expected = rs.causal.did(panel, *COLS)
    pd.testing.assert_frame_equal(rs.causal.did(as_inf, *COLS).tidy(), expected.tidy())
    empty = panel.assign(cohort=panel["cohort"].astype("float64").replace(0, np.nan))
    with pytest.warns(UserWarning, match="write 0 for never-treated units"):
        with pytest.raises(ValueError, match="never-treated"):
            rs.causal.did(empty, *COLS, engine="numpy")
