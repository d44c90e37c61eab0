"""Rules written before the rates25-27 lists were scored, on sentences written for them (and
on rates24's pages, no longer unseen): income and deductions in a reckoning per 亩, the
work's hour or day kept off a fee per 亩, a deposit or one thing of a clause's own that
restates no rate, one 亩 of an orchard before its cost, what growing one 亩 takes (种植1亩…
需要), the gram (克) as a weight and a price's denominator, and the cent (分钱).  Each reading
is (span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # income, net income and deductions after a yield per 亩, in its sentence: per 亩
        ("每亩地种玉米可收500千克，收入500~600元，扣除费用150元，净收入350~450元。", [
            ("500千克", 500, 500, 500, "千克/亩", "exact", "kg/ha"),
            ("500~600元", 500, 500, 600, "元/亩", "range", "CNY/ha"),
            ("150元", 150, 150, 150, "元/亩", "exact", "CNY/ha"),
            ("350~450元", 350, 350, 450, "元/亩", "range", "CNY/ha"),
        ]),
        ("再种一茬油菜每亩收150公斤，毛收入600元，扣除种子80元，可净收入520元。", [
            ("150公斤", 150, 150, 150, "公斤/亩", "exact", "kg/ha"),
            ("600元", 600, 600, 600, "元/亩", "exact", "CNY/ha"),
            ("80元", 80, 80, 80, "元/亩", "exact", "CNY/ha"),
            ("520元", 520, 520, 520, "元/亩", "exact", "CNY/ha"),
        ]),
        # (no period: 每亩 is no work done in a period, test_extract's near-miss)
        ("每亩产量1000斤，收入3000元", [
            ("1000斤", 1000, 1000, 1000, "斤/亩", "exact", "kg/ha"),
            ("3000元", 3000, 3000, 3000, "元/亩", "exact", "CNY/ha"),
        ]),
        # ... not the grower's income after the area grown, from all of it
        ("他家种了20多亩辣椒，每亩产量550斤，收入7万多元。", [
            ("20多亩", 20, 20, 30, "亩", "plus", "ha"),
            ("550斤", 550, 550, 550, "斤/亩", "exact", "kg/ha"),
            ("7万多元", 70000, 70000, 80000, "元", "plus", "CNY"),
        ]),
        # ... nor a holder's, nor past the sentence
        ("每亩产量800斤，农户收入3000元。", [
            ("800斤", 800, 800, 800, "斤/亩", "exact", "kg/ha"),
            ("3000元", 3000, 3000, 3000, "元", "exact", "CNY"),
        ]),
        ("每亩产量800斤。收入3000元。", [
            ("800斤", 800, 800, 800, "斤/亩", "exact", "kg/ha"),
            ("3000元", 3000, 3000, 3000, "元", "exact", "CNY"),
        ]),
        # a fee per 亩 after the hour or day of the work: per 亩 only
        ("植保无人机每小时可作业80亩，作业费每亩8元。", [
            ("80亩", 80, 80, 80, "亩", "exact", "ha"),
            ("每亩8元", 8, 8, 8, "元/亩", "exact", "CNY/ha"),
        ]),
        ("流转费每年每亩600元。", [
            ("每年每亩600元", 600, 600, 600, "元/亩/年", "exact", "CNY/ha/year"),
        ]),
        # a deposit, or one thing of the clause's own, restates no rate before it
        ("摊位费：每个摊位500元/天，押金1000元。", [
            ("500元/天", 500, 500, 500, "元/天", "exact", "CNY/day"),
            ("1000元", 1000, 1000, 1000, "元", "exact", "CNY"),
        ]),
        ("农家乐人均消费80元左右，一桌饭菜300元起。", [
            ("80元左右", 80, None, None, "元/人", "approx", "CNY/person"),
            ("300元起", 300, 300, None, "元", "over", "CNY"),
        ]),
        ("人均消费80元左右，最高的也就150元。", [
            ("80元左右", 80, None, None, "元/人", "approx", "CNY/person"),
            ("150元", 150, 150, 150, "元/人", "exact", "CNY/person"),
        ]),
        # one 亩 of an orchard before what it costs (over a year: per 亩 and year)
        ("一亩果园一年的管护成本大约在1500元左右。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("大约在1500元左右", 1500, None, None, "元/亩/年", "approx", "CNY/ha/year"),
        ]),
        ("一亩茶园的投入约3000元。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("约3000元", 3000, None, None, "元/亩", "approx", "CNY/ha"),
        ]),
        ("有一亩果园，收入2000元。", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("2000元", 2000, 2000, 2000, "元", "exact", "CNY"),
        ]),
        # what growing one 亩 takes or brings, in the clause: per 亩
        ("种植1亩天麻需要投入3000元左右。", [
            ("1亩", 1, 1, 1, "亩", "exact", "ha"),
            ("3000元左右", 3000, None, None, "元/亩", "approx", "CNY/ha"),
        ]),
        ("种1亩烤烟要花2000多元成本。", [
            ("1亩", 1, 1, 1, "亩", "exact", "ha"),
            ("2000多元", 2000, 2000, 3000, "元/亩", "plus", "CNY/ha"),
        ]),
        ("种了11亩烤烟，要花2000多元成本。", [
            ("11亩", 11, 11, 11, "亩", "exact", "ha"),
            ("2000多元", 2000, 2000, 3000, "元", "plus", "CNY"),
        ]),
        # the gram: a weight, and a price per 克 (CNY/kg x1000)
        ("一瓶酸汤500克。", [("500克", 500, 500, 500, "克", "exact", "kg")]),
        ("银饰加工每克工费5元，银价5.8元/克。", [
            ("5元", 5, 5, 5, "元/克", "exact", "CNY/kg"),
            ("5.8元/克", 5.8, 5.8, 5.8, "元/克", "exact", "CNY/kg"),
        ]),
        ("耗银1.5千克，约5千克。", [
            ("1.5千克", 1.5, 1.5, 1.5, "千克", "exact", "kg"),
            ("约5千克", 5, None, None, "千克", "approx", "kg"),
        ]),
        ("一颗3克拉的钻石，要克服困难。", []),
        # 分钱, a hundredth of a 元: a price's part of a cent (not the idiom's lone 一, nor the 分
        # of a mixed sum it cannot read whole)
        ("每斤稻谷烘干成本约7分钱。", [
            ("约7分钱", 7, None, None, "分钱/斤", "approx", "CNY/kg"),
        ]),
        ("8分钱一斤。", [("8分钱一斤", 8, 8, 8, "分钱/斤", "exact", "CNY/kg")]),
        ("赚不到一分钱，一分钱一分货。", []),
        ("电费每度5毛8分钱。", []),
    ],
)  # fmt: skip
def test_rules_before_rates25_27(text, found):
    assert readings(text) == found


def test_a_price_per_gram_normalises_to_a_kilogram():
    (row,) = readings("每克3元")
    assert row[-1] == "CNY/kg"
    assert row[1] == 3  # the value as written; the canonical value is 3000 CNY/kg
