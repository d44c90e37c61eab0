"""The one error a user sees for bad data."""

from __future__ import annotations

import pandas as pd

FAILURE_COLUMNS = ["file", "row", "column", "check", "value"]
# The message lists this many failures; ``.failures`` always holds them all
# (a million bad rows would otherwise make a message of a hundred megabytes).
MESSAGE_LINES = 200


class HiddenCellsWarning(UserWarning):
    """A workbook's hidden rows, columns or sheet were read, as asked
    (``hidden="read"``): they are in the data, though a reader of the sheet
    does not see them.  The message names the file, rows and columns."""


class DataValidationError(ValueError):
    """Every problem found in one or more data files, all at once.

    ``.failures`` is a DataFrame with columns file, row, column, check, value;
    ``row`` is the line a spreadsheet user sees (the header is row 1), empty
    for problems of the whole file or a whole column.  The message shows the
    first ``MESSAGE_LINES`` of them and says how many more there are.

    >>> err = DataValidationError(failures_frame([
    ...     {"file": "f.csv", "row": 3, "column": "year", "check": "not a whole number",
    ...      "value": "2025年"}]))
    >>> print(err)
    data validation failed: 1 problem(s)
    f.csv:3: column 'year': not a whole number (value '2025年')
    """

    def __init__(self, failures: pd.DataFrame, summary: str = "data validation failed"):
        self.failures = failures.reindex(columns=FAILURE_COLUMNS).reset_index(drop=True)
        lines = [f"{summary}: {len(self.failures)} problem(s)"]
        shown = self.failures.head(MESSAGE_LINES)
        lines += [format_failure(rec) for rec in shown.to_dict("records")]
        if len(self.failures) > MESSAGE_LINES:
            more = len(self.failures) - MESSAGE_LINES
            lines.append(f"… and {more} more (all of them are in the error's .failures)")
        super().__init__("\n".join(lines))


def format_failure(rec: dict) -> str:
    """One failure as one line: ``file:row: column 'x': check (value 'v')``."""
    where = str(rec.get("file") or "<data>")
    row = rec.get("row")
    if row is not None and not pd.isna(row) and row != "":
        where += f":{int(row)}"
    col = rec.get("column")
    col_part = f" column {col!r}:" if col is not None and not pd.isna(col) and col != "" else ""
    value = rec.get("value")
    value_part = ""
    if value is not None and not (isinstance(value, float) and pd.isna(value)) and value != "":
        value_part = f" (value {str(value)!r})"
    return f"{where}:{col_part} {rec.get('check')}{value_part}"


def failures_frame(records: list[dict]) -> pd.DataFrame:
    """A failures DataFrame from a list of dicts with FAILURE_COLUMNS keys."""
    return pd.DataFrame.from_records(records, columns=FAILURE_COLUMNS)
