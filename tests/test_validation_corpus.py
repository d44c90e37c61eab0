"""A corpus of bad files, one class of silent misread per test (issue 9):
numbers in other scripts or widths, ids that differ only by what a reader
cannot see, wide views with colliding rows or one-sided bounds, numbers that
overflow or underflow, addresses that are not web addresses.  Each must load
correctly or fail naming file, row and column."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import write_csv

from ruralstudy import DataValidationError
from ruralstudy.datasets import _raise_on_cell_clash, validate
from ruralstudy.errors import MESSAGE_LINES, failures_frame
from ruralstudy.io import read_text_table


def run(mini, table: str, df: pd.DataFrame, tmp_path):
    """(typed frame or None, failures) of ``df`` written as CSV and validated."""
    path = write_csv(df, tmp_path / f"{table}.csv")
    refs = {name: frame for name, frame in mini.items() if name != table}
    try:
        return validate(read_text_table(path), table, file=path, reference=refs), None
    except DataValidationError as err:
        assert (err.failures["file"] == path).all()
        return None, err.failures


def failures_of(mini, table, df, tmp_path) -> pd.DataFrame:
    typed, failures = run(mini, table, df, tmp_path)
    assert failures is not None, f"{table} loaded although it should not:\n{typed}"
    return failures


def cell(failures: pd.DataFrame, row: int, column: str) -> dict:
    hits = failures[(failures["row"] == row) & (failures["column"] == column)]
    assert len(hits) == 1, failures.to_string()
    return hits.iloc[0].to_dict()


# --- numbers in other widths and scripts ------------------------------------------


def test_full_width_numbers_are_read_as_ascii(mini, tmp_path):
    facts = mini["facts"].astype(object)
    facts.loc[0, ["year", "value", "lower", "upper"]] = ["２０２５", "２０", "２０．０", "２0"]
    facts.loc[2, ["value", "upper"]] = ["＋２０", "2e１"]
    typed, failures = run(mini, "facts", facts, tmp_path)
    assert failures is None
    assert typed.loc[0, "year"] == 2025 and typed.loc[0, ["value", "lower", "upper"]].tolist() == [
        20.0,
        20.0,
        20.0,
    ]
    assert typed.loc[2, ["value", "upper"]].tolist() == [20.0, 20.0]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("٢٠٢٥", "U+0662"),  # Arabic-Indic digits: float() would take them
        ("२०२५", "U+0968"),  # Devanagari
        ("二〇二五", "U+3007"),  # Chinese numerals
        ("2025²", "U+00B2"),  # NFKC would make this 20252
    ],
)
def test_other_digits_in_a_year_are_rejected_and_named(mini, tmp_path, text, named):
    facts = mini["facts"].astype(object)
    facts.loc[1, "year"] = text
    rec = cell(failures_of(mini, "facts", facts, tmp_path), 3, "year")
    assert rec["check"].startswith("not a whole number") and named in rec["check"]
    assert rec["value"] == text


def test_every_number_column_of_places_reads_full_width_and_rejects_others(mini, tmp_path):
    places = mini["places"].astype(object)
    places.loc[2, ["lon", "lat", "coord_error_km"]] = ["１０６．５５", "２６．４", "５"]
    typed, failures = run(mini, "places", places, tmp_path)
    assert failures is None
    assert typed.loc[2, ["lon", "lat", "coord_error_km"]].tolist() == [106.55, 26.4, 5.0]
    places.loc[2, ["lon", "lat", "coord_error_km"]] = ["١٠٦", "−26.4", "5\u00a0km"]
    failures = failures_of(mini, "places", places, tmp_path)
    assert "U+0661" in cell(failures, 4, "lon")["check"]
    assert "U+2212 MINUS SIGN" in cell(failures, 4, "lat")["check"]
    assert cell(failures, 4, "coord_error_km")["check"].startswith("not a number")


def test_codes_in_full_width_are_rejected_with_their_ascii_form(mini, tmp_path):
    places = mini["places"]
    places.loc[1, "admin_code"] = "５２００００"
    rec = cell(failures_of(mini, "places", places, tmp_path), 3, "admin_code")
    assert "pattern" in rec["check"] and "'520000'" in rec["check"]
    places.loc[1, "admin_code"] = "٥٢٠٠٠٠"  # \d would have matched these
    assert (
        "pattern" in cell(failures_of(mini, "places", places, tmp_path), 3, "admin_code")["check"]
    )


def test_dates_with_other_digits_are_rejected(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[0, "as_of"] = "٢٠٢٥-10"
    assert "pattern" in cell(failures_of(mini, "facts", facts, tmp_path), 2, "as_of")["check"]


def test_intervention_year_in_full_width(mini, tmp_path):
    interventions = mini["interventions"].astype(object)
    interventions.loc[0, "year"] = "２０２０"
    typed, failures = run(mini, "interventions", interventions, tmp_path)
    assert failures is None and typed.loc[0, "year"] == 2020


# --- overflow, underflow, inf and nan ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1e-400", "underflow"),
        ("-1e-400", "underflow"),
        ("1e-310", "underflow"),  # subnormal: digits lost
        ("1e999", "overflow"),
        ("-1e999", "overflow"),
        ("inf", "not a value"),
        ("-Infinity", "not a value"),
        ("NaN", "not a value"),
        ("nan", "not a value"),
        ("1_000", "not a number"),
        ("0x10", "not a number"),
        ("1,000", "not a number"),
    ],
)
def test_numbers_that_do_not_fit_are_errors(mini, tmp_path, text, words):
    facts = mini["facts"].astype(object)
    facts.loc[2, "value"] = text
    rec = cell(failures_of(mini, "facts", facts, tmp_path), 4, "value")
    assert words in rec["check"] and rec["value"] == text


@pytest.mark.parametrize("text", ["0", "0.0", "-0", "0e5", "00.000"])
def test_true_zeros_are_zero(mini, tmp_path, text):
    facts = mini["facts"].astype(object)
    facts.loc[0, ["value", "lower", "upper"]] = text
    typed, failures = run(mini, "facts", facts, tmp_path)
    assert failures is None and typed.loc[0, "value"] == 0.0


def test_a_year_too_large_for_a_whole_number_column(mini, tmp_path):
    facts = mini["facts"].astype(object)
    facts.loc[0, "year"] = "99999999999999999999"
    assert "overflow" in cell(failures_of(mini, "facts", facts, tmp_path), 2, "year")["check"]


# --- ids -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["f-jobs\n", "f-jobs ", " f-jobs", "f-jobs\t", "f-jobs\r\n"])
def test_an_id_with_surrounding_whitespace_is_an_error(mini, tmp_path, bad):
    facts = mini["facts"]
    facts.loc[2, "fact_id"] = bad
    rec = cell(failures_of(mini, "facts", facts, tmp_path), 4, "fact_id")
    assert "surrounding whitespace" in rec["check"] and rec["value"] == bad


@pytest.mark.parametrize("twin", ["f-land\n", "F-LAND", "Ｆ-land", " f-land"])
def test_ids_differing_only_by_whitespace_width_or_case_are_duplicates(mini, tmp_path, twin):
    facts = mini["facts"]
    facts.loc[2, "fact_id"] = twin
    failures = failures_of(mini, "facts", facts, tmp_path)
    dup = failures[failures["check"].str.startswith("duplicate value")]
    assert set(dup["row"]) == {2, 4}
    assert dup.set_index("row").loc[2, "check"].endswith("also on row 4")
    assert dup["check"].str.contains("ignoring surrounding whitespace").all()


def test_source_ids_are_matched_whole(mini, tmp_path):
    sources = mini["sources"]
    sources.loc[1, "source_id"] = "mini-stats\n"
    failures = failures_of(mini, "sources", sources, tmp_path)
    assert "surrounding whitespace" in cell(failures, 3, "source_id")["check"]


def test_a_blank_required_cell_is_empty(mini, tmp_path):
    places = mini["places"]
    places.loc[0, "name_zh"] = "   "
    rec = cell(failures_of(mini, "places", places, tmp_path), 2, "name_zh")
    assert rec["check"] == "empty cell; a value is required"


# --- wide views ----------------------------------------------------------------------


def tourism_file(rows: list[dict]) -> pd.DataFrame:
    base = {"place_id": "cn.guizhou.guian.chetian", "year": 2025, "source_id": "mini-news"}
    return pd.DataFrame([base | r for r in rows])


def test_wide_rows_with_the_same_place_year_and_source_are_an_error(mini, tmp_path):
    wide = tourism_file([{"jobs_created": 20}, {"jobs_created": 25}, {"jobs_created": 30}])
    wide.loc[2, "year"] = 2024
    failures = failures_of(mini, "tourism", wide, tmp_path)
    assert failures[["row", "column"]].values.tolist() == [[2, "place_id"], [3, "place_id"]]
    assert failures["check"].tolist() == [
        "same place_id, year, source_id as row 3",
        "same place_id, year, source_id as row 2",
    ]


def test_undated_wide_rows_also_collide(mini, tmp_path):
    wide = tourism_file([{"jobs_created": 20}, {"jobs_created": 25}])
    wide["year"] = None
    assert set(failures_of(mini, "tourism", wide, tmp_path)["row"]) == {2, 3}


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (
            {"jobs_created": 30, "jobs_created_upper": 20},
            "jobs_created",
            "above jobs_created_upper",
        ),
        (
            {"jobs_created": 10, "jobs_created_lower": 20},
            "jobs_created",
            "below jobs_created_lower",
        ),
        (
            {"jobs_created": 10, "jobs_created_lower": 30, "jobs_created_upper": 20},
            "jobs_created_lower",
            "lower 30 > upper 20",
        ),
    ],
)
def test_each_wide_bound_is_checked_on_its_own(mini, tmp_path, row, column, words):
    rec = cell(failures_of(mini, "tourism", tourism_file([row]), tmp_path), 2, column)
    assert words in rec["check"]


def test_a_wide_value_within_its_bounds_loads(mini, tmp_path):
    wide = tourism_file([{"jobs_created": 15, "jobs_created_upper": 20}])
    typed, failures = run(mini, "tourism", wide, tmp_path)
    assert failures is None and typed.loc[0, "jobs_created"] == 15.0


def test_facts_that_would_share_a_wide_cell_name_both_rows():
    facts = pd.DataFrame(
        {
            "fact_id": ["a", "b", "c"],
            "place_id": ["p", "p", "p"],
            "year": pd.array([2025, 2025, 2024], dtype="Int64"),
            "source_id": ["s", "s", "s"],
            "indicator_id": ["jobs", "jobs", "jobs"],
        }
    )
    with pytest.raises(DataValidationError) as err:
        _raise_on_cell_clash(facts, "tourism", "data/facts.csv")
    assert err.value.failures["row"].tolist() == [2, 3]
    assert "as row 3" in err.value.failures["check"].iloc[0]


# --- addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        'https://x"><script>alert(1)</script>',
        "https://x/'onmouseover='alert(1)",
        "https://x/<img>",
        "https://example.org/a b",
        "https://example.org/\n",
        "ftp://example.org/file",
        "//example.org",
    ],
)
def test_only_web_addresses_are_sources(mini, tmp_path, url):
    sources = mini["sources"]
    sources.loc[1, "url"] = url
    rec = cell(failures_of(mini, "sources", sources, tmp_path), 3, "url")
    assert rec["value"] == url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?b=1&c=%E8%BD%A6#x",
        "http://szb.eyesnews.cn/pc/x.html",
        "https://zh.wikipedia.org/wiki/车田村",
    ],
)
def test_web_addresses_load(mini, tmp_path, url):
    sources = mini["sources"]
    sources.loc[1, "url"] = url
    assert run(mini, "sources", sources, tmp_path)[1] is None


# --- many failures ---------------------------------------------------------------------


def test_the_message_is_bounded_but_every_failure_is_kept():
    records = [
        {"file": "f.csv", "row": r, "column": "year", "check": "not a whole number", "value": "x"}
        for r in range(2, MESSAGE_LINES + 52)
    ]
    err = DataValidationError(failures_frame(records))
    assert len(err.failures) == MESSAGE_LINES + 50
    lines = str(err).splitlines()
    assert len(lines) == MESSAGE_LINES + 2 and lines[-1].startswith("… and 50 more")


def test_many_copies_of_one_id_give_short_messages(mini, tmp_path):
    facts = pd.concat([mini["facts"].iloc[[0]]] * 20_000, ignore_index=True)
    failures = failures_of(mini, "facts", facts, tmp_path)
    dup = failures[failures["check"].str.startswith("duplicate value")]
    assert len(dup) == 20_000
    assert (
        dup["check"].iloc[0]
        == "duplicate value; must be unique; also on row 3, 4, 5, 6, 7 and 19994 more"
    )
    assert dup["check"].str.len().max() < 100
