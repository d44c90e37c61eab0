"""Load the curated tables, and validate a researcher's own files the same way.

The five master tables (sources, places, indicators, facts, interventions)
ship inside the package; each loader validates its table against the schema
in ``ruralstudy.schemas`` and against the tables it refers to, and returns a
copy (the validated tables are cached for the life of the process).  The
three domain tables (land consolidation, collective economy, tourism) are
wide place-year views of the facts.

>>> import ruralstudy as rs
>>> facts = rs.load_facts()
>>> mine = rs.read_table("my_survey.xlsx", table="tourism")  # doctest: +SKIP
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from ruralstudy import checks, rules, schemas
from ruralstudy.errors import DataValidationError, failures_frame
from ruralstudy.io import read_text_table


def _find_data_dir() -> Path:
    installed = Path(__file__).resolve().parent / "data"  # inside a built wheel
    if (installed / "sources.csv").is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "data"  # a source checkout


DATA_DIR = _find_data_dir()
TEXTS_DIR = DATA_DIR / "sources"
TABLE_NAMES = [*schemas.MASTER_TABLES, *schemas.WIDE_VIEWS]
# Sources whose rows must quote the text a figure was read from.
QUOTED_KINDS = {"news", "statistics", "literature"}


# --- shipped tables -----------------------------------------------------------


def load_sources() -> pd.DataFrame:
    """Every source a number comes from (kind, publisher, title, date, url …)."""
    return _shipped("sources").copy()


def load_places() -> pd.DataFrame:
    """Administrative units with their hierarchy and WGS84 coordinates."""
    return _shipped("places").copy()


def load_indicators() -> pd.DataFrame:
    """What each fact measures: names in Chinese and English, unit, domain."""
    return _shipped("indicators").copy()


def load_facts() -> pd.DataFrame:
    """The master table: one reported figure per row, with bounds and source.

    >>> facts = load_facts()
    >>> sorted(facts.columns)[:3]
    ['as_of', 'fact_id', 'indicator_id']
    """
    return _shipped("facts").copy()


def load_interventions() -> pd.DataFrame:
    """Dated events that define 'before' and 'after' for a place."""
    return _shipped("interventions").copy()


def load_land_consolidation() -> pd.DataFrame:
    """Abandoned-farmland consolidation and land figures, one row per place,
    year and source; one column per indicator with ``_lower``/``_upper``."""
    return wide_view("land_consolidation")


def load_collective_economy() -> pd.DataFrame:
    """Village collective income, dividends and payouts, wide by indicator."""
    return wide_view("collective_economy")


def load_tourism() -> pd.DataFrame:
    """Homestay, farmhouse (农家乐) and tourism income and counts, wide by indicator."""
    return wide_view("tourism")


def wide_view(view: str) -> pd.DataFrame:
    """A domain's facts pivoted to one row per (place_id, year, source_id).

    Facts of the same indicator, place, year and source would collide in one
    cell; that is reported as an error rather than resolved silently.
    """
    if view not in schemas.WIDE_VIEWS:
        raise ValueError(f"unknown view {view!r}; expected one of {sorted(schemas.WIDE_VIEWS)}")
    indicators = _shipped("indicators")
    domain_ids = indicators.loc[indicators["domain"] == schemas.WIDE_VIEWS[view], "indicator_id"]
    facts = _shipped("facts")
    facts = facts[facts["indicator_id"].isin(domain_ids)]
    key = schemas.WIDE_KEY_COLUMNS
    _raise_on_cell_clash(facts, view, _display(DATA_DIR / "facts.csv"))
    wide = facts.set_index([*key, "indicator_id"])[["value", "lower", "upper"]].unstack()
    present = [i for i in domain_ids if i in set(facts["indicator_id"])]
    columns = {
        (part, ind): f"{ind}{suffix}"
        for ind in present
        for part, suffix in (("value", ""), ("lower", "_lower"), ("upper", "_upper"))
    }
    wide = wide.reindex(columns=list(columns))
    wide.columns = list(columns.values())
    return wide.reset_index().sort_values(key, na_position="last", ignore_index=True)


def _raise_on_cell_clash(facts: pd.DataFrame, view: str, file: str) -> None:
    """Two facts that would fill one cell of a wide view (same place, year,
    source and indicator) are an error naming both rows, never one chosen."""
    key = [*schemas.WIDE_KEY_COLUMNS, "indicator_id"]
    failures = rules.wide_key_failures(facts, key, file)
    if failures:
        raise DataValidationError(
            failures_frame(failures), summary=f"{view}: facts that would share one cell"
        )


@cache
def _shipped(name: str) -> pd.DataFrame:
    path = DATA_DIR / f"{name}.csv"
    deps = {t: _shipped(t) for t in _references(name) if t != name}
    return validate(read_text_table(path), name, file=_display(path), reference=deps)


def _references(name: str) -> set[str]:
    table = schemas.MASTER_TABLES[name]
    refs = set(table.foreign_keys.values())
    if name == "facts":
        refs.add("indicators")
    if name in {"facts", "interventions"}:
        refs.add("sources")
    return refs


@cache
def _stored_texts() -> dict[str, str]:
    """Source texts kept in data/sources/<source_id>.txt, to check quotes."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(TEXTS_DIR.glob("*.txt"))}


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(DATA_DIR.parent))
    except ValueError:
        return str(path)


# --- a researcher's own files ---------------------------------------------------


def read_table(
    path: str | Path,
    table: str = "facts",
    reference: dict[str, pd.DataFrame] | None = None,
    sheet: str | None = None,
) -> pd.DataFrame:
    """Read and validate a researcher's CSV (UTF-8 or GB18030/GBK) or XLSX file.

    ``table`` is one of the master tables (sources, places, indicators, facts,
    interventions) or a wide view (land_consolidation, collective_economy,
    tourism).  Ids are checked against the shipped tables plus any given in
    ``reference`` (e.g. ``{"places": my_places}`` for your own villages).
    ``sheet`` names the sheet of a workbook that has data on several.

    Raises DataValidationError listing every problem with file, row, column.

    >>> df = read_table("my_facts.csv", table="facts")  # doctest: +SKIP
    """
    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; expected one of {TABLE_NAMES}")
    refs = {name: _shipped(name) for name in schemas.MASTER_TABLES if name != "facts"}
    for name, df in (reference or {}).items():
        refs[name] = pd.concat([refs.get(name), df], ignore_index=True)
    return validate(read_text_table(path, sheet), table, file=str(path), reference=refs)


def validate_file(
    path: str | Path, table: str | None = None, sheet: str | None = None
) -> pd.DataFrame:
    """Every problem in a file as a DataFrame (file, row, column, check, value);
    empty when the file is valid.  ``table`` defaults to the one whose columns
    the file has."""
    try:
        raw = read_text_table(path, sheet)
        table = table or guess_table(raw, str(path))
        read_table(path, table, sheet=sheet)
    except DataValidationError as err:
        return err.failures
    return failures_frame([])


def guess_table(raw: pd.DataFrame, file: str = "<data>") -> str:
    """The table a file most looks like (for ``ruralstudy validate``).

    A master table whose required columns the file mostly has wins (a facts
    file missing one column is still checked as facts, and told what is
    missing); then the wide view sharing most columns.
    """
    columns = set(raw.columns)
    shares = {}
    for name, table in schemas.MASTER_TABLES.items():
        required = {c.name for c in table.columns if not c.optional}
        shares[name] = len(required & columns) / len(required)
    best_master = max(shares, key=shares.get)
    if shares[best_master] >= 0.75:
        return best_master
    indicators = _shipped("indicators")
    best, best_hits = None, 0
    for view in schemas.WIDE_VIEWS:
        if set(schemas.WIDE_KEY_COLUMNS) <= columns:
            names = set(schemas.wide_schema(view, indicators).column_names)
            hits = len(columns & names)
            if hits > best_hits:
                best, best_hits = view, hits
    if best is None:
        raise DataValidationError(
            failures_frame(
                [
                    {
                        "file": file,
                        "row": None,
                        "column": None,
                        "check": "cannot tell which table this is; pass --table "
                        f"(one of {', '.join(TABLE_NAMES)})",
                        "value": None,
                    }
                ]
            )
        )
    return best


# --- validation ---------------------------------------------------------------


def validate(
    raw: pd.DataFrame,
    table: str,
    file: str = "<data>",
    reference: dict[str, pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Type and check a text table; return it typed, or raise with every failure.

    Row order and row count are kept exactly: nothing is dropped or sorted.
    """
    reference = reference or {}
    if table in schemas.MASTER_TABLES:
        spec = schemas.MASTER_TABLES[table]
    else:
        indicators = reference.get("indicators")
        spec = schemas.wide_schema(
            table, indicators if indicators is not None else _shipped("indicators")
        )
    distinct = checks.Distinct(raw)  # shared: hashing the id columns once
    failures, typed = checks.column_failures(raw, spec, file, distinct)
    failures += _table_failures(typed, spec, file, reference, distinct)
    if failures:
        failures.sort(key=lambda r: (r["row"] is not None, r["row"] or 0, str(r["column"])))
        raise DataValidationError(
            failures_frame(failures), summary=f"{file} is not a valid {table} table"
        )
    for col in spec.columns:  # optional columns the file left out
        if col.name not in typed.columns and col.kind == "text":
            typed[col.name] = None
    return typed


def _table_failures(
    df: pd.DataFrame,
    spec: schemas.TableSchema,
    file: str,
    reference: dict[str, pd.DataFrame],
    distinct: checks.Distinct | None = None,
) -> list[dict]:
    known = {name: set(_ids(name, frame)) for name, frame in reference.items()}
    if spec.name == "places":
        known["places"] = set(df.get("place_id", pd.Series(dtype=object)).dropna()) | known.get(
            "places", set()
        )
    out = rules.foreign_key_failures(df, spec, known, file, distinct)
    if spec.name == "indicators" and "unit" in df:
        out += rules.indicator_unit_failures(df, file)
    if spec.name == "places":
        out += rules.coordinate_failures(df, file)
    if spec.name in {"facts", "interventions"}:
        out += rules.quote_failures(df, _stored_texts(), file)
        sources = reference.get("sources")
        if sources is not None:
            kind_of = dict(zip(sources["source_id"], sources["kind"], strict=True))
            out += rules.missing_quote_failures(df, kind_of, QUOTED_KINDS, file)
    if spec.name in schemas.WIDE_VIEWS:
        out += rules.wide_key_failures(df, schemas.WIDE_KEY_COLUMNS, file)
        out += rules.wide_interval_failures(df, file)
    if spec.name == "facts":
        if {"value", "qualifier"} <= set(df.columns):
            out += rules.interval_failures(df, file)
        if "indicators" in reference and "unit" in df:
            out += rules.unit_failures(df, reference["indicators"], file, distinct)
        out += rules.duplicate_fact_failures(df, file, distinct)
    return out


def _ids(name: str, frame: pd.DataFrame) -> list[str]:
    key = {"sources": "source_id", "places": "place_id", "indicators": "indicator_id"}.get(name)
    return list(frame[key].dropna()) if key and key in frame else []
