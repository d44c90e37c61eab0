"""The ``ruralstudy`` command: validate | extract | report | profile."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from ruralstudy.errors import format_failure
from ruralstudy.schemas import MASTER_TABLES, WIDE_VIEWS

TABLE_NAMES = [*MASTER_TABLES, *WIDE_VIEWS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ruralstudy", description="Source-traced village revitalisation data."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check data files against the ruralstudy schemas")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument(
        "--table", choices=TABLE_NAMES, help="table name (default: guessed from the columns)"
    )
    p.add_argument("--sheet", help="sheet of an XLSX workbook with data on several")

    p = sub.add_parser("extract", help="Chinese text -> candidate fact rows (CSV)")
    p.add_argument("file", type=Path)
    p.add_argument("--source-id", help="source_id for the rows (default: the file's name)")
    p.add_argument("-o", "--output", type=Path, help="CSV to write (default: standard output)")

    p = sub.add_parser(
        "report", help="execute the notebooks and village profiles; write HTML and figures"
    )
    p.add_argument("--notebooks", type=Path, default=Path("notebooks"))
    p.add_argument("--out", type=Path, default=Path("reports"))
    p.add_argument("--jobs", type=int, help="notebooks run at once (default: cores, at most 4)")
    p.add_argument(
        "--no-profiles", action="store_true", help="skip the village profiles (notebooks only)"
    )

    p = sub.add_parser("profile", help="a place's case study as an HTML page (or --text)")
    p.add_argument("place", help="place_id, Chinese name or pinyin, e.g. 车田村 or Chetian")
    p.add_argument("--out", type=Path, default=Path("profiles"), help="folder for the page")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="both")
    p.add_argument("--intervention", help="intervention_id that splits before from after")
    p.add_argument("--text", action="store_true", help="print every fact as plain text instead")

    args = parser.parse_args(argv)
    handler = {"validate": _validate, "extract": _extract, "report": _report, "profile": _profile}
    try:
        return handler[args.command](args)
    except BrokenPipeError:  # `ruralstudy profile 车田村 | head` is fine
        # As the Python docs advise: point stdout at devnull so the flush at exit is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _validate(args) -> int:
    from ruralstudy.datasets import validate_file

    bad = 0
    for path in args.files:
        failures = validate_file(path, args.table, args.sheet)
        if len(failures):
            bad += 1
            for rec in failures.to_dict("records"):
                print(format_failure(rec))
        else:
            print(f"{path}: OK")
    return 1 if bad else 0


def _extract(args) -> int:
    from ruralstudy.extract import fact_candidates

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.file}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
        return 2
    rows = fact_candidates(text, args.source_id or _slug(args.file.stem))
    if args.output:
        # utf-8-sig: the BOM makes Excel open the Chinese text correctly.
        rows.to_csv(args.output, index=False, encoding="utf-8-sig")
        print(f"{len(rows)} candidate rows -> {args.output}")
        return 0
    rows.to_csv(sys.stdout, index=False)
    sys.stdout.flush()
    return 0


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-._")
    return slug or "unknown-source"


def _report(args) -> int:
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
    from ruralstudy.case_study import PlaceLookupError, find_place

    try:
        place = find_place(args.place)
    except PlaceLookupError as exc:
        print(f"profile: {exc}", file=sys.stderr)
        return 1
    if args.text:
        return _profile_text(place)
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
