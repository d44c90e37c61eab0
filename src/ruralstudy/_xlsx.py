"""Read one sheet of an XLSX workbook as text cells, within set limits.

Before openpyxl sees the file, the archive's own table of contents is
checked: the declared unpacked sizes and each member's compression ratio
(Python's zipfile never inflates a member past its declared size, so the
declared sizes bound the memory).  The sheet is then streamed (openpyxl's
read-only mode) with the rows and cells counted, and a second light pass over
the sheet XML finds what read-only mode does not report: hidden rows and
columns, and formulas without a stored result.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ruralstudy._problems import problem, table_error

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RATIO_CHECKED_ABOVE = 1 << 20  # small members (styles, themes) compress freely
ERROR_VALUES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}


@dataclass(frozen=True)
class XlsxLimits:
    """Bounds on what a workbook may make the reader do (documented defaults in io)."""

    max_rows: int
    max_cells: int
    max_unpacked_bytes: int
    max_ratio: float
    hidden: str  # "refuse" or "read"


def xlsx_records(
    raw: bytes, path: Path, sheet: str | None, limits: XlsxLimits
) -> list[list[str | None]]:
    """The chosen sheet's rows as text cells (None for empty), header first."""
    archive = _checked_archive(raw, path, limits)
    workbook = _open_workbook(raw, path)
    try:
        ws = _choose_sheet(workbook, path, sheet, limits)
        if ws is None:
            return []
        marks = _sheet_marks(archive, ws, path)
        records, problems = _read_cells(ws, path, limits)
    finally:
        workbook.close()
    problems += _mark_problems(marks, records, path, limits)
    if problems:
        raise table_error(path, problems)
    return records


# --- the archive, before anything is inflated ----------------------------------


def _checked_archive(raw: bytes, path: Path, limits: XlsxLimits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        message = f"not a readable XLSX workbook: the ZIP archive is broken ({exc})"
        raise _error(path, message) from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise _error(path, _not_a_workbook(names))
    total = sum(m.file_size for m in members)
    if total > limits.max_unpacked_bytes:
        raise _error(
            path,
            f"the workbook unpacks to {total:,} bytes, more than the limit of "
            f"{limits.max_unpacked_bytes:,} (max_unpacked_bytes=); a workbook this size "
            "is either a ZIP bomb or better saved as CSV UTF-8",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECKED_ABOVE and ratio > limits.max_ratio:
            raise _error(
                path,
                f"{member.filename} inflates {ratio:,.0f} times (to {member.file_size:,} "
                f"bytes), more than the limit of {limits.max_ratio:,.0f} (max_ratio=): "
                "the file looks like a ZIP bomb",
            )
    return archive


def _not_a_workbook(names: set[str]) -> str:
    if "content.xml" in names and "mimetype" in names:
        kind = "an OpenDocument file (.ods from WPS/LibreOffice)"
    elif "xl/workbook.bin" in names:
        kind = "an Excel binary workbook (.xlsb)"
    elif "word/document.xml" in names:
        kind = "a Word document (.docx)"
    else:
        kind = "a ZIP archive"
    return f"not an XLSX workbook: {kind}; open it and save as Excel Workbook (.xlsx) or CSV UTF-8"


def _open_workbook(raw: bytes, path: Path):
    import openpyxl  # heavy; only for workbooks

    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise _error(path, f"not a readable XLSX workbook: {exc}") from None


# --- which sheet ------------------------------------------------------------------


def _choose_sheet(workbook, path: Path, sheet: str | None, limits: XlsxLimits):
    names = workbook.sheetnames
    if sheet is not None:
        if sheet not in names:
            raise _error(path, f"no sheet {sheet!r}; the sheets are {', '.join(names)}")
        return workbook[sheet]
    used = [name for name in names if _has_values(workbook[name], limits)]
    if len(used) > 1:
        raise _error(
            path,
            f"data on several sheets ({', '.join(used)}): name the one to read (sheet= / --sheet)",
        )
    return workbook[used[0]] if used else (workbook[names[0]] if names else None)


def _has_values(ws, limits: XlsxLimits) -> bool:
    ws.reset_dimensions()  # never trust the sheet's declared size
    for count, row in enumerate(ws.iter_rows(values_only=True)):
        if any(v is not None and v != "" for v in row):
            return True
        if count > limits.max_rows:
            return False
    return False


# --- the cells --------------------------------------------------------------------


def _read_cells(ws, path: Path, limits: XlsxLimits) -> tuple[list, list[dict]]:
    ws.reset_dimensions()
    records: list[list[str | None]] = []
    problems: list[dict] = []
    cells = 0
    for number, row in enumerate(ws.iter_rows(), start=1):
        if number > limits.max_rows:
            raise _limit(path, f"more than {limits.max_rows:,} rows", number, "max_rows")
        cells += len(row)
        if cells > limits.max_cells:
            raise _limit(path, f"more than {limits.max_cells:,} cells", number, "max_cells")
        texts = []
        for index, cell in enumerate(row):
            text, trouble = _cell_text(cell)
            if trouble:
                problems.append(problem(path, number, _column(records, index), trouble, text))
            texts.append(text)
        while texts and texts[-1] is None:
            texts.pop()
        records.append(texts)
    return records, problems


def _cell_text(cell) -> tuple[str | None, str | None]:
    """The cell as text, and what is wrong with it (or None)."""
    value = getattr(cell, "value", None)
    if value is None:
        return None, None
    if cell.data_type == "e" or (isinstance(value, str) and value in ERROR_VALUES):
        return str(value), f"the cell holds the Excel error {value}"
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, float):
        # Excel stores every number as a float: 2014 must read as "2014".
        return (str(int(value)) if value.is_integer() else repr(value)), None
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return date_text(value, cell.number_format)
    text = str(value)
    return (text if text != "" else None), None


DATE_LETTERS = re.compile(r"\"[^\"]*\"|\\.|\[[^\]]*\]|[yYmMdDhHsS]+|[^yYmMdDhHsS]")


def date_text(value, number_format: str) -> tuple[str | None, str | None]:
    """A date cell as the precision its number format shows.

    "yyyy-mm" shows a month, so 2025-10-01 reads "2025-10" (the day is
    Excel's filler, not data); "yyyy" a year; a format with days the day;
    one with hours the time.  A format that shows no year (say "mmm-dd"),
    or one this reader cannot parse, is refused rather than guessed.

    >>> date_text(dt.datetime(2025, 10, 1), "yyyy-mm")
    ('2025-10', None)
    """
    if isinstance(value, dt.timedelta | dt.time):
        return str(value), "a time or duration, not a date; type it as text"
    shown = _shown_parts(number_format)
    day = value.date() if isinstance(value, dt.datetime) else value
    if "y" not in shown or shown == {"y", "d"}:
        return day.isoformat(), (
            f"a date cell whose format {number_format!r} does not show the year and month "
            "together, so its precision is unclear; type the date as text (2025-10)"
        )
    if "h" in shown or "s" in shown:
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else str(value), None
    if "d" in shown:
        return day.isoformat(), None
    if "m" in shown:
        return day.isoformat()[:7], None
    return day.isoformat()[:4], None


def _shown_parts(number_format: str) -> set[str]:
    parts = set()
    for token in DATE_LETTERS.findall(number_format or ""):
        letter = token[0].lower()
        if letter in "ymdhs" and not token.startswith(('"', "\\", "[")):
            parts.add(letter)
        elif token.lower().startswith("[h") or token.lower().startswith("[m"):
            parts.add("h")  # elapsed hours/minutes
    if "m" in parts and ("h" in parts or "s" in parts) and "d" not in parts and "y" not in parts:
        parts.discard("m")  # minutes, not months
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


# --- what read-only mode hides ----------------------------------------------------


@dataclass
class SheetMarks:
    hidden_rows: list[int]
    hidden_columns: list[int]  # 1-based column numbers
    pending_formulas: list[tuple[int, int]]  # (row, column) without a stored result
    sheet_hidden: bool


def _sheet_marks(archive: zipfile.ZipFile, ws, path: Path) -> SheetMarks:
    marks = SheetMarks([], [], [], ws.sheet_state != "visible")
    member = _sheet_member(archive, ws.title)
    if member is None:
        raise _error(path, f"not a readable XLSX workbook: no part holds sheet {ws.title!r}")
    with archive.open(member) as source:
        for _, element in ElementTree.iterparse(source):
            tag = element.tag.removeprefix(MAIN_NS)
            if tag == "row":
                if _true(element.get("hidden")):
                    marks.hidden_rows.append(int(element.get("r", "0")))
                element.clear()
            elif tag == "col" and _true(element.get("hidden")):
                first, last = int(element.get("min", "1")), int(element.get("max", "1"))
                marks.hidden_columns.extend(range(first, min(last, 16384) + 1))
            elif tag == "c" and element.find(f"{MAIN_NS}f") is not None:
                stored = element.find(f"{MAIN_NS}v")
                if stored is None or stored.text is None:
                    marks.pending_formulas.append(_cell_position(element.get("r", "")))
    return marks


REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _sheet_member(archive: zipfile.ZipFile, title: str) -> str | None:
    """The archive member holding a sheet: workbook.xml names it, its rels locate it."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rel_id = next(
        (
            el.get(f"{REL_NS}id")
            for el in workbook.iter(f"{MAIN_NS}sheet")
            if el.get("name") == title
        ),
        None,
    )
    try:
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return None
    for rel in rels.iter(f"{PKG_REL_NS}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _true(flag: str | None) -> bool:
    return flag in {"1", "true"}


def _cell_position(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not match:
        return 0, 0
    column = 0
    for ch in match.group(1):
        column = column * 26 + ord(ch) - 64
    return int(match.group(2)), column


def _mark_problems(marks: SheetMarks, records: list, path: Path, limits: XlsxLimits) -> list:
    problems = [
        problem(
            path,
            row,
            _column(records, column - 1),
            "formula without a computed value: the program that saved the workbook did "
            "not calculate it; open it in Excel or WPS, let it calculate, and save again",
        )
        for row, column in marks.pending_formulas
    ]
    if limits.hidden == "read":
        return problems
    used = {n for n, rec in enumerate(records, start=1) if any(c is not None for c in rec)}
    hidden_rows = [r for r in marks.hidden_rows if r in used]
    if hidden_rows:
        problems.append(
            problem(
                path,
                hidden_rows[0],
                None,
                f"{len(hidden_rows)} hidden row(s) with data ({_ranges(hidden_rows)}): "
                "hidden or filtered rows are not read unawares; unhide or delete them, "
                'or pass hidden="read" to read them',
            )
        )
    width = max((len(rec) for rec in records), default=0)
    hidden_columns = [c for c in marks.hidden_columns if c <= width and _has_data(records, c)]
    if hidden_columns:
        problems.append(
            problem(
                path,
                None,
                _column(records, hidden_columns[0] - 1),
                f"{len(hidden_columns)} hidden column(s) with data: unhide or delete them, "
                'or pass hidden="read" to read them',
            )
        )
    if marks.sheet_hidden and any(used):
        problems.append(
            problem(
                path,
                None,
                None,
                'the sheet read is hidden in the workbook: unhide it, or pass hidden="read"',
            )
        )
    return problems


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


def _limit(path: Path, what: str, row: int, keyword: str):
    return _error(
        path,
        f"the sheet has {what} (reached at row {row}); split the file, or pass a "
        f"larger {keyword}= if it is meant to be this big",
        row=row,
    )


def _error(path: Path, message: str, row: int | None = None):
    return table_error(path, [problem(path, row, None, message)])
