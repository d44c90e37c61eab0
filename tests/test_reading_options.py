"""The reading keywords (hidden=, max_*=) reach read_text_table from
read_table, validate_file and ``ruralstudy validate``."""

from __future__ import annotations

import openpyxl
import pytest

import ruralstudy as rs
from ruralstudy import DataValidationError, cli, datasets
from ruralstudy.errors import HiddenCellsWarning


@pytest.fixture
def hidden_row_workbook(tmp_path):
    """Three shipped facts (valid against the shipped tables), row 3 hidden."""
    path = tmp_path / "facts.xlsx"
    rs.load_facts().head(3).to_excel(path, index=False)
    wb = openpyxl.load_workbook(path)
    wb.active.row_dimensions[3].hidden = True
    wb.save(path)
    return path


def test_read_table_refuses_hidden_rows_unless_asked(hidden_row_workbook):
    with pytest.raises(DataValidationError, match="hidden row"):
        rs.read_table(hidden_row_workbook)
    with pytest.warns(HiddenCellsWarning, match=r"1 hidden row\(s\) with data \(rows 3\)"):
        facts = rs.read_table(hidden_row_workbook, hidden="read")
    assert facts["fact_id"].tolist() == rs.load_facts()["fact_id"].head(3).tolist()


def test_validate_file_passes_hidden_on(hidden_row_workbook):
    failures = rs.validate_file(hidden_row_workbook)
    assert failures["check"].str.contains("hidden row").tolist() == [True]
    with pytest.warns(HiddenCellsWarning, match=str(hidden_row_workbook)):
        assert rs.validate_file(hidden_row_workbook, hidden="read").empty


def test_a_workbook_with_nothing_hidden_reads_without_a_notice(tmp_path):
    path = tmp_path / "facts.xlsx"
    rs.load_facts().head(2).to_excel(path, index=False)
    assert len(rs.read_table(path, hidden="read")) == 2  # warnings are errors here


def test_size_limits_are_passed_on(tmp_path):
    path = tmp_path / "facts.csv"
    rs.load_facts().head(5).to_csv(path, index=False)
    assert rs.validate_file(path).empty
    size = path.stat().st_size
    for options, words in (
        ({"max_bytes": size - 1}, f"limit of {size - 1:,} bytes"),
        ({"max_rows": 3}, "more than 3 rows"),
        ({"max_cells": 20}, "more than 20 cells"),
    ):
        failures = rs.validate_file(path, table="facts", **options)
        assert len(failures) == 1 and words in failures["check"].iloc[0], options
        with pytest.raises(DataValidationError, match=words):
            rs.read_table(path, **options)
    assert len(rs.read_table(path, max_bytes=size, max_rows=6)) == 5


def test_an_unknown_reading_keyword_is_a_type_error(tmp_path):
    path = tmp_path / "facts.csv"
    rs.load_facts().head(1).to_csv(path, index=False)
    with pytest.raises(TypeError, match="max_colums"):
        rs.validate_file(path, max_colums=3)


def test_the_validate_command_takes_hidden_and_the_limits(hidden_row_workbook, capsys):
    path = str(hidden_row_workbook)
    assert cli.main(["validate", path]) == 1
    assert "hidden row" in capsys.readouterr().out
    assert cli.main(["validate", "--hidden", "read", path]) == 0
    out, err = capsys.readouterr()
    assert f"{path}: OK" in out
    # Read as asked, with a notice on one line naming the file and the rows.
    assert (
        err == f'note: {path}: read as asked (hidden="read"): 1 hidden row(s) with data (rows 3)\n'
    )
    assert cli.main(["validate", "--hidden", "read", "--max-rows", "2", path]) == 1
    assert "more than 2 rows" in capsys.readouterr().out
    assert cli.main(["validate", "--hidden", "read", "--max-bytes", "100", path]) == 1
    assert "limit of 100 bytes" in capsys.readouterr().out
    assert cli.main(["validate", "--hidden", "read", "--max-ratio", "1", path]) == 0
    capsys.readouterr()


def test_the_validate_command_lifts_a_limit(tmp_path, capsys):
    path = tmp_path / "facts.csv"
    rs.load_facts().head(5).to_csv(path, index=False)
    assert cli.main(["validate", "--max-cells", "20", str(path)]) == 1
    assert "more than 20 cells" in capsys.readouterr().out
    # An XLSX limit does not apply to a CSV file.
    lifted = ["validate", "--max-cells", "1000", "--max-unpacked-bytes", "1", str(path)]
    assert cli.main(lifted) == 0
    assert "OK" in capsys.readouterr().out


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A data project of three facts (shipped facts under new ids); no project chosen."""
    monkeypatch.setenv("RURALSTUDY_DATA", "")
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)
    folder = rs.init_project(tmp_path / "proj")
    facts = rs.load_facts().head(3).assign(fact_id=lambda d: "proj-" + d["fact_id"])
    facts = facts.assign(year=facts["year"].astype("Int64"), as_of="2026-12")
    facts.to_csv(folder / "facts.csv", index=False)
    return folder


def test_use_data_reads_the_project_files_with_the_reading_keywords(project):
    with pytest.raises(DataValidationError, match=r"facts.csv:3: the table has more than 2 rows"):
        rs.use_data(project, max_rows=2)
    assert datasets.data_project() is None  # the old choice stays
    assert rs.use_data(project, max_rows=4) == project.resolve()
    assert len(rs.load_facts()) == len(datasets._shipped("facts")) + 3
    with datasets.using_data(project):  # the same project keeps its keywords
        assert datasets._fingerprint(project)[2] == (("max_rows", 4),)
    with pytest.raises(TypeError, match="max_colums"):
        rs.use_data(project, max_colums=3)
    rs.use_data(None)


def test_validate_data_takes_the_reading_options(project, capsys):
    assert cli.main(["validate", "--data", str(project)]) == 0
    assert "3 facts of its own" in capsys.readouterr().out
    assert cli.main(["validate", "--data", str(project), "--max-rows", "2"]) == 1
    assert "facts.csv:3: the table has more than 2 rows" in capsys.readouterr().err
    size = (project / "facts.csv").stat().st_size
    assert cli.main(["validate", "--data", str(project), "--max-bytes", str(size - 1)]) == 1
    assert f"limit of {size - 1:,} bytes" in capsys.readouterr().err
    rs.use_data(None)
