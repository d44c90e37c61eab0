"""Read one sheet of an XLSX workbook as text cells, within set limits.

``_xlsx_scan`` checks the archive and streams every sheet's XML first
(sizes, counts, hidden rows, pending formulas, error cells, date formats);
only then does calamine read the chosen sheet's values.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

from ruralstudy._problems import file_error, problem, table_error
from ruralstudy._xlsx_scan import (
    SheetPart,
    SheetScan,
    XlsxLimits,
    checked_archive,
    scan_sheet,
    sheet_parts,
    verify_members,
)
from ruralstudy.errors import HiddenCellsWarning

ERROR_VALUES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
# A number format's tokens: quoted text, escaped characters, [brackets], runs
# of one date/time letter, anything else.
FORMAT_TOKENS = re.compile(r"\"[^\"]*\"|\\.|\[[^\]]*\]|y+|m+|d+|h+|s+|.", re.IGNORECASE)

__all__ = ["XlsxLimits", "date_text", "xlsx_records"]


def xlsx_records(
    raw: bytes, path: Path, sheet: str | None, limits: XlsxLimits
) -> list[list[str | None]]:
    """The chosen sheet's rows as text cells (None for empty), header first."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    from ruralstudy._xlsx_styles import date_styles, uses_1904_dates  # imports openpyxl

    archive = checked_archive(raw, path, limits)
    parts = sheet_parts(archive, path)
    try:
        styles = date_styles(archive)
        epoch = CALENDAR_MAC_1904 if uses_1904_dates(archive) else CALENDAR_WINDOWS_1900
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, zlib.error) as exc:
        raise file_error(path, f"not a readable XLSX workbook: {exc}") from None
    part, scan = _choose_sheet(archive, parts, path, sheet, limits, styles)
    if part is None:
        return []
    verify_members(archive, path)
    records, problems = _read_cells(raw, part, scan, epoch, path)
    problems += _scan_problems(part, scan, records, path, limits)
    if problems:
        raise table_error(path, problems)
    return records


def _choose_sheet(archive, parts: list[SheetPart], path: Path, sheet: str | None, limits, styles):
    names = [part.name for part in parts]
    if sheet is not None:
        if sheet not in names:
            raise file_error(path, f"no sheet {sheet!r}; the sheets are {', '.join(names)}")
        part = parts[names.index(sheet)]
        return part, scan_sheet(archive, part, path, limits, styles)
    scans = [(part, scan_sheet(archive, part, path, limits, styles)) for part in parts]
    used = [(part, scan) for part, scan in scans if scan.has_values]
    if len(used) > 1:
        raise file_error(
            path,
            f"data on several sheets ({', '.join(p.name for p, _ in used)}): name the one "
            "to read (sheet= / --sheet)",
        )
    return used[0] if used else (scans[0] if scans else (None, None))


def _read_cells(raw: bytes, part: SheetPart, scan: SheetScan, epoch, path: Path):
    """(records, problems): the sheet's values read by calamine, a Rust
    reader much faster than openpyxl (docs/tooling-notes.md), as text."""
    from python_calamine import CalamineWorkbook  # only for workbooks

    try:
        workbook = CalamineWorkbook.from_filelike(BytesIO(raw))
        try:
            rows = workbook.get_sheet_by_name(part.name).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine's errors, and a Rust panic (a BaseException)
        raise file_error(path, f"not a readable XLSX workbook: {exc}") from None
    return _texts(rows, scan, epoch, path)


def _texts(rows: list[list], scan: SheetScan, epoch, path: Path):
    """calamine's rows as text records (trailing empty cells dropped), and
    the problems of their cells and of the error cells the scan found."""
    date_cells: dict[int, dict[int, str]] = {}
    for (number, column), number_format in scan.date_formats.items():
        date_cells.setdefault(number, {})[column] = number_format
    records: list[list[str | None]] = []
    problems: list[dict] = []
    for number, row in enumerate(rows, start=1):
        formats = date_cells.get(number, {})
        texts = []
        for column, value in enumerate(row, start=1):
            text, trouble = _cell_text(value, formats.get(column), epoch)
            if trouble:
                problems.append(problem(path, number, _column(records, column - 1), trouble, text))
            texts.append(text)
        while texts and texts[-1] is None:
            texts.pop()
        records.append(texts)
    for number, column, value in scan.errors:  # calamine reads error cells as empty
        check = f"the cell holds the Excel error {value}"
        problems.append(problem(path, number, _column(records, column - 1), check, value))
    return records, problems


def _cell_text(value, number_format: str | None, epoch) -> tuple[str | None, str | None]:
    """The cell as text, and what is wrong with it (or None).  ``number_format``
    is the cell's format when its style shows a date, else None."""
    if isinstance(value, str):
        if value in ERROR_VALUES:
            return value, f"the cell holds the Excel error {value}"
        return (value if value != "" else None), None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, float | int) and number_format is not None:
        from openpyxl.utils.datetime import from_excel

        try:  # a date style calamine did not take for one, as openpyxl reads it
            value = from_excel(value, epoch)
        except (ValueError, OverflowError):
            return _number_text(value), None
    if isinstance(value, float | int):
        return _number_text(value), None
    if type(value) is dt.date:
        value = dt.datetime.combine(value, dt.time())  # as openpyxl gives every date
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        if number_format is None and isinstance(value, dt.datetime):
            return value.date().isoformat(), (
                "a date cell whose number format this reader does not know, so which "
                "part is data is unclear; type the date as text (e.g. 2025-10)"
            )
        return date_text(value, number_format or "")
    return str(value), None


def _number_text(value: float | int) -> str:
    # Excel stores every number as a float: 2014 must read as "2014".
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def date_text(value, number_format: str) -> tuple[str | None, str | None]:
    """A date cell as the precision its number format shows, and any problem.

    "yyyy-mm" shows a month, so 2025-10-01 reads "2025-10" (the day is
    Excel's filler, not data); "yyyy" a year; a format with days the day;
    one with hours the time.  A format that shows no year (say "mmm-dd") is
    refused rather than guessed.

    >>> date_text(dt.datetime(2025, 10, 1), "yyyy-mm")
    ('2025-10', None)
    """
    if isinstance(value, dt.timedelta | dt.time):
        return str(value), "a time or duration, not a date; type it as text"
    shown = _shown_parts(number_format)
    day = value.date() if isinstance(value, dt.datetime) else value
    if "y" not in shown or ("m" not in shown and "d" in shown):
        return day.isoformat(), (
            f"a date cell whose format {number_format!r} does not show year and month, "
            "so which part is data is unclear; type the date as text (e.g. 2025-10)"
        )
    if "h" in shown or "s" in shown:
        return (value.isoformat(sep=" ") if isinstance(value, dt.datetime) else str(value)), None
    if "d" in shown:
        return day.isoformat(), None
    if "m" in shown:
        return day.isoformat()[:7], None
    return day.isoformat()[:4], None


def _shown_parts(number_format: str) -> set[str]:
    """Which of year, month, day, hour, second a number format displays."""
    parts = set()
    for token in FORMAT_TOKENS.findall(number_format or ""):
        lowered = token.lower()
        if lowered.startswith(("[h", "[m", "[s")):
            parts.add("h")  # elapsed time
        elif lowered[0] in "ymdhs" and not token.startswith(('"', "\\", "[")):
            parts.add(lowered[0])
    if "m" in parts and parts & {"h", "s"} and not parts & {"y", "d"}:
        parts.discard("m")  # "h:mm": minutes, not months
    return parts


def _column(records: list, index: int) -> str:
    header = records[0] if records else []
    if index < len(header) and header[index]:
        return str(header[index]).strip()
    return f"column {_letters(index + 1)}"


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _scan_problems(part: SheetPart, scan: SheetScan, records: list, path: Path, limits):
    """Pending formulas always; hidden rows, columns and sheets unless hidden="read",
    which reads them with a HiddenCellsWarning naming them."""
    problems = [
        problem(
            path,
            row,
            _column(records, column - 1),
            "formula without a computed value: the program that saved the workbook did "
            "not calculate it; open it in Excel or WPS, let it calculate, and save again",
        )
        for row, column in scan.pending_formulas
    ]
    for ref in scan.merged[:1]:
        first = ref.partition(":")[0]
        row, column = _position(first)
        problems.append(
            problem(
                path,
                row,
                _column(records, column - 1),
                f"merged cells ({', '.join(scan.merged[:5])}{' …' if len(scan.merged) > 5 else ''}"
                "): only the first cell of a merged range holds the value, the others read "
                "as empty; unmerge them and fill every cell",
            )
        )
    hidden = _hidden_parts(part, scan, records)
    if limits.hidden == "refuse":
        return problems + [problem(path, row, column, f"{what}: {REFUSED[kind]}")
                           for kind, row, column, what in hidden]  # fmt: skip
    if hidden:
        # Read as asked, but never unawares: a notice naming what a reader cannot see.
        what = "; ".join(what for _, _, _, what in hidden)
        warnings.warn(f'{path}: read as asked (hidden="read"): {what}', HiddenCellsWarning,
                      stacklevel=4)  # fmt: skip  # the caller of read_text_table
    return problems


REFUSED = {
    "rows": "hidden or filtered rows are not read unawares; unhide or delete them, or pass "
    'hidden="read"',
    "columns": 'unhide or delete them, or pass hidden="read"',
    "sheet": 'unhide it, or pass hidden="read"',
}


def _hidden_parts(part: SheetPart, scan: SheetScan, records: list) -> list[tuple]:
    """(kind, row, column, what) for the hidden rows, columns and sheet that hold data."""
    found = []
    used = {n for n, rec in enumerate(records, start=1) if any(c is not None for c in rec)}
    rows = [r for r in scan.hidden_rows if r in used]
    if rows:
        found.append(
            ("rows", rows[0], None, f"{len(rows)} hidden row(s) with data ({_ranges(rows)})")
        )
    columns = sorted({c for c in scan.hidden_columns if _has_data(records, c)})
    if columns:
        names = ", ".join(_column(records, c - 1) for c in columns[:10])
        first = _column(records, columns[0] - 1)
        found.append(
            ("columns", None, first, f"{len(columns)} hidden column(s) with data ({names})")
        )
    if part.hidden and used:
        found.append(("sheet", None, None, f"sheet {part.name!r} is hidden in the workbook"))
    return found


def _position(ref: str) -> tuple[int, int]:
    """(row, column) of a cell reference like "B12"."""
    letters = ref.rstrip("0123456789")
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    digits = ref[len(letters) :]
    return (int(digits) if digits.isdigit() else 1), max(column, 1)


def _has_data(records: list, column: int) -> bool:
    return any(len(rec) >= column and rec[column - 1] is not None for rec in records)


def _ranges(rows: list[int]) -> str:
    """'rows 3-5, 9' for [3, 4, 5, 9]."""
    spans: list[list[int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    text = ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans[:10])
    return "rows " + text + (" …" if len(spans) > 10 else "")
