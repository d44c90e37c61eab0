"""A researcher's own data project: make one, store a source text, add facts.

A data project is a folder with the five master tables (sources, places,
indicators, facts, interventions — the same columns as data/) and a
``sources/`` folder of source texts.  ``init`` makes an empty one;
``store_text`` keeps an article as ``sources/<source_id>.txt`` so quotes can
be checked against it; ``add`` appends reviewed candidate rows to its
``facts.csv`` after validating them with the rest of the data.  Switch the
project on with ``rs.use_data(folder)`` (see ``ruralstudy.datasets``).

>>> import ruralstudy as rs
>>> folder = rs.init_project("my_village")           # doctest: +SKIP
>>> rs.add_facts("my_village", "my_village/review-gzrb-2026.csv")  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ruralstudy import datasets, schemas
from ruralstudy.errors import DataValidationError, failures_frame
from ruralstudy.io import read_text_table
from ruralstudy.safe_write import OutputError, restore_cell, write_bytes, write_text

BOM = "\ufeff"  # UTF-8 with BOM: Excel then opens the Chinese text correctly
DUPLICATE_KEY = ["place_id", "indicator_id", "year", "as_of", "source_id"]

README = """\
# Data project

A ruralstudy data project: your own places, sources and facts, loaded beside
the shipped data with `rs.use_data("{folder}")`, `RURALSTUDY_DATA={folder}` or
`ruralstudy ... --data {folder}`.

| file | one row per | note |
|---|---|---|
| sources.csv | source (article, bulletin, survey) | kind, publisher, title, date, url, accessed |
| places.csv | village, township, county … | parent_id may be a shipped place |
| indicators.csv | new indicator | only if no shipped indicator fits |
| facts.csv | reported figure | value, bounds, qualifier, source_id and the verbatim quote |
| interventions.csv | dated event (what defines before and after) | with its source and quote |
| sources/ | source text, as `<source_id>.txt` | stored as seen; quotes are checked against it |

Ids must not repeat a shipped id. The columns are those of the package's
data/ tables (see its data/README.md codebook). Save as CSV UTF-8.

Typical round: add the article to sources.csv (with its date) and your village
to places.csv; `ruralstudy extract article.txt --source-id ID --data {folder}`
stores the text and writes a review file; fill place_id and indicator_id,
delete the rows you do not want, then `ruralstudy add {folder} REVIEW.csv`
and `ruralstudy validate --data {folder}`.
"""


def init_project(folder: str | Path) -> Path:
    """Make an empty data project in ``folder`` (created if missing): the five
    tables with headers only (UTF-8 with BOM), ``sources/`` and a README.
    Existing files are never overwritten: if any is there, nothing is written.

    >>> init_project("my_village")  # doctest: +SKIP
    PosixPath('my_village')
    """
    folder = Path(folder)
    if folder.resolve() == datasets.DATA_DIR.resolve():
        raise OutputError(f"refusing to write {folder}: it is the shipped data folder")
    targets = [folder / f"{name}.csv" for name in datasets.LOAD_ORDER]
    targets.append(folder / "README.md")
    present = [str(t) for t in targets if t.exists() or t.is_symlink()]
    if present:
        raise OutputError(f"not overwriting existing file(s): {', '.join(present)}")
    try:
        (folder / datasets.TEXTS_FOLDER).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror or exc}") from None
    for name in datasets.LOAD_ORDER:
        header = ",".join(schemas.MASTER_TABLES[name].column_names)
        write_text(folder / f"{name}.csv", BOM + header + "\n")
    write_text(folder / "README.md", README.format(folder=folder.as_posix()))
    return folder


def store_text(folder: str | Path, source_id: str, text: bytes) -> Path:
    """Keep ``text`` (UTF-8 bytes, exactly as read) as
    ``folder/sources/<source_id>.txt``.

    Storing the same text again is fine; a different text under the same id
    is refused, since quotes already checked against it would no longer be.

    >>> text = Path("article.txt").read_bytes()  # doctest: +SKIP
    >>> store_text("my_village", "gzrb-2026-01-05", text)  # doctest: +SKIP
    PosixPath('my_village/sources/gzrb-2026-01-05.txt')
    """
    project = Path(folder)
    if not _is_slug(source_id):
        raise OutputError(
            f"source id {source_id!r} is not a valid id (lower-case letters, digits, . _ -)"
        )
    shipped = {datasets.id_key(v) for v in datasets._shipped("sources")["source_id"]}
    if datasets.id_key(source_id) in shipped:
        raise OutputError(f"source id {source_id!r} is a shipped source; give your text its own id")
    target = project / datasets.TEXTS_FOLDER / f"{source_id}.txt"
    if target.is_file() and not target.is_symlink():
        if target.read_bytes() == text:
            return target
        raise OutputError(f"not overwriting {target}: it holds a different text for {source_id}")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {target}: no folder {target.parent} (ruralstudy init)")
    return write_bytes(target, text)


def source_date(source_id: str) -> str | None:
    """The publication date of a loaded source (shipped or project), or None.

    >>> source_date("gzrb-2025-10-village-governance")
    '2025-10'
    """
    sources = datasets.load_sources()
    dates = sources.loc[sources["source_id"] == source_id, "date"].dropna()
    return str(dates.iloc[0]) if len(dates) else None


def add_facts(folder: str | Path, review_file: str | Path) -> pd.DataFrame:
    """Append the rows of ``review_file`` (a filled review file from
    ``ruralstudy extract --data``, columns of the facts table) to
    ``folder/facts.csv``, after validating them with the shipped data and the
    rest of the project.  Nothing is written if anything fails: the
    DataValidationError lists every problem with its row in the review file.
    Returns the rows added, as validated.

    Cells the review file neutralised for spreadsheets ("'=…") are read back
    as their true text.

    >>> added = add_facts("my_village", "my_village/review-gzrb-2026.csv")  # doctest: +SKIP
    """
    project = Path(folder)
    facts_file = project / "facts.csv"
    review = Path(review_file)
    raw = read_text_table(review).map(restore_cell)
    existing = _read_facts(facts_file)
    with datasets.using_data(project):
        refs = {name: getattr(datasets, f"load_{name}")() for name in datasets.LOAD_ORDER}
        rows = _validated(raw, review, refs, facts_file)
    header = _header(existing, facts_file)
    unknown = [c for c in raw.columns if c not in header]
    if unknown:
        raise _problem(review, f"column(s) {unknown} are not in {facts_file}'s header")
    if _read_facts(facts_file) != existing:  # edited meanwhile: never lose that edit
        raise OutputError(f"{facts_file} changed while the rows were checked; run add again")
    write_bytes(facts_file, existing + _appended_rows(raw, header, existing), inputs=[review])
    return rows


def _read_facts(facts_file: Path) -> bytes:
    try:
        return facts_file.read_bytes()
    except OSError as exc:
        raise OutputError(f"cannot read {facts_file}: {exc.strerror or exc}") from None


def _validated(
    raw: pd.DataFrame, review: Path, refs: dict[str, pd.DataFrame], facts_file: Path
) -> pd.DataFrame:
    """The review rows typed and checked as facts, with the existing facts
    (shipped and project) for ids and duplicates; every problem at once."""
    if raw.empty:
        raise _problem(review, "no rows to add")
    failures: list[dict] = []
    try:
        rows = datasets.validate(raw, "facts", file=str(review), reference=refs)
    except DataValidationError as err:
        failures += err.failures.to_dict("records")
        rows = raw
    failures += _clashes(rows, refs["facts"], review, facts_file)
    if not failures:  # typed rows: would they, added, make the project fail to load?
        failures += _wide_cell_clashes(rows, refs, review, facts_file)
    if failures:
        failures.sort(key=lambda r: (r["row"] is not None, r["row"] or 0, str(r["column"])))
        summary = f"nothing added from {review}"
        raise DataValidationError(failures_frame(failures), summary=summary)
    return rows


def _clashes(rows: pd.DataFrame, facts: pd.DataFrame, review: Path, facts_file: Path) -> list[dict]:
    """New rows whose fact_id, or whose place, indicator, year, as_of and
    source, an existing fact already has, each named with that fact's file and
    row (``facts``: the shipped rows, then the project's)."""
    n_shipped = len(datasets._shipped("facts"))
    shipped_file = datasets._display(datasets.DATA_DIR / "facts.csv")

    def where(pos: int) -> str:
        if pos < n_shipped:
            return f"{shipped_file} row {pos + 2}"
        return f"{facts_file} row {pos - n_shipped + 2}"

    out = []
    ids = {datasets.id_key(v): pos for pos, v in enumerate(facts["fact_id"])}
    for idx, value in rows.get("fact_id", pd.Series(dtype=object)).items():
        if isinstance(value, str) and datasets.id_key(value) in ids:
            check = f"a fact of this id exists ({where(ids[datasets.id_key(value)])})"
            out.append(schemas.failure(str(review), idx, "fact_id", check, value))
    if set(DUPLICATE_KEY) <= set(rows.columns) and not facts.empty:
        known = {}
        for pos, r in enumerate(facts[DUPLICATE_KEY].itertuples(index=False)):
            known.setdefault(_key(r), pos)
        for idx, r in zip(rows.index, rows[DUPLICATE_KEY].itertuples(index=False), strict=True):
            if _key(r) in known:
                check = (f"an existing fact has the same place, indicator, year, as_of and "
                         f"source ({where(known[_key(r)])})")  # fmt: skip
                out.append(schemas.failure(str(review), idx, "fact_id", check,
                                           rows.at[idx, "fact_id"]))  # fmt: skip
    return out


def _wide_cell_clashes(
    rows: pd.DataFrame, refs: dict, review: Path, facts_file: Path
) -> list[dict]:
    """New rows that would share a wide-view cell with a fact, new or existing
    (the project would then not load), named with the other's file and row."""
    facts = pd.concat([refs["facts"], rows], ignore_index=True)
    n_shipped = len(datasets._shipped("facts"))
    segments = [
        (0, datasets._display(datasets.DATA_DIR / "facts.csv")),
        (n_shipped, str(facts_file)),
        (len(refs["facts"]), str(review)),
    ]
    return datasets.wide_cell_clashes(facts, refs["indicators"], segments)


def _key(values) -> tuple:
    # Text, so a typed year (2024) and a cell read as text ("2024") compare equal.
    return tuple(None if pd.isna(v) else str(v) for v in values)


def _header(existing: bytes, facts_file: Path) -> list[str]:
    try:
        text = existing.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(
            facts_file, "is not UTF-8 text; re-save it as CSV UTF-8 before adding rows"
        ) from None
    first = next(csv.reader(io.StringIO(text)), None)
    if not first:
        raise _problem(facts_file, "has no header row (ruralstudy init writes one)")
    return [c.strip() for c in first]


def _appended_rows(raw: pd.DataFrame, header: list[str], existing: bytes) -> bytes:
    """The review rows as CSV lines in ``facts.csv``'s column order, each cell
    as written in the review file (no float reformatting)."""
    newline = "\r\n" if b"\r\n" in existing else "\n"  # as Excel saved it, or as init wrote it
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=newline)
    for rec in raw.reindex(columns=header).itertuples(index=False):
        writer.writerow(["" if v is None or (isinstance(v, float) and pd.isna(v)) else v
                         for v in rec])  # fmt: skip
    lead = b"" if existing.endswith((b"\n", b"\r")) else newline.encode()
    return lead + buffer.getvalue().encode("utf-8")


def _is_slug(value: str) -> bool:
    import re

    return re.fullmatch(schemas.SLUG.strip("^$"), value) is not None


def _problem(file: Path, check: str) -> DataValidationError:
    return DataValidationError(
        failures_frame([{"file": str(file), "row": None, "column": None, "check": check}]),
        summary=f"cannot add from {file}",
    )
