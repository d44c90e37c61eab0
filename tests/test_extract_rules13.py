"""Rules of branch xrules13 (issue 12: the non-rate miss classes of rates14/rates15), one test
per class, on sentences written for them before the code, near-misses included (where a rule
must not fire)."""

from __future__ import annotations

import pytest
from extract_readings import rows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 年产 before a count: per year since xrates14 (rates17's gold 年产仔猪60万头以上)
        ("年产矿泉水700万瓶", [("700万瓶", 7e6, 7e6, "瓶/年", "exact", "count:瓶/year")]),
        ("賣出三千瓶辣椒醬", [("三千瓶", 3000, 3000, "瓶", "exact", "count:瓶")]),
        ("销售蜂蜜2000余瓶", [("2000余瓶", 2000, 3000, "瓶", "plus", "count:瓶")]),
        ("生产罐头500罐", [("500罐", 500, 500, "罐", "exact", "count:罐")]),
        ("卖出茶叶1.2万盒", [("1.2万盒", 12000, 12000, "盒", "exact", "count:盒")]),
        ("收购稻草3000捆", [("3000捆", 3000, 3000, "捆", "exact", "count:捆")]),
        ("每天摘李子三十筐", [("三十筐", 30, 30, "筐", "exact", "count:筐")]),
        ("共设展位14席", [("14席", 14, 14, "席", "exact", "count:席")]),
        ("端上三样农家菜", [("三样", 3, 3, "样", "exact", "count:样")]),
        # near-misses: the characters in words, or 一 before them in a phrase
        ("破解3大瓶颈", []),
        ("他的一席话", []),
        ("占有一席之地", []),
        ("和去年一样", []),
        ("跟城里没什么两样", []),
        ("打造3个样板", [("3个", 3, 3, "个", "exact", "count")]),
        ("吃了两盒饭", []),
    ],
)
def test_classifiers_of_goods_and_seats(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("將19年數據與20年對比", []),
        ("将19年数据与20年对比", []),
        ("19年和20年", []),
        ("19年底完工", []),
        ("20年上半年", []),
        ("與20年相比", []),
        ("19年至20年期间", []),
        ("从19年开始种烤烟", []),
        # near-misses: durations
        ("他在村里干了19年", [("19年", 19, 19, "年", "exact", "year")]),
        ("租期20年", [("20年", 20, 20, "年", "exact", "year")]),
        ("20年来", [("20年", 20, 20, "年", "exact", "year")]),
        ("流转期限为20年", [("20年", 20, 20, "年", "exact", "year")]),
        ("用了20年的时间", [("20年", 20, 20, "年", "exact", "year")]),
        ("承包期10年至20年", [("10年至20年", 10, 20, "年", "range", "year")]),
        (
            "干了19年3个月",
            [("19年", 19, 19, "年", "exact", "year"), ("3个月", 3, 3, "个月", "exact", "month")],
        ),
        ("近20年的发展", []),  # not 2020, and no span: relative time (docs/DESIGN.md)
    ],
)
def test_two_digit_years_are_dates(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("嫌两头跑成本高", []),
        ("嫌兩頭跑成本高", []),
        ("家里地里两头忙", []),
        ("工作家庭两头顾", []),
        ("两头受气", []),
        ("91人妻", []),
        # (100人民币 is no count of people: money, tests/test_extract_rules30.py)
        ("支付100人民币", [("100人民币", 100, 100, "人民币", "exact", "CNY")]),
        # near-misses: cattle, and people counted before a word
        ("养了两头牛", [("两头", 2, 2, "头", "exact", "count:头")]),
        ("買了兩頭豬", [("兩頭", 2, 2, "头", "exact", "count:头")]),
        ("两头黄牛跑了", [("两头", 2, 2, "头", "exact", "count:头")]),
        ("91人参加培训", [("91人", 91, 91, "人", "exact", "person")]),
        ("带动300人就业", [("300人", 300, 300, "人", "exact", "person")]),
    ],
)
def test_both_ends_and_words_after_ren(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("还给5万块无息贷款", [("5万块", 50000, 50000, "块", "exact", "CNY")]),
        ("發放兩萬塊補貼", [("兩萬塊", 20000, 20000, "块", "exact", "CNY")]),
        ("拿到3千块奖金", [("3千块", 3000, 3000, "块", "exact", "CNY")]),
        ("开业不到半年", [("不到半年", None, 0.5, "年", "under", "year")]),
        ("開業不足半年", [("不足半年", None, 0.5, "年", "under", "year")]),
        ("外出超过半年", [("超过半年", 0.5, None, "年", "over", "year")]),
        # near-misses: 块 counting things, and 半年 as a date or alone
        ("铺了两万块石板", []),
        ("5万块砖", []),
        ("上半年", []),
        ("用了半年", []),
        ("不到半年底", []),
    ],
)
def test_money_in_kuai_before_a_money_word_and_half_a_year_bounded(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("废弃了近20年", [("近20年", None, 20, "年", "under", "year")]),
        ("廢棄了近20年", [("近20年", None, 20, "年", "under", "year")]),
        ("坚持了近三个月", [("近三个月", None, 3, "个月", "under", "month")]),
        # near-misses: 近 before a time unit and 来 is the past N (the fresh list); alone, a
        # time frame, relative time (docs/DESIGN.md, Qualifiers)
        ("近20年来", [("20年", 20, 20, "年", "exact", "year")]),
        ("近三年实现增收", []),
        ("了解近3年的数据", []),
    ],
)
def test_jin_after_le_is_nearly(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("開業沒半個月就回本", [("沒半個月", None, 0.5, "个月", "under", "month")]),
        ("开业没半个月就回本", [("没半个月", None, 0.5, "个月", "under", "month")]),
        ("没有三天就卖完了", [("没有三天", None, 3, "天", "under", "day")]),
        ("没两年就还清了", [("没两年", None, 2, "年", "under", "year")]),
        # near-misses: 没 before what is not time, or before a lone 一
        ("没3亩地", [("3亩", 3, 3, "亩", "exact", "ha")]),
        ("没一天休息", []),
    ],
)
def test_mei_before_a_span_of_time_is_under(text, found):
    assert rows(text) == found
