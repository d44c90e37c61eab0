"""Rate rules of branch xrates10 (issue 12: rate units on unseen text).

A sweep of denominators x forms (每X, X均, 元/X, 元/X/年, 元一X, 一X leading, 每X每Y, 按每X…的标准,
X平均, 每X可…, 年X/月X/日X, bounds and ranges; traditional twins) written BEFORE the rules, with
near-misses that must stay plain CNY: 80 of these 95 read as here before the rules, 94 after.
The one left (每户发放大米50斤、…: a weight in a 每户 list) stays kg, as decided
since (tests/test_extract_rules11.py: a non-money figure is a rate only with its denominator
attached).  The sentences of the later tests were written before their rules (a clause led by
每户: 4 of 7 before; a count after 每 stays a count: 2 of 5 before); all read as here after.
Conventions as docs/DESIGN.md: 人均年收入 and 劳均年收入 are CNY/person, 年产量 is one
year's output (t).
"""

from __future__ import annotations

import pytest
from extract_readings import units

SWEEP = [
    ("每亩补贴300元。", [("300元", "CNY/ha")]),
    ("每畝補貼300元。", [("300元", "CNY/ha")]),
    ("每公顷补助1500元", [("1500元", "CNY/ha")]),
    ("每平方米补助300元", [("300元", "CNY/m2")]),
    ("每平米租金20元", [("20元", "CNY/m2")]),
    ("每斤卖到十二元", [("十二元", "CNY/kg")]),
    ("每公斤收购价8元", [("8元", "CNY/kg")]),
    ("每吨收购价2000元", [("2000元", "CNY/t")]),
    ("每人发放慰问金500元", [("500元", "CNY/person")]),
    ("每户分红3000元", [("3000元", "CNY/household")]),
    ("每戶分紅3000元", [("3000元", "CNY/household")]),
    ("每股分红15元", [("15元", "CNY/share")]),
    ("每间房每晚280元", [("每晚280元", "CNY/room/night")]),
    ("每床每晚50元", [("每床每晚50元", "CNY/bed/night")]),
    ("每人次消费120元", [("120元", "CNY/person-time")]),
    ("每小时工钱20元", [("20元", "CNY/hour")]),
    ("每晚三百元", [("每晚三百元", "CNY/night")]),
    ("亩均收益4000元", [("4000元", "CNY/ha")]),
    ("户均增收近3000元", [("近3000元", "CNY/household")]),
    ("戶均增收近3000元", [("近3000元", "CNY/household")]),
    ("人均超万元", [("人均超万元", "CNY/person")]),
    ("日均接待游客2000人次,日均收入5万元", [("2000人次", "person-time"), ("5万元", "CNY/day")]),
    ("月均工资3500元", [("3500元", "CNY/month")]),
    ("年均增收1.2万元", [("1.2万元", "CNY/year")]),
    ("劳均年收入1500元", [("1500元", "CNY/person")]),
    ("勞均年收入1500元", [("1500元", "CNY/person")]),
    ("股均分红800元", [("800元", "CNY/share")]),
    ("租金800元/亩", [("800元/亩", "CNY/ha")]),
    ("价格3.5元/斤", [("3.5元/斤", "CNY/kg")]),
    ("流转费600元/亩/年", [("600元/亩/年", "CNY/ha/year")]),
    ("流转费600元/(亩·年)", [("600元/(亩·年)", "CNY/ha/year")]),
    ("租金50元/平方米/月", [("50元/平方米/月", "CNY/m2/month")]),
    ("住宿费150元/人/天", [("150元/人/天", "CNY/person/day")]),
    ("工资120元/天", [("120元/天", "CNY/day")]),
    ("玉米卖1.2元每斤", [("1.2元每斤", "CNY/kg")]),
    ("草莓三十元一斤", [("三十元一斤", "CNY/kg")]),
    ("民宿三百元一晚", [("三百元一晚", "CNY/night")]),
    ("辣椒5块钱一斤", [("5块钱一斤", "CNY/kg")]),
    ("一亩地能挣5000元", [("一亩", "ha"), ("5000元", "CNY/ha")]),
    ("一个月能拿4000多元", [("4000多元", "CNY/month")]),
    ("一年能挣三四万元", [("三四万元", "CNY/year")]),
    ("一天工钱100元", [("100元", "CNY/day")]),
    ("一户能增收2000元", [("2000元", "CNY/household")]),
    ("一斤能卖8元", [("一斤", "kg"), ("8元", "CNY/kg")]),
    ("每人每年缴费380元", [("380元", "CNY/person/year")]),
    ("每人每月领取养老金150元", [("150元", "CNY/person/month")]),
    ("每亩每年租金800元", [("800元", "CNY/ha/year")]),
    ("每户每年分红1000元", [("1000元", "CNY/household/year")]),
    ("按每亩500元的标准发放补贴", [("每亩500元", "CNY/ha")]),
    ("按每人每月200元的标准发放", [("每人每月200元", "CNY/person/month")]),
    ("补助标准为每亩300元", [("每亩300元", "CNY/ha")]),
    ("每户平均增收2000元", [("2000元", "CNY/household")]),
    ("平均每亩产值8000元", [("8000元", "CNY/ha")]),
    ("平均每人分得600元", [("600元", "CNY/person")]),
    ("每亩可增收1000元", [("1000元", "CNY/ha")]),
    ("每股可分红20元", [("20元", "CNY/share")]),
    ("每户可获得分红1200元", [("1200元", "CNY/household")]),
    ("每人可得300元", [("300元", "CNY/person")]),
    ("年薪10万元", [("10万元", "CNY/year")]),
    ("年租金5万元", [("5万元", "CNY/year")]),
    ("月薪5000元", [("5000元", "CNY/month")]),
    ("月收入3000多元", [("3000多元", "CNY/month")]),
    ("月租800元", [("800元", "CNY/month")]),
    ("日薪150元", [("150元", "CNY/day")]),
    ("日工资120元", [("120元", "CNY/day")]),
    ("年产量达5万吨", [("5万吨", "t")]),
    ("年產量達5萬噸", [("5萬噸", "t")]),
    ("年产值3亿元", [("3亿元", "CNY/year")]),
    ("年销售额2000万元", [("2000万元", "CNY/year")]),
    ("每亩800-1000元", [("每亩800-1000元", "CNY/ha")]),
    ("每亩800至1000元", [("每亩800至1000元", "CNY/ha")]),
    ("人均年收入超过1万元", [("超过1万元", "CNY/person")]),
    ("每人每天一百多元", [("每人每天一百多元", "CNY/person/day")]),
    ("带来了1万元左右的人均收入", [("1万元左右", "CNY/person")]),
    ("实现3000元的户均增收", [("3000元", "CNY/household")]),
    ("每年让200户社员户均增收3000元", [("200户", "household"), ("3000元", "CNY/household/year")]),
    ("每年为村民人均增收500元", [("500元", "CNY/person/year")]),
    (
        "每人1床被子、2条毛巾、500元钱",
        [("1床", "count:床"), ("2条", "count:条"), ("500元钱", "CNY/person")],
    ),
    ("夫妻俩每月各领150元", [("150元", "CNY/person/month")]),
    ("每安置一名搬迁群众给予10万元贷款贴息", [("10万元", "CNY/person")]),
    ("每吸纳一名贫困劳动力就业补贴1000元", [("1000元", "CNY/person")]),
    ("村集体经济收入50万元", [("50万元", "CNY")]),
    ("村集體經濟收入50萬元", [("50萬元", "CNY")]),
    ("2023年村集体经济收入达到120万元", [("120万元", "CNY")]),
    ("张大爷去年卖猪挣了3万元", [("3万元", "CNY")]),
    ("人均耕地不足1亩,全村去年收入200万元", [("不足1亩", "ha/person"), ("200万元", "CNY")]),
    ("合作社共发放分红30万元", [("30万元", "CNY")]),
    ("公司投资5000万元", [("5000万元", "CNY")]),
    ("每个人都很高兴,合作社赚了10万元", [("10万元", "CNY")]),
    ("总投资一亿元", [("一亿元", "CNY")]),
    ("今年收入6万元", [("6万元", "CNY")]),
    ("一次性补助2000元", [("2000元", "CNY")]),
    ("各村投入20万元", [("20万元", "CNY")]),
    ("全县各乡镇共投入500万元", [("500万元", "CNY")]),
]


@pytest.mark.parametrize(("text", "found"), SWEEP)
def test_denominator_forms(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("村民每月领取补助200元", [("200元", "CNY/month")]),
        (
            "每年让200户社员户均增收3000元",
            [("200户", "household"), ("3000元", "CNY/household/year")],
        ),
        ("每月帮助50名村民人均增收300元", [("50名", "person"), ("300元", "CNY/person/month")]),
        # near-misses: a per-head sum of one year (DESIGN.md), and a total after the count
        ("200户社员户均增收3000元", [("200户", "household"), ("3000元", "CNY/household")]),
        ("每年让200户社员共增收60万元", [("200户", "household"), ("60万元", "CNY")]),
    ],
)
def test_a_period_leading_the_clause_of_a_per_head_sum(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("带来了1万元左右的人均收入", [("1万元左右", "CNY/person")]),
        ("帶來了1萬元左右的人均可支配收入", [("1萬元左右", "CNY/person")]),
        ("实现3000元的户均增收", [("3000元", "CNY/household")]),
        # near-misses: 人均 of another clause, or not after 的
        ("投资500万元，人均收入提高", [("500万元", "CNY")]),
        ("投资500万元的项目", [("500万元", "CNY")]),
    ],
)
def test_a_per_head_word_after_the_sum(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "每人1床被单、1个茶杯、500元钱",
            [("1床", "count:床"), ("1个", "count"), ("500元钱", "CNY/person")],
        ),
        ("每户发放食用油1桶、慰问金300元", [("1桶", "count:桶"), ("300元", "CNY/household")]),
        # near-misses: the list after its own 每- or 均-word, and a list with no 每-word
        ("每人1床被单、人均补助500元", [("1床", "count:床"), ("500元", "CNY/person")]),
        ("发放被单1床、现金500元", [("1床", "count:床"), ("500元", "CNY")]),
    ],
)
def test_each_word_leading_a_list(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("夫妻俩每月各预支15元", [("15元", "CNY/person/month")]),
        ("夫妻倆各分到2000元", [("2000元", "CNY/person")]),
        ("每带动一户贫困户增收奖励500元", [("500元", "CNY/household")]),
        ("每吸纳一名贫困劳动力就业补贴1000元", [("1000元", "CNY/person")]),
        # near-misses: 各 of villages, 一名 with no 每
        ("各村投入20万元", [("20万元", "CNY")]),
        ("安置一名群众花了10万元", [("10万元", "CNY")]),
    ],
)
def test_each_of_a_pair_and_each_one_taken_on(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "每户只要养两箱蜂，年增收2000元不成问题",
            [("两箱", "count:箱"), ("2000元", "CNY/household")],
        ),
        (
            "每戶年平養殖600多隻，出欄300多隻，銷售收入3萬多元",
            [("600多隻", "count:只"), ("300多隻", "count:只"), ("3萬多元", "CNY/household")],
        ),
        ("每人种植两亩辣椒，收入可达8000元", [("两亩", "ha"), ("8000元", "CNY/person")]),
        # near-misses: a holder, a total, a date or a person between; another sentence
        ("每人种植两亩辣椒，合作社收入100万元", [("两亩", "ha"), ("100万元", "CNY")]),
        ("每户发放200元，全村共发放5万元", [("200元", "CNY/household"), ("5万元", "CNY")]),
        ("每户养两箱蜂，去年他卖蜂蜜收入2万元", [("两箱", "count:箱"), ("2万元", "CNY")]),
        ("每户都很满意。收入3万元", [("3万元", "CNY")]),
    ],
)
def test_a_clause_led_by_each_household_heads_the_income_after_it(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("年租800元", [("800元", "CNY/year")]),
        ("月租2000元左右", [("2000元左右", "CNY/month")]),
        ("每帶動一戶貧困戶增收獎勵500元", [("500元", "CNY/household")]),
        ("每吸納一名貧困勞動力就業補貼1000元", [("1000元", "CNY/person")]),
        # near-misses: 租 as a verb done (租了, 租用), 年 of a date or of 多年
        ("三个月租了房子花了3000元", [("三个月", "month"), ("3000元", "CNY")]),
        ("多年租用土地支付50万元", [("50万元", "CNY")]),
        ("2020年租金收入30万元", [("30万元", "CNY")]),
    ],
)
def test_a_rent_of_a_year_or_month_and_traditional_verbs_of_taking_on(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 每户 attached to a count makes it a rate since xrates14 (rates16's gold 每戶450株,
        # DESIGN.md "Units": 每亩最多225棵); a period's 每天 does not (words between)
        ("每户1头牛", [("每户1头", "count:头/household")]),
        ("每天至少有10万人采茶", [("至少有10万人", "person")]),
        # near-misses: a 均-word stays a rate, and weights and money keep 每's rate
        ("户均2.2人", [("户均2.2人", "person/household")]),
        ("每亩460斤", [("每亩460斤", "kg/ha")]),
        ("每人300元", [("每人300元", "CNY/person")]),
    ],
)
def test_a_count_after_each_stays_a_count(text, found):
    assert units(text) == found
