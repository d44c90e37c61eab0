"""The ``ruralstudy`` command: init | validate | extract | add | report | profile.

Every command that reads the data takes ``--data DIR`` (a researcher's data
project, see ``ruralstudy.datasets.use_data``); without it the environment
variable ``RURALSTUDY_DATA`` decides.  The choice is also put in the
environment, so notebooks run by ``report`` see the same data.

Errors a user can fix (bad data, a file that cannot be written) end in a
message and a non-zero exit, never a traceback: 1 for invalid data, 2 for a
file that cannot be read or written.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import warnings
from pathlib import Path

from ruralstudy.datasets import ENV_VAR
from ruralstudy.errors import DataValidationError, HiddenCellsWarning, format_failure
from ruralstudy.safe_write import OutputError
from ruralstudy.schemas import MASTER_TABLES, WIDE_VIEWS

TABLE_NAMES = [*MASTER_TABLES, *WIDE_VIEWS]
MAX_TEXT_BYTES = 64 * 2**20  # a news text is kilobytes; a stray video or disk image is not


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "add" and len(args.paths) == 2 and args.data is None:
        args.data = args.paths[0]  # `add DIR REVIEW.csv`: DIR is the project, whatever the env says
    handler = {
        "init": _init,
        "validate": _validate,
        "extract": _extract,
        "add": _add,
        "report": _report,
        "profile": _profile,
    }
    try:
        with warnings.catch_warnings():
            _notices_as_lines()
            if hasattr(args, "data"):  # the commands that read the tables
                _use_data(args.data, _reading_keywords(args) if hasattr(args, "hidden") else {})
            return handler[args.command](args)
    except BrokenPipeError:  # `ruralstudy profile 车田村 | head` is fine
        # As the Python docs advise: point stdout at devnull so the flush at exit is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except DataValidationError as err:
        print(err, file=sys.stderr)
        return 1
    except (CommandError, OutputError, OSError) as exc:
        print(_one_line(exc), file=sys.stderr)
        return 2


class CommandError(Exception):
    """A request the command refuses (message: one line for the user)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ruralstudy", description="Source-traced village revitalisation data."
    )
    # One --data for every command that reads the tables, declared once.
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help=f"your data project (from `ruralstudy init`), loaded beside the shipped "
        f"data (default: ${ENV_VAR})",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "init",
        help="make an empty data project for your own villages",
        usage="ruralstudy init [-h] [--data DIR] [DIR]",
    )
    p.add_argument(
        "folder", type=Path, nargs="?", metavar="DIR",
        help=f"the folder to create (else --data DIR or ${ENV_VAR})",
    )  # fmt: skip
    # Its own dest: the project does not exist yet, so main() must not load it.
    p.add_argument("--data", type=Path, dest="new_project", metavar="DIR", help="the same as DIR")

    p = sub.add_parser(
        "validate",
        parents=[data],
        help="check data files against the ruralstudy schemas "
        "(no files: the whole data project given by --data, read with the same options)",
    )
    p.add_argument("files", nargs="*", type=Path)
    p.add_argument(
        "--table", choices=TABLE_NAMES, help="table name (default: guessed from the columns)"
    )
    p.add_argument("--sheet", help="sheet of an XLSX workbook with data on several")
    _reading_options(p)

    p = sub.add_parser(
        "extract",
        parents=[data],
        help="Chinese text -> candidate fact rows (CSV); with --data, stores the text "
        "in DIR/sources/ and writes a review file in DIR",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--source-id", help="source_id for the rows (default: the file's name)")
    p.add_argument(
        "-o", "--output", type=Path,
        help="CSV to write (default: standard output, or DIR/review-ID.csv with --data)",
    )  # fmt: skip

    p = sub.add_parser(
        "add",
        parents=[data],
        help="append the rows of a filled review file to DIR/facts.csv",
        usage="ruralstudy add [-h] [--data DIR] [DIR] REVIEW.csv",
    )
    p.add_argument(
        "paths", type=Path, nargs="+", metavar="[DIR] REVIEW.csv",
        help="the project folder (else --data DIR or $RURALSTUDY_DATA) and the review file",
    )  # fmt: skip

    p = sub.add_parser(
        "report",
        parents=[data],
        help="execute the notebooks and village profiles; write HTML and figures",
    )
    p.add_argument("--notebooks", type=Path, default=Path("notebooks"))
    p.add_argument("--out", type=Path, default=Path("reports"))
    p.add_argument("--jobs", type=int, help="notebooks run at once (default: cores, at most 4)")
    p.add_argument(
        "--no-profiles", action="store_true", help="skip the village profiles (notebooks only)"
    )

    p = sub.add_parser(
        "profile", parents=[data], help="a place's case study as an HTML page (or --text)"
    )
    p.add_argument("place", help="place_id, Chinese name or pinyin, e.g. 车田村 or Chetian")
    p.add_argument("--out", type=Path, default=Path("profiles"), help="folder for the page")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="both")
    p.add_argument("--intervention", help="intervention_id that splits before from after")
    p.add_argument("--text", action="store_true", help="print every fact as plain text instead")
    return parser


def _reading_options(p: argparse.ArgumentParser) -> None:
    """read_text_table's keywords (docs/reading-files.md): hidden parts of a
    workbook, and the size limits a large file may need lifted."""
    from ruralstudy import io

    p.add_argument(
        "--hidden",
        choices=["refuse", "read"],
        default="refuse",
        help="hidden rows, columns or sheets of a workbook: refuse the file (default) or read them",
    )
    limits = (
        ("--max-bytes", int, io.MAX_BYTES, "bytes of the file"),
        ("--max-rows", int, io.MAX_ROWS, "rows of the table"),
        ("--max-cells", int, f"{io.MAX_CELLS_CSV:,} in a CSV, {io.MAX_CELLS_XLSX:,} in an XLSX",
         "cells of the table"),
        ("--max-unpacked-bytes", int, io.MAX_UNPACKED_BYTES, "unpacked bytes of an XLSX"),
        ("--max-ratio", float, io.MAX_RATIO, "compression ratio of an XLSX member"),
    )  # fmt: skip
    for flag, kind, default, what in limits:
        shown = f"{default:,}" if isinstance(default, int) else default
        p.add_argument(flag, type=kind, metavar="N", help=f"at most N {what} (default {shown})")


def _reading_keywords(args) -> dict:
    """The reading options given on the command line, as read_text_table's keywords."""
    names = ("max_bytes", "max_rows", "max_cells", "max_unpacked_bytes", "max_ratio")
    given = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    return {"hidden": args.hidden, **given}


def _notices_as_lines() -> None:
    """Reading notices (hidden cells read as asked) as one line each on
    standard error, in place of Python's warning format (inside catch_warnings)."""
    warnings.filterwarnings("default", category=HiddenCellsWarning)
    shown = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, HiddenCellsWarning):
            print(f"note: {message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    warnings.showwarning = show


def _use_data(folder: Path | None, reading: dict) -> None:
    """--data (or RURALSTUDY_DATA): validate the project, its files read with
    the command's reading options (validate's --max-* and --hidden), switch
    the loaders to it, and pass it on to child processes (notebook kernels)
    through the environment, as an absolute path since kernels run in
    another folder."""
    if folder is None:
        env = os.environ.get(ENV_VAR, "").strip()
        if not env:
            return
        folder = Path(env)
    from ruralstudy.datasets import use_data

    project = use_data(folder, **reading)
    os.environ[ENV_VAR] = str(project)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, OutputError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _init(args) -> int:
    from ruralstudy.project import init_project

    if args.folder and args.new_project and args.folder.resolve() != args.new_project.resolve():
        raise CommandError(f"init: DIR {args.folder} and --data {args.new_project} differ")
    env = os.environ.get(ENV_VAR, "").strip()
    folder = args.folder or args.new_project or (Path(env) if env else None)
    if folder is None:
        raise CommandError("init: which folder? give DIR (init DIR) or --data DIR")
    folder = init_project(folder)
    print(f"empty data project in {folder}: see {folder / 'README.md'}")
    return 0


def _validate(args) -> int:
    from ruralstudy.datasets import data_project, load_facts, using_data, validate_file

    if not args.files:
        project = data_project()
        if project is None:
            print("nothing to validate: give files, or --data DIR", file=sys.stderr)
            return 2
        # Loading validates every table of the project with the shipped ones.
        total = len(load_facts())
        with using_data(None):
            own = total - len(load_facts())
        print(f"{project}: OK ({own} facts of its own, {total} with the shipped ones)")
        return 0
    bad = 0
    for path in args.files:
        failures = validate_file(path, args.table, args.sheet, **_reading_keywords(args))
        if len(failures):
            bad += 1
            for rec in failures.to_dict("records"):
                print(format_failure(rec))
        else:
            print(f"{path}: OK")
    return 1 if bad else 0


def _extract(args) -> int:
    from ruralstudy.extract import fact_candidates
    from ruralstudy.safe_write import csv_bytes, write_csv

    source_id = args.source_id or _slug(args.file.stem)
    output = _extract_target(args, source_id)
    raw = _read_article(args.file)
    rows = fact_candidates(raw.decode("utf-8-sig"), source_id)
    if args.data is not None:
        from ruralstudy.project import source_date, store_text

        print(f"text stored as {store_text(args.data, source_id, raw)}")
        # as_of is the date the source reports a figure: its publication date (data/README.md).
        date = source_date(source_id)
        if date:
            rows["as_of"] = date
    if output is None:
        # Standard output is often redirected into a .csv: spreadsheet-safe too, no BOM.
        sys.stdout.write(csv_bytes(rows, encoding="utf-8").decode("utf-8"))
        sys.stdout.flush()
        return 0
    write_csv(rows, output, inputs=[args.file])
    print(f"{len(rows)} candidate rows -> {output}")
    if args.data is not None:
        print(_next_step(rows, source_id, args.data, output))
    return 0


def _next_step(rows, source_id: str, data: Path, review: Path) -> str:
    dated = len(rows) and rows["as_of"].astype(bool).all()
    todo = "place_id and indicator_id" if dated else (
        f"place_id, indicator_id and as_of ({source_id} has no date in {data / 'sources.csv'})"
    )  # fmt: skip
    return (
        f"next: fill {todo}; delete the rows you do not keep; then `ruralstudy add {data} {review}`"
    )


def _extract_target(args, source_id: str) -> Path | None:
    """Where extract writes (None: standard output), refused before any work."""
    from ruralstudy.safe_write import check_target

    output = args.output
    if args.data is not None:
        if not args.source_id:
            raise CommandError("extract --data needs --source-id (the id the text is stored as)")
        if output is None:
            output = args.data / f"review-{source_id}.csv"
            if output.exists() or output.is_symlink():
                raise CommandError(
                    f"not overwriting {output} (it may hold your review): delete it or give -o"
                )
    if output is not None:
        check_target(output, inputs=[args.file])
    return output


def _read_article(path: Path) -> bytes:
    """The text's bytes, checked to be UTF-8; a FIFO or a device is refused
    (it could hang or never end) and so is a file over MAX_TEXT_BYTES."""
    try:
        if not path.is_file():
            kind = "no such file" if not path.exists() else "not a regular file"
            raise CommandError(f"{path}: {kind}")
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise CommandError(f"{path}: over {MAX_TEXT_BYTES // 2**20} MiB; not a news text")
        raw = path.read_bytes()
        raw.decode("utf-8-sig")
    except OSError as exc:
        raise CommandError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 first"
        ) from None
    return raw


def _add(args) -> int:
    from ruralstudy.datasets import data_project
    from ruralstudy.project import add_facts

    if len(args.paths) > 2:
        raise CommandError("add takes a project folder and one review file: add [DIR] REVIEW.csv")
    *given, review = args.paths
    folder = given[0] if given else data_project()  # --data or RURALSTUDY_DATA, made absolute
    if folder is None:
        raise CommandError("add: which project? give DIR (add DIR REVIEW.csv) or --data DIR")
    if given and args.data.resolve() != given[0].resolve():
        raise CommandError(f"add: DIR {given[0]} and --data {args.data} differ; give one")
    rows = add_facts(folder, review)
    print(f"{len(rows)} fact(s) added to {Path(folder) / 'facts.csv'}")
    return 0


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-._")
    return slug or "unknown-source"


def _without_iri_grammars() -> None:
    """Spare this process the import of rfc3987-syntax (1.5-2 s of CPU, most of the
    report's start).

    nbformat imports jsonschema, whose format checkers import rfc3987-syntax when it
    is installed (jupyterlab brings it), and that builds some forty Earley parsers
    at import (jsonschema issue #1428). Notebook schemas check no "iri" format, so
    jsonschema then simply leaves that checker out. Only in this command's process:
    a library user who calls ``rs.report.build`` keeps the checker.
    """
    # A None entry makes `import rfc3987_syntax` raise ImportError, which jsonschema
    # expects of an optional dependency; setdefault: never undo an import already made.
    sys.modules.setdefault("rfc3987_syntax", None)


def _report(args) -> int:
    _without_iri_grammars()
    from ruralstudy.report import ReportError, build

    if args.jobs is not None and args.jobs < 1:
        print("report: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        written = build(args.notebooks, args.out, profiles=not args.no_profiles, jobs=args.jobs)
    except ReportError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"report: interrupted; {args.out} is left as it was", file=sys.stderr)
        return 130
    print(f"{len(written)} files -> {args.out / 'index.html'}")
    return 0


def _profile(args) -> int:
    from ruralstudy.case_study import PlaceLookupError, UnknownPlace, find_place
    from ruralstudy.datasets import data_project

    try:
        place = find_place(args.place)
    except PlaceLookupError as exc:
        print(f"profile: {exc}", file=sys.stderr)
        if isinstance(exc, UnknownPlace) and data_project() is None:
            # The likeliest slip: her village is in her project, which was not named.
            print(f"(only the shipped data are loaded: is it in your project? "
                  f"--data DIR or {ENV_VAR}=DIR)", file=sys.stderr)  # fmt: skip
        return 1
    if args.text:
        return _profile_text(place)
    _without_iri_grammars()
    from ruralstudy.report import ReportError, build_profile

    try:
        build_profile(place["place_id"], args.out, lang=args.lang,
                      intervention_id=args.intervention)  # fmt: skip
    except ReportError as exc:
        print(f"profile: {exc}", file=sys.stderr)
        return 1
    return 0


def _profile_text(place) -> int:
    import pandas as pd

    from ruralstudy.datasets import load_facts, load_indicators

    facts = load_facts().merge(load_indicators()[["indicator_id", "name_en"]], on="indicator_id")
    rows = facts[facts["place_id"] == place.place_id]
    print(f"{place.name_zh} {place.name_en} ({place.place_id}): {len(rows)} facts")
    for f in rows.itertuples():
        year = "" if pd.isna(f.year) else int(f.year)
        bounds = f"[{_bound(f.lower)}, {_bound(f.upper)}]"
        shown = f.text if isinstance(f.text, str) and f.text else f"{f.value:g}"
        what = f"{f.name_en}: {shown} {bounds} {f.unit}"
        print(f"  {year:>6}  {what}  ({f.source_id})")
    return 0


def _bound(x) -> str:
    return "" if x != x else f"{x:g}"  # NaN: no bound


if __name__ == "__main__":
    raise SystemExit(main())
