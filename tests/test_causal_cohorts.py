"""Cohorts from interventions: the first recorded year, and no-record only by choice."""

from __future__ import annotations

import pandas as pd
import pytest

import ruralstudy as rs

UNITS = pd.DataFrame({"place_id": ["v.a", "v.b", "v.c"], "county": ["c1", "c1", "c2"]})
INTERVENTIONS = pd.DataFrame(
    {
        "place_id": ["v.a", "v.a", "v.b", "v.b", "v.z"],
        "intervention_id": ["a-late", "a-first", "b-land", "b-company", "z-land"],
        "year": pd.array([2021, 2019, 2020, 2016, 2018], dtype="Int64"),
        "kind": ["land_consolidation"] * 3 + ["enterprise", "land_consolidation"],
        "source_id": ["s-late", "s-first", "s-b", "s-b2", "s-z"],
    }
)


def cohorts(**kwargs):
    return rs.causal.cohorts_from_interventions(
        UNITS, INTERVENTIONS, "land_consolidation", **kwargs
    )


def test_a_unit_without_a_record_is_refused_by_default():
    with pytest.raises(ValueError, match=r"1 of 3 unit\(s\) have no land_consolidation") as err:
        cohorts()
    assert "v.c" in str(err.value) and "unrecorded='never_treated'" in str(err.value)


def test_never_treated_only_when_told_and_recorded_in_attrs():
    out = cohorts(unrecorded="never_treated")
    assert out["cohort"].tolist() == [2019, 2020, 0]  # the first year, other kinds ignored
    assert out["cohort_source_id"].tolist()[:2] == ["s-first", "s-b"]
    assert pd.isna(out["cohort_source_id"].iloc[2])
    assert out.attrs["unrecorded"] == ["v.c"]
    assert list(out.columns) == ["place_id", "county", "cohort", "cohort_source_id"]
    assert out["cohort"].dtype == "int64"


def test_every_unit_recorded_needs_no_assumption():
    out = rs.causal.cohorts_from_interventions(UNITS.iloc[:2], INTERVENTIONS, "land_consolidation")
    assert out["cohort"].tolist() == [2019, 2020]
    assert out.attrs["unrecorded"] == []


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="no intervention of kind 'land'"):
        rs.causal.cohorts_from_interventions(UNITS, INTERVENTIONS, "land")
    undated = INTERVENTIONS.astype({"year": "Int64"})
    undated.loc[1, "year"] = pd.NA
    with pytest.raises(ValueError, match=r"have no year.*a-first"):
        rs.causal.cohorts_from_interventions(UNITS, undated, "land_consolidation")
    with pytest.raises(ValueError, match="units repeat"):
        rs.causal.cohorts_from_interventions(
            pd.concat([UNITS, UNITS.head(1)]), INTERVENTIONS, "land_consolidation"
        )
    with pytest.raises(ValueError, match="unrecorded must be one of"):
        cohorts(unrecorded="zero")


def test_cohorts_feed_the_estimators_as_did_expects():
    # A cohort column as did reads it: a year, or 0 for never treated.
    villages = rs.load_places().query("level == 'village'")
    out = rs.causal.cohorts_from_interventions(
        villages, rs.load_interventions(), "land_consolidation", unrecorded="never_treated"
    )
    assert len(out) == len(villages)
    assert ((out["cohort"] == 0) | (out["cohort"] > 1900)).all()
    recorded = out["cohort"] > 0
    assert out.loc[recorded, "cohort_source_id"].notna().all()
