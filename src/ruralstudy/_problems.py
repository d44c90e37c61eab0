"""Problem records and the error built from them, shared by the readers."""

from __future__ import annotations

from pathlib import Path

from ruralstudy.errors import DataValidationError, failures_frame

# Said wherever a file must be saved again in a form that reads unambiguously.
RESAVE_CSV = (
    "in Excel: File › Save As › 'CSV UTF-8 (Comma delimited) (*.csv)'; "
    "in WPS/LibreOffice: save as CSV with character set UTF-8"
)


def problem(path: Path | str, row: int | None, column: str | None, check: str, value=None) -> dict:
    """One failure record (row as a spreadsheet numbers it, header = 1)."""
    return {"file": str(path), "row": row, "column": column, "check": check, "value": value}


def file_error(path: Path | str, message: str, row: int | None = None, column=None, value=None):
    """A DataValidationError with one problem of the file (or of one place in it)."""
    return table_error(path, [problem(path, row, column, message, value)])


def table_error(path: Path | str, problems: list[dict]) -> DataValidationError:
    return DataValidationError(failures_frame(problems), summary=f"cannot read {path}")
