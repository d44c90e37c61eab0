"""Rules written after rates35 was measured, on its classes (no longer unseen): a 每-word
before a figure with the layout's spaces between (每天 1 斤), X及以上 and X及以下 as bounds, a
fee or grant paid every year or month (年缴, 年补贴, 月补助), a pay's period after the sum
(10万元年薪), and no counts in a reduplicated classifier (一斤斤粮食), 不止一次 (often) or a
page's count of its own characters.  Each reading is (span, value, lower, upper, unit,
qualifier, canonical unit), NaN as None."""

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
