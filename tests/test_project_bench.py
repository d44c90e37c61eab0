"""Smoke test of benchmarks/bench_project.py on a tiny project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_project.py"


def test_bench_project_runs_on_a_tiny_project(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "20"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    row = done.stdout.strip().splitlines()[-1].split()
    assert row[0] == "20" and row[1].endswith("s") and row[-1].endswith("MB")
