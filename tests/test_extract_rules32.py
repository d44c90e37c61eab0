"""Rules written after rates41 was measured, on its classes (no longer unseen): a comment
box's counts (评论 0人参与,0条评论), a picture's number before its caption (1/5 穿蓝衣服的…), a
loose pair after a round head (一千四五百元), a day's average wage (日平均工资) and each post's
holder (每个公益性岗位人员).  Each reading is (span, value, lower, upper, unit, qualifier,
canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings

from ruralstudy.extract.numerals import parse_number


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("评论一下\n评论 0人参与,0条评论\n还没有评论", []),
        ("最新评论\n已有0人参与,点击查看更多精彩评论", []),
        ("明月清风\n1/5 穿蓝衣服的是李大叔", []),
        # near-misses: people taking part, comments counted in a sentence, a share
        ("有300人参与了活动", [("300人", 300, 300, 300, "人", "exact", "person")]),
        ("共收到200条评论建议", [("200条", 200, 200, 200, "条", "exact", "count:条")]),
        ("约1/5的农户", [("约1/5", 20, None, None, "%", "approx", "percent")]),
    ],
)  # fmt: skip
def test_page_furniture_of_rates41s_pages(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("numeral", "parsed"),
    [
        ("一千四五百", (1400, 100, 1500)),
        ("一千四五", (1400, 100, 1500)),
        ("一万二三千", (12000, 1000, 13000)),
        ("三百二三十", (320, 10, 330)),
        ("十四五", None),  # the five-year plan's name
        ("一千五六千", None),  # no pair below its head
        ("一千五", (1500, 100)),
    ],
)
def test_a_loose_pair_after_a_round_head_is_a_range(numeral, parsed):
    assert parse_number(numeral) == parsed


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("一个月能收入一千四五百元，够了", [
            ("一千四五百元", 1400, 1400, 1500, "元/月", "range", "CNY/month"),
        ]),
        ("采茶工的日平均工资在100元左右", [
            ("100元左右", 100, None, None, "元/天", "approx", "CNY/day"),
        ]),
        ("今日平均工资100元", [("100元", 100, 100, 100, "元", "exact", "CNY")]),  # today's
        ("平均每个公益性岗位人员可以获得4000元劳务收入", [
            ("4000元", 4000, 4000, 4000, "元/人", "exact", "CNY/person"),
        ]),
    ],
)  # fmt: skip
def test_rates_of_rates41s_pages(text, found):
    assert readings(text) == found
