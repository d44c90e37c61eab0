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


def read_text_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV or XLSX file into a DataFrame of strings (empty cell → NaN).

    Raises DataValidationError naming the file for anything that is not a
    readable table: binary junk, an unknown encoding, a broken workbook.

    >>> read_text_table("data/sources.csv").columns[0]  # doctest: +SKIP
    'source_id'
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _file_error(path, f"cannot read file: {exc.strerror or exc}") from None
    if raw.startswith(XLSX_MAGIC) or path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, raw)
    return _read_csv(path, raw)


def _read_csv(path: Path, raw: bytes) -> pd.DataFrame:
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
    if not text.strip():
        raise _file_error(path, "empty file: expected a header row and data rows")
    try:
        df = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=False,
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise _file_error(path, f"not a readable CSV table: {exc}") from None
    return _tidy_header(df, path)


def _read_xlsx(path: Path, raw: bytes) -> pd.DataFrame:
    try:
        df = pd.read_excel(io.BytesIO(raw), dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise _file_error(path, f"not a readable XLSX workbook: {exc}") from None
    return _tidy_header(df.map(_cell_text), path)


def _cell_text(value) -> object:
    # Excel stores every number as a float: 2014 must read as "2014", not
    # "2014.0", or a year column would fail for a reason the user cannot see.
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NA
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def _tidy_header(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    unnamed = [c for c in df.columns if str(c).startswith("Unnamed:")]
    if unnamed and df[unnamed].isna().all().all():
        # Trailing empty columns that spreadsheets add: no data is lost.
        df = df.drop(columns=unnamed)
    df.columns = [str(c).strip() for c in df.columns]
    return df.astype(object).where(df.notna(), None)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return bad > 0


def _file_error(path: Path, message: str) -> DataValidationError:
    return DataValidationError(
        failures_frame(
            [{"file": str(path), "row": None, "column": None, "check": message, "value": None}]
        ),
        summary=f"cannot read {path}",
    )
