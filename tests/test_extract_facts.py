"""Every curated fact re-derives: the extractor reads each fact's `text` as the curator did.

A fact's value/lower/upper were written by hand from its span (`text`), read in its
sentence (`quote`).  The extractor reads the quote, as the curator did, so a rate
said in the clause (人均, 年收入 …) counts; the row whose span meets the fact's
span must be one quantity with the same numbers (to 1e-9 relative) in the same
canonical unit.  A fact whose span is not in its quote is read from the span.  The facts where the
curator's unit is not the extractor's (rates, a more specific count), the spans
that are no single quantity, and the source's typos are listed here by fact_id,
so a new fact or a changed rule that breaks the agreement fails instead of
passing quietly.
"""

from __future__ import annotations

import math

import pytest

import ruralstudy as rs
from ruralstudy.extract import extract_quantities
from ruralstudy.units import canonical_unit

REL_TOL = 1e-9

# Spans that are no single quantity the extractor reads: fact_id -> what it reads.
NOT_ONE_QUANTITY = {
    "chetian-dividend-consecutive-years-2025": [],  # 连续第四年: an ordinal, no quantity
    "huawu-collective-dividend-paid-2022h1": [],  # 60万: no unit written
    "chacuo-coop-revenue-2022-secretary": [],  # 465万多: no unit written
    "feiling-collective-income-2019": [],  # 103萬: no unit written
    "yucun-collective-income-2019": [],  # 521万过: 过 for 元 in the source
    "yanbo-collective-dividend-paid-2018": [],  # 1080万: no unit written
    "hetaoba-tourism-income-2017": [],  # 1200多万: no unit written
    "zhanqi-collective-income-2021": [],  # 超500万: no unit written
    "zhanqi-collective-assets-2021": [],  # 近亿: no unit written
}

# Two years' figures written 从X元到Y元 after 2012年到2022年的…: the extractor reads one
# range (X, Y), as it must for 3000至4000斤; each fact is one end of it (per person by
# the 人均年收入 before the range, which the extractor does not carry to it).
# fact_id -> (the range's span, which end: 0 for X, 1 for Y).
RANGE_ENDS = {
    "bohou-income-per-capita-2012": ("5200元到29500元", 0),
    "bohou-income-per-capita-2022": ("5200元到29500元", 1),
}

# (A curator kept the 多 bounds of a figure under a word of about, 大概有十多万元 as [100000,
# 200000): the extractor reads it so too since 2026-12-04, docs/DESIGN.md, so the fact
# tuole-shuwang-farmhouse-income re-derives with the others below.)

# The statistics page writes a full stop for the decimal point (比上年名义增长8。6%).
# The extractor reads 。 as the end of a sentence, as it must everywhere else, so it
# finds only the 6%; the curator read 8.6 %, and so does the extractor once the typo
# is mended.  fact_id -> (span as stored, what the extractor reads, span mended).
SOURCE_TYPOS = {
    "cn-rural-income-growth-nominal-2017": ("8。6%", ["6%"], "8.6%"),
    "cn-rural-income-growth-real-2017": ("7。3%", ["3%"], "7.3%"),
}

# Facts the curator stored in another unit than the extractor's canonical one, by
# reason.  fact_id -> the written unit the rate is per, when the curator's value is
# the extractor's divided by that unit's size (斤 per 亩 → kg per 1/15 ha), else None:
# the value is the same and only the unit says what it is counted per.
UNIT_DIFFERS = {
    # a count the indicator names more (个 → group, 个 → bed) or less (间 → count) exactly
    "jiaoyao-village-groups-gazetteer": None,
    "qingshan-village-groups": None,
    "pingzhai-homestay-beds-2024": None,
    "gaopo-homestay-beds-2022": None,
    "xingfu-fuya-homestay-rooms-2022": None,
    "dachong-weijianshan-homestay-rooms-2025": None,
    "yongxing-yuelan-homestay-rooms": None,
    "awaizhai-homestay-rooms-2022": None,
    "raorao-luoshihai-homestay-rooms-2022": None,
    "tianba-xishui-wutongshan-rooms-2020": None,
    "huamao-huamaorenjia-rooms": None,
    "wudong-homestay-beds-2025": None,  # 客房铺位: beds, counted with 个
    "baiyan-muyunjian-homestay-rooms-2024": None,
    "huanggang-hecang-homestay-rooms-2025": None,
    "xiaohuajiang-liangzaiguang-homestay-rooms": None,
    "jidao-chenqin-homestay-rooms": None,
    # 每户每年分红: a rate stated per year (CNY/household/year), stored as one year's
    # amount per household (人均年收入 and 年人均 read as CNY/person, as stored:
    # docs/DESIGN.md, "Units")
    "qingkou-collective-dividend-per-household": None,
    "bohou-homestay-rooms-2021": None,
    "zhagana-farmhouse-count": None,  # 开办农家乐的就有182户: households counted as farmhouses
    # the indicator is per person, the sentence does not say so (村民收入, 农民收入)
    "liyu-income-per-capita-2011": None,
    "liyu-income-per-capita-2022": None,
    "mujie-income-per-capita-2017-chinaorg": None,
    "mujie-income-per-capita-2020-chinaorg": None,
    "mujie-dividend-per-household-2020": None,
    "shibadong-income-per-capita-2018": None,  # 这一数据攀升至12128元: the measure is named before
    "huawu-income-per-capita-2021": None,  # 人均收入从2012年的…增加到2021年的: named once for both
    # 分红款 from 300元 to 5100元 (新京报) names no head at all: read per villager (the fact
    # notes say why); 山西日报's 如今…5100元 after 每人是300元 is per person by the
    # parallel-list rule
    "hejin-longmen-dividend-per-person-1997-bjnews": None,
    "hejin-longmen-dividend-per-person-2023-bjnews": None,
    # a year's total, stored as a sum though the text says 年收入 / 每年
    "huangnishao-collective-income-shop-rent-2022": None,
    "huangnishao-collective-income-land-rent-2022": None,
    "xiniu-collective-income-land-rent-fishpond-2021": None,
    "xiniu-collective-income-forest-fee-2021": None,
    "huawu-youronjun-homestay-income-2025": None,
    "fengyan-township-collective-net-income-2019": None,
    "xiaohuang-tourism-income-2014": None,
    "lujia-collective-income-before": None,  # 村集体年收入不足2万元
    "tangqi-collective-income-2003": None,  # 村集体年收入5.6万元
    "feiling-collective-income-2017": None,  # 村集体年收入由2017年的10萬元
    "feiling-collective-income-2018": None,  # …增加到了2018年的90余萬元
    "tianba-fenggang-tea-output-cns": None,  # 年产茶青1.6万吨: t/year, stored as a year's t
    # one farmhouse's 去年 income: a year's total, stored per year (the indicator is annual)
    "huamao-huamaorenjia-farmhouse-income-2017": None,
}


@pytest.fixture(scope="module")
def facts():
    return rs.load_facts()


def read(fact):
    """The extractor's rows for a fact's span, read in its quote."""
    quote = fact.quote if isinstance(fact.quote, str) else ""
    i = quote.find(fact.text)
    if i < 0:
        return extract_quantities(fact.text)
    found = extract_quantities(quote)
    j = i + len(fact.text)
    return found[(found["start"] < j) & (found["end"] > i)]


def close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=REL_TOL)


def numbers(row) -> tuple[float, float, float]:
    return row.norm_value, row.norm_lower, row.norm_upper


def stored(fact) -> tuple[float, float, float]:
    return fact.value, fact.lower, fact.upper


def same_numbers(found: tuple, fact) -> bool:
    return all(close(x, y) for x, y in zip(found, stored(fact), strict=True))


def test_every_listed_fact_exists(facts):
    listed = set(NOT_ONE_QUANTITY) | set(SOURCE_TYPOS) | set(UNIT_DIFFERS) | set(RANGE_ENDS)
    assert listed - set(facts["fact_id"]) == set(), "stale fact_ids in this test's lists"


def test_spans_that_are_no_single_quantity(facts):
    found = {f.fact_id: read(f)["text"].tolist() for f in facts.itertuples()}
    not_one = {fid: spans for fid, spans in found.items() if len(spans) != 1}
    assert not_one == NOT_ONE_QUANTITY


def test_source_typos_are_read_as_written_and_re_derive_once_mended(facts):
    by_id = facts.set_index("fact_id", drop=False)
    for fact_id, (as_stored, read, mended) in SOURCE_TYPOS.items():
        fact = by_id.loc[fact_id]
        assert fact.text == as_stored
        assert extract_quantities(as_stored)["text"].tolist() == read
        row = extract_quantities(mended).iloc[0]
        assert row.norm_unit == fact.unit and same_numbers(numbers(row), fact), fact_id


def test_facts_in_the_extractors_unit_re_derive(facts):
    skip = set(NOT_ONE_QUANTITY) | set(SOURCE_TYPOS) | set(UNIT_DIFFERS) | set(RANGE_ENDS)
    wrong = []
    for fact in facts.itertuples():
        found = read(fact)
        if fact.fact_id in skip or len(found) != 1:  # the test above names those not one
            continue
        row = found.iloc[0]
        if row.norm_unit != fact.unit:
            wrong.append((fact.fact_id, fact.text, f"unit {row.norm_unit} != {fact.unit}"))
        elif not same_numbers(numbers(row), fact):
            wrong.append((fact.fact_id, fact.text, numbers(row), stored(fact)))
    assert wrong == []


def test_a_fact_whose_bounds_stand_under_a_word_of_about_re_derives(facts):
    fact = facts.set_index("fact_id").loc["tuole-shuwang-farmhouse-income"]
    (row,) = read(fact).itertuples()
    assert (row.text, row.qualifier, fact.qualifier) == ("大概有十多万元", "plus", "plus")
    assert same_numbers(numbers(row), fact)


def test_facts_read_as_one_end_of_a_range_are_that_end(facts):
    by_id = facts.set_index("fact_id", drop=False)
    wrong = []
    for fact_id, (span, end) in RANGE_ENDS.items():
        fact = by_id.loc[fact_id]
        rows = read(fact)
        row = rows.iloc[0]
        bound = (row.norm_lower, row.norm_upper)[end]
        if rows["text"].tolist() != [span] or row.qualifier != "range":
            wrong.append((fact_id, rows["text"].tolist(), row.qualifier))
        elif fact.qualifier != "exact" or not same_numbers((bound, bound, bound), fact):
            wrong.append((fact_id, bound, stored(fact)))
    assert wrong == []


def test_facts_in_another_unit_have_the_same_value(facts):
    by_id = facts.set_index("fact_id", drop=False)
    wrong = []
    for fact_id, per in UNIT_DIFFERS.items():
        fact = by_id.loc[fact_id]
        row = read(fact).iloc[0]
        found = numbers(row)
        if per is not None:  # a rate per 亩 is per 1/15 ha: divide by the size of the 亩
            per_unit, size = canonical_unit(per)
            found = tuple(x / float(size) for x in found)
            if fact.unit != f"{row.norm_unit}/{per_unit}":
                wrong.append((fact_id, f"unit {fact.unit} is not {row.norm_unit} per {per}"))
        if row.norm_unit == fact.unit:
            wrong.append((fact_id, f"unit {fact.unit} is the extractor's: take it off the list"))
        if not same_numbers(found, fact):
            wrong.append((fact_id, fact.text, found, stored(fact)))
    assert wrong == []
