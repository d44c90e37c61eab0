"""Rules written after rates33 was measured, on its classes (no longer unseen): kg in
capitals (亩产800KG), a 每 after a rate's slash (4.5元/每公斤), a piece rate of work per 亩
(工资是75元一亩) with no period from the rent before it, a sum after a count of the 亩 a
rate was per (550亩，每年198万元) as their whole, the written negations of reaching (从未超过),
人(次) as 人次, and the saying 一份土地两份收入 and a project's name (四改三项目) as no
counts.  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN as
None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("亩产800KG，产量5Kg。", [
            ("800KG", 800, 800, 800, "KG/亩", "exact", "kg/ha"),
            ("5Kg", 5, 5, 5, "Kg", "exact", "kg"),
        ]),
        ("按最低市场价4.5元/每公斤计算", [
            ("4.5元/每公斤", 4.5, 4.5, 4.5, "元/公斤", "exact", "CNY/kg"),
        ]),
        ("收购价3元/每斤到4元/每斤", [
            ("3元/每斤到4元/每斤", 3, 3, 4, "元/斤", "range", "CNY/kg"),
        ]),
        ("流转土地每亩每年550元，在基地务工，播种时节工资是75元一亩，田间管理50元一天。", [
            ("每亩每年550元", 550, 550, 550, "元/亩/年", "exact", "CNY/ha/year"),
            ("75元一亩", 75, 75, 75, "元/亩", "exact", "CNY/ha"),
            ("50元一天", 50, 50, 50, "元/天", "exact", "CNY/day"),
        ]),
        ("每亩每年600元，旱地每亩400元。", [  # no work: the same rent per 亩 and year
            ("每亩每年600元", 600, 600, 600, "元/亩/年", "exact", "CNY/ha/year"),
            ("每亩400元", 400, 400, 400, "元/亩/年", "exact", "CNY/ha/year"),
        ]),
        ("种植每年每亩创收3600元，550亩，每年198万元。", [
            ("3600元", 3600, 3600, 3600, "元/亩/年", "exact", "CNY/ha/year"),
            ("550亩", 550, 550, 550, "亩", "exact", "ha"),
            ("每年198万元", 1980000, 1980000, 1980000, "元/年", "exact", "CNY/year"),
        ]),
        ("每户每年分红500元，全村300户，每年共15万元。", [
            ("500元", 500, 500, 500, "元/户/年", "exact", "CNY/household/year"),
            ("300户", 300, 300, 300, "户", "exact", "household"),
            ("15万元", 150000, 150000, 150000, "元/年", "exact", "CNY/year"),
        ]),
        ("甘薯亩产从未超过3000斤。收入未达到5000元。", [
            ("从未超过3000斤", 3000, None, 3000, "斤/亩", "under", "kg/ha"),
            ("未达到5000元", 5000, None, 5000, "元", "under", "CNY"),
        ]),
        ("务工4000人(次)，接待5万人（次）。", [
            ("4000人(次)", 4000, 4000, 4000, "人(次)", "exact", "person-time"),
            ("5万人（次）", 50000, 50000, 50000, "人（次）", "exact", "person-time"),
        ]),
        ("实现一份土地两份收入，一块地两份收益。", []),
        ("县城至安乐的四改三项目正在实施，完成三项目标。", [
            ("三项", 3, 3, 3, "项", "exact", "item"),
        ]),
    ],
)  # fmt: skip
def test_rules_of_rates33s_classes(text, found):
    assert readings(text) == found
