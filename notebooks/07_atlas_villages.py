# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · Guizhou villages in the news: an atlas of reported figures
#
# **Question.** Across the villages that Guizhou's press and government pages
# report on, what do the figures say about the three things this package is
# about — collective income and dividends (集体经济收入、分红), abandoned farmland
# brought back into use (撂荒地复耕、土地流转) and homestay and farmhouse tourism
# (民宿、农家乐) — and how far can a before/after comparison across villages go?
# Most villages are Guizhou's; where Guizhou's pages ran out, well-documented
# villages of other provinces were added (issue 12 allows it), and the tables
# below say which.
#
# Every number below is a row of `data/facts.csv`: a figure from a stored public
# report, with its verbatim quote, its qualifier (余, 近, 逾, 约) and the bounds
# the qualifier implies. The analysis is the package's: `rs.atlas` (coverage and
# county medians), `rs.compare` (before/after across places, growth per year
# with bounds, constant prices, benchmarks) and `rs.plot.ranked`.

# %%
import pandas as pd

import ruralstudy as rs

rs.plot.use_style()
pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 36)
FIGURES = rs.report.figures_dir()

facts, places, indicators = rs.load_facts(), rs.load_places(), rs.load_indicators()
sources, interventions = rs.load_sources(), rs.load_interventions()
STUDY_DOMAINS = ("land", "collective_economy", "tourism")
study_ids = indicators.loc[indicators["domain"].isin(STUDY_DOMAINS), "indicator_id"]
villages = places[places["level"].isin(["village", "community"])]
study = facts[facts["indicator_id"].isin(study_ids) & facts["place_id"].isin(villages["place_id"])]
# Villagers' per-capita income is the outcome the three domains are meant to raise.
outcomes = facts[
    facts["indicator_id"].isin([*study_ids, "village_income_per_capita"])
    & facts["place_id"].isin(villages["place_id"])
]

# %% [markdown]
# ## Who is in the atlas
#
# A village is *in the atlas* when at least one fact in the three study domains
# is about it. Counties are found by walking each village's place hierarchy
# (`parent_id`), never by matching names.

# %%
coverage = rs.atlas.coverage_by_county(places, facts)
pairs = rs.compare.dated_pairs(outcomes, ties="each")
rs.show(pd.Series(
    {
        "villages and communities": study["place_id"].nunique(),
        "county-level units": coverage["county_id"].nunique(),
        "facts in the three domains": len(study),
        "sources cited by them": study["source_id"].nunique(),
        "villages with a dated before/after pair (incl. per-capita income)": pairs[
            "place_id"
        ].nunique(),
        "interventions with a year": int(interventions["year"].notna().sum()),
    },
    name="atlas",
))

# %% [markdown]
# Some villages belong to *functional areas* — Gui'an New Area's directly
# administered zone, airport economic zones, management areas — which run them
# but have no county boundary of their own. They cannot be shaded on a county
# map; they are listed here rather than dropped.

# %%
statutory = coverage[coverage["admin_code"].notna()]
rs.show(coverage[coverage["admin_code"].isna()][["county_id", "name_zh", "villages", "facts"]])

# %% [markdown]
# Where Guizhou's pages ran out, the atlas took well-documented villages from
# other provinces (issue 12 allows it), each with its own hierarchy. Their
# counties are not on a map of Guizhou; they are listed here instead.

# %%
in_guizhou = statutory["county_id"].str.startswith("cn.guizhou.")
province_of = statutory["county_id"].str.split(".").str[:2].str.join(".")
elsewhere = statutory[~in_guizhou].assign(
    province=province_of[~in_guizhou].map(places.set_index("place_id")["name_zh"])
)
elsewhere[["province", "name_zh", "admin_code", "villages", "facts"]]

# %% [markdown]
# The map shows how many atlas villages each statutory county of Guizhou
# holds. Hatched
# counties have **no village in the atlas** — not "no villages": news coverage,
# not the map, decides who is here.

# %%
n_sources = study["source_id"].nunique()
ax = rs.maps.choropleth(
    statutory[in_guizhou],
    "villages",
    label="收录村庄数",
    value_unit="个",
    lang="zh",
    scheme="user_defined",
    bins=[1, 2, 3, 5],
    caption=f"数据来源：本数据集所收{n_sources}篇公开报道（逐条见 data/sources.csv）",
    title="收录村庄的县（区）分布",
)
paths = rs.plot.save(ax.figure, FIGURES / "07_atlas_coverage")

# %% [markdown]
# ## What the villages report
#
# Which study indicators are reported for the most villages, and for how many
# of them with a year (an undated figure cannot be set beside another in time):

# %%
dated = study[study["year"].notna()]
reported = (
    study.groupby("indicator_id")
    .agg(villages=("place_id", "nunique"), facts=("fact_id", "size"))
    .join(dated.groupby("indicator_id").agg(villages_dated=("place_id", "nunique")))
    .fillna({"villages_dated": 0})
    .astype({"villages_dated": int})
    .join(indicators.set_index("indicator_id")[["name_zh", "unit", "domain"]])
    .sort_values(["villages_dated", "villages"], ascending=False)
)
rs.show(reported.head(15))

# %% [markdown]
# Each village's latest figure of the most widely reported indicators, with the
# bounds its wording implies (a whisker for 余/多, an arrow for 逾 and 近; hollow
# for 约), on a log scale because villages differ by orders of magnitude. Two
# sources reporting one year both appear, so conflicts show.

# %%
for indicator_id in reported.index[:4]:
    latest = rs.atlas.latest_per_place(study, indicator_id)
    ax = rs.plot.ranked(latest, lang="zh", log=True)
    rs.plot.save(ax.figure, FIGURES / f"07_ranked_{indicator_id}")

# %% [markdown]
# County medians of collective income, only where at least three villages of
# a county report one (a median of two is not a county figure). The bounds are
# the medians of the figures' own bounds; an open bound stays open.

# %%
rs.show(rs.atlas.county_medians(facts, places, "collective_income", min_villages=3))

# %% [markdown]
# ## Before and after across villages
#
# For every village and indicator with figures in two or more years — the
# three domains and villagers' per-capita income — the earliest and the
# latest: the change, and the growth per year with the bounds the two
# figures' qualifiers allow.

# %%
names = places.set_index("place_id")["name_zh"]
money = pairs[pairs["unit"].str.startswith("CNY")]
columns = ["village", "indicator_id", "before_year", "before_text", "after_year", "after_text",
           "growth_per_year", "growth_per_year_lower", "growth_per_year_upper"]
rs.show(pairs.assign(village=pairs["place_id"].map(names))[columns].round(3))

# %% [markdown]
# Money figures in constant prices, and beside rural incomes over the same
# years. The deflator is the national rural price change implied by the
# statistical releases (nominal over real growth of rural per-capita
# disposable income, `rs.compare.rural_price_index`); the benchmark is rural
# per-capita disposable income of Guizhou for Guizhou's villages where the data
# hold both years, and of China otherwise (the table says which).

# %%
index = rs.compare.rural_price_index(facts, base_year=2024)
real = rs.compare.deflate_pairs(money, index)
guizhou = rs.compare.benchmark_growth(real, facts, place_id="cn.guizhou")
national = rs.compare.benchmark_growth(real, facts, place_id="cn")
in_province = guizhou["place_id"].str.startswith("cn.guizhou.")
use_guizhou = guizhou["benchmark_growth_per_year"].notna() & in_province
benchmarked = guizhou.where(use_guizhou, national).assign(
    benchmark=use_guizhou.map({True: "Guizhou", False: "China"})
)
columns = ["village", "indicator_id", "before_year", "after_year", "growth_per_year",
           "real_growth_per_year", "benchmark", "benchmark_growth_per_year", "growth_vs_benchmark"]
rs.show(benchmarked.assign(village=benchmarked["place_id"].map(names))[columns].round(3))

# %% [markdown]
# Where a village's own dated intervention (cooperative founded, village
# company set up, first dividend, land project, homestay cluster opened) splits
# its figures, the before/after around that cut. Two sources that report the
# same indicator for the same year are both kept in the data, and
# `before_after` refuses to choose between them; those figures are set aside
# here (listed first) and the pairs above show each of them.

# %%
same_year = outcomes["year"].notna() & outcomes.duplicated(
    ["place_id", "indicator_id", "year"], keep=False
)
outcomes[same_year][["fact_id", "indicator_id", "year", "text", "source_id"]]

# %%
around = rs.compare.before_after_all(outcomes[~same_year], interventions)
columns = ["village", "intervention_id", "cut_year", "indicator_id", "before_year",
           "before_text", "after_year", "after_text", "growth_per_year"]
rs.show(around.assign(village=around["place_id"].map(names))[columns].round(3))

# %% [markdown]
# ## What the data can and cannot support
#
# - **Can:** show the range of what villages in the news report — collective
#   incomes, dividends, areas of land brought back into use, homestay counts
#   and incomes — each figure with its source, its quote and the bounds its
#   wording implies, and which villages report a dated before and after.
# - **Cannot:** stand for Guizhou's villages. The atlas holds villages that
#   newspapers and government pages chose to report, mostly as successes; a
#   village whose collective income did not grow is rarely news. Coverage by
#   county follows that choice, not a sample design.
# - **Cannot:** be read as audited accounts. The figures are *reported*:
#   "村集体经济收入" may be revenue in one report and profit in another; a
#   dividend may be per household, per person or in total; years are those the
#   text gives, and a text's "目前" is dated by its publication.
# - **Cannot:** attribute a change to an intervention. A before/after pair
#   around a cooperative's founding is a description; without comparison
#   villages (notebook 05's methods need a panel) it is not an effect.
# - Growth per year between two reported figures says nothing of the path in
#   between; its bounds are only those of the two figures' wording, not of
#   measurement error.
