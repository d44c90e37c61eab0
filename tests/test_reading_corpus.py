"""Every file of the corpus (tests/bad_files) reads as it must: a valid but
unusual file gives its cells, a bad one one clear DataValidationError that
names the file, and the row and column where there is one."""

from __future__ import annotations

import pytest
from bad_files import ALL_TEXT_CASES, Case

from ruralstudy import DataValidationError
from ruralstudy.io import read_text_table


def build(case: Case, tmp_path):
    path = tmp_path / case.filename
    case.build(path)
    return path


@pytest.mark.parametrize(
    "case", [c for c in ALL_TEXT_CASES if c.message is None], ids=lambda c: c.name
)
def test_valid_unusual_files_load_every_row(case, tmp_path):
    frame = read_text_table(build(case, tmp_path), **case.options)
    for column, values in case.cells.items():
        assert frame[column].tolist() == values


@pytest.mark.parametrize("case", [c for c in ALL_TEXT_CASES if c.message], ids=lambda c: c.name)
def test_bad_files_get_one_clear_error(case, tmp_path):
    path = build(case, tmp_path)
    with pytest.raises(DataValidationError, match=case.message) as info:
        read_text_table(path, **case.options)
    failures = info.value.failures
    assert failures["file"].tolist() == [str(path)] * len(failures)
    first = failures.iloc[0]
    if case.row is not None:
        assert first["row"] == case.row
    if case.column is not None:
        assert first["column"] == case.column
    assert len(failures) <= 2, "one cause, one message (not one per row)"
