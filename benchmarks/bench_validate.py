"""How fast and how lean validating a large facts file is (issue 9 target).

Target: 1,000,000 facts rows validate in at most 5 s with a peak resident
memory of at most 1.5 GB.  The rows are SIMULATED: realistic in shape (the
shipped places and indicators, every qualifier with the bounds it implies,
Chinese text spans and quotes, a note on each row) but cited to the
package's synthetic source ``ruralstudy-simulate`` and marked "simulated"
in their note; they are written to a temporary folder and never enter data/.

Each size runs in a fresh Python process, so the peak memory figures
(Linux VmHWM) are those of reading and validating one file, not of the
benchmark.  Reading the CSV (``ruralstudy.io``) and validating the text
table (``ruralstudy.datasets.validate``) are timed separately, and the peak
is reset after reading (``/proc/self/clear_refs``) so that validation's own
peak — the table in memory plus what checking it takes — is seen apart from
the whole run's; the target is on validation.  The machine may be shared: CPU time is printed beside
wall time, and the load average, so a slow figure can be told from a busy
machine.

    python benchmarks/bench_validate.py [--rows 200000 1000000] [--broken 0.01]
        [--distinct-quotes] [--check]

``--broken F`` breaks a fraction F of the rows (a year in Chinese numerals,
a repeated fact_id, an unknown place, bounds that do not fit), to time the
path that reports failures; the targets are for a valid file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 5.0
TARGET_RSS_MB = 1500
TARGET_ROWS = 1_000_000
SEED = 9
SOURCE = "ruralstudy-simulate"
READ_MAX_BYTES = 2_000_000_000
READ_MAX_CELLS = 100_000_000

# (qualifier, written text pattern, lower, upper) as multiples of the value.
QUALIFIED = [
    ("exact", "{v}{u}", 1.0, 1.0),
    ("plus", "{v}余{u}", 1.0, 1.1),
    ("over", "逾{v}{u}", 1.0, None),
    ("under", "近{v}{u}", None, 1.0),
    ("approx", "约{v}{u}", None, None),
]


def simulated_facts(rows: int, broken: float = 0.0, distinct_quotes: bool = False):
    """``rows`` simulated facts rows as a DataFrame of text cells, a fraction
    ``broken`` of them with one error each.  The texts and quotes repeat (a
    few thousand values) unless ``distinct_quotes``, where each row's differ,
    as in a table read from many articles: the worst case for memory, since
    the reader shares one string among a column's repeated cells."""
    import numpy as np
    import pandas as pd

    import ruralstudy as rs

    rng = np.random.default_rng(SEED)
    places = rs.load_places()["place_id"].to_numpy()
    indicators = rs.load_indicators()
    ind_ids, ind_units = indicators["indicator_id"].to_numpy(), indicators["unit"].to_numpy()
    years = np.arange(1980, 2026)
    combos = len(places) * len(ind_ids) * len(years) * 12
    if rows > combos:
        raise SystemExit(f"at most {combos:,} distinct simulated facts")
    # Distinct (place, indicator, year, month): no row duplicates another's key.
    pick = rng.choice(combos, size=rows, replace=False)
    pick, month = np.divmod(pick, 12)
    pick, year = np.divmod(pick, len(years))
    place, ind = np.divmod(pick, len(ind_ids))
    year = years[year]
    value = rng.integers(1, 5000, size=rows).astype(float) * 10.0
    kind = rng.integers(0, len(QUALIFIED), size=rows)
    lower = np.full(rows, np.nan)
    upper = np.full(rows, np.nan)
    for k, (_, _, lo, up) in enumerate(QUALIFIED):
        mask = kind == k
        if lo is not None:
            lower[mask] = value[mask] * lo
        if up is not None:
            upper[mask] = value[mask] * up
    qualifier = np.array([q[0] for q in QUALIFIED])[kind]
    unit = ind_units[ind]
    text = [QUALIFIED[k][1].format(v=f"{v:g}", u="单位") for k, v in zip(kind, value, strict=True)]
    frame = pd.DataFrame(
        {
            "fact_id": [f"sim-{i:07d}" for i in range(rows)],
            "place_id": places[place],
            "indicator_id": ind_ids[ind],
            "year": np.where(rng.random(rows) < 0.1, "", year.astype(str)),
            "as_of": [f"{y}-{m + 1:02d}" for y, m in zip(year, month, strict=True)],
            "value": value,
            "lower": lower,
            "upper": upper,
            "qualifier": qualifier,
            "unit": unit,
            "text": text,
            "source_id": SOURCE,
            "quote": (
                [f"模拟数据：该村{t}（第{i}条）。" for i, t in enumerate(text)]
                if distinct_quotes
                else [f"模拟数据：该村{t}。" for t in text]
            ),
            "note": "simulated (bench_validate.py)",
        }
    )
    bad = rng.choice(rows, size=int(rows * broken), replace=False)
    for k, column, text in (
        (0, "year", "二〇二五"),
        (1, "fact_id", "sim-0000000"),
        (2, "place_id", "cn.nowhere"),
        (3, "upper", -1.0),
    ):
        frame.loc[bad[k::4], column] = text
    return frame


def current_rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux VmRSS; NaN elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB.  Linux's VmHWM
    belongs to this program alone; ``ru_maxrss`` would also count the
    parent's memory at the fork, which Linux carries across exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0); False where not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child(path: str) -> None:
    """Read and validate one file; print the figures as JSON."""
    import ruralstudy as rs
    from ruralstudy import DataValidationError
    from ruralstudy.datasets import validate
    from ruralstudy.io import read_text_table

    reference = {
        "sources": rs.load_sources(),
        "places": rs.load_places(),
        "indicators": rs.load_indicators(),
    }
    rss_before = peak_rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    # A million facts rows are past the default limits (100 MB, 10 million
    # cells), which a researcher lifts the same way (max_bytes=, max_cells=).
    raw = read_text_table(path, max_bytes=READ_MAX_BYTES, max_cells=READ_MAX_CELLS)
    read_s, read_cpu_s = time.perf_counter() - t, time.process_time() - cpu
    rss_read = peak_rss_mb()
    rss_table = current_rss_mb()
    reset = reset_peak_rss()
    t, cpu = time.perf_counter(), time.process_time()
    try:
        rows, failures = len(validate(raw, "facts", file=path, reference=reference)), 0
    except DataValidationError as err:
        rows, failures = len(raw), len(err.failures)
    validate_s, validate_cpu_s = time.perf_counter() - t, time.process_time() - cpu
    peak_validate = peak_rss_mb() if reset else float("nan")
    peak = max(rss_read, peak_rss_mb())
    print(
        json.dumps(
            {
                "rows": rows,
                "failures": failures,
                "read_s": read_s,
                "read_cpu_s": read_cpu_s,
                "validate_s": validate_s,
                "validate_cpu_s": validate_cpu_s,
                "rss_before_mb": rss_before,
                "rss_read_mb": rss_read,
                "peak_validate_mb": peak_validate,
                "rss_table_mb": rss_table,
                "peak_rss_mb": peak,
            }
        )
    )


def measure(rows: int, folder: Path, broken: float, distinct_quotes: bool = False) -> dict:
    path = folder / f"facts-simulated-{rows}.csv"
    frame = simulated_facts(rows, broken, distinct_quotes)
    frame.to_csv(path, index=False, encoding="utf-8")
    del frame
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    path.unlink()
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, TARGET_ROWS])
    parser.add_argument("--broken", type=float, default=0.0, help="fraction of rows to break")
    parser.add_argument(
        "--distinct-quotes", action="store_true", help="a different quote on every row"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    missed = False
    print("simulated facts rows (never real data); each size in a fresh process")
    print("load average: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        for rows in args.rows:
            r = measure(rows, Path(tmp), args.broken, args.distinct_quotes)
            print(
                f"{r['rows']:>9,} rows, {r['failures']:,} failures: "
                f"validate {r['validate_s']:.2f} s "
                f"(CPU {r['validate_cpu_s']:.2f} s), "
                f"peak RSS while validating {r['peak_validate_mb']:,.0f} MB "
                f"(of which the text table read: {r['rss_table_mb']:,.0f} MB); "
                f"read {r['read_s']:.2f} s (CPU {r['read_cpu_s']:.2f} s), "
                f"peak RSS of read + validate "
                f"{r['peak_rss_mb']:,.0f} MB ({r['rss_before_mb']:,.0f} MB before reading)"
            )
            if rows >= TARGET_ROWS and not args.broken:
                slow = r["validate_s"] > TARGET_SECONDS
                missed |= slow or r["peak_validate_mb"] > TARGET_RSS_MB
    print(
        f"target: {TARGET_ROWS:,} rows in ≤ {TARGET_SECONDS:g} s validation, "
        f"≤ {TARGET_RSS_MB:,} MB peak RSS"
    )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
