"""The report builder: executes numbered notebooks into self-contained HTML."""

from __future__ import annotations

import re

import nbformat

from ruralstudy import report


def write_notebook(path, title: str, code: str) -> None:
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell(f"# {title}"), nbformat.v4.new_code_cell(code)]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def test_build_executes_numbered_notebooks_into_offline_html(tmp_path, monkeypatch):
    monkeypatch.delenv(report.FIGURES_ENV, raising=False)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks / "01_first.ipynb", "First question", "print(6 * 7)")
    write_notebook(
        notebooks / "02_second.ipynb",
        "Second question",
        "import os, pathlib\n"
        "pathlib.Path(os.environ['RURALSTUDY_FIGURES_DIR'], 'made.png').write_bytes(b'png')",
    )
    write_notebook(notebooks / "scratch.ipynb", "Not numbered", "raise SystemExit")
    out = tmp_path / "reports"
    written = report.build(notebooks, out)
    assert [p.name for p in written] == ["01_first.html", "02_second.html", "index.html"]
    first = (out / "01_first.html").read_text(encoding="utf-8")
    assert "42" in first  # executed, output kept
    assert not re.search(r"<script[^>]+src=\"https?://", first)  # nothing from a CDN
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "First question" in index and "Second question" in index
    assert "figures/made.png" in index


def test_build_leaves_the_environment_as_it_found_it(tmp_path, monkeypatch):
    monkeypatch.setenv(report.FIGURES_ENV, "/somewhere/else")
    (tmp_path / "nb").mkdir()
    write_notebook(tmp_path / "nb" / "01_x.ipynb", "X", "1")
    report.build(tmp_path / "nb", tmp_path / "out")
    assert report.figures_dir().as_posix() == "/somewhere/else"


def test_a_failing_notebook_is_named(tmp_path):
    (tmp_path / "nb").mkdir()
    write_notebook(tmp_path / "nb" / "01_ok.ipynb", "OK", "1")
    write_notebook(tmp_path / "nb" / "02_broken.ipynb", "Broken", "1 / 0")
    try:
        report.build(tmp_path / "nb", tmp_path / "out")
    except report.NotebookFailed as exc:
        assert "02_broken.ipynb" in str(exc) and "ZeroDivisionError" in str(exc)
    else:
        raise AssertionError("a failing notebook must stop the report")


def test_stale_figures_from_an_earlier_build_are_not_listed(tmp_path):
    stale = tmp_path / "out" / "figures" / "old.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"png")
    (tmp_path / "nb").mkdir()
    write_notebook(tmp_path / "nb" / "01_x.ipynb", "X", "1")
    report.build(tmp_path / "nb", tmp_path / "out")
    assert "old.png" not in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
