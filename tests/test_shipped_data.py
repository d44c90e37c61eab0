"""The curated data: complete for the article, traced, and honest about conflicts."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy.datasets import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = "gzrb-2025-10-village-governance"
CHETIAN = "cn.guizhou.guian.huchao.chetian"
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"


def gold_quantities() -> pd.DataFrame:
    gold = pd.read_csv(FIXTURES / "seed_quantities_gold.tsv", sep="\t", comment="#", dtype=str)
    gold = gold[gold["cls"] == "gold"].copy()
    for col in ("norm_value", "norm_lower", "norm_upper"):
        gold[col] = pd.to_numeric(gold[col])
    gold["surface"] = gold["surface"].str.replace("\\n", "\n", regex=False)
    return gold


def close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-4)


def test_every_quantity_in_the_article_is_a_fact_with_the_gold_bounds():
    facts = rs.load_facts().query("source_id == @ARTICLE")
    by_text = {t: row for t, row in zip(facts["text"], facts.itertuples(), strict=True)}
    missing, wrong = [], []
    for g in gold_quantities().itertuples():
        fact = by_text.get(g.surface)
        if fact is None:
            missing.append(g.surface)
            continue
        got = (fact.value, fact.lower, fact.upper)
        if not all(
            close(x, y)
            for x, y in zip(got, (g.norm_value, g.norm_lower, g.norm_upper), strict=True)
        ):
            wrong.append((g.surface, got, (g.norm_value, g.norm_lower, g.norm_upper)))
    assert not missing, f"article figures missing from facts.csv: {missing}"
    assert not wrong, wrong


def test_both_case_villages_have_facts_and_interventions():
    facts, events = rs.load_facts(), rs.load_interventions()
    for place in (CHETIAN, JIAOYAO):
        assert (facts["place_id"] == place).sum() >= 10
        assert (events["place_id"] == place).sum() >= 1
    chetian_events = set(events.query("place_id == @CHETIAN")["year"])
    assert {2013, 2015, 2018, 2019} <= chetian_events
    assert 2018 in set(events.query("place_id == @JIAOYAO")["year"])


def test_conflicting_reports_are_both_kept_with_their_sources():
    facts = rs.load_facts()
    tea = facts[(facts["place_id"] == JIAOYAO) & (facts["indicator_id"] == "tea_garden_area")]
    tea = tea[tea["text"].isin(["1760亩", "3760亩"])]
    assert set(tea["text"]) == {"1760亩", "3760亩"}
    # neither averaged away nor merged: each report stands with its own source
    assert tea.groupby("text")["source_id"].first().nunique() == 2


def test_chetian_is_told_apart_from_its_namesakes():
    places = rs.load_places()
    chetian = places[places["name_zh"] == "车田村"]
    assert chetian["place_id"].tolist() == [CHETIAN]
    chain, parent = [], CHETIAN
    parents = dict(zip(places["place_id"], places["parent_id"], strict=True))
    while isinstance(parent, str):
        chain.append(parent)
        parent = parents[parent]
    assert chain[-2:] == ["cn.guizhou", "cn"]


def test_every_figure_from_a_text_source_has_its_quote():
    sources = rs.load_sources().set_index("source_id")
    facts = rs.load_facts()
    kinds = facts["source_id"].map(sources["kind"])
    quoted = facts[kinds.isin(["news", "statistics", "literature"])]
    assert quoted["quote"].notna().all()
    assert (facts["source_id"].isin(sources.index)).all()


def test_estimated_coordinates_say_how_far_off_they_may_be():
    places = rs.load_places().dropna(subset=["lon"])
    estimated = places[places["coord_precision"] != "exact"]
    assert estimated["coord_error_km"].notna().all()
    # Guizhou's places inside Guizhou's box; villages from elsewhere (issue 12
    # allows them) at least inside China's box (islands included), so a swapped
    # lon/lat still fails.
    guizhou = places[places["place_id"].str.startswith("cn.guizhou")]
    assert guizhou["lon"].between(103, 110).all() and guizhou["lat"].between(24, 30).all()
    assert places["lon"].between(73, 136).all() and places["lat"].between(3, 54).all()


def test_stored_article_is_the_one_quotes_are_checked_against():
    text = (DATA_DIR / "sources" / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    assert "车田村整合300亩撂荒地" in text
    assert (DATA_DIR / "sources" / "README.md").is_file()


@pytest.mark.parametrize(
    ("loader", "column"),
    [
        (rs.load_land_consolidation, "abandoned_land_consolidated"),
        (rs.load_collective_economy, "collective_dividend_annual"),
        (rs.load_tourism, "farmhouse_count"),
    ],
)
def test_wide_views_hold_the_facts_of_their_domain(loader, column):
    wide = loader()
    assert list(wide.columns[:3]) == ["place_id", "year", "source_id"]
    assert {column, f"{column}_lower", f"{column}_upper"} <= set(wide.columns)
    facts = rs.load_facts().query("indicator_id == @column")
    assert wide[column].notna().sum() == len(facts)


def test_wide_view_keeps_undated_facts_and_bounds():
    wide = rs.load_collective_economy().query("place_id == @CHETIAN")
    dividend = wide.dropna(subset=["collective_dividend_annual"]).iloc[0]
    assert pd.isna(dividend["year"])
    assert (
        dividend["collective_dividend_annual_lower"],
        dividend["collective_dividend_annual_upper"],
    ) == (
        100000.0,
        110000.0,
    )


def test_a_wide_view_validates_as_a_researchers_file(tmp_path):
    path = tmp_path / "tourism.csv"
    rs.load_tourism().to_csv(path, index=False)
    again = rs.read_table(path, table="tourism")
    pd.testing.assert_frame_equal(again, rs.load_tourism(), check_dtype=False)


def test_a_wide_file_with_a_negative_area_is_refused(tmp_path):
    land = rs.load_land_consolidation()
    land.loc[0, "abandoned_land_consolidated"] = -5
    path = tmp_path / "land.csv"
    land.to_csv(path, index=False, encoding="gbk")
    with pytest.raises(rs.DataValidationError) as info:
        rs.read_table(path, table="land_consolidation")
    rec = info.value.failures.iloc[0]
    assert (rec["row"], rec["column"]) == (2, "abandoned_land_consolidated")


def test_loaders_return_copies():
    facts = rs.load_facts()
    facts.loc[0, "value"] = -1
    assert rs.load_facts().loc[0, "value"] != -1


def test_a_wide_file_with_upside_down_bounds_is_refused(tmp_path):
    tourism = rs.load_tourism()
    tourism.loc[0, ["farmhouse_count_lower", "farmhouse_count_upper"]] = [20, 10]
    path = tmp_path / "tourism.csv"
    tourism.to_csv(path, index=False)
    with pytest.raises(rs.DataValidationError) as info:
        rs.read_table(path, table="tourism")
    rec = info.value.failures.iloc[0]
    assert (rec["row"], rec["column"], rec["check"]) == (
        2,
        "farmhouse_count_lower",
        "lower 20 > upper 10",
    )
