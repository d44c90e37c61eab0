"""Rules of branch xrules15 (issue 12: miss classes left on the tuned lists rates2..rates17), one
test per rule, on sentences written for them, near-misses included (where the rule must not fire).
Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "眉县25万猕猴桃种植农民在忙碌",
            [("25万猕猴桃种植农民", 250000, 250000, 250000, "猕猴桃种植农民", "exact", "person")],
        ),
        (
            "按全县超过50万农业人口计",
            [("超过50万农业人口", 500000, 500000, None, "农业人口", "over", "person")],
        ),
        (
            "全县3.2万山区群众喝上了自来水",
            [("3.2万山区群众", 32000, 32000, 32000, "山区群众", "exact", "person")],
        ),
        (
            "帮助1.2万多易地搬迁群众就业",
            [("1.2万多易地搬迁群众", 12000, 12000, 13000, "易地搬迁群众", "plus", "person")],
        ),
        (
            "近2萬建檔立卡貧困戶脫貧",
            [("近2萬建檔立卡貧困戶", 20000, None, 20000, "建档立卡贫困户", "under", "household")],
        ),
        (
            "每年接待10万余外地游客",
            [("10万余外地游客", 100000, 100000, 110000, "外地游客", "plus", "person")],
        ),
        (
            "惠及5万城镇居民",
            [("5万城镇居民", 50000, 50000, 50000, "城镇居民", "exact", "person")],
        ),
        # near-misses: a unit after 万 is read first, money with no unit, a noun already one
        ("眉县25万亩猕猴桃", [("25万亩", 250000, 250000, 250000, "亩", "exact", "ha")]),
        ("补助25万元农民", [("25万元", 250000, 250000, 250000, "元", "exact", "CNY")]),
        ("投资500万建设居民安置房", []),
        ("投入1000万帮助困难群众", []),
        ("带动2万村民增收", [("2万村民", 20000, 20000, 20000, "村民", "exact", "person")]),
        ("三万五农民", []),
        # xrules16: 农民工 is a counted noun of its own (was read 20万农民)
        ("20万农民工返乡", [("20万农民工", 200000, 200000, 200000, "农民工", "exact", "person")]),
    ],
)
def test_a_noun_counted_after_wan_with_a_modifier_between(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "2萬多農(nóng)村危房戶喜遷新居",
            [("2萬多農(nóng)村危房戶", 20000, 20000, 30000, "农村危房户", "plus", "household")],
        ),
        (
            "3萬(wàn)多農(nóng)民工返鄉",
            [
                ("3萬(wàn)多農(nóng)民工", 30000, 30000, 40000, "农民工", "plus", "person")
            ],  # xrules16
        ),
        (
            "1.5萬貧(pín)困群(qún)眾",
            [("1.5萬貧(pín)困群(qún)眾", 15000, 15000, 15000, "贫困群众", "exact", "person")],
        ),
        (
            "帶動2萬山(shān)區群眾增收",
            # (the written unit is the scan copy's, every traditional character simplified)
            [("2萬山(shān)區群眾", 20000, 20000, 20000, "山区群众", "exact", "person")],
        ),
        # near-misses: a gloss inside a unit of measure, a gloss before a word that is no noun
        ("種植2萬畝(mǔ)茶葉", [("2萬畝", 20000, 20000, 20000, "亩", "exact", "ha")]),
        ("籌集2萬(wàn)元", [("2萬(wàn)元", 20000, 20000, 20000, "元", "exact", "CNY")]),
    ],
)
def test_a_pinyin_gloss_inside_a_counted_noun(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "吸纳了像协丰、三棵树、才子等30多家企业",
            [("30多家", 30, 30, 40, "家", "plus", "count:家")],
        ),
        ("三只松鼠、良品铺子等品牌入驻", []),
        ("引进了六个核桃、伊利等企业", []),
        ("凯里市三棵树镇季刀苗寨", []),
        ("將19年數據和20年數據對比，可以發現20年平庫的租金普遍上漲", []),
        ("19年数据显示，20年空置率下降", []),
        # near-misses: counts in a list of counts, a tree counted, a lease after a year
        (
            "种了三棵树、两棵桃",
            [
                ("三棵", 3, 3, 3, "棵", "exact", "count:棵"),
                ("两棵", 2, 2, 2, "棵", "exact", "count:棵"),
            ],
        ),
        ("院子里有三棵树", [("三棵", 3, 3, 3, "棵", "exact", "count:棵")]),
        (
            "19年数据和20年数据相比，他已干了20年",
            [("20年", 20, 20, 20, "年", "exact", "year")],
        ),
        ("租期20年", [("20年", 20, 20, 20, "年", "exact", "year")]),
        (
            "19年数据显示，承包期20年",
            [("20年", 20, 20, 20, "年", "exact", "year")],
        ),
    ],
)
def test_names_with_a_numeral_and_a_year_dated_before(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "租金分别约为30.4元/平方米·月、26.4元/平方米·月和26.1元/平方米·月",
            [
                (
                    "约为30.4元/平方米·月",
                    30.4,
                    None,
                    None,
                    "元/平方米/月",
                    "approx",
                    "CNY/m2/month",
                ),
                ("26.4元/平方米·月", 26.4, None, None, "元/平方米/月", "approx", "CNY/m2/month"),
                ("26.1元/平方米·月", 26.1, None, None, "元/平方米/月", "approx", "CNY/m2/month"),
            ],
        ),
        (
            "两村分別約為300畝、500畝",
            [
                ("約為300畝", 300, None, None, "亩", "approx", "ha"),
                ("500畝", 500, None, None, "亩", "approx", "ha"),
            ],
        ),
        (
            "增幅分别超过30%、20%和10%",
            [
                ("超过30%", 30, 30, None, "%", "over", "percent"),
                ("20%", 20, 20, None, "%", "over", "percent"),
                ("10%", 10, 10, None, "%", "over", "percent"),
            ],
        ),
        (
            "分别近200人、300人",
            [
                ("近200人", 200, None, 200, "人", "under", "person"),
                ("300人", 300, None, 300, "人", "under", "person"),
            ],
        ),
        # near-misses: 分别为 and 分别达 carry no bound; 约 without 分别 is the first item's;
        # a 多 item keeps its own bound; a clause break ends the list
        (
            "分别为30%、20%",
            [
                ("30%", 30, 30, 30, "%", "exact", "percent"),
                ("20%", 20, 20, 20, "%", "exact", "percent"),
            ],
        ),
        (
            "分别达500吨和300吨",
            [
                ("500吨", 500, 500, 500, "吨", "exact", "t"),
                ("300吨", 300, 300, 300, "吨", "exact", "t"),
            ],
        ),
        (
            "约为30元、另有20元",
            [
                ("约为30元", 30, None, None, "元", "approx", "CNY"),
                ("20元", 20, 20, 20, "元", "exact", "CNY"),
            ],
        ),
        (
            "分别约为300亩，500亩",
            [
                ("约为300亩", 300, None, None, "亩", "approx", "ha"),
                ("500亩", 500, 500, 500, "亩", "exact", "ha"),
            ],
        ),
    ],
)
def test_fenbie_and_a_bound_before_a_list_bounds_each_item(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("13省份试点玉米保险", [("13省份", 13, 13, 13, "省份", "exact", "count:省")]),
        ("覆盖20多省份", [("20多省份", 20, 20, 30, "省份", "plus", "count:省")]),
        ("覆盖12个省份", [("12个", 12, 12, 12, "个", "exact", "count")]),
        ("30多个县市", [("30多个", 30, 30, 40, "个", "plus", "count")]),
        # near-misses: a Chinese numeral before 省份 (两省份交界), 省份 as no count
        ("两省份交界处", []),
        ("13省份额", []),
    ],
)
def test_provinces_counted_bare(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "约占全镇土地总量的三分之一",
            [("三分之一", 100 / 3, None, None, "%", "approx", "percent")],
        ),
        ("約佔總收入的30%", [("30%", 30, None, None, "%", "approx", "percent")]),
        ("大约占全村耕地的四成", [("四成", 4, None, None, "成", "approx", "percent")]),
        # near-misses: 约 elsewhere in the clause, a figure of no share, a clause break between
        ("节约占地面积30%", [("30%", 30, 30, 30, "%", "exact", "percent")]),
        ("约占全镇的一半，其中30%是水田", [("30%", 30, 30, 30, "%", "exact", "percent")]),
        ("约占地300亩", [("300亩", 300, 300, 300, "亩", "exact", "ha")]),
    ],
)
def test_yuezhan_before_a_share_is_about(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("请了当地的10多个人来帮忙", [("10多个人", 10, 10, 20, "个人", "plus", "person")]),
        ("我们两个人在基地务工", [("两个人", 2, 2, 2, "个人", "exact", "person")]),
        ("一行八個人自驾来到大坝", [("八個人", 8, 8, 8, "个人", "exact", "person")]),
        ("购置了61臺套機械設備", [("61臺套", 61, 61, 61, "台套", "exact", "count:台套")]),
        # near-misses: 个人 starting a word, man-days, a lone 一 (an article), 台 alone
        ("缴纳个人所得税", []),
        ("3个人均收入", [("3个", 3, 3, 3, "个", "exact", "count")]),
        ("每亩平均10个人工", [("10个", 10, 10, 10, "个", "exact", "count")]),
        ("一个人管理基地", []),
        ("买了5台拖拉机", [("5台", 5, 5, 5, "台", "exact", "count:台")]),
    ],
)
def test_persons_counted_with_ge_and_sets_of_machines(text, found):
    assert readings(text) == found
