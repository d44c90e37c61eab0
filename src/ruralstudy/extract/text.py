"""Text plumbing of the extractor: layout breaks, offsets, sentences, subjects.

Every step here is linear in the length of the text: a quote is cut to a
bounded window when its sentence is very long, and the windows of the figures
in one sentence are shared, so a text that is one 1-million-character sentence
full of figures costs memory in proportion to its length (issue 9).
"""

from __future__ import annotations

import bisect
import heapq
import re
from functools import lru_cache

from ruralstudy.extract.numerals import CN_CHARS

# Matching reads a copy of the text with full-width digits (and the dashes and waves of a
# range, – − ﹣ 〜, as - and ~, and the full-width slash of a rate, 元／亩) and the traditional
# forms of numerals, units, counted nouns (農民), qualifier and rate words (不少於, 不會超過,
# 純收入) and words the rate rules read (總, 集體, 工資, 週末, 兩年後) made
# simplified/ASCII; every other traditional character is read as OpenCC makes it
# (traditional_to_simplified).  Each
# character maps to one character, so offsets into the copy are offsets into
# the text.
SCAN_MAP = str.maketrans(
    "０１２３４５６７８９．％，－～–−﹣〜／萬億兩個戶畝噸餘約幾數過將項組棟張條間輛頭隻處場種類塊錢歲載時來點臺裡"
    "農貧眾遊勞動脫頃於滿純營業額潤紅掙賺產産"
    "資價補貼銷總計縣鎮體財現週節國慶黃費務經濟達為爲從當這後級鄉轉單獎貸稅報員東門"
    "會頂碼車漲變樓層號賣買運夠麵沒攢決戰堅內檔"
    "學漁職師兒婦黨養"  # counted nouns (36萬農村學生) and 營養 (兩家營養餐, not a place)
    "線"  # 線上年交易額 (online, not 上年: last year)
    "雙輪"  # 17雙 (pairs), 三輪 (rounds): classifiers
    "\u2015\u2012\u2010\u2011"  # the horizontal bar and figure dashes mark ranges (1―2个月)
    "\u2215\u2044",  # the division and fraction slashes as / (150元∕畝)
    "0123456789.%,-~---~/万亿两个户亩吨余约几数过将项组栋张条间辆头只处场种类块钱岁载时来点台里"
    "农贫众游劳动脱顷于满纯营业额润红挣赚产产"
    "资价补贴销总计县镇体财现周节国庆黄费务经济达为为从当这后级乡转单奖贷税报员东门"
    "会顶码车涨变楼层号卖买运够面没攒决战坚内档"
    "学渔职师儿妇党养"
    "线"
    "双轮"
    "----"
    "//",
)
# A whitespace run with a line break between two word characters is layout
# (the run [ \t\u3000]*(?:\r?\n[ \t\u3000]*)+, found from its line breaks).
_BLANK = " \t\u3000"
# [。！？!?]+[”’」』）)]*|\n, written to start with one character class, so the engine
# skips to the next candidate in C (an alternation first is tried at every character).
SENTENCE_END = re.compile(r"[。！？!?\n](?:(?<=\n)|[。！？!?]*[”’」』）)]*)")
# Read on the scan copy (full-width digits made ASCII); a digit of any script just
# before (\d) means the year is part of a number written in other digits.
_YEAR_IN_SENTENCE = re.compile(r"(?<![\d])((?:19|20)[0-9]{2})年")
_QUOTES = {"“": "”", "「": "」", '"': '"', "‘": "’"}
_NAME_QUOTE_MAX = 12
_HEADLINE_MAX = 30  # characters in a line that ends without punctuation
# A quote longer than this is cut to the clause of its figure, and a clause
# longer than this to the piece of it (pieces of this length) holding the figure.
QUOTE_MAX = 500
CLAUSE_END = re.compile(r"[，；：、,;:]+")
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
    glosses = list(_glosses(text)) if "(" in text else []
    runs = heapq.merge(_layout_breaks(text), glosses) if glosses else _layout_breaks(text)
    gloss_starts = {s for s, _ in glosses}
    for start, end in runs:
        pieces.append(text[last:start])
        at = start - removed  # joined offset of the break
        removed += end - start
        breaks.append(at)
        shifts.append(removed)
        if start in gloss_starts:  # a gloss ends no headline (and looks for no line start)
            pass
        elif start - (text.rfind("\n", 0, start) + 1) <= _HEADLINE_MAX:
            heads.append(at)
        last = end
    if not breaks:
        return text, breaks, shifts, heads
    pieces.append(text[last:])
    return "".join(pieces), breaks, shifts, heads


def _layout_breaks(text: str):
    """(start, end) of each whitespace run holding a line break between two word characters:
    ``[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+``, the runs of blanks, line breaks and a
    carriage return before a line break that hold a line break.

    Found at once by numpy from a look-up of each character (a loop over the line
    breaks in Python was a sixteenth of the time); a property test holds it to the
    regular expression.
    """
    import numpy as np  # as in scan_copy

    codes = code_points(text)
    kind = _layout_table().take(codes)  # take: a third fewer instructions than table[codes]
    line = kind == _LF
    run = (kind == _BLANK_CHAR) | line | ((kind == _CR) & np.r_[line[1:], False])
    at = np.flatnonzero(run)
    if not len(at):
        return iter(())
    cut = np.flatnonzero(np.diff(at) > 1)  # where one run ends and the next begins
    starts, ends = at[np.r_[0, cut + 1]], at[np.r_[cut, len(at) - 1]] + 1
    lf = np.flatnonzero(line)
    keep = np.searchsorted(lf, ends) > np.searchsorted(lf, starts)  # holds a line break
    keep &= (starts > 0) & (ends < len(codes))
    starts, ends = starts[keep], ends[keep]
    word = (kind[starts - 1] == _WORD_CHAR) & (kind[ends] == _WORD_CHAR)
    starts, ends = starts[word].tolist(), ends[word].tolist()
    if any(text[e] in "12" for e in ends):
        starts, ends = _drop_dated_lines(text, starts, ends)
    return zip(starts, ends, strict=True)


# A line that starts with a year (2024年02月28日 11:45, 2022年11月3日) starts a new item: the
# digits before its break (a clock's 13:20, a date's 11-05) are no part of its number.
_YEAR_LINE = re.compile(r"(?:19|20)[0-9]{2}年")


def _drop_dated_lines(text: str, starts: list, ends: list):
    """The breaks but those between a digit and a line starting with a year."""
    kept = [
        (s, e)
        for s, e in zip(starts, ends, strict=True)
        if not (text[s - 1].isdigit() and _YEAR_LINE.match(text, e))
    ]
    return [s for s, _ in kept], [e for _, e in kept]


# The characters _layout_breaks reads: blanks, line feed, carriage return, and the word
# characters a layout break stands between (CJK ideographs, ASCII digits).
_BLANK_CHAR, _LF, _CR, _WORD_CHAR = 1, 2, 3, 4


@lru_cache(maxsize=1)
def _layout_table():
    import numpy as np

    table = np.zeros(0x110000, dtype=np.uint8)
    table[[ord(c) for c in _BLANK]] = _BLANK_CHAR
    table[[ord("\n"), ord("\r")]] = _LF, _CR
    table[0x4E00:0xA000] = table[ord("0") : ord("9") + 1] = _WORD_CHAR
    return table


# A pinyin gloss after a character, as some reposts add them (突破3萬(wàn)元, 農(nóng)村),
# is removed before matching like a layout break.  A tone mark makes it pinyin, not
# an English word or an abbreviation in brackets.  The glosses seen use ASCII brackets;
# a literal first character lets the engine find candidates by a fast string search.
# Some copies drop the tone marks (5萬(wan)多畝(mu), 1520余(yu)戶) and repeat a gloss
# (箱(xiang)(xiang)): a gloss without one is pinyin only when it is a reading of the
# character before it (pypinyin's, with every reading of a polyphonic one), or repeats
# the gloss just removed; (kg) and (cm) after a word stay.
_GLOSS = re.compile(
    r"\([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\)|(?P<bare>\([a-z]{1,6}\))"
)


def _glosses(text: str):
    """(start, end) of each pinyin gloss just after a CJK character."""
    last_end, last_gloss = -1, ""
    for m in _GLOSS.finditer(text):
        start = m.start()
        if not start:
            continue
        before = text[start - 1]
        if m["bare"] is None:
            if "\u4e00" <= before <= "\u9fff":
                last_end, last_gloss = m.end(), m.group()
                yield start, m.end()
            continue
        if start == last_end and m.group() == last_gloss:  # 箱(xiang)(xiang)
            last_end = m.end()
            yield start, m.end()
        elif "\u4e00" <= before <= "\u9fff" and m.group()[1:-1] in _readings(before):
            last_end, last_gloss = m.end(), m.group()
            yield start, m.end()


@lru_cache(maxsize=4096)
def _readings(char: str) -> frozenset:
    """The toneless pinyin readings of a CJK character (ü as v and as u)."""
    from pypinyin import Style, pinyin  # loaded only for a copy with toneless glosses

    found = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return frozenset(found) | {r.replace("v", "u") for r in found}


def scan_copy(text: str) -> str:
    """``text.translate(SCAN_MAP)``, by a table look-up (numpy), ~20x faster on CJK text."""
    return scan_copy_and_codes(text)[0]


def scan_copy_and_codes(text: str):
    """``scan_copy(text)`` and its code points (numpy), which the look-ups over the scan
    copy share (sentence ends, subjects, numeral runs): each encoding of the text was
    a fortieth of the time."""
    if text.isascii():
        scan = text.translate(SCAN_MAP)
        return scan, code_points(scan)
    codes = _scan_table().take(code_points(text))
    return codes.tobytes().decode("utf-32-le", "surrogatepass"), codes


def code_points(text: str):
    """The code points of ``text`` as a numpy array (no copy of the encoded bytes)."""
    import numpy as np  # pandas needs it anyway; imported here to keep the package import light

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@lru_cache(maxsize=1)
def _scan_table():
    import numpy as np

    table = np.arange(0x110000, dtype=np.uint32)
    for source, target in traditional_to_simplified().items():
        table[source] = target
    for source, target in SCAN_MAP.items():  # SCAN_MAP's own readings win
        table[source] = target
    return table


# The CJK blocks whose traditional characters the scan copy reads as simplified.
_HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[int, int]:
    """Every CJK character OpenCC's t2s reads as one other character, as code points.

    SCAN_MAP names only the traditional characters the rules were written for; a
    page in traditional characters has many more beside a figure (年實現產品銷售150余萬元:
    實), and each one the rules do not know hides the figure's words.  OpenCC's
    character table is the standard one; its phrase rules are not used, as the scan
    copy maps one character to one to keep offsets.
    """
    import opencc  # loaded with the first scan copy of a non-ASCII text

    chars = [chr(c) for first, last in _HAN_BLOCKS for c in range(first, last + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a phrase rule joined or split lines: read none
        raise RuntimeError("OpenCC t2s changed the number of lines of a character list")
    return {ord(a): ord(b) for a, b in zip(chars, converted, strict=True) if len(b) == 1 and a != b}


# The characters sentence_ends reads: a stop, a closing quote or bracket, a line break.
_STOP, _CLOSER, _NEWLINE = 1, 2, 3
_END_MARKS = (("。！？!?", _STOP), ("”’」』）)", _CLOSER), ("\n", _NEWLINE))


def sentence_ends(text: str, codes=None) -> list[int]:
    """The ends of SENTENCE_END's matches in ``text``, in order (``sentence_end_array``)."""
    return sentence_end_array(text, codes).tolist()


def sentence_end_array(text: str, codes=None):
    """The ends of SENTENCE_END's matches in ``text``, in order, found by numpy, as an array
    (``codes``: the text's code points, or its scan copy's, as SCAN_MAP maps no sentence
    mark).

    sre tests SENTENCE_END's first class at every character of the text (a fifth of
    the extractor's preparation); a table look-up finds the few marks at once, and
    the rule is applied to them alone: a run of stops and the closers right after
    it end a sentence, a stop right after a closer starts the next; a line break
    ends one by itself.  Written by hand, as no library does this; a property test
    holds it to SENTENCE_END.
    """
    import numpy as np  # as in scan_copy

    codes = code_points(text) if codes is None else codes
    table = _end_table()
    at = np.flatnonzero(table.take(codes))
    kind = table[codes[at]]
    stop, closer = kind == _STOP, kind == _CLOSER
    after = np.r_[False, np.diff(at) == 1]  # the mark stands right after the mark before
    # a run of adjacent closers closes the sentence of a stop right before its first one
    first = ~(closer & after & np.r_[False, closer[:-1]])
    run_first = np.maximum.accumulate(np.where(first, np.arange(len(at)), 0))
    closing = closer & after[run_first] & np.r_[False, stop[:-1]][run_first]
    part = stop | closing
    # an end runs on into the next mark when it is part of one, unless a stop follows a closer
    runs_on = np.r_[after[1:] & part[1:] & ~(closer[:-1] & stop[1:]), False]
    return at[(part & ~runs_on) | (kind == _NEWLINE)] + 1


@lru_cache(maxsize=1)
def _end_table():
    import numpy as np

    table = np.zeros(0x110000, dtype=np.uint8)
    for chars, kind in _END_MARKS:
        table[[ord(c) for c in chars]] = kind
    return table


def shift(breaks, shifts, pos, side):
    """Characters removed before joined offset ``pos`` (end offsets stay left of a break)."""
    i = (bisect.bisect_right if side == "start" else bisect.bisect_left)(breaks, pos)
    return shifts[i - 1] if i else 0


def shifted(breaks, shifts, positions, side):
    """``shift`` for a numpy array of joined offsets, added to them: offsets in the text."""
    import numpy as np  # as in scan_copy

    if not breaks:
        return positions
    found = np.searchsorted(breaks, positions, "right" if side == "start" else "left")
    return positions + np.r_[0, shifts][found]


def in_short_quote(scan: str, s: int, e: int) -> bool:
    lo = max(0, s - _NAME_QUOTE_MAX)
    for open_q, close_q in _QUOTES.items():
        i = scan.rfind(open_q, lo, s)
        if i < 0 or (open_q != close_q and scan.find(close_q, i + 1, s) >= 0):
            continue
        j = scan.find(close_q, e, i + 1 + _NAME_QUOTE_MAX + 1)
        if j >= 0 and j - i - 1 <= _NAME_QUOTE_MAX and "\n" not in scan[i:j]:
            return _SPEECH.search(scan, i, j) is None
    return False


# A quoted clause is speech, not a name: it has a verb's aspect, a comparison or a pause
# (“比往年还多了一两千元”) or a sentence's stop (“家里两亩田、一亩地。”), which names
# (“十户联体”, “四在农家”) do not.
_SPEECH = re.compile("[了吗呢吧啊，,。！？]|比")


class Quotes:
    """The quote of each figure: its sentence, verbatim from the text.

    A sentence over ``QUOTE_MAX`` characters gives the clause of the figure,
    and a clause over ``QUOTE_MAX`` the ``QUOTE_MAX``-long piece of it that
    holds the figure (widened to the whole figure).  Quotes are made once and
    shared, so many figures in one long sentence cost no more than the text.
    """

    def __init__(self, text, joined, ends, breaks, shifts):
        """``ends``: the sentence ends in ``joined``, sorted (a list or a numpy array)."""
        import numpy as np  # as in scan_copy

        self._end_array = np.asarray(ends, dtype=np.int64)  # for many(); a list for bisect
        self.ends = ends.tolist() if isinstance(ends, np.ndarray) else ends
        self.text, self.joined = text, joined
        self.breaks, self.shifts = breaks, shifts
        self._clause_ends = (0, -1, [])  # of the last long sentence: figures come in order
        self._made: dict[tuple[int, int], str] = {}
        self._last = (0, -1, "")  # the last sentence quoted whole: figures come in text order

    def __call__(self, s: int, e: int) -> str:
        last_start, last_end, quote = self._last
        if last_start <= s and e <= last_end:  # no sentence end between: the same sentence
            return quote
        # The sentence around the figure, from two bisections (a figure over an end spans two)
        ends = self.ends
        i = bisect.bisect_right(ends, s)
        k = bisect.bisect_left(ends, e, i)  # e > s, so the first end at or after e is not before i
        js = ends[i - 1] if i else 0
        je = ends[k] if k < len(ends) else len(self.joined)
        # the first end after js is ends[i]: an end strictly inside (js, je) lies before k
        if je - js <= QUOTE_MAX and i >= k:
            self._last = (js, je, self._quote(js, je))
            return self._last[2]
        if je - js > QUOTE_MAX:
            js, je = _around(self.clause_ends(js, je), s, e, js, je)
        if je - js > QUOTE_MAX:
            piece = js + (s - js) // QUOTE_MAX * QUOTE_MAX
            js, je = piece, max(e, min(je, piece + QUOTE_MAX))
        return self._quote(js, je)

    def many(self, starts, stops):
        """The quote of every figure (numpy arrays of joined offsets), as an object array of
        ``self(s, e)``: the sentences around the figures found at once (numpy), each short
        one quoted once; a figure in a long sentence or over a sentence end is quoted by
        ``__call__`` (a call for every figure was a twelfth of the time)."""
        import numpy as np  # as in scan_copy

        ends = self._end_array
        i, k = np.searchsorted(ends, starts, "right"), np.searchsorted(ends, stops, "left")
        bounds = np.r_[0, ends, len(self.joined)]
        js, je = bounds[i], bounds[k + 1]  # the ends before and after, as __call__'s
        whole = (i == k) & (je - js <= QUOTE_MAX)
        _, first, which = np.unique(i[whole], return_index=True, return_inverse=True)
        a = shifted(self.breaks, self.shifts, js[whole][first], "start")  # as _quote's
        b = shifted(self.breaks, self.shifts, je[whole][first], "end")
        made = [self.text[x:y].strip() for x, y in zip(a.tolist(), b.tolist(), strict=True)]
        quotes = np.empty(len(starts), dtype=object)
        quotes[whole] = np.array(made, dtype=object)[which]
        for f in np.flatnonzero(~whole).tolist():
            quotes[f] = self(int(starts[f]), int(stops[f]))
        return quotes

    def _quote(self, js: int, je: int) -> str:
        key = (js, je)
        quote = self._made.get(key)
        if quote is None:
            breaks, shifts = self.breaks, self.shifts  # shift(), inlined: once a sentence
            i, k = bisect.bisect_right(breaks, js), bisect.bisect_left(breaks, je)
            os_ = js + (shifts[i - 1] if i else 0)
            oe = je + (shifts[k - 1] if k else 0)
            quote = self._made[key] = self.text[os_:oe].strip()
        return quote

    def clause_ends(self, js: int, je: int) -> list[int]:
        """Clause ends in the long sentence [js, je), found once for its figures (the
        whole text's took a tenth of the time on text with one long sentence)."""
        if self._clause_ends[:2] != (js, je):
            found = [m.end() for m in CLAUSE_END.finditer(self.joined, js, je)]
            self._clause_ends = (js, je, found)
        return self._clause_ends[2]


def _around(ends: list[int], s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """The span between the last end at or before ``s`` and the first at or after ``e``."""
    i = bisect.bisect_right(ends, s)
    start = max(lo, ends[i - 1]) if i else lo
    k = bisect.bisect_left(ends, e)
    end = min(hi, ends[k]) if k < len(ends) else hi
    return start, end


def sentence(text, joined, ends, breaks, shifts, s, e) -> str:
    """The quote of the figure at joined offsets [s, e) (see ``Quotes``)."""
    return Quotes(text, joined, ends, breaks, shifts)(s, e)


def subject(scan: str, s: int, e: int) -> tuple[int, int]:
    """Span of the best-effort noun of a figure: the word after it (12个网格), else before
    (产值20万元).  Read on the scan text, sliced by the caller from the text as written."""
    i = e + (scan[e : e + 1] in "“「《")  # 94名“社区管家”
    j = _WORD_AFTER.match(scan, i).end()
    if j > i:
        return i, j
    i = s
    while i > 0 and scan[i - 1] in _SUBJECT_VERBS:
        i -= 1
    lo = max(0, i - _SUBJECT_MAX_BEFORE)
    return _WORD_BEFORE.search(scan, lo, i).start(), i


def _cjk_except(stop: set) -> str:
    """A character class of CJK ideographs without ``stop`` (ranges, so matching is fast)."""
    ranges, lo = [], 0x4E00
    for cp in sorted(ord(c) for c in stop if "\u4e00" <= c <= "\u9fff"):
        if cp > lo:
            ranges.append(f"{chr(lo)}-{chr(cp - 1)}")
        lo = cp + 1
    ranges.append(f"{chr(lo)}-\u9fff")
    return "[" + "".join(ranges) + "]"


# A run of CJK characters that are no stop: up to 6 after a figure, 4 before it.
_WORD_AFTER = re.compile(f"{_cjk_except(_SUBJECT_STOP_AFTER)}{{0,{_SUBJECT_MAX}}}")
_WORD_BEFORE = re.compile(f"{_cjk_except(_SUBJECT_STOP)}{{0,{_SUBJECT_MAX_BEFORE}}}$")


def subjects(scan: str, starts, stops, codes=None):
    """``subject`` of every figure at once (``starts``, ``stops``: numpy arrays of joined
    offsets; ``codes``, the scan's code points if at hand), as two arrays of span ends; a
    call per figure was a twentieth of the time.

    Only the few characters around each figure are looked up (numpy): the word after
    it runs to the first character of the 6 after it that is no word character; before
    it, past the verbs, the word starts after the last such character of the 4 before.
    Held to ``subject`` by a property test.
    """
    import numpy as np  # as in scan_copy

    codes, table = code_points(scan) if codes is None else codes, _subject_table()

    def flags(at):  # the table's bits at offsets ``at`` (none outside the text)
        inside = (at >= 0) & (at < len(codes))
        return np.where(inside, table[codes[np.where(inside, at, 0)]], 0)

    at = stops + ((flags(stops) & _OPENER) > 0)  # 94名“社区管家”
    ahead = at[:, None] + np.arange(_SUBJECT_MAX)
    word_end = np.where(flags(ahead) & _IN_WORD_AFTER, at[:, None] + _SUBJECT_MAX, ahead).min(1)
    head = _past_verbs(scan, starts, flags)
    back = head[:, None] - np.arange(_SUBJECT_MAX_BEFORE, 0, -1)  # the 4 before, in order
    # _WORD_BEFORE's $ also matches before a line break that ends the window
    limit = head - ((flags(head - 1) & _LINE_BREAK) > 0)
    stop = (back < limit[:, None]) & (back >= 0) & ((flags(back) & _IN_WORD_BEFORE) == 0)
    word_start = np.where(stop, back + 1, np.maximum(head - _SUBJECT_MAX_BEFORE, 0)[:, None])
    has_after = word_end > at
    return np.where(has_after, at, word_start.max(1)), np.where(has_after, word_end, head)


_VERBS_SEEN = 8  # verbs before a figure looked up at once; a longer run is walked back


def _past_verbs(scan: str, starts, flags):
    """Where the run of _SUBJECT_VERBS ending at each start begins."""
    import numpy as np  # as in scan_copy

    back = starts[:, None] - np.arange(1, _VERBS_SEEN + 1)  # nearest first
    verbs = np.cumprod((flags(back) & _VERB) > 0, axis=1).sum(1)  # the run's length
    head = starts - verbs
    for f in np.flatnonzero(verbs == _VERBS_SEEN).tolist():  # rare: walk on
        i = int(head[f])
        while i > 0 and scan[i - 1] in _SUBJECT_VERBS:
            i -= 1
        head[f] = i
    return head


# The characters subjects reads, as bits of one table: word characters after and before a
# figure, the verbs skipped before it, the openers skipped after it, the line break.
_IN_WORD_AFTER, _IN_WORD_BEFORE, _VERB, _OPENER, _LINE_BREAK = 1, 2, 4, 8, 16


@lru_cache(maxsize=1)
def _subject_table():
    import numpy as np

    table = np.zeros(0x110000, dtype=np.uint8)
    table[0x4E00:0xA000] = _IN_WORD_AFTER | _IN_WORD_BEFORE  # as _cjk_except's ranges
    for chars, flag in ((_SUBJECT_STOP_AFTER, _IN_WORD_AFTER), (_SUBJECT_STOP, _IN_WORD_BEFORE)):
        table[[ord(c) for c in chars]] &= ~np.uint8(flag)
    for chars, flag in ((_SUBJECT_VERBS, _VERB), ("“「《", _OPENER), ("\n", _LINE_BREAK)):
        table[[ord(c) for c in chars]] |= flag
    return table


@lru_cache(maxsize=4096)
def single_year(sentence: str):
    """The year a sentence names, when it names exactly one (2024年 …), else None."""
    years = set(_YEAR_IN_SENTENCE.findall(sentence.translate(SCAN_MAP)))
    return int(years.pop()) if len(years) == 1 else None
