"""Before/after tables, deflation and benchmark ratios, with intervals carried through.

Reported village figures are sparse, often bounded ("10万余元") or approximate
("约2.5万元"). Every comparison here keeps that: a change or a ratio has the
bounds that interval arithmetic gives from the bounds of its two figures; a
bound stays open (NaN = no bound, as in the facts) where a figure's missing
bound leaves it open, and no further.

>>> import ruralstudy as rs
>>> facts = rs.load_facts()
>>> table = rs.compare.before_after(
...     facts, place_id="cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao",
...     intervention_id="jiaoyao-2018-returnee-cooperative")

Across many places at once: :func:`dated_pairs` (the earliest and latest
dated figure of every place and indicator) and :func:`before_after_all`
(each place's before/after around its own intervention), both with the
growth per year and its bounds (:func:`annual_growth`); :func:`deflate_pairs`
puts a pair in constant prices and :func:`benchmark_growth` sets it beside
the benchmark's growth over the same years; :func:`benchmark_growth_nearest`
picks, pair by pair, the nearest enclosing place (province, else country)
whose series holds both years.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SIDE_COLUMNS = ["year", "value", "lower", "upper", "qualifier", "text", "source_id", "fact_id"]
NATIONAL = "cn"
RURAL_INCOME = "rural_disposable_income_per_capita"
NOMINAL_GROWTH = "rural_income_growth_nominal"
REAL_GROWTH = "rural_income_growth_real"


def intervention_year(
    place_id: str,
    *,
    year: int | None = None,
    intervention_id: str | None = None,
    interventions: pd.DataFrame | None = None,
) -> tuple[int, pd.Series]:
    """The year that splits before from after, and the intervention row it comes from.

    ``year=`` alone gives a bare cut; otherwise ``intervention_id`` (or the
    place's only intervention) is looked up in ``interventions`` (default:
    the shipped table), and ``year=`` beside it moves the cut.
    """
    if year is not None and intervention_id is None:
        return int(year), pd.Series({"year": int(year)})
    if interventions is None:
        from ruralstudy.datasets import load_interventions

        interventions = load_interventions()
    rows = interventions[interventions["place_id"] == place_id]
    if intervention_id is not None:
        rows = rows[rows["intervention_id"] == intervention_id]
        if rows.empty:
            raise ValueError(f"no intervention {intervention_id!r} for place {place_id!r}")
    elif len(rows) != 1:
        ids = ", ".join(rows["intervention_id"]) or "none"
        raise ValueError(
            f"place {place_id!r} has {len(rows)} interventions ({ids}): "
            "pass intervention_id= or year="
        )
    event = rows.iloc[0]
    return (int(event["year"]) if year is None else int(year)), event


def before_after(
    facts: pd.DataFrame,
    *,
    place_id: str | None = None,
    year: int | None = None,
    intervention_id: str | None = None,
    interventions: pd.DataFrame | None = None,
    baseline_includes_year: bool = True,
    ties: str = "error",
) -> pd.DataFrame:
    """One row per indicator: its latest figure before the intervention and its
    latest since, with the change and the ratio and their bounds.

    Facts of the intervention year count as the baseline (``before``) unless
    ``baseline_includes_year=False``. Undated facts cannot be placed on either
    side and are left out; an indicator with facts on only one side keeps
    that side and NaN on the other. Which fact was taken is visible in the
    ``*_fact_id`` and ``*_source_id`` columns. Several facts for the latest
    year of a side (conflicting reports) are an error naming them, or, with
    ``ties="each"``, give one row per combination, as in :func:`dated_pairs`.

    >>> t = before_after(rs.load_facts(), place_id=..., year=2018)  # doctest: +SKIP
    """
    _check_ties_option(ties)
    place = _one_place(facts, place_id)
    cut, _ = intervention_year(
        place, year=year, intervention_id=intervention_id, interventions=interventions
    )
    dated = facts[(facts["place_id"] == place) & facts["year"].notna()]
    rows = _latest_each_side(dated, cut, baseline_includes_year, ties)
    for row in rows:
        row.update(place_id=place, cut_year=cut)
    out = pd.DataFrame(rows, columns=_ROW_ORDER)
    if out.empty:
        raise ValueError(f"before_after: no dated facts for {place!r}")
    for side in ("before", "after"):
        out[f"{side}_year"] = out[f"{side}_year"].astype("Int64")
        for col in ("value", "lower", "upper"):
            out[f"{side}_{col}"] = out[f"{side}_{col}"].astype(float)
    change = interval_difference(
        out[["after_value", "after_lower", "after_upper"]].to_numpy(),
        out[["before_value", "before_lower", "before_upper"]].to_numpy(),
    )
    ratio = interval_ratio(
        out[["after_value", "after_lower", "after_upper"]].to_numpy(),
        out[["before_value", "before_lower", "before_upper"]].to_numpy(),
    )
    out[["change", "change_lower", "change_upper"]] = change
    out[["ratio", "ratio_lower", "ratio_upper"]] = ratio
    return _with_growth(out)


_SIDES = [f"{side}_{col}" for side in ("before", "after") for col in SIDE_COLUMNS]
_ROW_ORDER = ["place_id", "indicator_id", "unit", "cut_year", *_SIDES]


def _latest_each_side(
    dated: pd.DataFrame, cut: int, baseline_includes_year: bool, ties: str = "error"
) -> list[dict]:
    """Per indicator (in order of first appearance): its unit and the latest fact on
    each side of ``cut`` (``before_year``, … ``after_fact_id``; None where a side has none);
    with ``ties="each"``, one such row per combination of a side's latest facts.

    On positions in numpy arrays, not a pandas filter per indicator and side: a
    place's profile compares a dozen times and notebook 07 64 places, at ~20 ms a
    call that way. Each value is taken as ``Series.iloc`` would give it.
    """
    years = dated["year"].to_numpy(dtype=float)
    before = years <= cut if baseline_includes_year else years < cut
    values = {col: dated[col].array for col in SIDE_COLUMNS}
    units = dated["unit"].array
    codes, indicators = pd.factorize(dated["indicator_id"], sort=False)
    rows = []
    for code, indicator in enumerate(indicators):
        group = np.flatnonzero(codes == code)
        choices = {}
        for side, part in (("before", group[before[group]]), ("after", group[~before[group]])):
            latest = part[years[part] == years[part].max()] if part.size else part
            if latest.size > 1 and ties == "error":
                raise ValueError(
                    f"before_after: {indicator} has {latest.size} facts for "
                    f"{int(years[latest[0]])} ({', '.join(values['fact_id'][latest])}); "
                    "choose one (e.g. by source_id) or pass ties='each'"
                )
            choices[side] = [
                {f"{side}_{col}": values[col][i] if i is not None else None for col in SIDE_COLUMNS}
                for i in (latest if latest.size else [None])
            ]
        for b in choices["before"]:
            for a in choices["after"]:
                rows.append({"indicator_id": indicator, "unit": units[group[0]], **b, **a})
    return rows


def _with_growth(pairs: pd.DataFrame) -> pd.DataFrame:
    """Add growth per year (and bounds) from the ratio and the years between the sides."""
    years = (pairs["after_year"] - pairs["before_year"]).astype(float).to_numpy()
    ratio = pairs[["ratio", "ratio_lower", "ratio_upper"]].to_numpy(float)
    pairs[["years", "growth_per_year", "growth_per_year_lower", "growth_per_year_upper"]] = (
        np.column_stack([years, annual_growth(ratio, years)])
    )
    return pairs


def annual_growth(ratio: np.ndarray, years: np.ndarray) -> np.ndarray:
    """(value, lower, upper) of the compound growth per year, ``ratio ** (1 / years) − 1``.

    Growth is increasing in the ratio, so the bounds of the ratio give the
    bounds of the growth. No growth (NaN) over zero years or from a ratio
    that is not positive.

    >>> annual_growth(np.array([[4.0, 4.0, 9.0]]), np.array([2.0]))
    array([[1., 1., 2.]])
    """
    ratio = np.asarray(ratio, float)
    years = np.asarray(years, float)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where((ratio > 0) & (years > 0), ratio ** (1.0 / years) - 1.0, np.nan)
    return growth


def dated_pairs(
    facts: pd.DataFrame,
    *,
    indicator_id: str | list[str] | None = None,
    ties: str = "error",
) -> pd.DataFrame:
    """For every place and indicator with figures in two or more years: the
    earliest (``before_*``) and the latest (``after_*``), with the change,
    the ratio and the growth per year, and their bounds.

    No intervention is needed (the cut is simply "first reported" →
    "last reported"); :func:`before_after_all` cuts at each place's own
    intervention. Undated facts and place–indicators dated in one year only
    have no pair and are not in the table. Several facts for the earliest or
    the latest year (conflicting reports) are an error naming them, or, with
    ``ties="each"``, give one row per combination, so the conflict shows
    (``conflict`` is True on each of those rows).

    >>> pairs = dated_pairs(rs.load_facts(), indicator_id="collective_income")  # doctest: +SKIP
    """
    _check_ties_option(ties)
    dated = facts[facts["year"].notna()]
    if indicator_id is not None:
        wanted = [indicator_id] if isinstance(indicator_id, str) else list(indicator_id)
        dated = dated[dated["indicator_id"].isin(wanted)]
    rows = []
    for (place, indicator), group in dated.groupby(["place_id", "indicator_id"], sort=True):
        years = group["year"].astype(int)
        if years.nunique() < 2:
            continue
        first = group[years == years.min()]
        last = group[years == years.max()]
        _check_ties(first, last, place, indicator, ties)
        for _, b in first.iterrows():
            for _, a in last.iterrows():
                rows.append(_pair_row(place, indicator, b, a))
    return _mark_conflicts(_pairs_frame(rows))


def before_after_all(
    facts: pd.DataFrame,
    interventions: pd.DataFrame | None = None,
    *,
    kind: str | list[str] | None = None,
    baseline_includes_year: bool = True,
    ties: str = "each",
) -> pd.DataFrame:
    """:func:`before_after` for every place of ``facts`` with an intervention,
    cut at its earliest intervention (of ``kind``, if given); one table.

    Only indicators with a figure on both sides are kept (a one-sided
    indicator says nothing of change). The ``intervention_id`` column names
    the cut of each row. A place with no (matching) intervention has no cut
    and is not in the table: :func:`dated_pairs` compares its figures
    without one.

    Conflicting figures (two sources, one indicator, one year) stay apart, as
    in the data: by default (``ties="each"``) a side's latest year with
    several facts gives one row per combination, each naming its facts, and
    ``conflict`` is True on those rows; ``ties="error"`` refuses them instead.

    >>> table = before_after_all(rs.load_facts())
    >>> miaozhai = table[table["place_id"].str.endswith(".qianhu-miaozhai") & table["conflict"]]
    >>> sorted(miaozhai["before_text"])  # two sources for 2007, both kept
    ['1700元', '不足2000元']
    """
    _check_ties_option(ties)
    if interventions is None:
        from ruralstudy.datasets import load_interventions

        interventions = load_interventions()
    events = interventions[interventions["year"].notna()]
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        events = events[events["kind"].isin(kinds)]
    events = events.sort_values(["place_id", "year", "intervention_id"], kind="stable")
    first = events.drop_duplicates("place_id")
    first = first[first["place_id"].isin(set(facts["place_id"]))]
    tables = []
    for event in first.itertuples(index=False):
        place_facts = facts[facts["place_id"] == event.place_id]
        if place_facts["year"].notna().sum() == 0:
            continue
        table = before_after(
            place_facts,
            place_id=event.place_id,
            year=int(event.year),
            baseline_includes_year=baseline_includes_year,
            ties=ties,
        )
        both = table["before_year"].notna() & table["after_year"].notna()
        tables.append(table[both].assign(intervention_id=event.intervention_id))
    if not tables:
        empty = _mark_conflicts(_pairs_frame([]))
        return empty.assign(cut_year=pd.Series(dtype="Int64"), intervention_id=None)
    return _mark_conflicts(pd.concat(tables, ignore_index=True))


def deflate_pairs(pairs: pd.DataFrame, index: pd.Series) -> pd.DataFrame:
    """Pairs in constant prices of the index's base year.

    Adds ``before_*_real`` and ``after_*_real`` (value, lower, upper) and
    ``real_growth_per_year`` with bounds; a pair whose years the index does
    not cover gets NaN there (and ``deflated`` False), so the gap shows.
    Use it for money only: the caller chooses the rows (units CNY…).
    """
    out = pairs.copy()
    covered = out["before_year"].isin(index.index) & out["after_year"].isin(index.index)
    out["deflated"] = covered.to_numpy(bool)
    for side in ("before", "after"):
        factor = out[f"{side}_year"].map(index).astype(float).to_numpy()
        for col in ("value", "lower", "upper"):
            out[f"{side}_{col}_real"] = out[f"{side}_{col}"].to_numpy(float) * 100 / factor
    ratio = interval_ratio(
        out[["after_value_real", "after_lower_real", "after_upper_real"]].to_numpy(),
        out[["before_value_real", "before_lower_real", "before_upper_real"]].to_numpy(),
    )
    years = (out["after_year"] - out["before_year"]).astype(float).to_numpy()
    out[["real_growth_per_year", "real_growth_per_year_lower", "real_growth_per_year_upper"]] = (
        annual_growth(ratio, years)
    )
    return out


def benchmark_growth(
    pairs: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    indicator_id: str = RURAL_INCOME,
    place_id: str = "cn.guizhou",
) -> pd.DataFrame:
    """Each pair beside the benchmark's growth per year over the same years
    (default: Guizhou's rural per-capita disposable income).

    Adds ``benchmark_growth_per_year`` (NaN where the benchmark lacks either
    year) and ``growth_vs_benchmark`` = (1 + growth) / (1 + benchmark) − 1
    with its bounds: how much faster, per year, the figure grew.
    """
    bench = _benchmark_rows(reference, indicator_id, place_id, "benchmark_growth")
    level = bench.set_index(bench["year"].astype(int))["value"].astype(float)
    out = pairs.copy()
    b0 = out["before_year"].map(level).astype(float).to_numpy()
    b1 = out["after_year"].map(level).astype(float).to_numpy()
    years = (out["after_year"] - out["before_year"]).astype(float).to_numpy()
    ratio = np.column_stack([b1 / b0] * 3)
    out["benchmark_growth_per_year"] = annual_growth(ratio, years)[:, 0]
    own = out[["growth_per_year", "growth_per_year_lower", "growth_per_year_upper"]].to_numpy(float)
    factor = 1.0 + out["benchmark_growth_per_year"].to_numpy(float)[:, None]
    out[["growth_vs_benchmark", "growth_vs_benchmark_lower", "growth_vs_benchmark_upper"]] = (
        1.0 + own
    ) / factor - 1.0
    return out


def benchmark_growth_nearest(
    pairs: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    indicator_id: str = RURAL_INCOME,
    places: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each pair beside the growth of the nearest enclosing place whose
    benchmark series holds both of the pair's years.

    A village under ``cn.guizhou`` is set beside Guizhou's series where it has
    both years and beside China's (``cn``) otherwise; a village of a province
    with no series of its own goes straight to China's. Enclosing means, with
    ``places`` given, the place hierarchy (``parent_id``: a researcher's
    ``my.village`` under a Guizhou county is Guizhou's); a place not in
    ``places``, or every place without it, is placed by the dotted path
    (``cn.guizhou`` encloses ``cn.guizhou.x.y``). Adds the
    columns of :func:`benchmark_growth` and ``benchmark_place_id`` (empty
    where no enclosing series covers both years, so the gap shows).
    """
    held = reference.loc[reference["indicator_id"] == indicator_id, "place_id"]
    deepest_first = sorted(set(held), key=lambda p: (-p.count("."), p))
    out = pairs.copy()
    for col in _BENCHMARK_COLUMNS:
        out[col] = np.nan
    chosen = np.full(len(out), None, dtype=object)
    chains = {}
    if places is not None:
        from ruralstudy.atlas import lineage

        chains = lineage(places)
    for place in deepest_first:
        scored = benchmark_growth(pairs, reference, indicator_id=indicator_id, place_id=place)
        inside = pairs["place_id"].map(lambda p, area=place: _encloses(area, p, chains))
        covered = scored["benchmark_growth_per_year"].notna()
        take = (inside & covered).to_numpy(bool) & pd.isna(chosen)
        for col in _BENCHMARK_COLUMNS:
            out[col] = np.where(take, scored[col].to_numpy(float), out[col].to_numpy(float))
        chosen[take] = place
    out["benchmark_place_id"] = pd.array(chosen, dtype="string")
    return out


def _encloses(area: str, place: str, chains: dict[str, list[str]]) -> bool:
    """Whether ``area`` is ``place`` or above it: by its chain where known, else by the path."""
    if place in chains:
        return area in chains[place]
    return place == area or place.startswith(area + ".")


_BENCHMARK_COLUMNS = [
    "benchmark_growth_per_year",
    "growth_vs_benchmark",
    "growth_vs_benchmark_lower",
    "growth_vs_benchmark_upper",
]


PAIR_COLUMNS = ["place_id", "indicator_id", "unit"] + [
    f"{side}_{col}" for side in ("before", "after") for col in SIDE_COLUMNS
]


def _pair_row(place: str, indicator: str, before: pd.Series, after: pd.Series) -> dict:
    row = {"place_id": place, "indicator_id": indicator, "unit": after["unit"]}
    if before["unit"] != after["unit"]:
        raise ValueError(
            f"{place} {indicator}: units differ ({before['fact_id']}: {before['unit']}, "
            f"{after['fact_id']}: {after['unit']})"
        )
    for side, fact in (("before", before), ("after", after)):
        for col in SIDE_COLUMNS:
            row[f"{side}_{col}"] = fact[col]
    return row


def _pairs_frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    for side in ("before", "after"):
        out[f"{side}_year"] = out[f"{side}_year"].astype("Int64")
        for col in ("value", "lower", "upper"):
            out[f"{side}_{col}"] = out[f"{side}_{col}"].astype(float)
    after = out[["after_value", "after_lower", "after_upper"]].to_numpy(float)
    before = out[["before_value", "before_lower", "before_upper"]].to_numpy(float)
    out[["change", "change_lower", "change_upper"]] = interval_difference(after, before)
    out[["ratio", "ratio_lower", "ratio_upper"]] = interval_ratio(after, before)
    return _with_growth(out)


def _check_ties_option(ties: str) -> None:
    if ties not in ("error", "each"):
        raise ValueError(f"ties must be 'error' or 'each', got {ties!r}")


def _mark_conflicts(pairs: pd.DataFrame) -> pd.DataFrame:
    """``conflict``: True where a place and indicator has several rows, one per
    combination of conflicting figures (each table here has one pair per
    place and indicator otherwise)."""
    pairs["conflict"] = pairs.duplicated(["place_id", "indicator_id"], keep=False).astype(bool)
    return pairs


def _check_ties(first, last, place, indicator, ties: str) -> None:
    if ties == "each":
        return
    for part in (first, last):
        if len(part) > 1:
            raise ValueError(
                f"dated_pairs: {place} {indicator} has {len(part)} facts for "
                f"{int(part['year'].iloc[0])} ({', '.join(part['fact_id'])}); "
                "choose one (e.g. by source_id) or pass ties='each'"
            )


def interval_difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(value, lower, upper) of a − b for rows of (value, lower, upper); NaN = no bound.

    >>> interval_difference(np.array([[10., 10., 11.]]), np.array([[5., 5., 5.]]))
    array([[5., 5., 6.]])
    """
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.column_stack([a[:, 0] - b[:, 0], a[:, 1] - b[:, 2], a[:, 2] - b[:, 1]])


def interval_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(value, lower, upper) of a / b for rows of (value, lower, upper); NaN = no bound.

    Each bound of the quotient needs only the bounds that make it, so a
    one-sided figure keeps its one side: "近20人" over 10 is at most 2 and
    says nothing of how few; 1万元 over "不足100元" is at least 100 (a
    reported amount below a ceiling may be small, which only raises the
    quotient). For a ≥ 0 the lower bound is a's lower over b's upper, the
    upper a's upper over b's lower; for a negative bound of a, the other
    end of b. The upper bound needs b's lower bound above zero. A divisor
    that may be zero or negative (a lower bound ≤ 0, or a value ≤ 0) gives
    no bounds.

    >>> interval_ratio(np.array([[20., 20., 30.]]), np.array([[10., 10., 10.]]))
    array([[2., 2., 3.]])
    >>> interval_ratio(np.array([[20., np.nan, 20.]]), np.array([[10., 10., 10.]]))
    array([[ 2., nan,  2.]])
    """
    a, b = np.asarray(a, float), np.asarray(b, float)
    # b > 0 for sure: its lower bound above zero, or open below a positive value.
    positive = (b[:, 1] > 0) | (np.isnan(b[:, 1]) & (b[:, 0] > 0))
    known_lower = b[:, 1] > 0  # False for NaN: an open lower bound may come near zero
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(b[:, 0] > 0, a[:, 0] / b[:, 0], np.nan)
        lower = np.where(
            a[:, 1] >= 0,
            np.where(positive, a[:, 1] / b[:, 2], np.nan),
            np.where(known_lower, a[:, 1] / b[:, 1], np.nan),
        )
        upper = np.where(
            known_lower, np.where(a[:, 2] >= 0, a[:, 2] / b[:, 1], a[:, 2] / b[:, 2]), np.nan
        )
    return np.column_stack([value, lower, upper])


def rural_price_index(
    facts: pd.DataFrame, *, base_year: int, place_id: str = NATIONAL
) -> pd.Series:
    """A rural price index (base_year = 100) implied by nominal and real growth.

    Official releases state rural per-capita disposable income growth both
    nominal and "扣除价格因素" (real); (1 + nominal) / (1 + real) is the price
    change the statistician removed. Where no rural CPI series is in the data,
    this is the deflator that matches the income benchmark exactly. Years are
    chained from the first year with both rates; a gap in the chain is an
    error, not an interpolation.

    >>> idx = rural_price_index(rs.load_facts(), base_year=2024)  # doctest: +SKIP
    """
    growth = facts[(facts["place_id"] == place_id)
                   & facts["indicator_id"].isin([NOMINAL_GROWTH, REAL_GROWTH])]  # fmt: skip
    twice = growth.duplicated(["year", "indicator_id"], keep=False)
    if twice.any():
        raise ValueError(
            "rural_price_index: more than one growth fact for a year: "
            + ", ".join(growth.loc[twice, "fact_id"])
        )
    rates = growth.pivot(index="year", columns="indicator_id", values="value").sort_index()
    if rates.empty or len(rates.columns) < 2:
        raise ValueError(f"no nominal and real growth facts for {place_id!r}")
    half = rates.index[rates.isna().any(axis=1)]
    if len(half):
        raise ValueError(f"rural_price_index: only one of the two growth rates for {list(half)}")
    years = rates.index.astype(int)
    if list(years) != list(range(years[0], years[-1] + 1)):
        raise ValueError(f"growth rates for {place_id!r} have gaps: {list(years)}")
    step = (1 + rates[NOMINAL_GROWTH] / 100) / (1 + rates[REAL_GROWTH] / 100)
    level = pd.concat([pd.Series([1.0], index=[years[0] - 1]), step.cumprod()])
    level.index = level.index.astype(int)
    if base_year not in level.index:
        raise ValueError(
            f"base_year {base_year} outside the index ({level.index.min()}–{level.index.max()})"
        )
    return (100 * level / level[base_year]).rename("rural_price_index")


def deflate(
    df: pd.DataFrame, index: pd.Series, *, columns: tuple[str, ...] = ("value", "lower", "upper")
) -> pd.DataFrame:
    """Values in prices of the index's base year: ``x × 100 / index[year]``.

    Adds ``<column>_real`` for each column; a year the index does not cover
    is an error naming the years (no silent NaN).
    """
    missing = sorted(set(df["year"].dropna().astype(int)) - set(index.index))
    if missing or df["year"].isna().any():
        raise ValueError(
            f"cannot deflate: no price index for years {missing or ''}"
            + (" and undated rows" if df["year"].isna().any() else "")
        )
    factor = 100 / df["year"].astype(int).map(index).to_numpy()
    out = df.copy()
    for col in columns:
        out[f"{col}_real"] = out[col].to_numpy(float) * factor
    return out


def benchmark(
    facts: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    indicator_id: str = RURAL_INCOME,
    place_id: str = NATIONAL,
) -> pd.DataFrame:
    """Each fact beside a benchmark of the same year (default: national rural
    per-capita disposable income), with the ratio and its bounds.

    ``reference`` is a facts table holding the benchmark; a fact whose year
    has no benchmark gets NaN and ``benchmark_year`` empty, so the gap shows.
    """
    bench = _benchmark_rows(reference, indicator_id, place_id, "benchmark")
    units = set(facts["unit"]) | set(bench["unit"])
    if len(units) > 1:
        raise ValueError(
            f"benchmark: units differ ({', '.join(sorted(units))}); compare like with like"
        )
    bench = bench.set_index("year")
    out = facts.copy()
    out["benchmark_year"] = out["year"].where(out["year"].isin(bench.index)).astype("Int64")
    out["benchmark_value"] = out["year"].map(bench["value"]).astype(float)
    out["benchmark_source_id"] = out["year"].map(bench["source_id"])
    ref = np.column_stack([out["benchmark_value"]] * 3)
    ratio = interval_ratio(out[["value", "lower", "upper"]].to_numpy(float), ref)
    out[["ratio", "ratio_lower", "ratio_upper"]] = ratio
    return out


def _benchmark_rows(
    reference: pd.DataFrame, indicator_id: str, place_id: str, what: str
) -> pd.DataFrame:
    """The benchmark's facts, one per year (two for a year are an error naming them)."""
    bench = reference[(reference["place_id"] == place_id)
                      & (reference["indicator_id"] == indicator_id)]  # fmt: skip
    twice = bench.duplicated("year", keep=False)
    if twice.any():
        raise ValueError(
            f"{what}: more than one benchmark fact for a year: "
            + ", ".join(bench.loc[twice, "fact_id"])
        )
    return bench


def _one_place(facts: pd.DataFrame, place_id: str | None) -> str:
    if place_id is not None:
        if not (facts["place_id"] == place_id).any():
            raise ValueError(f"no facts for place {place_id!r}")
        return place_id
    places = facts["place_id"].unique()
    if len(places) != 1:
        raise ValueError(f"facts cover {len(places)} places: pass place_id=")
    return str(places[0])
