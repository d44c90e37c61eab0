"""Candidate rows beside the curated facts of the same source: what a curator kept.

>>> import ruralstudy as rs
>>> from ruralstudy.extract import fact_candidates, review_candidates
>>> text = "车田村整合300亩撂荒地。"
>>> review_candidates(fact_candidates(text, "demo"), rs.load_facts())["status"].tolist()
['not curated']
"""

from __future__ import annotations

import math

import pandas as pd

from ruralstudy.schemas import squeeze_whitespace

REVIEW_COLUMNS = [
    "status", "text", "value", "lower", "upper", "unit",
    "fact_id", "fact_value", "fact_lower", "fact_upper", "fact_unit", "quote",
]  # fmt: skip
# In the order a curator reads them: agreements, then what needs a look.
STATUSES = [
    "curated",
    "curated, unit differs",
    "curated, values differ",
    "not curated",
    "missed by extractor",
]


def review_candidates(candidates: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate and per curated fact of its source that no candidate found.

    A candidate and a fact pair up when one's span contains the other's (12个 /
    12个网格) and one's quote contains the other's (curators may keep the
    opening quotation of a sentence).  ``status`` is one of ``STATUSES``:
    "curated, unit differs" is usually a curator's rate unit (CNY/year for
    每年分红10万余元), "curated, values differ" a disagreement to look at.
    """
    sources = set(candidates["source_id"])
    pool = facts[facts["source_id"].isin(sources)].to_dict("records")
    used: set[int] = set()
    rows = []
    for c in candidates.to_dict("records"):
        k = next((i for i, f in enumerate(pool) if i not in used and _pairs(c, f)), None)
        f = pool[k] if k is not None else None
        if k is not None:
            used.add(k)
        rows.append(_row(_status(c, f), c, f))
    rows += [_row("missed by extractor", None, f) for i, f in enumerate(pool) if i not in used]
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


def _pairs(c: dict, f: dict) -> bool:
    a, b = _squash(c["text"]), _squash(f["text"])
    qa, qb = _squash(c["quote"]), _squash(f["quote"])
    return (a in b or b in a) and (qa in qb or qb in qa)


def _status(c: dict, f: dict | None) -> str:
    if f is None:
        return "not curated"
    same = all(_close(c[k], f[k]) for k in ("value", "lower", "upper"))
    if not same:
        return "curated, values differ"
    return "curated" if c["unit"] == f["unit"] else "curated, unit differs"


def _row(status: str, c: dict | None, f: dict | None) -> dict:
    c, f = c or {}, f or {}
    nan = math.nan
    return {
        "status": status,
        "text": c.get("text", f.get("text", "")),
        "value": c.get("value", nan),
        "lower": c.get("lower", nan),
        "upper": c.get("upper", nan),
        "unit": c.get("unit", ""),
        "fact_id": f.get("fact_id", ""),
        "fact_value": f.get("value", nan),
        "fact_lower": f.get("lower", nan),
        "fact_upper": f.get("upper", nan),
        "fact_unit": f.get("unit", ""),
        "quote": c.get("quote", f.get("quote", "")),
    }


def _squash(s) -> str:
    """Text without whitespace, as schemas matches quotes; "" for a missing cell (NaN)."""
    return squeeze_whitespace(s) if isinstance(s, str) else ""


def _close(a, b) -> bool:
    if pd.isna(a) or pd.isna(b):
        return pd.isna(a) and pd.isna(b)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
