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
# # 01 · Data tour: what ruralstudy holds, and where each number came from
#
# **Question.** What do we actually know, in numbers, about Chetian 车田村 and
# Jiaoyao 脚尧村 — and how sure can a reader be of each figure?
#
# Every number in `data/` carries a `source_id` and, for a text source, the
# verbatim quote it was read from. Chinese reporting conventions ("10万余元",
# "近20人", "约百万元") are kept as data: each fact stores the number, its
# qualifier and the interval it implies. This notebook walks through the five
# tables, shows how a figure is traced back to its sentence, and ends with how a
# researcher checks their own survey file against the same rules.

# %%
import tempfile
from pathlib import Path

import pandas as pd

import ruralstudy as rs

pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 160)

# %% [markdown]
# ## The five tables
#
# `sources` (where numbers come from), `places` (administrative units),
# `indicators` (what is measured, in which unit), `facts` (the master table: one
# reported figure per row) and `interventions` (dated events that define
# "before" and "after"). Each loader validates its table — types, allowed values,
# ids, units, bounds, and every quote against the stored source text — before it
# returns it.

# %%
tables = {
    "sources": rs.load_sources(),
    "places": rs.load_places(),
    "indicators": rs.load_indicators(),
    "facts": rs.load_facts(),
    "interventions": rs.load_interventions(),
}
rs.show(pd.Series({name: len(df) for name, df in tables.items()}, name="rows"))

# %% [markdown]
# ## Sources
#
# News articles, official statistics (often read from reposts, which the
# publisher column says), encyclopedia pages, a boundary data package, and the
# simulator (kind `synthetic`), whose rows every figure marks as simulated.

# %%
sources = tables["sources"]
rs.show(sources.groupby("kind").size().rename("sources"))

# %%
rs.show(sources.loc[sources["kind"] == "news", ["source_id", "publisher", "date", "title"]])

# %% [markdown]
# ## Places: a path that tells namesakes apart
#
# There are several villages called 车田村 in China (in Chongqing's 酉阳, in
# Guangxi's 资源县 …). A `place_id` is the dotted administrative path, so
# `cn.guizhou.guian.huchao.chetian` is unambiguous. Coordinates are WGS84 and say
# how precise they are: a village placed at its county's centroid says so, with
# an error radius.

# %%
places = tables["places"]
rs.show(places.loc[
    places["level"].isin(["village", "community"]),
    ["place_id", "name_zh", "name_en", "coord_precision", "coord_error_km"],
])

# %% [markdown]
# ## Facts: the number, its qualifier and its interval
#
# Values are stored in the indicator's canonical unit (area in hectares, mass in
# kg or t, money in CNY); `text` keeps the span as printed. Below, Chetian's
# figures from the Guizhou Daily article: 300 亩 becomes 20 ha, "10万余元" the
# interval [100 000, 110 000), "近20人" at most 20, and "约百万元" about a
# million with no bounds.

# %%
facts = tables["facts"].merge(
    tables["indicators"][["indicator_id", "name_en"]], on="indicator_id"
)
chetian = "cn.guizhou.guian.huchao.chetian"
rs.show(facts.loc[
    (facts["place_id"] == chetian) & (facts["source_id"] == "gzrb-2025-10-village-governance"),
    ["name_en", "text", "value", "lower", "upper", "qualifier", "unit"],
])

# %% [markdown]
# How the qualifiers read (`ruralstudy.units.QUALIFIERS`; rules and examples
# in `src/ruralstudy/units.py` and `data/README.md`):

# %%
rs.show(pd.Series(rs.units.QUALIFIERS, name="reading").to_frame().join(
    tables["facts"]["qualifier"].value_counts().rename("facts")
))

# %% [markdown]
# ## Tracing a figure to its sentence
#
# Every quote from a stored source text is checked, at load time, to appear in
# it (whitespace ignored, because newspaper text breaks lines inside words).
# Here is the dividend figure and the sentence it came from:

# %%
dividend = tables["facts"].set_index("fact_id").loc["chetian-collective-dividend-annual"]
print(dividend["text"], "->", dividend["lower"], "to", dividend["upper"], dividend["unit"])
print("quote:", dividend["quote"])
print("source:", sources.set_index("source_id").loc[dividend["source_id"], "title"])

# %% [markdown]
# ## When sources disagree, both stay
#
# Jiaoyao's tea garden is 1760 亩 in the Guizhou Daily article of 2025 and 3760
# 亩 in the Qiandongnan Daily of November 2024 (and "2500多亩" on a gazetteer
# page). The data keep every report with its own source; nothing is averaged or
# picked silently. Which one to use is an analyst's decision, made visibly.

# %%
jiaoyao = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
rs.show(facts.loc[
    (facts["place_id"] == jiaoyao) & (facts["indicator_id"] == "tea_garden_area"),
    ["year", "text", "value", "lower", "upper", "source_id"],
])

# %% [markdown]
# ## Before and after: the dated events
#
# What defines "before" and "after" for each case village. Where a source gives
# no exact year, the row uses the earliest year it supports and its note says
# so.

# %%
rs.show(tables["interventions"][["place_id", "year", "kind", "name_en", "source_id"]].assign(
    place_id=lambda d: d["place_id"].str.rsplit(".", n=1).str[-1]
).sort_values(["place_id", "year"]))

# %% [markdown]
# ## The domain tables: wide place-year views of the facts
#
# Land consolidation, collective economy and tourism are views of the same
# facts, one row per place, year and source, with the bounds beside each value.
# The same schemas validate a researcher's own file in this shape.

# %%
rs.show(rs.load_collective_economy())

# %% [markdown]
# ## Checking your own file
#
# `rs.read_table(path, table=...)` reads CSV in UTF-8 or GBK/GB18030 (what
# Chinese Excel writes) and XLSX, and validates it against the same schema. Every
# problem is reported at once, with the row as a spreadsheet numbers it (the
# header is row 1). From the shell: `ruralstudy validate my_file.csv`.
#
# Below, a survey file saved by Excel in GBK, with three mistakes: a village not
# in `places`, an interval whose bounds are upside down, and a number written
# with its unit.

# %%
survey = rs.load_tourism().head(3).copy()
survey.loc[0, "place_id"] = "cn.guizhou.guian.huchao.chetian-typo"
survey.loc[1, ["farmhouse_count_lower", "farmhouse_count_upper"]] = [20, 10]
survey = survey.astype({"farmhouse_count": object})
survey.loc[1, "farmhouse_count"] = "15家"

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "my_survey.csv"
    survey.to_csv(path, index=False, encoding="gbk")
    try:
        rs.read_table(path, table="tourism")
    except rs.DataValidationError as err:
        problems = err.failures.assign(file=path.name)
rs.show(problems)

# %% [markdown]
# ## What the data can and cannot support
#
# - **Can:** a traced, bounded account of what public reports say about the two
#   villages — land consolidated, dividends, farmhouse counts, tea area and
#   output, collective income — with national and Guizhou rural income as
#   benchmarks, and the dated events that separate before from after.
# - **Cannot:** a causal effect. Most village figures are single reports, many
#   undated, some from one interview; the reports disagree on basic quantities
#   (tea area). Village coordinates are county-level estimates (error radius in
#   `coord_error_km`). Money is nominal yuan. Treat every figure as "reported by
#   …", and see `05_panel_methods` for what identifying an effect would need.
