"""The checks of a table's columns, vectorised (the rules across rows are in
``ruralstudy.rules``, built on the same helpers).

Each check looks at a whole column at once — or at the column's distinct
values, mapped back to rows through ``pandas.factorize`` codes — and Python
code runs only for the cells that fail or look unusual, so a million-row
facts file validates in seconds (``benchmarks/bench_validate.py``; the
row-by-row version took 23 s for 200,000 rows).  Every check returns failure
records (file, row, column, check, value) as ``schemas.failure`` makes them,
for every bad cell at once.

pandera used to run the column checks; measured on 200,000 facts rows it
took 4.4 s (3.5 s of it per-cell regular expressions), over the whole
budget at a million rows, so the checks are written here on numpy.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ruralstudy import numbers
from ruralstudy.schemas import Col, TableSchema, failure

# --- columns -------------------------------------------------------------------


class Distinct:
    """The distinct values of a frame's text columns, factorised once.

    Hashing a million strings is the main cost of validation, and several
    checks look at the same id columns (pattern, foreign key, the facts'
    key), so one validation shares one ``Distinct`` of the text table.
    ``distinct(column)`` is ``(codes, values)``: each row's index into the
    column's distinct non-missing values, -1 for a missing cell.

    >>> codes, values = Distinct(pd.DataFrame({"a": ["x", None, "x"]}))("a")
    >>> codes.tolist(), values.tolist()
    ([0, -1, 0], ['x'])
    """

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._memo: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __call__(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        if column not in self._memo:
            self._memo[column] = distinct_values(self.frame[column])
        return self._memo[column]


def column_failures(
    raw: pd.DataFrame, table: TableSchema, file: str, distinct: Distinct | None = None
):
    """``(failures, typed)``: every column problem, and the frame with its
    number columns parsed (a cell that failed is NaN there; the typed frame is
    only returned to a user when nothing failed).  ``distinct`` is the
    ``Distinct`` of ``raw``, when the caller shares it with later rules.

    >>> from ruralstudy.schemas import INTERVENTIONS
    >>> raw = pd.DataFrame({c: ["x"] for c in INTERVENTIONS.column_names}, dtype=object)
    >>> raw["year"] = "２０２0"
    >>> failures, typed = column_failures(raw, INTERVENTIONS, "mine.csv")
    >>> [(f["row"], f["column"], f["check"][:16]) for f in failures], int(typed.loc[0, "year"])
    ([(2, 'kind', 'not an allowed v')], 2020)
    """
    distinct = distinct or Distinct(raw)
    out = _structure_failures(raw, table, file)
    typed = raw.copy(deep=False)  # copy-on-write: raw keeps its text columns
    for col in table.columns:
        if col.name not in raw.columns or _unchecked(col):
            continue
        series = raw[col.name]
        if col.kind == "text":
            out += _text_failures(series, distinct(col.name), col, file)
        else:
            # Measured values are mostly distinct: hashing them would cost
            # more than parsing every cell, so floats are read cell by cell.
            codes_values = distinct(col.name) if col.kind == "int" else _each(series)
            parsed, problems = _number_column(series, codes_values, col, file)
            typed[col.name] = parsed
            out += problems
    return out, typed


def _structure_failures(raw: pd.DataFrame, table: TableSchema, file: str) -> list[dict]:
    expected = ", ".join(table.column_names)
    missing = [c.name for c in table.columns if not c.optional and c.name not in raw.columns]
    unexpected = [c for c in raw.columns if c not in table.column_names]
    return [_whole(file, name, "missing column") for name in missing] + [
        _whole(file, name, f"unexpected column; expected columns: {expected}")
        for name in unexpected
    ]


def _whole(file: str, column: str, check: str) -> dict:
    return {"file": file, "row": None, "column": column, "check": check, "value": None}


def _unchecked(col: Col) -> bool:
    """An optional free-text column (a quote, a note): any text is valid."""
    return col.kind == "text" and not (col.required or col.pattern or col.allowed or col.unique)


def _text_failures(series: pd.Series, codes_values, col: Col, file: str) -> list[dict]:
    codes, values = codes_values
    out = []
    if col.required:
        empty = (codes < 0) | spread(_blank(values), codes)
        out += _cells(file, series, empty, col.name, "empty cell; a value is required")
    if col.pattern or col.allowed:
        out += _value_failures(series, codes, values, col, file)
    if col.unique:
        out += _duplicate_failures(series, codes, values, col, file)
    return out


def _value_failures(series, codes, values, col: Col, file: str) -> list[dict]:
    """Pattern and allowed-value checks, on distinct values; surrounding
    whitespace is named as such (an id "x\\n" looks like "x" in a sheet)."""
    ok = np.ones(len(values), bool)
    if col.pattern:
        ok &= _fullmatches(values, col.pattern)
    if col.allowed:
        ok &= pd.Index(values, dtype=object).isin(col.allowed)
    checks = {}
    for i in np.flatnonzero(~ok):
        value = values[i]
        if col.required and value.isspace():
            continue  # reported as an empty cell
        if value.strip() != value and not value.isspace():
            checks[i] = "surrounding whitespace (space, tab or line break); remove it"
        elif col.pattern and not re.fullmatch(col.pattern, value):
            checks[i] = f"does not match the expected pattern {col.pattern}"
            ascii_form = numbers.narrow(value)
            if ascii_form != value and re.fullmatch(col.pattern, ascii_form):
                checks[i] += f"; it has full-width characters: type {ascii_form!r}"
        else:
            checks[i] = f"not an allowed value; expected one of: {', '.join(col.allowed)}"
    return _by_value(file, series, codes, values, checks, col.name)


def _duplicate_failures(series, codes, values, col: Col, file: str) -> list[dict]:
    """Every copy of a repeated id, also ids that differ only by surrounding
    whitespace, full-width forms or case ("X1", "x1", "ｘ1 ") — one id to a
    reader, and one to a join that trims or folds case."""
    key_codes = _id_key_codes(values)
    row_keys = np.append(key_codes, -1)[codes]
    present = row_keys >= 0
    counts = np.bincount(row_keys[present], minlength=len(values))
    repeated = present & (counts[np.where(present, row_keys, 0)] > 1)
    if not repeated.any():
        return []
    rows_of = pd.Series(np.flatnonzero(repeated)).groupby(row_keys[repeated]).agg(list)
    out = []
    cells = series.to_numpy(object)
    for positions in rows_of:
        spellings = set(cells[positions])
        rows = [series.index[p] + 2 for p in positions]
        for p, row in zip(positions, rows, strict=True):
            check = "duplicate value; must be unique"
            if len(spellings) > 1:
                check += " (ignoring surrounding whitespace, full-width forms and case)"
            check += f"; also on {other_rows(rows, row)}"
            out.append(failure(file, series.index[p], col.name, check, cells[p]))
    return out


OTHER_ROWS_SHOWN = 5


def other_rows(rows: list[int], row: int) -> str:
    """ "row 3, 7" — the other rows of a group, the first few of a large one
    (a file of 100,000 copies must not make messages of 100,000 rows each).

    >>> other_rows([2, 3, 9], 3)
    'row 2, 9'
    >>> other_rows(list(range(2, 12)), 2)
    'row 3, 4, 5, 6, 7 and 4 more'
    """
    first = [r for r in rows[: OTHER_ROWS_SHOWN + 1] if r != row][:OTHER_ROWS_SHOWN]
    shown = ", ".join(map(str, first))
    more = len(rows) - 1 - len(first)
    return f"row {shown}" + (f" and {more} more" if more > 0 else "")


def _fullmatches(values: np.ndarray, pattern: str) -> np.ndarray:
    """Which values match ``pattern`` whole.  Fast path: the values joined by
    newlines, scanned once in C — when no value holds a newline and every
    line is one whole match (``(?m)^(?:P)$``; a match starts only at a line
    start, so as many matches as lines means each line matched entirely),
    all values match.  Otherwise each value is matched on its own.  (Sound
    for patterns without look-arounds, as are all of schemas'.)"""
    joined = "\n".join(values)
    if joined.count("\n") == len(values) - 1:
        lines = re.compile(f"^(?:{pattern})$", re.MULTILINE)
        if lines.subn("", joined)[1] == len(values):
            return np.ones(len(values), bool)
    regex = re.compile(pattern)
    return np.fromiter((regex.fullmatch(v) is not None for v in values), bool, len(values))


def _blank(values: np.ndarray) -> np.ndarray:
    """Which values are only whitespace (empty to a reader); one C scan of
    the joined values first, since almost always none is."""
    joined = "\n".join(values)
    if joined.count("\n") == len(values) - 1 and not _BLANK_LINE.search(joined):
        return np.zeros(len(values), bool)
    return np.fromiter((not v.strip() for v in values), bool, len(values))


_BLANK_LINE = re.compile(r"^[^\S\n]*$", re.MULTILINE)


def _id_key_codes(values: np.ndarray) -> np.ndarray:
    """Codes of the distinct values' keys: NFKC, stripped, case-folded.  When
    the values are all lower-case ASCII without whitespace (any valid id),
    each is its own key and the Python pass is skipped."""
    joined = "\n".join(values)
    plain = (
        joined.isascii()
        and joined.count("\n") == len(values) - 1
        and not any(ch in joined for ch in " \t\r\x0b\x0c")
        and joined == joined.lower()
    )
    if plain:
        return np.arange(len(values))
    keys = [unicodedata.normalize("NFKC", v).strip().casefold() for v in values]
    return pd.factorize(pd.Series(keys, dtype=object))[0]


def _number_column(series: pd.Series, codes_values, col: Col, file: str):
    """The column parsed as float64 or Int64, and its failures (cells that
    are not numbers, then range checks on the parsed numbers)."""
    codes, values = codes_values
    whole = col.kind == "int"
    numbers_of, checks = _whole_numbers(values) if whole else _floats(values)
    out = _by_value(file, series, codes, values, checks, col.name)
    if col.required:
        out += _cells(file, series, codes < 0, col.name, "empty cell; a value is required")
    parsed = np.append(numbers_of, np.nan)[codes]
    if col.ge is not None:
        out += _range(file, series, parsed, parsed < col.ge, col, f"must be ≥ {col.ge:g}")
    if col.le is not None:
        out += _range(file, series, parsed, parsed > col.le, col, f"must be ≤ {col.le:g}")
    typed = pd.Series(parsed, index=series.index, name=series.name)
    return (typed.astype("Int64") if whole else typed), out


def _whole_numbers(values: np.ndarray) -> tuple[np.ndarray, dict[int, str]]:
    """Distinct texts → whole numbers (as floats, exact below 2**53)."""
    parsed = np.full(len(values), np.nan)
    checks = {}
    for i, text in enumerate(values):
        number, problem = numbers.read_number(text, whole=True)
        if problem:
            checks[i] = problem
        else:
            parsed[i] = number
    return parsed, checks


def _floats(values: np.ndarray) -> tuple[np.ndarray, dict[int, str]]:
    """Texts → floats.  The plain ones are parsed in bulk; any text that
    parses as NaN, ±inf or 0, or that is not plain ASCII, is read again by
    ``numbers.read_number``, which knows why it is not a number."""
    try:  # Python's float() per cell, in C: five times pandas' to_numeric
        parsed = values.astype(float)
    except (TypeError, ValueError):
        parsed = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(
            float, copy=True
        )
    # float() also takes other scripts' digits, "1_000" and "inf": such
    # cells, and the ones that came out as ±inf, NaN or 0, are read again.
    joined = "".join(values)
    if joined.isascii() and "_" not in joined:
        plain = np.ones(len(values), bool)
    else:
        plain = np.fromiter((v.isascii() and "_" not in v for v in values), bool, len(values))
    doubtful = ~np.isfinite(parsed) | (np.abs(parsed) < np.finfo(float).tiny) | ~plain
    checks = {}
    for i in np.flatnonzero(doubtful):
        number, problem = numbers.read_number(values[i])
        if problem:
            checks[i] = problem
            parsed[i] = np.nan
        else:
            parsed[i] = number
    return parsed, checks


def _range(file, series, parsed, mask, col: Col, check: str) -> list[dict]:
    return [
        failure(file, series.index[p], col.name, check, _plain(parsed[p], col))
        for p in np.flatnonzero(mask)
    ]


def _plain(number: float, col: Col):
    return int(number) if col.kind == "int" else float(number)


# --- helpers ---------------------------------------------------------------------


def distinct_values(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, values)``: each row's index into the distinct non-missing
    values (-1 for a missing cell)."""
    codes, values = pd.factorize(series, use_na_sentinel=True)
    if len(values) < 2**31:  # half the memory of the int64 codes, kept per column
        codes = codes.astype(np.int32)
    return codes, _as_text(np.asarray(values, dtype=object))


def _as_text(values: np.ndarray) -> np.ndarray:
    """Values as strings: a frame built in Python rather than read from a
    file may hold numbers, and the checks judge the text a user wrote."""
    if pd.api.types.infer_dtype(values, skipna=True) in {"string", "empty"}:
        return values
    return np.array([v if isinstance(v, str) else str(v) for v in values], dtype=object)


def _each(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Like ``_distinct`` but without merging equal values: each present cell
    is its own value (cheaper where almost every value differs)."""
    present = series.notna().to_numpy()
    codes = np.full(len(series), -1, dtype=np.int64)
    codes[present] = np.arange(int(present.sum()))
    return codes, _as_text(series.to_numpy(object)[present])


def spread(per_value: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """A per-distinct-value flag as a per-row flag (False for missing cells)."""
    return np.append(per_value, False)[codes]


def _cells(file, series: pd.Series, mask: np.ndarray, column: str, check: str) -> list[dict]:
    cells = series.to_numpy(object)
    return [
        failure(file, series.index[p], column, check, _shown(cells[p]))
        for p in np.flatnonzero(mask)
    ]


def _by_value(file, series, codes, values, checks: dict[int, str], column: str) -> list[dict]:
    """Failure records for every row holding one of the failing distinct values."""
    if not checks:
        return []
    failing = np.zeros(len(values), bool)
    failing[list(checks)] = True
    cells = series.to_numpy(object)
    return [
        failure(file, series.index[p], column, checks[codes[p]], cells[p])
        for p in np.flatnonzero(spread(failing, codes))
    ]


def _shown(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else value


def floats_of(df: pd.DataFrame, column: str) -> np.ndarray:
    """A typed column as floats (NaN where empty or absent)."""
    if column not in df:
        return np.full(len(df), np.nan)
    column = df[column]
    if column.dtype.kind in "fiu" or str(column.dtype) in {"Int64", "Float64"}:
        return column.to_numpy(float, na_value=np.nan)
    return pd.to_numeric(column, errors="coerce").to_numpy(float, na_value=np.nan)
