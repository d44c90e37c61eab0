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
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Chetian and Jiaoyao, before and after
#
# **Question.** What do public reports say changed in Chetian 车田村 after its
# village tourism company (2019) and in Jiaoyao 脚尧村 after a returnee's tea
# cooperative (2018) — by how much, against which benchmark, and how sure can a
# reader be?
#
# Every comparison below carries the bounds of the figures it compares: a change
# between "6万多元" and "86万元" is an interval, not a point. The library does the
# arithmetic (`rs.compare`) and builds the case-study tables (`rs.case_study`,
# the same study `ruralstudy profile` runs for any village); the charts (`rs.plot`) draw
# the intervals and cite their sources, so they can be pasted into a report as
# they are.

# %%
from IPython.display import Markdown

import ruralstudy as rs

rs.plot.use_style()
FIGURES = rs.report.figures_dir() / "06_cases"
show = rs.case_study.show

chetian = rs.case_study.CaseStudy(
    "cn.guizhou.guian.huchao.chetian", intervention_id="chetian-2019-tourism-company"
)
jiaoyao = rs.case_study.CaseStudy(
    "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao",
    intervention_id="jiaoyao-2018-returnee-cooperative",
)

# %% [markdown]
# ## Chetian: ten years in dated events
#
# The tourism build-out of 2013, opening and 4A rating in 2015, the loss of the
# rating in 2018, the cadres' May-Day turnaround and the village company in
# 2019, the land consolidation that followed. Facts with a year are set beside
# the events.

# %%
ax = chetian.timeline()
saved = rs.plot.save(ax.figure, FIGURES / "chetian_timeline")

# %% [markdown]
# ## Chetian: what "before" looked like
#
# The article describes the "hollow village" (空心村) before the turnaround, but
# without dates: 80 % of the labour force working away, farmland abandoned. The
# village's size differs by source and date — an undated encyclopedia entry
# (809 people), a 2022 report ("1100多人") and the 2025 payout report (1013
# people). None of these is wrong; they are different counts (registered,
# resident, in a payout roll) at different times, and the data keep each.

# %%
show(chetian.facts_table("population", "households", "labour_outmigration_share"))

# %%
ax = rs.plot.bars(chetian.facts_of("population"), lang="both")
saved = rs.plot.save(ax.figure, FIGURES / "chetian_population")

# %% [markdown]
# ## Chetian: before and after the village company (2019)
#
# `rs.compare.before_after` takes, for each indicator, the latest dated figure
# up to the intervention year and the latest since. For Chetian almost every
# dated figure comes *after* 2019: the reports that describe the village before
# its turnaround give no dates. The table says so plainly — an empty "before"
# is a gap in the record, not a zero.

# %%
Markdown(chetian.before_after_note())

# %%
show(chetian.before_after_table(one_sided=True))

# %% [markdown]
# The collective dividend is reported twice, and the two figures measure
# different things: "每年分红10万余元" (an undated annual dividend from the
# company, October 2025) and "29.5万余元" paid out for 2025 to 200 households and
# 1013 people — dividends *and* payments to the elderly, in the fourth year in a
# row. The second is not the first grown threefold.

# %%
show(chetian.facts_table("collective_dividend_annual", "collective_payout_total"))

# %% [markdown]
# ## Jiaoyao: the tea garden, by source
#
# Three sources give Jiaoyao's tea area: 6 亩 in 1986 and 3760 亩 in 2024
# (Qiandongnan Daily, Nov 2024), 1760 亩 (Guizhou Daily, May and Oct 2025,
# undated), "2500多亩" (an online gazetteer). The chart below compares the
# latest dated figure on each side of 2018; the conflicting undated reports are
# listed beside it rather than hidden.

# %%
show(jiaoyao.facts_table("tea_garden_area"))

# %%
ax = jiaoyao.before_after_chart()
saved = rs.plot.save(ax.figure, FIGURES / "jiaoyao_before_after")

# %%
show(jiaoyao.before_after_table())

# %% [markdown]
# ## Against the national benchmark
#
# Jiaoyao's "人均收入约2.5万元" (2024) beside national rural per-capita
# disposable income in the same year (23 119 yuan, NBS; no Guizhou figure for 2024 is in the data). The ratio is about
# 1.08 — and it has no bounds, because "约" gives none. The two are also not the
# same statistic: a village cadre's "per-capita income" is not the survey-based
# disposable income of the NBS. Read the ratio as "of the same order", not as
# "8 % above".

# %%
show(jiaoyao.benchmark())

# %% [markdown]
# ## The benchmark in constant prices
#
# No rural CPI series is in the data, but every NBS release states rural income
# growth both nominal and "扣除价格因素" (real). The ratio of the two is the price
# change the statistician removed; chaining it gives a rural price index
# (`rs.compare.rural_price_index`, applied by
# `benchmark_in_prices`) — the deflator consistent with the benchmark
# itself. National rural income in 2024 prices:

# %%
real = jiaoyao.benchmark_in_prices(base_year=2024)
show(real[["year", "value_nominal", "value"]].rename(
    columns={"value_nominal": "current prices", "value": "2024 prices"}
), digits=5)

# %%
ax = rs.plot.series(
    real,
    lang="both",
    title="全国农村居民人均可支配收入（2024年价格）\nRural per-capita disposable income, China (2024 prices)",
)
saved = rs.plot.save(ax.figure, FIGURES / "national_rural_income_real")

# %% [markdown]
# ## What the data can and cannot support
#
# - **Can:** a traced, bounded record of what public reports say: Chetian
#   consolidated 300 亩 (20 ha) of abandoned land, runs 15 farmhouse restaurants
#   and paid out 29.5万余元 for 2025; Jiaoyao's tea garden grew from 6 亩 (1986)
#   to thousands of 亩, with a collective income of 57.47万元 in 2024 and
#   per-capita income of the order of the national rural average.
# - **Cannot:** an effect of the company or the cooperative. "Before" figures
#   are mostly undated, sources measure different things under similar names
#   (population, tea area, dividends), and one village has no counterfactual.
#   A causal claim needs a panel of villages with programme start years —
#   `05_panel_methods` shows the estimators, and the schema of `data/` extends
#   to such panels.

# %%
Markdown(chetian.support() + "\n\n" + jiaoyao.support())
