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
# # 03 · Figure gallery: charts a policy writer can reuse as they are
#
# **Question.** What does each chart function of `ruralstudy.plot` draw from the
# curated facts, and does every figure carry its own evidence when it is copied
# into a report or a slide without this notebook around it?
#
# Each figure below is drawn three times, in Chinese (`lang="zh"`), English
# (`"en"`) and both (`"both"`), and saved as PNG (300 dpi), SVG and PDF under
# `reports/figures/`. Every figure prints, at its foot, the sources of the rows
# it drew (数据来源 / Source); a figure drawn from simulated rows would also say
# **模拟数据 · simulated data** in red, and across its plot area.

# %%
import ruralstudy as rs

rs.plot.use_style()

FIGURES = rs.report.figures_dir() / "03_gallery"
LANGS = ["zh", "en", "both"]

facts = rs.load_facts()
interventions = rs.load_interventions()
COLUMNS = ["place_id", "indicator_id", "year", "value", "lower", "upper", "qualifier", "text", "source_id"]

# %% [markdown]
# ## How a figure shows what a report wrote
#
# Chinese reporting conventions carry bounds (DESIGN.md, principle 3), and each
# chart draws them the same way; a key on the figure names the marks it uses.
#
# | written | qualifier | stored as | drawn as |
# |---|---|---|---|
# | 1013人 | exact | value = lower = upper | the mark only |
# | 1100多人, 29.5万余元 | plus | [X, X + step) | a whisker up to the next step (labelled X+ in English) |
# | 3000至4000斤 | range | [X, Y] | a whisker from X to Y |
# | 突破17万元, 逾千万元 | over | at least X, no upper bound | an arrow pointing past X (>X) |
# | 近20人, 接近2000亩 | under | just below X, no lower bound | an arrow pointing back from X (<X) |
# | 约2.5万元, 4.8万元左右 | approx | X, no bounds | a hollow or faded mark, ≈X |
#
# In Chinese figures a value is labelled with the source's own wording
# (`text`); in English and bilingual figures with the number and its mark.

# %% [markdown]
# ## `bars`: one bar per fact row
#
# Chetian's (车田村) population, as three sources report it. Two of the three
# give no year, so the bars are told apart by their publisher; the 2022 report
# writes 1100多人, drawn as a whisker from 1,100 to 1,200.

# %%
CHETIAN = "cn.guizhou.guian.huchao.chetian"
population = facts.query("place_id == @CHETIAN and indicator_id == 'population'")
population[COLUMNS]

# %%
for lang in LANGS:
    ax = rs.plot.bars(population, lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"bars_chetian_population_{lang}")

# %% [markdown]
# ## `before_after`: one place, before and after an intervention
#
# Jiaoyao (脚尧村) before and after the returnee's tea cooperative of 2018.
# Each indicator is its own row, scaled to its own largest value, with the
# values and their years written at the marks. Only the tea-garden area has a
# dated figure on both sides (6亩 in 1986, when planting began, and 3760亩 in
# 2024); the other indicators are reported after 2018 only and show one mark.
# The facts said to describe the village *before 2018* (1760亩, 近三分之一
# abandoned) carry no year in `facts.csv`, so they cannot be placed and are not
# drawn.

# %%
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
jiaoyao = facts.query("place_id == @JIAOYAO")
jiaoyao.dropna(subset=["year"])[COLUMNS]

# %%
for lang in LANGS:
    ax = rs.plot.before_after(jiaoyao, intervention_id="jiaoyao-2018-returnee-cooperative", lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"before_after_jiaoyao_{lang}")

# %% [markdown]
# ## `timeline`: a place's chronicle
#
# Chetian's dated events (`interventions.csv`) with the dated facts reported
# about it. The caption cites the sources of both the events and the facts.

# %%
for lang in LANGS:
    ax = rs.plot.timeline(interventions, facts, place_id=CHETIAN, lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"timeline_chetian_{lang}")

# %% [markdown]
# ## `series`: a yearly series with benchmarks
#
# China's rural per-capita disposable income, 2015–2024, from the yearly
# statistical releases, with Guizhou's one figure in the table (2014) as a
# benchmark point. The ten national figures come from ten sources of one
# publisher, so the caption gives them as one entry with their date range.

# %%
income = facts.query("indicator_id == 'rural_disposable_income_per_capita'")
national = income.query("place_id == 'cn'")
guizhou = income.query("place_id == 'cn.guizhou'")
income[COLUMNS]

# %%
for lang in LANGS:
    ax = rs.plot.series(national, benchmarks=guizhou, lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"series_rural_income_{lang}")

# %% [markdown]
# ## The caption text
#
# `rs.plot.caption_for` returns the text each chart writes; a report can quote
# it beside a figure. Rows from the simulator (source kind `synthetic`) always
# bring the mark, whatever the caption says.

# %%
print(rs.plot.caption_for(national))
print(rs.plot.caption_for(national, lang="en"))

# %%
panel = rs.simulate.village_panel(n_villages=20, years=5, seed=0)
print(rs.plot.caption_for(panel))

# %% [markdown]
# ## Files written
#
# Every figure above, in the three formats. The same input gives the same
# bytes, so a re-run changes a file only when its figure changed.

# %%
written = sorted(p.name for p in FIGURES.iterdir())
print(len(written), "files, e.g.", ", ".join(written[:3]))

# %% [markdown]
# ## What these figures can and cannot support
#
# - **Can:** show, in either language, what each source reported, with the
#   bounds its wording implies, and name those sources on the figure itself.
# - **Cannot:** turn a handful of news figures into a trend. The village facts
#   are sparse, come from different sources with different definitions, and
#   are often undated; undated facts are left out of timelines, series and
#   before/after charts rather than guessed into a year.
# - A before/after chart compares the latest figure on each side; it is a
#   description, not an estimate of the intervention's effect (see notebook
#   05 for methods that try).
# - Captions name the publisher; a figure that reached us through a repost is
#   traced in `data/sources.csv` (its `publisher`, `url` and `note`).
