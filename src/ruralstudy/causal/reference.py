"""Callaway and Sant'Anna's mpdta panel and R did's results on it, for validation.

The files live in data/reference/mpdta/ (see the README there for their origin).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["MPDTA_SOURCE_ID", "load_mpdta", "load_mpdta_reference", "mpdta_dir"]

# Its row in data/sources.csv, so figures drawn from mpdta cite it by themselves.
MPDTA_SOURCE_ID = "callaway-santanna-2021-mpdta"


def mpdta_dir() -> Path:
    """The folder holding mpdta.csv, R did's reference results and their README."""
    from ruralstudy.datasets import DATA_DIR

    return DATA_DIR / "reference" / "mpdta"


def load_mpdta() -> pd.DataFrame:
    """The mpdta county panel (500 US counties, 2003-2007; not Guizhou data).

    Columns year, countyreal, lpop, lemp, first.treat (0 = never treated), treat,
    and source_id (its row in data/sources.csv).

    Example
    -------
    >>> load_mpdta().shape
    (2500, 7)
    """
    return pd.read_csv(mpdta_dir() / "mpdta.csv").assign(source_id=MPDTA_SOURCE_ID)


def load_mpdta_reference(table: str = "aggte") -> pd.DataFrame:
    """R did 2.5's results on mpdta at full precision: ``"attgt"``, ``"aggte"`` or ``"pretest"``.

    Example
    -------
    >>> ref = load_mpdta_reference("aggte")
    >>> ref.query("scenario == 'mpdta_nev_dr' and type == 'simple'")["overall_att"].round(4).item()
    -0.04
    """
    files = {"attgt": "ref_attgt_R.csv", "aggte": "ref_aggte_R.csv", "pretest": "ref_pretest_R.csv"}
    if table not in files:
        raise ValueError(f"table must be one of {sorted(files)}, got {table!r}")
    return pd.read_csv(mpdta_dir() / files[table])
