"""The rules across rows and tables, vectorised like ``ruralstudy.checks``.

Bounds that must fit a qualifier, a wide view's keys and bounds, a fact's
unit against its indicator's, references to other tables, quotes found in
the stored source text, coordinates that go together, one figure per
place, indicator, date and source.  Each returns failure records (file,
row, column, check, value) for every offending row at once; Python runs
only per failing row or per distinct value, never per row of a clean file.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ruralstudy import units
from ruralstudy.checks import Distinct, distinct_values, floats_of, other_rows, spread
from ruralstudy.schemas import TableSchema, failure, nonnegative_unit, squeeze_whitespace


def interval_failures(facts: pd.DataFrame, file: str) -> list[dict]:
    """Bounds must be those the qualifier implies (``units.interval_problem``).

    A vectorised pass marks the rows whose bounds certainly fit; the rest —
    few in a clean file — are judged and worded by ``units.interval_problem``
    itself, so the rule has one definition.
    """
    value, lower, upper = (floats_of(facts, c) for c in ("value", "lower", "upper"))
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
        value = floats_of(wide, name)
        low_col, up_col = f"{name}_lower", f"{name}_upper"
        lower, upper = floats_of(wide, low_col), floats_of(wide, up_col)
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
    with the rows it collides with.

    >>> wide = pd.DataFrame({"place_id": ["a", "a"], "year": [2025, 2025], "source_id": ["s", "s"]})
    >>> [f["check"] for f in wide_key_failures(wide, ["place_id", "year", "source_id"], "f")]
    ['same place_id, year, source_id as row 3', 'same place_id, year, source_id as row 2']
    """
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
            check = f"same {', '.join(key)} as {other_rows([o + 2 for o in rows], r + 2)}"
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
    unit_col = facts["unit"].to_numpy(object)
    for p in np.flatnonzero(unknown[pairs]):
        out.append(failure(file, facts.index[p], "unit", "unknown unit", unit_col[p]))
    if wrong:
        flagged = np.zeros(len(first), bool)
        flagged[list(wrong)] = True
        for p in np.flatnonzero(flagged[pairs]):
            out.append(failure(file, facts.index[p], "unit", wrong[pairs[p]], unit_col[p]))
    for col in ("value", "lower", "upper"):
        numbers_ = floats_of(facts, col)
        for p in np.flatnonzero(never_negative[pairs] & (numbers_ < 0)):
            check = f"must be ≥ 0 for unit {unit_col[p]}"
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
    unit_col = indicators["unit"].to_numpy(object)
    codes, values = distinct_values(indicators["unit"])
    unknown = np.array([not units.is_canonical_unit(v) for v in values], bool)
    return [
        failure(
            file,
            indicators.index[p],
            "unit",
            "unknown unit; see ruralstudy.units.CANONICAL_UNITS",
            unit_col[p],
        )
        for p in np.flatnonzero(spread(unknown, codes))
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
        cells = df[column].to_numpy(object)
        unknown = ~pd.Index(values, dtype=object).isin(list(known[target]))
        check = f"unknown {target[:-1]} id"
        out += [
            failure(file, df.index[p], column, check, cells[p])
            for p in np.flatnonzero(spread(unknown, codes))
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
    source_ids, quotes = df["source_id"].to_numpy(object), df["quote"].to_numpy(object)
    out = []
    for p in np.flatnonzero(checked):
        sid, quote = source_ids[p], quotes[p]
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
    codes, values = distinct_values(df["source_id"])
    kinds = np.array([kind_of.get(v) for v in values], dtype=object)
    quoted = np.fromiter((k in quoted_kinds for k in kinds), bool, len(kinds))
    missing = spread(quoted, codes) & df["quote"].isna().to_numpy()
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
    fact_ids = facts["fact_id"].to_numpy(object)
    check = "same place, indicator, year, as_of and source as an earlier row"
    return [
        failure(file, facts.index[p], "fact_id", check, fact_ids[p]) for p in np.flatnonzero(dup)
    ]
