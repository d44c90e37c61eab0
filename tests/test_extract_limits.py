"""The extractor never raises and stays within a memory limit on hostile text (issue 9).

The worst shapes are benchmarks/bench_extract.py's ``SHAPES`` (one sentence
full of figures, no punctuation, nested brackets, qualifier and numeral runs,
layout breaks, rates …).  Each is read at 100,000 characters by
``extract_quantities`` and ``fact_candidates`` in a child process whose
address space is capped (resource.RLIMIT_AS): the quadratic extractor this
replaces needed 942 MB for 30,000 characters of the first shape and raised
MemoryError at 100,000.  These are limit and correctness checks; speed is the
benchmark's (no timing is asserted here).
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruralstudy.extract import (
    _CANDIDATE_RUN,
    _IDIOM_WORDS,
    _PEOPLE_NOUN,
    _PREFIX_LAST,
    _SPACES,
    _UNIT_GUARDS,
    IDIOMS,
    NOUN_UNITS,
    QUANTITY,
    UNIT_PATTERN,
    UNITS,
    _bound_then_figure,
    _candidate_runs,
    _exact_float,
    _idiom_spans,
    _matches,
    _optional,
    _range_in_a_list,
    _scan_kinds,
    extract_quantities,
    quantity_pattern,
    rates,
)
from ruralstudy.extract.numerals import CN_DIGITS, looks_like_year, parse_number
from ruralstudy.extract.text import (
    _END_MARKS,
    _SUBJECT_VERBS,
    QUOTE_MAX,
    SCAN_MAP,
    SENTENCE_END,
    Quotes,
    _layout_breaks,
    join_layout_breaks,
    scan_copy,
    scan_copy_and_codes,
    sentence_ends,
    shift,
    shifted,
    subject,
    subjects,
)

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_extract.py"
CHARS = 100_000
# Python with pandas and numpy maps about 200 MB; the cap leaves ~800 MB for the work,
# far below what a cost growing with the square of a sentence needs at 100k characters.
ADDRESS_SPACE = 1024**3


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHAPES = _bench().SHAPES

# Run in the child: read each text under the cap and check every row's offsets.
_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))
    from ruralstudy.extract import extract_quantities, fact_candidates
    out = []
    for text in json.load(open(sys.argv[1], encoding="utf-8")):
        df = extract_quantities(text)
        bad = [
            r.start for r in df.itertuples()
            if not (0 <= r.start < r.end <= len(text) and text[r.start:r.end] == r.text)
        ]
        facts = fact_candidates(text, "fuzz")
        quotes = df["sentence"]
        out.append({
            "rows": len(df), "fact_rows": len(facts), "bad_offsets": bad[:5],
            "longest_quote": int(quotes.str.len().max()) if len(df) else 0,
            "distinct_quote_objects": int(quotes.map(id).nunique()),
            "quote_in_text": bool(all(q in text for q in set(quotes))),
        })
    print(json.dumps(out))
    """
)


def run_capped(texts: list[str], tmp_path: Path) -> list[dict]:
    path = tmp_path / "texts.json"
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    code = _CHILD.replace("CAP_BYTES", str(ADDRESS_SPACE))
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_worst_shape_at_100k_characters_within_the_memory_cap(tmp_path):
    bench = _bench()
    names = sorted(SHAPES)
    results = run_capped([bench.shape_text(n, CHARS) for n in names], tmp_path)
    for name, r in zip(names, results, strict=True):
        assert r["bad_offsets"] == [], name
        assert r["rows"] == r["fact_rows"], name
        assert r["quote_in_text"], name
        assert r["longest_quote"] <= QUOTE_MAX + 40, name  # a piece, widened to its figure
    by_name = dict(zip(names, results, strict=True))
    dense = by_name["one_sentence_figures"]
    assert dense["rows"] == CHARS // 2 - 1  # every 5亩 is read …
    # … and its 49,999 rows share a few hundred quote strings, not one copy each
    assert dense["distinct_quote_objects"] <= 2 * CHARS // QUOTE_MAX + 2


_NASTY_PIECES = [piece for lead, piece in SHAPES.values()] + [
    "。", "，", "\n\n", "“", "”", "（", "）", " ", "年", "亩", "元", "每", "余", "多", "近",
]  # fmt: skip


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(_NASTY_PIECES), min_size=1, max_size=12))
def test_random_mixtures_of_worst_shapes_at_100k_characters(tmp_path, pieces):
    chunk = "".join(pieces)
    text = (chunk * (CHARS // len(chunk) + 1))[:CHARS]
    (r,) = run_capped([text], tmp_path)
    assert r["bad_offsets"] == [] and r["quote_in_text"]
    assert r["longest_quote"] <= QUOTE_MAX + 40


_TEXTISH = st.text(
    alphabet="零〇一二两三四五六七八九十百千万亿余多来约近逾超过不足至到-—~%.,/ 0123456789半小时"
    "亩元户个年月日第每均人分之成倍“”（）\n，。、",
    max_size=120,
)


@settings(max_examples=400, deadline=None)
@given(_TEXTISH)
def test_matching_near_numbers_finds_what_a_full_scan_finds(text):
    """The anchored scan (``_matches``) is an optimisation of a full scan: QUANTITY searched
    from each match's end, a range between items of a 、-list cut to its first item."""
    scan = scan_copy(join_layout_breaks(text)[0])
    assert [m.span() for m in _matches(scan)] == [m.span() for m in _full_scan(scan)]


@settings(max_examples=400, deadline=None)
@given(_TEXTISH)
def test_candidate_runs_are_the_matches_of_their_regular_expression(text):
    """_candidate_runs (numpy) against _CANDIDATE_RUN, with the flags _matches reads."""
    scan, codes = scan_copy_and_codes(join_layout_breaks(text)[0])
    runs = [m.span() for m in _CANDIDATE_RUN.finditer(scan)]
    found = list(_candidate_runs(_scan_kinds(codes)))
    assert [(start, end) for start, end, _, _ in found] == runs
    for start, end, mixed, prefix_before in found:
        run = scan[start:end]
        assert mixed == ((not run.isdigit() and any(c.isdigit() for c in run)) or "半" in run)
        assert prefix_before == (start > 0 and scan[start - 1] in _PREFIX_LAST | _SPACES)


_IDIOMISH = st.text(
    alphabet="四处周三天两头番五次年载十树木百人半斤八成群千上万一亩分地不变时间后内以来的左右0",
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(_IDIOMISH)
def test_idioms_are_found_where_their_first_two_characters_stand(text):
    """_idiom_spans against IDIOMS.finditer; each word starts with two literal characters."""
    scan, codes = scan_copy_and_codes(text)
    assert _idiom_spans(scan, _scan_kinds(codes)) == [m.span() for m in IDIOMS.finditer(scan)]
    assert all(re.escape(word[:2]) == word[:2] for word in _IDIOM_WORDS)


def test_the_scan_copy_keeps_every_sentence_mark():
    """sentence_ends reads the scan copy's code points as the text's: no mark is mapped."""
    marks = {c for chars, _ in _END_MARKS for c in chars}
    assert not marks & {chr(c) for pair in SCAN_MAP.items() for c in pair}


def _full_scan(scan: str):
    pos = 0
    while (m := QUANTITY.search(scan, pos)) is not None:
        # hypothesis found 、0年至0倍: two items; so is 不足0元到0元, a bound then a figure
        if m["u1"] and (_range_in_a_list(scan, m) or _bound_then_figure(scan, m)):
            m = QUANTITY.match(scan, m.start(), m.start("sep"))
        yield m
        pos = m.end()


def test_the_full_scan_cuts_a_range_in_a_list_as_the_anchored_scan_does():
    scan = scan_copy("、0年至0倍")
    assert [m.span() for m in _full_scan(scan)] == [(1, 3), (4, 6)]
    assert [m.span() for m in _matches(scan)] == [(1, 3), (4, 6)]


def test_the_full_scan_cuts_a_bound_before_a_range_mark_as_the_anchored_scan_does():
    scan = scan_copy("从不足0元到0元")
    assert [m.span() for m in _full_scan(scan)] == [(1, 5), (6, 8)]
    assert [m.span() for m in _matches(scan)] == [(1, 5), (6, 8)]


@pytest.mark.parametrize(
    "text",
    ["\ud800" + "5亩", "5亩\udfff", "\x00" * 10 + "300亩", "\U0001f600" * 3 + "十万元", "﻿二十户"],
    ids=["lone-high-surrogate", "lone-low-surrogate", "nul", "emoji", "bom"],
)
def test_odd_code_points_never_raise(text):
    df = extract_quantities(text)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.text
    assert len(df) == 1


def test_a_long_sentence_is_quoted_by_its_clause():
    clause = "村集体经济收入达57.47万元"
    text = "前言。" + "，".join(["发展产业" * 20] * 6 + [clause] + ["带动就业" * 20] * 6) + "。"
    row = extract_quantities(text).iloc[0]
    assert row["text"] == "57.47万元" and row["sentence"] == clause + "，"  # as a sentence keeps 。


def test_the_linearity_benchmark_runs_on_tiny_sizes(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH), "--shapes", "--sizes", "300", "600", "--only", "rates"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("rates")]
    assert len(lines) == 4  # two functions at two sizes
    assert all("µs/char" not in ln for ln in lines) and "µs/char" in done.stdout


# The fast forms of the extractor's patterns must match as their plain forms do.
# The people noun (6000余苗族同胞) is tried last in both, after every listed unit.
_PLAIN_UNITS = "|".join(
    [_UNIT_GUARDS.get(u, re.escape(u)) for u in sorted(UNITS + NOUN_UNITS, key=len, reverse=True)]
    + [_PEOPLE_NOUN]
)
_UNIT_CHARS = "".join(sorted({c for u in UNITS + NOUN_UNITS for c in u}))
_UNIT_CHARS += "至员植份年上…。 余多同胞"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_UNIT_CHARS, max_size=8))
def test_unit_pattern_matches_as_the_longest_first_alternation(text):
    """UNIT_PATTERN tries the lone one-character units as one class first; it must give
    the same match as the plain longest-first list, also when what follows must fit."""
    for tail in ("", "至", "$"):
        fast, plain = (
            re.compile(f"(?:{UNIT_PATTERN}){tail}"),
            re.compile(f"(?:{_PLAIN_UNITS}){tail}"),
        )
        for i in range(len(text) + 1):
            got, want = fast.match(text, i), plain.match(text, i)
            assert (got and got.span()) == (want and want.span())


_PLAIN_QUANTITY = re.compile(quantity_pattern(lambda group, ahead="": f"(?:{group})?"))
_QUANTITYISH = (
    "零一二两三四五六七八九十百千万亿余多来几约近逾超过不足到至少以上下左右都还-—~%.,/ 0123456789"
    "亩元户个年月人分之成倍每晚斤块钱村民“”，。"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_QUANTITYISH, max_size=40))
def test_quantity_matches_as_its_plain_form(text):
    """QUANTITY writes its optional groups as alternations with nothing (faster in sre);
    every group must match where and as the plain ``(?:…)?`` form's does."""
    for i in range(len(text) + 1):
        fast, plain = QUANTITY.match(text, i), _PLAIN_QUANTITY.match(text, i)
        assert (fast and fast.regs) == (plain and plain.regs)


def _lookaheads() -> list[tuple[str, str]]:
    """QUANTITY's optional groups that have a lookahead, and the lookahead."""
    found = []

    def recording(group, ahead=""):
        if ahead:
            found.append((group, ahead))
        return _optional(group, ahead)

    quantity_pattern(recording)
    return found


@pytest.mark.parametrize(("group", "ahead"), _lookaheads())
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_match_of_an_optional_group_passes_its_lookahead(group, ahead, data):
    """The lookahead of first characters is only a shortcut: any text the group matches
    (a qualifier word, a bound, a range, a denominator …) passes it."""
    text = data.draw(st.from_regex(re.compile(group), fullmatch=True))
    assert not text or re.match(ahead, text), (ahead, text)  # nothing needs no lookahead


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="。！？!?”’」』）)\n甲 ", max_size=30))
def test_sentence_end_matches_as_its_plain_form(text):
    plain = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
    assert [m.span() for m in SENTENCE_END.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    assert sentence_ends(text) == [m.end() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["甲乙", "5亩", "5\n亩", "甲5\n\n亩", "。", "，", "\n", "！", "甲" * 90]),
        max_size=40,
    ).map("".join)
)
def test_quotes_are_the_sentence_or_clause_of_the_figure(text):
    """Quotes' two-bisection lookup against the plain definition: the text between the sentence
    ends around the figure, and the clause (or piece) rule past QUOTE_MAX characters."""
    joined, breaks, shifts, heads = join_layout_breaks(text)
    ends = sorted([m.end() for m in SENTENCE_END.finditer(joined)] + heads)
    quotes = Quotes(text, joined, ends, breaks, shifts)
    for m in re.finditer("5亩", joined):
        s, e = m.span()
        js = max([x for x in ends if x <= s], default=0)
        je = min([x for x in ends if x >= e], default=len(joined))
        if je - js <= QUOTE_MAX and not any(s < x < e for x in ends):
            assert quotes(s, e) == text[js + shift(breaks, shifts, js, "start") :
                                        je + shift(breaks, shifts, je, "end")].strip()  # fmt: skip
        else:  # the cut is made on the joined text: layout breaks inside it do not count
            quote = quotes(s, e)
            assert quote in text and len(join_layout_breaks(quote)[0]) <= QUOTE_MAX + len("5亩")
    spans = np.array([m.span() for m in re.finditer("5亩", joined)], dtype=np.int64).reshape(-1, 2)
    fresh = Quotes(text, joined, ends, breaks, shifts)  # no quote made yet
    assert fresh.many(spans[:, 0], spans[:, 1]).tolist() == [
        quotes(s, e) for s, e in spans.tolist()
    ]
    for side, column in (("start", 0), ("end", 1)):
        assert shifted(breaks, shifts, spans[:, column], side).tolist() == [
            p + shift(breaks, shifts, p, side) for p in spans[:, column].tolist()
        ]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\u3000\r\n甲5a。", max_size=30))
def test_layout_breaks_are_the_whitespace_runs_of_the_plain_form(text):
    """_layout_breaks' look-ups against the regular expression it stands for: runs of
    blanks and line breaks holding a line break, between two word characters."""
    plain = re.compile(r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+")
    word = re.compile(r"[\u4e00-\u9fff0-9]")
    want = [
        m.span()
        for m in plain.finditer(text)
        if m.start() > 0
        and m.end() < len(text)
        and word.match(text[m.start() - 1])
        and word.match(text[m.end()])
    ]
    assert list(_layout_breaks(text)) == want


# Word characters, stops of either side, verbs, openers, a line break, numerals, a space.
_AROUND_FIGURES = "村民社区管家" + "的了分成呢" + "".join(sorted(_SUBJECT_VERBS))[:6] + "“《\n5十 a"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_AROUND_FIGURES, max_size=24))
def test_subjects_at_once_are_each_figures_subject(scan):
    """subjects' look-ups around every figure against subject's regular expressions, for
    every span of the text (a figure's end may be the text's end)."""
    spans = [(s, e) for e in range(1, len(scan) + 1) for s in range(e)]
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    stops = np.array([e for _, e in spans], dtype=np.int64)
    a, b = subjects(scan, starts, stops)
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == [subject(scan, s, e) for s, e in spans]


def test_subjects_walk_back_over_a_long_run_of_verbs():
    scan = "村民" + "达" * 20 + "5亩"
    a, b = subjects(scan, np.array([22]), np.array([24]))
    assert (int(a[0]), int(b[0])) == subject(scan, 22, 24) == (0, 2)


_EXACT = st.one_of(
    st.integers(0, 10**30),
    st.fractions(min_value=0, max_value=10**12, max_denominator=10**9),
)


@settings(max_examples=500, deadline=None)
@given(_EXACT, _EXACT.filter(lambda f: f != 0))
def test_exact_float_is_the_float_of_the_exact_product(value, factor):
    assert _exact_float(value, factor) == float(Fraction(value) * Fraction(factor))


_CLAUSEISH = (
    "".join(sorted(set("".join(rates._CLAUSE_WORDS.values())) - set("()?<!:|[]"))) + "2今的，"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CLAUSEISH, max_size=16))
def test_clause_words_are_found_as_without_the_first_character_lookahead(text):
    plain = re.compile(rates._CLAUSE_ALTERNATION)
    found = [(m.span(), m.lastgroup) for m in rates._CLAUSE_WORD.finditer(text)]
    assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_every_clause_word_starts_with_a_listed_first_character():
    plain = re.compile(rates._CLAUSE_ALTERNATION)
    words = re.findall(r"[\u4e00-\u9fff]+", "|".join(rates._CLAUSE_WORDS.values()))
    for word in words:  # each word, and what the words' alternations can start with
        for i in range(len(word)):
            m = plain.match(word, i)
            if m is not None and m.start() == i:
                assert word[i] in rates._CLAUSE_WORD_FIRST, word[i:]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789²٣二〇一四十.,", max_size=6))
def test_looks_like_year_as_its_regular_expression(n):
    plain = re.fullmatch(r"[12][0-9]{3}", n) or (len(n) == 4 and all(c in CN_DIGITS for c in n))
    assert looks_like_year(n) == bool(plain)


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(r"[1-9][0-9]{0,5}(\.[0-9]{1,4})?", fullmatch=True),
    st.sampled_from(["", "十", "百", "千", "万", "亿", "万亿"]),
)
def test_a_decimal_with_multipliers_reads_as_its_exact_product(digits, mults):
    """parse_number builds one Fraction per figure; the plain form multiplies Fractions."""
    factor = 1
    for c in mults:
        factor *= {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}[c]
    frac = digits.partition(".")[2]
    value, step = parse_number.__wrapped__(digits + mults)
    assert value == Fraction(digits) * factor and isinstance(value, (int, Fraction))
    if mults:
        assert step == Fraction(1, 10 ** len(frac)) * factor
