"""Rules of branch xrates12 (issue 12: rate-unit miss classes of the rates14/rates15 lists),
on sentences written for them, near-misses included (where the rule must not change)."""

from __future__ import annotations

import pytest
from extract_readings import units


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the square-metre sign ㎡ (U+33A1) and m² as 平方米, in every rate form
        ("厂房租金为20元/㎡·月", [("20元/㎡·月", "CNY/m2/month")]),
        ("仓库租金18元/㎡/月", [("18元/㎡/月", "CNY/m2/month")]),
        ("租金12元/（㎡·月）", [("12元/（㎡·月）", "CNY/m2/month")]),
        ("租金12元/(㎡·月)", [("12元/(㎡·月)", "CNY/m2/month")]),
        ("廠房租金為20元/㎡·月", [("20元/㎡·月", "CNY/m2/month")]),
        ("商铺每㎡每月租金三十元", [("三十元", "CNY/m2/month")]),
        ("每㎡补助500元", [("500元", "CNY/m2")]),
        ("改造费用约800元/㎡", [("约800元/㎡", "CNY/m2")]),
        ("售价 6500 元/m²", [("6500 元/m²", "CNY/m2")]),
        ("租金为15元/平米·月", [("15元/平米·月", "CNY/m2/month")]),
        ("新建冷库1200㎡", [("1200㎡", "m2")]),
        ("房子建筑面积120m²", [("120m²", "m2")]),
        ("十m²", []),
        # ㎏ and ㎞, the signs of kg and km
        ("辣椒收购价为3元/㎏", [("3元/㎏", "CNY/kg")]),
        ("亩产达到500㎏", [("500㎏", "kg/ha")]),
        ("距县城15㎞", [("15㎞", "km")]),
        # the division slash ∕ (U+2215), the fraction slash ⁄ (U+2044), the full-width ／
        ("流转费150元∕畝", [("150元∕畝", "CNY/ha")]),
        ("流转费150元⁄亩", [("150元⁄亩", "CNY/ha")]),
        ("工钱100元／人／天", [("100元／人／天", "CNY/person/day")]),
        ("租金20元∕平方米∕月", [("20元∕平方米∕月", "CNY/m2/month")]),
        # · ・ • between an entity and its period
        ("租金20元/平方米・月", [("20元/平方米・月", "CNY/m2/month")]),
        ("租金20元/平方米•月", [("20元/平方米•月", "CNY/m2/month")]),
        ("租金20元/(平方米•月)", [("20元/(平方米•月)", "CNY/m2/month")]),
        # near-misses: must not change
        ("租金为20元/平方米·月", [("20元/平方米·月", "CNY/m2/month")]),
        ("共计300元。㎡数另算", [("300元", "CNY")]),
        ("收入3000元•月底结清", [("3000元", "CNY")]),
        ("日期2023∕5", []),
        ("比例为1⁄3", [("1⁄3", "percent")]),  # as 1/3
    ],
)
def test_square_metre_signs_and_slashes(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 户均/人均 before an area (面积) or a weight of grain or yield (粮食, 产量) with words
        # between: per household/person
        ("户均种植面积9.14亩", [("9.14亩", "ha/household")]),
        ("戶均種植面積9.14畝", [("9.14畝", "ha/household")]),
        ("户均种植烤烟面积十二亩", [("十二亩", "ha/household")]),
        ("户均经营面积达到12亩", [("12亩", "ha/household")]),
        ("全村人均茶园面积不足1亩", [("不足1亩", "ha/person")]),
        ("人均耕地面积为0.8亩", [("0.8亩", "ha/person")]),
        ("年人均糧食才100多斤", [("100多斤", "kg/person")]),
        ("户均茶园面积5.2亩", [("5.2亩", "ha/household")]),
        ("人均粮食产量500公斤", [("500公斤", "kg/person")]),
        ("人均占有粮食400多斤", [("400多斤", "kg/person")]),
        ("户均住房建筑面积120㎡", [("120㎡", "m2/household")]),
        ("劳均承包面积3亩", [("3亩", "ha/person")]),
        # as before: the land word attached, money, counts
        ("人均耕地1.2亩", [("1.2亩", "ha/person")]),
        ("人均增收2000元", [("2000元", "CNY/person")]),
        ("户均养殖生猪20头", [("20头", "count:头")]),
        # near-misses: a verb alone (as test_extract_rate_rules), a weight with 面积, an area
        # with 产量
        ("人均种植3亩", [("3亩", "ha")]),
        ("户均种植烤烟十二亩", [("十二亩", "ha")]),
        ("户均出售生猪2000斤", [("2000斤", "kg")]),
        ("人均粮食种植面积3亩", [("3亩", "ha/person")]),
        # near-misses: a clause break, 的, or 两户均 (both households) between
        ("人均收入提高，种植面积500亩", [("500亩", "ha")]),
        ("人均收入最高的种植大户有30亩", [("30亩", "ha")]),
        ("两户均种植烤烟20亩", [("两户", "household"), ("20亩", "ha")]),
        ("户均增收的同时扩种辣椒3000亩以上", [("3000亩以上", "ha")]),
    ],
)
def test_avg_before_an_area_or_weight_with_words_between(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 斤价, 公斤价, 吨价, 亩租 leading a sum: a price per 斤 (公斤, 吨), a rent per 亩
        # (attached, in the span as 人均2000元; apart, the clause's word)
        ("今年烤烟平均斤价22.18元", [("斤价22.18元", "CNY/kg")]),
        ("今年烤煙平均斤價22.18元", [("斤價22.18元", "CNY/kg")]),
        ("平均斤价为22.18元", [("22.18元", "CNY/kg")]),
        ("收购均价每斤3元，平均斤价比去年高", [("每斤3元", "CNY/kg")]),
        ("鲜叶的市斤价达到十五元", [("十五元", "CNY/kg")]),
        ("平均公斤价为30.5元", [("30.5元", "CNY/kg")]),
        ("公斤价30.5元", [("公斤价30.5元", "CNY/kg")]),
        ("平均噸價2000元", [("噸價2000元", "CNY/t")]),
        ("土地亩租800元", [("800元", "CNY/ha")]),
        ("亩租金涨到了1000元", [("1000元", "CNY/ha")]),
        # near-misses: a weight's or an area's figure before (500斤价格, 300亩租金), 租 not a rent
        ("这批500斤价格不低，卖了1500元", [("500斤", "kg"), ("1500元", "CNY")]),
        ("流转的300亩租金共24万元", [("300亩", "ha"), ("24万元", "CNY")]),
        ("一年租金共3万元", [("3万元", "CNY/year")]),
    ],
)
def test_price_per_weight_and_rent_per_mu_words(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a clause led by 一间 (one room, of a house or a shop) names what the sums after it are per
        (
            "村里一间35平方米左右的房子，一个月也就180元。",
            [("35平方米左右", "m2"), ("180元", "CNY/room/month")],
        ),
        (
            "村裡一間35平方米左右的房子，一個月也就180元。",
            [("35平方米左右", "m2"), ("180元", "CNY/room/month")],
        ),
        ("临街一间铺面，一年租金两万元", [("两万元", "CNY/room/year")]),
        # near-misses: 十一间, no period, a total
        ("村里有十一间房子，一个月收入1万元", [("十一间", "count:间"), ("1万元", "CNY/month")]),
        ("建了一间仓库，花了3万元", [("3万元", "CNY")]),
        ("一间房子，一个月总共收入1万元", [("1万元", "CNY/month")]),
    ],
)
def test_a_clause_led_by_one_room(text, found):
    assert units(text) == found
