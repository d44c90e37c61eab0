"""The case study of any place, and the profile page built from it."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy.case_study import CaseStudy, Tables, format_value, tidy_table

CHETIAN = "cn.guizhou.guian.huchao.chetian"
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
LIPING = "cn.guizhou.qianxinan.xingyi.sajin.liping"


def test_jiaoyao_before_and_after_the_cooperative():
    case = CaseStudy(JIAOYAO, intervention_id="jiaoyao-2018-returnee-cooperative", lang="en")
    table = case.before_after_table()
    tea = table[table["indicator"] == "Tea garden area"].iloc[0]
    assert tea["before"] == "6亩 (1986)" and tea["after"] == "3760亩 (2024)"
    assert tea["ratio"] == "627"  # 3760 / 6, to three significant digits
    assert tea["sources"] == "qdnrbs-2024-11-28-jiaoyao"  # both sides' source, named once
    assert "The split is 2018" in case.before_after_note()


def test_the_default_split_is_the_event_with_most_comparable_indicators():
    # Both Jiaoyao events leave the tea area on both sides; the later one wins the tie.
    assert CaseStudy(JIAOYAO).intervention_id == "jiaoyao-2018-returnee-cooperative"


def test_conflicting_figures_are_side_by_side_with_their_sources():
    conflicts = CaseStudy(JIAOYAO, lang="en").conflicts()
    tea = conflicts[conflicts["indicator"] == "Tea garden area"]
    assert set(tea["as reported"]) == {"1760亩", "2500多亩"}
    assert tea["year"].eq("—").all()
    # The same figure from two sources is not a conflict.
    area = CaseStudy(CHETIAN, lang="en").conflicts()
    assert "Village area" not in set(area["indicator"])


def test_benchmark_against_national_rural_income_of_the_same_year():
    table = CaseStudy(JIAOYAO, lang="en").benchmark()
    row = table.iloc[0]
    assert row["year"] == "2024" and row["as reported"] == "约2.5万元"
    assert row["national rural income"] == "23,119"
    assert row["ratio to national"] == "1.08 […, …]"  # 约 gives no bounds
    assert row["province rural income"] == "—"  # no Guizhou figure for 2024 in the data


def test_benchmark_headings_in_both_languages_name_each_benchmark_once():
    columns = list(CaseStudy(JIAOYAO, lang="both").benchmark().columns)
    assert "省农村居民人均可支配收入 / province rural income" in columns
    assert "与全国之比 / ratio to national" in columns
    assert "全国来源 / national source" in columns
    assert not [c for c in columns if c.count("province") > 1 or c.count("national") > 1]


def test_a_place_without_events_says_so_plainly():
    case = CaseStudy(LIPING, lang="en")
    assert case.intervention_id is None and case.timeline() is None
    assert case.before_after_table().empty
    assert case.before_after_note().startswith("No intervention is recorded")
    assert "no intervention is recorded" in case.support()
    assert case.benchmark().empty and "no dated per-capita income" in case.benchmark_note()


def test_what_the_data_support_counts_from_the_data():
    text = CaseStudy(CHETIAN, lang="en").support()
    n = len(rs.load_facts().query("place_id == @CHETIAN"))
    assert f"A traced record: {n} facts" in text
    assert "no counterfactual" in text and "undated fact" in text


def test_the_sources_section_cites_each_source_in_full_once():
    table = CaseStudy(JIAOYAO, lang="en").sources_table()
    ids = set(rs.load_facts().query("place_id == @JIAOYAO")["source_id"])
    assert ids <= set(table["source_id"]) and table["source_id"].is_unique
    row = table[table["source_id"] == "qdnrbs-2024-11-28-jiaoyao"].iloc[0]
    assert row["address"] == "http://dzb.qdnrbs.cn/szb/pc/202411/28/c276946.html"
    assert row["publisher"].startswith("黔东南日报") and row["seen"] != "—"
    national = CaseStudy(JIAOYAO, lang="en").benchmark()["national source"].iloc[0]
    assert national in set(table["source_id"])  # the benchmark's source is cited too


def test_section_headings_and_introductions_follow_lang():
    assert CaseStudy(JIAOYAO, lang="zh").section("identity") == "## 基本信息"
    assert CaseStudy(JIAOYAO, lang="en").section("identity") == "## Who and where"
    assert CaseStudy(JIAOYAO, lang="both").section("identity") == "## Who and where · 基本信息"
    zh = CaseStudy(JIAOYAO, lang="zh").section("conflicts")
    assert zh.startswith("## 相互矛盾的数据\n\n同一指标") and "Figures of" not in zh


def test_words_follow_lang():
    assert CaseStudy(JIAOYAO, lang="zh").title() == "脚尧村 · 案例研究"
    assert CaseStudy(JIAOYAO, lang="both").title() == "脚尧村 Jiaoyao Village · 案例研究 case study"
    with pytest.raises(ValueError, match="lang"):
        CaseStudy(JIAOYAO, lang="fr")


def tiny_tables(**facts_columns) -> Tables:
    """A new village with no coordinates and one simulated source."""
    t = Tables.load()
    places = pd.concat([t.places, pd.DataFrame([{
        "place_id": "cn.guizhou.newvillage", "name_zh": "新村", "name_en": "Xincun",
        "level": "village", "parent_id": "cn.guizhou"}])], ignore_index=True)  # fmt: skip
    sources = pd.concat([t.sources, pd.DataFrame([{
        "source_id": "sim-1", "kind": "synthetic", "publisher": "ruralstudy", "date": "2026"}])],
        ignore_index=True)  # fmt: skip
    facts = pd.DataFrame([{
        "fact_id": "x-1", "place_id": "cn.guizhou.newvillage", "indicator_id": "population",
        "year": 2020, "as_of": "2020", "value": 100.0, "lower": 100.0, "upper": 100.0,
        "qualifier": "exact", "unit": "person", "text": "100人", "source_id": "sim-1",
        "quote": None, **facts_columns}])  # fmt: skip
    return Tables(pd.concat([t.facts, facts], ignore_index=True), places, t.indicators,
                  sources, t.interventions)  # fmt: skip


def test_a_new_village_without_coordinates_or_events():
    case = CaseStudy("cn.guizhou.newvillage", lang="en", tables=tiny_tables())
    assert case.locator() is None and "no coordinates" in case.location_note()
    assert case.province_id() == "cn.guizhou"
    facts = case.facts_table()
    assert facts.iloc[0]["year"] == "2020" and facts.iloc[0]["value"] == "100"
    assert "some of the data are simulated" in case.support()


def test_a_village_outside_guizhou_gets_no_locator_and_says_why():
    # The base maps show Guizhou; a Shanxi village would be a dot far off the map.
    import matplotlib.pyplot as plt

    outside = CaseStudy("cn.shanxi.yuncheng.hejin.longmen", lang="en")
    assert outside.has_location() and not outside.on_base_map()
    assert outside.locator() is None
    assert "cover Guizhou only" in outside.location_note()
    inside = CaseStudy("cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao", lang="en")
    ax = inside.locator()
    assert ax is not None and "cover Guizhou only" not in inside.location_note()
    plt.close(ax.figure)


def test_tidy_tables_read_cleanly():
    df = pd.DataFrame({"n": [1013.0, None], "share": [0.081234, 12.5],
                       "files": [["a.png", "a.svg"], None],
                       "year": pd.array([2019, None], "Int64")})  # fmt: skip
    out = tidy_table(df)
    assert out.to_dict("list") == {
        "n": ["1,013", "—"], "share": ["0.0812", "12.5"], "files": ["a.png; a.svg", "—"],
        "year": ["2019", "—"],
    }  # fmt: skip
    assert format_value(float("nan")) == format_value(pd.NA) == format_value(None) == "—"
    assert format_value(1.23456e-7) == "0.000000123"  # never exponent form


def test_profile_page_has_no_code_and_its_figures(tmp_path, monkeypatch):
    from ruralstudy.report import build_profile

    monkeypatch.chdir(tmp_path)  # a relative --out, as a user types it
    written = build_profile("Jiaoyao", "p", lang="en")
    page = tmp_path / "p" / f"{JIAOYAO}.html"
    assert page in [Path(w).resolve() for w in written]
    html = page.read_text(encoding="utf-8")
    assert "<title>Jiaoyao Village · case study</title>" in html  # in the page's language
    assert "case.facts_table" not in html and "hl-ipython3" not in html  # no code cells
    assert "What the data can and cannot support" in html and "Tea garden area" in html
    assert "Case study of one place" not in html  # the template's own note is for editors
    figures = tmp_path / "p" / "figures" / JIAOYAO
    for stem in ("locator", "timeline", "before_after"):
        for fmt in ("png", "svg", "pdf"):
            assert (figures / f"{stem}.{fmt}").is_file(), f"{stem}.{fmt}"
    assert not re.search(r"(NaN|<NA>|None)</td>", html)
    # Each figure says what it shows, in the page's language: its title and caption.
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', html)
    assert len(alts) == 3 and "No description" not in html
    assert alts[0].startswith("Jiaoyao Village · location map. Source")
    assert alts[1].startswith("Jiaoyao Village: timeline. Sources: ")
    assert all(not re.search("[\u4e00-\u9fff]", alt) for alt in alts)  # English page
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)
    assert len(headings) == 8 and "Who and where" in headings[0] and "Sources" in headings[-1]
    assert not [h for h in headings if re.search("[\u4e00-\u9fff]", h)]  # no 基本信息
    # Its own Chinese font beside it, named by a relative address (place names are Chinese
    # in an English page too).
    from fontTools.ttLib import TTFont

    font = tmp_path / "p" / "fonts" / f"{JIAOYAO}.woff"
    assert f'src: url("fonts/{JIAOYAO}.woff")' in html
    assert (tmp_path / "p" / "fonts" / f"{JIAOYAO}.LICENSE.txt").is_file()
    with TTFont(font) as woff:
        cmap = woff.getBestCmap()
    chinese = set(re.findall("[\u4e00-\u9fff]", html))
    assert "脚" in chinese and not [c for c in chinese if ord(c) not in cmap]


def test_values_from_the_data_cannot_inject_markup():
    evil = "<script>alert(1)</script>*x*"
    tables = tiny_tables()
    places = tables.places.copy()
    places.loc[places["place_id"] == "cn.guizhou.newvillage", ["name_zh", "name_en"]] = evil
    events = pd.concat([tables.interventions, pd.DataFrame([{
        "place_id": "cn.guizhou.newvillage", "intervention_id": "x-2019", "year": 2019,
        "kind": "other", "name_zh": evil, "name_en": evil, "source_id": "sim-1"}])],
        ignore_index=True)  # fmt: skip
    case = CaseStudy("cn.guizhou.newvillage", lang="en",
                     tables=Tables(tables.facts, places, tables.indicators, tables.sources,
                                   events))  # fmt: skip
    for text in (case.heading(), case.before_after_note()):
        assert "<script>" not in text and "&lt;script&gt;" in text and r"\*x\*" in text
    page = rs.case_study.show(case.events_table())._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("place_id", ["cn.guizhou.qiannan.duyun", "cn.guizhou.xida", "cn"])
def test_places_with_little_or_no_data_get_a_plain_study(place_id):
    case = CaseStudy(place_id, lang="en")
    for part in (case.identity(), case.facts_table(), case.conflicts(), case.benchmark(),
                 case.before_after_table(), case.events_table()):  # fmt: skip
        rs.case_study.show(part)._repr_html_()
    if case.facts.empty:
        assert "Nothing yet" in case.support() and "A traced record" not in case.support()
    assert case.benchmark().empty  # the national series is not benchmarked against itself
