"""Rules written after rates35 was measured, on its classes (no longer unseen): a 每-word
before a figure with the layout's spaces between (每天 1 斤), X及以上 and X及以下 as bounds, a
fee or grant paid every year or month (年缴, 年补贴, 月补助), a pay's period after the sum
(10万元年薪), and no counts in a reduplicated classifier (一斤斤粮食), 不止一次 (often) or a
page's count of its own characters; and, from rates32's and rates33's gold, a household's
yearly average income (家庭年均收入) per household.  Each reading is (span, value, lower, upper,
unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("按每天 1 斤来算，人均 500 元。", [
            ("每天 1 斤", 1, 1, 1, "斤/天", "exact", "kg/day"),
            ("人均 500 元", 500, 500, 500, "元/人", "exact", "CNY/person"),
        ]),
        ("60歲及以上人口，5000元及以下。", [
            ("60歲及以上", 60, 60, None, "岁", "over", "year_of_age"),
            ("5000元及以下", 5000, None, 5000, "元", "under", "CNY"),
        ]),
        ("二級及以上公路", []),
        ("选择年缴500元档次，年缴200-5000元自愿选择。", [
            ("500元", 500, 500, 500, "元/年", "exact", "CNY/year"),
            ("200-5000元", 200, 200, 5000, "元/年", "range", "CNY/year"),
        ]),
        ("政府年补贴人均不足700元。", [
            ("人均不足700元", 700, None, 700, "元/人/年", "under", "CNY/person/year"),
        ]),
        ("2020年补贴500万元。补贴300元。", [  # a dated year's grant; no period at all
            ("500万元", 5000000, 5000000, 5000000, "元", "exact", "CNY"),
            ("300元", 300, 300, 300, "元", "exact", "CNY"),
        ]),
        ("想以10万元年薪聘请他，开出5000元的月薪。", [
            ("10万元", 100000, 100000, 100000, "元/年", "exact", "CNY/year"),
            ("5000元", 5000, 5000, 5000, "元/月", "exact", "CNY/month"),
        ]),
        ("投入50万元年底完工。", [("50万元", 500000, 500000, 500000, "元", "exact", "CNY")]),
        ("他们凭借着一斤斤粮食，一座座大棚。", []),
        ("他来过不止一次。", []),
        ("本文共有 375 个字，阅读大概需要 1 分钟。", []),
        ("写了375个字。", [("375个", 375, 375, 375, "个", "exact", "count")]),
    ],
)  # fmt: skip
def test_rules_of_rates35s_classes(text, found):
    assert readings(text) == found


# A household's yearly average income (家庭年均收入, 农户年均…收入) is per household, as 户均年收入
# (DESIGN.md, Units); a gain per year (年均增收) or a worker's average stays per year.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("农户年均高粱收入3万余元。", [
            ("3万余元", 30000, 30000, 40000, "元/户", "plus", "CNY/household"),
        ]),
        ("家庭年均收入20万元。", [
            ("20万元", 200000, 200000, 200000, "元/户", "exact", "CNY/household"),
        ]),
        ("全村农户年均纯收入达1.2万元。", [
            ("1.2万元", 12000, 12000, 12000, "元/户", "exact", "CNY/household"),
        ]),
        ("农户年均增收3000元。", [("3000元", 3000, 3000, 3000, "元/年", "exact", "CNY/year")]),
        ("工人的年均收入612元。", [("612元", 612, 612, 612, "元/年", "exact", "CNY/year")]),
        ("家庭年均支出5000元。", [("5000元", 5000, 5000, 5000, "元/年", "exact", "CNY/year")]),
    ],
)  # fmt: skip
def test_a_households_yearly_average_income_is_per_household(text, found):
    assert readings(text) == found
