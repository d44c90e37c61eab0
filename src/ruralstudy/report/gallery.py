"""The figures a build saved: read from the sidecars ``rs.plot.save`` writes.

Beside ``<stem>.png/.svg/.pdf`` the plot layer writes ``<stem>.json`` with
title, caption, source_ids, publishers, simulated, lang, files (and
optionally number and notes). This module turns those into one row per figure for the
index's gallery and for ``figures/figures.csv``. A figure saved without a
sidecar (an older plot layer, a figure saved by hand) is still listed, with
its stem as title and its caption and simulated flag unknown, so nothing a
notebook saved goes missing from the index; a sidecar that is not valid
JSON, or holds a key of the wrong type, is an error naming the file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ruralstudy.report.errors import ReportError

COLUMNS = ["notebook", "stem", "title", "caption", "source_ids", "publishers", "simulated",
           "lang", "png", "svg", "pdf"]  # fmt: skip
FORMATS = ("png", "svg", "pdf")
LIST_SEP = "; "
_TYPES = {"title": str, "caption": str, "lang": str, "source_ids": list, "publishers": list,
          "simulated": bool, "files": list, "number": int, "notes": list}  # fmt: skip
_JSON_NAMES = {str: "a string", list: "a list", bool: "true or false", int: "an integer"}
# Cells beginning with these run as formulas in a spreadsheet (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_sidecar(path: Path) -> dict:
    """The sidecar's keys, type-checked; missing keys are absent from the result."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReportError(f"{path}: not a readable figure sidecar (JSON): {exc}") from None
    if not isinstance(data, dict):
        raise ReportError(f"{path}: a figure sidecar must be a JSON object")
    for key, kind in _TYPES.items():
        if key in data and data[key] is not None and not isinstance(data[key], kind):
            wanted = _JSON_NAMES[kind]
            raise ReportError(f"{path}: {key!r} must be {wanted}, got {data[key]!r}")
    return data


def figure_rows(figures: Path, notebook_of: dict[str, str]) -> list[dict]:
    """One row per saved figure under ``figures`` (found by its PNG, SVG or PDF).

    ``notebook_of`` maps a figure's relative stem (``06_cases/chetian_timeline``)
    to the page that made it. Paths in the rows are relative to ``figures``.
    """
    stems = sorted({p.relative_to(figures).with_suffix("").as_posix()
                    for fmt in FORMATS for p in figures.rglob(f"*.{fmt}")})  # fmt: skip
    rows = []
    for stem in stems:
        meta = {}
        sidecar = figures / f"{stem}.json"
        if sidecar.is_file():
            meta = read_sidecar(sidecar)
        row = {
            "notebook": notebook_of.get(stem, ""),
            "stem": stem,
            "title": meta.get("title") or Path(stem).name,
            "caption": meta.get("caption") or "",
            "source_ids": list(meta.get("source_ids") or []),
            "publishers": list(meta.get("publishers") or []),
            "simulated": meta.get("simulated"),  # None: no sidecar says
            "lang": meta.get("lang") or "",
            "number": meta.get("number"),
            "notes": [str(n) for n in meta.get("notes") or []],
        }
        for fmt in FORMATS:
            row[fmt] = f"{stem}.{fmt}" if (figures / f"{stem}.{fmt}").is_file() else ""
        rows.append(row)
    return rows


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR gets an apostrophe.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("数据来源")
    ("'=HYPERLINK(1)", '数据来源')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def figures_csv(rows: list[dict]) -> str:
    """``figures.csv``: the COLUMNS, lists joined by "; ", simulated as true/false/empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = []
        for col in COLUMNS:
            value = row[col]
            if isinstance(value, list):
                value = LIST_SEP.join(str(v) for v in value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            elif value is None:
                value = ""
            cells.append(spreadsheet_safe(str(value)))
        writer.writerow(cells)
    return buffer.getvalue()
