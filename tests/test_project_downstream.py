"""With a data project active, everything downstream works on her village
with no extra arguments: compare, plot, maps, causal cohorts."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from project_fixture import SOURCE_ID, VILLAGE, make_project

import ruralstudy as rs
from ruralstudy import datasets


@pytest.fixture(autouse=True)
def shipped_only(monkeypatch):
    monkeypatch.setenv("RURALSTUDY_DATA", "")  # recorded, so restored after the test
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)


@pytest.fixture
def project(tmp_path):
    folder = make_project(tmp_path / "shiyan")
    rs.use_data(folder)
    with rs.plot.style():  # the CJK font, as every figure of the package
        yield folder
    plt.close("all")


def her_facts() -> pd.DataFrame:
    facts = rs.load_facts()
    return facts[facts["place_id"] == VILLAGE]


def captions(ax) -> str:
    return " ".join(rs.plot.figure_captions(ax.figure))


def test_without_the_project_bars_cannot_name_her_village(tmp_path):
    """The issue's report: read_table succeeds but bars fails, because the
    lookup tables (places, sources) are the loaded ones, which did not hold
    her rows.  use_data is the cure, tested below."""
    folder = make_project(tmp_path / "shiyan")
    with datasets.using_data(folder):
        facts = her_facts()
    with pytest.raises(ValueError, match=r"not in the lookup tables.*places \['cn\.guizhou"):
        rs.plot.bars(facts)


def test_compare_before_after_around_her_intervention(project):
    table = rs.compare.before_after(her_facts(), place_id=VILLAGE)
    row = table.set_index("indicator_id").loc["collective_income"]
    assert row["cut_year"] == 2021  # her intervention, found without passing it
    assert (row["before_value"], row["after_value"]) == (80000, 350000)
    assert row["after_source_id"] == SOURCE_ID


def test_plot_bars_and_timeline_name_her_village_and_cite_her_source(project):
    ax = rs.plot.bars(her_facts().query("indicator_id == 'collective_income'"), lang="zh")
    labels = " ".join(t.get_text() for t in ax.get_xticklabels())
    assert "2020" in labels and "2024" in labels
    assert "测试日报" in captions(ax)
    ax = rs.plot.timeline(rs.load_interventions(), rs.load_facts(), place_id=VILLAGE)
    assert "测试日报" in captions(ax)
    assert "模拟" not in captions(ax)  # a news source, not simulated


def test_plot_before_after_finds_her_intervention(project):
    facts = her_facts().query("indicator_id == 'collective_income'")
    ax = rs.plot.before_after(facts, lang="en")
    assert "Test Daily" in captions(ax) or "测试日报" in captions(ax)


def test_maps_locator_places_her_village_and_cites_its_coordinates(project):
    places = rs.load_places()
    ax = rs.maps.locator(places[places["place_id"] == VILLAGE], lang="zh")
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "试验村" in texts
    assert "测试日报" in captions(ax)


def test_causal_cohorts_from_her_interventions(project):
    villages = rs.load_places().query("level == 'village'")
    cohorts = rs.causal.cohorts_from_interventions(
        villages, rs.load_interventions(), "organisation_founded", unrecorded="never_treated"
    )
    mine = cohorts.set_index("place_id").loc[VILLAGE]
    assert (mine["cohort"], mine["cohort_source_id"]) == (2021, SOURCE_ID)


def test_wide_views_hold_her_facts(project):
    assert VILLAGE in set(rs.load_collective_economy()["place_id"])


def test_atlas_counts_her_village_in_its_shipped_county(project):
    before = rs.atlas.coverage_by_county(
        datasets._shipped("places"), datasets._shipped("facts")
    ).set_index("county_id")
    cover = rs.atlas.coverage_by_county(rs.load_places(), rs.load_facts()).set_index("county_id")
    leishan = "cn.guizhou.qiandongnan.leishan"
    had = before.loc[leishan] if leishan in before.index else {"villages": 0, "facts": 0}
    assert cover.loc[leishan, "villages"] == had["villages"] + 1
    assert cover.loc[leishan, "facts"] == had["facts"] + 2  # her two collective-income facts
