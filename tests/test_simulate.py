"""The village-panel generator: deterministic, labelled synthetic, and its DGP as documented."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy import simulate


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return simulate.village_panel(6_000, years=range(2015, 2025), seed=3)


def test_same_seed_same_panel_other_seed_other_panel():
    a = simulate.village_panel(500, seed=9)
    pd.testing.assert_frame_equal(a, simulate.village_panel(500, seed=9))
    assert not a["y"].equals(simulate.village_panel(500, seed=10)["y"])


def test_layout_one_row_per_village_year(panel):
    assert list(panel.columns) == [
        "village_id", "county_id", "year", "cohort", "treated", "y", "true_effect", "source_id",
    ]  # fmt: skip
    assert len(panel) == 6_000 * 10
    assert not panel.duplicated(["village_id", "year"]).any()
    assert panel["year"].min() == 2015 and panel["year"].max() == 2024
    assert panel.equals(panel.sort_values(["village_id", "year"]))
    assert (panel.groupby("village_id")["county_id"].nunique() == 1).all()
    assert (panel.groupby("village_id")["cohort"].nunique() == 1).all()


def test_rows_are_marked_synthetic(panel):
    assert panel["source_id"].unique().tolist() == [simulate.SOURCE_ID]
    assert panel.attrs["source_ids"] == (simulate.SOURCE_ID,)
    sources = rs.load_sources().set_index("source_id")
    assert sources.loc[simulate.SOURCE_ID, "kind"] == "synthetic"


def test_counties_scale_to_about_1500_at_national_size():
    assert round(500_000 / simulate.VILLAGES_PER_COUNTY) == 1_500
    small = simulate.village_panel(3_333, years=4, seed=1)
    assert small["county_id"].nunique() == 10
    assert simulate.village_panel(300, years=4, seed=1, n_counties=7)["county_id"].max() <= 7


def test_staggered_cohorts_with_never_treated(panel):
    cohorts = panel.drop_duplicates("village_id")["cohort"].value_counts()
    assert cohorts[0] == 0.3 * 6_000
    assert sorted(cohorts.index[cohorts.index > 0]) == list(range(2017, 2025))
    assert cohorts.drop(0).max() - cohorts.drop(0).min() <= 1
    expected = (panel["cohort"] > 0) & (panel["year"] >= panel["cohort"])
    assert (panel["treated"] == expected).all()


def test_adoption_is_selected_on_baseline_level():
    """Lower-level villages adopt earlier; with selection=0 the order is random."""
    for selection, should_differ in [(1.0, True), (0.0, False)]:
        df = simulate.village_panel(20_000, years=6, seed=4, selection=selection)
        base = df[df["year"] == 2015].groupby("cohort")["y"].mean()
        gap = base[0] - base[2017]
        assert (gap > 0.5) if should_differ else (abs(gap) < 0.05)


def test_untreated_outcomes_share_trends_across_cohorts():
    """Selection is on levels only: the untreated outcome y - true_effect trends alike."""
    df = simulate.village_panel(20_000, years=6, seed=5, n_counties=200)
    y0 = df.assign(y0=df["y"] - df["true_effect"]).pivot(
        index="village_id", columns="year", values="y0"
    )
    cohort = df.drop_duplicates("village_id").set_index("village_id")["cohort"]
    change = (y0[2020] - y0[2015]).groupby(cohort).mean()
    level = y0[2015].groupby(cohort).mean()
    assert change.max() - change.min() < 0.05
    assert level.max() - level.min() > 0.5


def test_effects_are_dynamic_and_heterogeneous(panel):
    treated = panel[panel["treated"] == 1].assign(e=lambda d: d["year"] - d["cohort"])
    assert (panel.loc[panel["treated"] == 0, "true_effect"] == 0).all()
    by_exposure = treated.groupby("e")["true_effect"].mean()
    assert by_exposure.is_monotonic_increasing
    at_impact = treated[treated["e"] == 0].groupby("cohort")["true_effect"].mean()
    assert at_impact.is_monotonic_decreasing  # earlier cohorts gain more
    assert treated.groupby(["cohort", "e"])["true_effect"].std().min() > 0  # village spread


def test_true_att_travels_with_the_panel(panel):
    assert panel.attrs["true_att"] == pytest.approx(
        panel.loc[panel["treated"] == 1, "true_effect"].mean()
    )
    simple = simulate.true_att(panel, "simple")
    assert simple.loc[0, "true_att"] == pytest.approx(panel.attrs["true_att"])
    dynamic = simulate.true_att(panel, "dynamic").set_index("term")["true_att"]
    assert dynamic.drop("ATT")[[e for e in dynamic.index[1:] if e < 0]].eq(0).all()
    assert min(e for e in dynamic.index[1:]) == -8  # the first year has no base year
    group = simulate.true_att(panel, "group")
    assert group["term"].tolist()[1:] == list(range(2017, 2025))
    calendar = simulate.true_att(panel, "calendar")
    assert calendar.loc[0, "true_att"] == pytest.approx(calendar["true_att"][1:].mean())
    with pytest.raises(ValueError, match="aggregation must be"):
        simulate.true_att(panel, "event")


def _true_att_by_filtering(panel, aggregation):
    """The sample truths computed on filtered copies of the frame (how true_att did it)."""
    ever = panel.loc[panel["cohort"] > 0, ["village_id", "year", "cohort", "true_effect"]]
    ever = ever[ever["cohort"] > ever["year"].min()]
    treated = ever[ever["year"] >= ever["cohort"]]
    if aggregation == "dynamic":
        rows = ever[(ever["year"] >= ever["cohort"]) | (ever["year"] > ever["year"].min())]
        by = rows["true_effect"].groupby(rows["year"] - rows["cohort"]).mean()
        return by[by.index >= 0].mean(), by
    if aggregation == "group":
        by = treated["true_effect"].groupby(treated["cohort"]).mean()
        size = ever.groupby("cohort")["village_id"].nunique()
        return float((by * size).sum() / size.sum()), by
    by = treated["true_effect"].groupby(treated["year"]).mean()
    return by.mean(), by


@pytest.mark.parametrize("aggregation", ["dynamic", "group", "calendar"])
def test_true_att_is_the_mean_over_the_matching_rows(aggregation):
    """In any row order, with a cohort in the first year (dropped: no pre-period)."""
    df = simulate.village_panel(400, years=range(2016, 2024), seed=4, cohorts=[2019, 2021])
    df.loc[df["village_id"] <= 20, "cohort"] = 2016  # adopting in the first year observed
    df = df.sample(frac=1.0, random_state=2)
    overall, by = _true_att_by_filtering(df, aggregation)
    got = simulate.true_att(df, aggregation)
    assert got.loc[0, "true_att"] == overall
    assert got["term"].tolist()[1:] == by.index.tolist()
    assert got["true_att"].tolist()[1:] == by.tolist()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"years": [2015, 2016]}, "at least 3 years"),
        ({"years": [2015, 2016, 2018]}, "consecutive"),
        ({"cohorts": [2015]}, "after the first year"),
        ({"never_treated_share": 1.0}, "never_treated_share"),
        ({"n_villages": 3}, "too small"),
    ],
)
def test_bad_arguments_are_explained(kwargs, message):
    args = {"n_villages": 100, "seed": 0} | kwargs
    with pytest.raises(ValueError, match=message):
        simulate.village_panel(**args)


def test_national_size_is_cheap_per_row():
    """Arrays are preallocated: bytes per row stay near the output size (~34)."""
    df = simulate.village_panel(20_000, seed=0)
    assert df.memory_usage(deep=True).sum() / len(df) < 40
    assert np.isfinite(df["y"]).all()


def test_covariates_are_time_invariant_and_leave_the_rest_unchanged():
    plain = simulate.village_panel(800, years=6, seed=2)
    with_x = simulate.village_panel(800, years=6, seed=2, n_covariates=2)
    assert [c for c in with_x.columns if c not in plain.columns] == ["x1", "x2"]
    assert (with_x.groupby("village_id")[["x1", "x2"]].nunique() == 1).all().all()
    pd.testing.assert_frame_equal(with_x.drop(columns=["y", "x1", "x2"]), plain.drop(columns="y"))
    # each covariate adds covariate_trend * x per year to the outcome
    gap = (with_x["y"] - plain["y"]).to_numpy()
    trend = 0.02 * (with_x["x1"] + with_x["x2"]) * (with_x["year"] - with_x["year"].min())
    np.testing.assert_allclose(gap, trend, atol=1e-12)
    # treated villages differ in them (selection is on the level they track)
    first = with_x.drop_duplicates("village_id")
    assert (
        first.loc[first["cohort"] > 0, "x1"].mean() < first.loc[first["cohort"] == 0, "x1"].mean()
    )
    with pytest.raises(ValueError, match="n_covariates"):
        simulate.village_panel(100, years=4, n_covariates=-1)
