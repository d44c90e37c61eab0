"""How long the whole report takes: every numbered notebook and every village profile.

Target (issue 11): at most 60 s on a 2-core machine once the environment
exists. Runs ``ruralstudy report`` in a fresh process into a scratch folder
(so the report's own progress lines give each notebook's time), and prints
the wall time, the CPU time of the kernels and the load of the machine while
it ran, which on a shared machine explains much of the spread.
``--compare-serial`` builds a second time with one kernel at a time and
checks that every file is byte-identical to the parallel build.

    python benchmarks/bench_report.py [--jobs 2] [--compare-serial]
    python benchmarks/bench_report.py --notebooks tests/some_dir --no-profiles   # smoke
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 60.0


def run_report(notebooks: Path, out: Path, jobs: int | None, profiles: bool) -> float:
    cmd = [sys.executable, "-m", "ruralstudy", "report", "--notebooks", str(notebooks),
           "--out", str(out)]  # fmt: skip
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if not profiles:
        cmd.append("--no-profiles")
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    for line in done.stdout.splitlines():
        print("   ", line)
    if done.returncode:
        sys.exit(f"report failed:\n{done.stderr}")
    return seconds


def files_of(folder: Path) -> dict[str, bytes]:
    """Every page and figure (not the manifest, which also records run times)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".ruralstudy-report.json"}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"))
    parser.add_argument("--jobs", type=int, help="kernels at once (default: the report's)")
    parser.add_argument("--no-profiles", action="store_true")
    parser.add_argument("--compare-serial", action="store_true")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "parallel"
        print(f"ruralstudy report, jobs={args.jobs or 'default'}, cores={os.cpu_count()}:")
        wall = run_report(args.notebooks, out, args.jobs, not args.no_profiles)
        kernels = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = kernels.ru_utime + kernels.ru_stime
        verdict = "within" if wall <= TARGET_S else "OVER"
        print(f"whole report: {wall:.1f} s wall, {cpu:.1f} s CPU in child processes "
              f"({verdict} the {TARGET_S:.0f} s target); load average "
              f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after")  # fmt: skip
        if args.compare_serial:
            serial = Path(scratch) / "serial"
            wall1 = run_report(args.notebooks, serial, 1, not args.no_profiles)
            a, b = files_of(out), files_of(serial)
            differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            print(f"serial build: {wall1:.1f} s wall; {len(a)} files, "
                  + ("byte-identical to the parallel build" if not differ
                     else f"{len(differ)} differ: {', '.join(differ[:5])}"))  # fmt: skip


if __name__ == "__main__":
    main()
