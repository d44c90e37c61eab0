"""Check an XLSX archive and scan its sheets' XML before their values are read.

The archive's table of contents gives each member's declared unpacked size
and compression ratio; Python's zipfile never inflates a member past its
declared size, so checking those bounds the memory.  Each sheet's XML is
then streamed twice: once counting tags with bytes.count (C speed), then by
expat (constant memory) to count rows and cells exactly against the limits,
so that the reader of values never starts on a sheet that would take
minutes or gigabytes; the exact pass also finds what the reader of values
does not report: hidden rows and columns, formulas without a stored
result, error values, and the number format of each date cell.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

from ruralstudy._problems import file_error

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
RATIO_CHECKED_ABOVE = 1 << 20  # small members (styles, themes) may compress freely
MAX_MEMBERS = 10_000
MAX_COLUMN = 16_384  # Excel's last column, XFD
CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")  # ASCII only: int() would read ２ too
COLUMN_LETTERS = re.compile("[A-Z]{1,3}")


@dataclass(frozen=True)
class XlsxLimits:
    """Bounds on what a workbook may make the reader do (defaults in ruralstudy.io)."""

    max_rows: int
    max_cells: int
    max_unpacked_bytes: int
    max_ratio: float
    hidden: str  # "refuse" or "read"


@dataclass(frozen=True)
class SheetPart:
    name: str
    member: str  # the archive member holding its XML
    hidden: bool  # hidden or "very hidden" in the workbook


@dataclass
class SheetScan:
    """What one pass over a sheet's XML found."""

    has_values: bool = False
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)  # 1-based
    merged: list[str] = field(default_factory=list)  # ranges like "A2:A5" below row 1
    pending_formulas: list[tuple[int, int]] = field(default_factory=list)  # (row, column)
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, "#N/A")
    # (row, column) → number format of each cell whose style shows a date
    date_formats: dict[tuple[int, int], str] = field(default_factory=dict)


def checked_archive(raw: bytes, path: Path, limits: XlsxLimits) -> zipfile.ZipFile:
    """The workbook's archive, once its declared sizes and ratios are within limits."""
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        message = f"not a readable XLSX workbook: the ZIP archive is broken ({exc})"
        raise file_error(path, message) from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise file_error(path, _not_a_workbook(names))
    if len(members) > MAX_MEMBERS:
        raise file_error(path, f"not a plausible workbook: {len(members):,} archive members")
    total = sum(m.file_size for m in members)
    if total > limits.max_unpacked_bytes:
        raise file_error(
            path,
            f"the workbook unpacks to {total:,} bytes, more than the limit of "
            f"{limits.max_unpacked_bytes:,} (max_unpacked_bytes=); a workbook this size "
            "is either a ZIP bomb or better saved as CSV UTF-8",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECKED_ABOVE and ratio > limits.max_ratio:
            raise file_error(
                path,
                f"{member.filename} inflates {ratio:,.0f} times (to {member.file_size:,} "
                f"bytes), more than the limit of {limits.max_ratio:,.0f} (max_ratio=): "
                "the file looks like a ZIP bomb",
            )
    return archive


def verify_members(archive: zipfile.ZipFile, path: Path) -> None:
    """Inflate every member once, in chunks, so that each is known to hold
    exactly its declared size (zipfile checks the CRC at its end) before
    calamine, which reads the archive on its own, opens it."""
    for member in archive.infolist():
        try:
            with archive.open(member) as source:
                while source.read(1 << 20):
                    pass
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
            message = f"not a readable XLSX workbook: {member.filename} is damaged ({exc})"
            raise file_error(path, message) from None


def _not_a_workbook(names: set[str]) -> str:
    if "content.xml" in names and "mimetype" in names:
        kind = "an OpenDocument file (.ods from WPS/LibreOffice)"
    elif "xl/workbook.bin" in names:
        kind = "an Excel binary workbook (.xlsb)"
    elif "word/document.xml" in names:
        kind = "a Word document (.docx)"
    else:
        kind = "a ZIP archive"
    return (
        f"not an XLSX workbook: it is {kind}; open it and save as "
        "Excel Workbook (.xlsx) or CSV UTF-8"
    )


def sheet_parts(archive: zipfile.ZipFile, path: Path) -> list[SheetPart]:
    """The workbook's sheets in order: workbook.xml names them, its rels locate them."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
        raise file_error(path, f"not a readable XLSX workbook: {exc}") from None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{PKG_REL}Relationship")}
    parts = []
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{REL}id"), "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        state = sheet.get("state", "visible")
        parts.append(SheetPart(sheet.get("name", ""), member, state != "visible"))
    return parts


def scan_sheet(
    archive: zipfile.ZipFile,
    part: SheetPart,
    path: Path,
    limits: XlsxLimits,
    date_styles: dict[str, str] | None = None,
):
    """Two streaming passes over a sheet: a quick count, then the exact scan.
    ``date_styles`` (``_xlsx_styles.date_styles``) marks the date cells."""
    try:
        with archive.open(part.member) as source:
            _precount(source, part, path, limits)
        return _exact_scan(archive, part, path, limits, date_styles or {})
    except KeyError:
        message = f"not a readable XLSX workbook: sheet {part.name!r} is missing"
        raise file_error(path, message) from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        message = f"not a readable XLSX workbook: sheet {part.name!r} is damaged ({exc})"
        raise file_error(path, message) from None


def _exact_scan(archive, part: SheetPart, path: Path, limits: XlsxLimits, date_styles: dict):
    source = archive.open(part.member)
    counter = _SheetCounter(part, path, limits, date_styles)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True  # one call for a value split across reads
    parser.StartElementHandler = counter.start
    parser.EndElementHandler = counter.end
    parser.CharacterDataHandler = counter.text
    parser.StartDoctypeDeclHandler = _refuse_doctype  # Excel never writes one; bombs do
    try:
        with source:
            parser.ParseFile(source)
    except _Doctype:
        message = f"sheet {part.name!r} declares a DOCTYPE (entities), which Excel never writes"
        raise file_error(path, f"not a plausible XLSX workbook: {message}") from None
    except expat.ExpatError as exc:
        message = f"not a readable XLSX workbook: sheet {part.name!r}: {exc}"
        raise file_error(path, message) from None
    return counter.scan


def _precount(source, part: SheetPart, path: Path, limits: XlsxLimits) -> None:
    """Count cell and row tags at C speed (bytes.count), so that a sheet of
    millions of cells is refused in seconds, before the slower exact pass.

    Only Excel's unprefixed tags are counted; the exact pass counts all."""
    cells = rows = 0
    carry = b""
    while chunk := source.read(1 << 20):
        window = carry + chunk
        # A carry shorter than each pattern cannot hold a whole match twice.
        cells += window.count(b"<c ") + window.count(b"<c>")
        rows += window.count(b"<row ") + window.count(b"<row>")
        carry = window[-2:]
        if cells > limits.max_cells:
            raise _too_big(path, part, f"more than {limits.max_cells:,} cells", None, "max_cells")
        if rows > limits.max_rows:
            raise _too_big(path, part, f"more than {limits.max_rows:,} rows", None, "max_rows")


def _hidden(attrs: dict, size: str) -> bool:
    """Hidden by the flag, or by a size of zero (a row 0 high, a column 0 wide)."""
    if attrs.get("hidden") in {"1", "true"}:
        return True
    try:
        return float(attrs.get(size, "1")) == 0
    except ValueError:
        return False


class _Doctype(Exception):
    pass


def _refuse_doctype(*_args) -> None:
    raise _Doctype


class _SheetCounter:
    """expat callbacks (much faster than building elements) that count and mark."""

    def __init__(self, part: SheetPart, path: Path, limits: XlsxLimits, date_styles: dict):
        self.part, self.path, self.limits = part, path, limits
        self.date_styles = date_styles
        self.scan = SheetScan()
        self.row = self.column = self.last_column = 0
        self.formula = self.value = self.in_value = self.stored = False
        self.error: list[str] | None = None  # the text of an error cell's value
        self.rows_hidden_by_default = False  # <sheetFormatPr zeroHeight="1">
        self.names: dict[str, str] = {}  # "namespace c" → "c", split once per tag

    def start(self, tag: str, attrs: dict) -> None:
        name = self.names.get(tag) or self.names.setdefault(tag, tag.rpartition(" ")[2])
        if name == "c":
            column = _column_of(attrs.get("r"))
            self.column = column if column > self.column else self.column + 1
            self.formula = self.value = self.stored = False
            self.error = [] if attrs.get("t") == "e" else None
            style = attrs.get("s")
            if style in self.date_styles:
                self.scan.date_formats[(self.row, self.column)] = self.date_styles[style]
        elif name == "v":
            self.in_value = self.stored = True
        elif name in ("is", "t") and self.column:
            self.value = self.stored = True
        elif name == "f":
            self.formula = True
        elif name == "row":
            self._start_row(attrs)
        elif name == "mergeCell":
            self._merged(attrs.get("ref", ""))
        elif name == "sheetFormatPr" and attrs.get("zeroHeight") in {"1", "true"}:
            self.rows_hidden_by_default = True
        elif name == "col" and _hidden(attrs, "width"):
            first, last = int(attrs.get("min", "1")), int(attrs.get("max", "1"))
            self.scan.hidden_columns.extend(range(first, min(last, MAX_COLUMN) + 1))

    def text(self, data: str) -> None:
        if self.in_value and data:
            self.value = True
            if self.error is not None:
                self.error.append(data)

    def end(self, tag: str) -> None:
        name = self.names.get(tag) or self.names.setdefault(tag, tag.rpartition(" ")[2])
        if name == "v":
            self.in_value = False
        elif name == "c":
            self.scan.has_values |= self.value
            if self.formula and not self.value:
                self.scan.pending_formulas.append((self.row, self.column))
            if self.error is not None and self.value:
                self.scan.errors.append((self.row, self.column, "".join(self.error)))
            if self.stored:
                self.last_column = max(self.last_column, self.column)
        elif name == "row":
            # The reader builds the whole rectangle from A1 to the last row and
            # the last column holding a value: one cell far right widens every row.
            if self.row * self.last_column > self.limits.max_cells:
                what = (
                    f"more than {self.limits.max_cells:,} cells (from A1 to row {self.row} "
                    f"and column {self.last_column}, the last one holding a value)"
                )
                raise _too_big(self.path, self.part, what, self.row, "max_cells")

    def _merged(self, ref: str) -> None:
        # A merged title on row 1 is the title-row check's business; below it,
        # merged cells leave all but their first cell empty.
        last = ref.rpartition(":")[2]
        match = CELL_REF.match(last)
        if match and int(match.group(2)) > 1:
            self.scan.merged.append(ref)

    def _start_row(self, attrs: dict) -> None:
        self.row, self.column = int(attrs.get("r") or self.row + 1), 0
        if self.row > self.limits.max_rows:
            what = f"more than {self.limits.max_rows:,} rows"
            raise _too_big(self.path, self.part, what, self.row, "max_rows")
        shown = attrs.get("hidden") in {"0", "false"}
        if _hidden(attrs, "ht") or (self.rows_hidden_by_default and not shown):
            self.scan.hidden_rows.append(self.row)


def _column_of(ref: str | None) -> int:
    """The column number of a cell reference ("C12" → 3; 0 if none)."""
    letters = (ref or "").rstrip("0123456789")
    if letters == (ref or ""):
        return 0  # no row number
    return _column_number(letters)


@lru_cache(maxsize=4 * MAX_COLUMN)  # by the letters: a sheet has few columns, many cells
def _column_number(letters: str) -> int:
    if not COLUMN_LETTERS.fullmatch(letters):
        return 0
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _too_big(path: Path, part: SheetPart, what: str, row: int | None, keyword: str):
    where = f" (reached at row {row})" if row else ""
    return file_error(
        path,
        f"sheet {part.name!r} has {what}{where}; split the file, or pass "
        f"a larger {keyword}= if it is meant to be this big",
        row=row,
    )
