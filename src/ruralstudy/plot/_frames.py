"""Getting fact rows ready to draw: names joined in, one indicator, years checked.

Every check here fails loudly with the offending ids: a chart never drops or
mislabels a row without saying so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruralstudy.provenance import text_of


@dataclass(frozen=True)
class Tables:
    """The lookup tables a chart needs; missing ones load from the package."""

    indicators: pd.DataFrame
    places: pd.DataFrame
    sources: pd.DataFrame


def tables(
    indicators: pd.DataFrame | None, places: pd.DataFrame | None, sources: pd.DataFrame | None
) -> Tables:
    """Fill in the curated tables for any the caller did not pass."""
    if indicators is None or places is None or sources is None:
        from ruralstudy import datasets  # only when needed: tests pass their own tables

        indicators = datasets.load_indicators() if indicators is None else indicators
        places = datasets.load_places() if places is None else places
        sources = datasets.load_sources() if sources is None else sources
    return Tables(indicators, places, sources)


def require_columns(df: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {missing}")


def with_names(facts: pd.DataFrame, t: Tables, what: str) -> pd.DataFrame:
    """``facts`` with indicator and place names (zh, en) and the indicator's unit."""
    require_columns(facts, ["place_id", "indicator_id", "value", "source_id"], what)
    if facts.empty:
        raise ValueError(f"{what}: no rows to draw")
    # A fresh index: frames concatenated by the caller may repeat labels.
    out = facts.reset_index(drop=True)
    ind = t.indicators.set_index("indicator_id")
    pl = t.places.set_index("place_id")
    unknown_ind = sorted(set(out["indicator_id"]) - set(ind.index))
    unknown_pl = sorted(set(out["place_id"]) - set(pl.index))
    if unknown_ind or unknown_pl:
        raise ValueError(
            f"{what}: not in the lookup tables: indicators {unknown_ind}, places {unknown_pl}"
        )
    out["indicator_zh"] = out["indicator_id"].map(ind["name_zh"])
    out["indicator_en"] = out["indicator_id"].map(ind["name_en"])
    out["indicator_unit"] = out["indicator_id"].map(ind["unit"])
    out["place_zh"] = out["place_id"].map(pl["name_zh"])
    out["place_en"] = out["place_id"].map(pl["name_en"])
    problems = [_number_problem(out, col) for col in ("value", "lower", "upper")]
    problems.append(_qualifier_problem(out))
    problems = [p for p in problems if p]
    if problems:
        raise ValueError(f"{what}: bad cells, nothing drawn:\n  " + "\n  ".join(problems))
    for col in ("value", "lower", "upper"):
        # Past the checks, what does not parse is an empty bound.
        out[col] = (
            pd.to_numeric(out[col], errors="coerce").astype(float) if col in out else float("nan")
        )
    out["qualifier"] = out["qualifier"].map(text_of)
    return out


def _blank(values: pd.Series) -> pd.Series:
    return values.map(text_of) == ""


def _where(df: pd.DataFrame, mask: pd.Series) -> str:
    """The fact_ids (else the row numbers) of the rows in ``mask``, at most ten."""
    rows = df.loc[mask]
    ids = rows["fact_id"] if "fact_id" in rows.columns else pd.Series(rows.index, index=rows.index)
    more = f" and {int(mask.sum()) - 10} more" if mask.sum() > 10 else ""
    label = "fact_id" if "fact_id" in rows.columns else "row"
    return f"{label} {[str(i) for i in ids.head(10)]}{more}"


def _number_problem(df: pd.DataFrame, col: str) -> str | None:
    """A column's cells that are not numbers (the bar would vanish); a value must be there.

    An empty lower or upper is a bound the source does not give (逾, 近, 约).
    """
    if col not in df.columns:
        return None  # value is a required column; bounds may be absent altogether
    raw = df[col]
    numbers = pd.to_numeric(raw, errors="coerce")
    blank = _blank(raw)
    bad = numbers.isna() & ~blank
    if bad.any():
        found = [str(v) for v in raw[bad].head(5)]
        return f"column {col!r} is not a number at {_where(df, bad)}: {found}"
    if col == "value" and blank.any():
        return f"column 'value' is empty at {_where(df, blank)}; every fact drawn needs its number"
    return None


def _qualifier_problem(df: pd.DataFrame) -> str | None:
    """A qualifier on every row, one of the rules in ruralstudy.units.QUALIFIERS."""
    from ruralstudy.units import QUALIFIERS

    if "qualifier" not in df.columns:
        return "no 'qualifier' column; write 'exact' for figures reported exactly"
    qualifiers = df["qualifier"].map(text_of)
    blank = qualifiers == ""
    if blank.any():
        return (
            f"column 'qualifier' is empty at {_where(df, blank)}; "
            "write 'exact' for figures reported exactly"
        )
    unknown = ~qualifiers.isin(list(QUALIFIERS))
    if unknown.any():
        return (
            f"column 'qualifier' has {sorted(set(qualifiers[unknown]))} at {_where(df, unknown)}; "
            f"expected one of {list(QUALIFIERS)}"
        )
    return None


def one_indicator(df: pd.DataFrame, what: str) -> pd.Series:
    """The single indicator of ``df`` (its first row); several is an error."""
    ids = list(dict.fromkeys(df["indicator_id"]))
    if len(ids) != 1:
        raise ValueError(
            f"{what} draws one indicator on one axis; got {len(ids)}: {ids}. "
            "Filter the facts first, e.g. facts.query(\"indicator_id == '...'\")"
        )
    return df.iloc[0]


def unit_of(df: pd.DataFrame, what: str) -> str:
    """The one unit of ``df`` (fact ``unit`` column, else the indicator's)."""
    units = df["unit"] if "unit" in df.columns else df["indicator_unit"]
    units = units.fillna(df["indicator_unit"]).astype(str)
    found = list(dict.fromkeys(units))
    if len(found) != 1:
        raise ValueError(f"{what}: rows in different units {found}; one axis needs one unit")
    return found[0]


def one_place(df: pd.DataFrame, place_id: str | None, what: str) -> str:
    """``place_id`` if given (and present), else the only place in ``df``."""
    present = list(dict.fromkeys(df["place_id"]))
    if place_id is not None:
        if place_id not in present:
            raise ValueError(f"{what}: place {place_id!r} not in the data (has {present})")
        return place_id
    if len(present) != 1:
        raise ValueError(f"{what} shows one place; pass place_id= (the data has {present})")
    return present[0]


def year_floats(df: pd.DataFrame) -> pd.Series:
    """The year column as floats, NaN where a fact is undated (Int64 NA included)."""
    if "year" not in df.columns:
        return pd.Series(float("nan"), index=df.index)
    return pd.to_numeric(df["year"], errors="coerce").astype("Float64").astype(float)


def dated(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a year, the year as int. Undated facts cannot be placed in time."""
    if "year" not in df.columns:
        return df.iloc[:0]
    years = pd.to_numeric(df["year"], errors="coerce")
    out = df[years.notna()].copy()
    out["year"] = years[years.notna()].astype(int)
    return out


def require_years(df: pd.DataFrame, what: str) -> pd.DataFrame:
    """``df`` with int years; an undated row is an error naming its fact_id."""
    out = dated(df)
    if len(out) != len(df):
        ids = list(df.loc[~df.index.isin(out.index)].get("fact_id", df.index))[:10]
        raise ValueError(f"{what} needs a year on every row; undated: {ids}")
    return out


MU_PER_HA = 15  # 1 亩 = 1/15 ha exactly (ruralstudy.units)
AREA_UNITS = ("mu", "ha")


def area_unit_for(area_unit: str | None, lang: str) -> str:
    """The area unit a chart shows: as asked, else 亩 for Chinese readers and ha otherwise."""
    if area_unit is None:
        return "mu" if lang == "zh" else "ha"
    if area_unit not in AREA_UNITS:
        raise ValueError(f"area_unit must be one of {AREA_UNITS}, got {area_unit!r}")
    return area_unit


def in_area_unit(df: pd.DataFrame, area_unit: str) -> pd.DataFrame:
    """``df`` (named rows) with areas in hectares shown in ``area_unit`` (values, bounds, unit)."""
    if area_unit == "ha":
        return df
    units = (
        df["unit"].fillna(df["indicator_unit"]) if "unit" in df.columns else df["indicator_unit"]
    )
    ha = (units.astype(str) == "ha").to_numpy()
    if not ha.any():
        return df
    out = df.copy()
    for col in ("value", "lower", "upper"):
        out.loc[ha, col] = out.loc[ha, col] * MU_PER_HA
    if "unit" in out.columns:
        out.loc[ha, "unit"] = "mu"
    out.loc[ha, "indicator_unit"] = "mu"
    return out
