"""Rules written after rates36 and rates37 were measured, on their classes (neither is unseen
now): 近两年 alone as relative time, one 亩 of land touching its price after any verb, a
year's income named after the sum (12万元年收益), one 亩 and its crop before its income, a sum
that is the yield per 亩 times the price, a question page's count of answers, room types
(3人房), a sum said inside quotes, a price's change to a rate (标价1400元…降至748元/晚), a room
leading its price, one night in digits (3441元1晚) and a year's income of a kind
(年旅游总收入).  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit),
NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("近两年，当地逐渐发展起了核桃。", []),
        ("近兩年在政府的鼓勵下流轉土地。", []),
        # near-misses: with 来 the past N years; after a verb nearly N
        ("近两年来，全省投入", [("两年", 2, 2, 2, "年", "exact", "year")]),
        ("在外打工近20年", [("近20年", 20, None, 20, "年", "under", "year")]),
        ("土地流转一亩地至少500元，比种玉米合算。", [
            ("一亩地至少500元", 500, 500, None, "元/亩", "over", "CNY/ha"),
        ]),
        ("他租了一亩地500元。", [("一亩地500元", 500, 500, 500, "元/亩", "exact", "CNY/ha")]),
        ("有一亩地500元", [  # an area held, then a sum
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("500元", 500, 500, 500, "元", "exact", "CNY"),
        ]),
        ("12万元年收益归集体所有，实现3000元月收入。", [
            ("12万元", 120000, 120000, 120000, "元/年", "exact", "CNY/year"),
            ("3000元", 3000, 3000, 3000, "元/月", "exact", "CNY/month"),
        ]),
        ("投入50万元年底完工。", [("50万元", 500000, 500000, 500000, "元", "exact", "CNY")]),
        ("一畝太子參純收入大概在5000元到8000元。", [
            ("一畝", 1, 1, 1, "亩", "exact", "ha"),
            ("大概在5000元到8000元", 5000, 5000, 8000, "元/亩", "range", "CNY/ha"),
        ]),
        ("一亩茶园产值1万元。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("1万元", 10000, 10000, 10000, "元/亩", "exact", "CNY/ha"),
        ]),
    ],
)  # fmt: skip
def test_rules_of_rates37s_classes(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每亩产量约900斤，每斤小麦售价1.08元，总收入972元。扣除成本570元。", [
            ("约900斤", 900, None, None, "斤/亩", "approx", "kg/ha"),
            ("1.08元", 1.08, 1.08, 1.08, "元/斤", "exact", "CNY/kg"),
            ("972元", 972, 972, 972, "元/亩", "exact", "CNY/ha"),
            ("570元", 570, 570, 570, "元", "exact", "CNY"),
        ]),
        ("亩产500公斤，每公斤4元，收入2000元。", [
            ("500公斤", 500, 500, 500, "公斤/亩", "exact", "kg/ha"),
            ("每公斤4元", 4, 4, 4, "元/公斤", "exact", "CNY/kg"),
            ("2000元", 2000, 2000, 2000, "元/亩", "exact", "CNY/ha"),
        ]),
        # near-misses: a sum that is not the product, or in the next sentence
        ("每亩产量约900斤，每斤小麦售价1.08元，总收入9720元。", [
            ("约900斤", 900, None, None, "斤/亩", "approx", "kg/ha"),
            ("1.08元", 1.08, 1.08, 1.08, "元/斤", "exact", "CNY/kg"),
            ("9720元", 9720, 9720, 9720, "元", "exact", "CNY"),
        ]),
        ("亩产500公斤，每公斤4元。收入2000元。", [
            ("500公斤", 500, 500, 500, "公斤/亩", "exact", "kg/ha"),
            ("每公斤4元", 4, 4, 4, "元/公斤", "exact", "CNY/kg"),
            ("2000元", 2000, 2000, 2000, "元", "exact", "CNY"),
        ]),
    ],
)  # fmt: skip
def test_a_sum_that_is_the_yield_times_the_price_is_per_mu(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("发布网友\n共1个回答\n热心网友", []),
        ("共3条评论", []),
        ("目前仅剩6间3人房和3间标间", [
            ("6间", 6, 6, 6, "间", "exact", "count:间"),
            ("3间", 3, 3, 3, "间", "exact", "count:间"),
        ]),
        ("有100人房屋受损", [("100人", 100, 100, 100, "人", "exact", "person")]),
        ("一则“陕西小村庄住一晚要两千元”的消息", [
            ("两千元", 2000, 2000, 2000, "元/晚", "exact", "CNY/night"),
        ]),
        ("当了几十年的“千元户”", []),  # an epithet stays a name
        ("标价1400元的宾馆则降至748元/晚。", [
            ("1400元", 1400, 1400, 1400, "元/晚", "exact", "CNY/night"),
            ("748元/晚", 748, 748, 748, "元/晚", "exact", "CNY/night"),
        ]),
        ("旺季一个房间得收200多块钱呢", [
            ("200多块钱", 200, 200, 300, "块钱/间", "plus", "CNY/room"),
        ]),
        ("价格暴涨，高达3441元1晚？", [
            ("3441元1晚", 3441, 3441, 3441, "元/晚", "exact", "CNY/night"),
        ]),
        ("花了5元1000斤", [  # a figure of its own after the sum
            ("5元", 5, 5, 5, "元", "exact", "CNY"),
            ("1000斤", 1000, 1000, 1000, "斤", "exact", "kg"),
        ]),
        ("袁家村年旅游总收入超过10亿元。", [
            ("超过10亿元", 1000000000, 1000000000, None, "元/年", "over", "CNY/year"),
        ]),
        ("2023年旅游总收入10亿元。", [  # a dated year's
            ("10亿元", 1000000000, 1000000000, 1000000000, "元", "exact", "CNY"),
        ]),
    ],
)  # fmt: skip
def test_rules_of_rates36s_classes(text, found):
    assert readings(text) == found


# rates38's bounds (measured at 41228a6, after the rules above): 不下 (no fewer than) and 之内
# (within) as bounds (docs/DESIGN.md, Qualifiers).
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("平均畝產量不下4000斤。", [("不下4000斤", 4000, 4000, None, "斤/亩", "over", "kg/ha")]),
        ("不下20间", [("不下20间", 20, 20, None, "间", "over", "count:间")]),
        ("仓库装不下1000斤", [("不下1000斤", 1000, None, 1000, "斤", "under", "kg")]),
        ("当天收购，24小时之内压榨。", [("24小时之内", 24, None, 24, "小时", "under", "hour")]),
        ("一年之内", [("一年之内", 1, None, 1, "年", "under", "year")]),
    ],
)  # fmt: skip
def test_rules_of_rates38s_bounds(text, found):
    assert readings(text) == found


# ... and its rate units: 每年 heading a clause is the period of its sum past a figure of another
# kind between; not past a sum, nor without a word of income.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每年通过3亩多土地流转还有1500多元的流转费。", [
            ("3亩多", 3, 3, 4, "亩", "plus", "ha"),
            ("1500多元", 1500, 1500, 1600, "元/年", "plus", "CNY/year"),
        ]),
        ("每年种植3亩辣椒花了500元。", [  # no income: a cost, as written
            ("3亩", 3, 3, 3, "亩", "exact", "ha"),
            ("500元", 500, 500, 500, "元", "exact", "CNY"),
        ]),
        ("每年在2019年的基础上增加3亩，收入500元。", [
            ("3亩", 3, 3, 3, "亩", "exact", "ha"),
            ("500元", 500, 500, 500, "元", "exact", "CNY"),
        ]),
    ],
)  # fmt: skip
def test_a_period_heading_the_clause_past_another_figure(text, found):
    assert readings(text) == found
