"""The extraction rules of ruralstudy.extract, one test (or case) per rule."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from extract_readings import texts
from hypothesis import given, settings
from hypothesis import strategies as st

import ruralstudy as rs
from ruralstudy.extract import COLUMNS, FACT_COLUMNS, extract_quantities, fact_candidates
from ruralstudy.units import QUALIFIERS, interval_problem, is_canonical_unit

NAN = math.nan


def one(text: str) -> dict:
    """The single quantity found in ``text``."""
    df = extract_quantities(text)
    assert len(df) == 1, df[["text", "value", "unit"]]
    return df.iloc[0].to_dict()


def bounds(row: dict) -> tuple[float, float]:
    return row["lower"], row["upper"]


def same(a: tuple, b: tuple) -> bool:
    return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True))


# --- numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("海拔1386米", 1386, "米"),
        ("全省划分2.07万个网格", 20700, "个"),
        ("达1.76万个", 17600, "个"),
        ("接待游客5.96亿人次", 596_000_000, "人次"),
        ("共有1,500亩", 1500, "亩"),
        ("全角２５户", 25, "户"),
        ("车田十年求变", 10, "年"),
        ("建成两百个", 200, "个"),
        ("收入一千二百元", 1200, "元"),
        ("一千二元", 1200, "元"),
        ("三万五元", 35000, "元"),
        ("二十万元", 200_000, "元"),
        ("一百零五户", 105, "户"),
        ("覆盖率达百分之九十五", 95, "%"),
        ("约占百分之5.5", 5.5, "%"),
        ("四成农户", 4, "成"),
        ("千元以上", 1000, "元"),
    ],
)
def test_numbers_in_every_written_form(text, value, unit):
    row = one(text)
    assert (row["value"], row["unit"]) == (value, unit)


def test_decimal_arithmetic_is_exact():
    row = one("集体经济收入达57.47万元")
    assert row["value"] == 574700 and row["norm_value"] == 574700
    assert one("实现旅游收入6076.08亿元")["value"] == 607_608_000_000
    assert one("流转50亩")["norm_value"] == 50 / 15  # 亩 -> ha by the exact 1/15


def test_cheng_is_tenths_of_a_whole():
    row = one("八成以上的劳动力")
    assert (row["norm_value"], row["norm_unit"], row["qualifier"]) == (80, "percent", "over")


# --- 余/多 and the other qualifiers ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("每月2000多元", 2000, 3000),
        ("新芽280余吨", 280, 290),
        ("产值20万余元", 200_000, 210_000),
        ("带动20余万人", 200_000, 300_000),
        ("年产量达2万余斤", 20_000, 30_000),
        ("商户130余家", 130, 140),
        ("60多岁的村民", 60, 70),
        ("两百余户", 200, 300),
        ("十余人", 10, 20),
        ("二十余万元", 200_000, 300_000),
        ("1.5万余元", 15_000, 16_000),
        ("把12亩多地入股", 12, 13),
        ("外出3个多月", 3, 4),
    ],
)
def test_plus_is_bounded_by_the_place_value_it_follows(text, lower, upper):
    row = one(text)
    assert row["qualifier"] == "plus"
    assert (row["value"], row["lower"], row["upper"]) == (lower, lower, upper)


def test_plus_bounds_are_converted_too():
    row = one("一天就卖了2000多斤")
    assert (row["norm_lower"], row["norm_upper"], row["norm_unit"]) == (1000, 1500, "kg")


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "lower", "upper"),
    [
        ("产值逾千万元", "逾千万元", "over", 10_000_000, NAN),
        ("分红超百万元", "超百万元", "over", 1_000_000, NAN),
        ("收入超过63万元", "超过63万元", "over", 630_000, NAN),
        ("收入已突破17万元", "突破17万元", "over", 170_000, NAN),
        ("总投资500万元以上", "500万元以上", "over", 5_000_000, NAN),
        ("年营收过亿元", "过亿元", "over", 100_000_000, NAN),
        ("就业近20人", "近20人", "under", NAN, 20),
        ("不足5户", "不足5户", "under", NAN, 5),
        ("不到3年", "不到3年", "under", NAN, 3),
        ("年收入约百万元", "约百万元", "approx", NAN, NAN),
        ("人均收入约2.5万元", "约2.5万元", "approx", NAN, NAN),
        ("大约300人", "大约300人", "approx", NAN, NAN),
        ("纯收入在3000元左右", "3000元左右", "approx", NAN, NAN),
        ("十来个人", "十来个人", "approx", NAN, NAN),
        ("多挣两万来块", "两万来块", "approx", NAN, NAN),
        ("上万人参加", "上万人", "over", 10_000, NAN),
    ],
)
def test_qualifier_words(text, span, qualifier, lower, upper):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, qualifier)
    assert same(bounds(row), (lower, upper))


@pytest.mark.parametrize(
    ("text", "span", "lower", "upper", "unit"),
    [
        ("工资800元至1200元", "800元至1200元", 800, 1200, "元"),
        ("培训3至5个月", "3至5个月", 3, 5, "个月"),
        ("补助200-300元", "200-300元", 200, 300, "元"),
        ("每亩200-300元", "每亩200-300元", 200, 300, "元/亩"),  # a range of rates
        ("补贴3至5万元", "3至5万元", 30_000, 50_000, "元"),
        ("5000至2万元", "5000至2万元", 5000, 20_000, "元"),
        ("七八个人", "七八个人", 7, 8, "个人"),  # 个人: persons (xrules15)
        ("两三个人", "两三个人", 2, 3, "个人"),
        ("三至五年", "三至五年", 3, 5, "年"),
    ],
)
def test_ranges_are_one_row(text, span, lower, upper, unit):
    row = one(text)
    assert (row["text"], row["qualifier"], row["unit"]) == (span, "range", unit)
    assert (row["value"], row["lower"], row["upper"]) == (lower, lower, upper)


def test_bounds_fit_the_qualifier_as_the_facts_schema_checks():
    text = "逾千万元，近20人，约百万元，2000多元，300亩，800元至1200元，八成以上"
    df = extract_quantities(text)
    assert set(df["qualifier"]) == set(QUALIFIERS)
    for r in df.itertuples():
        assert interval_problem(r.norm_value, r.norm_lower, r.norm_upper, r.qualifier) is None


def test_near_before_a_time_span_means_the_past_not_nearly():
    row = one("最近3年，村里变化大")
    assert (row["text"], row["qualifier"]) == ("3年", "exact")
    row = one("近5年来")
    assert (row["text"], row["qualifier"]) == ("5年", "exact")


@pytest.mark.parametrize(
    ("text", "span"),
    [("全省累计签约1198个项目", "1198个"), ("节约5000元", "5000元"), ("经过3年努力", "3年")],
)
def test_qualifier_characters_inside_words_are_not_qualifiers(text, span):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, "exact")


# --- not quantities -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2014年，张忠平进入村委会",  # year
        "二〇一四年",  # year in Chinese numerals
        "10月23日一大早",  # date
        "今年7月，贵定县",  # month
        "2021年1至9月",  # month range
        "2014-2019年",  # year range
        "公约第三条写着",  # ordinal
        "发展八月瓜等特色产业",  # fruit name
        "村“两委”换届",  # name
        "“十户联体”治理",  # name in quotes
        "“红十二条”公约",  # name in quotes
        "一中心一张网十联户",  # slogan
        "居民们三三两两闲聊",  # idiom
        "广场焕然一新",  # idiom
        "2019年“五一”假期",  # holiday
        "赴六盘水市",  # place name
        "万山区创新推出",  # place name
        "桑树河村五家畈农机合作社",  # place name
        "设立12368诉讼服务专线",  # hotline
        "采取“1+9+N”模式",  # formula
        "垃圾四处散落",  # adverb
        "一个村庄十分典型",  # article-like 一
        "实现一户一策解民忧",  # slogan
        "打通服务群众“最后一米”",  # idiom
        "千百年来",  # idiom
        "二次分红",  # 二 as ordinal
        "合作社的千亩玉米地",  # epithet
        "5A级旅游景区",  # rating
        "贵州在“十四五”期间",  # plan name
        "三年级学生",  # school grade
        "80年代",  # decade
        "中国马铃薯网(www.malingshu7.com)讯",  # web address
        "收入几十万元",  # vague: 几 before the number (十几万 is 十多万)
        "几百万元",  # vague: 几
        "数十家企业",  # vague: 数
        "成千上万人",  # idiom
        "游客三五成群",  # idiom, not 30–50 %
        "小四台子村",  # place name
    ],
)
def test_not_quantities(text):
    assert texts(text) == []


def test_a_rating_beside_a_count_leaves_only_the_count():
    assert texts("2家5A级旅游景区") == ["2家"]  # 5A级 is glued to a Latin letter


# --- layout, offsets, columns ------------------------------------------------------


def test_traditional_characters_are_read_and_kept_as_written():
    text = "全鄉茶園總面積2.6萬畝，茶青年總產量900餘噸，帶動茶農1742戶，養殖山雞8000餘羽。"
    df = extract_quantities(text)
    assert df["text"].tolist() == ["2.6萬畝", "900餘噸", "1742戶", "8000餘羽"]
    assert df["value"].tolist() == [26_000, 900, 1742, 8000]
    assert df["upper"].tolist() == [26_000, 1000, 1742, 9000]
    assert df["norm_unit"].tolist() == ["ha", "t", "household", "count:羽"]
    assert texts("占比超過17.64%，教師12名") == ["超過17.64%", "12名"]


def test_layout_break_inside_a_word_is_joined():
    text = "整合300亩撂荒地，发展八\n\n月瓜等特色产业，年产2万余\n斤。"
    df = extract_quantities(text)
    assert df["text"].tolist() == ["300亩", "2万余\n斤"]  # no 八 from 八月瓜
    row = df.iloc[1]
    assert text[row["start"] : row["end"]] == row["text"]
    assert (row["lower"], row["upper"]) == (20_000, 30_000)


def test_offsets_point_into_the_original_text():
    text = "共安置2672户\n共12068名搬迁群众。\n\n产值逾千万元。"
    df = extract_quantities(text)
    assert df["text"].tolist() == ["2672户", "12068名", "逾千万元"]
    for r in df.itertuples():
        assert text[r.start : r.end] == r.text


def test_a_headline_is_its_own_sentence_even_without_punctuation():
    text = "“空心村”车田十年求变\n\n贵州日报记者 晏惠轩\n\n10月15日，村民王啟富开车来。"
    row = one(text)
    assert (row["text"], row["sentence"]) == ("十年", "“空心村”车田十年求变")
    long_line = "之后，在乡党委政府的指导下，村党支部带领村民打响了一场突围战，车田村整合"
    row = one(long_line + "\n\n300亩撂荒地。")
    assert row["sentence"] == long_line + "\n\n300亩撂荒地。"  # verbatim, break kept


def test_sentence_is_verbatim_and_subject_is_a_noun():
    text = "前言。栗坪社区共安置来自兴义市的12068名搬迁群众，效果很好。下一句。"
    row = one(text)
    assert row["sentence"] == "栗坪社区共安置来自兴义市的12068名搬迁群众，效果很好。"
    assert row["sentence"] in text
    assert row["subject"] == "搬迁群众"
    assert one("基地的年产量达2万余斤。")["subject"] == "年产量"  # before, when nothing follows
    assert one("配置94名“社区管家”")["subject"] == "社区管家"


def test_columns_and_types():
    df = extract_quantities("种植300亩")
    assert list(df.columns) == COLUMNS
    assert df["start"].dtype == "int64" and df["norm_value"].dtype == "float64"
    empty = extract_quantities("没有数字")
    assert list(empty.columns) == COLUMNS and len(empty) == 0
    assert empty["start"].dtype == "int64" and empty["value"].dtype == "float64"
    assert (empty.dtypes == df.dtypes).all()  # concatenating results keeps the types


def test_public_name_on_the_package():
    assert rs.extract_quantities is extract_quantities


def test_unit_normalisation_follows_units_py():
    df = extract_quantities("300亩，2000斤，5吨，12个，59栋，200项，5组，15家，30载，94名")
    assert df["norm_unit"].tolist() == [
        "ha", "kg", "t", "count", "building", "item", "group", "count:家", "year", "person",
    ]  # fmt: skip
    assert df["norm_value"].tolist()[:2] == [20, 1000]


# --- fact candidates ------------------------------------------------------------


def test_fact_candidates_are_rows_of_the_facts_table():
    text = "2024年底，村级集体经济收入达57.47万元。1760亩茶园产值逾千万元。"
    df = fact_candidates(text, "gzrb-demo")
    assert list(df.columns) == FACT_COLUMNS
    assert df["fact_id"].tolist() == ["gzrb-demo-q001", "gzrb-demo-q002", "gzrb-demo-q003"]
    assert (df["place_id"] == "").all() and (df["indicator_id"] == "").all()
    assert df["year"].tolist()[0] == 2024 and df["year"].isna().tolist()[1:] == [True, True]
    first = df.iloc[0]
    assert (first["value"], first["unit"], first["qualifier"]) == (574700, "CNY", "exact")
    assert first["quote"] == "2024年底，村级集体经济收入达57.47万元。"
    area = df.iloc[1]
    assert (area["value"], area["unit"], area["text"]) == (1760 / 15, "ha", "1760亩")
    assert math.isnan(df.iloc[2]["upper"]) and df.iloc[2]["lower"] == 10_000_000


def test_fact_candidates_carry_rates_and_say_which_word_made_one():
    text = (
        "现在每个月直播收入有2000多元呢。车田村每年分红10万余元，年产量2万余斤，人均收入约2.5万元。"
        "每亩900元。"
    )
    df = fact_candidates(text, "x")
    assert df["unit"].tolist() == ["CNY/month", "CNY/year", "kg", "CNY/person", "CNY/ha"]
    assert df["note"].tolist() == [
        "subject: 直播收入; rate from 每个月",
        "subject: 年分红; rate from 每年",
        "subject: 年产量",  # not money: a word before it makes no rate
        "subject: 人均收入; rate from 人均",
        "",  # 每亩 is written on the figure: no word for the curator to confirm
    ]
    assert df["value"].tolist()[-1] == 900 * 15  # 900 元 per 亩 is 13500 元 per ha


def test_fact_candidates_of_empty_text():
    df = fact_candidates("", "x")
    assert list(df.columns) == FACT_COLUMNS and df.empty


# --- robustness ---------------------------------------------------------------------

_CHINESE_NUMBERISH = st.text(
    alphabet="零〇一二两三四五六七八九十百千万亿余多来约近逾超至-%.0123456789"
    "亩元户个年月日第“”\n ，。每均/人天晚斤分之成倍股村民这前后",
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _CHINESE_NUMBERISH))
def test_any_text_gives_a_frame_with_offsets_inside(text):
    df = extract_quantities(text)
    assert isinstance(df, pd.DataFrame) and list(df.columns) == COLUMNS
    for r in df.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text
        assert r.qualifier in QUALIFIERS
        assert is_canonical_unit(r.norm_unit), r.norm_unit  # the facts schema takes it
        assert interval_problem(r.norm_value, r.norm_lower, r.norm_upper, r.qualifier) is None
    assert df["start"].is_monotonic_increasing


def test_absurd_numbers_do_not_raise():
    assert extract_quantities("9" * 5000 + "元").empty  # a 5000-digit run is no figure
    assert extract_quantities("1" + "0" * 15 + "亿亿元")["value"].tolist() == [1e31]


def test_non_string_input_gives_an_empty_frame():
    assert extract_quantities(None).empty  # type: ignore[arg-type]


# --- review against curated facts --------------------------------------------------


def test_review_pairs_candidates_with_curated_facts():
    text = "公司每年分红10万余元。将59栋楼分成12个网格。王啟富流转了50亩撂荒地。共有3家。"
    cands = fact_candidates(text, "src")
    facts = pd.DataFrame(
        {
            "fact_id": ["dividend", "grids", "land", "farms", "other-source"],
            "value": [100_000, 12, 50, 9, 59],
            "lower": [100_000, 12, 50, 9, 59],
            "upper": [110_000, 12, 50, 9, 59],
            "unit": ["CNY", "count", "ha", "count:家", "building"],  # CNY: stored as a total
            "text": ["10万余元", "12个网格", "50亩", "9家", "59栋"],
            "source_id": ["src", "src", "src", "src", "elsewhere"],
            "quote": [
                "“公司每年分红10万余元。”",  # the curator kept the quotation marks
                "将59栋楼分成12个网格。",
                "王啟富流转了50亩撂荒地。",  # 50 ha is wrong: 50亩 is 10/3 ha
                "全村有9家农家乐。",
                "将59栋楼分成12个网格。",
            ],
        }
    )
    review = rs.extract.review_candidates(cands, facts)
    assert review[["text", "status", "fact_id"]].values.tolist() == [
        ["10万余元", "curated, unit differs", "dividend"],
        ["59栋", "not curated", ""],  # the 59栋 fact is another source's
        ["12个", "curated", "grids"],
        ["50亩", "curated, values differ", "land"],
        ["3家", "not curated", ""],
        ["9家", "missed by extractor", "farms"],
    ]
    assert set(review["status"]) <= set(rs.extract.STATUSES)


@pytest.mark.parametrize(
    ("text", "norm_value", "norm_unit"),
    [
        ("面积3.62平方公里", 362.0, "ha"),
        ("提高2.5个百分点", 2.5, "percentage_point"),
        ("用时2天", 2.0, "day"),
        ("工期5个月", 5.0, "month"),
        ("四成农户", 40.0, "percent"),
    ],
)
def test_area_durations_and_points_normalise_through_units(text, norm_value, norm_unit):
    row = rs.extract_quantities(text).iloc[0]
    assert (row["norm_value"], row["norm_unit"]) == (norm_value, norm_unit)


# --- rates, shares, classifiers and the other issue-12 classes ------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit", "norm_value", "norm_unit"),
    [
        ("土地流转每亩每年900元", "每亩每年900元", "元/亩/年", 13_500, "CNY/ha/year"),
        ("每亩地每年900元保底收益", "每亩地每年900元", "元/亩/年", 13_500, "CNY/ha/year"),
        ("租金1000元/亩", "1000元/亩", "元/亩", 15_000, "CNY/ha"),
        ("务工50元/天", "50元/天", "元/天", 50, "CNY/day"),
        ("民宿300元/晚", "300元/晚", "元/晚", 300, "CNY/night"),
        ("收购价1元/斤", "1元/斤", "元/斤", 2, "CNY/kg"),  # a 斤 is half a kilogram
        ("摘果15块钱每斤", "15块钱每斤", "块钱/斤", 30, "CNY/kg"),
        ("餐饮100元/人/天", "100元/人/天", "元/人/天", 100, "CNY/person/day"),
        ("亩产3000斤/亩", "3000斤/亩", "斤/亩", 22_500, "kg/ha"),
        ("亩均1.5万元", "亩均1.5万元", "元/亩", 225_000, "CNY/ha"),
        ("人均2.5万元", "人均2.5万元", "元/人", 25_000, "CNY/person"),
    ],
)
def test_a_rate_written_on_the_figure_is_in_its_span_and_unit(
    text, span, unit, norm_value, norm_unit
):
    row = one(text)
    assert (row["text"], row["unit"], row["norm_unit"]) == (span, unit, norm_unit)
    assert row["norm_value"] == norm_value


@pytest.mark.parametrize(
    ("text", "span", "norm_unit"),
    [
        ("每户最高能分到36300元", "36300元", "CNY/household"),
        ("出租商业门面年收入137万元", "137万元", "CNY/year"),
        ("人均年收入不足2000元", "不足2000元", "CNY/person"),  # one year's, per person
        ("每天工资80元", "80元", "CNY/day"),
        ("批发价每斤能卖6.5元", "6.5元", "CNY/kg"),
        ("现在每个月直播收入有2000多元", "2000多元", "CNY/month"),
        ("一年下来，民宿收入70多万元", "70多万元", "CNY/year"),  # a lead clause of a period
    ],
)
def test_a_word_earlier_in_the_clause_makes_money_a_rate(text, span, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, norm_unit)


@pytest.mark.parametrize(
    ("text", "norm_units"),
    [
        ("平日一晚3000元，周末4700元", ["CNY/night", "CNY/night"]),
        ("平日一晚3000元，春节期间更是飙升至4700元，甚至达到4900元", ["CNY/night"] * 3),
        ("旺季每晚800元，淡季500元", ["CNY/night", "CNY/night"]),
        ("每斤最高卖12元，最低8元", ["CNY/kg", "CNY/kg"]),
        ("标间每晚300元、套房500元", ["CNY/night", "CNY/night"]),  # one clause: the older rule
        ("每天工钱以前80元，现在150元", ["CNY/day", "CNY/day"]),
    ],
)
def test_a_parallel_list_of_sums_shares_the_first_ones_denominator(text, norm_units):
    assert extract_quantities(text)["norm_unit"].tolist() == norm_units


@pytest.mark.parametrize(
    "text",
    [
        "人均可支配收入2万元，村集体经济收入100万元",  # a total, no contrast
        "每亩补贴300元，带动农户增收5万元",  # no contrast: another sum
        "旺季每晚800元，周末累计收入5万元",  # a total despite the contrast
        "每晚300元。周末500元",  # another sentence
        "每晚300元，接待游客200人，周末500元",  # a count between breaks the list
        "每晚300元，房间干净，服务周到，周末500元",  # three breaks apart
        "每晚300元：周末500元",  # a colon introduces, it does not list
    ],
    ids=["total", "no-contrast", "total-with-contrast", "sentence", "count-between",
         "far", "colon"],
)  # fmt: skip
def test_a_sum_that_is_no_parallel_item_keeps_no_rate(text):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == "CNY"


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("日收入在30元到40元之间", "CNY/day"),
        ("工人日工资150元", "CNY/day"),  # (每个工人日工资: CNY/person/day, below)
        ("奶奶田间打工日掙200元", "CNY/day"),  # traditional 掙
        ("10月23日收入3000元", "CNY"),  # a date's 日
        ("今日收入3000元", "CNY"),
        ("节日收入5000元", "CNY"),
    ],
)
def test_a_days_income_word_makes_money_per_day_but_a_dates_日_does_not(text, norm_unit):
    assert one(text)["norm_unit"] == norm_unit


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("每个人每天，连吃带住只要70元", "CNY/person/day"),  # a lead clause of entity and period
        ("每户每年，分红500元", "CNY/household/year"),
        ("每个人都拿到3000元", "CNY/person"),
        ("家里每个人都很忙，收入3000元", "CNY"),  # not a lead clause of only a rate
    ],
)
def test_a_lead_clause_of_a_per_head_word_and_a_period_makes_the_next_sum_a_rate(text, norm_unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == norm_unit


@pytest.mark.parametrize(
    ("text", "span", "norm_unit"),
    [
        ("亩均年产量超过4000公斤", "超过4000公斤", "kg/ha/year"),
        ("亩年产量达2吨", "2吨", "t/ha/year"),
        ("年产量达2吨", "2吨", "t"),  # no 亩
    ],
)
def test_a_yearly_yield_per_mu_is_per_ha_and_year(text, span, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, norm_unit)


@pytest.mark.parametrize(
    ("text", "span", "norm_unit", "lo", "hi"),
    [
        ("价格在600元以上/晚", "600元以上/晚", "CNY/night", 600, NAN),
        ("300元左右/人", "300元左右/人", "CNY/person", NAN, NAN),
        ("1000元/亩以上", "1000元/亩以上", "CNY/ha", 15_000, NAN),
        ("500元以上，每晚另计", "500元以上", "CNY", 500, NAN),  # no slash: no denominator
    ],
)
def test_a_denominator_after_a_bound_after_the_figure_is_its_rate(text, span, norm_unit, lo, hi):
    row = extract_quantities(text).iloc[0].to_dict()
    assert (row["text"], row["norm_unit"]) == (span, norm_unit)
    assert same((row["norm_lower"], row["norm_upper"]), (lo, hi))


def test_clause_rates_stop_at_the_clause_and_pass_along_a_before_after_pair():
    df = extract_quantities("人均可支配收入从2011年3896元增长到2021年15220元，旅游收入1000万元。")
    assert df["norm_unit"].tolist() == ["CNY/person", "CNY/person", "CNY"]


@pytest.mark.parametrize(
    "text",
    ["2022年收入137万元", "去年收入137万元", "全年累计收入423万余元", "每年接待游客10万人次"],
    ids=["a-year", "last-year", "a-year-total", "not-money"],
)
def test_no_rate_from_a_dated_year_a_total_or_a_non_money_figure(text):
    assert "/" not in extract_quantities(text)["norm_unit"].iloc[-1]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "norm_unit"),
    [
        ("入股200股", "200股", 200, "股", "count:股"),
        ("建成5窖", "5窖", 5, "窖", "count:窖"),
        ("储存30桶", "30桶", 30, "桶", "count:桶"),
        ("客房20间", "20间", 20, "间", "count:间"),
        ("增设床位30床", "30床", 30, "床", "count:床"),
        ("新建3栋", "3栋", 3, "栋", "building"),
        ("年满60周岁", "60周岁", 60, "周岁", "year_of_age"),
        ("工期3周", "3周", 3, "周", "week"),
    ],
)
def test_classifiers_of_issue_12(text, span, value, unit, norm_unit):
    row = one(text)
    assert (row["text"], row["value"], row["unit"], row["norm_unit"]) == (
        span, value, unit, norm_unit,
    )  # fmt: skip


@pytest.mark.parametrize("text", ["股份合作社", "股东大会", "周边村寨", "10周年庆"])
def test_words_that_start_like_the_new_classifiers_are_none(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "norm_value", "qualifier"),
    [
        ("约为全国平均水平的1.8倍", "1.8倍", 180, "exact"),  # a ratio, as percent
        ("占近1/4", "近1/4", 25, "under"),
        ("三成农户", "三成", 30, "exact"),
        ("五分之一", "五分之一", 20, "exact"),
        ("百分之三十", "百分之三十", 30, "exact"),
        ("不足三分之一", "不足三分之一", 100 / 3, "under"),
        ("三分之一以上", "三分之一以上", 100 / 3, "over"),
    ],
)
def test_multiples_fractions_and_shares_are_percent(text, span, norm_value, qualifier):
    row = one(text)
    assert (row["text"], row["norm_unit"], row["qualifier"]) == (span, "percent", qualifier)
    assert math.isclose(row["norm_value"], norm_value)


@pytest.mark.parametrize("text", ["2023/01/31", "24/7服务", "三分之三", "5/3"])
def test_slashes_that_are_no_fraction_of_a_whole(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("实现361.76 亿元", "361.76 亿元", 36_176_000_000),
        ("打造 10 条示范带", "10 条", 10),
        ("毛利润超 200 万元", "超 200 万元", 2_000_000),
        ("这栋近 10 亩的民宿", "近 10 亩", 10),
        ("全角　30　户", "30　户", 30),  # an ideographic space
    ],
)
def test_a_space_inside_a_figure_is_layout(text, span, value):
    row = one(text)
    assert (row["text"], row["value"]) == (span, value)


def test_spaced_dates_and_years_stay_out():
    assert texts("3 月 20 日，在 2025 年的会上，第 3 条") == []


@pytest.mark.parametrize(
    ("text", "span", "norm_unit"),
    [("离家一公里", "一公里", "km"), ("流转一亩地", "一亩", "ha"), ("增长一倍", "一倍", "percent")],
)
def test_a_lone_yi_with_a_unit_of_measure_is_a_quantity(text, span, norm_unit):
    row = one(text)
    assert (row["text"], row["value"], row["norm_unit"]) == (span, 1, norm_unit)


@pytest.mark.parametrize(
    "text",
    ["打通最后一公里", "一田多用、一亩多收", "一米一景", "一个村庄", "守着一亩三分地", "一成不变"],
)
def test_a_lone_yi_in_a_saying_or_as_an_article_is_none(text):
    assert texts(text) == []


def test_a_lone_yi_with_plus_and_a_time_unit_is_a_duration():
    row = one("经过一年多打造")
    assert (row["text"], row["lower"], row["upper"], row["norm_unit"]) == ("一年多", 1, 2, "year")
    assert texts("实行一人多岗") == []  # 多 after 人: a slogan


@pytest.mark.parametrize(
    ("text", "span", "lower", "upper", "norm_unit"),
    [
        ("带动1.5万余村民", "1.5万余村民", 15_000, 16_000, "person"),
        ("接待9.84亿人次", "9.84亿人次", 984_000_000, 984_000_000, "person-time"),
        ("覆盖2000余农户", "2000余农户", 2000, 3000, "household"),
        ("带动20余万人口", "20余万人口", 200_000, 300_000, "person"),
    ],
)
def test_counts_of_nouns_without_a_classifier(text, span, lower, upper, norm_unit):
    row = one(text)
    assert (row["text"], row["lower"], row["upper"], row["norm_unit"]) == (
        span, lower, upper, norm_unit,
    )  # fmt: skip


def test_a_noun_after_a_chinese_numeral_alone_is_not_counted():
    assert texts("两村民众") == []


@pytest.mark.parametrize(
    "text", ["两年前", "这两年", "两个月后", "3年前寨子只有民宿", "那三天", "五年以后", "十天之前"]
)
def test_relative_time_is_no_duration(text):
    assert texts(text) == []


def test_spans_of_time_stay_durations():
    assert texts("十年来变化很大，培训3个月，两年内完成") == [
        "十年",
        "3个月",
        "两年内",
    ]  # 内: within (under)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("这5年来，工资是年年涨", "5年"),  # over these 5 years
        ("这两年以来变化很大", "两年"),
        ("经营6个月后还分红7000多元", "6个月"),  # after 6 months of running it
        ("开业两个月后就回本了", "两个月"),
        ("坚持3年后终于成功", "3年"),
    ],
)
def test_a_span_of_time_something_lasted_is_a_duration_despite_这_or_后(text, span):
    assert texts(text)[0] == span


@pytest.mark.parametrize(
    "text", ["这两年民宿火了", "20年后，经营权重归农民", "这三天里", "两年后再说"]
)
def test_这_and_后_without_a_verb_of_doing_or_来_stay_relative_time(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "norm_unit"),
    [
        ("每亩900元/年", "每亩900元/年", "CNY/ha/year"),  # both sides make one rate
        ("每亩每年900元/亩/年", "每亩每年900元/亩/年", "CNY/ha/year"),  # written twice
        ("每人300元/亩", "300元/亩", "CNY/ha"),  # disagreeing sides: the unit's wins
    ],
)
def test_denominators_before_and_after_a_figure_combine(text, span, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, norm_unit)


def test_a_lead_clause_counts_only_when_it_is_a_whole_clause():
    assert one("村里，一年下来，民宿收入70多万元")["norm_unit"] == "CNY/year"
    df = extract_quantities("做法坚持了二十多年，产业每年，带来5万元")
    assert df["norm_unit"].tolist() == ["year", "CNY"]  # "产业每年" is no lead clause
    # (before an income, 收入5万元, it is a clause of what happens every year: CNY/year)


def test_digits_after_wan_count_in_ones():
    row = one("人均可支配收入1万3800元")
    assert (row["text"], row["value"]) == ("1万3800元", 13_800)
    assert bounds(one("达到1万3800余元")) == (13_800, 13_900)


# --- mixed numerals, loose pairs, bounds after a figure (issue 12) ---------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("共2万5千元", "2万5千元", 25_000),
        ("1万3千元", "1万3千元", 13_000),
        ("2万5千5百元", "2万5千5百元", 25_500),  # 两万五千五百
        ("3千5百亩", "3千5百亩", 3_500),
        ("月薪2万5元", "2万5元", 25_000),  # a lone digit takes the place below, as 两万五
        ("1亿2000万元", "1亿2000万元", 120_000_000),
    ],
)
def test_digits_and_multipliers_compose_as_chinese_numerals(text, span, value):
    row = one(text)
    assert (row["text"], row["value"]) == (span, value)


def test_a_mixed_numeral_keeps_the_step_of_its_last_place():
    assert bounds(one("2万5千余元")) == (25_000, 26_000)


def test_a_mixed_numeral_whose_places_do_not_fall_is_no_number():
    assert "2万50000元" not in texts("2万50000元") and "2万3万元" not in texts("2万3万元")


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("住三五天", "三五天", 3, 5),
        ("一两天", "一两天", 1, 2),
        ("两三个月", "两三个月", 2, 3),
        ("二三十万元", "二三十万元", 200_000, 300_000),
        ("三五万元", "三五万元", 30_000, 50_000),
        ("七八十人", "七八十人", 70, 80),
    ],
)
def test_approximate_pairs_are_ranges(text, span, lo, hi):
    row = one(text)
    assert (row["text"], row["qualifier"], *bounds(row)) == (span, "range", lo, hi)


@pytest.mark.parametrize("text", ["一二天", "三三两两", "五三个", "“十三五”期间", "两一天"])
def test_other_numeral_pairs_are_no_numbers(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "lo", "hi"),
    [
        ("连十分之一都不到", "十分之一都不到", "under", NAN, 10),
        ("100元不到", "100元不到", "under", NAN, 100),
        ("五十亩都不到", "五十亩都不到", "under", NAN, 50),
        ("3年还不足", "3年还不足", "under", NAN, 3),
        ("未满18周岁", "未满18周岁", "under", NAN, 18),
        ("不超过5万元", "不超过5万元", "under", NAN, 50_000),
        ("至少有18万元", "至少有18万元", "over", 180_000, NAN),
        ("不少于300亩", "不少于300亩", "over", 300, NAN),
        ("高于600斤稻谷就不租了", "高于600斤", "over", 600, NAN),
        ("价格低于300元", "低于300元", "under", NAN, 300),
        ("价格不低于300元", "不低于300元", "over", 300, NAN),  # the longer word wins
        ("价格不高于300元", "不高于300元", "under", NAN, 300),
    ],
)
def test_bounds_written_around_a_figure(text, span, qualifier, lo, hi):
    row = one(text)
    assert row["text"] == span and row["qualifier"] == qualifier
    assert same(bounds(row), (lo, hi))


@pytest.mark.parametrize(
    ("text", "span", "lo"),
    [
        ("至少可带动当地500余人就业", "500余人", 500),  # 余 gives no upper bound then
        ("至少助力30户增收", "30户", 30),
        ("每天至少要300名工人", "300名", 300),
    ],
)
def test_at_least_a_few_words_before_a_figure_is_its_lower_bound(text, span, lo):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, "over")
    assert same(bounds(row), (lo, NAN))


@pytest.mark.parametrize(
    "text",
    ["至少一半农户收入3000元", "至少要培训，带动500人", "至少在这个村里面的农户都能拿到3000元"],
    ids=["a-number-between", "another-clause", "too-far"],
)
def test_at_least_does_not_reach_past_a_number_a_clause_or_a_few_words(text):
    assert extract_quantities(text)["qualifier"].iloc[-1] == "exact"


def test_a_bound_before_the_next_number_is_not_the_figures():
    df = extract_quantities("投入1000元不到一年就回本")
    assert df["text"].tolist() == ["1000元", "不到一年"]
    assert df["qualifier"].tolist() == ["exact", "under"]


# --- digits of other scripts ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("全角１２３元", "１２３元", 123),
        ("５万元", "５万元", 50_000),
        ("２万５千元", "２万５千元", 25_000),
        ("3千5亩", "3千5亩", 3_500),
    ],
)
def test_full_width_digits_are_read_as_their_ascii_value(text, span, value):
    row = one(text)
    assert (row["text"], row["value"]) == (span, value)


@pytest.mark.parametrize(
    "text",
    ["收入٣٠٠元", "١٢3元", "3٤元", "种植३००亩", "共৫户", "达๕๐万元"],  # Arabic-Indic, Devanagari …
)
def test_digits_of_other_scripts_are_not_read(text):
    assert texts(text) == []


def test_the_year_of_a_sentence_reads_full_width_digits_only():
    q = fact_candidates("２０２４年种植300亩。", "demo")
    assert q["year"].tolist() == [2024]
    assert fact_candidates("٢٠٢٤年种植300亩。", "demo")["year"].isna().all()


# --- per person, per year (docs/DESIGN.md, "Units") ------------------------------


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("人均年收入不足2000元", "CNY/person"),  # one year's per-person figure
        ("年人均纯收入5000元", "CNY/person"),  # 年人均 is per person
        ("户均年收入3万元", "CNY/household"),
        ("人均可支配收入3896元", "CNY/person"),
        ("每人每年补贴500元", "CNY/person/year"),  # a rate stated per year
        ("人均年均增收800元", "CNY/person/year"),  # a yearly average over several years
        ("餐饮补助2000元/人/年", "CNY/person/year"),
        ("出租商业门面年收入137万元", "CNY/year"),  # no per-person word: per year
    ],
)
def test_a_years_per_person_figure_is_per_person_and_a_stated_yearly_rate_per_year(text, norm_unit):
    assert one(text)["norm_unit"] == norm_unit


@pytest.mark.parametrize(
    ("text", "span"),
    [("每股分红达1190.04元", "1190.04元"), ("每股1.5元", "每股1.5元"), ("10元/股", "10元/股")],
)
def test_a_dividend_per_share_is_a_rate_per_share(text, span):
    row = one(text)
    assert (row["text"], row["unit"], row["norm_unit"]) == (span, "元/股", "CNY/share")


def test_every_unit_read_from_the_test_texts_is_one_emitted_units_lists():
    from pathlib import Path

    from ruralstudy.datasets import TEXTS_DIR
    from ruralstudy.extract import emitted_units

    fixtures = Path(__file__).parent / "fixtures"
    paths = sorted(TEXTS_DIR.glob("*.txt")) + sorted(fixtures.glob("*_texts/*.txt"))
    read = set()
    for path in paths:
        read |= set(extract_quantities(path.read_text(encoding="utf-8"))["norm_unit"])
    read |= {one(t)["norm_unit"] for t in ("10元/股", "每亩每年900元", "300元/晚", "3000斤/亩")}
    assert len(read) > 20 and read - emitted_units() == set()


def test_traditional_nouns_qualifiers_and_rate_words_are_read():
    df = extract_quantities("3.44萬戶、12.8萬農民實現戶均增收4434元，不少於300畝，年純收入5萬元")
    assert df["text"].tolist() == ["3.44萬戶", "12.8萬農民", "4434元", "不少於300畝", "5萬元"]
    assert df["norm_unit"].tolist() == ["household", "person", "CNY/household", "ha", "CNY/year"]


@pytest.mark.parametrize("text", ["省级三类贫困村", "属于二类地区", "3类贫困县"])
def test_a_category_before_a_kind_of_place_is_no_count(text):
    assert texts(text) == []


def test_kinds_are_still_counted():
    assert texts("分为三类，两类人群") == ["三类", "两类"]


# --- the rates list's DEV part (tests/fixtures/rates_texts) ------------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit", "norm_value", "norm_unit"),
    [
        ("一般的房间三四百元一晚", "三四百元一晚", "元/晚", 300, "CNY/night"),
        ("以100元一斤的价格卖给茶厂", "100元一斤", "元/斤", 200, "CNY/kg"),
        ("按小时计算12元一个小时", "12元一个小时", "元/小时", 12, "CNY/hour"),
        ("奖励500元一户", "500元一户", "元/户", 500, "CNY/household"),
    ],
)
def test_yi_and_a_denominator_after_money_is_its_rate(text, span, unit, norm_value, norm_unit):
    row = one(text)
    assert (row["text"], row["unit"], row["norm_unit"]) == (span, unit, norm_unit)
    assert row["norm_value"] == norm_value


@pytest.mark.parametrize(
    ("text", "span"), [("带动30户一年增收", "30户"), ("种植300亩一年可收入", "300亩")]
)
def test_yi_and_a_denominator_after_a_count_starts_the_next_phrase(text, span):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, {"30户": "household", "300亩": "ha"}[span])


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("住一晚竟要7000元", "CNY/night"),
        ("这一斤茶青卖给合作社要100元", "CNY/kg"),  # the lone 一斤 is also a figure
        ("亩产值超万元", "CNY/ha"),
    ],
)
def test_yi_or_a_yield_word_earlier_in_the_clause_makes_money_a_rate(text, norm_unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == norm_unit


@pytest.mark.parametrize(
    ("text", "span", "norm_value", "norm_unit"),
    [
        ("预计亩产可达2吨", "2吨", 30, "t/ha"),
        ("亩均产量达1600多公斤", "1600多公斤", 24_000, "kg/ha"),
        ("平均每亩产量为3500斤", "3500斤", 26_250, "kg/ha"),
    ],
)
def test_a_weight_after_a_yield_word_is_per_mu(text, span, norm_value, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"], row["norm_value"]) == (span, norm_unit, norm_value)


def test_a_weight_without_a_yield_word_is_no_rate():
    assert one("一天下来她可采摘统茶200多斤")["norm_unit"] == "kg"


@pytest.mark.parametrize(
    ("text", "span", "lower", "upper"),
    [
        ("鱼也有十几种", "十几种", 10, 20),
        ("二十幾名村民正在忙碌", "二十幾名", 20, 30),
        ("收入十几万元", "十几万元", 100_000, 200_000),
    ],
)
def test_ji_after_shi_reads_as_duo(text, span, lower, upper):
    row = one(text)
    assert (row["text"], row["qualifier"], row["lower"], row["upper"]) == (
        span,
        "plus",
        lower,
        upper,
    )


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("每天大约有930元的收入", "每天大约有930元", "approx"),
        ("大约有七万棵芽", "大约有七万棵", "approx"),
    ],
)
def test_yue_you_is_about(text, span, qualifier):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, qualifier)


@pytest.mark.parametrize("text", ["三合村7组的村民", "时间:09-17人气:30", "早上08点集合", "签约有"])
def test_group_names_leading_zeros_and_popularity_are_none(text):
    assert texts(text) == []


def test_a_count_before_a_common_word_is_no_place_name():
    assert texts("村里先后有了六家乡村民宿") == ["六家"]
    assert texts("桑树河村五家畈农机合作社") == []


# --- rules written after the rates list's held-out measurement (fixtures/README.md) ---------


@pytest.mark.parametrize(
    ("text", "span", "norm_unit"),
    [
        ("日薪250元", "250元", "CNY/day"),
        ("年产值逾3亿元", "逾3亿元", "CNY/year"),  # a year's output, as 年收入
        ("每人做工一小时12元", "12元", "CNY/person/hour"),
        ("给予农民一间房一年不低于1200元的保底收益", "不低于1200元", "CNY/room/year"),
    ],
)
def test_more_words_earlier_in_the_clause_make_money_a_rate(text, span, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, norm_unit)


def test_a_lone_yi_mu_before_a_sum_does_not_hide_the_period_before_it():
    df = extract_quantities("每年农户一亩地可得到800元")
    assert df["text"].tolist() == ["一亩", "800元"]
    # 一亩地可得到 is what one 亩 brings (xrates7), with the year before: CNY/ha/year
    assert df["norm_unit"].tolist() == ["ha", "CNY/ha/year"]


def test_hours_with_a_classifier_are_a_duration():
    row = one("一天工作6个小时")
    assert (row["text"], row["norm_unit"], row["value"]) == ("6个小时", "hour", 6)


def test_a_room_for_four_is_no_count_of_people():
    assert texts("一个不含早餐的四人间") == []


# --- rules written after the second rates list's measurement (rates2, no longer unseen) -----


@pytest.mark.parametrize(
    ("text", "norm_units"),
    [
        ("本店每晚房价：\n- 标准间：260元\n- 家庭房：380元\n", ["CNY/night"] * 2),
        ("采摘价格（每斤）如下：\n\n1. 草莓：25元\n2. 蓝莓：40元", ["CNY/kg"] * 2),
        ("每晚的价格如下：\n- 标间：200元\n2. 套房：300元", ["CNY/night"] * 2),  # 元\n2 joined
        ("每晚的价格如下：\n标间：200元\n套房：300元", ["CNY/night"] * 2),  # labels, no marks
        ("每户的收入：\n（1）务工收入：2万元\n（2）种植收入：8000元", ["CNY/household"] * 2),
        ("一晚的价格：标间260元，套房380元。", ["CNY/night"] * 2),  # a header in the sentence
        ("收费标准（元/人）：\n成人：50元\n儿童：25元", ["CNY/person"] * 2),  # a table's unit
        ("价格（元/亩·年）：水田800元，旱地500元", ["CNY/ha/year"] * 2),
    ],
)
def test_a_list_under_a_header_saying_what_it_is_per_is_a_list_of_rates(text, norm_units):
    assert extract_quantities(text)["norm_unit"].tolist() == norm_units


@pytest.mark.parametrize(
    "text",
    [
        "以下是每晚的价格：\n- 合计：800元",  # a total
        "他说：\n- 收入5万元",  # the header names no denominator
        "每晚的价格如下：\n\n游客多了，村里收入20万元。",  # prose, no item
        "每晚的价格如下：\n游客说：村里收入20万元。",  # a speaker, no label
        "每晚的价格如下：\n- 标间：200元\n游客多了，村里收入20万元。",  # prose after the list
        "每晚300元：周末500元",  # the header holds a figure: it introduces, it does not head
    ],
    ids=["total", "no-rate", "prose", "speaker", "after-list", "figure-in-header"],
)
def test_a_sum_outside_a_list_or_under_a_header_without_a_rate_keeps_no_rate(text):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == "CNY"


@pytest.mark.parametrize(
    ("text", "norm_units"),
    [
        ("村民人均纯收入达到15000元，比上年增加1200元", ["CNY/person"] * 2),
        ("每亩租金定为600元，三年后提高到800元", ["CNY/ha"] * 2),
        ("熟练工日薪约200元，新手工资也有120元", ["CNY/day"] * 2),  # a wage word again
        # a chain of comparisons: measured against its largest sum, not the last difference
        ("城镇居民人均收入4万元，较全国3.8万元高2000元，较全省3.5万元高5000元", ["CNY/person"] * 5),
        # past a share between; 工资性收入 is an income (its head noun comes last)
        ("人均可支配收入1.68万元，同比增长9.2%，其中工资性收入8600元",
         ["CNY/person", "percent", "CNY/person"]),
    ],
)  # fmt: skip
def test_a_later_clause_restating_the_measure_shares_its_rate(text, norm_units):
    assert extract_quantities(text)["norm_unit"].tolist() == norm_units


@pytest.mark.parametrize(
    "text",
    [
        "人均年收入1.5万元，旅游收入达2亿元",  # far above the per-head sum: a total
        "人均分红800元，村集体收入达50万元",  # a total
        "每户分红2000元，公司投入500万元",  # another holder
        "日薪约200元，带动务工增收3000元",  # a sum of its own (增收)
        "每亩租金600元，共流转土地300亩，合计18万元",  # a total
        "每人每月工资3000元，年终奖5000元",  # another sum (a bonus)
        "每亩租金600元，管理费50元",  # another sum (a fee)
    ],
    ids=["far-above", "collective", "holder", "own-sum", "total", "bonus", "fee"],
)
def test_a_later_clause_naming_another_sum_is_no_restatement(text):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == "CNY"


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("合作社每天请20名工人，每人平均工钱90元", "CNY/person/day"),  # the period before
        ("每亩地的租金按500斤稻谷折价，每年不少于800元", "CNY/ha/year"),  # the entity before
        ("每人每小时工钱15元，一天下来能挣120元", "CNY/person/day"),  # the same person, a day
        ("每户种植10亩，年收入5万元", "CNY/household"),  # a year's sum per household
        ("租金每亩每年600元，旱地每亩400元", "CNY/ha/year"),  # the same entity: its period
    ],
)
def test_a_one_sided_rate_takes_the_other_side_from_an_earlier_clause(text, norm_unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == norm_unit


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("每亩产量1000斤，年收入50万元", "CNY/year"),  # 每亩 is the yield's
        ("每亩租金800元，农户一年可得2万元", "CNY/year"),  # a holder of its own
        ("每户种了200棵树，每棵树每年有5元收入", "CNY/year"),  # an entity of its own
        ("每天都很忙。一年收入5万元", "CNY/year"),  # another sentence
        ("年均增长8%，人均收入1.2万元", "CNY/person"),  # 年均 is no 每-word
        ("每天来采摘的游客很多，每斤草莓卖30元", "CNY/kg"),  # a price per 斤 has no period
        ("每年接待游客10万人次，人均消费300元", "CNY/person"),  # spending is per visit
    ],
    ids=["consumed", "holder", "own-entity", "sentence", "nianjun", "price", "spending"],
)
def test_a_one_sided_rate_keeps_its_side_when_the_sentence_gives_it_none(text, norm_unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == norm_unit


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("一个家庭每年大约可以得到1万多元的租金", "CNY/household/year"),
        ("每个家庭分到3000元", "CNY/household"),
        ("一户一年能挣2万元", "CNY/household/year"),
        ("一户一策，帮扶资金5000元", "CNY"),  # a slogan, no household's sum
    ],
)
def test_a_family_or_one_household_before_a_sum_is_per_household(text, norm_unit):
    assert one(text)["norm_unit"] == norm_unit


@pytest.mark.parametrize(
    ("text", "norm_unit", "qualifier"),
    [
        ("經過兩年嘗試", "year", "exact"),  # 經過 is 经过, no 过 (over)
        ("每畝租金800元，合計3000元", "CNY", "exact"),  # 合計: a total takes no rate
        ("戶均分紅2000元，總計3000元", "CNY", "exact"),  # 總計 too
        ("每個員工每天150元", "CNY/person/day", "exact"),  # 員工
        ("每畝流轉費600元，後來流轉費漲到800元", "CNY/ha", "exact"),  # 流轉費: the rent again
    ],
)
def test_traditional_words_the_rules_read_read_as_simplified(text, norm_unit, qualifier):
    row = extract_quantities(text).iloc[-1]
    assert (row["norm_unit"], row["qualifier"]) == (norm_unit, qualifier)


def test_traditional_relative_time_is_no_duration():
    assert texts("兩年後收入3萬元") == ["3萬元"]


def test_a_pinyin_gloss_inside_a_figure_is_layout():
    df = extract_quantities("村里游客2.5萬(wàn)余人，門票收入突破3萬(wàn)元。")
    assert df["text"].tolist() == ["2.5萬(wàn)余人", "突破3萬(wàn)元"]
    assert df["lower"].tolist() == [25_000, 30_000] and df["upper"].iloc[0] == 26_000


@pytest.mark.parametrize("text", ["面积(mu)3亩", "（注：AB）3亩"])
def test_brackets_without_a_tone_mark_are_no_gloss(text):
    assert texts(text) == ["3亩"]


@pytest.mark.parametrize(
    ("text", "spans", "qualifiers"),
    [
        ("租金从300元、500元到700元、1000元的比较多", ["300元", "500元", "700元", "1000元"],
         ["exact"] * 4),  # a list of values: the 到 joins two items
        ("价格有200元、300元至500元、800元几种", ["200元", "300元", "500元", "800元"],
         ["exact"] * 4),
        ("租金500元到700元不等", ["500元到700元"], ["range"]),  # no list: a range
        ("每亩租金从300元到500元、每户补贴从1000元到2000元", ["300元到500元", "1000元到2000元"],
         ["range", "range"]),  # 、 between two ranges, not between numbers
    ],
)  # fmt: skip
def test_a_range_between_items_of_a_list_is_two_items(text, spans, qualifiers):
    df = extract_quantities(text)
    assert (df["text"].tolist(), df["qualifier"].tolist()) == (spans, qualifiers)


@pytest.mark.parametrize(
    ("text", "span", "lower", "upper"),
    [
        ("增长20%多", "20%多", 20, 30),  # % is said before its number: 百分之二十多
        ("百分之二十多", "百分之二十多", 20, 30),
        ("占2.5%多", "2.5%多", 2.5, 2.6),
        ("12亩多", "12亩多", 12, 13),  # other units: 多 after the unit is below the next one
    ],
)
def test_duo_after_a_percent_is_duo_after_its_number(text, span, lower, upper):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, "plus")
    assert row["lower"] == pytest.approx(lower) and row["upper"] == pytest.approx(upper)


@pytest.mark.parametrize(
    ("text", "span", "unit", "norm_unit"),
    [
        ("租金1000元/亩·年", "1000元/亩·年", "元/亩/年", "CNY/ha/year"),  # a middle dot
        ("租金1000元/（亩·年）", "1000元/（亩·年）", "元/亩/年", "CNY/ha/year"),
        ("每人次消费100元", "100元", "元/人次", "CNY/person-time"),  # not 每人
        ("一人一天100元", "100元", "元/人/天", "CNY/person/day"),
        ("一人一岗，工资2000元", "2000元", "元", "CNY"),  # a slogan, no rate
    ],
)
def test_more_written_forms_of_a_rate(text, span, unit, norm_unit):
    row = one(text)
    assert (row["text"], row["unit"], row["norm_unit"]) == (span, unit, norm_unit)


@pytest.mark.parametrize(
    ("text", "qualifier", "lower", "upper"),
    [
        ("不止100人", "over", 100, NAN),
        ("大于50亩", "over", 50, NAN),
        ("超出500元", "over", 500, NAN),
        ("不小于20户", "over", 20, NAN),
        ("小于10%", "under", NAN, 10),
        ("少于5户", "under", NAN, 5),
        ("不多于3人", "under", NAN, 3),  # 不多于 is not 多于
    ],
)
def test_comparison_words_bound_the_figure(text, qualifier, lower, upper):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (text, qualifier)
    assert same(bounds(row), (lower, upper))


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("年租金每亩800元", "CNY/ha/year"),  # a rate written on the figure, its clause's period
        ("日工资每人100元", "CNY/person/day"),
        ("每个劳动力每天150元", "CNY/person/day"),  # 每个劳动力 is per person
        ("每个工人日工资150元", "CNY/person/day"),
        ("2023年每亩800元", "CNY/ha"),  # a dated year is no period
        ("人均年收入每人3000元", "CNY/person"),  # a year's sum per person
        ("月工资3000元", "CNY/month"),
        ("时薪20元", "CNY/hour"),
    ],
)
def test_a_clause_word_completes_a_rate_written_on_the_figure(text, norm_unit):
    assert one(text)["norm_unit"] == norm_unit


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "lower"),
    [
        ("房价每晚300元起", "每晚300元起", "over", 300),  # a price from X
        ("价格300元起，含早餐", "300元起", "over", 300),
        ("300元起步资金", "300元", "exact", 300),  # 起步资金: a word, not "from" (but 3000元起步)
        ("差不多3000元", "差不多3000元", "approx", NAN),
    ],
)
def test_a_price_from_x_is_at_least_x_and_chabuduo_is_about(text, span, qualifier, lower):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, qualifier)
    assert same((row["lower"],), (lower,))


def test_a_price_from_x_at_a_lines_end_is_at_least_x():
    df = extract_quantities("房型：\n标准间：388元/晚起\n亲子房：488元/晚")  # 起\n亲 is joined
    assert df["text"].tolist() == ["388元/晚起", "488元/晚"]
    assert df["qualifier"].tolist() == ["over", "exact"]


def test_qi_after_a_year_is_a_date():
    assert texts("从2018年起，村里发展民宿") == []


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("社区每年靠门面出租，集体经济收入就有20万元", "CNY/year"),
        ("合作社每个月加工茶叶，村民务工收入有3万元", "CNY/month"),
        ("村里每年都搞活动，去年收入20万元", "CNY"),  # a dated year's income
        ("每年育苗，共带动就业200人，累计收入50万元", "CNY"),  # a total
        ("每天都有游客，民宿收入3万元", "CNY"),  # not 每天: a day's words before a sum
        ("每年都有游客，接待了5万人", "person"),  # no income named
    ],
)
def test_a_clause_of_what_happens_every_year_makes_the_next_income_yearly(text, norm_unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == norm_unit


@pytest.mark.parametrize(
    ("text", "norm_unit"),
    [
        ("采茶一个工100元", "CNY/day"),  # a day's work
        ("每个工日120元", "CNY/day"),
        ("一个工作日200元", "CNY/day"),
        ("一个工人挣3000元", "CNY"),  # a worker, not a day's work
    ],
)
def test_a_days_work_is_per_day(text, norm_unit):
    assert one(text)["norm_unit"] == norm_unit


def test_a_header_in_the_sentence_counts_deep_in_a_long_paragraph():
    text = "村里发展乡村旅游。" * 12 + "一晚的价格：标间260元，套房380元。"
    assert extract_quantities(text)["norm_unit"].tolist() == ["CNY/night"] * 2


def test_every_item_of_a_long_list_takes_its_headers_rate():
    text = "每晚的价格：\n" + "".join(f"- 房型{i}：{200 + i}元\n" for i in range(60))
    assert extract_quantities(text)["norm_unit"].tolist() == ["CNY/night"] * 60


@pytest.mark.parametrize(
    ("text", "qualifier", "lower", "upper"),
    [
        ("百分之七八十", "range", 70, 80),  # a loose pair, as 七八个
        ("百分之二三十的农户", "range", 20, 30),
        ("约百分之七八十", "approx", NAN, NAN),
    ],
)
def test_a_loose_pair_after_baifenzhi_is_a_range(text, qualifier, lower, upper):
    row = one(text)
    assert row["qualifier"] == qualifier and same(bounds(row), (lower, upper))


# --- xrules5: bounds, mixed figures, ranges, yields and periods (issue 12, rates3's classes) ---


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "lo", "hi"),
    [
        ("一年下来顶多挣2万元", "2万元", "under", NAN, 20_000),  # a few words between
        ("这间房最多能住6人", "6人", "under", NAN, 6),
        ("每天至多采摘50斤", "50斤", "under", NAN, 25),
        ("补贴最多5000元", "最多5000元", "under", NAN, 5000),
        ("起码要花300元", "300元", "over", 300, NAN),
        ("一季最少能收八百斤", "八百斤", "over", 400, NAN),
        ("收入不会超过5000元", "不会超过5000元", "under", NAN, 5000),  # not 超过: over
        ("每亩租金不得超过800元", "不得超过800元", "under", NAN, 12_000),
        ("价格不会低于3元一斤", "不会低于3元一斤", "over", 6, NAN),
        ("补贴上限为5000元", "上限为5000元", "under", NAN, 5000),
        ("分红5000元封顶", "5000元封顶", "under", NAN, 5000),
    ],
)
def test_at_most_and_at_least_words_bound_the_figure(text, span, qualifier, lo, hi):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, qualifier)
    assert same((row["norm_lower"], row["norm_upper"]), (lo, hi))


@pytest.mark.parametrize(
    "text",
    [
        "分红最多的农户达到4140元",  # the household with the most: its sum
        "最少的也分到了1200元",
        "最多的时候有1100人",
        "游客最多时达3000人",
        "最多的一个月赚到6000元",
        "顶多半天，收入2000元",  # a clause break between
        "每户最高能分到36300元",  # the largest share paid: a value (the unseen list)
        "淡旺季价差最高达3倍",
    ],
)
def test_the_most_and_the_least_of_a_distribution_are_values(text):
    assert extract_quantities(text)["qualifier"].iloc[-1] == "exact"


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("手快的能挣七、八千元", "七、八千元", 7000, 8000),
        ("来了二、三十人", "二、三十人", 20, 30),
        ("再住三、四天", "三、四天", 3, 4),
        ("每亩能收八、九百斤", "八、九百斤", 6000, 6750),  # per 亩 (每亩 leads its clause)
    ],
)
def test_a_loose_pair_written_with_a_list_mark_is_a_range(text, span, lo, hi):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, "range")
    assert (row["norm_lower"], row["norm_upper"]) == (lo, hi)


def test_at_least_before_a_loose_pair_is_its_first_figure():
    row = extract_quantities("在这里干两个月，起码能挣四、五千元").iloc[-1].to_dict()
    assert (row["text"], row["qualifier"]) == ("四、五千元", "over")
    assert same(bounds(row), (4000, NAN))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("获得第二、三名", []),  # ordinals
        ("三、四、五个村", ["五个"]),  # a longer list: no pair
        ("分别为3、5个", ["5个"]),  # digits listed, not a loose pair
        ("五、七个人", ["七个人"]),  # not neighbours
        ("一、二产业融合", []),
        ("在四、五组实施", []),  # village groups named in a list
        ("吉庆村七组、八组实施改革", []),
    ],
)
def test_a_list_mark_between_numerals_is_no_pair_otherwise(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("家里种了一亩两分田", "一亩两分", 1.2 / 15, "ha"),  # a 分 is a tenth of a 亩
        ("流转了三亩五分地", "三亩五分", 3.5 / 15, "ha"),
        ("我家有一畝半的土地", "一畝半", 1.5 / 15, "ha"),
        ("每天干两个半小时", "两个半小时", 2.5, "hour"),
        ("一个半小时就到", "一个半小时", 1.5, "hour"),
        ("培训了三个半月", "三个半月", 3.5, "month"),
        ("坚持了两年半", "两年半", 2.5, "year"),
        ("一斤半猪肉", "一斤半", 0.75, "kg"),
        ("产量翻了一倍半", "一倍半", 150, "percent"),
    ],
)
def test_a_half_or_a_tenth_after_the_unit_is_part_of_the_figure(text, span, value, unit):
    row = one(text)
    assert (row["text"], row["norm_unit"], row["qualifier"]) == (span, unit, "exact")
    assert math.isclose(row["norm_value"], value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("三亩半价出租", ["三亩"]),  # 半价: half price, a word of its own
        ("一年半载回不来", []),  # a saying
        ("每亩两分红", []),  # 分红 is no tenth (and 两 alone is no figure here)
        ("一亩三分地", []),  # the saying
        ("走了五公里半山腰", ["五公里"]),
    ],
)
def test_half_and_fen_starting_a_word_are_not_part_of_the_figure(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("再过三四天就找不到人了", "三四天", "range"),  # after three or four days
        ("过两年再说", "两年", "exact"),
        ("她赚到过6000多元", "6000多元", "plus"),  # had earned: the verb's 过
        ("每年能拿到过万元的分红", "过万元", "over"),  # but 过万 is over ten thousand
        ("又过了一年", None, None),
        ("这座古寨历史过百年", "过百年", "over"),  # over a hundred years
        ("月收入过万元", "过万元", "over"),
        ("过6000元就要交税", "过6000元", "over"),
    ],
)
def test_guo_before_a_time_or_after_a_verb_is_no_bound(text, span, qualifier):
    df = extract_quantities(text)
    if span is None:
        assert df.empty
        return
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, qualifier)


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("每月可以拿到3-4000元工资", 3000, 4000),
        ("一天2-300元", 200, 300),
        ("三到四千元", 3000, 4000),
        ("3至5000元", 3000, 5000),  # 三五千
        ("人数在5-600人", 500, 600),
    ],
)
def test_a_one_digit_first_end_takes_the_place_of_the_second(text, lo, hi):
    row = one(text)
    assert (row["value"], row["lower"], row["upper"]) == (lo, lo, hi)


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [("3-9000元", 3, 9000), ("1-1000元", 1, 1000), ("2-50元", 2, 50), ("5-4500元", 5, 4500)],
)
def test_a_one_digit_first_end_keeps_its_value_otherwise(text, lo, hi):
    row = one(text)
    assert (row["lower"], row["upper"]) == (lo, hi)


@pytest.mark.parametrize(
    ("text", "span", "unit", "bounds_"),
    [
        ("蔬菜价格去年只有一元", "一元", "CNY", (1, 1)),
        ("一块钱一斤", "一块钱一斤", "CNY/kg", (2, 2)),
        ("有一个多小时的午休时间", "一个多小时", "hour", (1, 2)),
        ("等了一个多月", "一个多月", "month", (1, 2)),
        ("全县10万民众忙着采茶", "10万民众", "person", (100_000, 100_000)),
        ("公司有300余员工", "300余员工", "person", (300, 400)),
    ],
)
def test_one_yuan_more_than_an_hour_and_counted_nouns(text, span, unit, bounds_):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, unit)
    assert (row["norm_lower"], row["norm_upper"]) == bounds_


@pytest.mark.parametrize(
    "text",
    [
        "推进一元化管理",
        "一元复始，万象更新",
        "农家四周都是油菜花",
        "他环顾四周",
        "租了一辆7座的小面包车",
        "一台5座轿车",
    ],
)
def test_words_holding_a_numeral_and_unit_are_no_figures(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [("培训四周时间", "四周"), ("十四周后", None), ("建了3座大桥", "3座"), ("有四座车间", "四座")],
)
def test_weeks_and_buildings_are_still_counted(text, span):
    assert texts(text) == ([span] if span else [])


@pytest.mark.parametrize(
    ("text", "span", "unit", "lo", "hi"),
    [
        ("工钱从60元/天至250元/天不等", "60元/天至250元/天", "CNY/day", 60, 250),
        ("每晚300元/间至500元/间", "每晚300元/间至500元/间", "CNY/room/night", 300, 500),
        ("一天人工费150--200元/人", "150--200元/人", "CNY/person/day", 150, 200),
        ("价格在200–300元之间", "200–300元", "CNY", 200, 300),  # en dash
        ("价格在200〜300元之间", "200〜300元", "CNY", 200, 300),  # wave dash
        ("价格在２００～３００元之间", "２００～３００元", "CNY", 200, 300),  # full width
        ("投资3——5万元", "3——5万元", "CNY", 30_000, 50_000),
        ("租金800－1000元/亩", "800－1000元/亩", "CNY/ha", 12_000, 15_000),
        ("收入3万−5万元", "3万−5万元", "CNY", 30_000, 50_000),  # a minus sign
    ],
)
def test_range_marks_and_a_rate_on_both_ends(text, span, unit, lo, hi):
    row = one(text)
    assert (row["text"], row["norm_unit"], row["qualifier"]) == (span, unit, "range")
    assert (row["norm_lower"], row["norm_upper"]) == (lo, hi)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("工资100元/天至3000元/月", ["100元/天", "3000元/月"]),  # two rates: two figures
        ("2019–2023年", []),  # years
        ("电话0851–8888", []),
    ],
)
def test_range_marks_between_other_things_make_no_range(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("太子参亩产能抵达400斤左右", "kg/ha"),  # a modal and verb between
        ("魔芋每亩产量大概在1.5吨左右", "t/ha"),
        ("每亩上品果产量约6000公斤", "kg/ha"),  # the crop between
        ("一亩地产高粱600斤到800斤", "kg/ha"),  # the crop after 产
        ("每亩茶园产干茶50公斤", "kg/ha"),
        ("亩均年产量超过4000公斤", "kg/ha/year"),
        ("合作社年产金银花600万公斤", "kg/year"),  # 年产 X: a rate of output
        ("每年产茶叶30吨", "t/year"),
    ],
)
def test_a_weight_after_a_yield_word_is_per_mu_or_per_year(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    "text",
    [
        "300亩茶园产茶50吨",  # the output of 300 亩, not per 亩
        "十一亩地产茶300斤",
        "2020年产茶50吨",  # a dated year's output
        "去年产茶30吨",
        "近年产量达500吨",
        "基地年产量达2万余斤",  # 年产量: one year's sum (the seed and rates2 lists)
        "每亩补贴300元，产茶50吨",  # another clause
    ],
)
def test_a_weight_with_no_yield_word_of_its_own_is_a_weight(text):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == "t" or (
        extract_quantities(text)["norm_unit"].iloc[-1] == "kg"
    )


def test_a_parallel_weight_after_a_yield_shares_its_rate():
    df = extract_quantities("每亩上品果产量约6000公斤，次品果3000公斤左右。")
    assert df["norm_unit"].tolist() == ["kg/ha", "kg/ha"]
    df = extract_quantities("亩产鲜果2000斤、干果500斤")
    assert df["norm_unit"].tolist() == ["kg/ha", "kg/ha"]


@pytest.mark.parametrize(
    "text",
    [
        "每亩产量1000斤，共卖出3000斤",  # a total
        "每亩产量1000斤，收购了3000斤",  # a verb of its own
        "亩产1000斤，去年全村收获了3万斤",  # too far, its own verb
        "亩产1000斤。次品果3000斤",  # another sentence
    ],
)
def test_a_weight_after_a_yield_with_its_own_verb_or_total_is_a_weight(text):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == "kg"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("拾花客一天摘80公斤棉花赚150元钱", "CNY/day"),  # the pay for a day's work
        ("她一天可以摘80公斤棉花，赚到150多元钱", "CNY/day"),
        ("工人每小时能栽200株，工钱30元", "CNY/hour"),
        ("每年种植300亩茶叶，收入20万元", "CNY/year"),
        ("每个月养殖500只鸡能挣3000元", "CNY/month"),
        # a lead clause of a day's work, no figure of work (xrates7; rates7's convention)
        ("一天采了两袋，挣了80元", "CNY/day"),
    ],
)
def test_a_sum_earned_for_work_done_in_a_stated_period_is_per_that_period(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


@pytest.mark.parametrize(
    "text",
    [
        "去年种植300亩，收入20万元",  # a dated year's
        "在这里干两个月，挣了5000元",  # a season: no canonical period
        "每天请20名工人，村集体支付工资2000元",  # a holder's sum
        "每天接待游客2000人。门票收入4万元",  # another sentence
        # (每亩产量1000斤，收入3000元 is no period either, but per 亩: test_extract_rules22)
        "一天摘80公斤，全年总收入3万元",  # a total of the year
    ],
)
def test_a_sum_after_work_without_a_period_of_its_own_keeps_no_period(text):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == "CNY"


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "去年一年打工我收入了9000多元，再加上土地流转费和分红，总共有1万多元的收入",
            ["CNY/year", "CNY/year"],
        ),
        ("每月工资3000元，加上奖金一共4000元", ["CNY/month", "CNY/month"]),
        ("全年收入6.2万元", ["CNY/year"]),  # a year's income, as 年收入
    ],
)
def test_a_total_of_a_periods_sums_is_that_periods(text, units):
    assert extract_quantities(text)["norm_unit"].tolist() == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("人均收入1.5万元，总共有30万元", ["CNY/person", "CNY"]),  # a total of many heads
        ("每年分红2万元，村集体总收入50万元", ["CNY/year", "CNY"]),  # a holder's total
        ("每月工资3000元，一共发了36万元", ["CNY/month", "CNY"]),  # far above the sum before
        ("2023年全年收入6.2万元", ["CNY"]),  # a dated year
        ("全年累计收入423万余元", ["CNY"]),
    ],
)
def test_other_totals_keep_no_period(text, units):
    assert extract_quantities(text)["norm_unit"].tolist() == units


@pytest.mark.parametrize(
    ("text", "units", "values"),
    [
        ("蔬菜价格从去年的一元增加到了1.6元一斤", ["CNY/kg", "CNY/kg"], [2, 3.2]),
        ("租金从300元涨到500元/亩", ["CNY/ha", "CNY/ha"], [4500, 7500]),
        ("收购价从2元降至1.5元/斤", ["CNY/kg", "CNY/kg"], [4, 3]),
    ],
)
def test_the_first_end_of_a_from_to_pair_takes_the_rate_written_on_the_second(text, units, values):
    df = extract_quantities(text)
    assert df["norm_unit"].tolist() == units
    assert df["norm_value"].tolist() == values


@pytest.mark.parametrize(
    "text",
    [
        "他花了300元，买了5元一斤的菜",  # no 从 … 到
        "从300元，涨到500元/亩",  # a clause break between
        "投入300元买了5元一斤的种子",
        "从村里拿了300元买到5元一斤的菜",  # 买到: no change of a price
    ],
)
def test_a_sum_before_a_rated_sum_keeps_no_rate_otherwise(text):
    assert extract_quantities(text)["norm_unit"].iloc[0] == "CNY"


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("通铺每床每晚50元", "每床每晚50元", "CNY/bed/night"),
        ("床位费每床100元", "每床100元", "CNY/bed"),
        ("每张床每晚60元", "每晚60元", "CNY/bed/night"),  # 每张床 from the clause
        ("加床80元/床", "80元/床", "CNY/bed"),
        ("租金１２００元／亩", "１２００元／亩", "CNY/ha"),  # a full-width slash
    ],
)
def test_per_bed_and_a_full_width_slash(text, span, unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, unit)


def test_beds_counted_are_no_rate():
    assert one("民宿有床位100张")["norm_unit"] == "count:张"
    assert one("共有50床")["norm_unit"] == "count:床"


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("月收入2000余元至3000余元", 2000, 4000),  # 3000余 runs to 4000
        ("收入200多元到300多元", 200, 400),
        ("分红十多万到二十多万元", 100_000, 300_000),
        ("工资2000元至3000余元", 2000, 4000),
        ("2000余元至3000元", 2000, 3000),
    ],
)
def test_a_range_with_yu_or_duo_on_its_ends(text, lo, hi):
    row = one(text)
    assert (row["qualifier"], row["lower"], row["upper"]) == ("range", lo, hi)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("住在3栋2单元", []),
        ("5组3号农户", []),
        ("2号楼", []),
        ("建了3栋楼，2栋已完工", ["3栋", "2栋"]),
        ("新建两座桥", ["两座"]),
    ],
)
def test_an_address_is_no_count(text, found):
    assert texts(text) == found


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("自家有10口人", "10口人", "person"),
        ("养活了全村上千口人", "上千口人", "person"),
        ("打了3口井", "3口", "count:口"),
    ],
)
def test_kou_counts_people_or_wells(text, span, unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (span, unit)


@pytest.mark.parametrize("text", ["八一口岸", "一口气跑完", "三口味", "老两口开了民宿", "小两口"])
def test_kou_starting_a_word_is_no_unit(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("每吨收购价2000元", "CNY/t"),
        ("一吨能卖3000元", "CNY/t"),
        ("每平方米租金20元", "CNY/m2"),
    ],
)
def test_a_price_per_tonne_or_square_metre_from_its_clause(text, unit):
    assert extract_quantities(text)["norm_unit"].iloc[-1] == unit


def test_a_weight_in_another_clause_is_no_price_word():
    assert extract_quantities("收了一吨多，卖了3000元")["norm_unit"].tolist() == ["t", "CNY"]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("月薪3000元起步", "3000元起步", "over"),  # from 3000
        ("每晚300元起的民宿", "每晚300元起", "over"),
        ("起步价10元", "10元", "exact"),  # the price named
        ("3年起步", "3年", "exact"),  # not money
    ],
)
def test_a_price_from_x(text, span, qualifier):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (span, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "坚持五位一体总体布局",
        "协调推进四个全面战略布局",
        "践行三个代表重要思想",
        "做到两个维护",
        "实施五个一批工程",
        "落实八项规定精神",
    ],
)
def test_political_slogans_with_a_classifier_are_no_counts(text):
    assert texts(text) == []


def test_a_count_of_representatives_is_still_a_count():
    assert texts("请来三个代表发言") == ["三个"]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("玉米亩产从400公斤增加到600公斤", ["kg/ha", "kg/ha"]),  # a change of the yield
        ("亩产400公斤，卖了600公斤", ["kg/ha", "kg"]),
        ("一个床位一晚50元", ["CNY/bed/night"]),
        ("合作社年销售额达500万元", ["CNY/year"]),  # as 年营业额
        ("2023年销售额达500万元", ["CNY"]),  # a dated year's
    ],
)
def test_a_changed_yield_a_bed_and_a_years_sales(text, units):
    assert extract_quantities(text)["norm_unit"].tolist() == units


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("十三、四岁的孩子", 13, 14),  # the tens shared
        ("来了一百二、三十人", 120, 130),
        ("两千五、六百元", 2500, 2600),
    ],
)
def test_a_loose_pair_with_a_list_mark_shares_its_higher_places(text, lo, hi):
    row = one(text)
    assert (row["qualifier"], row["lower"], row["upper"]) == ("range", lo, hi)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("年收入上万元，月入过万元", ["CNY/year", "CNY/month"]),  # 月入: a month's
        ("不乏年入百万元的茶企", ["CNY/year"]),
        ("采茶工日入300元", ["CNY/day"]),
        ("今年入股资金5万元", ["CNY"]),  # 入股, and a dated year
        ("2023年入选，获奖金5万元", ["CNY"]),
    ],
)
def test_nian_ru_and_yue_ru_are_a_periods_income(text, units):
    assert extract_quantities(text)["norm_unit"].tolist() == units


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "unit"),
    [
        ("春季的油菜加下來，不會超過5000元", "不會超過5000元", "under", "CNY"),
        ("三畝田頂多收3000斤稻穀", "3000斤", "under", "kg"),
        ("價格從2元漲到3元一斤", "2元", "exact", "CNY/kg"),
    ],
)
def test_the_new_words_read_in_traditional_characters(text, span, qualifier, unit):
    row = extract_quantities(text).iloc[-2 if "從" in text else -1].to_dict()
    assert (row["text"], row["qualifier"], row["norm_unit"]) == (span, qualifier, unit)


def test_a_vehicles_seats_in_traditional_characters():
    assert texts("租了一輛7座的小麵包車") == []


# 市斤, the market 斤 of price lists, is the same half kilogram as 斤, before and after a
# price and as a weight; not inside a word (城市斤两 is no figure).
@pytest.mark.parametrize(
    ("text", "surface", "norm", "norm_unit"),
    [
        ("今年茶青每市斤30元，比去年高。", "每市斤30元", 60.0, "CNY/kg"),
        ("去年只卖13元一市斤。", "13元一市斤", 26.0, "CNY/kg"),
        ("收购价为2.5元/市斤。", "2.5元/市斤", 5.0, "CNY/kg"),
        ("他家一天采了90市斤鲜叶。", "90市斤", 45.0, "kg"),
    ],
)
def test_the_market_jin_is_half_a_kilogram(text, surface, norm, norm_unit):
    found = extract_quantities(text)
    row = found[found["text"] == surface].iloc[0]
    assert (row["norm_value"], row["norm_unit"]) == (norm, norm_unit)


def test_the_market_jin_is_no_figure_inside_a_word():
    assert extract_quantities("城市斤两之间的账，他算得清。").empty


# --- xrules6: units the reader lacked (两, 分, 块/角/毛, 茬, 星期) ---------------------


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "norm", "norm_unit"),
    [
        ("单果重8两以上的为一级果", "8两以上", "over", (0.4, 0.4, NAN), "kg"),
        ("中果5两到8两，售价较低", "5两到8两", "range", (0.25, 0.25, 0.4), "kg"),
        ("个头在6两以下的只能做加工果", "6两以下", "under", (0.3, NAN, 0.3), "kg"),
        ("这棵人参足有12两重", "12两", "exact", (0.6, 0.6, 0.6), "kg"),
        ("一只鸡卖了三斤二两的价", "三斤二两", "exact", (1.6, 1.6, 1.6), "kg"),
        ("那条鱼称出来1斤6两", "1斤6两", "exact", (0.8, 0.8, 0.8), "kg"),
        ("明前茶卖到800元/两，", "800元/两", "exact", (16000, 16000, 16000), "CNY/kg"),
    ],
)
def test_liang_is_a_tenth_of_a_jin_after_a_number(text, surface, qualifier, norm, norm_unit):
    row = one(text)
    assert (row["text"], row["qualifier"], row["norm_unit"]) == (surface, qualifier, norm_unit)
    got = (row["norm_value"], row["norm_lower"], row["norm_upper"])
    assert same(tuple(round(x, 6) for x in got), norm)


@pytest.mark.parametrize(
    "text", ["两个合作社", "两年后", "两户人家", "两块田", "三两个人闲坐", "两两结对", "亿两"]
)
def test_liang_as_two_is_no_weight(text):
    assert "kg" not in extract_quantities(text)["norm_unit"].tolist()


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        ("最早只有2分地，", "2分", 2 / 150),
        ("房前屋后种了五分地的菜", "五分", 5 / 150),
        ("每户分到两分田", "两分", 2 / 150),
    ],
)
def test_fen_of_land_is_a_tenth_of_a_mu(text, surface, norm):
    row = one(text)
    assert (row["text"], row["unit"], row["norm_unit"]) == (surface, "分", "ha")
    assert math.isclose(row["norm_value"], norm)


@pytest.mark.parametrize(
    "text",
    ["大家十分地高兴", "考了90分", "年底分红3次", "三分之一的农户", "按工分计酬", "一亩三分地"],
)
def test_fen_elsewhere_is_no_land(text):
    assert "分" not in extract_quantities(text)["unit"].tolist()


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "norm", "norm_unit"),
    [
        ("辣椒收购价两块一斤，", "两块一斤", 2, "块/斤", 4, "CNY/kg"),
        ("白菜一块七角一斤。", "一块七角一斤", 1.7, "块/斤", 3.4, "CNY/kg"),
        ("土豆5角钱一斤。", "5角钱一斤", 5, "角钱/斤", 1, "CNY/kg"),
        ("萝卜才八毛一斤，", "八毛一斤", 8, "毛/斤", 1.6, "CNY/kg"),
        ("鸡蛋卖三块五。", "三块五", 3.5, "块", 3.5, "CNY"),
        ("一天能挣一百二十块。", "一百二十块", 120, "块/天", 120, "CNY/day"),
        ("玉米卖到一块二，", "一块二", 1.2, "块", 1.2, "CNY"),
        ("一斤只卖五毛钱。", "五毛钱", 5, "毛钱/斤", 1, "CNY/kg"),
    ],
)
def test_money_in_kuai_jiao_and_mao(text, surface, value, unit, norm, norm_unit):
    df = extract_quantities(text)
    row = df[df["text"] == surface].iloc[0]
    assert (row["value"], row["unit"]) == (value, unit)
    assert (round(row["norm_value"], 6), row["norm_unit"]) == (norm, norm_unit)


@pytest.mark.parametrize(
    "text",
    ["家门口有两块田", "三块田组的村民", "一块地种玉米", "我们一块去赶集", "三角形的屋顶", "毛竹林",
     "加快融入长三角，", "珠三角。", "剩下三毛。",
     "一角落里", "三毛的书"],
)  # fmt: skip
def test_kuai_jiao_mao_before_a_noun_are_no_money(text):
    assert not any(u.startswith(("块", "角", "毛")) for u in extract_quantities(text)["unit"])


@pytest.mark.parametrize(
    ("text", "surface", "lo", "hi", "unit", "norm_unit"),
    [
        ("今年还能采收兩茬。", "兩茬", 2, 2, "茬", "count:茬"),
        ("水稻一年种三茬", "三茬", 3, 3, "茬", "count:茬"),
        ("住了两个星期就走了", "两个星期", 2, 2, "个星期", "week"),
        ("培训了一个多星期。", "一个多星期", 1, 2, "个星期", "week"),
        ("花了三个礼拜才修好", "三个礼拜", 3, 3, "个礼拜", "week"),
    ],
)
def test_harvests_and_weeks(text, surface, lo, hi, unit, norm_unit):
    row = one(text)
    assert (row["text"], row["lower"], row["upper"]) == (surface, lo, hi)
    assert (row["unit"], row["norm_unit"]) == (unit, norm_unit)


@pytest.mark.parametrize("text", ["每个星期一开会", "星期六休息", "调整茬口", "这个星期很忙"])
def test_weekdays_and_rotation_slots_are_no_quantity(text):
    assert extract_quantities(text).empty


# --- xrules6: bound words and loose numbers -----------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "lo", "hi"),
    [
        ("一年下来差不多有21万元", "差不多有21万元", "approx", NAN, NAN),
        ("最低也能卖7-8千元", "最低也能卖7-8千元", "over", 7000, NAN),
        ("最快也得1.5小时", "最快也得1.5小时", "over", 1.5, NAN),
        ("最少也有300多人来", "300多人", "over", 300, NAN),
        ("最短也要三个月", "最短也要三个月", "over", 3, NAN),
        ("最高也就3000元", "最高也就3000元", "under", NAN, 3000),
        ("最多也不过两年", "两年", "under", NAN, 2),
        ("最长都不超过20天", "不超过20天", "under", NAN, 20),
    ],
)
def test_even_the_lowest_or_highest_is_a_bound(text, surface, qualifier, lo, hi):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (surface, qualifier)
    assert same(bounds(row), (lo, hi))


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("最高的一户分了5万元", "5万元"),
        ("每户最高能分到36300元", "36300元"),
        ("最低工资1800元", "1800元"),
        ("淡旺季价差最高达3倍", "3倍"),
    ],
)
def test_the_top_or_bottom_of_several_values_stays_a_value(text, surface):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (surface, "exact")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("茶青卖到百把块钱一斤", "百把块钱一斤", 100, "块钱/斤"),
        ("来了千把人", "千把人", 1000, "人"),
        ("一年能挣万把块", "万把块", 10000, "块/年"),
    ],
)
def test_bai_ba_is_about_a_hundred(text, surface, value, unit):
    row = one(text)
    assert (row["text"], row["value"], row["unit"], row["qualifier"]) == (
        surface, value, unit, "approx",
    )  # fmt: skip


@pytest.mark.parametrize("text", ["一百把椅子", "两千把锄头"])
def test_ba_after_a_whole_number_is_a_classifier(text):
    assert "approx" not in extract_quantities(text)["qualifier"].tolist()


@pytest.mark.parametrize(
    ("text", "surface", "lo", "hi"),
    [
        ("“比往年还多了一两千元”。", "一两千元", 1000, 2000),
        ("他说：“一年能分红2万元，”", "2万元", 20000, 20000),
        ("“我们一天卖了三百斤”", "三百斤", 300, 300),
    ],
)
def test_figures_in_quoted_speech_are_read(text, surface, lo, hi):
    row = one(text)
    assert (row["text"], row["lower"], row["upper"]) == (surface, lo, hi)


@pytest.mark.parametrize("text", ["推行“十户联体”", "“四在农家”示范点", "“红十二条”"])
def test_numerals_in_quoted_names_stay_out(text):
    assert extract_quantities(text).empty


@pytest.mark.parametrize(
    ("text", "surface", "lo", "hi"),
    [
        ("住1―2个月左右", "1―2个月左右", 1, 2),
        ("3‒5万元", "3‒5万元", 30000, 50000),
        ("200‐300元", "200‐300元", 200, 300),
    ],
)
def test_other_dashes_mark_ranges(text, surface, lo, hi):
    row = one(text)
    assert (row["text"], row["lower"], row["upper"], row["qualifier"]) == (surface, lo, hi, "range")


# --- xrules6: counts of a people, durations after a verb, seats and clock times -----------


@pytest.mark.parametrize(
    ("text", "surface", "unit", "lo", "hi"),
    [
        ("全村6000余苗族同胞歌声四起", "6000余苗族同胞", "苗族同胞", 6000, 7000),
        ("先后有4000多重庆人到此避暑", "4000多重庆人", "重庆人", 4000, 5000),
        ("吸引了300多外地人", "300多外地人", "外地人", 300, 400),
        ("村里还有200多老人", "200多老人", "老人", 200, 300),
        ("1万余藏族同胞参加", "1万余藏族同胞", "藏族同胞", 10000, 20000),
    ],
)
def test_a_people_counted_by_its_noun(text, surface, unit, lo, hi):
    row = one(text)
    assert (row["text"], row["unit"], row["norm_unit"]) == (surface, unit, "person")
    assert (row["lower"], row["upper"]) == (lo, hi)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("100多户人家", ["household"]),
        ("3000多亩人工林", ["ha"]),
        ("20多年人均收入翻番", ["year"]),
    ],
)
def test_a_people_noun_is_tried_after_every_unit(text, units):
    assert extract_quantities(text)["norm_unit"].tolist() == units


@pytest.mark.parametrize(
    ("text", "surface", "norm_unit"),
    [
        ("等茶叶投产三年后，产出归农户", "三年", "year"),
        ("合作社成立5年后开始分红", "5年", "year"),
        ("到这里来一个多星期后，身体好多了", "一个多星期", "week"),
        ("住两个月后就回城了", "两个月", "month"),
        ("至今已有2300年历史", "2300年", "year"),
        ("这座古寨已有1200年的历史", "1200年", "year"),
        ("传承了600多年之久", "600多年", "year"),
    ],
)
def test_a_duration_after_a_verb_or_an_age(text, surface, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (surface, norm_unit)


@pytest.mark.parametrize(
    "text", ["两年后", "后来两年后又搬走了", "2023年的历史性突破", "2000年以前", "三年以后再说"]
)
def test_relative_time_and_dates_stay_out(text):
    assert "year" not in extract_quantities(text)["norm_unit"].tolist()


@pytest.mark.parametrize(
    "text",
    ["2007年08月07日 07:19 人民网", "我们乘六人坐的小巴", "租了一辆7座的面包车", "坐19座大巴",
     "5人座的车", "收入都一年比一年多", "日子一天比一天好"],
)  # fmt: skip
def test_seats_clock_times_and_year_after_year_are_no_quantity(text):
    assert extract_quantities(text).empty


@pytest.mark.parametrize(
    ("text", "surfaces", "units"),
    [
        # the stay of one month is the period of the sum after it (xrates7)
        ("住1个月每人3000元", ["1个月", "每人3000元"], ["month", "CNY/person/month"]),
        ("干3天每人500元", ["3天", "每人500元"], ["day", "CNY/person"]),
        ("每人300元，", ["每人300元"], ["CNY/person"]),
        ("房型1：201元", ["201元"], ["CNY"]),
        ("1100多人的车田村", ["1100多人"], ["person"]),
        ("4人座位", ["4人"], ["person"]),
    ],
)
def test_a_per_word_before_a_number_starts_the_next_figure(text, surfaces, units):
    df = extract_quantities(text)
    assert (df["text"].tolist(), df["norm_unit"].tolist()) == (surfaces, units)


# --- xrules6: rates from the sentence -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a clause starting with 一亩 says what the year's income after it is per
        ("一亩地一年能有多少收入？\n一亩玉米，年收入680元。", ["CNY/ha/year"]),
        ("一亩茶园，每年收入3000多元", ["CNY/ha/year"]),
        # 一亩 just before what one 亩 earns
        ("一亩毛收入6000到8000元。", ["CNY/ha"]),
        ("一亩地的租金500元", ["CNY/ha"]),
        # the household that got the most, and the sum restated after it
        (
            "潘家一家连续几年都分得最多，今年共分得5.8万元，比去年多了2000元。",
            ["CNY/household"] * 2,
        ),
        ("分红最多的一户，拿到了8000元。", ["CNY/household"]),
        # wage work is not per 亩 of an earlier clause
        ("土地流转费每亩每年100元，在茶园务工每天还有70元—100元的收入", ["CNY/ha/year", "CNY/day"]),
        # an item line takes nothing from the line before; a worked total is no rate
        ("- 早餐：20元/人/天\n- 门票：100元/人\n", ["CNY/person/day", "CNY/person"]),
        ("- 标准间：400元/晚 × 3晚 = 1200元", ["CNY/night", "CNY"]),
        ("共计：300元/人×2人=600元", ["CNY/person", "CNY"]),
    ],
)
def test_rates_the_sentence_states(text, units):
    df = extract_quantities(text)
    assert df[df["unit"].str.contains("元")]["norm_unit"].tolist() == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("一亩多地，收入3000元", ["CNY"]),  # 一亩多 is an area, not a denominator
        ("他家一年收入最高，达到5万元", ["CNY"]),  # not per household: 他家 is one
        ("全村分红最多的一年，共分了50万元", ["CNY"]),
        ("每亩每年100元，全村一共收入20万元", ["CNY/ha/year", "CNY"]),
        ("拿到了每亩667元的保底收益，年底还拿到了2600多元的分红", ["CNY/ha", "CNY"]),
        ("一亩租金是300元每年，干一天就有100多元工钱", ["CNY/ha/year", "CNY/day"]),
    ],
)
def test_no_rate_where_the_sentence_states_none(text, units):
    df = extract_quantities(text)
    assert df[df["unit"].str.contains("元")]["norm_unit"].tolist() == units


# --- xrules7: spaced 多, 角/毛 after a price's denominator, ranges, bounds and names --------


@pytest.mark.parametrize(
    ("text", "surface", "lo", "hi", "norm_unit"),
    [
        ("合作社在 3000 多亩坡地上种茶", "3000 多亩", 3000, 4000, "ha"),
        ("寨子里住着 600 余人", "600 余人", 600, 700, "person"),
        ("现有社员 120 余户", "120 余户", 120, 130, "household"),
        ("他一天能挣 80 多元", "80 多元", 80, 90, "CNY/day"),
        ("全村 12 多亩水田", "12 多亩", 12, 13, "ha"),
    ],
)
def test_a_space_between_digits_and_duo_is_layout(text, surface, lo, hi, norm_unit):
    row = one(text)
    assert (row["text"], row["lower"], row["upper"], row["qualifier"]) == (surface, lo, hi, "plus")
    assert row["norm_unit"] == norm_unit


@pytest.mark.parametrize("text", ["截至 2019 多家企业入驻", "记者 2023 多方走访", "一百 多"])
def test_a_year_before_a_spaced_duo_is_no_figure(text):
    assert extract_quantities(text).empty


@pytest.mark.parametrize(
    ("text", "surface", "value", "hi", "unit", "norm_unit"),
    [
        ("按重量算，每斤两角到三角之间。", "每斤两角到三角", 2, 3, "角/斤", "CNY/kg"),
        ("收购价每斤6角至8角，", "每斤6角至8角", 6, 8, "角/斤", "CNY/kg"),
        ("青菜每斤八毛。", "每斤八毛", 8, 8, "毛/斤", "CNY/kg"),
        ("采茶工钱是5毛钱1斤，", "5毛钱1斤", 5, 5, "毛钱/斤", "CNY/kg"),
        ("散装的2元1公斤", "2元1公斤", 2, 2, "元/公斤", "CNY/kg"),
        ("一毛钱一斤也没人要", "一毛钱一斤", 1, 1, "毛钱/斤", "CNY/kg"),
    ],
)
def test_jiao_and_mao_with_a_price_denominator_before_or_after(
    text, surface, value, hi, unit, norm_unit
):
    row = one(text)
    assert (row["text"], row["value"], row["upper"]) == (surface, value, hi)
    assert (row["unit"], row["norm_unit"]) == (unit, norm_unit)


@pytest.mark.parametrize(
    "text",
    [
        "从长三角到珠三角，",
        "长三角、珠三角",
        "画一个三角到边上",
        "每块三角形地",
        "剩三毛，",
        "一角到处是灰",
        "一个三角，",
    ],
)
def test_jiao_and_mao_without_a_price_are_no_money(text):
    assert not any(u.startswith(("角", "毛")) for u in extract_quantities(text)["unit"])


def test_jiao_after_one_jin_is_its_price():
    # 一斤 touching its price is in the price's span (tests/test_extract_rules23.py: 一斤12元)
    df = extract_quantities("辣椒一斤三毛，")
    assert df["text"].tolist() == ["一斤三毛"]
    assert df["norm_unit"].tolist() == ["CNY/kg"]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("收了300斤1斤也没卖", ["300斤", "1斤"]),  # a weight after a weight is its own
        ("花了5元1000斤", ["5元", "1000斤"]),  # 1000斤 is no denominator
        ("种了20亩1年", ["20亩", "1年"]),
    ],
)
def test_one_and_a_weight_is_a_denominator_after_money_only(text, surfaces):
    assert extract_quantities(text)["text"].tolist() == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "lo", "hi", "unit"),
    [
        ("亩产量:1800-1500斤", "1800-1500斤", 1500, 1800, "斤"),
        ("收入在8000至6000元之间", "8000至6000元", 6000, 8000, "元"),
        ("一袋约1200-1500粒", "约1200-1500粒", 1200, 1500, "粒"),
        ("每株挂果30到40颗", "30到40颗", 30, 40, "颗"),
    ],
)
def test_ranges_high_to_low_and_counts_of_grains(text, surface, lo, hi, unit):
    df = extract_quantities(text)
    row = df[df["text"] == surface].iloc[0]
    assert (row["lower"], row["upper"], row["qualifier"], row["unit"]) == (lo, hi, "range", unit)


@pytest.mark.parametrize("text", ["2019-2018年", "3000-3000元"])
def test_no_range_of_years_or_of_equal_ends(text):
    assert "range" not in extract_quantities(text)["qualifier"].tolist()


@pytest.mark.parametrize(
    ("text", "surfaces", "qualifiers"),
    [
        ("集体收入从不足5万元到120万元", ["不足5万元", "120万元"], ["under", "exact"]),
        ("人均收入由不到3000元到2万元", ["不到3000元", "2万元"], ["under", "exact"]),
        ("从超过10吨到近20吨", ["超过10吨", "近20吨"], ["over", "under"]),
        # an approximate range stays one range (约 in its span), as does a bound before a
        # range without a first unit
        ("约3万元到5万元", ["约3万元到5万元"], ["range"]),
        ("费用在2至3万元", ["2至3万元"], ["range"]),
    ],
)
def test_a_bound_with_its_unit_before_a_range_mark_is_two_figures(text, surfaces, qualifiers):
    df = extract_quantities(text)
    assert df["text"].tolist()[-len(surfaces) :] == surfaces
    assert df["qualifier"].tolist()[-len(surfaces) :] == qualifiers


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "lo", "hi"),
    [
        ("去年销售额超过了500万元", "超过了500万元", "over", 5_000_000, NAN),
        ("游客人数突破了10万人次", "突破了10万人次", "over", 100_000, NAN),
        ("产量超出了3000斤", "超出了3000斤", "over", 3000, NAN),
    ],
)
def test_le_between_a_bound_word_and_the_figure(text, surface, qualifier, lo, hi):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (surface, qualifier)
    assert same(bounds(row), (lo, hi))


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "norm"),
    [
        ("近三成村庄没有集体收入", "近三成", "under", 30),
        ("六成村落保留了古建筑", "六成", "exact", 60),
        ("含糖量是普通水果的百倍", "百倍", "exact", 10_000),
        ("产值增长了千倍", "千倍", "exact", 100_000),
    ],
)
def test_shares_before_a_village_noun_and_hundredfold(text, surface, qualifier, norm):
    row = one(text)
    assert (row["text"], row["qualifier"], row["norm_unit"]) == (surface, qualifier, "percent")
    assert row["norm_value"] == norm


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("六家村民合作社", ["六家"]),
        ("三座村庄连成一片", ["三座"]),
        ("小四台子村", []),  # a place name still
        ("五家畈的茶园", []),
    ],
)
def test_a_village_noun_after_a_count_is_no_place_name(text, surfaces):
    assert extract_quantities(text)["text"].tolist() == surfaces


@pytest.mark.parametrize(
    "text", ["队员们信心百倍", "身价百倍", "精神百倍地投入", "推行三股四分法，", "实行四股六分法"]
)
def test_epithets_and_method_names_are_no_quantity(text):
    assert extract_quantities(text).empty


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("合作社共四股，六人持股", ["四股", "六人"]),
        ("分成两股五人一组", ["两股", "五人"]),
        ("三股两万元", ["三股", "两万元"]),
    ],
)
def test_a_count_before_another_numeral_outside_a_method_name(text, surfaces):
    assert extract_quantities(text)["text"].tolist() == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        ("开车大约半小时就到", "大约半小时", 0.5, "小时", "approx"),
        ("培训了半个月", "半个月", 0.5, "个月", "exact"),
        ("每户种了半亩地的辣椒", "半亩", 0.5, "亩", "exact"),
        ("买了半斤新茶", "半斤", 0.5, "斤", "exact"),
        ("步行半个小时", "半个小时", 0.5, "个小时", "exact"),
    ],
)
def test_half_alone_before_an_hour_a_month_or_a_measure(text, surface, value, unit, qualifier):
    row = one(text)
    assert (row["text"], row["value"], row["unit"], row["qualifier"]) == (
        surface, value, unit, qualifier,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("上半年", []), ("下半年收入回升", []), ("大半个月没下雨", []), ("一年种粮半年饱", []),
        ("半夜才回家", []), ("半山腰的茶园", []), ("一半的农户", []), ("半斤八两", []),
        ("半个月后", []),  # relative time
        ("一个半小时", ["一个半小时"]), ("一亩半地", ["一亩半"]), ("三个半月", ["三个半月"]),
    ],
)  # fmt: skip
def test_half_in_a_date_a_saying_or_a_mixed_figure(text, surfaces):
    assert extract_quantities(text)["text"].tolist() == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("收购价每公斤2元5角，", "每公斤2元5角", 2.5, "元/公斤"),
        ("售价1元2毛一斤", "1元2毛一斤", 1.2, "元/斤"),
        ("一共卖了12元3角钱", "12元3角钱", 12.3, "元"),
    ],
)
def test_yuan_and_its_jiao_are_one_sum(text, surface, value, unit):
    row = one(text)
    assert (row["text"], row["value"], row["unit"]) == (surface, value, unit)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("一共5元，5角的不收", ["5元"]),  # 角 before a noun: no money
        ("2元5个", ["2元", "5个"]),  # 个 is no tenth of a 元
    ],
)
def test_yuan_before_other_figures_stays_whole(text, surfaces):
    assert extract_quantities(text)["text"].tolist() == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "norm_unit"),
    [
        ("合作社养殖中华蜂500箱，", "500箱", "count:箱"),
        ("每亩施复合肥3袋", "3袋", "count:袋"),
        ("一袋约5000粒", "约5000粒", "count:粒"),
        ("每株挂果30颗左右", "30颗左右", "count:颗"),
    ],
)
def test_boxes_bags_grains_and_fruits_are_counts(text, surface, norm_unit):
    row = one(text)
    assert (row["text"], row["norm_unit"]) == (surface, norm_unit)


@pytest.mark.parametrize("text", ["一箱箱包装好的黄瓜", "一袋袋魔芋", "摘下一颗果实"])
def test_a_lone_one_with_these_classifiers_is_an_article(text):
    assert extract_quantities(text).empty


@pytest.mark.parametrize(
    ("text", "surface", "lo", "hi"),
    [
        ("每亩租金约为600-800元。", "约为600-800元", 600, 800),
        ("日薪大约100至150元", "大约100至150元", 100, 150),
        ("今年大约三四万块钱的收入", "大约三四万块钱", 30000, 40000),
        ("海拔约七八百米", "约七八百米", 700, 800),
        ("約有20-30畝左右", "約有20-30畝左右", 20, 30),
    ],
)
def test_about_before_a_range_keeps_the_range_and_is_in_the_span(text, surface, lo, hi):
    row = one(text)
    assert (row["text"], row["lower"], row["upper"], row["qualifier"]) == (surface, lo, hi, "range")


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "lo", "hi"),
    [
        ("一年大约十万元", "大约十万元", "approx", NAN, NAN),  # about, no bounds
        ("费用不足2至3万元", "2至3万元", "range", 20000, 30000),  # a bound word stays out
        ("约有300人", "约有300人", "approx", NAN, NAN),
    ],
)
def test_about_before_a_single_figure_gives_no_bounds(text, surface, qualifier, lo, hi):
    row = one(text)
    assert (row["text"], row["qualifier"]) == (surface, qualifier)
    assert same(bounds(row), (lo, hi))
