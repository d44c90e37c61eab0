"""Rules written after rates29 and rates30 were measured (before rates28 was scored), on their
classes with sentences written for them and near-misses: a yield after 1亩 and after 采收, 年可
创收, one 亩 of a crop over a year before its income (一亩蔬菜大棚一年纯收入), counts in 棒, 棚
and 排, a piece of work in a day before the pay of the next clause (一天能够采4斤左右，可以获得
200块钱), a + that joins the terms of a sum, and a page's views and reads.  Each reading is
(span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # yields per 亩 after 1亩 with words between, and after 采收
        ("1亩茶地茶叶产量六七十斤。", [
            ("1亩", 1, 1, 1, "亩", "exact", "ha"),
            ("六七十斤", 60, 60, 70, "斤/亩", "range", "kg/ha"),
        ]),
        ("一亩采收350-400斤。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("350-400斤", 350, 350, 400, "斤/亩", "range", "kg/ha"),
        ]),
        ("11亩茶地产量六七十斤。", [
            ("11亩", 11, 11, 11, "亩", "exact", "ha"),
            ("六七十斤", 60, 60, 70, "斤", "range", "kg"),
        ]),
        # what a year brings with a modal, and one 亩 of a crop over a year
        ("采收蔬菜年可创收60余万元。", [
            ("60余万元", 600000, 600000, 700000, "元/年", "plus", "CNY/year"),
        ]),
        ("一亩蔬菜大棚一年纯收入高达3.5万元。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("3.5万元", 35000, 35000, 35000, "元/亩/年", "exact", "CNY/ha/year"),
        ]),
        # bags, sheds and rows counted (not 棒球, 棚户区, 排名)
        ("投放菌棒800万棒，建成大棚550棚，排起了两排长队。", [
            ("800万棒", 8000000, 8000000, 8000000, "棒", "exact", "count:棒"),
            ("550棚", 550, 550, 550, "棚", "exact", "count:棚"),
            ("两排", 2, 2, 2, "排", "exact", "count:排"),
        ]),
        ("棚户区改造，排名第一，3棒球。", []),
        # a day's work in the clause before the pay
        ("一天能够采4斤左右，可以获得200块钱务工收入。", [
            ("4斤左右", 4, None, None, "斤", "approx", "kg"),
            ("200块钱", 200, 200, 200, "块钱/天", "exact", "CNY/day"),
        ]),
        ("去年采了400斤，获得2000块钱。", [
            ("400斤", 400, 400, 400, "斤", "exact", "kg"),
            ("2000块钱", 2000, 2000, 2000, "块钱", "exact", "CNY"),
        ]),
        # + between the terms of a sum is no bound; at the end of a price it is
        ("50人×50元/天+(初制技工)3人×100元/天", [
            ("50人", 50, 50, 50, "人", "exact", "person"),
            ("50元/天", 50, 50, 50, "元/天", "exact", "CNY/day"),
            ("3人", 3, 3, 3, "人", "exact", "person"),
            ("100元/天", 100, 100, 100, "元/天", "exact", "CNY/day"),
        ]),
        ("月薪¥8000+，包吃住。", [("¥8000+", 8000, 8000, None, "¥/月", "over", "CNY/month")]),
        # a page's views and reads
        ("发布时间 2011-04-20 浏览 49553 次", []),
        ("来源:铁岭日报 阅读数:416 网友评论:1", []),
        ("浏览了50亩茶园。", [("50亩", 50, 50, 50, "亩", "exact", "ha")]),
    ],
)  # fmt: skip
def test_rules_of_rates29_30s_classes(text, found):
    assert readings(text) == found
