"""What a figure carries about itself, for the figures index.

A figure drawn by ruralstudy records on the Figure object what it cites
(source ids, the publishers its caption names, the pages they were read
from), whether any row is simulated, its language and number, so that
:func:`ruralstudy.plot.save` can write the index entry beside the files
(``<stem>.json``) without asking the caller again. Stored on the Figure, not
on any DataFrame: it follows the figure wherever it goes.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from ruralstudy.provenance import pages_of, publishers_of

_RECORD_ATTR = "_ruralstudy_record"


def _record(fig: Figure) -> dict[str, Any]:
    rec = getattr(fig, _RECORD_ATTR, None)
    if rec is None:
        rec = {"source_ids": [], "publishers": [], "pages": [], "simulated": False, "langs": []}
        setattr(fig, _RECORD_ATTR, rec)
    return rec


def note_sources(
    fig: Figure, ids: list[str], table: pd.DataFrame, *, simulated: bool, lang: str
) -> None:
    """Add what one caption of ``fig`` cites to its record."""
    rec = _record(fig)
    zh_or_en = "en" if lang == "en" else "zh"
    for key, values in (
        ("source_ids", ids),
        ("publishers", publishers_of(ids, table, zh_or_en)),
        ("pages", pages_of(ids, table)),
        ("langs", [lang]),
    ):
        rec[key] = list(dict.fromkeys([*rec[key], *values]))
    rec["simulated"] = rec["simulated"] or simulated


def set_field(fig: Figure, name: str, value: object) -> None:
    """Set one field of ``fig``'s record (``title``, ``number``)."""
    _record(fig)[name] = value


def figure_record(fig: Figure) -> dict[str, Any]:
    """A copy of what ``fig`` has recorded about itself.

    >>> figure_record(ax.figure)["source_ids"]  # doctest: +SKIP
    ['gzrb-2025-10-village-governance']
    """
    rec = dict(_record(fig))
    langs = rec.pop("langs")
    rec["lang"] = langs[0] if len(set(langs)) == 1 else ("mixed" if langs else "")
    return rec
