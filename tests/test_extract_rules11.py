"""Rules of branch xrules11 (issue 12: the classes xrules10 and xrates10 left), one test per
class, on sentences written for them before the code, near-misses included (where a rule
must not fire)."""

from __future__ import annotations

import pytest
from extract_readings import rows, units


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("土地流转费800 元 / 亩", [("800 元 / 亩", 800, 800, "元/亩", "exact", "CNY/ha")]),
        ("土地流转费800元 /亩", [("800元 /亩", 800, 800, "元/亩", "exact", "CNY/ha")]),
        ("土地流轉費800元/ 畝", [("800元/ 畝", 800, 800, "元/亩", "exact", "CNY/ha")]),
        ("收购价3.5 元 / 斤", [("3.5 元 / 斤", 3.5, 3.5, "元/斤", "exact", "CNY/kg")]),
        (
            "补助120 元 / 人 / 天",
            [("120 元 / 人 / 天", 120, 120, "元/人/天", "exact", "CNY/person/day")],
        ),
        ("补助120 元/人/天", [("120 元/人/天", 120, 120, "元/人/天", "exact", "CNY/person/day")]),
        ("租金800 元 / 亩·年", [("800 元 / 亩·年", 800, 800, "元/亩/年", "exact", "CNY/ha/year")]),
        (
            "租金800元/（亩·年）",
            [("800元/（亩·年）", 800, 800, "元/亩/年", "exact", "CNY/ha/year")],
        ),
        ("租金八百元 / 亩", [("八百元 / 亩", 800, 800, "元/亩", "exact", "CNY/ha")]),
        ("房价300元以上 / 晚", [("300元以上 / 晚", 300, None, "元/晚", "over", "CNY/night")]),
        # near-misses: a slash with spaces that divides no figure by a denominator
        (
            "共300元 / 2人分",
            [("300元", 300, 300, "元", "exact", "CNY"), ("2人", 2, 2, "人", "exact", "person")],
        ),
        (
            "收入3000元 / 支出2000元",
            [
                ("3000元", 3000, 3000, "元", "exact", "CNY"),
                ("2000元", 2000, 2000, "元", "exact", "CNY"),
            ],
        ),
        ("单价 / 元 800", []),
    ],
)
def test_a_slash_with_spaces_around_it_in_a_rate(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("差不多每亩460斤", [("差不多每亩460斤", None, None, "斤/亩", "approx", "kg/ha")]),
        ("大豆差不多每畝460斤", [("差不多每畝460斤", None, None, "斤/亩", "approx", "kg/ha")]),
        ("租金大约每亩600元", [("大约每亩600元", None, None, "元/亩", "approx", "CNY/ha")]),
        ("大概每人3000元", [("大概每人3000元", None, None, "元/人", "approx", "CNY/person")]),
        ("约每亩六百元", [("约每亩六百元", None, None, "元/亩", "approx", "CNY/ha")]),
        ("将近每亩500元", [("将近每亩500元", None, 500, "元/亩", "under", "CNY/ha")]),
        ("將近每戶兩萬元", [("將近每戶兩萬元", None, 20000, "元/户", "under", "CNY/household")]),
        ("大概每亩300-400斤", [("大概每亩300-400斤", 300, 400, "斤/亩", "range", "kg/ha")]),
        # the same words before plain figures (read so already)
        ("差不多500斤", [("差不多500斤", None, None, "斤", "approx", "kg")]),
        ("将近5000元", [("将近5000元", None, 5000, "元", "under", "CNY")]),
        ("大約3000元", [("大約3000元", None, None, "元", "approx", "CNY")]),
        # near-misses: the word belongs to another word, or not to the figure
        ("节约每亩200元", [("每亩200元", 200, 200, "元/亩", "exact", "CNY/ha")]),
        ("最近每亩涨了200元", [("200元", 200, 200, "元/亩", "exact", "CNY/ha")]),
        ("差不多每家都有3头牛", [("3头", 3, 3, "头", "exact", "count:头")]),
        ("每亩460斤", [("每亩460斤", 460, 460, "斤/亩", "exact", "kg/ha")]),
    ],
)
def test_a_bound_word_before_a_rate_word(text, found):
    assert rows(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a weight is per household only with 每户 touching it (rates11's header: a non-money
        # figure is a rate only with its denominator attached); a sum takes the list's head
        ("每户发放大米50斤、食用油5升", [("50斤", "kg")]),
        ("每戶發放大米50斤", [("50斤", "kg")]),
        ("每户50斤大米", [("每户50斤", "kg/household")]),
        ("每人发放大米20斤、慰问金500元", [("20斤", "kg"), ("500元", "CNY/person")]),
    ],
)
def test_a_weight_in_a_list_led_by_each(text, found):
    assert units(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("他没下过5次地", [("5次", 5, 5, "次", "exact", "count:次")]),
        ("我们下过三次田", [("三次", 3, 3, "次", "exact", "count:次")]),
        ("他见过两次", [("两次", 2, 2, "次", "exact", "count:次")]),
        ("他聽過三次課", [("三次", 3, 3, "次", "exact", "count:次")]),
        ("村里开过5次会", [("5次", 5, 5, "次", "exact", "count:次")]),
        ("他家搬过三次家", [("三次", 3, 3, "次", "exact", "count:次")]),
        ("他修过10条路", [("10条", 10, 10, "条", "exact", "count:条")]),
        ("下過兩場雨", [("兩場", 2, 2, "场", "exact", "count:场")]),
        ("他写过20篇文章", [("20篇", 20, 20, "篇", "exact", "count:篇")]),
        # near-misses: 过 is over after no verb of doing, or after a comparison
        ("年收入过万元", [("过万元", 10000, None, "元/年", "over", "CNY/year")]),
        ("重量过50公斤", [("过50公斤", 50, None, "公斤", "over", "kg")]),
        ("高过50公斤", [("过50公斤", 50, None, "公斤", "over", "kg")]),
        ("拿到过万元", [("过万元", 10000, None, "元", "over", "CNY")]),
    ],
)
def test_a_verb_with_guo_is_have_done(text, found):
    assert rows(text) == found
