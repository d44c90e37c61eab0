"""Many villages at once: who is in the data, by county, and what they report.

The shipped data (and a researcher's own, when added) hold villages from
many public reports. These helpers answer the first questions of a
cross-village study without hiding choices: which county each village is
in (by its place hierarchy, never by name alone), how many villages and
facts each county has, each village's latest figure of an indicator (every
source kept where two report the same year), and county medians with the
bounds the figures' own bounds give.

>>> import ruralstudy as rs
>>> cover = rs.atlas.coverage_by_county(rs.load_places(), rs.load_facts())  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

POINT_LEVELS = ("village", "community")
STUDY_DOMAINS = ("land", "collective_economy", "tourism")


def lineage(places: pd.DataFrame) -> dict[str, list[str]]:
    """Each place's chain up its ``parent_id``: itself first, then its parent, … to the top.

    By the hierarchy, never by the id's spelling: a researcher's village
    ``my.village`` whose parent is a shipped county is in that county's chain.
    A parent that is not in ``places`` ends the chain; a cycle ends where it repeats.
    """
    parent = places.set_index("place_id")["parent_id"].to_dict()
    out = {}
    for place in parent:
        chain, current = [], place
        while isinstance(current, str) and current in parent and current not in chain:
            chain.append(current)
            current = parent[current]
        out[place] = chain
    return out


def within(places: pd.DataFrame, area_id: str) -> pd.Series:
    """True for each place that is ``area_id`` or lies under it in the hierarchy.

    >>> inside = within(rs.load_places(), "cn.guizhou")
    >>> bool(inside["cn.guizhou.guian.huchao.chetian"])
    True
    """
    if area_id not in set(places["place_id"]):
        raise ValueError(f"within: no place {area_id!r} in the places table")
    chains = lineage(places)
    return pd.Series(
        {place: area_id in chain for place, chain in chains.items()}, name="within", dtype=bool
    )


def ancestor_at(places: pd.DataFrame, level: str) -> pd.Series:
    """Each place's nearest ancestor-or-self of ``level`` (place_id), or None where
    its chain has none (a place above that level, or whose chain skips it)."""
    levels = places.set_index("place_id")["level"].to_dict()
    out = {
        place: next((p for p in chain if levels.get(p) == level), None)
        for place, chain in lineage(places).items()
    }
    return pd.Series(out, name=f"{level}_id", dtype=object)


def county_of(places: pd.DataFrame) -> pd.Series:
    """Each place's county-level ancestor (place_id), by walking ``parent_id``.

    A county maps to itself; a place above county level, or whose chain
    has no county (a village attached to its province because its county
    is not known), maps to NaN.

    >>> county_of(rs.load_places()).loc["cn.guizhou.guian.huchao.chetian"]  # doctest: +SKIP
    'cn.guizhou.guian'
    """
    return ancestor_at(places, "county").rename("county_id")


def coverage_by_county(
    places: pd.DataFrame,
    facts: pd.DataFrame,
    *,
    domains: tuple[str, ...] = STUDY_DOMAINS,
    indicators: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per county with villages in the data: how many villages and
    communities have at least one fact in ``domains``, and how many facts.

    Columns: county_id, name_zh, name_en, admin_code, villages, facts,
    source_ids (the sorted sources of the facts counted, so a map of the
    counts cites them: :func:`ruralstudy.maps.choropleth` reads the list).
    Villages whose county is not known are counted in a row with
    county_id NaN, so nothing drops out of the totals.
    """
    if indicators is None:
        from ruralstudy.datasets import load_indicators

        indicators = load_indicators()
    in_domain = set(indicators.loc[indicators["domain"].isin(domains), "indicator_id"])
    points = places.loc[places["level"].isin(POINT_LEVELS), "place_id"]
    study = facts[facts["indicator_id"].isin(in_domain) & facts["place_id"].isin(points)]
    county = county_of(places)
    per = study.assign(county_id=study["place_id"].map(county))
    table = (
        per.groupby("county_id", dropna=False)
        .agg(
            villages=("place_id", "nunique"),
            facts=("fact_id", "size"),
            source_ids=("source_id", lambda s: sorted(set(s))),
        )
        .reset_index()
    )
    names = places.set_index("place_id")[["name_zh", "name_en", "admin_code"]]
    table = table.join(names, on="county_id")
    columns = ["county_id", "name_zh", "name_en", "admin_code", "villages", "facts", "source_ids"]
    return table[columns].sort_values(["villages", "facts"], ascending=False, ignore_index=True)


def latest_per_place(
    facts: pd.DataFrame, indicator_id: str, *, undated: bool = False
) -> pd.DataFrame:
    """Each place's figures of ``indicator_id`` in its latest reported year.

    Undated figures are left out (they cannot be compared in time), unless
    ``undated=True``: then a place with no dated figure keeps its undated
    ones, so a distribution of what places report (an area, a stock) shows
    every place; a place with a dated figure still shows only its latest.
    Two sources reporting the same latest year both stay, so a conflict shows.
    """
    rows = facts[facts["indicator_id"] == indicator_id]
    dated = rows[rows["year"].notna()]
    latest = dated[dated["year"] == dated.groupby("place_id")["year"].transform("max")]
    if undated:
        alone = rows["year"].isna() & ~rows["place_id"].isin(set(dated["place_id"]))
        latest = pd.concat([latest, rows[alone]])
    return latest.sort_values(["place_id", "source_id"], ignore_index=True)


def county_medians(
    facts: pd.DataFrame,
    places: pd.DataFrame,
    indicator_id: str,
    *,
    min_villages: int = 3,
) -> pd.DataFrame:
    """The median of villages' latest figures per county, where at least
    ``min_villages`` villages report one; with bounds.

    The median is increasing in every figure, so the median of the lower
    bounds and of the upper bounds bound it — when every figure has that
    bound (else the bound is open, NaN). A village with two figures for its
    latest year counts once, at the mean of its figures' values and at the
    widest of their bounds. Only villages and communities count: a
    township's or county's own figure (often a sum over its villages) is
    not one village's. Columns: county_id, villages, median,
    median_lower, median_upper, source_ids (a sorted list, as a figure's
    record keeps them; ``rs.show`` joins it with "; ").
    """
    points = set(places.loc[places["level"].isin(POINT_LEVELS), "place_id"])
    latest = latest_per_place(facts[facts["place_id"].isin(points)], indicator_id)
    per_village = latest.groupby("place_id").agg(
        value=("value", "mean"),
        lower=("lower", lambda s: s.min() if s.notna().all() else np.nan),
        upper=("upper", lambda s: s.max() if s.notna().all() else np.nan),
        source_ids=("source_id", lambda s: sorted(set(s))),
    )
    per_village["county_id"] = per_village.index.map(county_of(places))
    rows = []
    for county, group in per_village.groupby("county_id"):
        if len(group) < min_villages:
            continue
        rows.append(
            {
                "county_id": county,
                "villages": len(group),
                "median": group["value"].median(),
                "median_lower": group["lower"].median() if group["lower"].notna().all() else np.nan,
                "median_upper": group["upper"].median() if group["upper"].notna().all() else np.nan,
                "source_ids": sorted({s for ids in group["source_ids"] for s in ids}),
            }
        )
    columns = ["county_id", "villages", "median", "median_lower", "median_upper", "source_ids"]
    return pd.DataFrame(rows, columns=columns)
