"""The vectorised checks report exactly what the row-by-row ones did.

``Reference`` below is the validation as it was before issue 9 made it
vectorised (pandera for the column rules, ``iterrows`` for the rules across
rows), kept here — and only here — as the oracle.  A seeded corpus of
thousands of rows, a tenth of them broken in one of many ways the old code
handled correctly, must give the same failures, cell for cell and word for
word.  The corpus leaves out on purpose what the old code got wrong (those
misreads are tests/test_validation_corpus.py); the one deliberate change of
wording — a duplicate id now also names the rows it repeats — is stripped
before comparing, and tested there.
"""

from __future__ import annotations

import math
import random

import pandas as pd
import pytest
from conftest import MINI_TEXT

from ruralstudy import DataValidationError, schemas, units
from ruralstudy.datasets import QUOTED_KINDS, validate

ROWS = 2500
SEED = 9


# --- the old implementation (commit 5bfd6e6), condensed but unchanged in logic ---


class Reference:
    """Row-by-row validation as it was: pandera column checks, iterrows rules."""

    def __init__(self, reference: dict[str, pd.DataFrame], texts: dict[str, str]):
        self.reference, self.texts = reference, texts

    def failures(self, raw: pd.DataFrame, table: str, file: str) -> list[dict]:
        if table in schemas.MASTER_TABLES:
            spec = schemas.MASTER_TABLES[table]
        else:
            spec = schemas.wide_schema(table, self.reference["indicators"])
        records, typed = self.column_failures(raw, spec, file)
        return records + self.table_failures(typed, spec, file)

    def column_failures(self, raw, spec, file):
        import pandera.errors

        typed, records = typed_frame(raw, spec, file)
        reported = {(r["column"], r["row"]) for r in records}
        try:
            pandera_schema(spec).validate(typed, lazy=True)
        except pandera.errors.SchemaErrors as err:
            for case in err.failure_cases.itertuples():
                column = case.column if isinstance(case.column, str) else None
                check = str(case.check)
                if check in {"column_in_dataframe", "column_in_schema"}:
                    column, value, row = str(case.failure_case), None, None
                else:
                    value = case.failure_case
                    row = None if pd.isna(case.index) else int(case.index) + 2
                if (column, row) in reported:
                    continue
                records.append(
                    {
                        "file": file,
                        "row": row,
                        "column": column,
                        "check": explain_check(check, spec, column),
                        "value": None if missing(value) else value,
                    }
                )
        return records, typed

    def table_failures(self, df, spec, file):
        ref = self.reference
        ids = {"sources": "source_id", "places": "place_id", "indicators": "indicator_id"}
        known = {n: set(f[ids[n]].dropna()) for n, f in ref.items() if n in ids}
        if spec.name == "places":
            known["places"] = set(df["place_id"].dropna()) | known.get("places", set())
        out = foreign_key_failures(df, spec, known, file)
        if spec.name == "places":
            out += coordinate_failures(df, file)
        if spec.name in {"facts", "interventions"}:
            out += quote_failures(df, self.texts, file)
            out += missing_quote_failures(df, ref["sources"], file)
        if spec.name in schemas.WIDE_VIEWS:
            out += wide_interval_failures(df, file)
        if spec.name == "facts":
            out += interval_failures(df, file)
            out += unit_failures(df, ref["indicators"], file)
            out += duplicate_fact_failures(df, file)
        return out


def typed_frame(raw, spec, file):
    typed = raw.copy()
    records = []
    for col in spec.columns:
        if col.name not in typed.columns or col.kind not in {"float", "int"}:
            continue
        text = typed[col.name]
        present = text.notna()
        if col.kind == "int":
            ok = text.astype(str).str.fullmatch(r"[+-]?\d+")
            parsed = pd.to_numeric(text.where(ok & present), errors="coerce").astype("Int64")
        else:
            parsed = pd.to_numeric(text, errors="coerce").astype("float64")
            ok = parsed.abs().lt(float("inf"))
            parsed = parsed.where(ok)
        for idx in text.index[present & ~ok]:
            check = "not a whole number" if col.kind == "int" else "not a number"
            records.append(schemas.failure(file, idx, col.name, check, text[idx]))
        typed[col.name] = parsed
    return typed, records


def pandera_schema(table):
    import pandera.pandas as pa

    columns = {}
    for col in table.columns:
        checks = []
        if col.pattern:
            checks.append(pa.Check.str_matches(col.pattern))
        if col.allowed:
            checks.append(pa.Check.isin(col.allowed))
        if col.ge is not None:
            checks.append(pa.Check.ge(col.ge))
        if col.le is not None:
            checks.append(pa.Check.le(col.le))
        columns[col.name] = pa.Column(
            {"float": "float64", "int": "Int64"}.get(col.kind),
            checks=checks,
            nullable=not col.required,
            unique=col.unique,
            required=not col.optional,
        )
    return pa.DataFrameSchema(columns, strict=True, name=table.name)


def explain_check(check, table, column):
    if check == "column_in_dataframe":
        return "missing column"
    if check == "column_in_schema":
        return f"unexpected column; expected columns: {', '.join(table.column_names)}"
    if check == "not_nullable":
        return "empty cell; a value is required"
    if check == "field_uniqueness":
        return "duplicate value; must be unique"
    if check.startswith("isin("):
        return f"not an allowed value; expected one of: {', '.join(table.column(column).allowed)}"
    if check.startswith("str_matches("):
        return f"does not match the expected pattern {table.column(column).pattern}"
    if check.startswith("greater_than_or_equal_to("):
        return f"must be ≥ {table.column(column).ge:g}"
    if check.startswith("less_than_or_equal_to("):
        return f"must be ≤ {table.column(column).le:g}"
    return check


def num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def interval_failures(facts, file):
    out = []
    for idx, row in facts.iterrows():
        value, lower, upper = (num(row.get(c)) for c in ("value", "lower", "upper"))
        qualifier = row.get("qualifier")
        if math.isnan(value) or qualifier not in units.QUALIFIERS:
            continue
        problem = units.interval_problem(value, lower, upper, qualifier)
        if problem:
            column = (
                "lower" if "lower" in problem else "upper" if "upper" in problem else "qualifier"
            )
            shown = f"{lower:g} ≤ {value:g} ≤ {upper:g}"
            out.append(schemas.failure(file, idx, column, problem, shown))
    return out


def wide_interval_failures(wide, file):
    out = []
    for low_col in [c for c in wide.columns if c.endswith("_lower")]:
        name = low_col.removesuffix("_lower")
        up_col = f"{name}_upper"
        for idx, row in wide.iterrows():
            value, lower = num(row.get(name)), num(row.get(low_col))
            upper = num(row.get(up_col))
            if lower > upper:
                check = f"lower {lower:g} > upper {upper:g}"
                out.append(schemas.failure(file, idx, low_col, check, lower))
            elif value < lower:
                check = f"value below {low_col} {lower:g}"
                out.append(schemas.failure(file, idx, name, check, value))
            elif value > upper:
                check = f"value above {up_col} {upper:g}"
                out.append(schemas.failure(file, idx, name, check, value))
    return out


def unit_failures(facts, indicators, file):
    unit_of = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    out = []
    for idx, row in facts.iterrows():
        unit = row.get("unit")
        if not isinstance(unit, str):
            continue
        if not units.is_canonical_unit(unit):
            out.append(schemas.failure(file, idx, "unit", "unknown unit", unit))
            continue
        expected = unit_of.get(row.get("indicator_id"))
        if expected is not None and unit != expected:
            check = f"indicator's unit is {expected!r}"
            out.append(schemas.failure(file, idx, "unit", check, unit))
        if schemas.nonnegative_unit(unit):
            for col in ("value", "lower", "upper"):
                v = num(row.get(col))
                if v < 0:
                    check = f"must be ≥ 0 for unit {unit}"
                    out.append(schemas.failure(file, idx, col, check, v))
    return out


def foreign_key_failures(df, table, known, file):
    out = []
    for column, target in table.foreign_keys.items():
        if column not in df.columns or target not in known:
            continue
        for idx, value in df[column].items():
            if isinstance(value, str) and value not in known[target]:
                check = f"unknown {target[:-1]} id"
                out.append(schemas.failure(file, idx, column, check, value))
    return out


def quote_failures(df, texts, file):
    squeezed = {sid: schemas.squeeze_whitespace(t) for sid, t in texts.items()}
    out = []
    for idx, row in df.iterrows():
        sid, quote = row.get("source_id"), row.get("quote")
        if sid not in squeezed or not isinstance(quote, str):
            continue
        if schemas.squeeze_whitespace(quote) not in squeezed[sid]:
            check = f"not found in the text of {sid}"
            out.append(schemas.failure(file, idx, "quote", check, quote))
    return out


def missing_quote_failures(df, sources, file):
    kind = dict(zip(sources["source_id"], sources["kind"], strict=True))
    return [
        schemas.failure(
            file, idx, "quote", f"required for a figure from a {kind[sid]} source", None
        )
        for idx, sid, quote in zip(df.index, df["source_id"], df["quote"], strict=True)
        if kind.get(sid) in QUOTED_KINDS and missing(quote)
    ]


def coordinate_failures(places, file):
    out = []
    for idx, row in places.iterrows():
        has_lon, has_lat = not missing(row.get("lon")), not missing(row.get("lat"))
        if has_lon != has_lat:
            col = "lat" if has_lon else "lon"
            out.append(schemas.failure(file, idx, col, "lon and lat go together", None))
        for col in ("coord_precision", "coord_source_id"):
            if has_lon and missing(row.get(col)):
                check = "required where lon/lat are given"
                out.append(schemas.failure(file, idx, col, check, None))
    return out


def duplicate_fact_failures(facts, file):
    key = ["place_id", "indicator_id", "year", "as_of", "source_id"]
    dup = facts.duplicated(subset=key, keep="first")
    check = "same place, indicator, year, as_of and source as an earlier row"
    return [
        schemas.failure(file, idx, "fact_id", check, facts.at[idx, "fact_id"])
        for idx in facts.index[dup]
    ]


# --- the corpus ------------------------------------------------------------------------

QUOTES = {
    "land_consolidated_area": ("ha", "车田村整合300亩撂荒地"),
    "collective_dividend": ("CNY/year", "每年分红10万余元"),
    "jobs_created": ("person", "解决村民就业近20人"),
}
PLACES = ["cn", "cn.guizhou", "cn.guizhou.guian.chetian"]


def facts_corpus(rng: random.Random) -> pd.DataFrame:
    """ROWS valid facts as text, then one in ten broken in one of many ways."""
    keys = [
        (p, i, y, m)
        for p in PLACES
        for i in QUOTES
        for y in range(2000, 2026)
        for m in range(1, 13)
    ]
    rows = []
    for n, (place, ind, year, month) in enumerate(rng.sample(keys, ROWS)):
        unit, quote = QUOTES[ind]
        value = str(rng.randint(1, 900) * 10)
        qualifier, lower, upper = rng.choice(
            [("exact", value, value), ("over", value, None), ("approx", None, None)]
        )
        rows.append(
            {
                "fact_id": f"f-{n:05d}",
                "place_id": place,
                "indicator_id": ind,
                "year": str(year),
                "as_of": f"{year}-{month:02d}",
                "value": value,
                "lower": lower,
                "upper": upper,
                "qualifier": qualifier,
                "unit": unit,
                "text": "文本",
                "source_id": "mini-news",
                "quote": quote,
                "note": None,
            }
        )
    frame = pd.DataFrame(rows, dtype=object)
    for idx in rng.sample(range(ROWS), ROWS // 10):
        rng.choice(BREAKS)(frame, idx, rng)
    return frame


def _set(column, value):
    def brk(frame, idx, rng):
        frame.at[idx, column] = value

    return brk


def _copy_from_other(columns):
    def brk(frame, idx, rng):
        other = rng.randrange(len(frame))
        for c in columns:
            frame.at[idx, c] = frame.at[other, c]

    return brk


def _bounds(lower_offset, upper_offset):
    def brk(frame, idx, rng):
        v = float(frame.at[idx, "value"])
        frame.at[idx, "qualifier"] = "range"
        frame.at[idx, "lower"] = None if lower_offset is None else str(v + lower_offset)
        frame.at[idx, "upper"] = None if upper_offset is None else str(v + upper_offset)

    return brk


BREAKS = [
    _set("place_id", "cn.nowhere"),
    _set("place_id", "Bad Place"),
    _set("place_id", None),
    _set("indicator_id", "no_such_indicator"),
    _set("indicator_id", "Bad-Id"),
    _set("year", "2025年"),
    _set("year", "1800"),
    _set("year", "2200"),
    _set("year", "2025.0"),
    _set("year", None),
    _set("as_of", "2025/10"),
    _set("as_of", "2025-13"),
    _set("as_of", None),
    _set("value", "20公顷"),
    _set("value", "abc"),
    _set("value", None),
    _set("value", "-5"),
    _set("lower", "-1"),
    _set("upper", "oops"),
    _bounds(1, 2),
    _bounds(-2, -1),
    _bounds(5, -5),
    _bounds(None, 3),
    _set("qualifier", "maybe"),
    _set("qualifier", None),
    _set("qualifier", "plus"),
    _set("qualifier", "under"),
    _set("unit", "mu"),
    _set("unit", "kg"),
    _set("unit", None),
    _set("source_id", "no-such-source"),
    _set("source_id", "mini-stats"),
    _set("source_id", None),
    _set("quote", None),
    _set("quote", "这句话不在原文里"),
    _copy_from_other(["fact_id"]),
    _copy_from_other(["place_id", "indicator_id", "year", "as_of", "source_id"]),
    _set("fact_id", "UPPER-CASE"),
    _set("fact_id", None),
]


def places_corpus(rng: random.Random) -> pd.DataFrame:
    rows = [
        {
            "place_id": "cn",
            "name_zh": "中国",
            "name_en": "China",
            "level": "country",
            "parent_id": None,
            "admin_code": None,
            "lon": None,
            "lat": None,
            "coord_precision": None,
            "coord_error_km": None,
            "coord_source_id": None,
            "note": None,
        }
    ]
    for n in range(400):
        rows.append(
            {
                "place_id": f"cn.p{n}",
                "name_zh": "某村",
                "name_en": "Some village",
                "level": "village",
                "parent_id": "cn",
                "admin_code": str(520000 + n),
                "lon": str(100 + n / 100),
                "lat": str(25 + n / 1000),
                "coord_precision": "county",
                "coord_error_km": "5",
                "coord_source_id": "mini-stats",
                "note": None,
            }
        )
    frame = pd.DataFrame(rows, dtype=object)
    place_breaks = [
        _set("lon", None),
        _set("lat", None),
        _set("lon", "200"),
        _set("lat", "-95"),
        _set("lat", "north"),
        _set("coord_precision", None),
        _set("coord_precision", "street"),
        _set("coord_source_id", None),
        _set("coord_source_id", "nope"),
        _set("coord_error_km", "-1"),
        _set("admin_code", "52"),
        _set("level", "hamlet"),
        _set("parent_id", "cn.missing"),
        _set("name_zh", None),
        _copy_from_other(["place_id"]),
    ]
    for idx in rng.sample(range(1, len(frame)), 60):
        rng.choice(place_breaks)(frame, idx, rng)
    return frame


def wide_corpus(rng: random.Random) -> pd.DataFrame:
    rows = []
    for n in range(600):
        v = rng.randint(1, 100)
        lo, up = rng.choice(
            [(v, v), (v - 5, v + 5), (v + 3, v + 9), (v - 9, v - 3), (v + 5, v - 5)]
        )
        lo, up = (None if rng.random() < 0.2 else lo), (None if rng.random() < 0.2 else up)
        rows.append(
            {
                "place_id": rng.choice([*PLACES, "cn.nowhere"]),
                "year": str(1900 + n),
                "source_id": rng.choice(["mini-news", "mini-stats", "nope"]),
                "jobs_created": rng.choice([str(v), str(-v), "x", None]),
                "jobs_created_lower": None if lo is None else str(lo),
                "jobs_created_upper": None if up is None else str(up),
            }
        )
    return pd.DataFrame(rows, dtype=object)


# --- comparing ------------------------------------------------------------------------------


def comparable(records: list[dict]) -> list[tuple]:
    def value(v):
        if missing(v):
            return None
        return f"{float(v):g}" if isinstance(v, int | float) else str(v)

    def check(c):
        for mark in (" (ignoring surrounding whitespace", "; also on row"):
            c = c.split(mark)[0]
        return c

    return sorted(
        (
            -1 if missing(r["row"]) else int(r["row"]),
            str(r["column"]),
            check(r["check"]),
            value(r["value"]),
        )
        for r in records
    )


def new_failures(raw, table, file, reference) -> list[dict]:
    try:
        validate(raw, table, file=file, reference=reference)
    except DataValidationError as err:
        return err.failures.to_dict("records")
    return []


@pytest.mark.parametrize(
    ("table", "corpus"),
    [("facts", facts_corpus), ("places", places_corpus), ("tourism", wide_corpus)],
)
def test_vectorised_checks_report_what_the_row_by_row_ones_did(mini, table, corpus):
    raw = corpus(random.Random(SEED))
    reference = {name: frame for name, frame in mini.items() if name != table}
    old = comparable(Reference(reference, {"mini-news": MINI_TEXT}).failures(raw, table, "f.csv"))
    new = comparable(new_failures(raw, table, "f.csv", reference))
    assert len(old) > len(raw) // 20  # the corpus is broken, and broadly
    assert len({(r[1], r[2].split(" ")[0]) for r in old}) > 10 or table == "tourism"
    missing_now = [r for r in old if r not in new]
    new_only = [r for r in new if r not in old]
    assert not missing_now and not new_only, (missing_now[:20], new_only[:20])
    assert new == old
