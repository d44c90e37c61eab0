"""Memory and time of the Callaway-Sant'Anna multiplier bootstrap at national scale.

Run:  .venv/bin/python benchmarks/bench_bootstrap.py             (500,000 villages x 10 years)
      .venv/bin/python benchmarks/bench_bootstrap.py --villages 50000 --biters 999

Each case runs in its own subprocess on the same seeded panel
(``ruralstudy.simulate.village_panel``). A worker builds the panel, resets the
kernel's peak-RSS counter (``/proc/self/clear_refs``), fits with
``panel._fit_cs`` (numpy engine), runs the four aggregations and the pre-test,
and reads ``VmHWM``: "peak" is the largest resident set while estimating, the
panel included; "rss_before" is the resident set before. Times are wall-clock.

Cases:
- ``analytic``: analytic standard errors, clustered by unit.
- ``bootstrap``: multiplier bootstrap, one Rademacher weight per unit (village).
- ``bootstrap-county``: multiplier bootstrap clustered by county.

An N x biters weight matrix at 500,000 villages and 999 draws would be 4 GB
(float64); the bootstrap holds at most 2**22 weights (32 MB) at once.
Results are printed and written to benchmarks/results/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from _memory import reset_peak, status_kb  # benchmarks/ is on sys.path when run

RESULTS = Path(__file__).resolve().parent / "results"
CASES = ("analytic", "bootstrap", "bootstrap-county")


def worker(case: str, villages: int, years: int, biters: int, seed: int) -> dict:
    import warnings

    import ruralstudy as rs
    from ruralstudy.causal import _prepare, panel

    warnings.simplefilter("ignore", UserWarning)  # small-cohort / pre-test notices
    data = rs.simulate.village_panel(villages, years=years, seed=seed)
    cluster = "county_id" if case == "bootstrap-county" else None
    spec = _prepare.make_spec("y", "village_id", "year", "cohort", cluster, None)
    kwargs = {} if case == "analytic" else {"inference": "bootstrap", "biters": biters, "seed": 1}
    rss_before = status_kb("VmRSS")
    peak_reset = reset_peak()
    start = time.perf_counter()
    gt, _ = panel._fit_cs(data, spec, "nevertreated", "varying", 0, "dr", "numpy", **kwargs)
    fit_s = time.perf_counter() - start
    start = time.perf_counter()
    aggs = {k: gt.aggregate(k) for k in ("simple", "dynamic", "group", "calendar")}
    agg_s = time.perf_counter() - start
    start = time.perf_counter()
    pretest = gt.pretest
    pre_s = time.perf_counter() - start
    return {
        "case": case,
        "rows": len(data),
        "cells": len(gt.cells),
        "rss_before_gb": rss_before / 1e6,
        "peak_gb": status_kb("VmHWM") / 1e6,
        "peak_reset": peak_reset,
        "fit_s": fit_s,
        "aggregate_s": agg_s,
        "pretest_s": pre_s,
        "simple_se": aggs["simple"].overall_se,
        "dynamic_crit": aggs["dynamic"].crit,
        "pretest_df": None if pretest is None else pretest.df,
    }


def run_case(case: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--worker", case, "--villages", str(args.villages)]
    cmd += ["--years", str(args.years), "--biters", str(args.biters), "--seed", str(args.seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"case": case, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=500_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--biters", type=int, default=999)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worker", choices=CASES)
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.villages, args.years, args.biters, args.seed)))
        return
    rows = [run_case(case, args) for case in args.cases]
    for row in rows:
        print(json.dumps(row))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"bootstrap_{args.villages}_{stamp}.json"
    out.write_text(json.dumps({"args": vars(args), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
