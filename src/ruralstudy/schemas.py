"""One schema per table: its columns, their types and the rules on them.

A schema says what a valid table is — column types, required cells,
allowed values, patterns (matched against the whole cell, so "x\n" is not
the id "x"), uniqueness, ranges, foreign keys.  ``ruralstudy.checks``
applies them to a table read as text (``ruralstudy.io``), and
``ruralstudy.rules`` the rules across rows and tables (bounds that must
match a qualifier, a fact's unit against its indicator's, quotes found in
the stored source text), reporting every failure as file, row, column,
check, value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ruralstudy import units

if TYPE_CHECKING:
    import pandas as pd

# Patterns are matched against the whole cell (re.fullmatch), so the anchors
# are for the reader; digits are [0-9], as \d would also accept ٢ or ２.
SLUG = r"^[a-z0-9][a-z0-9._-]*$"
SNAKE = r"^[a-z][a-z0-9_]*$"
PARTIAL_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
ADMIN_CODE = r"^[0-9]{6}([0-9]{3}([0-9]{3})?)?$"
# Web addresses only (no file:, javascript:, data:), and none of the
# characters that end an HTML attribute or tag or that RFC 3986 forbids.
WEB_URL = r"^https?://[\w.-]+(:[0-9]+)?([/?#][^\s\"'<>\\^`{|}\x00-\x1f\x7f]*)?$"

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
        Col("url", required=False, pattern=WEB_URL),
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
        Col("admin_code", required=False, pattern=ADMIN_CODE),
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
        ge = 0 if nonnegative_unit(row.unit) else None
        for suffix in ("", *BOUND_SUFFIXES):
            name = f"{row.indicator_id}{suffix}"
            cols.append(Col(name, "float", required=False, ge=ge, optional=True))
    return TableSchema(
        view,
        cols,
        f"Wide place-year view of the {domain} facts.",
        foreign_keys={"place_id": "places", "source_id": "sources"},
    )


def nonnegative_unit(unit: str) -> bool:
    """True for a unit whose amounts cannot be negative (ha, person, count:家 …)."""
    return unit in NONNEGATIVE_UNITS or unit.startswith("count:")


_WS = re.compile(r"\s+")


def squeeze_whitespace(text: str) -> str:
    """Text with all whitespace removed: how quotes are matched to sources."""
    return _WS.sub("", text)


def failure(file: str, idx, column: str, check: str, value) -> dict:
    """A failure record for data row ``idx`` (0-based)."""
    # idx is the 0-based data row; the header is row 1 in a spreadsheet.
    return {"file": file, "row": int(idx) + 2, "column": column, "check": check, "value": value}
