"""Split a decoded CSV text into records, with messages that name the row.

The csv module, not pandas, so that every record is seen as written: pandas
would skip blank lines (shifting row numbers) and turn a trailing extra field
into an index (shifting every column).  csv.Error says what went wrong but
not where in the record; ``_locate`` rescans the one failing record to find
the column.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ruralstudy._encoding import Decoded
from ruralstudy._problems import RESAVE_CSV, file_error

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
TAB_SUFFIXES = {".tsv", ".tab", ".txt"}  # Excel's "Text (Tab delimited)" and "Unicode text"
SNIFF_CHARS = 64_000
CONSISTENT_SHARE = 0.8  # share of sampled records that must have the same width


def csv_records(
    decoded: Decoded, path: Path, max_rows: int, max_cells: int
) -> list[list[str | None]]:
    """Records of a CSV text, empty cells as None; DataValidationError on a bad one."""
    text = _without_separator_hint(decoded.text, path)
    decoded = Decoded(text, decoded.codec, decoded.label, decoded.utf16)
    delimiter = _delimiter(decoded, path)
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    records: list[list[str | None]] = []
    memo = _Memo()
    cells = 0
    line_before = 0  # the physical line the current record starts after
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _record_error(decoded.text, path, records, line_before, delimiter, exc) from None
        line_before = reader.line_num
        cells += len(rec)
        if len(records) >= max_rows or cells > max_cells:
            raise _too_big(path, len(records) + 1, cells, max_rows, max_cells)
        records.append(memo.cells(rec))
    return records


# Lines as io.StringIO(newline="") gives them (ending at \r\n, \r or \n), sliced
# lazily: StringIO would hold a second copy of the text at 4 bytes a character
# (measured: 440 MB for 110 million characters).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    return (match.group() for match in _LINE.finditer(text))


class _Memo:
    """One string object for each repeated cell of a column.

    Tables repeat their place, indicator, unit, qualifier and source ids on
    every row; the csv module makes a new string for each, which is most of
    a million-row table's memory.  A column whose values keep turning out
    new (ids, quotes) stops being remembered, so the memo stays small there.
    """

    CHECK_EVERY = 4096  # records between looks at each column's share of new values
    MIN_SIZE = 10_000  # distinct values a column may always have
    MAX_NEW_SHARE = 0.5  # above this share of new values a column is not remembered

    def __init__(self) -> None:
        self.columns: list[dict[str, str] | None] = []
        self.records = 0

    def cells(self, record: list[str]) -> list[str | None]:
        """The record with empty cells as None and repeated ones shared."""
        columns = self.columns
        if len(record) > len(columns):
            columns.extend({} for _ in range(len(record) - len(columns)))
        self.records += 1
        if self.records % self.CHECK_EVERY == 0:
            self._forget_mostly_new()
        return [
            None if cell == "" else cell if seen is None else seen.setdefault(cell, cell)
            for cell, seen in zip(record, columns, strict=False)
        ]

    def _forget_mostly_new(self) -> None:
        limit = max(self.MIN_SIZE, self.MAX_NEW_SHARE * self.records)
        for index, seen in enumerate(self.columns):
            if seen is not None and len(seen) > limit:
                self.columns[index] = None


def _without_separator_hint(text: str, path: Path) -> str:
    """Excel's "sep=," first line is a hint Excel itself hides (the header is
    still its row 1), so it is dropped; any other separator is the wrong one."""
    first, newline, rest = text.partition("\n")
    hint = first.strip().lower()
    if not hint.startswith("sep=") or len(hint) != 5:
        return text
    if hint != "sep=,":
        raise file_error(
            path,
            f"the first line {first.strip()!r} says the cells are separated by "
            f"{hint[4]!r}; a CSV file here separates them with commas; {RESAVE_CSV}",
            row=1,
        )
    return rest if newline else ""


def _delimiter(decoded: Decoded, path: Path) -> str:
    """',' (or tab for tab-delimited text files), or an error when the
    records clearly split on another character."""
    allowed = [","]
    if decoded.utf16 or path.suffix.lower() in TAB_SUFFIXES:
        allowed.append("\t")
    widths = {d: _consistent_width(decoded.text, d) for d in DELIMITER_NAMES}
    best_allowed = max(allowed, key=lambda d: widths[d])
    best = max(DELIMITER_NAMES, key=lambda d: widths[d])
    if widths[best_allowed] < 2 and widths[best] >= 2 and best not in allowed:
        name = DELIMITER_NAMES[best]
        raise file_error(
            path,
            f"the delimiter looks wrong: the rows split into {widths[best]} columns on "
            f"{name}s ({best!r}) but not on commas; a CSV file here separates cells "
            f"with commas; {RESAVE_CSV}",
        )
    return best_allowed


def _consistent_width(text: str, delimiter: str) -> int:
    """The number of cells most sampled records have, if most agree; else 0."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        widths = [len(rec) for _, rec in zip(range(50), reader, strict=False) if any(rec)]
    except csv.Error:
        return 0
    if not widths:
        return 0
    width, count = Counter(widths).most_common(1)[0]
    return width if count >= CONSISTENT_SHARE * len(widths) else 0


def _too_big(path: Path, row: int, cells: int, max_rows: int, max_cells: int):
    what = f"more than {max_rows:,} rows" if row > max_rows else f"more than {max_cells:,} cells"
    return file_error(
        path,
        f"the table has {what} (reached at row {row}); split the file, or pass a "
        f"larger max_rows= / max_cells= if it is meant to be this big",
        row=row,
    )


def _record_error(text: str, path: Path, records: list, line_before: int, delimiter: str, exc):
    row = len(records) + 1
    header = records[0] if records else []
    record_text = _text_from_line(text, line_before + 1)
    where = _locate(record_text, delimiter, csv.field_size_limit())
    index, problem = where if where else (None, str(exc))
    column = _column_name(header, index) if row > 1 or index is None else None
    if index is not None and row == 1:
        problem += f" (header cell {index + 1})"
    return file_error(path, f"not a readable CSV row: {problem}", row=row, column=column)


def _column_name(header: list, index: int | None) -> str | None:
    if index is None:
        return None
    if index < len(header) and header[index]:
        return str(header[index]).strip()
    return f"column {index + 1}"


def _text_from_line(text: str, line: int, limit: int = 4_000_000) -> str:
    """The text from a physical line on (csv counts lines at \\r\\n, \\r or \\n)."""
    lines = io.StringIO(text, newline=None)
    for _ in range(line - 1):
        if not lines.readline():
            break
    return lines.read(limit)


def _locate(record: str, delimiter: str, limit: int) -> tuple[int, str] | None:
    """(cell index, what is wrong) for the first problem in one CSV record.

    The same rules as csv.reader(strict=True): a quote opens a quoted cell
    only at its start; inside one, "" is a quote; after the closing quote
    only the delimiter or the end of the line may follow.
    """
    cell, length, quoted, closed, start = 0, 0, False, False, True
    for ch in record:
        if quoted:
            if ch == '"':
                quoted, closed = False, True
                continue
            length += 1
        elif closed:
            if ch == '"':
                quoted, closed = True, False
                length += 1
                continue
            if ch == delimiter:
                cell, length, closed, start = cell + 1, 0, False, True
                continue
            if ch in "\r\n":
                return None
            return cell, f"text {ch!r} after the closing quote of a quoted cell"
        elif ch == '"' and start:
            quoted, start = True, False
            continue
        elif ch == delimiter:
            cell, length, start = cell + 1, 0, True
            continue
        elif ch in "\r\n":
            return None
        else:
            length, start = length + 1, False
        if length > limit:
            hint = " (a quote opened in it is probably never closed)" if quoted else ""
            return cell, f"cell longer than the CSV field limit of {limit:,} characters{hint}"
    if quoted:
        return cell, "a quote opened in this cell is never closed (unbalanced quotes)"
    return None
