"""Rules of branch xrules9 (issue 12: miss classes of the rates10/rates11 lists), one test per
rule, on sentences written for them, near-misses included (where the rule must not fire)."""

from __future__ import annotations

import math

import pytest
from extract_readings import rows

from ruralstudy.extract import extract_quantities


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("年底分到了800元钱。", [("800元钱", 800, 800, "元钱", "exact", "CNY")]),
        ("合作社一共赚了30万元钱", [("30万元钱", 300000, 300000, "元钱", "exact", "CNY")]),
        ("辣椒卖不到三元钱一斤", [("不到三元钱一斤", None, 3, "元钱/斤", "under", "CNY/kg")]),
        ("每人补助200多元钱", [("200多元钱", 200, 300, "元钱/人", "plus", "CNY/person")]),
        # near-misses: 钱 that starts the next clause or word stays out
        ("收了500元，钱不多", [("500元", 500, 500, "元", "exact", "CNY")]),
        ("一共1200元", [("1200元", 1200, 1200, "元", "exact", "CNY")]),
    ],
)
def test_qian_after_yuan_is_in_the_span(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("一头肥猪能长到175kg左右。", [("175kg左右", None, None, "kg", "approx", "kg")]),
        ("每亩产玉米600kg", [("600kg", 600, 600, "kg/亩", "exact", "kg/ha")]),
        ("体重 80kg", [("80kg", 80, 80, "kg", "exact", "kg")]),
        # near-misses: kg inside a Latin word, or after a Chinese numeral
        ("型号20kgf", []),
        ("净重5kgs", []),
        ("十kg", []),
    ],
)
def test_latin_kg_after_digits_is_a_weight(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("村里养了300头外三元。", [("300头", 300, 300, "头", "exact", "count:头")]),
        ("三元杂交猪长得快", []),
        ("引进了内三元母猪", []),
        ("土三元的肉好吃", []),
        # near-misses: three yuan
        ("每斤涨了三元。", [("三元", 3, 3, "元/斤", "exact", "CNY/kg")]),
        ("外加三元运费", [("三元", 3, 3, "元", "exact", "CNY")]),
        ("一个卖三元钱", [("三元钱", 3, 3, "元钱", "exact", "CNY")]),
    ],
)
def test_sanyuan_of_a_pig_cross_is_a_name(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("一户人家也就养十二三只。", [("十二三只", 12, 13, "只", "range", "count:只")]),
        ("十七八岁的小伙子", [("十七八岁", 17, 18, "岁", "range", "year_of_age")]),
        ("二十五六个人", [("二十五六个人", 25, 26, "个人", "range", "person")]),
        # near-misses: the five-year plan's name, digits not next to each other
        ("落实十四五规划", []),
        ("十二四个", []),
    ],
)
def test_next_digits_after_ten_are_a_range(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("网店上架了60余款产品", [("60余款", 60, 70, "款", "plus", "count:款")]),
        ("覆盖100多万消费者", [("100多万消费者", 1000000, 2000000, "消费者", "plus", "person")]),
        ("吸引了2000余名顾客", [("2000余名", 2000, 3000, "名", "plus", "person")]),
        ("3万网友点赞", [("3万网友", 30000, 30000, "网友", "exact", "person")]),
        ("叠了200多层", [("200多层", 200, 300, "层", "plus", "count:层")]),
        # near-misses: an article, 款项, a building's storeys, 层次, a noun without a sure number
        ("这款产品卖得好", []),
        ("款项5万元", [("5万元", 50000, 50000, "元", "exact", "CNY")]),
        ("盖了三层楼", []),
        ("两个层次", [("两个", 2, 2, "个", "exact", "count")]),
        ("三顾客", []),
    ],
)
def test_counts_of_kinds_buyers_and_layers(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("今年可以收4万块的毛账", [("4万块", 40000, 40000, "块", "exact", "CNY")]),
        ("挣了三千块的辛苦钱", [("三千块", 3000, 3000, "块", "exact", "CNY")]),
        # near-misses: what is counted in 块 (bricks, slabs), a lone 块 before 的
        ("垒了两万块的砖", []),
        ("三千块的石板", []),
        ("三块的", []),
    ],
)
def test_ten_thousand_kuai_before_de_is_money(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "一个月的收益大概在3000元。",
            [("大概在3000元", None, None, "元/月", "approx", "CNY/month")],
        ),
        ("亩产大约在800斤", [("大约在800斤", None, None, "斤/亩", "approx", "kg/ha")]),
        ("好果最低8块一斤", [("最低8块一斤", 8, None, "块/斤", "over", "CNY/kg")]),
        ("也不过就是十块钱一斤", [("不过就是十块钱一斤", None, 10, "块钱/斤", "under", "CNY/kg")]),
        ("一天不过是80元", [("不过是80元", None, 80, "元/天", "under", "CNY/day")]),
        # near-misses: 不过 alone (however), 最低 not touching the figure, 大概在 before a date
        ("不过3000元的补贴还没到", [("3000元", 3000, 3000, "元", "exact", "CNY")]),
        ("最低工资1800元", [("1800元", 1800, 1800, "元", "exact", "CNY")]),
        ("大概在5月", []),
    ],
)
def test_qualifiers_with_words_between_are_in_the_span(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("年底分红一人5000块钱。", [("5000块钱", 5000, 5000, "块钱/人", "exact", "CNY/person")]),
        ("一人两千元", [("两千元", 2000, 2000, "元/人", "exact", "CNY/person")]),
        ("一人一天100元", [("100元", 100, 100, "元/人/天", "exact", "CNY/person/day")]),
        # near-misses: eleven people, 一人 not touching the sum
        (
            "共有十一人5000元",
            [
                ("十一人", 11, 11, "人", "exact", "person"),
                ("5000元", 5000, 5000, "元", "exact", "CNY"),
            ],
        ),
        ("请了一人，花了300元", [("300元", 300, 300, "元", "exact", "CNY")]),
    ],
)
def test_yi_ren_touching_a_sum_is_per_person(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("收购价每斤要高出五毛，", [("五毛", 5, 5, "毛/斤", "exact", "CNY/kg")]),
        ("每公斤贵了三毛。", [("三毛", 3, 3, "毛/公斤", "exact", "CNY/kg")]),
        # near-misses: a 每-word not of weight (三毛 the writer), a clause break between
        ("每天都读三毛，", []),
        ("每斤的价格，三毛说", []),
    ],
)
def test_mao_after_a_per_weight_in_its_clause_is_money(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("扛过50公斤一袋的水泥", [("50公斤", 50, 50, "公斤", "exact", "kg")]),
        ("以前养过300头猪", [("300头", 300, 300, "头", "exact", "count:头")]),
        # near-misses: 过 as "over" after no verb
        ("年收入过万元", [("过万元", 10000, None, "元/年", "over", "CNY/year")]),
        ("亩产过千斤", [("过千斤", 1000, None, "斤/亩", "over", "kg/ha")]),
    ],
)
def test_guo_after_a_verb_of_handling_is_no_bound(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "value", "lower", "upper", "qualifier"),
    [
        ("一亩地顶多两三百块钱", 300, None, 300, "under"),  # at most the pair's high end
        ("最多三四十斤", 40, None, 40, "under"),
        ("不超过七八个", 8, None, 8, "under"),
        ("最少两三百元", 200, 200, None, "over"),  # at least its low end, as before
        ("三四十斤", 30, 30, 40, "range"),  # no bound word: the pair is a range
    ],
)
def test_a_bound_word_before_a_loose_pair_takes_the_end_it_bounds(
    text, value, lower, upper, qualifier
):
    row = extract_quantities(text).iloc[0]
    assert (row["value"], row["qualifier"]) == (value, qualifier)
    for got, want in ((row["lower"], lower), (row["upper"], upper)):
        assert math.isnan(got) if want is None else got == want
