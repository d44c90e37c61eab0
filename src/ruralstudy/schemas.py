"""One validation schema per table, and the rules that span rows or tables.

Column rules (types, allowed values, patterns, uniqueness, ranges) are
pandera schemas, validated lazily so every failure is reported at once.
Rules pandera does not express well — bounds that must match a qualifier,
foreign keys, a fact's unit against its indicator's, quotes found in the
stored source text — are small functions here that return failure records
in the same shape (file, row, column, check, value).

Tables are read as text first (see ``ruralstudy.io``) and typed here, so a
cell that is not a number is reported, never coerced to NaN behind the
user's back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ruralstudy import units

if TYPE_CHECKING:
    import pandas as pd

SLUG = r"^[a-z0-9][a-z0-9._-]*$"
SNAKE = r"^[a-z][a-z0-9_]*$"
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

SOURCE_KINDS = ["news", "statistics", "literature", "survey", "dataset", "synthetic"]
PLACE_LEVELS = ["country", "province", "prefecture", "county", "township", "village", "community"]
COORD_PRECISIONS = ["exact", "village", "township", "county", "prefecture", "province"]
DOMAINS = [
    "land",
    "collective_economy",
    "tourism",
    "agriculture",
    "population",
    "governance",
    "income",
    "geography",
]
INTERVENTION_KINDS = [
    "programme_start",
    "investment",
    "opening",
    "rating_awarded",
    "rating_lost",
    "organisation_founded",
    "leadership_change",
    "land_consolidation",
    "infrastructure",
    "crisis",
    "other",
]
# Units whose quantities cannot be negative (an area, a head count …).
# Money may be negative (a collective's loss), as may percent changes.
NONNEGATIVE_UNITS = {
    "ha",
    "m2",
    "kg",
    "t",
    "person",
    "household",
    "person-time",
    "km",
    "year",
    "year_of_age",
    "count",
    "building",
    "item",
    "group",
}


@dataclass(frozen=True)
class Col:
    """One column: its type, whether a value is required, and its checks."""

    name: str
    kind: str = "text"  # text | float | int
    required: bool = True
    unique: bool = False
    pattern: str | None = None
    allowed: list[str] | None = None
    ge: float | None = None
    le: float | None = None
    optional: bool = False  # the whole column may be absent from a file


@dataclass(frozen=True)
class TableSchema:
    """A table's columns and what its rows are keyed and checked by."""

    name: str
    columns: list[Col]
    description: str = ""
    foreign_keys: dict[str, str] = field(default_factory=dict)  # column -> table

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


SOURCES = TableSchema(
    "sources",
    [
        Col("source_id", unique=True, pattern=SLUG),
        Col("kind", allowed=SOURCE_KINDS),
        Col("publisher"),
        Col("publisher_en", required=False, optional=True),
        Col("title"),
        Col("date", required=False, pattern=PARTIAL_DATE),
        Col("page", required=False),
        Col("author", required=False),
        Col("url", required=False, pattern=r"^(https?://|file:|doi:)\S+$"),
        Col("accessed", required=False, pattern=PARTIAL_DATE),
        Col("note", required=False, optional=True),
    ],
    "Where every number comes from.",
)

PLACES = TableSchema(
    "places",
    [
        Col("place_id", unique=True, pattern=SLUG),
        Col("name_zh"),
        Col("name_en"),
        Col("level", allowed=PLACE_LEVELS),
        Col("parent_id", required=False, pattern=SLUG),
        Col("admin_code", required=False, pattern=r"^\d{6}(\d{3}(\d{3})?)?$"),
        Col("lon", "float", required=False, ge=-180, le=180),
        Col("lat", "float", required=False, ge=-90, le=90),
        Col("coord_precision", required=False, allowed=COORD_PRECISIONS),
        Col("coord_error_km", "float", required=False, ge=0),
        Col("coord_source_id", required=False, pattern=SLUG),
        Col("note", required=False, optional=True),
    ],
    "Administrative units, keyed by a dotted path that tells namesakes apart.",
    foreign_keys={"parent_id": "places", "coord_source_id": "sources"},
)

INDICATORS = TableSchema(
    "indicators",
    [
        Col("indicator_id", unique=True, pattern=SNAKE),
        Col("name_zh"),
        Col("name_en"),
        Col("unit"),
        Col("domain", allowed=DOMAINS),
        Col("description", required=False, optional=True),
    ],
    "What a fact measures, in which canonical unit.",
)

FACTS = TableSchema(
    "facts",
    [
        Col("fact_id", unique=True, pattern=SLUG),
        Col("place_id", pattern=SLUG),
        Col("indicator_id", pattern=SNAKE),
        Col("year", "int", required=False, ge=1900, le=2100),
        Col("as_of", pattern=PARTIAL_DATE),
        Col("value", "float"),
        Col("lower", "float", required=False),
        Col("upper", "float", required=False),
        Col("qualifier", allowed=sorted(units.QUALIFIERS)),
        Col("unit"),
        Col("text", required=False),
        Col("source_id", pattern=SLUG),
        Col("quote", required=False),
        Col("note", required=False, optional=True),
    ],
    "The master table: one reported figure per row, with its bounds and source.",
    foreign_keys={"place_id": "places", "indicator_id": "indicators", "source_id": "sources"},
)

INTERVENTIONS = TableSchema(
    "interventions",
    [
        Col("place_id", pattern=SLUG),
        Col("intervention_id", unique=True, pattern=SLUG),
        Col("year", "int", ge=1900, le=2100),
        Col("kind", allowed=INTERVENTION_KINDS),
        Col("name_zh"),
        Col("name_en"),
        Col("source_id", pattern=SLUG),
        Col("quote"),
        Col("note", required=False, optional=True),
    ],
    "Dated events that define 'before' and 'after' for a place.",
    foreign_keys={"place_id": "places", "source_id": "sources"},
)

MASTER_TABLES: dict[str, TableSchema] = {
    s.name: s for s in (SOURCES, PLACES, INDICATORS, FACTS, INTERVENTIONS)
}

# Wide place-year views of the facts, one per domain (DESIGN.md principle 4).
WIDE_VIEWS: dict[str, str] = {
    "land_consolidation": "land",
    "collective_economy": "collective_economy",
    "tourism": "tourism",
}
WIDE_KEY_COLUMNS = ["place_id", "year", "source_id"]
BOUND_SUFFIXES = ("_lower", "_upper")


def wide_schema(view: str, indicators: pd.DataFrame) -> TableSchema:
    """Schema of a wide view: key columns, then one value column per indicator
    of the view's domain, each with optional ``_lower``/``_upper`` bounds."""
    domain = WIDE_VIEWS[view]
    cols = [
        Col("place_id", pattern=SLUG),
        Col("year", "int", required=False, ge=1900, le=2100),
        Col("source_id", pattern=SLUG),
    ]
    for row in indicators[indicators["domain"] == domain].itertuples():
        ge = 0 if _nonnegative(row.unit) else None
        for suffix in ("", *BOUND_SUFFIXES):
            name = f"{row.indicator_id}{suffix}"
            cols.append(Col(name, "float", required=False, ge=ge, optional=True))
    return TableSchema(
        view,
        cols,
        f"Wide place-year view of the {domain} facts.",
        foreign_keys={"place_id": "places", "source_id": "sources"},
    )


def _nonnegative(unit: str) -> bool:
    return unit in NONNEGATIVE_UNITS or unit.startswith("count:")


# --- pandera: column rules ---------------------------------------------------

_PANDERA_DTYPES = {"float": "float64", "int": "Int64"}


def pandera_schema(table: TableSchema):
    """The pandera DataFrameSchema of a table (pandera is imported here, on
    first use, to keep ``import ruralstudy`` light)."""
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
            _PANDERA_DTYPES.get(col.kind),
            checks=checks,
            nullable=not col.required,
            unique=col.unique,
            required=not col.optional,
        )
    return pa.DataFrameSchema(columns, strict=True, name=table.name)


def explain_check(check: str, table: TableSchema, column: str | None) -> str:
    """A pandera check name in words a spreadsheet user understands."""
    if check == "column_in_dataframe":
        return "missing column"
    if check == "column_in_schema":
        return f"unexpected column; expected columns: {', '.join(table.column_names)}"
    if check == "not_nullable":
        return "empty cell; a value is required"
    if check == "field_uniqueness":
        return "duplicate value; must be unique"
    if check.startswith("coerce_dtype"):
        kind = table.column(column).kind if column in table.column_names else ""
        return "not a whole number" if kind == "int" else "not a number"
    if check.startswith("isin("):
        allowed = table.column(column).allowed or []
        return f"not an allowed value; expected one of: {', '.join(allowed)}"
    if check.startswith("str_matches("):
        return f"does not match the expected pattern {table.column(column).pattern}"
    if check.startswith("greater_than_or_equal_to("):
        return f"must be ≥ {table.column(column).ge:g}"
    if check.startswith("less_than_or_equal_to("):
        return f"must be ≤ {table.column(column).le:g}"
    return check


# --- rules across rows and tables -------------------------------------------


def interval_failures(facts: pd.DataFrame, file: str) -> list[dict]:
    """Bounds must be those the qualifier implies (units.interval_problem)."""
    out = []
    for idx, row in facts.iterrows():
        value, lower, upper = (_num(row.get(c)) for c in ("value", "lower", "upper"))
        qualifier = row.get("qualifier")
        if math.isnan(value) or qualifier not in units.QUALIFIERS:
            continue  # already reported as a column failure
        problem = units.interval_problem(value, lower, upper, qualifier)
        if problem:
            column = (
                "lower" if "lower" in problem else "upper" if "upper" in problem else "qualifier"
            )
            out.append(failure(file, idx, column, problem, f"{lower:g} ≤ {value:g} ≤ {upper:g}"))
    return out


def wide_interval_failures(wide: pd.DataFrame, file: str) -> list[dict]:
    """In a wide view, each indicator's bounds must hold its value:
    ``x_lower ≤ x ≤ x_upper`` wherever they are given."""
    out = []
    for low_col in [c for c in wide.columns if c.endswith("_lower")]:
        name = low_col.removesuffix("_lower")
        up_col = f"{name}_upper"
        for idx, row in wide.iterrows():
            value, lower = _num(row.get(name)), _num(row.get(low_col))
            upper = _num(row.get(up_col))
            if lower > upper:
                out.append(failure(file, idx, low_col, f"lower {lower:g} > upper {upper:g}", lower))
            elif value < lower:
                out.append(failure(file, idx, name, f"value below {low_col} {lower:g}", value))
            elif value > upper:
                out.append(failure(file, idx, name, f"value above {up_col} {upper:g}", value))
    return out


def unit_failures(facts: pd.DataFrame, indicators: pd.DataFrame, file: str) -> list[dict]:
    """A fact's unit must be canonical and the unit of its indicator; amounts
    in units that cannot be negative (area, counts) must not be."""
    unit_of = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    out = []
    for idx, row in facts.iterrows():
        unit = row.get("unit")
        if not isinstance(unit, str):
            continue
        if not units.is_canonical_unit(unit):
            out.append(failure(file, idx, "unit", "unknown unit", unit))
            continue
        expected = unit_of.get(row.get("indicator_id"))
        if expected is not None and unit != expected:
            out.append(failure(file, idx, "unit", f"indicator's unit is {expected!r}", unit))
        if _nonnegative(unit):
            for col in ("value", "lower", "upper"):
                v = _num(row.get(col))
                if v < 0:
                    out.append(failure(file, idx, col, f"must be ≥ 0 for unit {unit}", v))
    return out


def indicator_unit_failures(indicators: pd.DataFrame, file: str) -> list[dict]:
    return [
        failure(file, idx, "unit", "unknown unit; see ruralstudy.units.CANONICAL_UNITS", unit)
        for idx, unit in indicators["unit"].items()
        if isinstance(unit, str) and not units.is_canonical_unit(unit)
    ]


def foreign_key_failures(
    df: pd.DataFrame, table: TableSchema, known: dict[str, set], file: str
) -> list[dict]:
    """Every reference (place_id, indicator_id, source_id …) must exist."""
    out = []
    for column, target in table.foreign_keys.items():
        if column not in df.columns or target not in known:
            continue
        for idx, value in df[column].items():
            if isinstance(value, str) and value not in known[target]:
                out.append(failure(file, idx, column, f"unknown {target[:-1]} id", value))
    return out


def quote_failures(df: pd.DataFrame, texts: dict[str, str], file: str) -> list[dict]:
    """A quote from a source whose text is stored must be found in it.

    Whitespace is ignored on both sides: newspaper and PDF text breaks lines
    inside words ("发展八\\n\\n月瓜"), and a quote should not have to copy that.
    """
    squeezed = {sid: squeeze_whitespace(t) for sid, t in texts.items()}
    out = []
    for idx, row in df.iterrows():
        sid, quote = row.get("source_id"), row.get("quote")
        if sid not in squeezed or not isinstance(quote, str):
            continue
        if squeeze_whitespace(quote) not in squeezed[sid]:
            out.append(failure(file, idx, "quote", f"not found in the text of {sid}", quote))
    return out


def duplicate_fact_failures(facts: pd.DataFrame, file: str) -> list[dict]:
    """One source reports one figure per place, indicator and date once."""
    key = ["place_id", "indicator_id", "year", "as_of", "source_id"]
    if not set(key) <= set(facts.columns):
        return []
    dup = facts.duplicated(subset=key, keep="first")
    return [
        failure(
            file,
            idx,
            "fact_id",
            "same place, indicator, year, as_of and source as an earlier row",
            facts.at[idx, "fact_id"],
        )
        for idx in facts.index[dup]
    ]


_WS = re.compile(r"\s+")


def squeeze_whitespace(text: str) -> str:
    """Text with all whitespace removed: how quotes are matched to sources."""
    return _WS.sub("", text)


def _num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def failure(file: str, idx, column: str, check: str, value) -> dict:
    """A failure record for data row ``idx`` (0-based)."""
    # idx is the 0-based data row; the header is row 1 in a spreadsheet.
    return {"file": file, "row": int(idx) + 2, "column": column, "check": check, "value": value}
