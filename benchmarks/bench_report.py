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
# Runs the CLI and, last, prints the CPU of the report process itself (nbclient,
# nbconvert, the index) apart from that of its kernels.
_RUN_AND_SPLIT = (
    "import resource, sys\n"
    "from ruralstudy.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "own = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(f'report process CPU {own.ru_utime + own.ru_stime:.1f}')\n"
    "sys.exit(code)\n"
)


def run_report(
    notebooks: Path, out: Path, jobs: int | None, profiles: bool
) -> tuple[float, float | None]:
    """Wall seconds of the report, and the CPU seconds of its own process (not its kernels)."""
    cmd = [sys.executable, "-c", _RUN_AND_SPLIT, "report", "--notebooks", str(notebooks),
           "--out", str(out)]  # fmt: skip
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if not profiles:
        cmd.append("--no-profiles")
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    own = None
    for line in done.stdout.splitlines():
        if line.startswith("report process CPU "):
            own = float(line.rsplit(" ", 1)[1])
        else:
            print("   ", line)
    if done.returncode:
        sys.exit(f"report failed:\n{done.stderr}")
    return seconds, own


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
        wall, own = run_report(args.notebooks, out, args.jobs, not args.no_profiles)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = children.ru_utime + children.ru_stime
        verdict = "within" if wall <= TARGET_S else "OVER"
        print(f"whole report: {wall:.1f} s wall, {cpu:.1f} s CPU in child processes "
              f"({verdict} the {TARGET_S:.0f} s target); load average "
              f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after")  # fmt: skip
        if own is not None:
            print(f"of the CPU: {own:.1f} s the report process (nbclient, pages, index), "
                  f"{cpu - own:.1f} s its kernels")  # fmt: skip
        if args.compare_serial:
            serial = Path(scratch) / "serial"
            wall1, _ = run_report(args.notebooks, serial, 1, not args.no_profiles)
            a, b = files_of(out), files_of(serial)
            differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            print(f"serial build: {wall1:.1f} s wall; {len(a)} files, "
                  + ("byte-identical to the parallel build" if not differ
                     else f"{len(differ)} differ: {', '.join(differ[:5])}"))  # fmt: skip


if __name__ == "__main__":
    main()
