"""What kind of character each one is, for judging whether text reads as Chinese.

The judgement needs no language model: GB2312 (the 6,763 hanzi of everyday
simplified Chinese) and Big5's first level (the 5,401 "frequently used"
traditional characters) are character lists that ship inside Python's own
codecs, and almost every character of a real Chinese sentence is in one of
them.  A wrong decoding scatters its output over rare hanzi, kana, Greek,
Cyrillic, Hebrew, box drawing and private-use code points instead.
"""

from __future__ import annotations

import unicodedata
from functools import cache

COMMON = "common"  # everyday hanzi, CJK punctuation, pinyin letters
RARE = "rare"  # a hanzi outside the everyday lists: legitimate, but a weak sign
ODD = "odd"  # a letter or symbol a Chinese text hardly ever holds
LOST = "lost"  # U+FFFD, private-use, C1 controls: text destroyed before saving
NEUTRAL = "neutral"  # anything else (ASCII, €, emoji …): no evidence either way

PINYIN = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêÀÁÈÉÌÍÒÓÙÚÜĀĒĪŌŪǍĚǏǑǓ")
# Symbols Chinese reports and tables use beside hanzi (·, ×, °, ±, ¥ …).
CHINESE_SYMBOLS = set("·×÷°±¥§²³µ")  # µ, ², ³ in units: µg, m², m³
ODD_RANGES = (
    (0x00A1, 0x00FF),  # Latin-1 letters and signs (except those allowed above)
    (0x0100, 0x024F),  # Latin Extended-A/B (except pinyin)
    (0x0250, 0x036F),  # IPA, spacing modifiers, combining marks
    (0x0370, 0x07FF),  # Greek … NKo: where GBK bytes land when read as UTF-8
    (0x3040, 0x30FF),  # kana: where Big5 lead bytes land when read as GBK
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xFE10, 0xFE1F),  # vertical forms (︾ in UTF-8 read as GBK)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF61, 0xFF9F),  # half-width katakana
)
LOST_RANGES = (
    (0x0080, 0x009F),  # C1 controls: a byte no text encoding meant as a character
    (0xE000, 0xF8FF),  # private use: GB18030's home for bytes it has no character for
    (0xF0000, 0x10FFFF),
    (0xFFFD, 0xFFFD),  # the replacement character: an earlier reader gave up here
)
COMMON_RANGES = (
    (0x2010, 0x203B),  # dashes, quotes, …, ‰, ※
    (0x2100, 0x218F),  # ℃, №, Roman numerals
    (0x2460, 0x24FF),  # ①②
    (0x25A0, 0x25FF),  # ●○■□▲△
    (0x2605, 0x2606),  # ★☆
    (0x3000, 0x303F),  # CJK punctuation: 、。《》「」
    (0xFF01, 0xFF60),  # full-width forms: ，：（）
    (0xFFE0, 0xFFE6),  # full-width ￥ ￡
)
HANZI_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


def kind(ch: str) -> str:
    """The class of one character: COMMON, RARE, ODD, LOST or NEUTRAL."""
    return _kind(ch)


@cache
def _kind(ch: str) -> str:
    code = ord(ch)
    if code < 0x80:
        return NEUTRAL
    if ch in PINYIN or ch in CHINESE_SYMBOLS:
        return COMMON
    if _within(code, LOST_RANGES):
        return LOST
    if _within(code, HANZI_RANGES):
        return COMMON if ch in _everyday_hanzi() else RARE
    if _within(code, COMMON_RANGES):
        return COMMON
    if _within(code, ODD_RANGES):
        return ODD
    return NEUTRAL


def plausibility(text: str, hanzi_list: str | None = None) -> float:
    """Share of the non-ASCII characters that a Chinese text normally holds.

    Rare hanzi count half (a rare character in a name is real; a page of them
    is a wrong decoding); text without non-ASCII characters scores 1.
    ``hanzi_list`` ("gb2312" or "big5") counts only that list's hanzi as
    everyday: a GBK reading of Big5 bytes is full of traditional characters
    that are everyday in Big5, not in GBK text.

    >>> plausibility("车田村整合300亩撂荒地。")
    1.0
    """
    total = score = 0.0
    native = None if hanzi_list is None else _hanzi_list(hanzi_list)
    for ch, k in zip((c for c in text if ord(c) >= 0x80), context_kinds(text), strict=True):
        if native is not None and k == COMMON and _within(ord(ch), HANZI_RANGES):
            # Everyday in the other script only: weak evidence for this reading.
            k = COMMON if ch in native else RARE
        total += 1
        score += WEIGHTS[k]
    return 1.0 if total == 0 else score / total


def badness(text: str) -> float:
    """How many characters of text are unlikely (odd, lost, rare; neutral half)."""
    return sum(1 - WEIGHTS[k] if k == NEUTRAL else float(k != COMMON) for k in context_kinds(text))


WEIGHTS = {COMMON: 1.0, RARE: 0.5, NEUTRAL: 0.75, ODD: 0.0, LOST: 0.0}


def context_kinds(text: str) -> list[str]:
    """The kind of each non-ASCII character of text, in order.

    A Latin letter beside an ASCII letter is part of a European word
    ("Gödel", "São") and counts as common; the same letter among symbols and
    other accented letters ("Ã©", "è½¦") is the mark of mojibake.
    """
    kinds = []
    for at, ch in enumerate(text):
        if ord(ch) < 0x80:
            continue
        k = _kind(ch)
        if k == ODD and _latin_letter(ch) and _ascii_letter_beside(text, at):
            k = COMMON
        kinds.append(k)
    return kinds


def _latin_letter(ch: str) -> bool:
    # Combining accents too: pinyin typed as "a" + U+0304 is "ā".
    return (0x00C0 <= ord(ch) <= 0x024F and ch not in "×÷") or 0x0300 <= ord(ch) <= 0x036F


def _ascii_letter_beside(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def has_hanzi(text: str) -> bool:
    return any(_within(ord(ch), HANZI_RANGES) for ch in text)


def describe(ch: str) -> str:
    """'Ã' (U+00C3 LATIN CAPITAL LETTER A WITH TILDE)."""
    name = unicodedata.name(ch, "unnamed")
    return f"{ch!r} (U+{ord(ch):04X} {name})"


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


@cache
def _everyday_hanzi() -> frozenset[str]:
    return _hanzi_list("gb2312") | _hanzi_list("big5")


@cache
def _hanzi_list(name: str) -> frozenset[str]:
    chars: set[str] = set()
    if name == "gb2312":
        # GB2312 hanzi: lead bytes 0xB0-0xF7, trail bytes 0xA1-0xFE.
        for lead in range(0xB0, 0xF8):
            for trail in range(0xA1, 0xFF):
                _add_decoded(chars, bytes((lead, trail)), "gb2312")
    else:
        # Big5 level 1 ("常用字"): 0xA440-0xC67E; trail bytes 0x40-0x7E, 0xA1-0xFE.
        for lead in range(0xA4, 0xC7):
            high = [*range(0xA1, 0xFF)] if lead < 0xC6 else []
            for trail in [*range(0x40, 0x7F), *high]:
                _add_decoded(chars, bytes((lead, trail)), "big5")
    return frozenset(ch for ch in chars if _within(ord(ch), HANZI_RANGES))


def _add_decoded(chars: set[str], pair: bytes, codec: str) -> None:
    try:
        chars.add(pair.decode(codec))
    except UnicodeDecodeError:
        pass
