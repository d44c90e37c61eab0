"""Rules written after rates24's measurement, on its classes: pinyin glosses without tone
marks (5萬(wan) 多畝(mu), 1520余(yu)戶, 箱(xiang)(xiang)), bee colonies in 群, what one 亩
takes (亩用种2-3公斤), a range's rate after 之间 (60-100元之间/公斤), 一亩纯利润, 1平方米的产值
and 年可以收入, on sentences written for them, near-misses included.  Each reading is
(span, value, lower, upper, unit, qualifier, canonical unit), NaN as None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a toneless gloss that is a reading of the character before it is taken out
        ("桑園5萬(wan) 多畝(mu)。", [
            ("5萬(wan) 多畝", 50000, 50000, 60000, "亩", "plus", "ha"),
        ]),
        ("養蜂戶1520余(yu)戶", [("1520余(yu)戶", 1520, 1520, 1530, "户", "plus", "household")]),
        ("產值1.1億(yi)元", [
            ("1.1億(yi)元", 110000000, 110000000, 110000000, "元", "exact", "CNY"),
        ]),
        # … and a gloss repeated after it
        ("蜂群16000余(yu)箱(xiang)(xiang),其中", [
            ("16000余(yu)箱", 16000, 16000, 17000, "箱", "plus", "count:箱"),
        ]),
        # near-misses: a bracket that is no reading of its character stays text
        ("重量(kg)为5公斤", [("5公斤", 5, 5, 5, "公斤", "exact", "kg")]),
        ("产值1.1億(ba)元", []),
    ],
)  # fmt: skip
def test_toneless_pinyin_glosses(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("全村养蜂200多群", [("200多群", 200, 200, 300, "群", "plus", "count:群")]),
        ("超14万群", [("超14万群", 140000, 140000, None, "群", "over", "count:群")]),
        # near-misses: 群众 (people), 一群 (an article), a chat group after 个
        ("带动3万群众", [("3万群众", 30000, 30000, 30000, "群众", "exact", "person")]),
        ("一群人", []),
        ("建了5个微信群", [("5个", 5, 5, 5, "个", "exact", "count")]),
    ],
)  # fmt: skip
def test_bee_colonies_are_counted(text, found):
    assert readings(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("亩用种子一般2-3公斤", [("2-3公斤", 2, 2, 3, "公斤/亩", "range", "kg/ha")]),
        ("价格在60-100元之间/公斤", [
            ("60-100元之间/公斤", 60, 60, 100, "元/公斤", "range", "CNY/kg"),
        ]),
        ("种植天麻一亩纯利润在7万元左右", [
            ("一亩", 1, 1, 1, "亩", "exact", "ha"),
            ("7万元左右", 70000, None, None, "元/亩", "approx", "CNY/ha"),
        ]),
        ("1平方米的产值为300元", [
            ("1平方米", 1, 1, 1, "平方米", "exact", "m2"),
            ("300元", 300, 300, 300, "元/平方米", "exact", "CNY/m2"),
        ]),
        ("每畝蠶桑地年可以收入2280至3960元", [
            ("2280至3960元", 2280, 2280, 3960, "元/亩/年", "range", "CNY/ha/year"),
        ]),
        # near-misses: 300亩用于 (an area used), 11平方米 (not one), a year named (2020年)
        ("300亩用于种植", [("300亩", 300, 300, 300, "亩", "exact", "ha")]),
        ("11平方米的产值300元", [
            ("11平方米", 11, 11, 11, "平方米", "exact", "m2"),
            ("300元", 300, 300, 300, "元", "exact", "CNY"),
        ]),
        ("2020年可以收入300元", [("300元", 300, 300, 300, "元", "exact", "CNY")]),
    ],
)  # fmt: skip
def test_rates_of_rates24s_classes(text, found):
    assert readings(text) == found
