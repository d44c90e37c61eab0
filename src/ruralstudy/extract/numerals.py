"""Chinese and Arabic numerals → exact values, and the step 余/多 implies.

>>> parse_number("20万")        # value, step of a 余 after it (20万余 → +1万)
(Fraction(200000, 1), Fraction(10000, 1))
>>> parse_number("两百")
(Fraction(200, 1), Fraction(100, 1))
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import lru_cache

from ruralstudy.units import MULTIPLIERS

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
# 十百千 multiply within a section, 万亿 start a new one (三千五百万): same table as units.
CN_SMALL = {c: v for c, v in MULTIPLIERS.items() if v < 10_000}
CN_BIG = {c: v for c, v in MULTIPLIERS.items() if v >= 10_000}
CN_CHARS = "".join(CN_DIGITS) + "".join(MULTIPLIERS)
_SPACES = re.compile(r"[ \u3000\u00a0]")
# Digits and multipliers in turn, as Chinese numerals are composed: 2万5千, 1万3800, 3千5百.
# (One group without digits after it, 20万, is _ARABIC's: its step is the last written digit's.)
_GROUP = r"[0-9]{1,12}(?:\.[0-9]{1,4})?[十百千万亿]{1,2}"
_MIXED = re.compile(rf"(?:{_GROUP}){{2,4}}[0-9]{{0,4}}|{_GROUP}[0-9]{{1,4}}")
_MIXED_PART = re.compile(r"([0-9.]+)([十百千万亿]*)")
_ARABIC = re.compile(r"([0-9.,]+)([余多来]?)([十百千万亿]*)")
# Loose pairs of neighbouring digits (七八, 两三) and the idiomatic 三五 and 一两: a range.
_PAIR = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])([十百千]?)([万亿]?)")
_PAIRS = {(a, a + 1) for a in range(1, 9)} | {(3, 5)}
# A pair of next digits after 十 (十二三只, 二十七八岁: 12-13, 27-28); 十四五 is the five-year
# plan's name, so not a pair
_TENS_PAIR = re.compile(
    r"((?:[一二三四五六七八九])?十)([一二三四五六七八])([二三四五六七八九])([万亿]?)"
)  # … and in 万 or 亿 (十七八万元: 170000-180000)
# … and a pair after a round head (一千四五百, 一千四五, 一万二三千: 1400-1500, 1400-1500,
# 12000-13000); a pair with no place of its own takes the place below the head's last
_HEAD_PAIR = re.compile(r"(.*[百千万亿])([一二两三四五六七八九][二两三四五六七八九][十百千]?)")


@lru_cache(maxsize=4096)
def parse_number(s: str):
    """(value, step of 余/多 after it) as Fractions, or None if not a number.

    step is the place value 余/多 follows: 2000 → 1000, 280 → 10, 20万 → 1万
    (余 after 万), 20余万 → 10万.  A Chinese pair like 七八 gives (7, 1, 8).
    A space between digits and 万/亿 is layout ("361.76 亿").
    """
    if s.isdigit() and s.isascii():  # the common case, 1386: no regular expression needed
        # ints, not Fractions (an int has .numerator and .denominator too): Fraction()
        # was a tenth of the extractor's time
        zeros = len(s) - len(s.rstrip("0"))
        return int(s), 10**zeros if zeros < len(s) else 1
    if s == "半":  # 半小时, 半个月: a half alone
        return Fraction(1, 2), Fraction(1, 2)
    s = _SPACES.sub("", s)
    if _MIXED.fullmatch(s):
        return parse_mixed(s)
    m = _ARABIC.fullmatch(s)
    if m:
        digits, plus, mults = m.groups()
        digits = digits.replace(",", "")
        whole, _, frac = digits.partition(".")
        factor = math.prod(MULTIPLIERS[c] for c in mults) if mults else 1
        # Fraction(int, 10**k) is exact and far faster than parsing the string; the
        # multiplier goes into the numerator, not into a second Fraction
        value = Fraction(int(whole + frac) * factor, 10 ** len(frac))
        if plus:  # 20余万: 余 follows 20, the step is its last non-zero place
            return value, last_nonzero_place(digits) * factor
        if mults:  # 20万余: the step is 1 万 (0.1 万 for 1.5万)
            return value, Fraction(factor, 10 ** len(frac))
        return value, last_nonzero_place(digits)
    head, plus, mults = s.partition(next((c for c in "余多来几" if c in s), "余"))
    if plus and mults and all(c in CN_BIG for c in mults):  # 二十余万, 十来万, 十几万
        inner = parse_chinese(head)
        if inner is None or len(inner) > 2:
            return None
        factor = math.prod(CN_BIG[c] for c in mults)
        return inner[0] * factor, last_nonzero_place(str(inner[0])) * factor
    return parse_chinese(s)


def parse_mixed(s: str):
    """2万5千 = 25000, 1万3800 = 13800, 3千5百 = 3500, 2万5 = 25000: (value, step) or None.

    Each group of digits counts in the place its multipliers give; places must fall
    (2万50000 is no number).  Trailing digits count in ones (1万3800), except one
    lone digit, which takes the place below the last one, as in 三万五 (2万5 = 25000).
    """
    parts = _MIXED_PART.findall(s)
    tail = parts.pop()[0] if not parts[-1][1] else ""
    total, last_place = Fraction(0), None
    for digits, mults in parts:
        place = math.prod(MULTIPLIERS[c] for c in mults)
        value = Fraction(digits)
        if last_place is not None and (place >= last_place or value * place >= last_place):
            return None
        total, last_place = total + value * place, place
    if tail:
        ones = Fraction(int(tail))
        if len(tail) == 1 and last_place >= 10:
            ones *= last_place // 10
        if ones >= last_place:
            return None
        total += ones
    return total, last_nonzero_place(str(total.numerator)) if total.denominator == 1 else Fraction(
        1, total.denominator
    )


def parse_chinese(s: str):
    pairs_tens = len(s) > 2 and (s[-2] in CN_DIGITS or s[-1] in CN_BIG)
    tens = _TENS_PAIR.fullmatch(s) if pairs_tens else None
    if tens and CN_DIGITS[tens[3]] == CN_DIGITS[tens[2]] + 1 and s != "十四五":
        low = parse_chinese(tens[1] + tens[2])[0]
        f = CN_BIG[tens[4]] if tens[4] else 1
        return low * f, Fraction(f), (low + 1) * f
    head_pair = _HEAD_PAIR.fullmatch(s) if len(s) > 3 else None
    if head_pair:
        return _after_head(head_pair[1], head_pair[2])
    pair = _PAIR.fullmatch(s)
    if pair:  # 七八 (7–8), 三五 (3–5), 二三十 (20–30), 三五万 (30000–50000)
        a, b = CN_DIGITS[pair[1]], CN_DIGITS[pair[2]]
        one_two = a == 1 and pair[2] == "二" and (pair[3] or pair[4])  # 一二百斤, 一二十个
        if (a, b) not in _PAIRS or ((a == 1) != (pair[2] == "两") and not one_two):
            return None  # 三三, 五三; 一 pairs only with 两 (一两天) or as 一二 before 十百千万
            # (一二线城市, 一二级 are lists), 两 only after 一
        f = MULTIPLIERS.get(pair[3], 1) * MULTIPLIERS.get(pair[4], 1)
        return Fraction(a * f), Fraction(f), Fraction(b * f)
    total, section, digit, last_mult, after_zero = 0, 0, None, None, False
    small_seen = None
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and not after_zero and digit != 0:
                return None  # two digits in a row: 三三, 十四五
            after_zero = c in "零〇○"
            digit = CN_DIGITS[c]
        elif c in CN_SMALL:
            u = CN_SMALL[c]
            if small_seen is not None and u >= small_seen:
                return None  # 千百, 百千
            if digit is None:
                if section or total:  # 千百, 三万千
                    return None
                digit = 1
            section += digit * u
            digit, small_seen, last_mult, after_zero = None, u, c, False
        elif c in CN_BIG:
            if digit is not None:
                section += digit
            if section == 0:
                if total:
                    return None  # 亿万
                section = 1
            big = CN_BIG[c]
            if total and total < big:  # 三万亿
                total = (total + section) * big
            else:
                total += section * big
            section, digit, small_seen, last_mult, after_zero = 0, None, None, c, False
        else:
            return None
    if digit is not None:
        if digit and last_mult and not after_zero and s[-2] in MULTIPLIERS:
            digit *= MULTIPLIERS[last_mult] // 10  # 一千二 = 1200, 三万五 = 35000
        section += digit
    value = total + section
    if value == 0:
        return None
    step = last_nonzero_place(str(value))
    if s[-1] in CN_BIG:  # 五万余: 余 follows 万, step 1 万
        step = Fraction(CN_BIG[s[-1]])
    return Fraction(value), step


def _after_head(head: str, pair: str):
    """一千 + 四五百: (1400, 100, 1500), or None if the pair does not fit below the head."""
    top, low = parse_chinese(head), parse_chinese(pair)
    if top is None or low is None or len(top) != 2 or len(low) != 3:
        return None
    place = MULTIPLIERS[head[-1]]
    scale = 1 if pair[-1] in MULTIPLIERS else place // 10  # 一千四五: the pair in hundreds
    lo, step, hi = low[0] * scale, low[1] * scale, low[2] * scale
    if top[0] % place or hi >= place:
        return None  # 一千五六千, 三百二十三四: no head and pair
    return top[0] + lo, step, top[0] + hi


def last_nonzero_place(digits: str) -> Fraction:
    """Place value of the last non-zero digit: '2000' → 1000, '280' → 10, '2.5' → 1/10."""
    whole, _, frac = digits.partition(".")
    frac = frac.rstrip("0")
    if frac:
        return Fraction(1, 10 ** len(frac))
    stripped = whole.rstrip("0")
    return Fraction(10 ** (len(whole) - len(stripped))) if stripped else Fraction(1)


def decimal_place(digits: str) -> Fraction:
    """Place value of the last written digit: '20' → 1, '1.5' → 1/10."""
    _, _, frac = digits.partition(".")
    return Fraction(1, 10 ** len(frac))


def last_digit_place(n: str) -> Fraction:
    """Step of 多 after the unit (12亩多 → 1): the last written digit's place."""
    parsed = parse_number(n)
    if parsed is None:
        return Fraction(1)
    m = re.fullmatch(r"([0-9.,]+)([十百千万亿]*)", n)
    if m:
        return decimal_place(m[1]) * math.prod(MULTIPLIERS[c] for c in m[2])
    return Fraction(MULTIPLIERS[n[-1]]) if n[-1] in MULTIPLIERS else Fraction(1)


def trailing_multiplier(n: str) -> int:
    m = re.search(r"[十百千万亿]+$", n)
    if not m or not n[0].isdigit():
        return 1 if not n or n[0].isdigit() else _cn_trailing(n)
    return math.prod(MULTIPLIERS[c] for c in m.group())


def _cn_trailing(n: str) -> int:
    return CN_BIG[n[-1]] if n[-1] in CN_BIG else 1


def looks_like_year(n: str) -> bool:
    """1000 to 2999 in four ASCII digits, or four Chinese digits (二〇一四)."""
    if len(n) != 4:
        return False  # most numbers before 年: no call, no regular expression
    if n[0] in "12" and n.isascii() and n.isdigit():
        return True
    return all(c in CN_DIGITS for c in n)


def parse_fraction(denominator: str, numerator: str) -> Fraction | None:
    """The percent a fraction is: 三分之一 (``"三", "一"``) → 100/3, 1/4 → 25; None if not one.

    >>> parse_fraction("五", "一")
    Fraction(20, 1)
    """
    d, n = parse_number(denominator), parse_number(numerator)
    if d is None or n is None or len(d) > 2 or len(n) > 2 or not 0 < n[0] < d[0]:
        return None  # 三分之三, 七八分之一 and 5/3 are no fractions of a whole
    return Fraction(n[0]) / d[0] * 100
