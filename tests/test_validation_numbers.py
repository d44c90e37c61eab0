"""Reading numbers from cells: what is a number, and that no cell is ever
silently lost (a present cell is either a number or a reported failure)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruralstudy import schemas
from ruralstudy.checks import column_failures
from ruralstudy.numbers import narrow, read_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2025", 2025.0),
        ("+12.5", 12.5),
        (" 12.5 ", 12.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e5", 100000.0),
        ("-0", 0.0),
        ("１２．５", 12.5),
        ("－３", -3.0),
        ("１Ｅ３", 1000.0),
        ("2.2250738585072014e-308", 2.2250738585072014e-308),  # smallest normal float
        ("1.7976931348623157e308", 1.7976931348623157e308),
    ],
)
def test_numbers(text, number):
    assert read_number(text) == (number, None)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1e-400", "underflow"),
        ("4.9e-324", "underflow"),
        ("1.8e308", "overflow"),
        ("inf", "not a value"),
        ("NaN", "not a value"),
        ("+Infinity", "not a value"),
        ("１_０００", "not a number"),
        ("٣", "U+0663"),
        ("3\u2009000", "U+2009"),  # thin space as a thousands separator
        ("½", "U+00BD"),
        ("", "not a number"),
        ("20公顷", "not a number"),
    ],
)
def test_not_numbers(text, words):
    number, problem = read_number(text)
    assert number is None and words in problem


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        ("2025", 2025, None),
        ("２０２５", 2025, None),
        ("-7", -7, None),
        ("2025.0", None, "not a whole number"),
        ("2e3", None, "not a whole number"),
        ("9007199254740993", None, "overflow"),
    ],
)
def test_whole_numbers(text, number, words):
    got, problem = read_number(text, whole=True)
    assert got == number and (problem is None if words is None else words in problem)


def test_narrow_only_touches_full_width_forms():
    assert narrow("２０２５－１０　ｘ") == "2025-10 x"
    assert narrow("10²·٢") == "10²·٢"


# Cells a hostile spreadsheet might hold: digits of several scripts and
# widths, signs, points, exponents, spaces, letters, and the odd symbol.
CELL = st.text(
    alphabet=st.sampled_from(list("0123456789+-.eE_ ,") + list("０１２．－ｅ٢३²〇−\u00a0年xinfa")),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(CELL, min_size=1, max_size=30))
def test_no_number_cell_is_lost_silently(cells):
    raw = pd.DataFrame({"lon": cells, "coord_error_km": cells}, dtype=object)
    spec = schemas.TableSchema(
        "t", [schemas.Col("lon", "float", required=False), schemas.Col("coord_error_km", "int")]
    )
    failures, typed = column_failures(raw, spec, "f.csv")
    for column in ("lon", "coord_error_km"):
        reported = {r["row"] for r in failures if r["column"] == column}
        for idx, text in enumerate(cells):
            value = typed[column].iloc[idx]
            if idx + 2 in reported:
                assert pd.isna(value)
                continue
            assert not pd.isna(value) and math.isfinite(float(value)), (column, text)
            whole = column == "coord_error_km"
            expected, problem = read_number(text, whole=whole)
            assert problem is None and float(value) == float(expected), (text, value)


def test_a_number_column_typed_already_is_kept():
    raw = pd.DataFrame({"lon": np.array([106.5, np.nan]), "coord_error_km": ["5", None]})
    spec = schemas.TableSchema(
        "t", [schemas.Col("lon", "float", required=False), schemas.Col("coord_error_km", "int")]
    )
    failures, typed = column_failures(raw, spec, "f.csv")
    assert typed["lon"].iloc[0] == 106.5 and pd.isna(typed["lon"].iloc[1])
    assert [(r["row"], r["check"]) for r in failures] == [(3, "empty cell; a value is required")]
