"""The checks of a table's columns and the rules across its rows, vectorised.

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

from ruralstudy import numbers, units
from ruralstudy.schemas import Col, TableSchema, failure, nonnegative_unit, squeeze_whitespace

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
            self._memo[column] = _distinct(self.frame[column])
        return self._memo[column]


def column_failures(
    raw: pd.DataFrame, table: TableSchema, file: str, distinct: Distinct | None = None
):
    """``(failures, typed)``: every column problem, and the frame with its
    number columns parsed (a cell that failed is NaN there; the typed frame is
    only returned to a user when nothing failed).  ``distinct`` is the
    ``Distinct`` of ``raw``, when the caller shares it with later rules."""
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
        empty = (codes < 0) | _spread(_blank(values), codes)
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
    for positions in rows_of:
        spellings = {series.iat[p] for p in positions}
        for p in positions:
            others = [series.index[q] + 2 for q in positions if q != p]
            check = "duplicate value; must be unique"
            if len(spellings) > 1:
                check += " (ignoring surrounding whitespace, full-width forms and case)"
            check += f"; also on row {', '.join(map(str, others))}"
            out.append(failure(file, series.index[p], col.name, check, series.iat[p]))
    return out


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


# --- rules across rows and tables ------------------------------------------------


def interval_failures(facts: pd.DataFrame, file: str) -> list[dict]:
    """Bounds must be those the qualifier implies (``units.interval_problem``).

    A vectorised pass marks the rows whose bounds certainly fit; the rest —
    few in a clean file — are judged and worded by ``units.interval_problem``
    itself, so the rule has one definition.
    """
    value, lower, upper = (_floats_of(facts, c) for c in ("value", "lower", "upper"))
    qualifier = facts["qualifier"] if "qualifier" in facts else pd.Series(None, facts.index)
    q = qualifier.to_numpy(object)
    lo_nan, up_nan = np.isnan(lower), np.isnan(upper)
    fine = (
        ((q == "exact") & (lower == value) & (upper == value))
        | ((q == "plus") & (lower == value) & (value < upper))
        | ((q == "over") & (lower == value) & up_nan)
        | ((q == "under") & (upper == value) & lo_nan)
        | ((q == "approx") & lo_nan & up_nan)
        | ((q == "range") & (lower <= value) & (value <= upper))
    )
    judged = ~fine & ~np.isnan(value) & qualifier.isin(list(units.QUALIFIERS)).to_numpy()
    out = []
    for p in np.flatnonzero(judged):
        problem = units.interval_problem(value[p], lower[p], upper[p], q[p])
        if problem:
            column = (
                "lower" if "lower" in problem else "upper" if "upper" in problem else "qualifier"
            )
            shown = f"{lower[p]:g} ≤ {value[p]:g} ≤ {upper[p]:g}"
            out.append(failure(file, facts.index[p], column, problem, shown))
    return out


def wide_interval_failures(wide: pd.DataFrame, file: str) -> list[dict]:
    """In a wide view, each indicator's bounds must hold its value:
    ``x_lower ≤ x ≤ x_upper``, each bound checked on its own (a view may
    carry ``x_upper`` without ``x_lower``)."""
    out = []
    for name in _bounded_values(wide.columns):
        value = _floats_of(wide, name)
        low_col, up_col = f"{name}_lower", f"{name}_upper"
        lower, upper = _floats_of(wide, low_col), _floats_of(wide, up_col)
        crossed = lower > upper
        for p in np.flatnonzero(crossed):
            check = f"lower {lower[p]:g} > upper {upper[p]:g}"
            out.append(failure(file, wide.index[p], low_col, check, float(lower[p])))
        for p in np.flatnonzero(~crossed & (value < lower)):
            check = f"value below {low_col} {lower[p]:g}"
            out.append(failure(file, wide.index[p], name, check, float(value[p])))
        for p in np.flatnonzero(~crossed & (value > upper)):
            check = f"value above {up_col} {upper[p]:g}"
            out.append(failure(file, wide.index[p], name, check, float(value[p])))
    return out


def _bounded_values(columns) -> list[str]:
    names = []
    for col in columns:
        for suffix in ("_lower", "_upper"):
            if col.endswith(suffix) and col.removesuffix(suffix) not in names:
                names.append(col.removesuffix(suffix))
    return names


def wide_key_failures(wide: pd.DataFrame, key: list[str], file: str) -> list[dict]:
    """One row per place, year and source in a wide view: two rows with the
    same key would be two versions of one cell, so each copy is reported
    with the rows it collides with."""
    if not set(key) <= set(wide.columns):
        return []
    repeated = wide.duplicated(subset=key, keep=False).to_numpy()
    if not repeated.any():
        return []
    positions = np.flatnonzero(repeated)
    groups = wide.iloc[positions].groupby(key, dropna=False, sort=False).indices
    out = []
    for members in groups.values():
        rows = [wide.index[positions[m]] for m in members]
        for r in rows:
            others = ", ".join(str(o + 2) for o in rows if o != r)
            check = f"same {', '.join(key)} as row {others}"
            out.append(failure(file, r, key[0], check, wide.at[r, key[0]]))
    return out


def unit_failures(
    facts: pd.DataFrame, indicators: pd.DataFrame, file: str, distinct: Distinct | None = None
) -> list[dict]:
    """A fact's unit must be canonical and the unit of its indicator; amounts
    in units that cannot be negative (area, counts) must not be.  Judged once
    per distinct (indicator, unit) pair."""
    distinct = distinct or Distinct(facts)
    unit_of = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    unit_codes, units_ = distinct("unit")
    if "indicator_id" in facts:
        ind_codes, inds = distinct("indicator_id")
    else:
        ind_codes, inds = np.full(len(facts), -1), np.array([], dtype=object)
    pairs, first = _pairs(unit_codes, ind_codes)
    out = []
    unknown = np.zeros(len(first), bool)
    wrong: dict[int, str] = {}
    never_negative = np.zeros(len(first), bool)
    for k, p in enumerate(first):
        if unit_codes[p] < 0:
            continue
        unit = units_[unit_codes[p]]
        if not units.is_canonical_unit(unit):
            unknown[k] = True
            continue
        expected = unit_of.get(inds[ind_codes[p]]) if ind_codes[p] >= 0 else None
        if expected is not None and unit != expected:
            wrong[k] = f"indicator's unit is {expected!r}"
        never_negative[k] = nonnegative_unit(unit)
    unit_col = facts["unit"]
    for p in np.flatnonzero(unknown[pairs]):
        out.append(failure(file, facts.index[p], "unit", "unknown unit", unit_col.iat[p]))
    if wrong:
        flagged = np.zeros(len(first), bool)
        flagged[list(wrong)] = True
        for p in np.flatnonzero(flagged[pairs]):
            out.append(failure(file, facts.index[p], "unit", wrong[pairs[p]], unit_col.iat[p]))
    for col in ("value", "lower", "upper"):
        numbers_ = _floats_of(facts, col)
        for p in np.flatnonzero(never_negative[pairs] & (numbers_ < 0)):
            check = f"must be ≥ 0 for unit {unit_col.iat[p]}"
            out.append(failure(file, facts.index[p], col, check, float(numbers_[p])))
    return out


def _pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the distinct (a, b) pairs of two code arrays, and the first
    row holding each pair."""
    combined = (a.astype(np.int64) + 1) * (int(b.max(initial=-1)) + 2) + (b + 1)
    pairs, _ = pd.factorize(combined)
    first = np.full(pairs.max(initial=-1) + 1, -1, dtype=np.int64)
    first[pairs[::-1]] = np.arange(len(pairs))[::-1]
    return pairs, first


def indicator_unit_failures(indicators: pd.DataFrame, file: str) -> list[dict]:
    codes, values = _distinct(indicators["unit"])
    unknown = np.array([not units.is_canonical_unit(v) for v in values], bool)
    return [
        failure(
            file,
            indicators.index[p],
            "unit",
            "unknown unit; see ruralstudy.units.CANONICAL_UNITS",
            indicators["unit"].iat[p],
        )
        for p in np.flatnonzero(_spread(unknown, codes))
    ]


def foreign_key_failures(
    df: pd.DataFrame,
    table: TableSchema,
    known: dict[str, set],
    file: str,
    distinct: Distinct | None = None,
) -> list[dict]:
    """Every reference (place_id, indicator_id, source_id …) must exist."""
    distinct = distinct or Distinct(df)
    out = []
    for column, target in table.foreign_keys.items():
        if column not in df.columns or target not in known:
            continue
        codes, values = distinct(column)
        unknown = ~pd.Index(values, dtype=object).isin(list(known[target]))
        check = f"unknown {target[:-1]} id"
        out += [
            failure(file, df.index[p], column, check, df[column].iat[p])
            for p in np.flatnonzero(_spread(unknown, codes))
        ]
    return out


def quote_failures(df: pd.DataFrame, texts: dict[str, str], file: str) -> list[dict]:
    """A quote from a source whose text is stored must be found in it.

    Whitespace is ignored on both sides: newspaper and PDF text breaks lines
    inside words ("发展八\\n\\n月瓜"), and a quote should not have to copy that.
    """
    if "source_id" not in df or "quote" not in df or not texts:
        return []
    squeezed = {sid: squeeze_whitespace(t) for sid, t in texts.items()}
    checked = (df["source_id"].isin(list(squeezed)) & df["quote"].notna()).to_numpy()
    out = []
    for p in np.flatnonzero(checked):
        sid, quote = df["source_id"].iat[p], df["quote"].iat[p]
        if isinstance(quote, str) and squeeze_whitespace(quote) not in squeezed[sid]:
            out.append(
                failure(file, df.index[p], "quote", f"not found in the text of {sid}", quote)
            )
    return out


def missing_quote_failures(
    df: pd.DataFrame, kind_of: dict[str, str], quoted_kinds: set[str], file: str
) -> list[dict]:
    """A figure from a source of a quoted kind (news …) needs its quote."""
    if "quote" not in df or "source_id" not in df:
        return []
    codes, values = _distinct(df["source_id"])
    kinds = np.array([kind_of.get(v) for v in values], dtype=object)
    quoted = np.fromiter((k in quoted_kinds for k in kinds), bool, len(kinds))
    missing = _spread(quoted, codes) & df["quote"].isna().to_numpy()
    return [
        failure(
            file,
            df.index[p],
            "quote",
            f"required for a figure from a {kinds[codes[p]]} source",
            None,
        )
        for p in np.flatnonzero(missing)
    ]


def coordinate_failures(places: pd.DataFrame, file: str) -> list[dict]:
    """lon and lat go together, and a point needs its precision and source."""

    def given(col: str) -> np.ndarray:
        return places[col].notna().to_numpy() if col in places else np.zeros(len(places), bool)

    has_lon, has_lat = given("lon"), given("lat")
    out = [
        failure(
            file, places.index[p], "lat" if has_lon[p] else "lon", "lon and lat go together", None
        )
        for p in np.flatnonzero(has_lon != has_lat)
    ]
    for col in ("coord_precision", "coord_source_id"):
        out += [
            failure(file, places.index[p], col, "required where lon/lat are given", None)
            for p in np.flatnonzero(has_lon & ~given(col))
        ]
    return out


def duplicate_fact_failures(
    facts: pd.DataFrame, file: str, distinct: Distinct | None = None
) -> list[dict]:
    """One source reports one figure per place, indicator and date once.
    (``year`` is compared as parsed, the other key columns as text.)"""
    key = ["place_id", "indicator_id", "year", "as_of", "source_id"]
    if not set(key) <= set(facts.columns):
        return []
    distinct = distinct or Distinct(facts)
    year = pd.factorize(facts["year"], use_na_sentinel=False)
    parts = [year] + [distinct(c) for c in ("place_id", "indicator_id", "as_of", "source_id")]
    # One integer per row, mixed-radix over the columns' distinct values
    # (re-numbered whenever the radix product would leave int64).
    combined, radix = np.zeros(len(facts), dtype=np.int64), 1
    for codes, values in parts:
        width = len(values) + 1
        if radix * width >= 2**62:
            combined, radix = pd.factorize(combined)[0].astype(np.int64), len(facts) + 1
        combined = combined * width + (codes + 1)
        radix *= width
    dup = pd.Series(combined).duplicated(keep="first").to_numpy()
    check = "same place, indicator, year, as_of and source as an earlier row"
    return [
        failure(file, facts.index[p], "fact_id", check, facts["fact_id"].iat[p])
        for p in np.flatnonzero(dup)
    ]


# --- helpers ---------------------------------------------------------------------


def _distinct(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, values)``: each row's index into the distinct non-missing
    values (-1 for a missing cell)."""
    codes, values = pd.factorize(series, use_na_sentinel=True)
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


def _spread(per_value: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """A per-distinct-value flag as a per-row flag (False for missing cells)."""
    return np.append(per_value, False)[codes]


def _cells(file, series: pd.Series, mask: np.ndarray, column: str, check: str) -> list[dict]:
    return [
        failure(file, series.index[p], column, check, _shown(series.iat[p]))
        for p in np.flatnonzero(mask)
    ]


def _by_value(file, series, codes, values, checks: dict[int, str], column: str) -> list[dict]:
    """Failure records for every row holding one of the failing distinct values."""
    if not checks:
        return []
    failing = np.zeros(len(values), bool)
    failing[list(checks)] = True
    return [
        failure(file, series.index[p], column, checks[codes[p]], series.iat[p])
        for p in np.flatnonzero(_spread(failing, codes))
    ]


def _shown(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _floats_of(df: pd.DataFrame, column: str) -> np.ndarray:
    """A typed column as floats (NaN where empty or absent)."""
    if column not in df:
        return np.full(len(df), np.nan)
    column = df[column]
    if column.dtype.kind in "fiu" or str(column.dtype) in {"Int64", "Float64"}:
        return column.to_numpy(float, na_value=np.nan)
    return pd.to_numeric(column, errors="coerce").to_numpy(float, na_value=np.nan)
