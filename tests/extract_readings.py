"""What the extractor reads from a sentence, in the short forms the rule tests compare."""

from __future__ import annotations

import math

from ruralstudy.extract import extract_quantities


def texts(text: str) -> list[str]:
    """The span of each figure found."""
    return extract_quantities(text)["text"].tolist()


def units(text: str) -> list[tuple[str, str]]:
    """(span, canonical unit) of each figure."""
    df = extract_quantities(text)
    return list(zip(df["text"], df["norm_unit"], strict=True))


def _num(x: float) -> float | None:
    return None if math.isnan(x) else x


def rows(text: str) -> list[tuple]:
    """(span, lower, upper, unit, qualifier, canonical unit) of each figure, NaN as None."""
    return [
        (r.text, _num(r.lower), _num(r.upper), r.unit, r.qualifier, r.norm_unit)
        for r in extract_quantities(text).itertuples()
    ]


def readings(text: str) -> list[tuple]:
    """(span, value, lower, upper, unit, canonical unit) of each figure, NaN as None."""
    return [
        (r.text, _num(r.value), _num(r.lower), _num(r.upper), r.unit, r.norm_unit)
        for r in extract_quantities(text).itertuples()
    ]


def full_rows(text: str) -> list[tuple]:
    """(span, value, lower, upper, unit, qualifier, canonical unit) of each figure, NaN as None."""
    return [
        (r.text, _num(r.value), _num(r.lower), _num(r.upper), r.unit, r.qualifier, r.norm_unit)
        for r in extract_quantities(text).itertuples()
    ]
