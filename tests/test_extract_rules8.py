"""Rules of branch xrules8 (issue 12: the non-rate miss classes of the rates8/rates9 lists),
one test per rule, on sentences written for them, near-misses included (where the rule must
not fire)."""

from __future__ import annotations

import pytest
from extract_readings import rows, texts

from ruralstudy.extract import extract_quantities


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("坐大巴票价¥120左右。", [("¥120左右", None, None, "¥", "approx", "CNY")]),
        ("全程花了￥2,400，", [("￥2,400", 2400, 2400, "¥", "exact", "CNY")]),
        ("共花了¥ 260，", [("¥ 260", 260, 260, "¥", "exact", "CNY")]),
        ("预算¥3000+就够了", [("¥3000+", 3000, None, "¥", "over", "CNY")]),
        ("客栈¥260一晚，", [("¥260一晚", 260, 260, "¥/晚", "exact", "CNY/night")]),
        ("门票¥35/人", [("¥35/人", 35, 35, "¥/人", "exact", "CNY/person")]),
        ("存款¥1.2万", [("¥1.2万", 12000, 12000, "¥", "exact", "CNY")]),
        # a unit written as well: read as the sum in 元 (the sign outside the span)
        ("¥500元，", [("500元", 500, 500, "元", "exact", "CNY")]),
        ("¥1.5万元", [("1.5万元", 15000, 15000, "元", "exact", "CNY")]),
    ],
)
def test_a_yuan_sign_before_a_figure_is_its_unit(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("版本号¥", []),  # no figure after the sign
        ("3+2个", [("2个", 2, 2, "个", "exact", "count")]),  # + is "at least" after money only
        (
            "500元+300元",
            [("500元", 500, 500, "元", "exact", "CNY"), ("300元", 300, 300, "元", "exact", "CNY")],
        ),
        ("有20人+", [("20人", 20, 20, "人", "exact", "person")]),
    ],
)
def test_no_sign_no_yuan_and_a_plus_bounds_only_a_sum(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("门票打八折，", [("八折", 80, 80, "折", "exact", "percent")]),
        ("团购享9折优惠", [("9折", 90, 90, "折", "exact", "percent")]),
        ("会员85折，", [("85折", 85, 85, "折", "exact", "percent")]),  # 8.5折
        ("淡季7.5折", [("7.5折", 75, 75, "折", "exact", "percent")]),
        ("打个七八折", [("七八折", 70, 80, "折", "range", "percent")]),
    ],
)
def test_zhe_is_a_share_of_the_price(text, found):
    got = [  # in percent: norm_lower and norm_upper
        (r.text, round(r.norm_lower, 6), round(r.norm_upper, 6), r.unit, r.qualifier, r.norm_unit)
        for r in extract_quantities(text).itertuples()
    ]
    assert got == found


@pytest.mark.parametrize(
    "text",
    [
        "这件事一波三折",
        "百折不挠的精神",
        "七折八扣",
        "三折页宣传单",
        "来回折腾两次",
        "折算为股金300万元",
    ],
)
def test_zhe_in_words_and_idioms_is_no_share(text):
    assert not any(t.endswith("折") for t in texts(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "每亩年产值在7000元摆布，",
            [("7000元摆布", None, None, "元/亩/年", "approx", "CNY/ha/year")],
        ),
        ("今年收了一千斤出头，", [("一千斤出头", 1000, None, "斤", "over", "kg")]),
        ("他三十岁出头，", [("三十岁出头", 30, None, "岁", "over", "year_of_age")]),
        ("一千斤出头的收成", [("一千斤出头", 1000, None, "斤", "over", "kg")]),
    ],
)
def test_baibu_is_about_and_chutou_a_lower_bound(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("新建厂房1.2万平米，", [("1.2万平米", 12000, 12000, "平米", "exact", "m2")]),
        ("盖起了6幢楼", [("6幢", 6, 6, "幢", "exact", "building")]),
        ("拿到了300块的工钱", [("300块", 300, 300, "块", "exact", "CNY")]),
        ("4.2万常住人口", [("4.2万常住人口", 42000, 42000, "常住人口", "exact", "person")]),
        ("带动1.5万贫困群众增收", [("1.5万贫困群众", 15000, 15000, "贫困群众", "exact", "person")]),
        ("3000多贫困人口", [("3000多贫困人口", 3000, 4000, "贫困人口", "plus", "person")]),
    ],
)
def test_new_units_and_counted_nouns(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("家门口有两块田", []),  # 块 a classifier before a noun
        ("两块的面积差不多", []),  # 的 and no word of pay after it
        ("三个常住人口", ["三个"]),  # a counted noun only after digits, 万 or 多
    ],
)
def test_near_misses_of_the_new_units(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("当时花王九组89户农民将土地入股", ["89户"]),
        ("罗令五组的村民罗兴高说", []),
        ("金陵寨四组村民周胜梅今年58岁", ["58岁"]),
        # a count of groups: after a verb, or with no people after it
        ("全班分成五组，每组10人", ["五组", "10人"]),
        ("共有五组参赛", ["五组"]),
        ("分为3组30人", ["3组", "30人"]),
    ],
)
def test_a_village_group_named_by_its_number_is_no_count(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "分别吸纳12.3万、8.1万、20.2万农民就业",
            [("12.3万", 123000), ("8.1万", 81000), ("20.2万农民", 202000)],
        ),
        ("收入3万、5万元", [("3万", 30000), ("5万元", 50000)]),
        ("1.2亿、3.5亿元", [("1.2亿", 120000000), ("3.5亿元", 350000000)]),
        # no item without the same multiplier, nor bare numbers (they may count anything)
        ("42.3万、18.2亿元", [("18.2亿元", 1820000000)]),
        ("共30、40、50人", [("50人", 50)]),
        ("编号1234、5678万元", [("5678万元", 56780000)]),
    ],
)
def test_items_of_a_list_take_the_unit_of_the_last(text, found):
    df = extract_quantities(text)
    assert list(zip(df["text"], df["value"], strict=True)) == found
    if len(found) > 1:
        assert df["norm_unit"].nunique() == 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("如果3、5年没有假期", [("3、5年", 3, 5)]),
        ("每户养2、3头猪", [("2、3头", 2, 3)]),
        ("收入2、3万元", [("2、3万元", 20000, 30000)]),
        # near-misses: a longer list, an ordinal, not neighbours, a list's number, one by one
        ("有1、2、3年的", [("3年", 3, 3)]),
        ("第3、4名", [("4名", 4, 4)]),
        ("在3、9年", [("9年", 9, 9)]),
        ("1、2年以上经验", [("2年以上", 2, None)]),
        ("分别为3、5个", [("5个", 5, 5)]),
    ],
)
def test_a_loose_pair_of_digits_in_a_list(text, found):
    got = [(t, lo, hi) for t, lo, hi, *_ in rows(text)]
    assert got == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("3.如果你是高铁过来的。\n4.300元房间挺大", ["300元"]),
        ("2.交通方便。\n3.50元一位，", ["50元"]),
        # a decimal: no list above it, or a line above that starts with a decimal too
        ("今年价格上涨。\n4.5元一斤", ["4.5元一斤"]),
        ("2.5元一斤。\n3.5元一斤。", ["2.5元一斤", "3.5元一斤"]),
        ("4.300元房间", ["4.300元"]),
    ],
)
def test_a_list_number_run_into_a_figure(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("“家里两亩田、一亩地。”他说", ["两亩", "一亩"]),  # a quoted sentence is speech
        ("“十户联体”", []),  # a name
        ("忙碌了3个多月后，", ["3个多月"]),  # a duration after a verb's 了
        ("坚守了两年后", ["两年"]),
        ("3个月后，", []),  # relative time
        ("两年后", []),
        ("每畝也就收個一二百斤。", ["一二百斤"]),  # 一二 before a multiplier: a pair
        ("一二十个", ["一二十个"]),
        ("一二线城市", []),  # a list of ranks
        ("一二级", []),
    ],
)
def test_speech_durations_and_one_two_pairs(text, found):
    assert texts(text) == found


def test_one_two_hundred_is_a_range():
    assert rows("收一二百斤")[0][1:3] == (100, 200)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("夏令营7日全包价目", ["7日"]),  # a trip's or camp's length
        ("推荐三日游路线", ["三日"]),
        ("5日行程安排", ["5日"]),
        # a date's day: after 月 or 初, or before no trip's word (游客 is no 游)
        ("7月7日游客众多", []),
        ("7日游客众多", []),
        ("3日上午出发", []),
        ("初五日营业", []),
    ],
)
def test_ri_is_a_length_only_in_a_trips_name(text, found):
    assert texts(text) == found
