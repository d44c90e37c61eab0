"""Rules written after rates25-27 were measured, on their classes (no longer unseen), with
sentences written for them and near-misses: a price's weight after 左右 (110元左右一公斤) or
touching it before (一斤12元), 块 before 左右, 大概有, one 亩 with a crop and a short verb
before its sum (一亩麦子收40元钱), counts in 拨, 盘, 架, 道, 批次 and 场次, 一成, a people count
that takes no 每人, a workshop's yearly output (年生产), what a year brings in (年实现…销售), a
period on a condition (一个月如果…), and a page's counters (1/10 alone on a line, the views
after a posting time).  Each reading is (span, value, lower, upper, unit, qualifier,
canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a price's weight after 左右, or touching it before: in the span, the rate's
        ("均价能够达到110元左右一公斤。", [
            ("110元左右一公斤", 110, None, None, "元/公斤", "approx", "CNY/kg"),
        ]),
        ("现在12块钱左右一斤。", [
            ("12块钱左右一斤", 12, None, None, "块钱/斤", "approx", "CNY/kg"),
        ]),
        ("到果园里采摘，一斤12元。", [("一斤12元", 12, 12, 12, "元/斤", "exact", "CNY/kg")]),
        ("十一斤12元。", [
            ("十一斤", 11, 11, 11, "斤", "exact", "kg"),
            ("12元", 12, 12, 12, "元", "exact", "CNY"),
        ]),
        # 块 before 左右 is money; 大概有 is about, in the span
        ("每天平均在200块左右。", [("200块左右", 200, None, None, "块/天", "approx", "CNY/day")]),
        ("工钱大概有120元一天。", [
            ("大概有120元一天", 120, None, None, "元/天", "approx", "CNY/day"),
        ]),
        # one 亩, a crop and a short verb before the sum: per 亩 (not 一亩多, nor 有一亩)
        ("我割一亩麦子收40元钱，现在一亩还是四五十元钱。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("40元钱", 40, 40, 40, "元钱/亩", "exact", "CNY/ha"),
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("四五十元钱", 40, 40, 50, "元钱/亩", "range", "CNY/ha"),
        ]),
        ("一亩多，收入300元。", [
            ("一亩多", 1, 1, 2, "亩", "plus", "ha"),
            ("300元", 300, 300, 300, "元", "exact", "CNY"),
        ]),
        # groups, trays, machines, steps, batches and events counted; 一成 a tenth
        ("两拨收购商，10多拨村民。", [
            ("两拨", 2, 2, 2, "拨", "exact", "count:拨"),
            ("10多拨", 10, 10, 20, "拨", "plus", "count:拨"),
        ]),
        ("拿到25盘秧苗，两架无人机。", [
            ("25盘", 25, 25, 25, "盘", "exact", "count:盘"),
            ("两架", 2, 2, 2, "架", "exact", "count:架"),
        ]),
        ("六盘水市盘活资产，打造框架。", []),
        ("30道工序，摘了8批次，举办赛事9场次。", [
            ("30道", 30, 30, 30, "道", "exact", "count:道"),
            ("8批次", 8, 8, 8, "批次", "exact", "count:批次"),
            ("9场次", 9, 9, 9, "场次", "exact", "count:场次"),
        ]),
        ("走在道路上，知道了。", []),
        ("产量减少了一成。", [("一成", 1, 1, 1, "成", "exact", "percent")]),
        ("一成不变。", []),
        # a count of people takes no 每人 after it
        ("相当于为9亿农民每人增加收入20元。", [
            ("9亿农民", 900000000, 900000000, 900000000, "农民", "exact", "person"),
            ("20元", 20, 20, 20, "元/人", "exact", "CNY/person"),
        ]),
        # a workshop's output of a year, and what a year brings in
        ("卡拉苗寨年生产鸟笼10万个。", [
            ("10万个", 100000, 100000, 100000, "个/年", "exact", "count/year"),
        ]),
        ("22名绣娘年实现产品销售150余万元。", [
            ("22名", 22, 22, 22, "名", "exact", "person"),
            ("150余万元", 1500000, 1500000, 1600000, "元/年", "plus", "CNY/year"),
        ]),
        ("2023年实现销售收入500万元。", [
            ("500万元", 5000000, 5000000, 5000000, "元", "exact", "CNY"),
        ]),
        # a period on a condition leads the sum after it
        ("一个月如果天天不休息，可以有5000余元毛收入。", [
            ("5000余元", 5000, 5000, 6000, "元/月", "plus", "CNY/month"),
        ]),
        # a page's counters: a slide number alone on its line, views after the posting time
        ("APP专享直播\n\n1/10\n\n热门推荐", []),
        ("10元/股", [("10元/股", 10, 10, 10, "元/股", "exact", "CNY/share")]),  # alone, no counter
        ("2025-06-28 22:59:08 7次\n土地代耕费", []),
        ("占总数的1/10。\n去了7次\n", [
            ("1/10", 10, 10, 10, "%", "exact", "percent"),
            ("7次", 7, 7, 7, "次", "exact", "count:次"),
        ]),
    ],
)  # fmt: skip
def test_rules_of_rates25_27s_classes(text, found):
    assert readings(text) == found
