"""Cross-village helpers on hand-made places and facts (no shipped data)."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy import atlas

PLACES = pd.DataFrame(
    {
        "place_id": [
            "cn",
            "cn.p",
            "cn.p.a",
            "cn.p.a.t",
            "cn.p.a.t.v1",
            "cn.p.a.v2",
            "cn.p.a.v3",
            "cn.p.b",
            "cn.p.b.v4",
            "cn.p.v5",
        ],
        "name_zh": ["中国", "某省", "甲县", "某镇", "一村", "二村", "三村", "乙县", "四村", "五村"],
        "name_en": ["China", "P", "A County", "T Town", "V1", "V2", "V3", "B County", "V4", "V5"],
        "level": [
            "country",
            "province",
            "county",
            "township",
            "village",
            "village",
            "community",
            "county",
            "village",
            "village",
        ],
        "parent_id": [
            None,
            "cn",
            "cn.p",
            "cn.p.a",
            "cn.p.a.t",
            "cn.p.a",
            "cn.p.a",
            "cn.p",
            "cn.p.b",
            "cn.p",
        ],
        "admin_code": [None, "520000", "520101", None, None, None, None, "520102", None, None],
    }
)
INDICATORS = pd.DataFrame(
    {
        "indicator_id": ["collective_income", "population"],
        "name_zh": ["村集体经济收入", "人口"],
        "name_en": ["Collective income", "Population"],
        "unit": ["CNY", "person"],
        "domain": ["collective_economy", "population"],
    }
)


def fact(fid, place, indicator, year, value, lower, upper, qualifier="exact", source="s1"):
    return {"fact_id": fid, "place_id": place, "indicator_id": indicator, "year": year,
            "value": value, "lower": lower, "upper": upper, "qualifier": qualifier,
            "unit": "CNY", "text": "", "source_id": source}  # fmt: skip


FACTS = pd.DataFrame(
    [
        fact("f1", "cn.p.a.t.v1", "collective_income", 2020, 1e5, 1e5, 1e5),
        fact("f2", "cn.p.a.t.v1", "collective_income", 2024, 5e5, 5e5, 6e5, "plus"),
        fact("f3", "cn.p.a.v2", "collective_income", 2024, 2e5, 2e5, 2e5),
        fact("f4", "cn.p.a.v2", "collective_income", 2024, 3e5, 3e5, 3e5, source="s2"),
        fact("f5", "cn.p.a.v3", "collective_income", 2023, 1e6, 1e6, math.nan, "over"),
        fact("f6", "cn.p.b.v4", "collective_income", 2024, 4e5, 4e5, 4e5),
        fact("f7", "cn.p.v5", "collective_income", None, 9e5, 9e5, 9e5),
        fact("f8", "cn.p.b.v4", "population", 2024, 800, 800, 800),
    ]
).astype({"year": "Int64"})


def test_county_of_walks_the_hierarchy_and_leaves_unknown_counties_empty():
    county = atlas.county_of(PLACES)
    assert county["cn.p.a.t.v1"] == "cn.p.a"  # through its township
    assert county["cn.p.a.v2"] == "cn.p.a" and county["cn.p.a"] == "cn.p.a"
    assert county["cn.p.v5"] is None and county["cn.p"] is None


def test_within_and_ancestor_at_follow_parent_ids_not_the_id_spelling():
    # "x.mine" is spelled like nothing above it, but its parent is cn.p.a's township.
    mine = pd.DataFrame(
        {"place_id": ["x.mine"], "name_zh": ["我村"], "name_en": ["Mine"],
         "level": ["village"], "parent_id": ["cn.p.a.t"], "admin_code": [None]}
    )  # fmt: skip
    places = pd.concat([PLACES, mine], ignore_index=True)
    inside = atlas.within(places, "cn.p.a")
    assert sorted(inside[inside].index) == ["cn.p.a", "cn.p.a.t", "cn.p.a.t.v1", "cn.p.a.v2",
                                            "cn.p.a.v3", "x.mine"]  # fmt: skip
    assert atlas.within(places, "cn.p").sum() == 10 and not atlas.within(places, "cn.p")["cn"]
    assert atlas.lineage(places)["x.mine"] == ["x.mine", "cn.p.a.t", "cn.p.a", "cn.p", "cn"]
    assert atlas.county_of(places)["x.mine"] == "cn.p.a"
    province = atlas.ancestor_at(places, "province")
    assert province["x.mine"] == "cn.p" and province["cn"] is None
    with pytest.raises(ValueError, match=r"no place 'cn\.q'"):
        atlas.within(places, "cn.q")


def test_a_cycle_or_a_missing_parent_ends_the_chain():
    places = pd.DataFrame(
        {"place_id": ["a", "b", "c"], "level": ["village", "township", "village"],
         "parent_id": ["b", "a", "gone"]}
    )  # fmt: skip
    chains = atlas.lineage(places)
    assert chains["a"] == ["a", "b"] and chains["c"] == ["c"]


def test_a_project_village_with_its_own_id_is_within_a_shipped_guizhou_county(
    tmp_path, monkeypatch
):
    from project_fixture import LEISHAN, SOURCE_ID, append, make_project

    from ruralstudy import datasets

    monkeypatch.setenv("RURALSTUDY_DATA", "")
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)
    folder = make_project(tmp_path / "mine")
    append(
        folder / "places.csv",
        f"her.fieldsite.v1,田野村,Fieldsite Village (test),village,{LEISHAN},,108.1,26.4,"
        f"county,20,{SOURCE_ID},Made-up village with the researcher's own id.\n",
    )
    rs.use_data(folder)
    places = rs.load_places()
    guizhou = atlas.within(places, "cn.guizhou")
    assert guizhou["her.fieldsite.v1"] and guizhou["cn.guizhou.qiandongnan.leishan.shiyan"]
    assert not guizhou["cn"] and not guizhou["cn.zhejiang.huzhou.anji.dipu.lujia"]
    assert atlas.county_of(places)["her.fieldsite.v1"] == LEISHAN
    assert atlas.ancestor_at(places, "province")["her.fieldsite.v1"] == "cn.guizhou"


def test_coverage_counts_villages_with_study_facts_and_keeps_unknown_counties():
    cover = atlas.coverage_by_county(PLACES, FACTS, indicators=INDICATORS).set_index("county_id")
    assert cover.loc["cn.p.a", ["villages", "facts"]].tolist() == [3, 5]
    assert cover.loc["cn.p.b", ["villages", "facts"]].tolist() == [1, 1]  # population is not study
    # The sources of the facts counted: f1–f5 (s1, s2) in A, f6 (s1) in B, f8 not counted.
    assert cover.loc["cn.p.a", "source_ids"] == ["s1", "s2"]
    assert cover.loc["cn.p.b", "source_ids"] == ["s1"]
    unknown = cover[cover.index.isna()]
    assert unknown[["villages", "facts"]].values.tolist() == [[1, 1]]
    assert cover["facts"].sum() == 7


def test_latest_per_place_keeps_both_sources_of_a_year_and_drops_undated():
    latest = atlas.latest_per_place(FACTS, "collective_income")
    assert latest["fact_id"].tolist() == ["f2", "f3", "f4", "f5", "f6"]


def test_latest_per_place_can_keep_the_undated_figures_of_places_with_no_dated_one():
    undated_v1 = fact("f9", "cn.p.a.t.v1", "collective_income", None, 7e5, 7e5, 7e5)
    rows = pd.concat([FACTS, pd.DataFrame([undated_v1])], ignore_index=True)
    latest = atlas.latest_per_place(rows, "collective_income", undated=True)
    # v5 has only an undated figure (f7): kept; v1's undated f9 is not, it has a dated 2024.
    assert latest["fact_id"].tolist() == ["f2", "f3", "f4", "f5", "f6", "f7"]
    assert atlas.latest_per_place(rows, "population", undated=True)["fact_id"].tolist() == ["f8"]


def test_county_medians_by_hand():
    med = atlas.county_medians(FACTS, PLACES, "collective_income", min_villages=3)
    assert med["county_id"].tolist() == ["cn.p.a"]  # cn.p.b has one village
    row = med.iloc[0]
    # Villages: v1 5e5 [5e5, 6e5]; v2 mean(2e5, 3e5) = 2.5e5 [2e5, 3e5]; v3 1e6 [1e6, open).
    assert (row["villages"], row["median"]) == (3, 5e5)
    assert row["median_lower"] == 5e5  # median of 5e5, 2e5, 1e6
    assert math.isnan(row["median_upper"])  # v3 has no upper bound
    assert row["source_ids"] == ["s1", "s2"]


def test_county_medians_count_villages_only_not_a_township_total():
    # The township cn.p.a.t reports its own (summed) figure: not a fourth village of cn.p.a,
    # and not enough to give cn.p.b a median with its one village and the county's own figure.
    rows = pd.concat(
        [FACTS, pd.DataFrame([fact("f10", "cn.p.a.t", "collective_income", 2024, 9e6, 9e6, 9e6),
                              fact("f11", "cn.p.b", "collective_income", 2024, 8e6, 8e6, 8e6)])],
        ignore_index=True,
    ).astype({"year": "Int64"})  # fmt: skip
    med = atlas.county_medians(rows, PLACES, "collective_income", min_villages=2)
    assert med["county_id"].tolist() == ["cn.p.a"]
    assert (med.iloc[0]["villages"], med.iloc[0]["median"]) == (3, 5e5)


SOURCES = pd.DataFrame(
    {
        "source_id": ["s1", "s2"],
        "kind": "news",
        "publisher": ["甲报", "乙报"],
        "title": "t",
        "date": "2025",
    }
)


def test_ranked_draws_one_row_per_figure_sorted_with_place_and_year():
    sources = SOURCES
    rows = atlas.latest_per_place(FACTS, "collective_income")
    with rs.plot.style():
        ax = rs.plot.ranked(rows, lang="zh", indicators=INDICATORS, places=PLACES, sources=sources)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == [
            "二村（2024）",
            "二村（2024）",
            "四村（2024）",
            "一村（2024）",
            "三村（2023）",
        ]
        text = "\n".join(t.get_text() for t in ax.figure.texts)
        assert "甲报" in text and "乙报" in text
        plt.close(ax.figure)


def test_ranked_on_a_log_scale_needs_positive_values():
    rows = atlas.latest_per_place(FACTS, "collective_income")
    with rs.plot.style():
        ax = rs.plot.ranked(rows, indicators=INDICATORS, places=PLACES, sources=SOURCES, log=True)
        assert ax.get_xscale() == "log"
        with pytest.raises(ValueError, match=r"positive values; not \['f3'\]"):
            rs.plot.ranked(
                rows.assign(value=rows["value"].where(rows["fact_id"] != "f3", 0.0)),
                indicators=INDICATORS,
                places=PLACES,
                log=True,
                caption="测试",
            )
    plt.close("all")


def test_ranked_refuses_two_indicators():
    with rs.plot.style(), pytest.raises(ValueError):
        rs.plot.ranked(FACTS, indicators=INDICATORS, places=PLACES)
    plt.close("all")


def test_a_county_coverage_map_cites_the_sources_of_the_facts_it_counts(tmp_path):
    import json

    places, facts = rs.load_places(), rs.load_facts()
    cover = atlas.coverage_by_county(places, facts)
    guizhou = cover["county_id"].map(atlas.within(places, "cn.guizhou")).fillna(False)
    mapped = cover[cover["admin_code"].notna() & guizhou.astype(bool)]
    expected = sorted({s for ids in mapped["source_ids"] for s in ids})
    assert len(expected) > 1
    with rs.plot.style():
        ax = rs.maps.choropleth(
            mapped, "villages", scheme="user_defined", bins=[1, 2, 3, 5], lang="en",
            caption=f"Sources: {len(expected)} public reports",
        )  # fmt: skip
        rs.plot.save(ax.figure, tmp_path / "coverage")
    plt.close("all")
    meta = json.loads((tmp_path / "coverage.json").read_text(encoding="utf-8"))
    assert sorted(meta["source_ids"]) == expected
    table = rs.provenance.sources_by_id(rs.load_sources())
    named = rs.provenance.publishers_of(expected, table, "en")
    assert len(meta["publishers"]) > 1 and set(meta["publishers"]) == set(named)
    from ruralstudy.report.gallery import figure_rows

    [row] = figure_rows(tmp_path, {})  # what figures.csv is written from
    assert sorted(row["source_ids"]) == expected and row["publishers"] == meta["publishers"]


def test_a_unit_with_no_source_in_its_list_is_refused():
    from ruralstudy.maps._base import one_source_per_row

    rows = pd.DataFrame({"admin_code": ["520101", "520102"], "source_ids": [["a", "b"], []]})
    exploded = one_source_per_row(rows)
    assert exploded["source_id"].tolist()[:2] == ["a", "b"] and exploded["source_id"].isna().sum()
    with pytest.raises(ValueError, match="1 of 3 rows without a source_id"):
        rs.provenance.cited_source_ids(exploded)
    with pytest.raises(ValueError, match=r"source_ids must be a list .* got .b. \(row 1\)"):
        one_source_per_row(rows.assign(source_ids=[["a"], "b"]))
