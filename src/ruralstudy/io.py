"""Reading a table file as text, whatever a researcher's spreadsheet wrote.

CSV in UTF-8 (with or without the BOM Excel adds), UTF-16 (Excel's "Unicode
text", tab-delimited), GB18030/GBK (what Chinese Excel's "CSV" export
writes) or Big5; and XLSX.  Every cell comes back as a string (or missing),
so typing happens in one place (``ruralstudy.schemas``) where a bad cell is
reported instead of coerced.  docs/reading-files.md lists every format,
encoding and limit.

The work is split by job: ``_rawfile`` (which files, how much of them),
``_encoding`` (which encoding), ``_csv`` and ``_xlsx`` (records),
``_mojibake`` (garbled text), and here the shape of the table.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ruralstudy._csv import csv_records
from ruralstudy._encoding import decode_table
from ruralstudy._mojibake import cell_problems
from ruralstudy._problems import file_error, problem, table_error
from ruralstudy._rawfile import read_capped, refuse_other_formats
from ruralstudy._xlsx import XlsxLimits, xlsx_records

MAX_BYTES = 100_000_000  # a file larger than this is refused before it is read
MAX_ROWS = 1_048_576  # Excel's own row limit
MAX_CELLS_CSV = 10_000_000  # about 700,000 rows of the facts table
MAX_CELLS_XLSX = 2_000_000  # the scan and calamine: ~150,000 cells a CPU second (bench_reading.py)
MAX_UNPACKED_BYTES = 200_000_000  # an XLSX's declared unpacked size, all members
MAX_RATIO = 100.0  # compression ratio of an XLSX member above 1 MiB
XLSX_MAGIC = b"PK\x03\x04"
TITLE_ROWS_LOOKED_AT = 20


def read_text_table(
    path: str | Path,
    sheet: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_cells: int | None = None,
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES,
    max_ratio: float = MAX_RATIO,
    hidden: str = "refuse",
) -> pd.DataFrame:
    """Read a CSV or XLSX file into a DataFrame of strings (empty cell → None).

    Raises DataValidationError naming the file (and row and column where
    there is one) for anything that is not a readable table: not a regular
    file, too large, binary junk, an encoding that cannot be told, garbled
    (mojibake) text, the wrong delimiter, broken quotes, an old .xls or a
    ZIP bomb; and for rows the table would misread: values beyond the last
    header column, short rows, blank rows in the middle, a header that is
    not on row 1, repeated or missing column names.  Row numbers are those a
    spreadsheet shows (the header is row 1).  ``sheet`` names the sheet of a
    workbook with several.  The limits (``max_*``; ``max_cells`` defaults to
    MAX_CELLS_CSV or MAX_CELLS_XLSX) are documented in docs/reading-files.md;
    hidden rows, columns or sheets of a workbook are refused unless
    ``hidden="read"``, which reads them with a
    ``ruralstudy.errors.HiddenCellsWarning`` naming them.

    >>> read_text_table("data/sources.csv").columns[0]  # doctest: +SKIP
    'source_id'
    """
    path = Path(path)
    if hidden not in {"refuse", "read"}:
        raise ValueError(f'hidden must be "refuse" or "read", not {hidden!r}')
    raw = read_capped(path, max_bytes)
    refuse_other_formats(raw, path)
    # The bytes decide, not the name: a CSV renamed .xlsx is read as the CSV it is.
    if raw.startswith(XLSX_MAGIC):
        cells = MAX_CELLS_XLSX if max_cells is None else max_cells
        limits = XlsxLimits(max_rows, cells, max_unpacked_bytes, max_ratio, hidden)
        records = xlsx_records(raw, path, sheet, limits)
        codec = None  # a workbook's XML is Unicode: no encoding to decide
    else:
        decoded = decode_table(raw, path)
        del raw  # the bytes are not needed beside their text (memory: one less copy)
        cells = MAX_CELLS_CSV if max_cells is None else max_cells
        records = csv_records(decoded, path, max_rows, cells)
        codec = decoded.codec
        del decoded
    frame = _table(records, path, ragged=codec is None)
    garbled = cell_problems(records, path, codec)
    if garbled:
        raise table_error(path, garbled)
    return frame


def _table(records: list[list[str | None]], path: Path, ragged: bool = False) -> pd.DataFrame:
    """Header and rows as a DataFrame, or every problem with the records' shape.

    ``ragged``: rows may stop early (a workbook row ends at its last cell);
    in a CSV file a short row is a problem."""
    while records and _blank(records[-1]):
        records.pop()  # a final newline or formatted-but-empty rows: no data
    if not records:
        raise file_error(path, "empty file: expected a header row and data rows")
    header = [(cell or "").strip() for cell in records[0]]
    width = len(header)
    while width and not header[width - 1]:
        width -= 1  # empty trailing header cells, checked below for stray data
    header = header[:width]
    title = _title_row_problem(records, header, path)
    if title is not None:
        raise table_error(path, [title])
    problems = _header_problems(header, path)
    for number, rec in enumerate(records[1:], start=2):
        found = _row_problem(rec, header, number, path, ragged)
        if found is not None:
            problems.append(found)
    if problems:
        raise table_error(path, problems)
    return _frame(records, header)


def _frame(records: list[list[str | None]], header: list[str]) -> pd.DataFrame:
    """The rows below the header as one object array that the frame uses as it is
    (no row copies: a million-row table's pointers alone are 100 MB a copy).
    Blank rows are only left at the end here, and were removed before."""
    body = records[1:]
    width = len(header)
    cells = np.empty((len(body), width), dtype=object)  # None where a row stops early
    for number, rec in enumerate(body):
        if len(rec) == width:
            cells[number] = rec
        else:
            cells[number, : min(len(rec), width)] = rec[:width]
    return pd.DataFrame(cells, columns=header, dtype=object, copy=False)


def _header_problems(header: list[str], path: Path) -> list[dict]:
    problems = []
    for number, name in enumerate(header, start=1):
        if not name:
            problems.append(problem(path, 1, None, f"column {number} has no name"))
        elif header.count(name) > 1 and header.index(name) == number - 1:
            problems.append(problem(path, 1, name, "column name used more than once", name))
    return problems


def _row_problem(rec: list, header: list[str], number: int, path: Path, ragged: bool):
    width = len(header)
    if _blank(rec):
        return problem(path, number, None, "blank row inside the table")
    stray = [cell for cell in rec[width:] if cell is not None and cell.strip()]
    if stray:
        check = f"value beyond the last of the {width} columns"
        return problem(path, number, None, check, stray[0])
    if len(rec) < width and not ragged:
        return problem(path, number, None, f"{len(rec)} fields but the header has {width}")
    if width > 1 and (rec[0] or "").strip(" \ufeff") == header[0] and _same(rec, header):
        return problem(path, number, None, "the header row again (two tables joined?)")
    return None


def _title_row_problem(records: list, header: list[str], path: Path) -> dict | None:
    """One problem when row 1 is a title above the real header, not one per row."""
    named = sum(1 for name in header if name)
    below = [rec for rec in records[1 : 1 + TITLE_ROWS_LOOKED_AT] if not _blank(rec)]
    wider = [rec for rec in below if _filled(rec) > max(named, 1)]
    if named > 2 or not below or len(wider) * 2 < len(below):
        return None
    widest = max(_filled(rec) for rec in wider)
    if named == 2 and widest < 4:
        return None  # two names over three values: a short header, reported per row
    header_row = next(
        (n for n, rec in enumerate(records[1:], start=2) if _filled(rec) > max(named, 1)), None
    )
    title = " | ".join(name for name in header if name)
    holds = f"holds only {title!r} (a title?)" if title else "is empty"
    return problem(
        path,
        1,
        None,
        f"the header is not on row 1: row 1 {holds} while the rows below have up to "
        f"{widest} cells; the header looks like row {header_row}: delete the rows above it",
        title or None,
    )


def _same(record: list, header: list[str]) -> bool:
    return [(cell or "").strip(" \ufeff") for cell in record[: len(header)]] == header


def _filled(record: list) -> int:
    return sum(1 for cell in record if cell is not None and cell.strip())


def _blank(record: list[str | None]) -> bool:
    return all(cell is None or not cell.strip() for cell in record)
