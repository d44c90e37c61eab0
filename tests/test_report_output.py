"""The output folder: built aside and moved in whole; files the report did not write
are never deleted or overwritten (issue 9)."""

from __future__ import annotations

import json

import pytest
from notebook_files import notebook

from ruralstudy import report
from ruralstudy.report.output import STAGING_PREFIX, OutputFolder

FIG = (
    "import os, pathlib\n"
    "d = pathlib.Path(os.environ['RURALSTUDY_FIGURES_DIR'])\n"
    "d.mkdir(parents=True, exist_ok=True)\n"
    "(d / '{name}.png').write_bytes(b'png')\n"
)


def build(tmp_path):
    return report.build(tmp_path / "nb", tmp_path / "out", profiles=False)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "nb").mkdir()
    return tmp_path


def test_files_the_report_did_not_write_survive_every_build(folder):
    out = folder / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "mine.png").write_bytes(b"my own figure")
    (out / "notes.txt").write_text("keep me")
    notebook(folder / "nb" / "01_a.ipynb", FIG.format(name="a"))
    build(folder)
    build(folder)
    assert (out / "figures" / "mine.png").read_bytes() == b"my own figure"
    assert (out / "notes.txt").read_text() == "keep me"
    assert (out / "figures" / "a.png").is_file()


def test_figures_an_earlier_build_wrote_and_this_one_did_not_are_removed(folder):
    out = folder / "out"
    notebook(folder / "nb" / "01_a.ipynb", FIG.format(name="old"))
    build(folder)
    notebook(folder / "nb" / "01_a.ipynb", FIG.format(name="new"))
    build(folder)
    assert not (out / "figures" / "old.png").exists()
    assert (out / "figures" / "new.png").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "old.png" not in index and "figures/new.png" in index
    manifest = json.loads((out / ".ruralstudy-report.json").read_text())
    assert "figures/new.png" in manifest["files"] and "figures/old.png" not in manifest["files"]


def test_a_file_of_the_same_name_not_written_by_the_report_is_an_error(folder):
    out = folder / "out"
    out.mkdir()
    (out / "01_a.html").write_text("a page I wrote myself")
    notebook(folder / "nb" / "01_a.ipynb", "1")
    with pytest.raises(report.ReportError, match=r"01_a\.html: already there and not written"):
        build(folder)
    assert (out / "01_a.html").read_text() == "a page I wrote myself"


def test_a_figure_name_taken_by_a_user_file_is_found_before_anything_moves(folder):
    out = folder / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "a.png").write_bytes(b"mine")
    notebook(folder / "nb" / "01_a.ipynb", FIG.format(name="a"))
    with pytest.raises(report.ReportError, match=r"figures/a\.png: already there"):
        build(folder)
    assert (out / "figures" / "a.png").read_bytes() == b"mine"
    assert not (out / "index.html").exists()


def test_a_failed_build_leaves_the_previous_report_and_no_partial_files(folder):
    out = folder / "out"
    notebook(folder / "nb" / "01_a.ipynb", FIG.format(name="a"))
    build(folder)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # The second build writes a new figure, then fails: nothing of it may show.
    notebook(folder / "nb" / "01_a.ipynb", FIG.format(name="half"), "raise RuntimeError('x')")
    with pytest.raises(report.NotebookFailed):
        build(folder)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


def test_a_commit_cut_short_still_knows_its_files(tmp_path, monkeypatch):
    """If the moves stop half-way, the manifest already lists the new files, and the
    old index is gone first, so no index links to a page that is not there."""
    out = tmp_path / "out"
    with OutputFolder(out, kind="report") as staged:
        (staged.path / "index.html").write_text("old index")
        (staged.path / "a.html").write_text("old a")
        staged.commit()
    import ruralstudy.report.output as output

    real_replace, moved = output.os.replace, []

    def replace_then_die(src, dst):
        if str(dst).endswith("b.html"):
            raise KeyboardInterrupt
        moved.append(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt), OutputFolder(out, kind="report") as staged:
        for name in ("index.html", "a.html", "b.html"):
            (staged.path / name).write_text(f"new {name}")
        staged.commit()
    monkeypatch.undo()
    assert not (out / "index.html").exists()
    listed = set(json.loads((out / ".ruralstudy-report.json").read_text())["files"])
    assert {"index.html", "a.html", "b.html"} <= listed
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


def test_out_that_is_a_file_is_an_error(tmp_path):
    (tmp_path / "nb").mkdir()
    notebook(tmp_path / "nb" / "01_a.ipynb", "1")
    (tmp_path / "out").write_text("x")
    with pytest.raises(report.ReportError, match="not a folder"):
        build(tmp_path)
