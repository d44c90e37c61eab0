"""Fixed effects and clusters of a TWFE regression, named as in pyfixest's formulas.

A term is a column (``"county_id"``) or columns joined by ``^`` for their
interaction (``"county_id^year"``: one level per county and year), as in
pyfixest's ``y ~ treated | village_id + year + county_id^year``. The unit and
period effects are always absorbed; ``fixed_effects`` adds terms to them.
Clusters are one or two terms (two-way clustering). A name that is a column
of the data is that column, even if it contains ``^``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ruralstudy.causal._demean import codes
from ruralstudy.causal._prepare import PanelSpec
from ruralstudy.errors import DataValidationError, failures_frame

Term = tuple[str, ...]  # the columns interacted


@dataclass(frozen=True)
class TwfeSpec(PanelSpec):
    """A panel spec with the clusters and the extra fixed effects of the regression."""

    clusters: tuple[Term, ...] = ()  # empty: cluster by unit
    fixed_effects: tuple[Term, ...] = ()  # absorbed besides unit and period

    @property
    def columns(self) -> list[str]:
        extra = [c for term in (*self.clusters, *self.fixed_effects) for c in term]
        return list(dict.fromkeys([*super().columns, *extra]))

    @property
    def cluster_label(self) -> str | tuple[str, ...]:
        """As the caller named them: one name, or a tuple for two-way clustering."""
        labels = tuple(label(t) for t in self.clusters) or (self.unit,)
        return labels[0] if len(labels) == 1 else labels

    @property
    def fixed_effect_labels(self) -> tuple[str, ...]:
        return (self.unit, self.time, *(label(t) for t in self.fixed_effects))


def label(term: Term) -> str:
    return "^".join(term)


def twfe_spec(
    df: pd.DataFrame,
    base: PanelSpec,
    cluster: str | Sequence[str] | None,
    fixed_effects: Sequence[str] | str | None,
) -> TwfeSpec:
    """The spec of ``base`` with its clusters and extra fixed effects parsed and checked."""
    cluster_names = _names("cluster", cluster)
    fe_names = _names("fixed_effects", fixed_effects)
    clusters = tuple(_parse(df, name, "cluster") for name in cluster_names)
    extra = tuple(_parse(df, name, "fixed effect") for name in fe_names)
    taken = {(base.unit,), (base.time,)}
    for term in extra:
        if term in taken:
            raise ValueError(
                f"fixed_effects: {label(term)!r} is already absorbed (the unit and period "
                "effects always are; list each further term once)"
            )
        taken.add(term)
    if len(set(clusters)) < len(clusters):
        raise ValueError(f"cluster: the same variable twice in {list(cluster_names)}")
    if clusters == ((base.unit,),):
        clusters = ()
    single = label(clusters[0]) if len(clusters) == 1 and len(clusters[0]) == 1 else None
    return TwfeSpec(
        base.outcome,
        base.unit,
        base.time,
        base.cohort,
        single,  # PanelSpec.cluster: a plain column, checked with the others
        base.covariates,
        clusters=clusters,
        fixed_effects=extra,
    )


def term_codes(
    data: pd.DataFrame, term: Term, known: dict[str, np.ndarray] | None = None
) -> np.ndarray:
    """Dense codes of a term's levels (of each combination, for an interaction).

    ``known`` holds codes already made for some columns (the unit's, the period's).
    """
    known = known or {}

    def column_codes(col: str) -> np.ndarray:
        return known[col] if col in known else codes(data[col].to_numpy())

    combined = column_codes(term[0])
    for col in term[1:]:
        more = column_codes(col)
        combined = codes(combined.astype(np.int64) * (int(more.max()) + 1) + more)
    return combined


def _names(role: str, value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    names = tuple(value)
    if not all(isinstance(n, str) and n for n in names):
        raise ValueError(f"{role}: give column names (or 'a^b' interactions), got {value!r}")
    return names


def _parse(df: pd.DataFrame, name: str, role: str) -> Term:
    if name in df.columns:
        return (name,)
    term = tuple(part.strip() for part in name.split("^"))
    missing = [c for c in term if c not in df.columns]
    if missing:
        raise DataValidationError(
            failures_frame(
                [
                    {
                        "file": "<data>",
                        "row": None,
                        "column": c,
                        "check": f"{role} column {c!r} (in {name!r}) missing; "
                        f"the data has {list(df.columns)}",
                        "value": None,
                    }
                    for c in missing
                ]
            ),
            "panel columns",
        )
    return term
