"""How fast `ruralstudy.extract_quantities` reads Chinese text, and that its cost is linear.

Speed (issue 12 target: at least 2,000,000 characters per second on one
core).  The corpus is the shipped Guizhou Daily article and the test fixture
texts repeated to --chars characters; each copy has its digits 1-9 remapped by a
seeded random permutation (0 stays 0), so the numbers differ from copy to copy and the
number parser's cache does not flatter the figure.  The figure is the median
of --runs runs in this one process (CPython runs it on one core), measured as
CPU time (time.process_time), the time the process held a core; wall time is
printed beside it, and exceeds it when the machine is shared.

Linearity (issue 9): with --shapes, each worst shape in ``SHAPES`` (one
sentence full of figures, no punctuation, nested brackets, qualifier runs,
numeral runs, layout breaks, rates …) is built at --sizes characters and read
by ``extract_quantities`` and ``fact_candidates`` in a fresh process each; the
table gives CPU seconds, microseconds per character and the peak resident
memory the call added (ru_maxrss after minus before).  Linear cost shows as a
flat µs/char and MB per 100k characters down each shape's rows.

    python benchmarks/bench_extract.py [--chars 2000000] [--runs 5] [--check]
    python benchmarks/bench_extract.py --shapes [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ruralstudy.datasets import TEXTS_DIR
from ruralstudy.extract import extract_quantities

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
TARGET = 2_000_000
SEED = 5

# Worst shapes: a piece repeated to the size asked (after a lead, if any).
SHAPES: dict[str, tuple[str, str]] = {
    # issue 9's case: one sentence (one full stop, then none) dense with figures
    "one_sentence_figures": ("。", "5亩"),
    # no punctuation at all, figures with qualifiers, rates and subjects
    "no_punctuation_mixed": ("", "村民种植12亩多每亩每年900元约300人近20户"),
    # a figure in every bracket level, brackets never closed until far away
    "nested_brackets": ("", "（“《【5亩"),
    # qualifier words and range separators between numbers (regex backtracking)
    "qualifier_runs": ("", "约近逾超过1至2-3—4~5"),
    # every Chinese numeral in a row (numeral parser, lookbehinds)
    "numeral_runs": ("", "一二三四五六七八九十百千万亿"),
    # thousands separators that never complete a number
    "thousands": ("", "1,000,"),
    # a layout break after every character (joining, offset shifts, headlines)
    "layout_breaks": ("", "八\n"),
    # rates written before and after the figure, back to back
    "rates": ("", "每亩每年900元/亩/年"),
    # money words that make a clause rate, and figures inheriting it
    "clause_rates": ("", "人均收入从3896元增长到15220元"),
    # spaces inside and between figures
    "spaces": ("", "1 2 3 亩 "),
    # digits and Chinese numerals meeting inside one run
    "mixed_runs": ("", "2万5千3百"),
    # years: matched, then refused
    "years": ("", "2024年"),
    # one unbroken run of digits
    "one_digit_run": ("", "9"),
    # fractions and shares
    "shares": ("", "近1/4三分之一百分之三十"),
    # a long list under a header saying what it is per (each item looks up the header)
    "list_items": ("每晚的价格：\n", "- 标间：200元\n"),
    # one-sided rates completed from earlier clauses, a sentence that never ends
    "sentence_rates": ("", "每天请20名工人，每人平均90元，比上年增加10元，"),
    # pinyin glosses inside figures
    "glosses": ("", "突破3萬(wàn)元，"),
}


def shape_text(name: str, chars: int) -> str:
    lead, piece = SHAPES[name]
    body = piece * ((chars - len(lead)) // len(piece) + 1)
    return (lead + body)[:chars]


def corpus(chars: int) -> str:
    texts = [TEXTS_DIR / "gzrb-2025-10-village-governance.txt"]
    for folder in ("own_texts", "unseen_texts"):
        texts += sorted((FIXTURES / folder).glob("*.txt"))
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    rng = random.Random(SEED)
    copies = []
    for _ in range(chars // len(base) + 1):
        # 0 stays 0: a permuted copy must not give numbers a leading zero, which the
        # extractor reads as a code or a date (09-17), not as a figure
        digits = list("123456789")
        rng.shuffle(digits)
        copies.append(base.translate(str.maketrans("123456789", "".join(digits))))
    return "\n\n".join(copies)[:chars]


def measure_one(shape: str, chars: int, function: str) -> dict:
    """Run one call in this process; CPU seconds, rows, peak RSS it added (MB)."""
    from ruralstudy.extract import fact_candidates

    text = shape_text(shape, chars)
    call = extract_quantities if function == "extract_quantities" else fact_candidates
    call(text[:200], *_source(function))  # warm the regular expressions
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.process_time()
    rows = len(call(text, *_source(function)))
    cpu = time.process_time() - t
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"rows": rows, "cpu": cpu, "peak_mb": (after - before) / 1024}


def _source(function: str) -> tuple:
    return () if function == "extract_quantities" else ("bench",)


def shapes_table(sizes: list[int], names: list[str]) -> None:
    print(f"{'shape':22} {'function':18} {'chars':>9} {'rows':>8} {'cpu s':>8} "
          f"{'µs/char':>8} {'peak MB':>8} {'MB/100k':>8}")  # fmt: skip
    for name in names:
        for function in ("extract_quantities", "fact_candidates"):
            for chars in sizes:
                r = _in_fresh_process(name, chars, function)
                print(
                    f"{name:22} {function:18} {chars:>9,} {r['rows']:>8,} {r['cpu']:>8.2f} "
                    f"{r['cpu'] / chars * 1e6:>8.2f} {r['peak_mb']:>8.1f} "
                    f"{r['peak_mb'] / chars * 1e5:>8.1f}",
                    flush=True,
                )


def _in_fresh_process(name: str, chars: int, function: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--one", name, str(chars), function],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def speed(chars: int, runs: int) -> float:
    text = corpus(chars)
    extract_quantities(text[:2000])  # warm the regular expressions, not the numbers
    cpu, wall, found = [], [], 0
    for _ in range(runs):
        w, t = time.perf_counter(), time.process_time()
        found = len(extract_quantities(text))
        cpu.append(time.process_time() - t)
        wall.append(time.perf_counter() - w)
    rate = len(text) / statistics.median(cpu)
    print(
        f"{len(text):,} characters, {found:,} quantities; "
        f"CPU median {statistics.median(cpu):.3f} s "
        f"(min {min(cpu):.3f}, max {max(cpu):.3f}); wall median {statistics.median(wall):.3f} s"
    )
    print(f"{rate:,.0f} characters per second of CPU on one core (target ≥ {TARGET:,})")
    print(f"{len(text) / statistics.median(wall):,.0f} characters per second of wall time")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 below the speed target")
    parser.add_argument("--shapes", action="store_true", help="the linearity table")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--only", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # SHAPE CHARS FUNCTION
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]), args.one[2])))
        return 0
    if args.shapes:
        shapes_table(args.sizes, args.only)
        return 0
    rate = speed(args.chars, args.runs)
    return 1 if args.check and rate < TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
