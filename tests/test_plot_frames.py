"""Small fixed frames in the data contract's columns, for the plot tests.

Fixed on purpose: image baselines and caption tests must not move when
data/ grows. Values are invented test numbers, not facts about the villages,
and the sources exist in these tests only.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

FACT_COLUMNS = [
    "fact_id", "place_id", "indicator_id", "year", "as_of", "value", "lower", "upper",
    "qualifier", "unit", "text", "source_id", "quote", "note",
]  # fmt: skip

CHETIAN = "cn.guizhou.guian.huchao.chetian"
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"
GUIZHOU = "cn.guizhou"

_SOURCES = """\
source_id,kind,publisher,publisher_en,title,date
test-news-a,news,贵州日报,Guizhou Daily,测试报道甲,2025-10
test-news-b,news,黔东南日报,Qiandongnan Daily,测试报道乙,2024-11-28
test-stats,statistics,贵州省统计局,Guizhou Statistics Bureau,统计公报,2024
test-sim,synthetic,ruralstudy,ruralstudy,模拟村庄面板,2026
"""

_PLACES = f"""\
place_id,name_zh,name_en,level
{CHETIAN},车田村,Chetian,village
{JIAOYAO},脚尧村,Jiaoyao,village
{GUIZHOU},贵州省,Guizhou,province
"""

_INDICATORS = """\
indicator_id,name_zh,name_en,unit
collective_income,村集体经济收入,Village collective income,CNY
tea_area,茶园面积,Tea garden area,ha
visitors,游客人次,Visitors,person-time
rural_income,农村居民人均可支配收入,Rural disposable income per person,CNY/person
abandoned_share,抛荒比例,Share of land abandoned,percent
"""

# One indicator per chart kind; every qualifier at least once.
_FACTS = f"""\
fact_id,place_id,indicator_id,year,value,lower,upper,qualifier,unit,text,source_id
t01,{CHETIAN},collective_income,2018,100000,100000,110000,plus,CNY,10万余元,test-news-a
t02,{CHETIAN},collective_income,2020,300000,300000,300000,exact,CNY,30万元,test-news-a
t03,{CHETIAN},collective_income,2022,500000,,,approx,CNY,约50万元,test-news-a
t04,{CHETIAN},collective_income,2024,1000000,1000000,,over,CNY,逾百万元,test-news-a
t05,{JIAOYAO},collective_income,2024,800000,,800000,under,CNY,近80万元,test-news-b
t12,{JIAOYAO},collective_income,2020,350000,300000,400000,range,CNY,30万至40万元,test-news-b
t06,{JIAOYAO},tea_area,2016,117.3,117.3,117.3,exact,ha,1760亩,test-news-b
t07,{JIAOYAO},tea_area,2024,250.7,250.7,250.7,exact,ha,3760亩,test-news-b
t08,{JIAOYAO},abandoned_share,2018,33.3,,33.3,under,percent,近三分之一,test-news-b
t09,{JIAOYAO},abandoned_share,2024,5.0,,,approx,percent,约5%,test-news-b
t10,{JIAOYAO},visitors,2017,20000,20000,30000,plus,person-time,2万多人次,test-news-b
t11,{JIAOYAO},visitors,2024,100000,100000,,over,person-time,超10万人次,test-news-b
t13,{GUIZHOU},rural_income,2018,9716,9716,9716,exact,CNY/person,9716元,test-stats
t14,{GUIZHOU},rural_income,2020,11642,11642,11642,exact,CNY/person,11642元,test-stats
t15,{GUIZHOU},rural_income,2022,13707,13707,13707,exact,CNY/person,13707元,test-stats
t16,{GUIZHOU},rural_income,2024,15500,15500,15500,exact,CNY/person,15500元,test-stats
t17,{CHETIAN},rural_income,2018,11000,11000,11000,exact,CNY/person,1.1万元,test-news-a
t18,{CHETIAN},rural_income,2021,14000,14000,15000,plus,CNY/person,1.4万余元,test-news-a
t19,{CHETIAN},rural_income,2024,18000,,,approx,CNY/person,约1.8万元,test-news-a
"""

_INTERVENTIONS = f"""\
place_id,intervention_id,year,kind,name_zh,name_en,source_id
{CHETIAN},chetian-build,2013,tourism,景区开始建设,Scenic area built,test-news-a
{CHETIAN},chetian-company,2019,enterprise,成立村旅游公司,Village tourism company,test-news-a
{JIAOYAO},jiaoyao-coop,2018,cooperative,返乡青年成立合作社,Returnee's tea cooperative,test-news-b
"""


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


def sources() -> pd.DataFrame:
    return _csv(_SOURCES)


def places() -> pd.DataFrame:
    return _csv(_PLACES)


def indicators() -> pd.DataFrame:
    return _csv(_INDICATORS)


def facts() -> pd.DataFrame:
    df = _csv(_FACTS).astype({"year": "Int64"})
    df["as_of"] = df["year"].astype(str) + "-12-31"
    df["quote"] = "（测试）" + df["text"]
    df["note"] = pd.NA
    return df[FACT_COLUMNS]


def simulated_facts() -> pd.DataFrame:
    """A small simulated yearly series (source kind synthetic)."""
    years = list(range(2015, 2025))
    values = [10000.0 + 900 * (y - 2015) for y in years]
    return pd.DataFrame(
        {
            "fact_id": [f"s{y}" for y in years],
            "place_id": CHETIAN,
            "indicator_id": "rural_income",
            "year": pd.array(years, dtype="Int64"),
            "as_of": [f"{y}-12-31" for y in years],
            "value": values,
            "lower": values,
            "upper": values,
            "qualifier": "exact",
            "unit": "CNY/person",
            "text": pd.NA,
            "source_id": "test-sim",
            "quote": pd.NA,
            "note": "simulated",
        }
    )[FACT_COLUMNS]


def interventions() -> pd.DataFrame:
    return _csv(_INTERVENTIONS).assign(quote="（测试）")


def tables() -> dict[str, pd.DataFrame]:
    """The lookup tables a chart function takes by keyword."""
    return {"sources": sources(), "places": places(), "indicators": indicators()}


def test_frames_have_the_contract_columns():
    assert list(facts().columns) == FACT_COLUMNS
    assert list(simulated_facts().columns) == FACT_COLUMNS
    assert set(facts()["qualifier"]) == {"exact", "plus", "over", "under", "approx", "range"}
    assert set(facts()["source_id"]) <= set(sources()["source_id"])


def test_frame_bounds_follow_the_qualifier_rules():
    from ruralstudy.units import interval_problem

    for frame in (facts(), simulated_facts()):
        for row in frame.itertuples():
            assert interval_problem(row.value, row.lower, row.upper, row.qualifier) is None, row


# -- bad cells are named, never drawn as nothing --------------------------------------------


def _draw(rows):
    import matplotlib.pyplot as plt

    import ruralstudy.plot as rsp

    try:
        return rsp.bars(rows, lang="en", **tables())
    finally:
        plt.close("all")


def _income():
    return facts().query("indicator_id == 'collective_income'").astype({"value": object})


@pytest.mark.parametrize("col", ["value", "lower", "upper"])
def test_a_cell_that_is_not_a_number_is_named(col):
    rows = _income().astype({col: object})
    rows.loc[rows["fact_id"] == "t02", col] = "30万"
    with pytest.raises(ValueError, match=rf"column '{col}' is not a number at fact_id \['t02'\]"):
        _draw(rows)


def test_a_fact_without_value_or_qualifier_is_named():
    rows = _income()
    rows.loc[rows["fact_id"] == "t03", "value"] = None
    rows.loc[rows["fact_id"].isin(["t01", "t05"]), "qualifier"] = None
    with pytest.raises(ValueError) as err:
        _draw(rows)
    message = str(err.value)
    # every problem at once, each with its fact_ids and column
    assert "column 'value' is empty at fact_id ['t03']" in message
    assert "column 'qualifier' is empty at fact_id ['t01', 't05']" in message
    with pytest.raises(ValueError, match="expected one of"):
        _draw(_income().assign(qualifier="roughly"))
    with pytest.raises(ValueError, match="no 'qualifier' column"):
        _draw(_income().drop(columns="qualifier"))


def test_empty_bounds_are_bounds_not_given():
    rows = _income().astype({"lower": object, "upper": object})
    rows.loc[rows["fact_id"] == "t04", "upper"] = " "  # 逾: no upper bound
    assert _draw(rows) is not None
