"""Rate rules of branch xrates8 (issue 12: the rate misses of the rates8/rates9 lists), one
test per rule, on sentences written for them, near-misses included (where a rule must not
fire)."""

from __future__ import annotations

import pytest
from extract_readings import units

from ruralstudy.extract import extract_quantities


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # one 亩 of land written just before the figure: one rate, no area beside it
        ("山上的梯田一亩田500斤稻谷", [("一亩田500斤", "kg/ha")]),
        ("租给大户，一亩地800元", [("一亩地800元", "CNY/ha")]),
        ("公司给农户一亩土地650元的租金", [("一亩土地650元", "CNY/ha")]),
        # near-misses: an area held, 十一亩, 一亩多, and 一亩地 not touching the figure
        ("他家有一亩地，800元", [("一亩", "ha"), ("800元", "CNY")]),
        ("十一亩地800元", [("十一亩", "ha"), ("800元", "CNY")]),
        ("一亩多地800元", [("一亩多", "ha"), ("800元", "CNY")]),
    ],
)
def test_one_mu_written_just_before_a_figure_is_its_rate(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("种玉米一亩地顶多挣400元", "CNY/ha"),
        ("把地租给合作社以后，一亩地有700元租金", "CNY/ha"),
        ("就算种油菜，一亩地除掉成本剩个两百块", "CNY/ha"),
        ("今年一亩地麦子收了九百斤", "kg/ha"),
        ("一亩田的水费也不到八十块钱", "CNY/ha"),
        ("平均1亩地一年也就收入500元", "CNY/ha/year"),
        # near-misses: the land held or taken on, a total, another clause
        ("他承包了一亩地买种子花了300元", "CNY"),
        ("家里有一亩地种菜花了300元", "CNY"),
        ("租了一亩地，收了九百斤", "kg"),
        ("全村二十一亩地都种上了烤烟，收入8万元", "CNY"),
        ("他种了一亩地，共收了九百斤", "kg"),
    ],
)
def test_a_clause_led_by_one_mu_of_land_is_per_mu(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("合作社规定每年一股可以得到保底500元的分红", "CNY/share/year"),
        ("村民一股可以分到300元", "CNY/share"),
        ("他憋着一股劲，一年挣了5万元", "CNY/year"),  # 一股劲 is no share
        ("一股脑儿花了5000元", "CNY"),
    ],
)
def test_one_share_is_a_denominator(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("标准房280元/标间/晚", [("280元/标间/晚", "CNY/room/night", 280.0)]),
        ("皮划艇120元/半天", [("120元/半天", "CNY/day", 240.0)]),
        ("向导讲解每半天150元", [("每半天150元", "CNY/day", 300.0)]),
        # near-miss: half a day spent is no denominator
        ("我们在村里逛了半天，一共花了150元", [("150元", "CNY", 150.0)]),
    ],
)
def test_a_standard_room_and_half_a_day_are_denominators(text, found):
    df = extract_quantities(text)
    assert list(zip(df["text"], df["norm_unit"], df["norm_value"], strict=True)) == found


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("古镇很热闹，住一晚，要800元", "CNY/night"),
        ("住一晚，只要两百块", "CNY/night"),
        ("住一晚以后我们去了县城，车费花了50元", "CNY"),  # a lead clause of more than the stay
        ("吃一顿，要80元", "CNY"),
    ],
)
def test_a_lead_clause_of_one_night_is_the_sums_period(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("这些农家乐年营业收入600万元", "CNY/year"),
        ("2023年营业收入600万元", "CNY"),  # a dated year's income
        ("全年营业收入60万元", "CNY"),  # the dev set: a year's total
    ],
)
def test_a_yearly_business_income_is_per_year(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("示范区平均亩产达650公斤，核心区单产超700公斤", "kg/ha"),
        ("平均畝產達650公斤，單產超700公斤", "kg/ha"),
        # near-misses: no yield per 亩 before, or another sentence
        ("该品种单产达700公斤", "kg"),
        ("平均亩产达650公斤。去年单产为600公斤", "kg"),
        ("平均亩产达650公斤，总产量700公斤", "kg"),
    ],
)
def test_unit_yield_after_a_yield_per_mu_shares_its_rate(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "人均消费水平为120元/人次。其中，餐饮消费45元，人均住宿消费50元。",
            [
                ("120元/人次", "CNY/person-time"),
                ("45元", "CNY/person-time"),
                ("50元", "CNY/person-time"),
            ],
        ),
        # near-misses: no 其中, no spending per visit before it
        (
            "人均消费水平为120元/人次。餐饮消费45元。",
            [("120元/人次", "CNY/person-time"), ("45元", "CNY")],
        ),
        ("游客人均消费87元。其中，门票30元。", [("87元", "CNY/person"), ("30元", "CNY")]),
    ],
)
def test_the_parts_of_a_spending_per_visit_are_per_visit(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a list line ending on a rate is no sentence the next line's rate completes
        (
            "巴士:40元/人/天\n专业影像服务\n电子相册:299元/人",
            [("40元/人/天", "CNY/person/day"), ("299元/人", "CNY/person")],
        ),
        # in one sentence it still is
        (
            "巴士40元/人/天，相册299元/人",
            [("40元/人/天", "CNY/person/day"), ("299元/人", "CNY/person/day")],
        ),
    ],
)
def test_a_per_head_rate_is_not_completed_across_a_list_line(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "装备租赁(100元/半天)、探险(押金200元退还)",
            [("100元/半天", "CNY/day"), ("200元", "CNY")],
        ),
        # one bracket closed only: the same item goes on
        ("每亩租金(600元)涨到800元", [("600元", "CNY/ha"), ("800元", "CNY/ha")]),
    ],
)
def test_a_sum_in_the_next_bracket_does_not_take_the_rate_before(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每日餐标60-120元，海鲜餐另付30-50元/餐", [("60-120元", "CNY/day"), ("30-50元", "CNY")]),
        ("每天的早餐5元/碗", [("5元", "CNY")]),
        # a known denominator after the slash is the figure's own rate
        ("每亩租金800元/年", [("800元/年", "CNY/ha/year")]),
    ],
)
def test_a_price_per_an_unknown_unit_takes_no_rate_from_its_clause(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # every rate per month is written 元/月, however the text counts the month
        ("平均薪资每個月4000元左右，最高的话达到上万元", [("每個月4000元左右", "元/月"),
                                          ("上万元", "元/月")]),
        ("工资3000元/个月", [("3000元/个月", "元/月")]),
        # a duration keeps its 个月
        ("干了两个月", [("两个月", "个月")]),
    ],
)  # fmt: skip
def test_a_rate_per_month_is_written_per_yue(text, found):
    df = extract_quantities(text)
    assert list(zip(df["text"], df["unit"], strict=True)) == found


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("一个人吃饭，平均也就三四十块钱", "CNY/person"),
        ("每个人住宿，只要80元", "CNY/person"),
        # near-misses: a lead clause with more in it, or no activity
        ("我一个人吃饭，花了80元", "CNY"),
        ("一个人，花了300元", "CNY"),
    ],
)
def test_a_lead_clause_of_one_persons_meal_or_stay_is_per_person(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("年上交税金44.2亿元", "CNY/year"),
        ("2023年纳税300万元", "CNY"),  # a dated year's sum
    ],
)
def test_a_yearly_tax_is_per_year(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("每月15元的工资拿过，1800元的也挣过", "CNY/month"),
        ("每月工资3000元，1万元的都有", "CNY/month"),
        # near-misses: a total between, another sentence
        ("每月工资3000元，合计100万元的也有", "CNY"),
        ("每月工资3000元。1万元的也有", "CNY"),
    ],
)
def test_a_sum_said_to_be_had_too_is_a_parallel_item(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("一亩茶叶平均每一年出产干茶叶15斤", "kg/ha/year"),
        ("一亩玉米收了800斤", "kg/ha"),
        ("每亩每年施肥50斤", "kg/ha/year"),
        ("一亩地每年收1400斤", "kg/ha/year"),
        # near-misses: an area about 一亩, another 每 of its own, another clause
        ("一亩左右收了500斤", "kg"),
        ("每亩施肥50斤，每车运200斤", "kg"),
        ("一亩田700斤大米，每年1400斤", "kg/year"),
    ],
)
def test_a_weight_led_by_one_mu_and_its_crop_is_per_mu_and_year_with_every_year(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit
