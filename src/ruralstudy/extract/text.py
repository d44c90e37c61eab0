"""Text plumbing of the extractor: layout breaks, offsets, sentences, subjects."""

from __future__ import annotations

import bisect
import re

from ruralstudy.extract.numerals import CN_CHARS

# Matching reads a copy of the text with full-width digits and the traditional
# forms of numerals, units and qualifier words made simplified/ASCII.  Each
# character maps to one character, so offsets into the copy are offsets into
# the text.
SCAN_MAP = str.maketrans(
    "０１２３４５６７８９．％，－～萬億兩個戶畝噸餘約幾數過將項組棟張條間輛頭隻處場種類塊錢歲載時來點臺裡",
    "0123456789.%,-~万亿两个户亩吨余约几数过将项组栋张条间辆头只处场种类块钱岁载时来点台里",
)
# A whitespace run with a line break between two word characters is layout.
_LAYOUT_BREAK = re.compile(
    r"(?<=[\u4e00-\u9fff0-9])[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+(?=[\u4e00-\u9fff0-9])"
)
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
_YEAR_IN_SENTENCE = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_QUOTES = {"“": "”", "「": "」", '"': '"', "‘": "’"}
_NAME_QUOTE_MAX = 12
_HEADLINE_MAX = 30  # characters in a line that ends without punctuation
_SUBJECT_STOP = set(
    "的了在和与及或并是为有达约近超逾共计等中里从向对把被将让给也都就还又再已于以每"
    '、，。；：！？,.;:!?（）()“”"《》「」 \n\t…—-0123456789%个'
) | set(CN_CHARS)
# After a figure, a verb or particle ends the noun: 59栋楼分成, 45户人家结成, 2000多元呢.
_SUBJECT_STOP_AFTER = _SUBJECT_STOP | set("分结配成呢吧啊呀嘛")
_SUBJECT_MAX, _SUBJECT_MAX_BEFORE = 6, 4
_SUBJECT_VERBS = set("达为有是共约近超逾到至增收获实现占过破")


def join_layout_breaks(text: str):
    """Text with layout breaks removed; where (joined offset, shift) changes; headline ends.

    A removed break after a short line (a headline or byline: "车田十年求变\n\n贵州日报…")
    still ends a sentence, so quotes do not run into the next paragraph; a
    break inside a long paragraph ("发展八\n\n月瓜") does not.
    """
    pieces, breaks, shifts, heads, last, removed = [], [], [], [], 0, 0
    for m in _LAYOUT_BREAK.finditer(text):
        pieces.append(text[last : m.start()])
        at = m.start() - removed  # joined offset of the break
        removed += m.end() - m.start()
        breaks.append(at)
        shifts.append(removed)
        if m.start() - (text.rfind("\n", 0, m.start()) + 1) <= _HEADLINE_MAX:
            heads.append(at)
        last = m.end()
    if not breaks:
        return text, breaks, shifts, heads
    pieces.append(text[last:])
    return "".join(pieces), breaks, shifts, heads


def shift(breaks, shifts, pos, side):
    """Characters removed before joined offset ``pos`` (end offsets stay left of a break)."""
    i = (bisect.bisect_right if side == "start" else bisect.bisect_left)(breaks, pos)
    return shifts[i - 1] if i else 0


def overlaps(spans, s, e) -> bool:
    """Does [s, e) overlap one of ``spans`` (sorted, disjoint)?"""
    i = bisect.bisect_left(spans, (e,))
    return i > 0 and spans[i - 1][1] > s


def in_short_quote(scan: str, s: int, e: int) -> bool:
    lo = max(0, s - _NAME_QUOTE_MAX)
    for open_q, close_q in _QUOTES.items():
        i = scan.rfind(open_q, lo, s)
        if i < 0 or (open_q != close_q and scan.find(close_q, i + 1, s) >= 0):
            continue
        j = scan.find(close_q, e, i + 1 + _NAME_QUOTE_MAX + 1)
        if j >= 0 and j - i - 1 <= _NAME_QUOTE_MAX and "\n" not in scan[i:j]:
            return True
    return False


def sentence(text, joined, ends, breaks, shifts, s, e) -> str:
    i = bisect.bisect_right(ends, s)
    js = ends[i - 1] if i else 0
    k = bisect.bisect_left(ends, e)
    je = ends[k] if k < len(ends) else len(joined)
    os_ = js + shift(breaks, shifts, js, "start")
    oe = je + shift(breaks, shifts, je, "end")
    return text[os_:oe].strip()


def subject(scan: str, s: int, e: int) -> tuple[int, int]:
    """Span of the best-effort noun of a figure: the word after it (12个网格), else before
    (产值20万元).  Read on the scan text, sliced by the caller from the text as written."""
    i = e + (scan[e : e + 1] in "“「《")  # 94名“社区管家”
    j = _word_end(scan, i, +1, _SUBJECT_STOP_AFTER)
    if j > i:
        return i, j
    i = s
    while i > 0 and scan[i - 1] in _SUBJECT_VERBS:
        i -= 1
    return _word_end(scan, i, -1, _SUBJECT_STOP), i


def _word_end(scan: str, i: int, direction: int, stop: set) -> int:
    """Where a run of CJK characters from ``i`` forwards (1) or backwards (-1) stops."""
    limit = _SUBJECT_MAX if direction > 0 else _SUBJECT_MAX_BEFORE
    for _ in range(limit):
        j = i if direction > 0 else i - 1
        if not 0 <= j < len(scan):
            break
        c = scan[j]
        if c in stop or not ("\u4e00" <= c <= "\u9fff"):
            break
        i += direction
    return i


def single_year(sentence: str):
    years = set(_YEAR_IN_SENTENCE.findall(sentence))
    return int(years.pop()) if len(years) == 1 else None
