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
