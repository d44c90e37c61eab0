"""CPU time and peak memory of each numbered notebook, run as the report runs it.

Each notebook runs alone in a fresh kernel over IPC (``ruralstudy.report.kernel``,
the report's own runner), its figures into a scratch folder. Two cells are
added around its own: the first starts a clock at every cell
(IPython's ``pre_run_cell`` and ``post_run_cell`` events), the last reads the
kernel's CPU time and peak resident memory (``getrusage``). Printed per
notebook: the CPU seconds of its cells, of the whole kernel (its start and
imports included), its wall time, its peak memory and the load average; with
``--cells`` the CPU and wall seconds of every code cell. The notebooks'
stored outputs are not changed.

    python benchmarks/bench_notebooks.py [--cells] [notebooks/05_panel_methods.ipynb ...]

The report's pages do not print how long a notebook took (a figure of one run
would make every build differ); this is where that is measured. On a shared
machine wall time includes waiting for other jobs; CPU time does not, but
moves with the load too (caches and memory bandwidth are shared).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from pathlib import Path

import nbformat

from ruralstudy.report.kernel import run
from ruralstudy.report.paths import FIGURES_ENV, notebooks_in

_CLOCKS = """
import resource as _rs_resource, time as _rs_time
from IPython import get_ipython as _rs_ipython
_rs_times = []
def _rs_pre(info):
    _rs_times.append([_rs_time.process_time(), _rs_time.perf_counter()])
def _rs_post(result):
    if not _rs_times:  # this cell's own end: it started before the clocks
        return
    start = _rs_times[-1]
    start[:] = [_rs_time.process_time() - start[0], _rs_time.perf_counter() - start[1]]
_rs_ipython().events.register("pre_run_cell", _rs_pre)
_rs_ipython().events.register("post_run_cell", _rs_post)
"""
_READ = """
_rs_ipython().events.unregister("pre_run_cell", _rs_pre)
_rs_ipython().events.unregister("post_run_cell", _rs_post)
_rs_use = _rs_resource.getrusage(_rs_resource.RUSAGE_SELF)
with open({out!r}, "w") as _rs_fh:
    _rs_fh.write(__import__("json").dumps({{"cells": _rs_times[:-1],
        "kernel_cpu": _rs_use.ru_utime + _rs_use.ru_stime, "peak_kb": _rs_use.ru_maxrss}}))
"""


def measure(path: Path, scratch: Path) -> dict:
    """Run one notebook; its per-cell times, kernel CPU, peak memory and wall time."""
    nb = nbformat.read(path, as_version=4)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    out = scratch / f"{path.stem}.json"
    nb.cells.insert(0, nbformat.v4.new_code_cell(_CLOCKS))
    nb.cells.append(nbformat.v4.new_code_cell(_READ.format(out=str(out))))
    env = {**os.environ, FIGURES_ENV: str(scratch / path.stem)}
    start = time.perf_counter()
    asyncio.run(run(nb, path.name, cwd=path.parent, env=env, timeout=1800))
    wall = time.perf_counter() - start
    measured = json.loads(out.read_text())
    return {**measured, "wall": wall, "sources": sources}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--cells", action="store_true", help="the time of every code cell")
    args = parser.parse_args()
    paths = args.notebooks or notebooks_in(Path("notebooks"))
    with tempfile.TemporaryDirectory() as scratch:
        for path in paths:
            m = measure(path.resolve(), Path(scratch))
            cells_cpu = sum(cpu for cpu, _ in m["cells"])
            print(f"{path.stem}: cells {cells_cpu:.1f} s CPU, kernel {m['kernel_cpu']:.1f} s CPU, "
                  f"{m['wall']:.1f} s wall, peak {m['peak_kb'] / 2**20:.2f} GB; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
            if args.cells:
                for (cpu, wall), source in zip(m["cells"], m["sources"], strict=True):
                    first = next((line for line in source.splitlines() if line.strip()), "")
                    print(f"  {cpu:6.2f} s CPU {wall:6.2f} s wall  {first[:72]}", flush=True)


if __name__ == "__main__":
    main()
