"""What the command writes cannot be abused or lose work: formula cells
neutralised, inputs and link targets never overwritten, OS errors as one
line; and --data declared once for every command that reads the data."""

from __future__ import annotations

import csv
import errno
import importlib.util
import io
import os
import subprocess
import sys

import pytest
from project_fixture import NEWS, PLACES_ROW, SOURCE_ID, SOURCES_ROW, VILLAGE, append

from ruralstudy import cli, datasets, safe_write

# A sentence that opens with "=" (a spreadsheet formula) and one with "-",
# around quantities the extractor finds.
HOSTILE = (
    '=HYPERLINK("http://evil.example","点击")全村共有农户320户。\n-2+3村集体经济收入35万元。\n'
)


@pytest.fixture(autouse=True)
def shipped_only(monkeypatch):
    monkeypatch.setenv("RURALSTUDY_DATA", "")  # recorded, so restored after the test
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)


def read_csv(path_or_text) -> list[dict]:
    text = path_or_text if isinstance(path_or_text, str) else path_or_text.read_text("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed command in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "ruralstudy", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


# --- formula injection ----------------------------------------------------------------


def test_extract_output_neutralises_formulas_and_keeps_numbers(tmp_path):
    text = tmp_path / "hostile.txt"
    text.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "rows.csv"
    assert cli.main(["extract", str(text), "--source-id", "hostile", "-o", str(out)]) == 0
    rows = read_csv(out)
    quotes = [r["quote"] for r in rows]
    assert quotes[0].startswith("'=HYPERLINK(")
    assert quotes[-1].startswith("'-2+3")
    assert all(not q.startswith(safe_write.FORMULA_STARTS) for q in quotes)
    assert [float(r["value"]) for r in rows] == [320.0, 350000.0]  # numbers, no apostrophe


def test_extract_to_standard_output_is_neutralised_too(tmp_path, capsys):
    text = tmp_path / "hostile.txt"
    text.write_text(HOSTILE, encoding="utf-8")
    assert cli.main(["extract", str(text), "--source-id", "hostile"]) == 0
    rows = read_csv(capsys.readouterr().out)
    assert rows[0]["quote"].startswith("'=")


def test_a_neutralised_review_file_adds_the_true_text(tmp_path, capsys):
    project = tmp_path / "p"
    cli.main(["init", str(project)])
    append(project / "places.csv", PLACES_ROW)
    append(project / "sources.csv", SOURCES_ROW)  # the village's coordinates cite it
    append(project / "sources.csv", SOURCES_ROW.replace(SOURCE_ID, "hostile"))
    text = tmp_path / "hostile.txt"
    text.write_text(HOSTILE, encoding="utf-8")
    assert cli.main(["extract", str(text), "--source-id", "hostile", "--data", str(project)]) == 0
    review = project / "review-hostile.csv"
    rows = read_csv(review)
    assert rows[0]["quote"].startswith("'=")
    rows = rows[:1]
    rows[0].update(place_id=VILLAGE, indicator_id="households", as_of="2024-12")
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    review.write_text(buf.getvalue(), encoding="utf-8-sig")
    assert cli.main(["add", str(project), str(review)]) == 0  # quote found in the text
    datasets.use_data(project)
    assert datasets.load_facts().iloc[-1]["quote"].startswith("=HYPERLINK(")


# --- targets that must not be written ---------------------------------------------------


def test_extract_refuses_to_overwrite_its_input(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(NEWS.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    result = run("extract", str(article), "-o", str(article))
    assert result.returncode == 2
    assert "it is an input" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert article.read_bytes() == before


def test_extract_refuses_a_symlinked_output_and_keeps_its_target(tmp_path):
    precious = tmp_path / "thesis.csv"
    precious.write_text("my work", encoding="utf-8")
    link = tmp_path / "rows.csv"
    link.symlink_to(precious)
    result = run("extract", str(NEWS), "-o", str(link))
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert precious.read_text(encoding="utf-8") == "my work"


def test_a_missing_output_folder_is_one_line_no_traceback(tmp_path):
    result = run("extract", str(NEWS), "-o", str(tmp_path / "nowhere" / "rows.csv"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"cannot write {tmp_path / 'nowhere' / 'rows.csv'}: " + (
        f"no folder {tmp_path / 'nowhere'}"
    )


def test_a_full_disk_is_one_line_and_leaves_the_old_file(tmp_path, monkeypatch, capsys):
    out = tmp_path / "rows.csv"
    out.write_text("old", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_write.os, "fsync", full)
    assert cli.main(["extract", str(NEWS), "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"cannot write {out}: No space left on device"
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]


def test_an_unreadable_input_is_one_line(tmp_path, capsys):
    result = run("extract", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"{tmp_path / 'missing.txt'}: no such file"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("全村共有农户320户。".encode("gbk"))
    assert cli.main(["extract", str(gbk)]) == 2
    assert "not UTF-8 text (byte 2); save it as UTF-8" in capsys.readouterr().err


def test_a_fifo_is_refused_not_waited_on(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert cli.main(["extract", str(fifo)]) == 2  # would block forever if opened
    assert capsys.readouterr().err.strip() == f"{fifo}: not a regular file"


def test_extract_with_data_keeps_a_review_and_a_stored_text(tmp_path, capsys):
    project = tmp_path / "p"
    cli.main(["init", str(project)])
    args = ["extract", str(NEWS), "--source-id", SOURCE_ID, "--data", str(project)]
    assert cli.main(args) == 0
    review = project / f"review-{SOURCE_ID}.csv"
    review.write_text("her filled review", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(args) == 2  # never over her review
    assert "not overwriting" in capsys.readouterr().err
    assert review.read_text(encoding="utf-8") == "her filled review"
    other = tmp_path / "other.txt"
    other.write_text("另一篇文章，共有农户9户。", encoding="utf-8")
    args[1] = str(other)
    assert cli.main([*args, "-o", str(tmp_path / "r.csv")]) == 2  # same id, another text
    assert "different text" in capsys.readouterr().err
    assert (project / "sources" / f"{SOURCE_ID}.txt").read_text(encoding="utf-8") == (
        NEWS.read_text(encoding="utf-8")
    )


def test_extract_with_data_needs_a_source_id(tmp_path, capsys):
    cli.main(["init", str(tmp_path / "p")])
    assert cli.main(["extract", str(NEWS), "--data", str(tmp_path / "p")]) == 2
    assert "--source-id" in capsys.readouterr().err


# --- --data on every command ----------------------------------------------------------


@pytest.mark.parametrize("command", ["init", "validate", "extract", "add", "report", "profile"])
def test_every_data_command_takes_data(command):
    sub = cli._parser()._subparsers._group_actions[0].choices[command]
    assert "--data" in sub._option_string_actions


def test_init_takes_its_folder_as_dir_as_data_or_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(cli.ENV_VAR, raising=False)
    assert cli.main(["init", "--data", str(tmp_path / "a")]) == 0
    monkeypatch.setenv(cli.ENV_VAR, str(tmp_path / "b"))
    assert cli.main(["init"]) == 0
    assert cli.main(["init", str(tmp_path / "c"), "--data", str(tmp_path / "c")]) == 0
    for name in "abc":
        assert (tmp_path / name / "facts.csv").is_file()


def test_init_refuses_two_different_folders_or_none(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(cli.ENV_VAR, raising=False)
    assert cli.main(["init", str(tmp_path / "a"), "--data", str(tmp_path / "b")]) == 2
    assert "differ" in capsys.readouterr().err
    assert cli.main(["init"]) == 2
    assert "which folder" in capsys.readouterr().err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_a_bad_project_is_reported_by_any_command_without_traceback(tmp_path):
    result = run("profile", "车田村", "--text", "--data", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "no such folder" in result.stderr and "Traceback" not in result.stderr


def test_report_runs_with_the_project_in_the_environment_of_its_kernels(tmp_path, monkeypatch):
    """Notebooks run in kernel processes: --data reaches them as RURALSTUDY_DATA."""
    import ruralstudy.report

    project = tmp_path / "p"
    cli.main(["init", str(project)])
    seen = {}

    def build(notebooks, out, *args, **kwargs):
        seen["env"] = os.environ.get("RURALSTUDY_DATA")
        seen["project"] = datasets.data_project()
        return []  # the files written

    monkeypatch.setattr(ruralstudy.report, "build", build)
    assert cli.main(["report", "--data", str(project), "--out", str(tmp_path / "r")]) == 0
    assert seen == {"env": str(project.resolve()), "project": project.resolve()}


def test_a_relative_environment_variable_reaches_the_kernels_absolute(tmp_path, monkeypatch):
    import ruralstudy.report

    cli.main(["init", str(tmp_path / "p")])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RURALSTUDY_DATA", "p")
    seen = {}

    def build(*args, **kwargs):
        seen["env"] = os.environ[cli.ENV_VAR]
        return []  # the files written

    monkeypatch.setattr(ruralstudy.report, "build", build)
    assert cli.main(["report", "--out", str(tmp_path / "r")]) == 0
    assert seen["env"] == str((tmp_path / "p").resolve())


def test_environment_variable_works_for_the_command(tmp_path):
    project = tmp_path / "p"
    cli.main(["init", str(project)])
    append(project / "places.csv", PLACES_ROW)
    append(project / "sources.csv", SOURCES_ROW)
    result = run("profile", "试验村", "--text", env={"RURALSTUDY_DATA": str(project)})
    assert result.returncode == 0, result.stderr
    assert "试验村" in result.stdout and "0 facts" in result.stdout


def test_validate_without_files_needs_a_project(capsys):
    assert cli.main(["validate"]) == 2
    assert "--data" in capsys.readouterr().err


# --- start-up -------------------------------------------------------------------------


@pytest.mark.skipif(
    importlib.util.find_spec("rfc3987_syntax") is None, reason="rfc3987-syntax not installed"
)
def test_report_starts_without_building_the_iri_grammars(tmp_path):
    """rfc3987-syntax builds its parsers at import (1.5-2 s); `report` imports nbformat,
    hence jsonschema, without it. -X importtime lists every module the process loads
    (and each it only tried: rfc3987_syntax itself is listed, refused in no time)."""
    (tmp_path / "nb").mkdir()
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ruralstudy", "report",
         "--notebooks", str(tmp_path / "nb"), "--out", str(tmp_path / "r")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "no numbered notebooks" in result.stderr  # it got as far as the build
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
              if line.startswith("import time:")}  # fmt: skip
    assert "jsonschema" in loaded  # so the test means something
    assert "rfc3987_syntax.syntax_helpers" not in loaded and "lark" not in loaded
