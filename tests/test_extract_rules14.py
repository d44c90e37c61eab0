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
