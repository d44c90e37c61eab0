"""Rules of branch xrules14 (issue 12: miss classes of the rates16/rates17 lists), one test per
rule, on sentences written for them, near-misses included (where the rule must not fire)."""

from __future__ import annotations

import pytest
from extract_readings import rows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("持股比例20%(含)以上的股东", [("20%(含)以上", 20, None, "%", "over", "percent")]),
        ("工龄1 年 (含) 以上", [("1 年 (含) 以上", 1, None, "年", "over", "year")]),
        ("30 年 (含) 以下的房屋", [("30 年 (含) 以下", None, 30, "年", "under", "year")]),
        ("增幅20%（含）以上", [("20%（含）以上", 20, None, "%", "over", "percent")]),
        ("60岁（ 含 ）以上老人", [("60岁（ 含 ）以上", 60, None, "岁", "over", "year_of_age")]),
        ("面积50亩（含）以內", [("50亩（含）以內", None, 50, "亩", "under", "ha")]),
        ("五年（含）以下", [("五年（含）以下", None, 5, "年", "under", "year")]),
        # near-misses: (含) with no bound after it, or another word in the brackets
        ("费用300元(含)", [("300元", 300, 300, "元", "exact", "CNY")]),
        ("20%(含税)以上", [("20%", 20, 20, "%", "exact", "percent")]),
        ("20%以上", [("20%以上", 20, None, "%", "over", "percent")]),
    ],
)
def test_han_inclusive_before_a_bound_takes_the_bound(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("误差控制在5%以內", [("5%以內", None, 5, "%", "under", "percent")]),
        ("50公里以內的村庄", [("50公里以內", None, 50, "公里", "under", "km")]),
        ("3年期以内贷款", [("3年期以内", None, 3, "年", "under", "year")]),
        ("5年期以上的存款", [("5年期以上", 5, None, "年", "over", "year")]),
        ("三年期以下", [("三年期以下", None, 3, "年", "under", "year")]),
        # near-misses: 年期 with no bound, 期 after another unit, 内 of another word
        ("发放3年期贷款", [("3年", 3, 3, "年", "exact", "year")]),
        ("3个月期以内", [("3个月", 3, 3, "个月", "exact", "month")]),
        ("5公里内容", [("5公里", 5, 5, "公里", "exact", "km")]),
    ],
)
def test_yinei_and_nianqi_take_the_bound(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("每年砍伐毛竹约1100万根", [("约1100万根", None, None, "根", "approx", "count:根")]),
        ("林下留竹不到20根", [("不到20根", None, 20, "根", "under", "count:根")]),
        ("搭了三根竹竿", [("三根", 3, 3, "根", "exact", "count:根")]),
        ("每天跑两趟县城", [("两趟", 2, 2, "趟", "exact", "count:趟")]),
        ("一年种两季水稻", [("两季", 2, 2, "季", "exact", "count:季")]),
        ("分为兩檔补助", [("兩檔", 2, 2, "档", "exact", "count:档")]),
        ("保费分3档", [("3档", 3, 3, "档", "exact", "count:档")]),
        ("覆盖13省", [("13省", 13, 13, "省", "exact", "count:省")]),
        ("村民入股53股份", [("53股份", 53, 53, "股份", "exact", "count:股")]),
        # near-misses: words that start with the classifier, 四季 of the year, 省 in a word
        ("根据3个标准", [("3个", 3, 3, "个", "exact", "count")]),
        ("一根本没有", []),
        ("第3季度增长", []),
        ("一年四季都有游客", []),
        ("两档次", []),
        ("3省级示范", []),
        ("两省交界", []),
        ("53股份额", []),
        ("3股份合作社", []),
    ],
)
def test_classifiers_of_poles_trips_seasons_grades_provinces_shares(text, found):
    assert rows(text) == found
