"""Load the curated tables, and validate a researcher's own files the same way.

The five master tables (sources, places, indicators, facts, interventions)
ship inside the package; each loader validates its table against the schema
in ``ruralstudy.schemas`` and against the tables it refers to, and returns a
copy (the validated tables are cached for the life of the process).  The
three domain tables (land consolidation, collective economy, tourism) are
wide place-year views of the facts.

A researcher's own data project (a folder with the same five tables and a
``sources/`` folder of texts, made by ``ruralstudy init``) is switched on by
``use_data(folder)``, the environment variable ``RURALSTUDY_DATA`` or
``--data`` on the command line.  The loaders then return the shipped rows
followed by the project's, validated together: references may cross (her
village's parent may be a shipped county), ids may not collide, and quotes
are checked against the texts of either ``sources/`` folder.  The shipped
files are only ever read.

>>> import ruralstudy as rs
>>> facts = rs.load_facts()
>>> rs.use_data("my_village")  # doctest: +SKIP
>>> mine = rs.read_table("my_survey.xlsx", table="tourism")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
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
ENV_VAR = "RURALSTUDY_DATA"
TEXTS_FOLDER = "sources"  # inside a data project, as in data/
# The column that identifies a row of each master table, for id collisions.
ID_COLUMNS = {
    "sources": "source_id",
    "places": "place_id",
    "indicators": "indicator_id",
    "facts": "fact_id",
    "interventions": "intervention_id",
}
# Validated in this order, so every table's references are known first.
LOAD_ORDER = ["sources", "places", "indicators", "facts", "interventions"]

_UNSET = object()
_chosen: object = _UNSET  # set by use_data; _UNSET means "ask RURALSTUDY_DATA"
_reading: tuple = ()  # use_data's reading keywords for the project files, as sorted pairs
_validating: Path | None = None  # a project being validated, before it is chosen


# --- which data: shipped only, or shipped plus a researcher's project ---------


def use_data(folder: str | Path | None, **reading) -> Path | None:
    """Make every loader return the shipped tables plus those of ``folder``.

    The project is validated at once, together with the shipped tables; on a
    problem DataValidationError lists them all and the previous choice stays.
    ``use_data(None)`` goes back to the shipped data only (even when the
    environment variable ``RURALSTUDY_DATA`` names a folder).  Returns the
    project folder in use (absolute), or None.

    ``reading`` are ``read_table``'s keywords (``max_bytes=``, ``max_rows=``,
    ``max_cells=``, ``max_unpacked_bytes=``, ``max_ratio=``, ``hidden=``) for
    the project's files: a project past a size limit is loaded with the limit
    lifted, ``use_data("big", max_bytes=500_000_000)``.  They hold until the
    next ``use_data``; the environment variable carries none.

    >>> import ruralstudy as rs
    >>> rs.use_data("my_village")  # doctest: +SKIP
    PosixPath('/home/me/my_village')
    >>> rs.use_data(None) is None
    True
    """
    global _chosen, _reading
    options = _reading_options(reading)
    project = None if folder is None else _project_folder(folder)
    if project is not None:
        _project_tables(_fingerprint(project, options))  # raises before switching
    _chosen, _reading = project, options
    return project


def _data_choice() -> tuple:
    """What ``use_data`` chose (the report's reused kernels put it back between notebooks)."""
    return _chosen, _reading


def _set_data_choice(choice: tuple) -> None:
    global _chosen, _reading
    _chosen, _reading = choice


def _reading_options(reading: dict) -> tuple:
    """The reading keywords as a cache key, unknown names refused at once."""
    import inspect

    known = set(inspect.signature(read_text_table).parameters) - {"path", "sheet"}
    unknown = sorted(set(reading) - known)
    if unknown:
        raise TypeError(
            f"use_data() got unknown reading keyword(s) {unknown}; known: {sorted(known)}"
        )
    return tuple(sorted(reading.items()))


def data_project() -> Path | None:
    """The data project the loaders add to the shipped tables, or None.

    ``use_data`` decides when it has been called; otherwise the environment
    variable ``RURALSTUDY_DATA`` (an empty value means none).
    """
    if _chosen is not _UNSET:
        return _chosen  # type: ignore[return-value]
    env = os.environ.get(ENV_VAR, "").strip()
    return _project_folder(env) if env else None


@contextmanager
def using_data(folder: str | Path | None) -> Iterator[Path | None]:
    """``use_data(folder)`` for the length of a ``with`` block, then the
    previous choice again.

    >>> with using_data("my_village"):  # doctest: +SKIP
    ...     facts = load_facts()
    """
    global _chosen, _reading
    before = _chosen, _reading
    try:
        # The same project keeps the reading keywords it was chosen with.
        same = folder is not None and before[0] not in (_UNSET, None)
        same = same and _project_folder(folder) == before[0]
        yield use_data(folder, **dict(_reading if same else ()))
    finally:
        _chosen, _reading = before


def _project_folder(folder: str | Path) -> Path:
    path = Path(folder).expanduser().resolve()
    problems = []
    if path.exists() and not path.is_dir():
        problems.append("not a folder: a data project is a folder of five tables")
    elif not path.is_dir():
        problems.append(f"no such folder (ruralstudy init {folder} makes one)")
    elif path == DATA_DIR.resolve():
        problems.append("is the shipped data folder, which is always loaded; give your own")
    else:
        missing = [f"{name}.csv" for name in LOAD_ORDER if not (path / f"{name}.csv").is_file()]
        if missing:
            problems.append(
                f"not a data project: missing {', '.join(missing)} "
                f"(ruralstudy init writes empty ones)"
            )
    if problems:
        raise DataValidationError(
            failures_frame([_whole_file(str(path), p) for p in problems]),
            summary=f"cannot use {folder} as a data project",
        )
    return path


def _fingerprint(project: Path, reading: tuple | None = None) -> tuple:
    """The project folder with the size and time of each of its files, so the
    cache is refreshed when a file changes (``ruralstudy add``, an edit), and
    the reading keywords its files are read with (default: use_data's)."""
    files = [project / f"{name}.csv" for name in LOAD_ORDER]
    files += sorted((project / TEXTS_FOLDER).glob("*.txt"))
    stamp = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue  # reported as missing when read
        stamp.append((f.name, st.st_size, st.st_mtime_ns))
    if reading is None:  # the keywords belong to the project use_data chose
        reading = _reading if _chosen == project else ()
    return (project, tuple(stamp), reading)


# --- the loaders ----------------------------------------------------------------


def load_sources() -> pd.DataFrame:
    """Every source a number comes from (kind, publisher, title, date, url …)."""
    return _active("sources").copy()


def load_places() -> pd.DataFrame:
    """Administrative units with their hierarchy and WGS84 coordinates."""
    return _active("places").copy()


def load_indicators() -> pd.DataFrame:
    """What each fact measures: names in Chinese and English, unit, domain."""
    return _active("indicators").copy()


def load_facts() -> pd.DataFrame:
    """The master table: one reported figure per row, with bounds and source.

    >>> facts = load_facts()
    >>> sorted(facts.columns)[:3]
    ['as_of', 'fact_id', 'indicator_id']
    """
    return _active("facts").copy()


def load_interventions() -> pd.DataFrame:
    """Dated events that define 'before' and 'after' for a place."""
    return _active("interventions").copy()


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
    indicators = _active("indicators")  # shipped, then the active project's
    domain_ids = indicators.loc[indicators["domain"] == schemas.WIDE_VIEWS[view], "indicator_id"]
    facts = _active("facts")
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


def _active(name: str) -> pd.DataFrame:
    """A master table as the loaders return it: shipped rows, then the
    active project's (cached until a project file changes)."""
    project = data_project()
    if project is None:
        return _shipped(name)
    return _project_tables(_fingerprint(project))[name]


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


@lru_cache(maxsize=2)  # an edited project is a new key; keep few stale copies in memory
def _project_tables(fingerprint: tuple) -> dict[str, pd.DataFrame]:
    """Shipped plus project tables, each project file validated against the
    combined tables it refers to; every problem of every file raised at once."""
    global _validating
    project, _, reading = fingerprint
    combined: dict[str, pd.DataFrame] = {}
    failures: list[dict] = _text_collisions(project)
    _validating, before = project, _validating  # its quotes are checked against its texts
    try:
        failures += _validated_project(project, combined, reading)
    finally:
        _validating = before
    if failures:
        raise DataValidationError(
            failures_frame(failures), summary=f"data project {project} is not valid"
        )
    return combined


def _validated_project(
    project: Path, combined: dict[str, pd.DataFrame], reading: tuple = ()
) -> list[dict]:
    """Fill ``combined`` with shipped-plus-project tables; the project's failures
    (its files read with the ``reading`` keywords, as pairs)."""
    failures: list[dict] = []
    for name in LOAD_ORDER:
        path = project / f"{name}.csv"
        try:
            raw = read_text_table(path, **dict(reading))
        except DataValidationError as err:
            failures += err.failures.to_dict("records")
            combined[name] = _shipped(name)
            continue
        # A project place's parent may be shipped: places refer to the shipped places too.
        deps = {t: combined.get(t, _shipped(t)) for t in _references(name)}
        try:
            own = validate(raw, name, file=str(path), reference=deps)
        except DataValidationError as err:
            failures += err.failures.to_dict("records")
            own = raw  # its ids still serve the tables that refer to it
        failures += _id_collisions(name, own, path)
        if name == "facts":
            failures += _repeated_shipped_facts(own, path)
        combined[name] = _stack(_shipped(name), own)
        if name == "facts" and own is not raw:  # typed: years compare with the shipped ones
            failures += _wide_cell_clashes(combined["facts"], combined["indicators"], path)
    return failures


def _wide_cell_clashes(facts: pd.DataFrame, indicators: pd.DataFrame, path: Path) -> list[dict]:
    """Project facts that would fill the same cell of a wide view as another
    fact, shipped or her own: checked at load, so that ``validate --data``
    finds what ``rs.load_tourism()`` would refuse."""
    n_shipped = len(_shipped("facts"))
    segments = [(0, _display(DATA_DIR / "facts.csv")), (n_shipped, str(path))]
    return wide_cell_clashes(facts, indicators, segments)


def wide_cell_clashes(
    facts: pd.DataFrame, indicators: pd.DataFrame, segments: list[tuple[int, str]]
) -> list[dict]:
    """Facts of the last of ``segments`` that would fill the same cell of a
    wide view (same place, year, source and indicator of a view's domain) as
    another fact, each named with the other's file and row.

    ``facts`` is the rows of several files one after another (a 0..n-1
    index); ``segments`` gives each file's first index and name, in order.
    """
    first_new, new_file = segments[-1]
    if len(facts) == first_new:
        return []
    view_of_domain = {domain: view for view, domain in schemas.WIDE_VIEWS.items()}
    view_of = indicators.set_index("indicator_id")["domain"].map(view_of_domain).dropna()
    key = [*schemas.WIDE_KEY_COLUMNS, "indicator_id"]
    f = facts[facts["indicator_id"].isin(set(view_of.index))]
    f = f[f.duplicated(subset=key, keep=False)]

    def where(i: int) -> str:
        start, file = max((s for s in segments if s[0] <= i), key=lambda s: s[0])
        return f"row {i - start + 2}" if file == new_file else f"{file} row {i - start + 2}"

    out = []
    for members in f.groupby(key, dropna=False, sort=False).indices.values():
        rows = [int(f.index[m]) for m in members]
        view = view_of[facts.at[rows[0], "indicator_id"]]
        for i in (r for r in rows if r >= first_new):
            others = ", ".join(where(o) for o in rows if o != i)
            check = (f"same place, year, source and indicator as {others}: two versions of "
                     f"one cell of the {view} view (rs.load_{view}()); keep one")  # fmt: skip
            out.append(schemas.failure(new_file, i - first_new, "fact_id", check,
                                       facts.at[i, "fact_id"]))  # fmt: skip
    return out


def _stack(shipped: pd.DataFrame, own: pd.DataFrame) -> pd.DataFrame:
    """Shipped rows then the project's, in the shipped column order."""
    if own.empty:
        return shipped
    own = own.reindex(columns=shipped.columns.union(own.columns, sort=False))
    for col in shipped.columns:  # an empty or missing optional column keeps its dtype
        if own[col].isna().all():
            own[col] = pd.Series(
                pd.NA if shipped[col].dtype == "Int64" else None,
                index=own.index,
                dtype=shipped[col].dtype,
            )
    return pd.concat([shipped, own], ignore_index=True)


def id_key(value: str) -> str:
    """The form ids are compared in across files: ids that differ only by
    width, case or surrounding space are one id.

    >>> id_key(" Chetian-２０２５ ") == id_key("chetian-2025")
    True
    """
    return unicodedata.normalize("NFKC", value).strip().casefold()


def _id_collisions(name: str, own: pd.DataFrame, path: Path) -> list[dict]:
    column = ID_COLUMNS[name]
    if column not in own or own.empty:
        return []
    shipped = _shipped(name)[column]
    shipped_keys = shipped.dropna().map(id_key)
    own_keys = own[column].map(id_key, na_action="ignore")
    return _shipped_matches(
        own_keys, shipped_keys, own[column], path, column, name,
        "id already used by {where}; ids must be unique across the shipped data and the project",
    )  # fmt: skip


def _repeated_shipped_facts(own: pd.DataFrame, path: Path) -> list[dict]:
    """Project facts that repeat a shipped one under another fact_id (same
    place, indicator, year, as_of and source, as schemas.duplicate_fact_failures)."""
    key = ["place_id", "indicator_id", "year", "as_of", "source_id"]
    if own.empty or not set(key) <= set(own.columns):
        return []
    own_codes, shipped_codes = _row_codes(own, _shipped("facts"), key)
    return _shipped_matches(
        own_codes, shipped_codes, own["fact_id"], path, "fact_id", "facts",
        "the same figure as {where} (same place, indicator, year, as_of and source)",
    )  # fmt: skip


def _row_codes(own: pd.DataFrame, shipped: pd.DataFrame, key: list[str]):
    """One integer per row of each frame, equal where the ``key`` cells are;
    compared as text, so a typed year (2024) equals a cell read as "2024"."""
    both = pd.concat([shipped[key], own[key]], ignore_index=True).astype("string")
    codes = both.groupby(key, dropna=False, sort=False).ngroup().to_numpy()
    return (
        pd.Series(codes[len(shipped) :], index=own.index),
        pd.Series(codes[: len(shipped)], index=shipped.index),
    )


def _shipped_matches(
    own_keys: pd.Series,
    shipped_keys: pd.Series,
    values: pd.Series,
    path: Path,
    column: str,
    table: str,
    check: str,
) -> list[dict]:
    """A failure for each project row whose key a shipped row has, naming
    that row ``{where}`` (vectorised: projects may hold 100,000s of rows)."""
    first = pd.Series(shipped_keys.index, index=shipped_keys.values)
    first = first[~first.index.duplicated()]
    hits = own_keys.notna() & own_keys.isin(first.index)
    shipped_file = _display(DATA_DIR / f"{table}.csv")
    return [
        schemas.failure(
            str(path), idx, column,
            check.format(where=f"{shipped_file} row {first[own_keys[idx]] + 2}"), values[idx],
        )
        for idx in own_keys.index[hits]
    ]  # fmt: skip


def _text_collisions(project: Path) -> list[dict]:
    shipped = {id_key(p.stem) for p in TEXTS_DIR.glob("*.txt")}
    return [
        _whole_file(str(p), f"a source text of this id is shipped ({_display(TEXTS_DIR)})")
        for p in sorted((project / TEXTS_FOLDER).glob("*.txt"))
        if id_key(p.stem) in shipped
    ]


def _whole_file(file: str, check: str) -> dict:
    return {"file": file, "row": None, "column": None, "check": check, "value": None}


def _references(name: str) -> set[str]:
    table = schemas.MASTER_TABLES[name]
    refs = set(table.foreign_keys.values())
    if name == "facts":
        refs.add("indicators")
    if name in {"facts", "interventions"}:
        refs.add("sources")
    return refs


def _stored_texts() -> dict[str, str]:
    """Source texts kept as <source_id>.txt in data/sources/ and, when a data
    project is active, in its sources/ folder: to check quotes against."""
    texts = dict(_texts_in(TEXTS_DIR, ()))
    project = _validating or data_project()
    if project is not None:
        folder = project / TEXTS_FOLDER
        texts.update(_texts_in(folder, _fingerprint(project)[1]))
    return texts


@lru_cache(maxsize=8)
def _texts_in(folder: Path, stamp: tuple) -> tuple[tuple[str, str], ...]:
    # ``stamp`` (names, sizes and times of the files) is part of the cache key only.
    return tuple((p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt")))


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
    **reading,
) -> pd.DataFrame:
    """Read and validate a researcher's CSV (UTF-8 or GB18030/GBK) or XLSX file.

    ``table`` is one of the master tables (sources, places, indicators, facts,
    interventions) or a wide view (land_consolidation, collective_economy,
    tourism).  Ids are checked against the loaded tables (the shipped ones,
    plus the active data project's, see ``use_data``) and any given in
    ``reference`` (e.g. ``{"places": my_places}`` for your own villages).
    ``sheet`` names the sheet of a workbook that has data on several.

    ``reading`` are the keywords of ``ruralstudy.io.read_text_table``:
    ``hidden="read"`` reads a workbook's hidden rows, columns and sheets
    (refused by default), and ``max_bytes``, ``max_rows``, ``max_cells``,
    ``max_unpacked_bytes`` and ``max_ratio`` lift the size limits
    (docs/reading-files.md gives their defaults).

    Raises DataValidationError listing every problem with file, row, column.

    >>> df = read_table("my_facts.csv", table="facts")  # doctest: +SKIP
    >>> big = read_table(  # doctest: +SKIP
    ...     "all_facts.csv", max_bytes=500_000_000, max_cells=20_000_000
    ... )
    """
    _check_table_name(table)
    raw = read_text_table(path, sheet, **reading)
    return validate(raw, table, file=str(path), reference=_known_tables(reference))


def validate_file(
    path: str | Path, table: str | None = None, sheet: str | None = None, **reading
) -> pd.DataFrame:
    """Every problem in a file as a DataFrame (file, row, column, check, value);
    empty when the file is valid.  ``table`` defaults to the one whose columns
    the file has; ``reading`` are ``read_table``'s (``hidden=``, ``max_*=``)."""
    if table is not None:
        _check_table_name(table)
    try:
        raw = read_text_table(path, sheet, **reading)
        table = table or guess_table(raw, str(path))
        validate(raw, table, file=str(path), reference=_known_tables(None))
    except DataValidationError as err:
        return err.failures
    return failures_frame([])


def _check_table_name(table: str) -> None:
    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; expected one of {TABLE_NAMES}")


def _known_tables(reference: dict[str, pd.DataFrame] | None) -> dict[str, pd.DataFrame]:
    """The loaded tables a file's ids may refer to, plus the caller's own."""
    refs = {name: _active(name) for name in schemas.MASTER_TABLES if name != "facts"}
    for name, df in (reference or {}).items():
        refs[name] = pd.concat(
            [f for f in (refs.get(name), df) if f is not None], ignore_index=True
        )
    return refs


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
    indicators = _active("indicators")
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
            table, indicators if indicators is not None else _active("indicators")
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
