"""How much `import ruralstudy` and loading every shipped table cost.

Targets (issue 2): `import ruralstudy` at most 0.2 s over `import pandas`; a
fresh process that imports the package and loads and validates every shipped
table at most 1.5 s over `import pandas`.  Each figure is the median of fresh
interpreter runs (so nothing is cached in memory), measured inside the process
with perf_counter so interpreter start-up is not counted.

    python benchmarks/bench_import.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

SNIPPETS = {
    "import pandas": "import pandas",
    "import pandas, ruralstudy": "import pandas, ruralstudy",
    "import + load & validate all tables": (
        "import pandas, ruralstudy as rs\n"
        "rs.load_sources(); rs.load_places(); rs.load_indicators(); rs.load_facts()\n"
        "rs.load_interventions(); rs.load_land_consolidation(); rs.load_collective_economy()\n"
        "rs.load_tourism()"
    ),
}


def time_in_fresh_process(code: str) -> float:
    wrapped = "import time\n_t = time.perf_counter()\n" + code + "\nprint(time.perf_counter() - _t)"
    out = subprocess.run(
        [sys.executable, "-c", wrapped], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    medians = {}
    for name, code in SNIPPETS.items():
        times = [time_in_fresh_process(code) for _ in range(args.runs)]
        medians[name] = statistics.median(times)
        print(
            f"{name:40s} median {medians[name]:.3f} s  (min {min(times):.3f}, max {max(times):.3f})"
        )
    base = medians["import pandas"]
    over_import = medians["import pandas, ruralstudy"] - base
    over_load = medians["import + load & validate all tables"] - base
    print(f"\nimport ruralstudy over pandas:        {over_import:.3f} s (target ≤ 0.2 s)")
    print(f"import + load all tables over pandas: {over_load:.3f} s (target ≤ 1.5 s)")


if __name__ == "__main__":
    main()
