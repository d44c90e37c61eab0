"""Rules of branch xrates14 (issue 12: rate units of the rate figures still missed on the tuned
lists rates2..rates17), one test per rule, on sentences written for them, near-misses included
(where the rule must not fire).  Each row: span, value, lower, upper, unit, canonical unit."""

from __future__ import annotations

import pytest
from extract_readings import readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 按/按照/以 and one 斤 (公斤, 吨) attached before a price: the price of one, in the span
        (
            "按照一斤10元的价格，也有2万多元。",
            [
                ("一斤10元", 10, 10, 10, "元/斤", "CNY/kg"),
                ("2万多元", 20000, 20000, 30000, "元", "CNY"),
            ],
        ),
        ("按一公斤8元计算", [("一公斤8元", 8, 8, 8, "元/公斤", "CNY/kg")]),
        ("按照一吨2000元收购", [("一吨2000元", 2000, 2000, 2000, "元/吨", "CNY/t")]),
        ("以一斤三十元计", [("一斤三十元", 30, 30, 30, "元/斤", "CNY/kg")]),
        ("按1斤12元算", [("1斤12元", 12, 12, 12, "元/斤", "CNY/kg")]),
        ("按照一斤十元的價格收購", [("一斤十元", 10, 10, 10, "元/斤", "CNY/kg")]),
        ("按一亩地500元计算", [("一亩地500元", 500, 500, 500, "元/亩", "CNY/ha")]),
        # near-misses: a verb before 一斤 (its price's span now, as 一斤12元 in
        # tests/test_extract_rules23.py; rates3's gold has 一斤 optional), a weight of eleven, no
        # price after the 一斤
        ("采一斤20元钱", [("一斤20元钱", 20, 20, 20, "元钱/斤", "CNY/kg")]),
        ("按11斤10元算", [("11斤", 11, 11, 11, "斤", "kg"), ("10元", 10, 10, 10, "元", "CNY")]),
        ("按照一斤的价格收购", [("一斤", 1, 1, 1, "斤", "kg")]),
    ],
)
def test_one_weight_after_an_at_is_the_price_s_denominator(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a count with 每户/每人/每亩 attached (a bound word between at most): a rate
        ("按每戶450株計算", [("每戶450株", 450, 450, 450, "株/户", "count:株/household")]),
        ("每畝最多225棵", [("每畝最多225棵", 225, None, 225, "棵/亩", "count:棵/ha")]),
        ("油茶林每亩110株左右", [("每亩110株左右", 110, None, None, "株/亩", "count:株/ha")]),
        ("每户2头牛", [("每户2头", 2, 2, 2, "头/户", "count:头/household")]),
        ("每人3只鸡苗", [("每人3只", 3, 3, 3, "只/人", "count:只/person")]),
        ("每公顷1500株", [("每公顷1500株", 1500, 1500, 1500, "株/公顷", "count:株/ha")]),
        # near-misses: a list of what each one gets, words between, a period, 每个人
        (
            "每人1床被单、1个茶杯",
            [("1床", 1, 1, 1, "床", "count:床"), ("1个", 1, 1, 1, "个", "count")],
        ),
        ("每户发放树苗450株", [("450株", 450, 450, 450, "株", "count:株")]),
        ("每天至少有10万人", [("至少有10万人", 100000, 100000, None, "人", "person")]),
        ("每个人十股", [("十股", 10, 10, 10, "股", "count:股")]),
    ],
)
def test_count_with_its_denominator_attached_is_a_rate(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 年出栏, 年产, 年销售 before a count: per year, as 年产 before a weight
        (
            "实现年出栏仔香猪20万头以上",
            [("20万头以上", 200000, 200000, None, "头/年", "count:头/year")],
        ),
        ("年产仔猪60万头以上", [("60万头以上", 600000, 600000, None, "头/年", "count:头/year")]),
        ("合作社年销售生猪5000头", [("5000头", 5000, 5000, 5000, "头/年", "count:头/year")]),
        ("基地年出欄肉牛3000頭", [("3000頭", 3000, 3000, 3000, "头/年", "count:头/year")]),
        # the second item of a 、-list shares the first's yearly rate
        (
            "年可採伐楠竹35萬噸、雜竹100萬噸",
            [
                ("35萬噸", 350000, 350000, 350000, "吨/年", "t/year"),
                ("100萬噸", 1000000, 1000000, 1000000, "吨/年", "t/year"),
            ],
        ),
        (
            "年产茶叶500吨、红茶200吨",
            [
                ("500吨", 500, 500, 500, "吨/年", "t/year"),
                ("200吨", 200, 200, 200, "吨/年", "t/year"),
            ],
        ),
        # near-misses: a dated year, no 年, 每年 leading another verb than 产 (DESIGN.md), a year's
        # output (年产量), harvests, a clause with its own verb
        ("2020年出栏生猪5000头", [("5000头", 5000, 5000, 5000, "头", "count:头")]),
        ("去年出栏生猪5000头", [("5000头", 5000, 5000, 5000, "头", "count:头")]),
        ("出栏生猪5000头", [("5000头", 5000, 5000, 5000, "头", "count:头")]),
        ("每年出栏生猪5000头", [("5000头", 5000, 5000, 5000, "头", "count:头")]),
        ("年产量达二十八万吨", [("二十八万吨", 280000, 280000, 280000, "吨", "t")]),
        ("蔬菜可年产八茬", [("八茬", 8, 8, 8, "茬", "count:茬")]),
        (
            "全国年产38万吨，但只有8万吨流向市场",
            [
                ("38万吨", 380000, 380000, 380000, "吨/年", "t/year"),
                ("8万吨", 80000, 80000, 80000, "吨", "t"),
            ],
        ),
        (
            "年产茶叶500吨，销售200吨",
            [("500吨", 500, 500, 500, "吨/年", "t/year"), ("200吨", 200, 200, 200, "吨", "t")],
        ),
    ],
)
def test_year_before_a_count_and_the_list_after_it(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 每个 and a noun of households (特困户, 贫困户, 农户) leading a sum: per household
        (
            "是村里給每個特困戶2000元扶貧資金配股",
            [("2000元", 2000, 2000, 2000, "元/户", "CNY/household")],
        ),
        ("为每个贫困户发放3000元补助", [("3000元", 3000, 3000, 3000, "元/户", "CNY/household")]),
        (
            "每个建档立卡贫困户可获得5000元",
            [("5000元", 5000, 5000, 5000, "元/户", "CNY/household")],
        ),
        # a clause led by 每人 (每户) holding a count, then a sum got (分得, 领到): per that head
        (
            "其中的28位贫困户每人持有53股份，分得了5300元的分红",
            [
                ("28位", 28, 28, 28, "位", "person"),
                ("53股份", 53, 53, 53, "股份", "count:股"),
                ("5300元", 5300, 5300, 5300, "元/人", "CNY/person"),
            ],
        ),
        (
            "每户持有10股，分得了2000元",
            [
                ("10股", 10, 10, 10, "股", "count:股"),
                ("2000元", 2000, 2000, 2000, "元/户", "CNY/household"),
            ],
        ),
        # near-misses: a village, a firm, a total, another holder
        ("给每个村2000元", [("2000元", 2000, 2000, 2000, "元", "CNY")]),
        ("给每个合作社2000元", [("2000元", 2000, 2000, 2000, "元", "CNY")]),
        (
            "每人持有53股份，合作社共分红5300元",
            [("53股份", 53, 53, 53, "股份", "count:股"), ("5300元", 5300, 5300, 5300, "元", "CNY")],
        ),
        (
            "每人持有53股份，村集体分得了5300元",
            [("53股份", 53, 53, 53, "股份", "count:股"), ("5300元", 5300, 5300, 5300, "元", "CNY")],
        ),
    ],
)
def test_sum_for_each_household_or_person(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 块多钱: 两块钱 and 多 after the unit (2 to 3 元; 10块多 below 11), a denominator after it
        ("白菜两块多钱一斤", [("两块多钱一斤", 2, 2, 3, "块钱/斤", "CNY/kg")]),
        ("卖到3块多钱一斤", [("3块多钱一斤", 3, 3, 4, "块钱/斤", "CNY/kg")]),
        ("土豆兩塊多錢一斤", [("兩塊多錢一斤", 2, 2, 3, "块钱/斤", "CNY/kg")]),
        ("10块多钱每斤", [("10块多钱每斤", 10, 10, 11, "块钱/斤", "CNY/kg")]),
        ("一共卖了两块多钱。", [("两块多钱", 2, 2, 3, "块钱", "CNY")]),
        # near-misses: 个 after a part is no denominator; 块 of land
        ("鸡蛋1元多一个", [("1元多", 1, 1, 2, "元", "CNY")]),
        ("种了两块多地", []),
    ],
)
def test_kuai_duo_qian(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a change of the yield per 亩 (亩产, 亩产量 and a comparison): per 亩
        ("畝產量比去年增加60斤", [("60斤", 60, 60, 60, "斤/亩", "kg/ha")]),
        ("亩产比去年提高了50公斤", [("50公斤", 50, 50, 50, "公斤/亩", "kg/ha")]),
        ("亩产量较上年增加100多斤", [("100多斤", 100, 100, 200, "斤/亩", "kg/ha")]),
        ("平均亩产比往年增产30公斤", [("30公斤", 30, 30, 30, "公斤/亩", "kg/ha")]),
        (
            "亩产500斤，比去年增加60斤",
            [("500斤", 500, 500, 500, "斤/亩", "kg/ha"), ("60斤", 60, 60, 60, "斤/亩", "kg/ha")],
        ),
        # the same per-亩 cost again in a later clause, changed: per 亩
        (
            "自己管理每畝成本在1440元，托管后，成本少了140元",
            [
                ("1440元", 1440, 1440, 1440, "元/亩", "CNY/ha"),
                ("140元", 140, 140, 140, "元/亩", "CNY/ha"),
            ],
        ),
        # near-misses: a total's output, another noun, a holder's cost
        ("总产量比去年增加60吨", [("60吨", 60, 60, 60, "吨", "t")]),
        (
            "每亩成本1440元，公司成本少了140元",
            [
                ("1440元", 1440, 1440, 1440, "元/亩", "CNY/ha"),
                ("140元", 140, 140, 140, "元", "CNY"),
            ],
        ),
        (
            "每亩成本1440元，利润增加了140元",
            [
                ("1440元", 1440, 1440, 1440, "元/亩", "CNY/ha"),
                ("140元", 140, 140, 140, "元", "CNY"),
            ],
        ),
    ],
)
def test_change_of_a_per_mu_measure_keeps_per_mu(text, found):
    assert readings(text) == found
