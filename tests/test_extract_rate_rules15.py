"""Rules of branch xrates15 (issue 12: rate units on the classes of rates19 and rates20), one test
per rule, on sentences written for them, near-misses included (where the rule must not fire).
Each row: span, value, lower, upper, unit, canonical unit."""

from __future__ import annotations

import pytest
from extract_readings import readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a pupil (生, 学生), an old person or a teacher as the per-person denominator
        ("按每生每天4元标准补助", [("每生每天4元", 4, 4, 4, "元/生/天", "CNY/person/day")]),
        (
            "每個學生每天5元的膳食補助",
            [("每個學生每天5元", 5, 5, 5, "元/学生/天", "CNY/person/day")],
        ),
        (
            "寄宿生补助 1000 元/生·年",
            [("1000 元/生·年", 1000, 1000, 1000, "元/生/年", "CNY/person/year")],
        ),
        ("非寄宿生 500 元/生?年", [("500 元/生?年", 500, 500, 500, "元/生/年", "CNY/person/year")]),
        ("标准为1200元/人·年", [("1200元/人·年", 1200, 1200, 1200, "元/人/年", "CNY/person/year")]),
        ("每生每年补助 800 元", [("800 元", 800, 800, 800, "元/人/年", "CNY/person/year")]),
        ("每个学生每學年共700元", [("700元", 700, 700, 700, "元/人/年", "CNY/person/year")]),
        ("每名学生每月发放生活费150元", [("150元", 150, 150, 150, "元/人/月", "CNY/person/month")]),
        ("每位老人每天2元", [("每位老人每天2元", 2, 2, 2, "元/老人/天", "CNY/person/day")]),
        ("每学年补助1500元", [("1500元", 1500, 1500, 1500, "元/年", "CNY/year")]),
        # near-misses: a school is no person, a count of pupils, 每生产 a verb, 学生 counted
        ("每个学校补助5万元", [("5万元", 50000, 50000, 50000, "元", "CNY")]),
        (
            "每生产1吨补贴50元",
            [("1吨", 1, 1, 1, "吨", "t"), ("50元", 50, 50, 50, "元", "CNY")],
        ),
        ("全县学生共获补助3000万元", [("3000万元", 3e7, 3e7, 3e7, "元", "CNY")]),
        ("每个班级每月200元", [("每月200元", 200, 200, 200, "元/月", "CNY/month")]),
    ],
)
def test_a_pupil_is_a_per_person_denominator(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # X - Y with a space on each side is a range, as X-Y is
        ("在 1000 - 3000 元范围内确定", [("1000 - 3000 元", 1000, 1000, 3000, "元", "CNY")]),
        ("提取 3% - 5%比例的资金", [("3% - 5%", 3, 3, 5, "%", "percent")]),
        ("可以分为 2 - 3 档", [("2 - 3 档", 2, 2, 3, "档", "count:档")]),
        ("每亩增产 50 - 80 斤", [("50 - 80 斤", 50, 50, 80, "斤/亩", "kg/ha")]),
        ("工期 10 - 15 天", [("10 - 15 天", 10, 10, 15, "天", "day")]),
        # the range takes the rate its sentence states for the same measure
        (
            "资助标准为平均 2000 元/生·年，具体标准在 1000 - 3000 元范围内确定",
            [
                ("2000 元/生·年", 2000, 2000, 2000, "元/生/年", "CNY/person/year"),
                ("1000 - 3000 元", 1000, 1000, 3000, "元/生/年", "CNY/person/year"),
            ],
        ),
        # near-misses: a minus sign after a space, no space on one side (as before), a list
        ("气温 -5 度", []),
        ("收入 3000 -2000 元", None),
    ],
)
def test_a_spaced_hyphen_is_a_range(text, found):
    if found is None:
        assert all(r[2] == r[3] for r in readings(text))
    else:
        assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 日销 before a weight is per day, as 年产 is per year; 日销量 a day's sum
        ("平均日销小龙虾5000多斤", [("5000多斤", 5000, 5000, 6000, "斤/天", "kg/day")]),
        ("該點日銷鮮魚800公斤", [("800公斤", 800, 800, 800, "公斤/天", "kg/day")]),
        ("日销蔬菜3吨左右", [("3吨左右", 3, None, None, "吨/天", "t/day")]),
        # near-misses: 日销量 names one day's sum, 销 after a date
        ("日销量达5000斤", [("5000斤", 5000, 5000, 5000, "斤", "kg")]),
        ("10日销售大米50吨", None),
    ],
)
def test_a_day_s_sales_of_a_weight_are_per_day(text, found):
    if found is None:
        assert all(r[5] in ("t", "kg", "day") for r in readings(text))
    else:
        assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a per-亩 yield word with a harvest verb, an adverb or a word of reaching between
        ("畝均已起捕小龍蝦118公斤", [("118公斤", 118, 118, 118, "公斤/亩", "kg/ha")]),
        ("亩均可捕捞成鱼300斤", [("300斤", 300, 300, 300, "斤/亩", "kg/ha")]),
        ("每亩产生鱼量可收获220斤", [("220斤", 220, 220, 220, "斤/亩", "kg/ha")]),
        ("每亩稻田可收获稻谷1000斤", [("1000斤", 1000, 1000, 1000, "斤/亩", "kg/ha")]),
        # near-misses: an area's catch, a total
        ("300亩已起捕小龙虾5万斤", None),
        ("全县已起捕小龙虾118吨", [("118吨", 118, 118, 118, "吨", "t")]),
    ],
)
def test_a_harvest_per_mu_with_words_between_is_per_mu(text, found):
    if found is None:
        assert all(r[5] != "kg/ha" for r in readings(text))
    else:
        assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a later clause naming the price of the one 斤 sold before shares its rate
        (
            "往年一斤龍蝦賣6元左右，今年的價格是9元左右",
            [
                ("一斤", 1, 1, 1, "斤", "kg"),
                ("6元左右", 6, None, None, "元/斤", "CNY/kg"),
                ("9元左右", 9, None, None, "元/斤", "CNY/kg"),
            ],
        ),
        (
            "一公斤鱼卖20元，现在价格涨到26元",
            [
                ("一公斤", 1, 1, 1, "公斤", "kg"),
                ("20元", 20, 20, 20, "元/公斤", "CNY/kg"),
                ("26元", 26, 26, 26, "元/公斤", "CNY/kg"),
            ],
        ),
        # near-misses: a total after it, a sum of another noun
        (
            "一斤龙虾卖6元，今年总收入9万元",
            [
                ("一斤", 1, 1, 1, "斤", "kg"),
                ("6元", 6, 6, 6, "元/斤", "CNY/kg"),
                ("9万元", 90000, 90000, 90000, "元", "CNY"),
            ],
        ),
        (
            "一斤龙虾卖6元，今年的利润是9元",
            [
                ("一斤", 1, 1, 1, "斤", "kg"),
                ("6元", 6, 6, 6, "元/斤", "CNY/kg"),
                ("9元", 9, 9, 9, "元", "CNY"),
            ],
        ),
    ],
)
def test_a_price_after_the_price_of_one_weight_is_per_that_weight(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the value of the one thing each gets takes its clause's denominators
        (
            "每人每天将获得1份价值3元的营养套餐",
            [("1份", 1, 1, 1, "份", "count:份"), ("3元", 3, 3, 3, "元/人/天", "CNY/person/day")],
        ),
        (
            "每户发放一袋价值50元的大米",
            [("50元", 50, 50, 50, "元/户", "CNY/household")],
        ),
        # near-misses: no per-word, a count of more than one
        (
            "公司赠送1份价值100元的礼品",
            [("1份", 1, 1, 1, "份", "count:份"), ("100元", 100, 100, 100, "元", "CNY")],
        ),
        (
            "每户发放11袋价值500元的大米",
            [("11袋", 11, 11, 11, "袋", "count:袋"), ("500元", 500, 500, 500, "元", "CNY")],
        ),
    ],
)
def test_the_value_of_one_thing_each_gets_is_per_head(text, found):
    assert readings(text) == found
