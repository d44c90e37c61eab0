"""Check and clean a long unit-year panel before estimation.

Both estimators see the same rows: those with every needed value present and
finite. The staggered estimator further needs a balanced panel of units whose
cohort (and cluster) never changes; rows it must drop are dropped with a
warning that says how many and why, never silently.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ruralstudy.errors import DataValidationError, failures_frame

# A cohort needs this many units before its group-time effects are worth
# reporting; R did (pre_process_did) warns below 5 units, and so do we.
MIN_COHORT_SIZE = 5


@dataclass(frozen=True)
class PanelSpec:
    """Which column plays which role."""

    outcome: str
    unit: str
    time: str
    cohort: str
    cluster: str | None = None
    covariates: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        cols = [self.unit, self.time, self.cohort, self.outcome, self.cluster, *self.covariates]
        return list(dict.fromkeys(c for c in cols if c is not None))


def make_spec(
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    cluster: str | None,
    covariates: Sequence[str] | str | None,
) -> PanelSpec:
    if isinstance(covariates, str):
        covariates = [covariates]
    return PanelSpec(outcome, unit, time, cohort, cluster, tuple(covariates or ()))


def source_ids(df: pd.DataFrame) -> tuple[str, ...]:
    """The distinct source_ids of the rows (in order of appearance), or () without the column.

    The rule is the captions' own (:func:`ruralstudy.provenance.cited_source_ids`),
    so estimates cite exactly the sources a figure of the same rows would:
    a row without a source_id is an error saying how many lack one, never
    left out of the citation.
    """
    if "source_id" not in df.columns:
        return ()
    # Imported here: a panel without sources never needs the plotting side.
    from ruralstudy.provenance import cited_source_ids

    try:
        return tuple(cited_source_ids(df, "panel"))
    except ValueError as exc:
        raise ValueError(
            f"{exc}; fill them in, or drop the source_id column and name the sources "
            "with caption= when plotting"
        ) from None


def check_columns(df: pd.DataFrame, spec: PanelSpec) -> None:
    """Raise DataValidationError listing every missing or non-numeric column."""
    problems = []
    for role, col in [
        ("outcome", spec.outcome),
        ("unit", spec.unit),
        ("time", spec.time),
        ("cohort", spec.cohort),
        ("cluster", spec.cluster),
        *[("covariate", c) for c in spec.covariates],
    ]:
        if col is None:
            continue
        if col not in df.columns:
            problems.append(
                _failure(col, f"{role} column missing; the data has {list(df.columns)}")
            )
            continue
        numeric_roles = {"outcome", "time", "cohort", "covariate"}
        if role in numeric_roles and not pd.api.types.is_numeric_dtype(df[col].dtype):
            problems.append(
                _failure(col, f"{role} must be numeric, got dtype {df[col].dtype}", df[col].iloc[0])
            )
        if pd.api.types.is_bool_dtype(df[col].dtype) and role in ("time", "cohort"):
            problems.append(_failure(col, f"{role} must be a year, not true/false"))
    if problems:
        raise DataValidationError(failures_frame(problems), "panel columns")


@dataclass
class PanelRows:
    """The rows an estimator uses, with dense codes for units and periods."""

    data: pd.DataFrame
    unit_codes: np.ndarray  # 0 .. n_units-1, in order of first appearance
    n_units: int
    times: np.ndarray  # sorted distinct periods
    time_codes: np.ndarray  # position of each row's period in ``times``
    n_units_dropped: int = 0  # units dropped to balance the panel

    def subset(self, keep: np.ndarray) -> PanelRows:
        """The rows where ``keep`` is true, with unit codes made dense again."""
        unit_codes = self.unit_codes[keep]
        kept_units = np.zeros(self.n_units, dtype=bool)
        kept_units[unit_codes] = True
        new_code = np.cumsum(kept_units) - 1
        time_codes = self.time_codes[keep]
        kept_times = np.bincount(time_codes, minlength=self.times.size) > 0
        return PanelRows(
            self.data[keep],
            new_code[unit_codes],
            int(kept_units.sum()),
            self.times[kept_times],
            (np.cumsum(kept_times) - 1)[time_codes],
        )

    def per_unit(self, column: str) -> np.ndarray:
        """A unit-level column (constant within units) as one value per unit code."""
        out = np.empty(self.n_units, dtype=self.data[column].dtype)
        out[self.unit_codes] = self.data[column].to_numpy()
        return out


def complete_rows(df: pd.DataFrame, spec: PanelSpec) -> PanelRows:
    """The needed columns of the rows whose values are all present and finite."""
    data = df[spec.columns]
    keep = np.ones(len(data), dtype=bool)
    for col in spec.columns:
        values = data[col]
        if isinstance(values.dtype, np.dtype) and values.dtype.kind in "iu":
            continue  # numpy integers are never missing (a float copy of 5 M rows is 20 ms)
        if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(
            values.dtype
        ):
            numbers = values.to_numpy(dtype="float64", na_value=np.nan)
            ok = np.isfinite(numbers)
            if col == spec.cohort:
                ok |= numbers == np.inf  # R did's other code for never treated
            keep &= ok
        else:
            keep &= values.notna().to_numpy()
    n_dropped = int((~keep).sum())
    if n_dropped:
        no_cohort = int(data[spec.cohort].isna().sum())
        hint = (
            f"; {no_cohort} of them have no {spec.cohort}: write 0 for never-treated units"
            if no_cohort
            else ""
        )
        warnings.warn(
            f"dropped {n_dropped} of {len(data)} rows with a missing or non-finite value in "
            f"{spec.columns}{hint}",
            UserWarning,
            stacklevel=3,
        )
        data = data[keep]
    if data.empty:
        raise ValueError(f"no complete rows left in columns {spec.columns}")
    unit_codes, units = pd.factorize(data[spec.unit].to_numpy(), sort=False)
    raw_codes, uniques = pd.factorize(data[spec.time].to_numpy(), sort=False)
    order = np.argsort(uniques, kind="stable")
    rank = np.empty(order.size, dtype=np.intp)
    rank[order] = np.arange(order.size)
    times, time_codes = np.asarray(uniques)[order], rank[raw_codes]
    rows = PanelRows(data, unit_codes, units.size, times, time_codes)
    _check_unique_pairs(rows, spec)
    return rows


def _check_unique_pairs(rows: PanelRows, spec: PanelSpec) -> None:
    cell = rows.unit_codes.astype(np.int64) * rows.times.size + rows.time_codes
    counts = np.bincount(cell, minlength=rows.n_units * rows.times.size)
    if counts.max() > 1:
        repeated = counts[cell] > 1
        examples = rows.data.loc[repeated, [spec.unit, spec.time]].drop_duplicates().head(5)
        raise DataValidationError(
            failures_frame(
                [
                    _failure(
                        f"{spec.unit}, {spec.time}",
                        f"{int((counts > 1).sum())} repeated unit-period pair(s); "
                        "a panel has one row per unit and period",
                        examples.to_numpy().tolist(),
                    )
                ]
            ),
            "panel rows",
        )


def check_constant_within_unit(rows: PanelRows, spec: PanelSpec, columns: list) -> None:
    """Cohorts (and, for the staggered estimator, clusters) are properties of a unit."""
    problems = []
    for col in columns:
        if col is None or col == spec.unit:
            continue
        values = _comparable(rows.data[col].to_numpy())
        first = np.empty(rows.n_units, dtype=values.dtype)
        first[rows.unit_codes] = values
        differs = first[rows.unit_codes] != values
        if differs.any():
            units = pd.unique(rows.data[spec.unit].to_numpy()[differs])
            problems.append(
                _failure(
                    col,
                    f"must be constant within each {spec.unit}; "
                    f"{len(units)} unit(s) change it, e.g.",
                    list(units[:5]),
                )
            )
    if problems:
        raise DataValidationError(failures_frame(problems), "panel units")


def _comparable(values: np.ndarray) -> np.ndarray:
    """Values equal exactly where the originals are: plain numbers as they are (factorizing
    5 million rows takes 50 ms), anything else (strings, NaN) by pd.factorize codes."""
    kind = values.dtype.kind
    if kind in "iu" or (kind == "f" and not np.isnan(values).any()):
        return values
    return pd.factorize(values)[0]


def staggered_rows(df: pd.DataFrame, spec: PanelSpec, allow_unbalanced: bool = False) -> PanelRows:
    """Rows the Callaway-Sant'Anna estimator uses, following R did's pre-processing.

    Cohorts after the last period count as never treated (0). Units treated in
    (or before) the first period have no pre-period and are dropped. Unless
    ``allow_unbalanced``, so are units not observed in every period (R did's
    default balances the panel); their number is kept in ``n_units_dropped``.
    Each drop is announced with a warning.
    """
    rows = complete_rows(df, spec)
    check_constant_within_unit(rows, spec, [spec.cohort, spec.cluster])
    times = rows.times
    if times.size < 2:
        raise ValueError(f"{spec.time}: need at least two periods, got {times.tolist()}")
    cohort = rows.data[spec.cohort].to_numpy()
    if (cohort < 0).any():
        bad = sorted(pd.unique(cohort[cohort < 0]).tolist())[:5]
        raise DataValidationError(
            failures_frame([_failure(spec.cohort, "cohort is a year, or 0 if never treated", bad)]),
            "panel cohorts",
        )
    late = cohort > times[-1]
    if late.any():
        data = rows.data.copy()
        data.loc[late, spec.cohort] = 0
        rows.data = data
        cohort = data[spec.cohort].to_numpy()
    already = (cohort > 0) & (cohort <= times[0])
    if already.any():
        n_units = np.unique(rows.unit_codes[already]).size
        warnings.warn(
            f"dropped {n_units} unit(s) already treated in the first period {times[0]} "
            "(no pre-treatment period to compare with)",
            UserWarning,
            stacklevel=3,
        )
        rows = rows.subset(~already)
        times = rows.times
    n_periods = np.bincount(rows.unit_codes, minlength=rows.n_units)
    incomplete = n_periods[rows.unit_codes] != times.size
    if incomplete.any() and not allow_unbalanced:
        n_units = int((n_periods != times.size).sum())
        warnings.warn(
            f"dropped {n_units} unit(s) not observed in all {times.size} periods "
            "to balance the panel (allow_unbalanced=True keeps them)",
            UserWarning,
            stacklevel=3,
        )
        rows = rows.subset(~incomplete)
        rows.n_units_dropped = n_units
    if rows.data.empty:
        raise ValueError("no units left after dropping already-treated and incomplete units")
    return rows


def check_cohort_sizes(rows: PanelRows, spec: PanelSpec, control_group: str) -> None:
    """Warn about tiny cohorts; refuse a tiny never-treated group, as R did does."""
    sizes = pd.Series(rows.per_unit(spec.cohort)).value_counts().sort_index()
    min_size = MIN_COHORT_SIZE + len(spec.covariates)
    small = sizes[sizes < min_size]
    if len(small):
        warnings.warn(
            f"small cohorts (fewer than {min_size} units) in {spec.cohort}: "
            f"{dict(small.astype(int))}; their group-time effects are imprecise",
            UserWarning,
            stacklevel=3,
        )
        if 0 in small.index and control_group == "nevertreated":
            raise ValueError(
                f"the never-treated group ({spec.cohort} == 0) has only {int(small[0])} units; "
                "use control_group='notyettreated'"
            )
    if not (sizes.index > 0).any():
        raise ValueError(f"{spec.cohort}: no treated cohort (all units have cohort 0)")


def _failure(column: str, check: str, value: object = None) -> dict:
    return {"file": "<data>", "row": None, "column": column, "check": check, "value": value}
