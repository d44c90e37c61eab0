"""The repository stands alone: its docs exist where the code cites them, nothing
points outside it, and CITATION.cff says how to cite the package and the data."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()  # fmt: skip
    return [ROOT / n for n in names if Path(n).suffix in {".py", ".md", ".toml", ".cfg", ".ipynb",
                                                          ".cff", ".j2", ".css", ""}]  # fmt: skip


def test_nothing_refers_to_the_workspace_outside_the_repo():
    # The workspace's shared folder; built from pieces so this line does not match itself.
    outside = re.compile(r"\.\./" + "shared|/work/" + "shared")
    hits = [f"{p.relative_to(ROOT)}:{n}" for p in tracked_text_files() if p.is_file()
            for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace")
                                     .splitlines(), start=1)
            if outside.search(line)]  # fmt: skip
    assert not hits, hits


def test_the_design_notes_the_code_cites_are_in_the_repo():
    design = (ROOT / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    for n in range(1, 7):
        assert re.search(rf"^{n}\. \*\*", design, re.M), f"principle {n}"
    assert "## Qualifiers" in design
    tooling = (ROOT / "docs" / "tooling-notes.md").read_text(encoding="utf-8")
    for section in ("## Notebooks", "## Report", "## Maps and fonts", "## Estimators"):
        assert section in tooling


def test_citation_cff_names_package_and_data():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["message"] and cff["authors"]
    assert cff["license"] == "MIT"
    (data,) = [r for r in cff["references"] if r["type"] == "data"]
    assert data["license"] == "CC-BY-4.0"
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    assert cff["version"] == version.group(1)


def test_the_replication_section_covers_every_kind_of_source():
    """Data editors read availability and terms per source: each kind in
    data/sources.csv has its row in the README's table (its count is dated there)."""
    import pandas as pd

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = readme.index("*Data availability.*"), readme.index("*Computational requirements.*")
    table = readme[start:end]
    for kind in pd.read_csv(ROOT / "data" / "sources.csv")["kind"].unique():
        assert f"| `{kind}` (" in table, f"README data availability: no row for `{kind}`"
