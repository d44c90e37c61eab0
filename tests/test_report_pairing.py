"""Notebooks and their py:percent pairs (jupytext) say the same; harness markers are tags."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest
from jupytext.compare import compare_notebooks

from ruralstudy.report import notebooks_in
from ruralstudy.report.profile import CASE_STUDY

NOTEBOOKS = notebooks_in(Path(__file__).resolve().parents[1] / "notebooks")
NBVAL_MARKERS = (
    "NBVAL_IGNORE_OUTPUT",
    "NBVAL_CHECK_OUTPUT",
    "NBVAL_SKIP",
    "NBVAL_RAISES_EXCEPTION",
)


def test_there_are_notebooks_to_check():
    assert len(NOTEBOOKS) >= 6


@pytest.mark.parametrize("ipynb", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_has_an_up_to_date_py_percent_pair(ipynb):
    pair = ipynb.with_suffix(".py")
    assert pair.is_file(), f"{pair.name} missing: run `jupytext --sync {ipynb}`"
    notebook = nbformat.read(ipynb, as_version=4)
    assert notebook.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    try:
        compare_notebooks(jupytext.read(pair), notebook, "py:percent")
    except Exception as exc:  # jupytext raises its own NotebookDifference
        pytest.fail(f"{pair.name} is out of sync with {ipynb.name} "
                    f"(`jupytext --sync {ipynb}`): {exc}")  # fmt: skip


def test_a_pair_that_differs_is_caught(tmp_path):
    """The check above can fail: one changed line in the text file is a difference."""
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    text = jupytext.writes(notebook, "py:percent")
    code = next(c for c in notebook.cells if c.cell_type == "code").source.splitlines()[0]
    changed = jupytext.reads(text.replace(code, code + "  # edited", 1), "py:percent")
    with pytest.raises(Exception, match="edited"):
        compare_notebooks(changed, notebook, "py:percent")


@pytest.mark.parametrize("ipynb", [*NOTEBOOKS, CASE_STUDY], ids=lambda p: p.name)
def test_test_harness_markers_are_tags_not_comments(ipynb):
    notebook = nbformat.read(ipynb, as_version=4)
    for number, cell in enumerate(notebook.cells, start=1):
        marked = [m for m in NBVAL_MARKERS if m in cell.source]
        tag = marked[0].lower().replace("_", "-") if marked else ""
        assert not marked, f"{ipynb.name} cell {number}: use the cell tag {tag!r}"


# How a figure's caption begins (plot.cite); alt text is "title. caption".
CAPTION_STARTS = ("资料来源", "数据来源", "Source")


@pytest.mark.parametrize("ipynb", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_a_notebook_shows_has_a_title(ipynb):
    """The gallery's heading and the alt text lead with the title; a figure
    without one shows its file name there (05_twfe_vs_cs did)."""
    notebook = nbformat.read(ipynb, as_version=4)
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            if alt is not None:
                assert not alt.startswith(CAPTION_STARTS), f"{ipynb.name} cell {number}: no title"
