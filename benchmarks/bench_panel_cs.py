"""Callaway-Sant'Anna with covariates and on unbalanced panels: the numpy engine against csdid.

Run:  .venv/bin/python benchmarks/bench_panel_cs.py                (500,000 villages x 10 years)
      .venv/bin/python benchmarks/bench_panel_cs.py --villages 100000 --engines rs-cov csdid-cov

Scenarios (issue 13), on the seeded simulated panel
``ruralstudy.simulate.village_panel(villages, years, seed, n_covariates=2)``:

- ``cov``: two time-invariant covariates, doubly robust (``est_method="dr"``),
  never-treated controls, clustered by county; target: ruralstudy at most
  0.1 x csdid's time and 0.3 x its peak memory.
- ``unbalanced``: 5 % of rows dropped at random, no covariates,
  ``allow_unbalanced=True`` (csdid ``allow_unbalanced_panel=True``); target: at
  most 0.1 x csdid's time.
- ``unbalanced-cov`` (not a target; ``--engines rs-unbalanced-cov
  csdid-unbalanced-cov``): the same rows with the two covariates.

Engines: ``rs-cov`` / ``rs-unbalanced`` call ``ruralstudy.causal.panel._fit_cs``
(engine "numpy") and the simple aggregation; ``csdid-cov`` / ``csdid-unbalanced``
call ``csdid.att_gt.ATTgt(...).fit(bstrap=False)`` and ``aggte("simple")`` on the
same DataFrame. Each engine runs once, in its own subprocess, timed by
``time.perf_counter`` around the estimation call only (panel built and libraries
imported before); "peak" is ``VmHWM`` after resetting it (``/proc/self/clear_refs``)
just before the call: the largest resident set while estimating, panel included.
CPU time (``time.process_time``, all threads) is given too: on a shared machine
the wall-clock time depends on the load, which the output records.
csdid at this size takes minutes and several GB, so nothing here loops.

``measure(engine, villages, years, seed)`` runs one engine in a subprocess and
returns its figures, for benchmarks/bench_panel.py to import; ``ratios(table)``
gives the checks against the targets. Results are printed and written to
benchmarks/results/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from _memory import reset_peak, status_kb  # benchmarks/ is on sys.path when run

RESULTS = Path(__file__).resolve().parent / "results"
ENGINES = ("rs-cov", "csdid-cov", "rs-unbalanced", "csdid-unbalanced")
# not among the targets, and slow for csdid: run them by name (--engines)
EXTRA_ENGINES = ("rs-unbalanced-cov", "csdid-unbalanced-cov")
MISSING_SHARE = 0.05


def make_panel(villages: int, years: int, seed: int, unbalanced: bool):
    """The simulated panel of a scenario (5 % of rows dropped at random if unbalanced)."""
    import numpy as np

    import ruralstudy as rs

    panel = rs.simulate.village_panel(villages, years=years, seed=seed, n_covariates=2)
    panel = panel.drop(columns=["source_id", "true_effect"])  # what a researcher's file holds
    if unbalanced:
        keep = np.random.default_rng(seed).random(len(panel)) >= MISSING_SHARE
        panel = panel[keep].reset_index(drop=True)
    return panel


def _runner(engine: str, panel):
    unbalanced = "unbalanced" in engine
    covariates = ("x1", "x2") if engine.endswith("cov") else ()
    if engine.startswith("rs-"):
        from ruralstudy.causal import _prepare
        from ruralstudy.causal.panel import _fit_cs

        spec = _prepare.make_spec("y", "village_id", "year", "cohort", "county_id", covariates)

        def run():
            gt, _ = _fit_cs(
                panel,
                spec,
                "nevertreated",
                "varying",
                0,
                "dr",
                "numpy",
                allow_unbalanced=unbalanced,
            )
            agg = gt.aggregate("simple")
            return agg.overall_att, agg.overall_se

        return run

    import contextlib
    import io

    from csdid.att_gt import ATTgt

    def run():
        with contextlib.redirect_stdout(io.StringIO()):
            model = ATTgt(
                yname="y",
                tname="year",
                idname="village_id",
                gname="cohort",
                data=panel,
                control_group="nevertreated",
                xformla="y ~ x1 + x2" if covariates else None,
                clustervar="county_id",
                allow_unbalanced_panel=unbalanced,
            ).fit(est_method="dr", bstrap=False)
            model.aggte(typec="simple", bstrap=False)
        return float(model.atte["overall_att"]), float(model.atte["overall_se"])

    return run


def worker(engine: str, villages: int, years: int, seed: int) -> dict:
    import warnings

    warnings.simplefilter("ignore")  # csdid's pre-test and small-group notices
    panel = make_panel(villages, years, seed, "unbalanced" in engine)
    run = _runner(engine, panel)
    rss_before = status_kb("VmRSS")
    out = {"engine": engine, "rows": len(panel), "peak_reset": reset_peak()}
    start, cpu = time.perf_counter(), time.process_time()
    estimate, se = run()
    out["seconds"] = time.perf_counter() - start
    out["cpu_seconds"] = time.process_time() - cpu
    out["peak_gb"] = status_kb("VmHWM") / 1e6
    out["rss_before_gb"] = rss_before / 1e6
    out["estimate"], out["se"] = float(estimate), float(se)
    return out


def measure(engine: str, villages: int = 500_000, years: int = 10, seed: int = 1) -> dict:
    """Run one engine of one scenario in a fresh process; its figures (or its error)."""
    cmd = [sys.executable, __file__, "--worker", engine]
    cmd += ["--villages", str(villages), "--years", str(years), "--seed", str(seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"engine": engine, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratios(table: dict[str, dict]) -> list[str]:
    """ruralstudy / csdid per scenario, against issue 13's targets."""
    lines = []
    for scenario, mem_target in (("cov", 0.3), ("unbalanced", None), ("unbalanced-cov", None)):
        ours, ref = table.get(f"rs-{scenario}"), table.get(f"csdid-{scenario}")
        if not ours or not ref or "error" in ours or "error" in ref:
            continue
        target = " (target <= 0.1)" if scenario in ("cov", "unbalanced") else ""
        lines.append(
            f"{scenario}: time ruralstudy / csdid = {ours['seconds'] / ref['seconds']:.3f}"
            f"{target}; CPU time {ours['cpu_seconds'] / ref['cpu_seconds']:.3f}"
        )
        mem = ours["peak_gb"] / ref["peak_gb"]
        target = f" (target <= {mem_target})" if mem_target else ""
        lines.append(f"{scenario}: peak ruralstudy / csdid = {mem:.3f}{target}")
        for key in ("estimate", "se"):
            lines.append(f"{scenario}: {key} difference {abs(ours[key] - ref[key]):.1e}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=500_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    choices = ENGINES + EXTRA_ENGINES
    parser.add_argument("--engines", nargs="+", choices=choices, default=list(ENGINES))
    parser.add_argument("--worker", choices=choices, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.villages, args.years, args.seed)))
        return
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = {}
    for engine in args.engines:
        table[engine] = measure(engine, args.villages, args.years, args.seed)
        print(f"  {engine}: {table[engine]}", file=sys.stderr, flush=True)
    lines = [
        f"{args.villages:,} villages x {args.years} years, {os.cpu_count()} CPUs, "
        f"load {load} at start, {when}",
        "",
        f"{'engine':<18}{'rows':>11}{'seconds':>10}{'CPU s':>9}{'peak GB':>9}"
        f"{'estimate':>14}{'se':>12}",
    ]
    for engine, row in table.items():
        if "error" in row:
            lines.append(f"{engine:<18} failed: {row['error']}")
            continue
        lines.append(
            f"{engine:<18}{row['rows']:>11,}{row['seconds']:>10.2f}{row['cpu_seconds']:>9.2f}"
            f"{row['peak_gb']:>9.2f}"
            f"{row['estimate']:>14.8f}{row['se']:>12.3e}"
        )
    text = "\n".join([*lines, "", *ratios(table)])
    print(text)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"bench_panel_cs_{args.villages}x{args.years}"
    stem.with_suffix(".json").write_text(json.dumps(table, indent=2), encoding="utf-8")
    stem.with_suffix(".txt").write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten: {stem}.json, {stem}.txt")


if __name__ == "__main__":
    main()
