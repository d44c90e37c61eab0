"""Cohorts from the interventions table: the year each unit's programme started.

A staggered design needs every unit's cohort: the first year it was treated,
0 if never treated (as :func:`ruralstudy.causal.did` reads it). The curated
``interventions`` table records a programme where a source reports it, so a
village without a record may never have had the programme — or may have had
it unreported. Which of the two holds is an assumption about the data, and the
researcher makes it: :func:`cohorts_from_interventions` refuses unrecorded
units unless told to code them never treated.
"""

from __future__ import annotations

import pandas as pd

UNRECORDED = ("raise", "never_treated")

__all__ = ["cohorts_from_interventions"]


def cohorts_from_interventions(
    units: pd.DataFrame,
    interventions: pd.DataFrame,
    kind: str,
    *,
    unrecorded: str = "raise",
    unit: str = "place_id",
) -> pd.DataFrame:
    """``units`` with each unit's ``cohort``: the first year of a recorded ``kind`` intervention.

    ``units`` has one row per unit, its place id in the column ``unit``;
    ``interventions`` is the interventions table (``rs.load_interventions()``
    or a researcher's own, ``rs.read_table(path, table="interventions")``).
    The result adds ``cohort`` (int; 0 for never treated) and
    ``cohort_source_id``, the source of the intervention that sets the
    cohort (empty for 0), so a cohort is as traceable as an outcome.

    A unit with no ``kind`` intervention recorded is an error by default: no
    record is not the same as no programme. ``unrecorded="never_treated"``
    codes such units 0 — an assumption to state wherever the results are
    reported; ``attrs["unrecorded"]`` lists the units it concerns. Cohorts
    outside a panel's years are left to the estimators (after the last year:
    never treated; in or before the first: dropped, with a warning).

    Raises ValueError for a repeated unit, an intervention of ``kind`` at
    one of the units without a year, or a ``kind`` recorded nowhere in
    ``interventions`` (probably misspelt).

    >>> import ruralstudy as rs
    >>> villages = rs.load_places().query("level == 'village'")
    >>> cohorts = rs.causal.cohorts_from_interventions(
    ...     villages, rs.load_interventions(), "land_consolidation", unrecorded="never_treated"
    ... )  # doctest: +SKIP
    """
    if unrecorded not in UNRECORDED:
        raise ValueError(f"unrecorded must be one of {UNRECORDED}, got {unrecorded!r}")
    if unit not in units.columns:
        raise ValueError(f"cohorts: units have no {unit!r} column (the units' place ids)")
    missing = [c for c in ("place_id", "kind", "year") if c not in interventions.columns]
    if missing:
        raise ValueError(f"cohorts: interventions lack column(s) {missing}")
    repeated = units[unit].duplicated(keep=False)
    if repeated.any():
        raise ValueError(
            f"cohorts: units repeat {sorted(set(units.loc[repeated, unit]))}; one row per unit"
        )
    of_kind = interventions[interventions["kind"] == kind]
    if of_kind.empty:
        kinds = sorted(interventions["kind"].dropna().unique())
        raise ValueError(f"cohorts: no intervention of kind {kind!r}; the table has {kinds}")
    here = of_kind[of_kind["place_id"].isin(units[unit])]
    undated = here["year"].isna()
    if undated.any():
        ids = here.loc[undated, "intervention_id"] if "intervention_id" in here else here.index
        raise ValueError(
            f"cohorts: {int(undated.sum())} {kind} intervention(s) have no year, so no cohort: "
            f"{list(ids)[:10]}"
        )
    first = (
        here.sort_values("year", kind="stable").drop_duplicates("place_id").set_index("place_id")
    )
    cohort = units[unit].map(first["year"])
    none = cohort.isna()
    if none.any() and unrecorded == "raise":
        ids = list(units.loc[none, unit])
        raise ValueError(
            f"cohorts: {len(ids)} of {len(units)} unit(s) have no {kind} intervention recorded: "
            f"{ids[:10]}{' …' if len(ids) > 10 else ''}; add their interventions with a source, "
            "or pass unrecorded='never_treated' to code them 0 (an assumption: no record "
            "taken for no programme, to be stated with the results)"
        )
    out = units.copy()
    out["cohort"] = cohort.fillna(0).astype("int64")
    source = first["source_id"] if "source_id" in first.columns else None
    out["cohort_source_id"] = (
        units[unit].map(source).astype("string") if source is not None else pd.NA
    )
    out.attrs["unrecorded"] = list(units.loc[none, unit])
    return out
