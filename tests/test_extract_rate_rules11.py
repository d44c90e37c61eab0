"""Rate rules of branch xrates11 (issue 12: rate units, the rates12/rates13 miss classes).

Sentences written BEFORE each rule, as a news writer would write them, with near-misses that
must not change.  Read as here before the rules (the branch point's code) / in the group:
- the parts of a per-亩 (per-person, per-household) sum after 其中 in its sentence, an ordinal
  year (第一年) that is no period, 亩 words of the variant 産: 10 / 24 (the 。其中 near-miss,
  added after, as tests/test_extract_rate_rules8.py reads a per-head sum's parts in the next
  sentence, among the 10);
- 亩 words leading a figure (亩收, 亩增, 亩增收, 亩增产): 4 / 12 (the near-misses);
- a colon between digits (7:1, 9:30) is a ratio or a time, no header's colon: 2 / 5;
- 年 leading its clause, a product before 产值 (年中药材产值4亿多元: CNY/year): 6 / 9;
- the 产值 of a yield per 亩 in its sentence is per 亩: 4 / 8 (the near-misses);
- the total of a monthly pay's listed parts (…，总计4000元: CNY/month): 2 / 4 (the near-misses).
In all 28 of the 62 before, 62 after.
"""

from __future__ import annotations

import pytest
from extract_readings import units

PARTS = [
    (
        "每亩补助金额为1500元，其中种苗费300元，兑现到农户的资金是1200元，"
        "分五年三次兑现（第一年500元，第三年300元，第五年400元）。",
        [
            ("1500元", "CNY/ha"),
            ("300元", "CNY/ha"),
            ("1200元", "CNY/ha"),
            ("五年", "year"),
            ("三次", "count:次"),
            ("500元", "CNY/ha"),
            ("300元", "CNY/ha"),
            ("400元", "CNY/ha"),
        ],
    ),
    (
        "每畝補助金額為1500元，其中種苗費300元，兌現到農戶的資金是1200元。",
        [("1500元", "CNY/ha"), ("300元", "CNY/ha"), ("1200元", "CNY/ha")],
    ),
    (
        "每亩补助一千五百元，其中种苗费三百元、管护费二百元。",
        [("一千五百元", "CNY/ha"), ("三百元", "CNY/ha"), ("二百元", "CNY/ha")],
    ),
    (
        "每人补助3000元，其中生活费2000元，交通费1000元。",
        [("3000元", "CNY/person"), ("2000元", "CNY/person"), ("1000元", "CNY/person")],
    ),
    (
        "每户补助2万元，其中中央资金1.2万元，省级资金8000元。",
        [("2万元", "CNY/household"), ("1.2万元", "CNY/household"), ("8000元", "CNY/household")],
    ),
    (
        "每戶補助2萬元，其中中央資金1.2萬元。",
        [("2萬元", "CNY/household"), ("1.2萬元", "CNY/household")],
    ),
    (
        "退耕还林每亩补助800元,其中现金补助500元,种苗造林费300元。",
        [("800元", "CNY/ha"), ("500元", "CNY/ha"), ("300元", "CNY/ha")],
    ),
    # near-misses: a total's parts stay CNY; a 其中 in the next sentence, a sum larger than
    # the whole (a total after the parts) stay CNY
    (
        "全村共获补助资金50万元，其中中央资金30万元，省级资金20万元。",
        [("50万元", "CNY"), ("30万元", "CNY"), ("20万元", "CNY")],
    ),
    (
        "每亩补助1500元。全村共获补助资金50万元，其中中央资金30万元。",
        [("1500元", "CNY/ha"), ("50万元", "CNY"), ("30万元", "CNY")],
    ),
    (
        "每亩补助1500元，其中种苗费300元，全县共兑现资金500万元。",
        [("1500元", "CNY/ha"), ("300元", "CNY/ha"), ("500万元", "CNY")],
    ),
    ("每人补助3000元。其中生活费2000元。", [("3000元", "CNY/person"), ("2000元", "CNY")]),
    (
        "每亩补助1500元，全县共兑现资金500万元，其中中央资金300万元。",
        [("1500元", "CNY/ha"), ("500万元", "CNY"), ("300万元", "CNY")],
    ),
]

ORDINAL_YEAR = [
    ("第一年收入500元。", [("500元", "CNY")]),
    ("第一年補助500元，第二年300元。", [("500元", "CNY"), ("300元", "CNY")]),
    # near-misses: a year's sum stays per year
    ("一年收入500元。", [("500元", "CNY/year")]),
    ("每年补助500元。", [("500元", "CNY/year")]),
]

VARIANT_CHAN = [
    ("畝産高達157.9公斤。", [("157.9公斤", "kg/ha")]),
    ("畝産1500多斤。", [("1500多斤", "kg/ha")]),
    ("亩产1500多斤。", [("1500多斤", "kg/ha")]),
    ("每畝産鮮菇3000斤。", [("3000斤", "kg/ha")]),
    ("年産量500噸。", [("500噸", "t")]),
]


MU_WORDS = [
    ("亩收2000元。", [("2000元", "CNY/ha")]),
    ("畝收1000元錢。", [("1000元錢", "CNY/ha")]),
    ("亩增收800元。", [("800元", "CNY/ha")]),
    ("畝增收八百元。", [("八百元", "CNY/ha")]),
    ("稻田养鱼亩增收近千元。", [("近千元", "CNY/ha")]),
    ("亩增1000斤。", [("1000斤", "kg/ha")]),
    ("亩增产200斤。", [("200斤", "kg/ha")]),
    ("畝增產200公斤。", [("200公斤", "kg/ha")]),
    # near-misses: an area's sum or weight stays a total
    ("300亩收入60万元。", [("300亩", "ha"), ("60万元", "CNY")]),
    ("10亩增产3000斤。", [("10亩", "ha"), ("3000斤", "kg")]),
    ("全县新增茶园2万亩，增收5000万元。", [("2万亩", "ha"), ("5000万元", "CNY")]),
    ("万亩收购价格上涨，收入3000元。", [("3000元", "CNY")]),
]


@pytest.mark.parametrize(("text", "expected"), MU_WORDS)
def test_mu_words(text, expected):
    assert units(text) == expected


RATIO_COLON = [
    (
        "每年一到6月就开始采摘,按照7:1的比例烘干,今年的毛收入可以达到4200余万元。",
        [("4200余万元", "CNY")],
    ),
    (
        "每年一到6月就开始采摘，按照7：1的比例烘干，今年的毛收入可以达到4200余万元。",
        [("4200余万元", "CNY")],
    ),
    ("每年6月开会，会议于9:30开始，今年收入4200万元。", [("4200万元", "CNY")]),
    # near-miss: a header's colon still gives its rate
    ("每户每年补助标准:3000元。", [("3000元", "CNY/household/year")]),
    ("每户每年补助标准：3000元。", [("3000元", "CNY/household/year")]),
]


@pytest.mark.parametrize(("text", "expected"), RATIO_COLON)
def test_a_colon_between_digits_is_no_header(text, expected):
    assert units(text) == expected


YEAR_OUTPUT = [
    ("全县药材面积已达5.3万亩,年中药材产值4亿多元。", [("5.3万亩", "ha"), ("4亿多元", "CNY/year")]),
    ("年茶叶产值达到3亿元。", [("3亿元", "CNY/year")]),
    ("年綜合產值達2億元。", [("2億元", "CNY/year")]),
    ("年产值3亿元。", [("3亿元", "CNY/year")]),
    # near-misses: a year named, or 年 in another word, is no rate
    ("近年来茶叶产值达到3亿元。", [("3亿元", "CNY")]),
    ("2023年中药材产值4亿元。", [("4亿元", "CNY")]),
    ("去年茶叶产值3亿元。", [("3亿元", "CNY")]),
    ("多年来，茶叶产值3亿元。", [("3亿元", "CNY")]),
    ("全县2023年中药材产值4亿元。", [("4亿元", "CNY")]),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_OUTPUT)
def test_a_year_leading_an_output_value(text, expected):
    assert units(text) == expected


VALUE_PER_MU = [
    (
        "用化肥农药稻谷亩产1500多斤,但产值不过1700元。",
        [("1500多斤", "kg/ha"), ("不过1700元", "CNY/ha")],
    ),
    (
        "稻鱼并作,虽然亩产稻谷不过500多斤,但市价3.3元/斤以上,产值1800多元。",
        [("不过500多斤", "kg/ha"), ("3.3元/斤以上", "CNY/kg"), ("1800多元", "CNY/ha")],
    ),
    ("每亩产鲜菇3000斤，产值1.5万元。", [("3000斤", "kg/ha"), ("1.5万元", "CNY/ha")]),
    ("每畝産鮮菇3000斤，産值1.5萬元。", [("3000斤", "kg/ha"), ("1.5萬元", "CNY/ha")]),
    # near-misses: a total, a holder's, another sentence's or a county's sum stays CNY
    ("亩产1500斤，全县总产值3亿元。", [("1500斤", "kg/ha"), ("3亿元", "CNY")]),
    ("亩产1500斤。产值3000元。", [("1500斤", "kg/ha"), ("3000元", "CNY")]),
    ("茶叶亩产200斤,产值达到5亿元。", [("200斤", "kg/ha"), ("5亿元", "CNY")]),
    ("亩产1500斤，合作社产值300万元。", [("1500斤", "kg/ha"), ("300万元", "CNY")]),
]


@pytest.mark.parametrize(("text", "expected"), VALUE_PER_MU)
def test_the_output_value_of_a_yield_per_mu(text, expected):
    assert units(text) == expected


PAY_TOTAL = [
    (
        "村书记的月薪构成:基本报酬2800元,绩效奖金1000元,再加上廉政奖金200元,总计4000元。",
        [
            ("2800元", "CNY/month"),
            ("1000元", "CNY/month"),
            ("200元", "CNY/month"),
            ("4000元", "CNY/month"),
        ],
    ),
    (
        "月薪构成：基本工资2000元，绩效奖金1500元，其他补贴500元，合计4000元。",
        [
            ("2000元", "CNY/month"),
            ("1500元", "CNY/month"),
            ("500元", "CNY/month"),
            ("4000元", "CNY/month"),
        ],
    ),
    # near-misses: a total far larger than the parts, or in another sentence, stays CNY
    (
        "月薪构成:基本报酬2800元,绩效奖金1000元,总计发放3000万元。",
        [("2800元", "CNY/month"), ("1000元", "CNY/month"), ("3000万元", "CNY")],
    ),
    (
        "月薪构成:基本报酬2800元,绩效奖金1000元。全县总计发放3000万元。",
        [("2800元", "CNY/month"), ("1000元", "CNY/month"), ("3000万元", "CNY")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAY_TOTAL)
def test_the_total_of_a_monthly_pays_parts(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "text", ["十亩产3000斤。", "產值3000元，年産量500噸。", "亩产3000斤，产值1800多元。"]
)
def test_variant_chan_reads_as_simplified(text):
    """産 (a variant of 產) reads as 产 wherever 产 is read."""
    assert units(text.replace("产", "産").replace("產", "産")) == units(text)


@pytest.mark.parametrize(("text", "expected"), PARTS + ORDINAL_YEAR + VARIANT_CHAN)
def test_reads(text, expected):
    assert units(text) == expected
