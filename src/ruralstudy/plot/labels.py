"""Words and numbers on a figure, in Chinese, English or both.

Names come from the data (indicator and place names in zh and en); units and
qualifier marks from the tables below. A value is labelled the way it was
reported: in Chinese with the source's own wording ("10万余元"), in English
with a mark for its qualifier (10+, >17, <20, ≈25, 30–40).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ruralstudy.provenance import check_lang, text_of

# Canonical unit (ruralstudy.units.CANONICAL_UNITS) -> (Chinese, English) axis words.
UNIT_LABELS: dict[str, tuple[str, str]] = {
    "ha": ("公顷", "ha"),
    "mu": ("亩", "mu"),
    "m2": ("平方米", "m²"),
    "kg": ("公斤", "kg"),
    "t": ("吨", "t"),
    "CNY": ("元", "yuan"),
    "CNY/person": ("元/人", "yuan per person"),
    "CNY/household": ("元/户", "yuan per household"),
    "CNY/month": ("元/月", "yuan per month"),
    "CNY/year": ("元/年", "yuan per year"),
    "kg/ha": ("公斤/公顷", "kg/ha"),
    "CNY/kg": ("元/公斤", "yuan/kg"),
    "person": ("人", "people"),
    "household": ("户", "households"),
    "person-time": ("人次", "visits"),
    "percent": ("%", "%"),
    "percentage_point": ("个百分点", "percentage points"),
    "m": ("米", "m"),
    "km": ("公里", "km"),
    "year": ("年", "years"),
    "month": ("个月", "months"),
    "week": ("周", "weeks"),
    "day": ("天", "days"),
    "hour": ("小时", "hours"),
    "year_of_age": ("岁", "years of age"),
    "count": ("个", "count"),
    "building": ("栋", "buildings"),
    "item": ("项", "items"),
    "group": ("组", "groups"),
    "rating": ("级", "rating"),
}

# What a rate is counted per (ruralstudy.units.RATE_DENOMINATORS) -> (Chinese, English):
# a rate without its own entry above is labelled from its parts, "元/公顷/年",
# "yuan per ha per year", so every rate the extractor can emit has words.
DENOMINATOR_LABELS: dict[str, tuple[str, str]] = {
    "ha": ("公顷", "ha"),
    "m2": ("平方米", "m²"),
    "kg": ("公斤", "kg"),
    "t": ("吨", "t"),
    "person": ("人", "person"),
    "household": ("户", "household"),
    "person-time": ("人次", "visit"),
    "km": ("公里", "km"),
    "room": ("间", "room"),
    "bed": ("床", "bed"),
    "share": ("股", "share"),
    "year": ("年", "year"),
    "month": ("月", "month"),
    "week": ("周", "week"),
    "day": ("天", "day"),
    "night": ("晚", "night"),
    "hour": ("小时", "hour"),
}

# Shares are never rescaled to 万 or thousands: "12 %" stays 12.
SHARE_UNITS = ("percent", "percentage_point")

# How each qualifier reads, for a figure's key.
QUALIFIER_KEY: dict[str, tuple[str, str]] = {
    "plus": ("区间（余/多、至）", "interval"),
    "range": ("区间（余/多、至）", "interval"),
    "over": ("逾/超：至少", "at least"),
    "under": ("近：略低于", "just below"),
    "approx": ("约：近似值", "≈ approx."),
}

_ZH_PREFIX = {"over": "逾", "under": "近", "approx": "约"}
_EN_PREFIX = {"over": ">", "under": "<", "approx": "≈"}


def bilingual(zh: object, en: object, lang: str, sep: str = " ") -> str:
    """One label in the chosen language; ``both`` joins Chinese and English.

    A missing name in one language falls back to the other.

    >>> bilingual("车田村", "Chetian Village", "both", sep="\\n")
    '车田村\\nChetian Village'
    """
    check_lang(lang)
    zh_s, en_s = text_of(zh), text_of(en)
    if lang == "zh":
        return zh_s or en_s
    if lang == "en":
        return en_s or zh_s
    if zh_s and en_s and zh_s != en_s:
        return f"{zh_s}{sep}{en_s}"
    return zh_s or en_s


def value_scale(unit: str, max_abs: float, lang: str) -> tuple[float, str, str]:
    """A divisor that keeps tick numbers short, with the unit words it implies.

    Chinese (and bilingual) figures count in 万 and 亿 as Chinese reports do;
    English ones in thousands, millions and billions.

    >>> value_scale("CNY", 574700, "zh")
    (10000.0, '万元', '10,000 yuan')
    >>> value_scale("CNY", 574700, "en")
    (1000.0, '千元', 'thousand yuan')
    >>> value_scale("CNY/person", 23119, "en")
    (1.0, '元/人', 'yuan per person')
    """
    zh, en = unit_words(unit)
    if not math.isfinite(max_abs):
        max_abs = 0.0
    if lang == "en":
        if max_abs >= 1e10:
            return 1e9, f"十亿{zh}", f"billion {en}"
        if max_abs >= 1e7:
            return 1e6, f"百万{zh}", f"million {en}"
        if max_abs >= 1e5 and unit not in SHARE_UNITS:
            return 1e3, f"千{zh}", f"thousand {en}"
        return 1.0, zh, en
    if unit in SHARE_UNITS:
        return 1.0, zh, en
    if max_abs >= 1e9:
        return 1e8, f"亿{zh}", f"100 million {en}"
    if max_abs >= 1e5:
        return 1e4, f"万{zh}", f"10,000 {en}"
    return 1.0, zh, en


def unit_words(unit: str) -> tuple[str, str]:
    """(Chinese, English) words for a canonical unit; ``count:家`` → ('家', 'count').

    A rate is worded from its parts when it has no entry of its own:

    >>> unit_words("CNY/ha/year")
    ('元/公顷/年', 'yuan per ha per year')
    """
    if unit in UNIT_LABELS:
        return UNIT_LABELS[unit]
    if unit.startswith("count:") and "/" not in unit:
        return unit.split(":", 1)[1], "count"
    numerator, *per = unit.split("/")
    if per and all(d in DENOMINATOR_LABELS for d in per):
        zh, en = unit_words(numerator)
        zh_per = [DENOMINATOR_LABELS[d][0] for d in per]
        en_per = [DENOMINATOR_LABELS[d][1] for d in per]
        return "/".join([zh, *zh_per]), " per ".join([en, *en_per])
    return unit, unit


def axis_label(name_zh: object, name_en: object, unit_zh: str, unit_en: str, lang: str) -> str:
    """An axis label: the indicator's name with its unit in brackets.

    >>> axis_label("村级集体经济收入", "Village collective income", "万元", "10,000 yuan", "en")
    'Village collective income (10,000 yuan)'
    """
    zh = f"{text_of(name_zh)}（{unit_zh}）" if unit_zh else text_of(name_zh)
    en = f"{text_of(name_en)} ({unit_en})" if unit_en else text_of(name_en)
    return bilingual(zh, en, lang, sep="\n")


def format_number(x: float, decimals: int | None = None) -> str:
    """A number with thousands separators, as labels, ticks and map legends write it.

    By default about three significant digits, trailing zeros dropped (a
    value beside its mark); with ``decimals``, exactly that many (class
    breaks of a map legend, which must line up).

    >>> format_number(57.47), format_number(1234567.0), format_number(0.4)
    ('57.5', '1,234,567', '0.4')
    >>> format_number(1234.5, decimals=2), format_number(8100.0, decimals=0)
    ('1,234.50', '8,100')
    """
    if not math.isfinite(x):
        return ""
    if decimals is not None:
        return f"{x:,.{decimals}f}"
    mag = abs(x)
    decimals = 0 if mag >= 100 or mag == 0 else (1 if mag >= 10 else 2)
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def source_wording(row: Mapping[str, object], unit: str | None) -> str:
    """The source's own wording of a fact, if it is in the unit shown; else empty.

    "3760亩" is shown as written on a chart in 亩, never beside a label in
    公顷; the check is that the wording ends with the unit's base word
    ("10万余元" fits 元/年 and 万元).

    >>> source_wording({"text": "3760亩"}, "mu"), source_wording({"text": "3760亩"}, "ha")
    ('3760亩', '')
    """
    text = text_of(row.get("text"))
    if not text or unit is None or unit in SHARE_UNITS:
        return text  # a share reads the same in any wording ("近三分之一", "约5%")
    base = unit_words(unit)[0].split("/")[0]
    return text if text.endswith(base) else ""


def value_label(
    row: Mapping[str, object], lang: str, factor: float = 1.0, unit: str | None = None
) -> str:
    """How one fact is written beside its mark.

    In Chinese, the source's own wording (``text``) when there is one (and,
    given the ``unit`` shown, when it is in that unit); else, and in English
    or bilingual figures, the number in the axis' scale with its qualifier
    mark.

    >>> value_label({"value": 1e5, "lower": 1e5, "upper": 1.1e5, "qualifier": "plus",
    ...              "text": "10万余元"}, "en", factor=1e4)
    '10+'
    """
    qualifier = text_of(row.get("qualifier")) or "exact"
    value = float(row["value"]) / factor
    if lang == "zh" and source_wording(row, unit):
        return source_wording(row, unit)
    number = format_number(value)
    if qualifier == "range":
        lo, hi = float(row["lower"]) / factor, float(row["upper"]) / factor
        return f"{format_number(lo)}{'至' if lang == 'zh' else '–'}{format_number(hi)}"
    if qualifier == "plus":
        return f"{number}余" if lang == "zh" else f"{number}+"
    prefixes = _ZH_PREFIX if lang == "zh" else _EN_PREFIX
    return prefixes.get(qualifier, "") + number


def value_with_unit(row: Mapping[str, object], lang: str, unit: str) -> str:
    """One fact with its unit, for a sentence or a title: "3760亩", "250.7 ha", "10万余元".

    >>> value_with_unit({"value": 3760.0, "qualifier": "exact", "text": "3760亩"}, "zh", "mu")
    '3760亩'
    >>> value_with_unit({"value": 250.67, "qualifier": "exact", "text": "3760亩"}, "en", "ha")
    '251 ha'
    """
    if lang == "zh" and source_wording(row, unit):
        return source_wording(row, unit)
    factor, unit_zh, unit_en = value_scale(unit, abs(float(row["value"])), lang)
    number = value_label(row, lang, factor, unit)
    if lang == "zh":
        return number + ("" if unit_zh == "个" else unit_zh)
    return number + ("%" if unit_en == "%" else "" if unit_en == "count" else f" {unit_en}")
