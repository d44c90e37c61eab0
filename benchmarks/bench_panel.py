"""Panel estimators at national scale, side by side: ruralstudy against the libraries.

Run:  .venv/bin/python benchmarks/bench_panel.py            (500,000 villages x 10 years)
      .venv/bin/python benchmarks/bench_panel.py --villages 50000 --repeat 3

Each engine runs in its own subprocess on the same seeded panel
(``ruralstudy.simulate.village_panel``), so one engine's memory cannot hide
another's. A worker builds the panel and imports its libraries, then resets
the kernel's peak-RSS counter (``/proc/self/clear_refs``), runs the estimator
and reads ``VmHWM`` from ``/proc/self/status``: "peak" is the largest resident
set while estimating, panel and imported libraries included. Times are
wall-clock (``time.perf_counter``) for the estimation call only. Every engine is
called twice in its process: the first call pays one-off costs (pyfixest
compiles numba kernels; on this VM a first pass over large fresh allocations
pays page faults that later passes reuse), the second is "warm". "peak" covers
both calls; with ``--repeat`` times and peaks are medians over the runs.

Engines:
- ``rs-twfe``: ``rs.causal.did(method="twfe")``, unit + year fixed effects, CRV1 by county.
- ``pyfixest``: ``pyfixest.feols("y ~ treated | village_id + year", vcov={"CRV1": "county_id"})``.
- ``rs-cs``: ``rs.causal.did(method="cs")`` (engine "auto" -> numpy), simple aggregation,
  clustered by county.
- ``csdid``: ``ATTgt(...).fit(est_method="dr", bstrap=False)`` then
  ``aggte("simple", bstrap=False)`` with ``clustervar="county_id"``, on the same DataFrame.
- ``rs-cs-csdid``: ``rs.causal.did(method="cs", engine="csdid")``: the wrapper's overhead.

Targets (issue 6): TWFE at most 0.6 x pyfixest's warm time (ours is timed on its
first call), peak <= 1.5 GB, same estimate and SE as pyfixest to 1e-6 relative; CS
no slower (first call against csdid's second) and no larger than csdid + 10 %.
Results are printed and written to benchmarks/results/ (git-ignored).
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

RESULTS = Path(__file__).resolve().parent / "results"
ENGINES = ("rs-twfe", "pyfixest", "rs-cs", "csdid", "rs-cs-csdid")
COLS = ("y", "village_id", "year", "cohort")


# -- worker (one engine, one process) -------------------------------------------------


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # resets VmHWM to the current RSS (Linux >= 4.0)
        return True
    except OSError:
        return False


def worker(engine: str, villages: int, years: int, seed: int) -> dict:
    import warnings

    import ruralstudy as rs

    panel = rs.simulate.village_panel(villages, years=years, seed=seed)
    panel = panel.drop(columns=["source_id", "true_effect"])  # what a researcher's file holds
    if engine == "pyfixest":
        import pyfixest as pf

        warnings.simplefilter("ignore")  # pyfixest's own pandas deprecation notices

        def run():
            fit = pf.feols(
                "y ~ treated | village_id + year", data=panel, vcov={"CRV1": "county_id"}
            )
            return float(fit.coef().iloc[0]), float(fit.se().iloc[0])

    elif engine == "csdid":
        import contextlib
        import io

        from csdid.att_gt import ATTgt

        warnings.simplefilter("ignore")  # its pre-test warning; see _staggered._NOT_PASSED_ON

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
                ).fit(est_method="dr", bstrap=False)
                model.aggte(typec="simple", bstrap=False)
            return float(model.atte["overall_att"]), float(model.atte["overall_se"])

    else:
        import scipy.stats  # noqa: F401  (imported lazily by ruralstudy; load it outside the timing)

        kwargs = {
            "rs-twfe": {"method": "twfe"},
            "rs-cs": {"method": "cs"},
            "rs-cs-csdid": {"method": "cs", "engine": "csdid"},
        }[engine]
        if engine == "rs-cs-csdid":
            import csdid.att_gt  # noqa: F401
        warnings.simplefilter("ignore", UserWarning)

        def run():
            res = rs.causal.did(panel, *COLS, "county_id", **kwargs)
            return float(res.overall["estimate"]), float(res.overall["std_error"])

    rss_before = _status_kb("VmRSS")
    peak_reset = _reset_peak()
    out = {"engine": engine, "rss_before_gb": rss_before / 1e6, "peak_reset": peak_reset}
    for label in ("first", "second"):
        start = time.perf_counter()
        estimate, se = run()
        out[f"{label}_s"] = time.perf_counter() - start
        out["estimate"], out["se"] = estimate, se
    out["peak_gb"] = _status_kb("VmHWM") / 1e6
    return out


# -- driver ---------------------------------------------------------------------------


def run_engine(engine: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--worker", engine]
    cmd += ["--villages", str(args.villages), "--years", str(args.years), "--seed", str(args.seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"engine": engine, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else 0.5 * (values[mid - 1] + values[mid])


def summarise(runs: dict[str, list[dict]]) -> dict[str, dict]:
    table = {}
    for engine, results in runs.items():
        ok = [r for r in results if "error" not in r]
        if not ok:
            table[engine] = {"error": results[0]["error"]}
            continue
        row = {k: ok[0][k] for k in ("estimate", "se", "peak_reset")}
        for key in ("first_s", "second_s", "peak_gb"):
            row[key] = _median([r[key] for r in ok])
        row["peak_gb_max"] = max(r["peak_gb"] for r in ok)
        row["rss_before_gb"] = ok[0]["rss_before_gb"]
        table[engine] = row
    return table


def checks(table: dict[str, dict]) -> list[str]:
    lines = []

    def get(engine, key):
        return table.get(engine, {}).get(key)

    ours, ref = get("rs-twfe", "first_s"), get("pyfixest", "second_s")
    if ours and ref:
        ratio = ours / ref
        lines.append(
            f"TWFE time: ruralstudy first call / pyfixest warm = {ratio:.2f} (target <= 0.60)"
        )
        lines.append(f"TWFE peak: {get('rs-twfe', 'peak_gb'):.2f} GB (target <= 1.5 GB)")
        for key in ("estimate", "se"):
            rel = abs(get("rs-twfe", key) / get("pyfixest", key) - 1)
            lines.append(f"TWFE {key} vs pyfixest: relative difference {rel:.1e} (target 1e-6)")
    ours, ref = get("rs-cs", "first_s"), get("csdid", "second_s")
    if ours and ref:
        lines.append(
            f"CS time: ruralstudy first call / csdid second call = {ours / ref:.2f} "
            "(target <= 1.10)"
        )
        peak = get("rs-cs", "peak_gb") / get("csdid", "peak_gb")
        lines.append(f"CS peak: ruralstudy / csdid = {peak:.2f} (target <= 1.10)")
        for key in ("estimate", "se"):
            diff = abs(get("rs-cs", key) - get("csdid", key))
            lines.append(f"CS {key} vs csdid: absolute difference {diff:.1e} (target 1e-8)")
    wrapped = get("rs-cs-csdid", "second_s")
    if wrapped and ref:
        lines.append(f"CS via engine='csdid': time / csdid (second calls) = {wrapped / ref:.2f}")
    return lines


def render(table: dict[str, dict], meta: dict) -> str:
    head = (
        f"{meta['rows']:,} rows ({meta['villages']:,} villages x {meta['years']} years), "
        f"{meta['cpus']} CPUs, load {meta['load']}, {meta['when']}"
    )
    rows = [
        head,
        "",
        f"{'engine':<14}{'1st call s':>11}{'2nd call s':>11}{'peak GB':>9}"
        f"{'estimate':>14}{'se':>12}",
    ]
    for engine, row in table.items():
        if "error" in row:
            rows.append(f"{engine:<14} failed: {row['error']}")
            continue
        rows.append(
            f"{engine:<14}{row['first_s']:>11.2f}{row['second_s']:>11.2f}{row['peak_gb']:>9.2f}"
            f"{row['estimate']:>14.8f}{row['se']:>12.3e}"
        )
    return "\n".join([*rows, "", *checks(table)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=500_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine (median time)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.villages, args.years, args.seed)))
        return

    meta = {
        "villages": args.villages,
        "years": args.years,
        "rows": args.villages * args.years,
        "seed": args.seed,
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "load": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "versions": {
            name: metadata.version(name)
            for name in ("ruralstudy", "numpy", "pandas", "pyfixest", "csdid", "scipy")
        },
    }
    runs: dict[str, list[dict]] = {engine: [] for engine in args.engines}
    for _ in range(args.repeat):
        for engine in args.engines:
            result = run_engine(engine, args)
            runs[engine].append(result)
            print(f"  {engine}: {result}", file=sys.stderr, flush=True)
    table = summarise(runs)
    text = render(table, meta)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"bench_panel_{args.villages}x{args.years}"
    stem.with_suffix(".json").write_text(
        json.dumps({"meta": meta, "table": table, "runs": runs}, indent=2), encoding="utf-8"
    )
    stem.with_suffix(".txt").write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten: {stem}.json, {stem}.txt")


if __name__ == "__main__":
    main()
