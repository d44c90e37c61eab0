"""The report builder: notebooks → reader and code pages, an index, figures.csv."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from notebook_files import write_notebook

from ruralstudy import report
from ruralstudy.report import pages

SAVE_FIGURE = (
    "import json, os, pathlib\n"
    "d = pathlib.Path(os.environ['RURALSTUDY_FIGURES_DIR'], {sub!r})\n"
    "d.mkdir(parents=True, exist_ok=True)\n"
    "for ext in ('png', 'svg', 'pdf'):\n"
    "    (d / ({stem!r} + '.' + ext)).write_bytes(b'fake ' + ext.encode())\n"
    "(d / ({stem!r} + '.json')).write_text(json.dumps({meta}))\n"
)


def save_cell(stem: str, sub: str = "", **meta) -> str:
    return SAVE_FIGURE.format(stem=stem, sub=sub, meta=repr(meta))


@pytest.fixture
def two_notebooks(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    write_notebook(folder / "01_first.ipynb", "01 · First question", "print(6 * 7)",
                   question="How much is **six** times seven?")  # fmt: skip
    write_notebook(
        folder / "02_second.ipynb",
        "02 · Second question",
        "SECRET_CODE_LINE = 1",
        save_cell(
            "made",
            "02_sub",
            title="Made <b>here</b>",
            caption="数据来源：测试\u3000（图2）",
            source_ids=["s1"],
            publishers=["P"],
            simulated=True,
            lang="both",
            files=["made.png", "made.svg", "made.pdf"],
        ),
    )
    write_notebook(folder / "scratch.ipynb", "Not numbered", "raise SystemExit")
    return folder


def test_build_writes_reader_and_code_pages_index_and_figures(two_notebooks, tmp_path):
    out = tmp_path / "reports"
    written = report.build(two_notebooks, out, profiles=False, jobs=2)
    names = sorted(p.relative_to(out).as_posix() for p in written)
    assert names == [
        "01_first.code.html", "01_first.html", "02_second.code.html", "02_second.html",
        "figures/02_sub/made.json", "figures/02_sub/made.pdf", "figures/02_sub/made.png",
        "figures/02_sub/made.svg", "figures/figures.csv",
        "fonts/NotoSansCJKsc-subset.LICENSE.txt", "fonts/NotoSansCJKsc-subset.woff", "index.html",
    ]  # fmt: skip
    reader = (out / "02_second.html").read_text(encoding="utf-8")
    code = (out / "02_second.code.html").read_text(encoding="utf-8")
    assert "SECRET_CODE_LINE" not in reader and "SECRET_CODE_LINE" in code
    assert "<title>02 · Second question</title>" in reader
    assert "42" in (out / "01_first.html").read_text(encoding="utf-8")  # executed, output kept
    for page in (reader, code):
        assert not re.search(r"<script[^>]+src=\"https?://", page)  # nothing from a CDN
        assert "Noto Sans CJK SC" in page and 'href="index.html"' in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "How much is six times seven?" in index  # the question, as plain text
    assert 'href="01_first.html"' in index and 'href="01_first.code.html"' in index
    assert "Made &lt;b&gt;here&lt;/b&gt;" in index and "<b>here</b>" not in index
    assert 'src="figures/02_sub/made.png"' in index and "模拟数据" in index
    assert "Not numbered" not in index and "https://" not in index.split("<footer")[0]


def _cjk(text: str) -> set[str]:
    """The CJK ideographs and CJK punctuation of ``text`` (entities read as characters)."""
    import html
    import unicodedata

    return {c for c in html.unescape(text) if unicodedata.east_asian_width(c) in ("W", "F")}


def test_every_page_names_the_report_font_which_has_all_its_chinese(two_notebooks, tmp_path):
    from fontTools.ttLib import TTFont

    out = tmp_path / "reports"
    written = report.build(two_notebooks, out, profiles=False, jobs=1)
    pages_written = [p for p in written if p.suffix == ".html"]
    font = out / "fonts" / "NotoSansCJKsc-subset.woff"
    assert font.read_bytes()[:4] == b"wOFF"
    with TTFont(font) as woff:
        cmap = woff.getBestCmap()
    used: set[str] = set()
    for page in pages_written:
        text = page.read_text(encoding="utf-8")
        # The font first, by a relative address that reaches it from the page's folder.
        face = re.search(r'@font-face \{\s*font-family: "([^"]+)";\s*src: url\("([^"]+)"\)', text)
        assert face, page
        assert (page.parent / face.group(2)).resolve() == font.resolve()
        assert f'--rs-sans: "{face.group(1)}"' in text
        used |= _cjk(text)
    assert {"数", "据", "来", "源", "报", "告", "目", "录", "\u3000"} <= used  # caption, nav link
    missing = sorted(c for c in used if ord(c) not in cmap)
    assert not missing, f"no glyph in the report font for {''.join(missing)}"
    licence = out / "fonts" / "NotoSansCJKsc-subset.LICENSE.txt"
    assert "SIL Open Font License" in licence.read_text(encoding="utf-8")


def test_the_font_subset_is_the_same_bytes_each_time():
    from ruralstudy.report import webfont

    chars = webfont.page_characters(["车田村 · 脚尧村 数据来源"])
    first = webfont.subset_font(chars)
    assert webfont.subset_font(chars) == first
    assert len(first) < 50_000  # a dozen glyphs, not the 16 MB font


def test_a_relative_out_folder_gets_the_figures_too(two_notebooks, tmp_path, monkeypatch):
    # make report passes --out reports: the kernels, which run in the notebooks'
    # folder, must still save into the report's staging folder, not beside them.
    monkeypatch.chdir(tmp_path)
    report.build(two_notebooks.relative_to(tmp_path), Path("reports"), profiles=False, jobs=1)
    assert (tmp_path / "reports" / "figures" / "02_sub" / "made.png").is_file()
    assert not (two_notebooks / "reports").exists()
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert 'src="figures/02_sub/made.png"' in index


def test_figures_csv_lists_each_figure_with_its_sidecar(two_notebooks, tmp_path):
    out = tmp_path / "reports"
    report.build(two_notebooks, out, profiles=False)
    lines = (out / "figures" / "figures.csv").read_text(encoding="utf-8").splitlines()
    assert (
        lines[0] == "notebook,stem,title,caption,source_ids,publishers,simulated,lang,png,svg,pdf"
    )
    assert lines[1] == (
        "02_second,02_sub/made,Made <b>here</b>,数据来源：测试\u3000（图2）,s1,P,true,both,"
        "02_sub/made.png,02_sub/made.svg,02_sub/made.pdf"
    )
    assert len(lines) == 2


def test_a_failing_notebook_names_the_notebook_cell_and_error(tmp_path):
    (tmp_path / "nb").mkdir()
    write_notebook(tmp_path / "nb" / "01_ok.ipynb", "OK", "1")
    write_notebook(tmp_path / "nb" / "02_broken.ipynb", "Broken", "x = 1", "y = 1 / 0")
    with pytest.raises(report.NotebookFailed) as failed:
        report.build(tmp_path / "nb", tmp_path / "out", profiles=False)
    message = str(failed.value)
    assert message == "02_broken.ipynb: cell 3 (`y = 1 / 0`): ZeroDivisionError: division by zero"


def test_the_cli_prints_one_line_and_exits_non_zero(tmp_path):
    (tmp_path / "nb").mkdir()
    write_notebook(tmp_path / "nb" / "01_broken.ipynb", "Broken", "raise KeyError('gone')")
    done = subprocess.run(
        [sys.executable, "-m", "ruralstudy", "report", "--notebooks", str(tmp_path / "nb"),
         "--out", str(tmp_path / "out"), "--no-profiles"],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "report: 01_broken.ipynb: cell 2 (`raise KeyError('gone')`): KeyError: 'gone'"
    )
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("make", ["missing", "empty", "unnumbered"])
def test_a_notebooks_folder_without_notebooks_is_an_error(tmp_path, make):
    folder = tmp_path / "nb"
    if make != "missing":
        folder.mkdir()
    if make == "unnumbered":
        write_notebook(folder / "scratch.ipynb", "Scratch", "1")
    with pytest.raises(report.ReportError, match=r"--notebooks .*(no such folder|no numbered)"):
        report.build(folder, tmp_path / "out", profiles=False)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_build_leaves_the_environment_as_it_found_it(tmp_path, monkeypatch):
    monkeypatch.setenv(report.FIGURES_ENV, "/somewhere/else")
    (tmp_path / "nb").mkdir()
    write_notebook(tmp_path / "nb" / "01_x.ipynb", "X", "1")
    report.build(tmp_path / "nb", tmp_path / "out", profiles=False)
    assert report.figures_dir().as_posix() == "/somewhere/else"


def test_parallel_and_serial_builds_are_byte_identical(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    for i in range(1, 4):
        write_notebook(folder / f"0{i}_n.ipynb", f"N{i}", f"print({i} ** 10)",
                       save_cell(f"fig{i}", title=f"Figure {i}", simulated=False))  # fmt: skip
    report.build(folder, tmp_path / "serial", profiles=False, jobs=1)
    report.build(folder, tmp_path / "parallel", profiles=False, jobs=3)
    # Every page and figure; the manifest also records how long each job took.
    files = sorted(p.relative_to(tmp_path / "serial") for p in (tmp_path / "serial").rglob("*")
                   if p.name != ".ruralstudy-report.json")  # fmt: skip
    assert len(files) > 10
    for rel in files:
        a, b = tmp_path / "serial" / rel, tmp_path / "parallel" / rel
        assert a.is_dir() == b.is_dir()
        if a.is_file():
            assert a.read_bytes() == b.read_bytes(), rel


def report_files(folder: Path) -> dict[str, bytes]:
    """Every page and figure; the manifest also records how long each job took."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".ruralstudy-report.json"}  # fmt: skip


def test_profiles_sharing_kernels_are_byte_identical_serial_parallel_and_fresh(tmp_path):
    """Profiles run one after another in a reused kernel: with one kernel (serial) every
    profile follows another; with two, in another order and company. Both builds, and a
    profile run alone in a fresh kernel, must give the same bytes."""
    from ruralstudy.report import build_profile, profile

    folder = tmp_path / "nb"
    folder.mkdir()
    write_notebook(folder / "01_n.ipynb", "N", "print(2 ** 10)")
    # the three villages with most facts (the threshold follows the shipped data)
    min_facts = int(profile.profile_places(1)["n_facts"].iloc[2])
    places = profile.profile_places(min_facts)["place_id"].tolist()
    assert len(places) >= 3
    report.build(folder, tmp_path / "serial", min_facts=min_facts, jobs=1)
    report.build(folder, tmp_path / "parallel", min_facts=min_facts, jobs=2)
    serial, parallel = report_files(tmp_path / "serial"), report_files(tmp_path / "parallel")
    assert sum(k.startswith("figures/profiles/") for k in serial) >= 3 * 4
    assert serial.keys() == parallel.keys()
    assert [k for k in serial if serial[k] != parallel[k]] == []
    # The last profile of the serial build ran after two others in its kernel.
    last = places[-1]
    build_profile(last, tmp_path / "alone")
    alone = report_files(tmp_path / "alone" / "figures" / last)
    assert alone and all(
        serial[f"figures/profiles/{last}/{name}"] == data for name, data in alone.items()
    )
    page = (tmp_path / "serial" / "profiles" / f"{last}.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64") >= 2  # figures still shown inline after reuse


def test_title_and_question_come_from_the_first_markdown_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "# 06 · Chetian\n\nIntro text.\n\n**Question.** What changed in [Chetian](x.html)\n"
        "after `2019`?\n\nMore.")])  # fmt: skip
    assert pages.title_of(nb) == "06 · Chetian"
    assert pages.question_of(nb) == "What changed in Chetian after 2019?"
    nb.cells[0].source = "# T\n\nFirst paragraph."
    assert pages.question_of(nb) == "First paragraph."


def test_notebooks_run_by_hand_save_outside_the_report(tmp_path, monkeypatch):
    """nbval or JupyterLab runs write figures/ at the top of the checkout, so a later
    `make report` never finds files it did not write under its own names."""
    monkeypatch.delenv(report.FIGURES_ENV, raising=False)
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert report.figures_dir() == tmp_path.resolve() / "figures"


def test_the_longest_notebook_of_the_last_build_starts_first(tmp_path, capsys):
    folder = tmp_path / "nb"
    folder.mkdir()
    write_notebook(folder / "01_quick.ipynb", "Quick", "1")
    write_notebook(folder / "02_slow.ipynb", "Slow", "import time\ntime.sleep(2)")
    started = []
    for _ in range(2):
        report.build(folder, tmp_path / "out", profiles=False, jobs=1)
        lines = capsys.readouterr().out.splitlines()
        started.append([line.split(":")[0] for line in lines])
        # The order follows the manifest's times. Measured times of two tiny notebooks
        # depend on the machine's load (a first kernel start can outlast the sleep), so
        # after the first build the manifest is given clear ones.
        manifest = tmp_path / "out" / ".ruralstudy-report.json"
        data = json.loads(manifest.read_text(encoding="utf-8"))
        assert set(data["seconds"]) == {"01_quick", "02_slow"}
        data["seconds"] = {"01_quick": 0.5, "02_slow": 30.0}
        manifest.write_text(json.dumps(data), encoding="utf-8")
    assert started == [["01_quick.ipynb", "02_slow.ipynb"], ["02_slow.ipynb", "01_quick.ipynb"]]


def test_the_page_font_rules_come_after_jupyterlabs_css_so_they_win():
    # Same-weight rules: the later wins. JupyterLab's theme sets the prose and code fonts
    # (--jp-content-font-family, .jp-RenderedHTMLCommon); ours must follow it.
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 标题\n\n车田村")])
    page = pages.render(nb, title="标题", with_code=False, font_href="fonts/x.woff")
    theme = page.index("--jp-content-font-family:")
    ours = page.index("--jp-content-font-family: var(--rs-sans)")
    assert theme < ours == page.rindex("--jp-content-font-family:")
    assert page.index("@font-face") > page.rindex(".jp-RenderedHTMLCommon {")
    assert "@font-face" not in pages.render(nb, title="标题", with_code=False)  # no font: no face
