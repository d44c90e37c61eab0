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
# By the place hierarchy (parent_id), not the spelling of ids: a researcher's
# village with ids of her own under a Guizhou county counts as Guizhou's.
in_guizhou = statutory["county_id"].map(rs.atlas.within(places, "cn.guizhou")).astype(bool)
province_of = statutory["county_id"].map(rs.atlas.ancestor_at(places, "province"))
elsewhere = statutory[~in_guizhou].assign(
    province=province_of[~in_guizhou].map(places.set_index("place_id")["name_zh"])
)
elsewhere[["province", "name_zh", "admin_code", "villages", "facts"]]

# %% [markdown]
# The map shows how many atlas villages each statutory county of Guizhou
# holds. Hatched
# counties have **no village in the atlas** — not "no villages": news coverage,
# not the map, decides who is here. Its labels are in Chinese and English, so
# the figure can be reused as it is. It cites the sources of the facts it
# counts (each county's `source_ids`), so its entry in the figures index names them.

# %%
mapped = statutory[in_guizhou]
n_sources = len({source for ids in mapped["source_ids"] for source in ids})
ax = rs.maps.choropleth(
    mapped,
    "villages",
    label="收录村庄数 Villages in the atlas",
    value_unit="个",
    lang="both",
    scheme="user_defined",
    bins=[1, 2, 3, 5],
    caption=(
        f"数据来源：本数据集所收{n_sources}篇公开报道（逐条见 data/sources.csv）"
        f" Sources: {n_sources} public reports (each in data/sources.csv)"
    ),
    title="收录村庄的县（区）分布 Counties of the villages in the atlas",
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
# The distributions the study is about: collective income, dividends (in
# total, per household and per person), land brought back into use or leased
# by the collective, and homestay income (of the collective's homestays and of
# single homestays, kept apart), beside the two most reported tourism counts.
# Each village's latest figure, with the bounds its wording implies (a whisker
# for 余/多, an arrow for 逾 and 近; hollow for 约), on a log scale where
# villages differ by an order of magnitude or more. Two sources reporting one year both
# appear, so conflicts show; so do two dividend rounds of one year. Where a
# village's figures carry no year (areas, often), its undated figure is drawn,
# labelled without a year. Villages outside Guizhou are in these figures too
# (the province table above names them). Several of these indicators are
# reported for only two to five villages: a figure of them is a list, not a
# distribution. Read each row with its fact's note: 田箐村's 3.38亩 of
# abandoned land is one plot being cleared on the day of the report, not the
# village's total, and the single-homestay figures are one business each.

# %%
DISTRIBUTIONS = [
    "collective_income", "collective_dividend_paid", "collective_dividend_per_household",
    "collective_dividend_per_person", "abandoned_land_consolidated",
    "collective_land_transferred", "collective_homestay_income", "homestay_business_income",
    "tourist_visits", "tourism_income",
]  # fmt: skip
for indicator_id in DISTRIBUTIONS:
    latest = rs.atlas.latest_per_place(study, indicator_id, undated=True)
    # A log scale where the figures span an order of magnitude or more.
    wide = latest["value"].max() >= 10 * latest["value"].min()
    ax = rs.plot.ranked(latest, lang="both", log=bool(wide))
    rs.plot.save(ax.figure, FIGURES / f"07_ranked_{indicator_id}")

# %% [markdown]
# County medians of collective income, only where at least three villages of
# a county report one (a median of two is not a county figure). The bounds are
# the medians of the figures' own bounds; an open bound stays open.

# %%
medians = rs.atlas.county_medians(facts, places, "collective_income", min_villages=3)
rs.show(medians)

# %% [markdown]
# How many villages each county has with a dated collective income, at most:
# where no county reaches three, there is no median to map, and the county
# choropleth of median collective income is not drawn.

# %%
reporting = rs.atlas.latest_per_place(study, "collective_income").assign(
    county_id=lambda d: d["place_id"].map(rs.atlas.county_of(places))
)
per_county = reporting.groupby("county_id")["place_id"].nunique().sort_values(ascending=False)
rs.show(per_county.head(5).rename("villages with a dated collective income"))

# %% [markdown]
# ## Before and after across villages
#
# For every village and indicator with figures in two or more years — the
# three domains and villagers' per-capita income — the earliest and the
# latest: the change, and the growth per year with the bounds the two
# figures' qualifiers allow.

# %%
names = places.set_index("place_id")["name_zh"]
province = pairs["place_id"].map(rs.atlas.ancestor_at(places, "province")).map(names)
money = pairs[pairs["unit"].str.startswith("CNY")]
columns = ["province", "village", "indicator_id", "unit", "before_year", "before_text",
           "after_year", "after_text", "change", "change_lower", "change_upper",
           "growth_per_year", "growth_per_year_lower", "growth_per_year_upper"]
rs.show(pairs.assign(village=pairs["place_id"].map(names), province=province)[columns].round(3))

# %% [markdown]
# A bound is shown where the wording gives one: "超过10000元" after "33元"
# is growth of *at least* 18.3 % a year (no upper bound), "近1.7万元" after
# "超过16400元" *at most* 1.8 % a year. A dash is a bound no wording gives.
# Two pairs compare unlike periods, as their fact notes say: 幸福村's
# homestay income sets one homestay's full 2015 season beside its summer of
# 2022, and 山堡村's staying visitors are counts of parts of the season.
#
# Money figures in constant prices, and beside rural incomes over the same
# years. The deflator is the national rural price change implied by the
# statistical releases (nominal over real growth of rural per-capita
# disposable income, `rs.compare.rural_price_index`); the benchmark is rural
# per-capita disposable income of the nearest enclosing place whose series
# holds both years of the pair (`rs.compare.benchmark_growth_nearest`):
# Guizhou for Guizhou's villages where the data hold both years, China
# otherwise, and the `benchmark` column says which. The data hold Guizhou's
# rural income for the years below only (a year no source gives stays
# missing), so the provincial benchmark is used only for a pair of two of them:

# %%
guizhou_income = facts[(facts["place_id"] == "cn.guizhou")
                       & (facts["indicator_id"] == rs.compare.RURAL_INCOME)]  # fmt: skip
rs.show(guizhou_income.sort_values("year")[["year", "text", "source_id"]])

# %% [markdown]
# The national price index covers the years below; a pair with a year outside
# it is not put in constant prices (a dash), and a pair with a year outside the
# national income series (2015 on) has no benchmark.

# %%
index = rs.compare.rural_price_index(facts, base_year=2024)
rs.show(index.round(1))

# %% [markdown]
# How many of the money pairs each benchmark serves; a dash counts the pairs
# whose two years no enclosing series holds (no benchmark is shown for them).

# %%
real = rs.compare.deflate_pairs(money, index)
benchmarked = rs.compare.benchmark_growth_nearest(real, facts, places=places)
benchmarked["benchmark"] = benchmarked["benchmark_place_id"].map(names)
rs.show(benchmarked["benchmark"].value_counts(dropna=False).rename("pairs"))

# %%
columns = ["village", "indicator_id", "before_year", "after_year", "growth_per_year",
           "real_growth_per_year", "real_growth_per_year_lower", "real_growth_per_year_upper",
           "benchmark", "benchmark_growth_per_year", "growth_vs_benchmark",
           "growth_vs_benchmark_lower", "growth_vs_benchmark_upper"]
rs.show(benchmarked.assign(village=benchmarked["place_id"].map(names))[columns].round(3))

# %% [markdown]
# Where a village's own dated intervention (cooperative founded, village
# company set up, first dividend, land project, homestay cluster opened) splits
# its figures, the before/after around that cut. Two sources that report the
# same indicator for the same year are both kept in the data, and the table
# keeps both: one row per conflicting figure, each with its source, marked in
# the `conflict` column (no choice is made between them).

# %%
around = rs.compare.before_after_all(outcomes, interventions)
columns = ["village", "intervention_id", "cut_year", "indicator_id", "before_year",
           "before_text", "before_source_id", "after_year", "after_text", "after_source_id",
           "conflict", "growth_per_year", "growth_per_year_lower", "growth_per_year_upper"]
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
