"""Whether the extractor's output is unchanged: frames compared with a saved reference.

A speed change must not change what the extractor reads.  This runs
``extract_quantities`` and ``fact_candidates`` over every text in
tests/fixtures/*_texts and data/sources, the benchmark corpus (bench_extract.py's,
2 M characters, digits permuted per copy), each worst shape of bench_extract.py
at 10,000 characters and the empty text, and either saves the frames (``--save``,
from the reference commit) or compares every column and row, dtypes included,
exactly with a saved file (``--against``).

    python benchmarks/check_extract_same.py --save /tmp/extract_reference.pkl
    python benchmarks/check_extract_same.py --against /tmp/extract_reference.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import pandas as pd

from ruralstudy.datasets import TEXTS_DIR
from ruralstudy.extract import extract_quantities, fact_candidates

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import SHAPES, corpus, shape_text

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def texts(corpus_chars: int) -> dict[str, str]:
    """Every text checked, by a name that says where it came from."""
    paths = sorted(FIXTURES.glob("*_texts/*.txt")) + sorted(TEXTS_DIR.glob("*.txt"))
    found = {str(p.relative_to(p.parents[1])): p.read_text(encoding="utf-8") for p in paths}
    found["bench corpus"] = corpus(corpus_chars)
    found |= {f"shape {name}": shape_text(name, 10_000) for name in SHAPES}
    found["empty"] = ""
    return found


def frames(corpus_chars: int) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    return {
        name: (extract_quantities(text), fact_candidates(text, "check"))
        for name, text in texts(corpus_chars).items()
    }


def differences(reference: dict, current: dict) -> list[str]:
    """One line per text whose frames differ from the reference (or are missing)."""
    problems = []
    for name in sorted(set(reference) | set(current)):
        if name not in reference or name not in current:
            problems.append(f"{name}: only in {'current' if name in current else 'reference'}")
            continue
        for label, old, new in zip(("extract_quantities", "fact_candidates"),
                                   reference[name], current[name], strict=True):  # fmt: skip
            try:
                pd.testing.assert_frame_equal(new, old, check_exact=True, check_dtype=True)
            except AssertionError as err:
                problems.append(f"{name}: {label}: {str(err).splitlines()[0]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the frames to this file")
    mode.add_argument("--against", type=Path, help="compare the frames with this file")
    parser.add_argument("--corpus-chars", type=int, default=2_000_000)
    args = parser.parse_args()
    current = frames(args.corpus_chars)
    rows = sum(len(q) for q, _ in current.values())
    if args.save:
        args.save.write_bytes(pickle.dumps(current))
        print(f"saved {len(current)} texts, {rows:,} quantities to {args.save}")
        return 0
    reference = pickle.loads(args.against.read_bytes())
    problems = differences(reference, current)
    for line in problems:
        print(line)
    print(f"{len(current)} texts, {rows:,} quantities: "
          f"{'identical' if not problems else f'{len(problems)} frames differ'}")  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
