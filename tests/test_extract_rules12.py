"""Rules of branch xrules12 (issue 12: the non-rate miss classes of rates12/rates13), one test
per class, on sentences written for them before the code, near-misses included (where a rule
must not fire)."""

from __future__ import annotations

import pytest
from extract_readings import rows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("打响组组通公路三年大决战", []),
        ("打響組組通公路三年大決戰", []),
        ("开展农村公路三年会战", []),
        ("實施脫貧攻堅三年會戰", []),
        ("启动产业发展三年行动", []),
        (
            "未来5年计划投入100亿元",
            [("5年", 5, 5, "年", "exact", "year"), ("100亿元", 1e10, 1e10, "元", "exact", "CNY")],
        ),
        ("制定三年行动计划", []),
        ("实施“三年倍增”计划", []),
        ("脱贫攻坚3年攻坚战", []),
        # near-misses: a campaign's or plan's length as a duration
        ("会战历时三年", [("三年", 3, 3, "年", "exact", "year")]),
        ("用三年时间完成", [("三年", 3, 3, "年", "exact", "year")]),
        ("连续三年开展行动", [("三年", 3, 3, "年", "exact", "year")]),
        ("计划用5年建成", [("5年", 5, 5, "年", "exact", "year")]),
    ],
)
def test_years_in_a_campaigns_or_plans_name(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("投放鱼苗近3700尾", [("近3700尾", None, 3700, "尾", "under", "count:尾")]),
        ("放养稻花鱼3000多尾", [("3000多尾", 3000, 4000, "尾", "plus", "count:尾")]),
        ("投放鱼苗五千尾", [("五千尾", 5000, 5000, "尾", "exact", "count:尾")]),
        ("投放魚苗2萬尾", [("2萬尾", 20000, 20000, "尾", "exact", "count:尾")]),
        ("养了20匹马", [("20匹", 20, 20, "匹", "exact", "count:匹")]),
        ("養了三十匹馬", [("三十匹", 30, 30, "匹", "exact", "count:匹")]),
        # near-misses: 尾 and 匹 in words
        ("支付30%尾款", [("30%", 30, 30, "%", "exact", "percent")]),
        ("按3年尾数计", [("3年", 3, 3, "年", "exact", "year")]),
        ("匹配资金200万元", [("200万元", 2000000, 2000000, "元", "exact", "CNY")]),
        ("一尾鱼", []),
    ],
)
def test_fish_and_horses_counted_by_their_classifier(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每斤两块六左右", [("每斤两块六左右", None, None, "块/斤", "approx", "CNY/kg")]),
        ("每斤兩塊六左右", [("每斤兩塊六左右", None, None, "块/斤", "approx", "CNY/kg")]),
        ("卖到三块五左右", [("三块五左右", None, None, "块", "approx", "CNY")]),
        ("一块二上下", [("一块二上下", None, None, "块", "approx", "CNY")]),
        ("每斤两块六", [("每斤两块六", 2.6, 2.6, "块/斤", "exact", "CNY/kg")]),
        ("两块六一斤", [("两块六一斤", 2.6, 2.6, "块/斤", "exact", "CNY/kg")]),
        # near-misses: 块 a classifier before a noun
        ("两块六亩的地", [("六亩", 6, 6, "亩", "exact", "ha")]),
        ("三块田左右", []),
        ("一亩半左右", [("一亩半左右", None, None, "亩", "approx", "ha")]),
    ],
)
def test_money_with_its_tenths_after_kuai_and_about(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("但产值不过1700元", [("不过1700元", None, 1700, "元", "under", "CNY")]),
        ("但産值不過1700元", [("不過1700元", None, 1700, "元", "under", "CNY")]),
        ("一年收入也不过3000元", [("不过3000元", None, 3000, "元/年", "under", "CNY/year")]),
        ("每亩只不过300元", [("不过300元", None, 300, "元/亩", "under", "CNY/ha")]),
        ("最长也不过两年", [("最长也不过两年", None, 2, "年", "under", "year")]),
        ("最多也不过两年", [("两年", None, 2, "年", "under", "year")]),
        # near-misses: 不过 as "but" before the figure's clause
        ("不过，300元也不少", [("300元", 300, 300, "元", "exact", "CNY")]),
        ("不过300元的补贴很快到账", [("300元", 300, 300, "元", "exact", "CNY")]),
        ("价格不高，不过5000元的收入", [("5000元", 5000, 5000, "元", "exact", "CNY")]),
    ],
)
def test_buguo_after_a_noun_is_at_most(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("畝産1500多斤", [("1500多斤", 1500, 1600, "斤/亩", "plus", "kg/ha")]),
        ("亩産800斤", [("800斤", 800, 800, "斤/亩", "exact", "kg/ha")]),
        ("畝產1500多斤", [("1500多斤", 1500, 1600, "斤/亩", "plus", "kg/ha")]),
    ],
)
def test_the_variant_chan_is_folded(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "覆盖142村1120组",
            [
                ("142村", 142, 142, "村", "exact", "count:村"),
                ("1120组", 1120, 1120, "组", "exact", "group"),
            ],
        ),
        (
            "覆蓋142村1120組",
            [
                ("142村", 142, 142, "村", "exact", "count:村"),
                ("1120組", 1120, 1120, "组", "exact", "group"),
            ],
        ),
        ("辐射带动周边20余村", [("20余村", 20, 30, "村", "plus", "count:村")]),
        ("全县1.2万村", [("1.2万村", 12000, 12000, "村", "exact", "count:村")]),
        ("覆盖30个村", [("30个", 30, 30, "个", "exact", "count")]),
        (
            "全镇6村2社区股份经济合作社",
            [
                ("6村", 6, 6, "村", "exact", "count:村"),
                ("2社区", 2, 2, "社区", "exact", "count:社区"),
            ],
        ),
        ("第2社区", []),
        ("三社区", []),
        # near-misses: villages and groups named by a number
        ("蔡三村的村民", []),
        ("联八村", []),
        ("三合村7组", []),
        ("全县142个村的村民", [("142个", 142, 142, "个", "exact", "count")]),
        ("5村民小组", [("5村民", 5, 5, "村民", "exact", "person")]),
        ("2村干部到场", []),
        ("推行1村1品", []),
        ("10村联建", [("10村", 10, 10, "村", "exact", "count:村")]),
    ],
)
def test_villages_and_groups_counted_without_a_classifier(text, found):
    assert rows(text) == found
