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
# (`"en"`) and both (`"both"`), and saved as PNG (300 dpi), SVG (text kept as
# text) and PDF (TrueType fonts) under `reports/figures/`, with a `.json` entry
# for the figures index. Every figure prints, at its foot, the sources of the
# rows it drew in the yearbook form 资料来源：发布机构《发布名称》 (original
# publisher and release); a figure drawn from simulated rows also says so in red
# (模拟数据，非实测 · simulated data) and across its plot area. The caption is part
# of the figure, so it is in the images shown below too.

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
rs.show(population[COLUMNS])

# %%
for lang in LANGS:
    ax = rs.plot.bars(population, lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"bars_chetian_population_{lang}")

# %% [markdown]
# ## `before_after`: one place, before and after an intervention
#
# Jiaoyao (脚尧村) before and after the returnee's tea cooperative of 2018.
# Only an indicator with a dated figure on *both* sides gets a dumbbell: here
# the tea-garden area (6亩 in 1986, when planting began, and 3760亩 in 2024).
# The indicators reported after 2018 only are listed in a small table under
# it, with their year and value, not drawn as lone dots. Colour tells before
# (grey) from after (blue); a hollow mark means 约 (approximate) and nothing
# else. Chinese figures show areas in 亩, English ones in hectares, and the row
# label always names the unit of the values beside it. The facts said to
# describe the village *before 2018* (1760亩, 近三分之一 abandoned) carry no year
# in `facts.csv`, so they cannot be placed and are not drawn.

# %%
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
jiaoyao = facts.query("place_id == @JIAOYAO")
rs.show(jiaoyao.dropna(subset=["year"])[COLUMNS])

# %%
for lang in LANGS:
    ax = rs.plot.before_after(jiaoyao, intervention_id="jiaoyao-2018-returnee-cooperative", lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"before_after_jiaoyao_{lang}")

# %% [markdown]
# ### A report's own figure: numbered, titled by what changed
#
# For a Chinese report: `number=` numbers the figure (图1), `title_from=` titles
# it with the change of one indicator, and `one_sided="drop"` leaves the
# one-sided indicators out with a note instead of the table.

# %%
ax = rs.plot.before_after(jiaoyao, intervention_id="jiaoyao-2018-returnee-cooperative", lang="zh",
                          number=1, title_from="tea_garden_area", one_sided="drop")
paths = rs.plot.save(ax.figure, FIGURES / "before_after_jiaoyao_tea_zh")

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
# A Chinese report writes the unit on a line of its own above the chart
# (`unit_line=True`: 单位：元/人) rather than along the axis.

# %%
income = facts.query("indicator_id == 'rural_disposable_income_per_capita'")
national = income.query("place_id == 'cn'")
guizhou = income.query("place_id == 'cn.guizhou'")
rs.show(income[COLUMNS])

# %%
for lang in LANGS:
    ax = rs.plot.series(national, benchmarks=guizhou, lang=lang)
    rs.plot.save(ax.figure, FIGURES / f"series_rural_income_{lang}")

# %%
ax = rs.plot.series(national, benchmarks=guizhou, lang="zh", unit_line=True, number=2)
paths = rs.plot.save(ax.figure, FIGURES / "series_rural_income_yearbook_zh")

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
# Every figure above, in the three formats, with its index entry (`.json`:
# title, caption, source ids, publishers, the pages read, simulated or not,
# language, files and number) that the report gathers into `figures.csv`. The
# PDF embeds its fonts as TrueType, the SVG keeps text as text (pass
# `svg_text="path"` to `rs.plot.save` for outlines). The same input gives the
# same bytes, so a re-run changes a file only when its figure changed.

# %%
written = sorted(p.name for p in FIGURES.iterdir())
print(len(written), "files, e.g.", ", ".join(written[:4]))
print((FIGURES / "before_after_jiaoyao_tea_zh.json").read_text(encoding="utf-8"))

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
# - Captions name the original publisher and release; a figure that reached us
#   through a repost is traced in `data/sources.csv` (its `publisher`, `url`
#   and `note`) and in the index entry's `pages`. A source whose original
#   publisher the data do not know is named as what it is: 转引自 (quoted via)
#   the site it was read on.
