"""Every curated fact re-derives: the extractor reads each fact's `text` as the curator did.

A fact's value/lower/upper were written by hand from its span (`text`).  When the
span is one quantity, `extract_quantities(text)` must give one row with the same
numbers (to 1e-9 relative) in the same canonical unit.  The facts where the
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
}

# The statistics page writes a full stop for the decimal point (比上年名义增长8。6%).
# The extractor reads 。 as the end of a sentence, as it must everywhere else, so it
# finds only the 6%; the curator read 8.6 %, and so does the extractor once the typo
# is mended.  fact_id -> (span as stored, what the extractor reads, span mended).
SOURCE_TYPOS = {
    "cn-rural-income-growth-nominal-2017": ("8。6%", ["6%"], "8.6%"),
    "cn-rural-income-growth-real-2017": ("7。3%", ["3%"], "7.3%"),
}

# Facts the curator stored in another unit than the extractor's canonical one.
# fact_id -> the written unit the rate is per, when the curator's value is the
# extractor's divided by that unit's size (斤 per 亩 → kg per 1/15 ha), else None:
# the value is the same and only the unit says what it is counted per.
UNIT_DIFFERS = {
    "liping-livestream-income-monthly-2025": None,  # 每个月 2000多元 → CNY/month
    "chetian-collective-dividend-annual": None,  # 每年分红 → CNY/year
    "chetian-leiyanhong-farmhouse-income": None,  # 年收入 → CNY/year
    "jiaoyao-income-per-capita-2024": None,  # 人均收入 → CNY/person
    "jiaoyao-household-income-2024": None,  # 户均收入 → CNY/household
    "cn-rural-disposable-income-2015": None,  # 人均可支配收入 → CNY/person
    "cn-rural-disposable-income-2016": None,
    "cn-rural-disposable-income-2017": None,
    "cn-rural-disposable-income-2018": None,
    "cn-rural-disposable-income-2019": None,
    "cn-rural-disposable-income-2020": None,
    "cn-rural-disposable-income-2021": None,
    "cn-rural-disposable-income-2022": None,
    "cn-rural-disposable-income-2023": None,
    "cn-rural-disposable-income-2024": None,
    "guizhou-rural-disposable-income-2014": None,
    "jiaoyao-village-groups-gazetteer": None,  # 3个 村民小组: count → group
    "chetian-wangqifu-yield-2021": "亩",  # 1亩地约产出3000至4000斤 → kg/ha
}


@pytest.fixture(scope="module")
def facts():
    return rs.load_facts()


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
    listed = set(NOT_ONE_QUANTITY) | set(SOURCE_TYPOS) | set(UNIT_DIFFERS)
    assert listed - set(facts["fact_id"]) == set(), "stale fact_ids in this test's lists"


def test_spans_that_are_no_single_quantity(facts):
    read = {f.fact_id: extract_quantities(f.text)["text"].tolist() for f in facts.itertuples()}
    not_one = {fid: spans for fid, spans in read.items() if len(spans) != 1}
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
    skip = set(NOT_ONE_QUANTITY) | set(SOURCE_TYPOS) | set(UNIT_DIFFERS)
    wrong = []
    for fact in facts.itertuples():
        found = extract_quantities(fact.text)
        if fact.fact_id in skip or len(found) != 1:  # the test above names those not one
            continue
        row = found.iloc[0]
        if row.norm_unit != fact.unit:
            wrong.append((fact.fact_id, fact.text, f"unit {row.norm_unit} != {fact.unit}"))
        elif not same_numbers(numbers(row), fact):
            wrong.append((fact.fact_id, fact.text, numbers(row), stored(fact)))
    assert wrong == []


def test_facts_in_another_unit_have_the_same_value(facts):
    by_id = facts.set_index("fact_id", drop=False)
    wrong = []
    for fact_id, per in UNIT_DIFFERS.items():
        fact = by_id.loc[fact_id]
        row = extract_quantities(fact.text).iloc[0]
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
