"""Reading a table file as text, whatever a researcher's spreadsheet wrote.

CSV in UTF-8 (with or without the BOM Excel adds), CSV in GB18030/GBK (what
Chinese Excel's "CSV" export writes), and XLSX.  Every cell comes back as a
string (or missing), so typing happens in one place (``ruralstudy.schemas``)
where a bad cell is reported instead of coerced.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ruralstudy.errors import DataValidationError, failures_frame

# Tried in order. GB18030 is a superset of GBK and GB2312, so one entry covers
# all three; UTF-8 goes first because GB18030 would also "decode" many UTF-8
# byte strings into the wrong characters.
ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_MAGIC = b"PK\x03\x04"


def read_text_table(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """Read a CSV or XLSX file into a DataFrame of strings (empty cell → None).

    Raises DataValidationError naming the file for anything that is not a
    readable table — binary junk, an unknown encoding, a broken workbook — and
    for rows the table would misread: a row with values beyond the last
    header column, a short row, a blank row in the middle, a repeated or
    missing column name. Row numbers are those a spreadsheet shows (the
    header is row 1). ``sheet`` names the sheet of a workbook with several.

    >>> read_text_table("data/sources.csv").columns[0]  # doctest: +SKIP
    'source_id'
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _file_error(path, f"cannot read file: {exc.strerror or exc}") from None
    if raw.startswith(XLSX_MAGIC) or path.suffix.lower() in {".xlsx", ".xlsm"}:
        records = _xlsx_records(path, raw, sheet)
    else:
        records = _csv_records(path, raw)
    return _table(records, path)


def _csv_records(path: Path, raw: bytes) -> list[list[str | None]]:
    if b"\x00" in raw:
        raise _file_error(path, "not a text table: the file contains binary data (NUL bytes)")
    text = None
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise _file_error(path, f"unknown text encoding: not any of {', '.join(ENCODINGS)}")
    if _looks_binary(text):
        raise _file_error(path, "not a text table: the file contains control characters")
    try:
        # The csv module, not pandas, so that every record is seen as written:
        # pandas would skip blank lines (shifting row numbers) and turn a
        # trailing extra field into an index (shifting every column).
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise _file_error(path, f"not a readable CSV table: {exc}") from None
    return [[cell if cell != "" else None for cell in rec] for rec in records]


def _xlsx_records(path: Path, raw: bytes, sheet: str | None) -> list[list[str | None]]:
    try:
        sheets = pd.read_excel(
            io.BytesIO(raw), sheet_name=None, header=None, dtype=object, engine="openpyxl"
        )
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise _file_error(path, f"not a readable XLSX workbook: {exc}") from None
    if sheet is not None:
        if sheet not in sheets:
            raise _file_error(path, f"no sheet {sheet!r}; the sheets are {', '.join(sheets)}")
        frame = sheets[sheet]
    else:
        used = [name for name, df in sheets.items() if df.notna().any().any()]
        if len(used) > 1:
            raise _file_error(
                path,
                f"data on several sheets ({', '.join(used)}): name the one to read "
                "(sheet= / --sheet)",
            )
        frame = sheets[used[0]] if used else next(iter(sheets.values()))
    return [[_cell_text(v) for v in row] for row in frame.itertuples(index=False)]


def _cell_text(value) -> str | None:
    # Excel stores every number as a float: 2014 must read as "2014", not
    # "2014.0", or a year column would fail for a reason the user cannot see.
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value)
    return text if text != "" else None


def _table(records: list[list[str | None]], path: Path) -> pd.DataFrame:
    """Header and rows as a DataFrame, or every problem with the records' shape."""
    while records and _blank(records[-1]):
        records.pop()  # a final newline or formatted-but-empty rows: no data
    if not records:
        raise _file_error(path, "empty file: expected a header row and data rows")
    header = [(cell or "").strip() for cell in records[0]]
    width = len(header)
    while width and not header[width - 1]:
        width -= 1  # empty trailing header cells, checked below for stray data
    header = header[:width]
    problems = []
    for number, name in enumerate(header, start=1):
        if not name:
            problems.append(_problem(path, 1, None, f"column {number} has no name", None))
        elif header.count(name) > 1 and header.index(name) == number - 1:
            problems.append(_problem(path, 1, name, "column name used more than once", name))
    rows = []
    for number, rec in enumerate(records[1:], start=2):
        if _blank(rec):
            problems.append(_problem(path, number, None, "blank row inside the table", None))
            continue
        stray = [cell for cell in rec[width:] if cell is not None and cell.strip()]
        if stray:
            problems.append(
                _problem(
                    path, number, None, f"value beyond the last of the {width} columns", stray[0]
                )
            )
        elif len(rec) < width and not all(c is None for c in rec):
            problems.append(
                _problem(path, number, None, f"{len(rec)} fields but the header has {width}", None)
            )
        rows.append(list(rec[:width]) + [None] * (width - len(rec)))
    if problems:
        raise DataValidationError(failures_frame(problems), summary=f"cannot read {path}")
    return pd.DataFrame(rows, columns=header, dtype=object)


def _blank(record: list[str | None]) -> bool:
    return all(cell is None or not cell.strip() for cell in record)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return bad > 0


def _problem(path: Path, row: int | None, column: str | None, check: str, value) -> dict:
    return {"file": str(path), "row": row, "column": column, "check": check, "value": value}


def _file_error(path: Path, message: str) -> DataValidationError:
    return DataValidationError(
        failures_frame([_problem(path, None, None, message, None)]), summary=f"cannot read {path}"
    )
