"""Units and Chinese reporting qualifiers.

Two jobs, both pure and dependency-free:

1. Written units (亩, 斤, 万元, 户 …) → the canonical unit an indicator is
   stored in, with an exact conversion factor (``fractions.Fraction``, so
   300 亩 is exactly 20 ha and 57.47万 is exactly 574700).
2. Qualifiers (余/多, 逾, 近, 约 …) → the interval a reported figure implies.

Qualifier rules, as Chinese reporting reads them (DESIGN.md, "Qualifiers"):

=========  ==========================  =====================================
qualifier  written as                  interval
=========  ==========================  =====================================
exact      a bare number               [X, X]
plus       X余 / X多 (round number)      [X, X + step), step = place value of
                                       the digit 余/多 follows: 2000多 →
                                       [2000, 3000); 280余 → [280, 290);
                                       20万余 → [200000, 210000); 20余万 →
                                       [200000, 300000)
over       逾 / 超 / 超过 / 突破 / 以上     lower = X, no upper bound
under      近 / 不足 / 不到                upper = X, no lower bound
approx     约 / 左右 / 大约                 no bounds: "about X", either side
range      X至Y / X-Y                   [X, Y]
=========  ==========================  =====================================

Unit facts: 1 亩 = 1/15 ha exactly (6000 square 市尺 of 1/3 m, i.e. 666.67 m²,
State Council order on statutory units, 1984); 1 斤 = 0.5 kg (市斤).

Rates ("1000元/亩", "每亩每年900元", "50元/天") are stored as
``<numerator>/<denominator>[/<period>]``: the numerator a canonical unit
without a slash (CNY, kg …), the denominator one of ``RATE_DENOMINATORS``
(ha, kg, day, night, person, household …), an optional period after it
(year, month, day …).  1000 元/亩 is 15000 CNY/ha (a 亩 is 1/15 ha);
3000 斤/亩 is 22500 kg/ha.  ``rate_unit`` builds them:

>>> rate_unit("元", ["亩", "年"])
('CNY/ha/year', Fraction(15, 1))
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

QUALIFIERS: dict[str, str] = {
    "exact": "exact figure",
    "plus": "余/多: at least X, below X + step",
    "over": "逾/超/超过/突破/以上: more than X, no upper bound",
    "under": "近/不足/不到: just below X, no lower bound",
    "approx": "约/左右/大约: about X, no bounds",
    "range": "X至Y: between X and Y",
}

# Canonical units an indicator may be stored in.  Counts of things that have
# their own classifier (家, 所 …) are written "count:<classifier>".
CANONICAL_UNITS: dict[str, str] = {
    "ha": "hectare",
    "m2": "square metre",
    "kg": "kilogram",
    "t": "tonne",
    "CNY": "yuan (renminbi)",
    "CNY/person": "yuan per person",
    "CNY/household": "yuan per household",
    "CNY/month": "yuan per month",
    "CNY/year": "yuan per year",
    "kg/ha": "kilogram per hectare",
    "CNY/kg": "yuan per kilogram",
    "person": "people",
    "household": "households",
    "person-time": "visits (人次)",
    "percent": "percent",
    "percentage_point": "percentage points (个百分点)",
    "m": "metre",
    "km": "kilometre",
    "year": "years (duration)",
    "month": "months (duration)",
    "week": "weeks (duration)",
    "day": "days (duration)",
    "hour": "hours (duration)",
    "year_of_age": "years of age",
    "count": "count (个)",
    "building": "buildings (栋)",
    "item": "items (项)",
    "group": "groups (组)",
    "rating": "rating level (e.g. A-grade of a scenic area)",
}
_COUNT_UNIT = re.compile(r"^count:\S+$")

# What a rate may be counted per (the part after the first slash), written unit -> size.
RATE_DENOMINATORS: dict[str, str] = {
    "ha": "per hectare (a rate per 亩 is per 1/15 ha)",
    "m2": "per square metre",
    "kg": "per kilogram (a rate per 斤 is per 1/2 kg)",
    "t": "per tonne",
    "person": "per person (人均, 每人)",
    "household": "per household (户均, 每户)",
    "person-time": "per visit (人次)",
    "km": "per kilometre (2万元/公里: a road's grant or upkeep per kilometre)",
    "room": "per room (间)",
    "bed": "per bed (床: 每床每晚50元)",
    "share": "per share (每股: a dividend per share of a collective company or cooperative)",
    "year": "per year",
    "month": "per month",
    "week": "per week",
    "day": "per day",
    "night": "per night (晚)",
    "hour": "per hour",
}
# A period may follow another denominator: CNY/ha/year (每亩每年), CNY/person/day.
RATE_PERIODS = ("year", "month", "week", "day", "night", "hour")
# Written denominator -> (canonical denominator, size of one in it).
WRITTEN_DENOMINATORS: dict[str, tuple[str, Fraction]] = {
    "亩": ("ha", Fraction(1, 15)),
    "公顷": ("ha", Fraction(1)),
    "平方米": ("m2", Fraction(1)),
    "平米": ("m2", Fraction(1)),  # the spoken 平方米
    "㎡": ("m2", Fraction(1)),  # the sign (U+33A1) of price and rent lists: 20元/㎡·月
    "m²": ("m2", Fraction(1)),
    "斤": ("kg", Fraction(1, 2)),
    "市斤": ("kg", Fraction(1, 2)),  # the market 斤 of price lists: the same half kilogram
    "百斤": ("kg", Fraction(50)),  # 37元/百斤: bamboo and grain priced per hundred 斤
    "两": ("kg", Fraction(1, 20)),  # a tenth of a 斤: tea and ginseng are priced per 两
    "公斤": ("kg", Fraction(1)),
    "千克": ("kg", Fraction(1)),
    "㎏": ("kg", Fraction(1)),  # the sign (U+338F): 3元/㎏
    "克": ("kg", Fraction(1, 1000)),  # a gram: silver and packed food are priced per 克
    "吨": ("t", Fraction(1)),
    "人": ("person", Fraction(1)),
    # a pupil, an old person, a teacher: per person (rates20's 每生每天 3 元, 元/生·年, 每個學生)
    "生": ("person", Fraction(1)),
    "学生": ("person", Fraction(1)),
    "老人": ("person", Fraction(1)),
    "教师": ("person", Fraction(1)),
    "户": ("household", Fraction(1)),
    "人次": ("person-time", Fraction(1)),
    "公里": ("km", Fraction(1)),
    "千米": ("km", Fraction(1)),
    "间": ("room", Fraction(1)),
    "标间": ("room", Fraction(1)),  # a standard room of a price list: 320元/标间/晚
    "标准间": ("room", Fraction(1)),  # 40元/标准间: the word 标间 shortens
    "床": ("bed", Fraction(1)),
    "股": ("share", Fraction(1)),
    "年": ("year", Fraction(1)),
    "学年": ("year", Fraction(1)),  # 每學年 (a school year): per year
    "月": ("month", Fraction(1)),
    "个月": ("month", Fraction(1)),
    "周": ("week", Fraction(1)),
    "天": ("day", Fraction(1)),
    "半天": ("day", Fraction(1, 2)),  # 100元/半天: per half day, CNY/day x2
    "日": ("day", Fraction(1)),
    "晚": ("night", Fraction(1)),
    "夜": ("night", Fraction(1)),
    "小时": ("hour", Fraction(1)),
}

# Written unit -> (canonical unit, factor).  Factors are exact fractions.
WRITTEN_UNITS: dict[str, tuple[str, Fraction]] = {
    "亩": ("ha", Fraction(1, 15)),
    "公顷": ("ha", Fraction(1)),
    "平方米": ("m2", Fraction(1)),
    "平米": ("m2", Fraction(1)),  # the spoken 平方米
    "㎡": ("m2", Fraction(1)),  # the sign (U+33A1): 1200㎡
    "m²": ("m2", Fraction(1)),
    "平方公里": ("ha", Fraction(100)),
    "平方千米": ("ha", Fraction(100)),
    "斤": ("kg", Fraction(1, 2)),
    "市斤": ("kg", Fraction(1, 2)),
    "两": ("kg", Fraction(1, 20)),  # a tenth of a 斤 (5两到8两 a fruit's weight grade)
    "分": ("ha", Fraction(1, 150)),  # a tenth of a 亩 (2分地)
    "公斤": ("kg", Fraction(1)),
    "千克": ("kg", Fraction(1)),
    "kg": ("kg", Fraction(1)),  # 175kg: the Latin symbol
    "KG": ("kg", Fraction(1)),  # 亩产800KG: in capitals
    "Kg": ("kg", Fraction(1)),
    "㎏": ("kg", Fraction(1)),  # the sign (U+338F)
    "克": ("kg", Fraction(1, 1000)),  # a gram (500克 a pack of food, a silver piece's weight)
    "吨": ("t", Fraction(1)),
    "元": ("CNY", Fraction(1)),
    "¥": ("CNY", Fraction(1)),  # the sign before a figure (¥500), read as 元
    "元钱": ("CNY", Fraction(1)),  # 500元钱: the spoken 元, as 块钱
    "人民币": ("CNY", Fraction(1)),  # 110人民币: a travel log's price, the currency's name
    "块": ("CNY", Fraction(1)),
    "块钱": ("CNY", Fraction(1)),
    "角": ("CNY", Fraction(1, 10)),  # a tenth of a 元 (5角钱一斤); 毛 is its spoken name
    "角钱": ("CNY", Fraction(1, 10)),
    "毛": ("CNY", Fraction(1, 10)),
    "毛钱": ("CNY", Fraction(1, 10)),
    "分钱": ("CNY", Fraction(1, 100)),  # a hundredth of a 元 (烘干成本约7分钱一斤)
    "户": ("household", Fraction(1)),
    "人": ("person", Fraction(1)),
    "名": ("person", Fraction(1)),
    "位": ("person", Fraction(1)),
    "口人": ("person", Fraction(1)),  # 家里5口人: members of a household
    "人次": ("person-time", Fraction(1)),
    "人(次)": ("person-time", Fraction(1)),  # 务工4000人(次): visits, the 次 in brackets
    "人（次）": ("person-time", Fraction(1)),
    "%": ("percent", Fraction(1)),
    "％": ("percent", Fraction(1)),
    "成": ("percent", Fraction(10)),  # 四成 = 40 %
    "折": ("percent", Fraction(10)),  # 八折 = 80 % of the price, as 成
    "个百分点": ("percentage_point", Fraction(1)),
    "百分点": ("percentage_point", Fraction(1)),
    "米": ("m", Fraction(1)),
    "公里": ("km", Fraction(1)),
    "㎞": ("km", Fraction(1)),  # the sign (U+339E)
    "km": ("km", Fraction(1)),  # 全程约120km: the Latin symbol, as kg
    "kM": ("km", Fraction(1)),  # the copy's 120kM
    "KM": ("km", Fraction(1)),
    "Km": ("km", Fraction(1)),  # 日行62Km
    "千米": ("km", Fraction(1)),
    "年": ("year", Fraction(1)),
    "载": ("year", Fraction(1)),
    "个月": ("month", Fraction(1)),
    "月": ("month", Fraction(1)),  # 每隔两月 (the extractor reads 月 after 两 only)
    "周": ("week", Fraction(1)),
    "个星期": ("week", Fraction(1)),
    "星期": ("week", Fraction(1)),
    "个礼拜": ("week", Fraction(1)),
    "天": ("day", Fraction(1)),
    "日": ("day", Fraction(1)),  # 三日游: a trip's length
    "小时": ("hour", Fraction(1)),
    "个小时": ("hour", Fraction(1)),
    "岁": ("year_of_age", Fraction(1)),
    "个": ("count", Fraction(1)),
    "股份": ("count:股", Fraction(1)),  # 每人持有53股份: shares, counted as 股
    "省份": ("count:省", Fraction(1)),  # 13省份: provinces, counted as 省 (13省)
    "栋": ("building", Fraction(1)),
    "幢": ("building", Fraction(1)),  # as 栋
    "项": ("item", Fraction(1)),
    "组": ("group", Fraction(1)),
    "周岁": ("year_of_age", Fraction(1)),
    "倍": ("percent", Fraction(100)),  # a multiple is a ratio: 1.8倍 is 180 % of the base
    # Nouns counted without a classifier (1.5万余村民, 2000余农户).
    "村民": ("person", Fraction(1)),
    "群众": ("person", Fraction(1)),
    "居民": ("person", Fraction(1)),
    "农民": ("person", Fraction(1)),
    "人口": ("person", Fraction(1)),
    "劳动力": ("person", Fraction(1)),
    "游客": ("person", Fraction(1)),
    "消费者": ("person", Fraction(1)),
    "顾客": ("person", Fraction(1)),
    "网友": ("person", Fraction(1)),
    "民众": ("person", Fraction(1)),
    "员工": ("person", Fraction(1)),
    "农户": ("household", Fraction(1)),
    "脱贫户": ("household", Fraction(1)),
    "贫困户": ("household", Fraction(1)),
    "常住人口": ("person", Fraction(1)),
    "户籍人口": ("person", Fraction(1)),
    "农村人口": ("person", Fraction(1)),
    "贫困人口": ("person", Fraction(1)),
    "流动人口": ("person", Fraction(1)),
    "贫困群众": ("person", Fraction(1)),
    "农村劳动力": ("person", Fraction(1)),
    # ... pupils, fishers, workers and others counted so (5万学生, 近30万渔民)
    **dict.fromkeys(
        "学生 渔民 牧民 移民 工人 职工 农民工 教师 儿童 妇女 老人 党员 患者".split(),
        ("person", Fraction(1)),
    ),
}

MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def is_canonical_unit(unit: str) -> bool:
    """True if ``unit`` is a unit facts may be stored in (``"ha"``, ``"count:家"``,
    a rate such as ``"CNY/ha/year"`` …).

    >>> is_canonical_unit("CNY/night"), is_canonical_unit("CNY/mu")
    (True, False)
    """
    if not isinstance(unit, str):
        return False
    return unit in CANONICAL_UNITS or bool(_COUNT_UNIT.fullmatch(unit)) or _is_rate(unit)


def _is_rate(unit: str) -> bool:
    numerator, *per = unit.split("/")
    counted = numerator in CANONICAL_UNITS or numerator.startswith("count:")
    if not 1 <= len(per) <= 2 or not counted:
        return False
    if per[0] not in RATE_DENOMINATORS or (len(per) == 2 and per[1] not in RATE_PERIODS):
        return False
    return len(per) == 1 or per[0] != per[1]


def rate_unit(numerator: str, per: list[str]) -> tuple[str, Fraction]:
    """Canonical rate unit and exact factor for a written unit counted per ``per``.

    ``per`` holds written denominators (亩, 斤, 天, 人 …), an entity before a
    period.  The factor divides by the size of each: 1 元/亩 is 15 CNY/ha.

    >>> rate_unit("元", ["斤"])
    ('CNY/kg', Fraction(2, 1))
    """
    unit, factor = canonical_unit(numerator)
    for written in per:
        if written not in WRITTEN_DENOMINATORS:
            raise ValueError(f"unknown denominator {written!r}")
        den, size = WRITTEN_DENOMINATORS[written]
        unit, factor = f"{unit}/{den}", factor / size
    if not is_canonical_unit(unit):
        raise ValueError(f"{numerator}/{'/'.join(per)} gives no canonical unit ({unit})")
    return unit, factor


def canonical_unit(written: str) -> tuple[str, Fraction]:
    """Canonical unit and exact factor for a written unit.

    A classifier not in the table (张, 条, 座 …) is a count of its own kind.

    >>> canonical_unit("亩")
    ('ha', Fraction(1, 15))
    >>> canonical_unit("家")
    ('count:家', Fraction(1, 1))
    """
    if written in WRITTEN_UNITS:
        return WRITTEN_UNITS[written]
    if not written:
        raise ValueError("empty unit")
    if len(written) > 1 and written.endswith(("人", "同胞")) and "/" not in written:
        return "person", Fraction(1)  # a people counted by its noun: 苗族同胞, 重庆人
    return f"count:{written}", Fraction(1)


def to_canonical(value: float | Fraction | int, written: str) -> tuple[float, str]:
    """Convert a value in a written unit to the canonical unit.

    >>> to_canonical(300, "亩")
    (20.0, 'ha')
    """
    unit, factor = canonical_unit(written)
    return float(Fraction(value) * factor), unit


def interval(
    value: float, qualifier: str, step: float | None = None, upper: float | None = None
) -> tuple[float, float]:
    """The (lower, upper) interval a qualified figure implies; NaN for no bound.

    ``step`` is required for ``plus`` (the place value 余/多 follows), ``upper``
    for ``range`` (``value`` is then the lower end).

    >>> interval(2000, "plus", step=1000)
    (2000.0, 3000.0)
    >>> interval(20, "under")
    (nan, 20.0)
    """
    nan = math.nan
    if qualifier == "exact":
        return float(value), float(value)
    if qualifier == "plus":
        if step is None or step <= 0:
            raise ValueError("qualifier 'plus' (余/多) needs a positive step")
        return float(value), float(value) + float(step)
    if qualifier == "over":
        return float(value), nan
    if qualifier == "under":
        return nan, float(value)
    if qualifier == "approx":
        return nan, nan
    if qualifier == "range":
        if upper is None:
            raise ValueError("qualifier 'range' needs an upper end")
        return float(value), float(upper)
    raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {sorted(QUALIFIERS)}")


def interval_problem(value: float, lower: float, upper: float, qualifier: str) -> str | None:
    """Why (value, lower, upper) do not fit ``qualifier``, or None if they do.

    Used by the facts schema: the stored bounds must be the ones the qualifier
    implies, so a plot can trust them.
    """
    has_lo, has_up = not math.isnan(lower), not math.isnan(upper)
    if has_lo and has_up and lower > upper:
        return f"lower {lower:g} > upper {upper:g}"
    if has_lo and value < lower - 1e-9 * max(1.0, abs(value)):
        return f"value {value:g} < lower {lower:g}"
    if has_up and value > upper + 1e-9 * max(1.0, abs(value)):
        return f"value {value:g} > upper {upper:g}"
    expected = {
        "exact": (True, True),
        "plus": (True, True),
        "over": (True, False),
        "under": (False, True),
        "approx": (False, False),
        "range": (True, True),
    }.get(qualifier)
    if expected is None:
        return f"unknown qualifier {qualifier!r}"
    if (has_lo, has_up) != expected:
        lo = "a lower bound" if expected[0] else "no lower bound"
        up = "an upper bound" if expected[1] else "no upper bound"
        return f"qualifier {qualifier!r} needs {lo} and {up}"
    if qualifier == "exact" and not (lower == value == upper):
        return "qualifier 'exact' needs lower == value == upper"
    if qualifier == "plus" and not (lower == value < upper):
        return "qualifier 'plus' (余/多) needs lower == value < upper"
    if qualifier == "over" and lower != value:
        return "qualifier 'over' (逾/超) needs lower == value"
    if qualifier == "under" and upper != value:
        return "qualifier 'under' (近) needs upper == value"
    return None
