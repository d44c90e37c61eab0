"""Panel estimators at national scale, side by side: ruralstudy against pyfixest and csdid.

Run:  .venv/bin/python benchmarks/bench_panel.py                     (5 M and 20 M rows)
      .venv/bin/python benchmarks/bench_panel.py --rows 1000000 --only twfe cs
      .venv/bin/python benchmarks/bench_panel.py --rows 5000000 --skip-reference

Cases (``--only`` takes case names or the groups ``twfe`` and ``cs``):
- ``twfe``: unit + year effects, CRV1 by county. pyfixest:
  ``feols("y ~ treated | village_id + year", vcov={"CRV1": "county_id"})``.
- ``twfe-2way``: the same, clustered two-way by village and county-year
  (``vcov={"CRV1": "village_id+county_year"}``).
- ``twfe-cy``: unit + year + county x year effects, CRV1 by county
  (``| village_id + year + county_id^year``).
- ``cs``: Callaway-Sant'Anna, simple aggregation, clustered by county; csdid:
  ``ATTgt(...).fit(est_method="dr", bstrap=False)`` then ``aggte("simple")``.
- ``cs-cov``: the same with two time-invariant covariates (``xformla="~ x1 + x2"``).
- ``cs-unbal``: the same on an unbalanced panel, 5 % of the rows missing at
  random (csdid ``allow_unbalanced_panel=True``).

The panel is ``ruralstudy.simulate.village_panel`` (seeded; simulated, not
data), ``rows / years`` villages; x1 (normal) and x2 (0/1) are drawn per
village, seeded. ruralstudy runs the "cs" cases with ``engine="numpy"``; where
that engine does not cover a case yet (covariates, unbalanced panels: another
branch's work) the row says "not supported yet" instead of timing the csdid
fallback. ``benchmarks/bench_panel_cs.py`` has the detailed covariate and
unbalanced comparisons.

Each measurement (case x engine) runs in its own subprocess, so one engine's
memory cannot hide another's. A worker builds the panel and imports its
libraries, then resets the kernel's peak-RSS counter
(``/proc/self/clear_refs``), calls the estimator twice and reads ``VmHWM``
from ``/proc/self/status``: "peak" is the largest resident set while
estimating, panel and libraries included. Times are wall-clock for the
estimation call: "first" pays one-off costs (pyfixest's compiled kernels,
first touches of large allocations), "warm" is the second call; "cpu" is the
process's CPU time for the same calls (all threads), steadier than wall time
on a shared machine. Results are printed and written to benchmarks/results/
(git-ignored).

Targets (issue 13): TWFE (all three) at most 0.3 x pyfixest's time; CS with
covariates at most 0.1 x csdid's time and 0.3 x its memory; unbalanced at most
0.1 x its time; estimates and standard errors equal (TWFE 1e-8 relative, CS
1e-8 absolute).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from _memory import reset_peak, status_kb  # benchmarks/ is on sys.path when run

RESULTS = Path(__file__).resolve().parent / "results"
COLS = ("y", "village_id", "year", "cohort")
CASES = ("twfe", "twfe-2way", "twfe-cy", "cs", "cs-cov", "cs-unbal")
GROUPS = {"twfe": CASES[:3], "cs": CASES[3:]}
REFERENCE = {case: "pyfixest" if case.startswith("twfe") else "csdid" for case in CASES}
UNBALANCED_SHARE = 0.05
NOT_SUPPORTED = "not supported yet"
# issue 13's targets, ruralstudy / reference: (time, peak memory); None where none is set
TARGETS = {
    "twfe": (0.3, None),
    "twfe-2way": (0.3, None),
    "twfe-cy": (0.3, None),
    "cs-cov": (0.1, 0.3),
    "cs-unbal": (0.1, None),
}


# -- the cases ------------------------------------------------------------------------

# pyfixest: (fixed effects in the formula, CRV1 clusters); ruralstudy: (cluster, fixed_effects)
TWO_WAY = ["village_id", "county_year"]
TWFE = {
    "twfe": ("village_id + year", "county_id", "county_id", None),
    "twfe-2way": ("village_id + year", "village_id+county_year", TWO_WAY, None),
    "twfe-cy": ("village_id + year + county_id^year", "county_id", "county_id", ["county_id^year"]),
}


def make_panel(case: str, villages: int, years: int, seed: int):
    import numpy as np

    import ruralstudy as rs

    panel = rs.simulate.village_panel(villages, years=years, seed=seed)
    panel = panel.drop(columns=["source_id", "true_effect"])  # what a researcher's file holds
    if case == "twfe-2way":
        panel["county_year"] = panel["county_id"].to_numpy() * 10_000 + panel["year"].to_numpy()
    if case == "cs-cov":
        rng = np.random.default_rng(seed + 1)
        codes = panel["village_id"].factorize()[0]
        panel["x1"] = rng.normal(size=villages)[codes]
        panel["x2"] = rng.integers(0, 2, size=villages)[codes].astype(float)
    if case == "cs-unbal":
        rng = np.random.default_rng(seed + 2)
        panel = panel[rng.random(len(panel)) >= UNBALANCED_SHARE].reset_index(drop=True)
    return panel


def ruralstudy_call(case: str, panel):
    """The estimator call for one case, or a reason it is not supported yet."""
    import ruralstudy as rs

    if case in TWFE:
        _, _, cluster, fixed_effects = TWFE[case]
        kwargs = {"method": "twfe", "fixed_effects": fixed_effects}
    else:
        cluster = "county_id"
        kwargs = {"method": "cs", "engine": "numpy"}
        if case == "cs-cov":
            kwargs["covariates"] = ["x1", "x2"]
        if case == "cs-unbal":
            kwargs["allow_unbalanced"] = True  # the keyword; TypeError until it exists

    def run():
        res = rs.causal.did(panel, *COLS, cluster, **kwargs)
        return float(res.overall["estimate"]), float(res.overall["std_error"])

    return run


def reference_call(case: str, panel):
    import warnings

    warnings.simplefilter("ignore")  # pyfixest's pandas deprecations, csdid's pre-test notice
    if case in TWFE:
        import pyfixest as pf

        fe, vcov, _, _ = TWFE[case]

        def run():
            fit = pf.feols(f"y ~ treated | {fe}", data=panel, vcov={"CRV1": vcov})
            return float(fit.coef().iloc[0]), float(fit.se().iloc[0])

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
                clustervar="county_id",
                xformla="~ x1 + x2" if case == "cs-cov" else None,
                allow_unbalanced_panel=case == "cs-unbal",
            ).fit(est_method="dr", bstrap=False)
            model.aggte(typec="simple", bstrap=False)
        return float(model.atte["overall_att"]), float(model.atte["overall_se"])

    return run


# -- worker (one case, one engine, one process) ---------------------------------------


def _unsupported(exc: Exception) -> bool:
    """The numpy engine refusing a case it does not cover (yet), not a failure."""
    text = str(exc)
    return (isinstance(exc, ValueError) and "does not cover" in text) or (
        isinstance(exc, TypeError) and "unexpected keyword argument" in text
    )


def worker(case: str, engine: str, villages: int, years: int, seed: int) -> dict:
    import warnings

    import scipy.stats  # noqa: F401  (ruralstudy imports it lazily: load it outside the timing)

    panel = make_panel(case, villages, years, seed)
    out = {"case": case, "engine": engine, "rows": len(panel)}
    if engine == "ruralstudy":
        warnings.simplefilter("ignore", UserWarning)  # e.g. singletons dropped
        run = ruralstudy_call(case, panel)
    else:
        run = reference_call(case, panel)
    out["rss_before_gb"] = status_kb("VmRSS") / 1e6
    out["peak_reset"] = reset_peak()
    for label in ("first", "warm"):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            estimate, se = run()
        except (ValueError, TypeError) as exc:
            if engine == "ruralstudy" and _unsupported(exc):
                return {**out, "unsupported": str(exc)}
            raise
        out[f"{label}_s"] = time.perf_counter() - start
        out[f"{label}_cpu_s"] = time.process_time() - cpu
        out["estimate"], out["se"] = estimate, se
    out["peak_gb"] = status_kb("VmHWM") / 1e6
    return out


# -- driver ---------------------------------------------------------------------------


def measure(case: str, engine: str, rows: int, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--worker", case, engine]
    cmd += ["--rows", str(rows), "--years", str(args.years), "--seed", str(args.seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"case": case, "engine": engine, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else 0.5 * (values[mid - 1] + values[mid])


def summarise(results: list[dict]) -> dict:
    """Median times and peaks over repeats of one case x engine."""
    ok = [r for r in results if "first_s" in r]
    if not ok:
        return results[0]
    row = {k: ok[0][k] for k in ("case", "engine", "rows", "estimate", "se", "peak_reset")}
    for key in ("first_s", "warm_s", "first_cpu_s", "warm_cpu_s", "peak_gb"):
        row[key] = _median([r[key] for r in ok])
    return row


def comparisons(table: dict[tuple[str, str], dict]) -> list[str]:
    lines = []
    for case in CASES:
        ours, ref = table.get((case, "ruralstudy")), table.get((case, REFERENCE[case]))
        if not (ours and ref and "first_s" in ours and "first_s" in ref):
            continue
        name = REFERENCE[case]
        first, warm = ours["first_s"] / ref["first_s"], ours["warm_s"] / ref["warm_s"]
        cpu = ours["warm_cpu_s"] / ref["warm_cpu_s"]
        peak = ours["peak_gb"] / ref["peak_gb"]
        if case.startswith("twfe"):
            diff = [abs(ours[k] / ref[k] - 1) for k in ("estimate", "se")]
            kind = "relative"
        else:
            diff = [abs(ours[k] - ref[k]) for k in ("estimate", "se")]
            kind = "absolute"
        time_target, peak_target = TARGETS.get(case, (None, None))
        target = ", ".join(
            f"{what} <= {value}"
            for what, value in (("time", time_target), ("peak", peak_target))
            if value is not None
        )
        lines.append(
            f"{case:<10} ruralstudy / {name}: time {first:.2f} (first calls), {warm:.2f} (warm), "
            f"CPU {cpu:.2f} (warm), peak {peak:.2f}{f' [target {target}]' if target else ''}; "
            f"estimate, se differ by {diff[0]:.1e}, {diff[1]:.1e} ({kind})"
        )
    return lines


def render(rows: int, table: dict[tuple[str, str], dict], meta: dict) -> str:
    head = (
        f"{rows:,} rows ({rows // meta['years']:,} villages x {meta['years']} years; "
        f"cs-unbal {1 - UNBALANCED_SHARE:.0%} of them), {meta['cpus']} CPUs, "
        f"load {meta['load']} at the start, {_load()} at the end, {meta['when']}"
    )
    lines = [
        head,
        "",
        f"{'case':<11}{'engine':<12}{'first s':>9}{'warm s':>9}{'cpu 1st':>9}{'cpu warm':>9}"
        f"{'peak GB':>9}{'estimate':>14}{'se':>12}",
    ]
    for (case, engine), row in table.items():
        lead = f"{case:<11}{engine:<12}"
        if "unsupported" in row:
            lines.append(f"{lead}{NOT_SUPPORTED} ({row['unsupported'][:60]})")
        elif "error" in row:
            lines.append(f"{lead}failed: {row['error']}")
        else:
            lines.append(
                f"{lead}{row['first_s']:>9.2f}{row['warm_s']:>9.2f}{row['first_cpu_s']:>9.2f}"
                f"{row['warm_cpu_s']:>9.2f}{row['peak_gb']:>9.2f}"
                f"{row['estimate']:>14.8f}{row['se']:>12.3e}"
            )
    return "\n".join([*lines, "", *comparisons(table)])


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _cases(only: list[str] | None) -> list[str]:
    if not only:
        return list(CASES)
    chosen = [c for name in only for c in GROUPS.get(name, (name,))]
    unknown = sorted(set(chosen) - set(CASES))
    if unknown:
        raise SystemExit(
            f"--only: unknown case(s) {unknown}; choose from {CASES} or {list(GROUPS)}"
        )
    return list(dict.fromkeys(chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[5_000_000, 20_000_000])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--only", nargs="+", metavar="CASE", help=f"{CASES} or {list(GROUPS)}")
    parser.add_argument(
        "--skip-reference", action="store_true", help="ruralstudy only (no pyfixest, csdid)"
    )
    parser.add_argument("--worker", nargs=2, metavar=("CASE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        case, engine = args.worker
        print(json.dumps(worker(case, engine, args.rows[0] // args.years, args.years, args.seed)))
        return

    cases = _cases(args.only)
    meta = {
        "years": args.years,
        "seed": args.seed,
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "load": _load(),
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "versions": {
            name: metadata.version(name)
            for name in ("ruralstudy", "numpy", "pandas", "pyfixest", "csdid", "scipy")
        },
    }
    RESULTS.mkdir(exist_ok=True)
    for rows in args.rows:
        table, runs = {}, {}
        for case in cases:
            engines = ["ruralstudy"] + ([] if args.skip_reference else [REFERENCE[case]])
            for engine in engines:
                results = []
                for _ in range(args.repeat):
                    results.append(measure(case, engine, rows, args))
                    print(f"  {rows:,} {case} {engine}: {results[-1]}", file=sys.stderr, flush=True)
                    if "first_s" not in results[-1]:
                        break  # unsupported or failed: once is enough
                table[(case, engine)] = summarise(results)
                runs[f"{case} {engine}"] = results
        text = render(rows, table, meta)
        print(text + "\n")
        chosen = "" if cases == list(CASES) else "_" + "+".join(args.only)
        stem = RESULTS / f"bench_panel_{rows}{chosen}{'_noref' if args.skip_reference else ''}"
        record = {"meta": meta, "rows": rows, "table": list(table.values()), "runs": runs}
        stem.with_suffix(".json").write_text(json.dumps(record, indent=2), encoding="utf-8")
        stem.with_suffix(".txt").write_text(text + "\n", encoding="utf-8")
        print(f"written: {stem}.json, {stem}.txt\n")


if __name__ == "__main__":
    main()
