"""How fast `ruralstudy.extract_quantities` reads Chinese text (issue 5 target).

Target: at least 1,000,000 characters per second on one core.  The corpus is
the test fixtures (the Guizhou Daily article and the other public passages)
repeated to --chars characters; each copy has its digits remapped by a seeded
random permutation, so the numbers differ from copy to copy and the number
parser's cache does not flatter the figure.  The figure is the median of
--runs runs of the whole corpus in this one process (CPython runs it on one
core).

    python benchmarks/bench_extract.py [--chars 2000000] [--runs 5] [--check]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from ruralstudy.datasets import TEXTS_DIR
from ruralstudy.extract import extract_quantities

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
TARGET = 1_000_000
SEED = 5


def corpus(chars: int) -> str:
    texts = [TEXTS_DIR / "gzrb-2025-10-village-governance.txt"]
    texts += sorted((FIXTURES / "own_texts").glob("*.txt"))
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    rng = random.Random(SEED)
    copies = []
    for _ in range(chars // len(base) + 1):
        digits = list("0123456789")
        rng.shuffle(digits)
        copies.append(base.translate(str.maketrans("0123456789", "".join(digits))))
    return "\n\n".join(copies)[:chars]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 below the target")
    args = parser.parse_args()
    text = corpus(args.chars)
    times, found = [], 0
    for _ in range(args.runs):
        t = time.perf_counter()
        found = len(extract_quantities(text))
        times.append(time.perf_counter() - t)
    rate = len(text) / statistics.median(times)
    print(
        f"{len(text):,} characters, {found:,} quantities; median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f})"
    )
    print(f"{rate:,.0f} characters per second (target ≥ {TARGET:,})")
    return 1 if args.check and rate < TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
