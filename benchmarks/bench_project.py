"""What a researcher's data project costs: switching it on, loading, adding.

For each size, a fresh process builds a data project in a temporary folder
(one made-up village and a source of kind ``synthetic``, then N facts) and
measures ``rs.use_data`` (reading and validating the project with the
shipped tables), a cached ``rs.load_facts()``, and ``rs.add_facts`` of 100
rows, with the process's peak memory.  No target is set by the issues; the
figures show how the cost grows with a project (the table checks dominate).

    python benchmarks/bench_project.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
import ruralstudy as rs

n = int(sys.argv[1])
VILLAGE = "cn.guizhou.qiandongnan.leishan.benchvillage"
HEADER = ("fact_id,place_id,indicator_id,year,as_of,value,lower,upper,qualifier,unit,text,"
          "source_id,quote,note\n")

def row(i, prefix="b"):
    # Distinct (year, as_of) per row, so no row repeats another.
    as_of = f"{1800 + i // 336:04d}-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
    return (f"{prefix}-{i},{VILLAGE},households,{1990 + i % 100},{as_of},{i},{i},{i},exact,"
            f"household,,bench-synthetic,,\n")

rs.load_facts()  # the shipped tables, validated and cached first
with tempfile.TemporaryDirectory() as tmp:
    folder = rs.init_project(Path(tmp) / "bench")
    with open(folder / "sources.csv", "a", encoding="utf-8") as f:
        f.write("bench-synthetic,synthetic,ruralstudy benchmark,,Made-up rows for "
                "benchmarks/bench_project.py,,,,,,Simulated: not data.\n")
    with open(folder / "places.csv", "a", encoding="utf-8") as f:
        f.write(f"{VILLAGE},基准村,Bench Village (simulated),village,"
                "cn.guizhou.qiandongnan.leishan,,,,,,,\n")
    with open(folder / "facts.csv", "a", encoding="utf-8") as f:
        f.writelines(row(i) for i in range(n))
    review = Path(tmp) / "review.csv"
    review.write_text(HEADER + "".join(row(i, "new") for i in range(n, n + 100)),
                      encoding="utf-8")
    t = time.perf_counter(); rs.use_data(folder); use = time.perf_counter() - t
    t = time.perf_counter(); rs.load_facts(); cached = time.perf_counter() - t
    t = time.perf_counter(); rs.add_facts(folder, review); add = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"use_data": use, "cached": cached, "add": add, "peak_mb": peak}))
"""


def measure(n: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(n)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(f"{'facts':>8}  {'use_data':>9}  {'cached load':>11}  {'add 100':>8}  {'peak':>8}")
    for n in args.sizes:
        m = measure(n)
        print(
            f"{n:>8}  {m['use_data']:>8.2f}s  {m['cached'] * 1000:>9.1f}ms  "
            f"{m['add']:>7.2f}s  {m['peak_mb']:>6.0f}MB"
        )


if __name__ == "__main__":
    main()
