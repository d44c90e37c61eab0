"""One bad file per schema rule: each must be reported with file, row and column."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import write_csv

from ruralstudy import DataValidationError
from ruralstudy.datasets import validate
from ruralstudy.io import read_text_table


def check(mini, table: str, df: pd.DataFrame, tmp_path, encoding="utf-8") -> pd.DataFrame:
    """Validate ``df`` as ``table`` against the other mini tables; return its failures."""
    path = write_csv(df, tmp_path / f"{table}.csv", encoding=encoding)
    refs = {name: frame for name, frame in mini.items() if name != table}
    try:
        validate(read_text_table(path), table, file=path, reference=refs)
    except DataValidationError as err:
        assert err.failures.columns.tolist() == ["file", "row", "column", "check", "value"]
        assert (err.failures["file"] == path).all()
        return err.failures
    return pd.DataFrame(columns=["file", "row", "column", "check", "value"])


def only(failures: pd.DataFrame) -> dict:
    assert len(failures) == 1, failures.to_string()
    return failures.iloc[0].to_dict()


@pytest.mark.parametrize("table", ["sources", "places", "indicators", "facts", "interventions"])
def test_the_mini_tables_are_valid(mini, table, tmp_path):
    assert check(mini, table, mini[table], tmp_path).empty


def test_duplicate_id(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[2, "fact_id"] = "f-land"
    failures = check(mini, "facts", facts, tmp_path)
    rows = failures[failures["column"] == "fact_id"]
    assert set(rows["row"]) == {2, 4}  # both copies, as a spreadsheet numbers them
    assert rows["check"].str.contains("duplicate").all()


def test_unknown_place(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[1, "place_id"] = "cn.chongqing.youyang.chetian"  # a namesake elsewhere
    rec = only(check(mini, "facts", facts, tmp_path))
    assert (rec["row"], rec["column"], rec["value"]) == (3, "place_id", facts.loc[1, "place_id"])
    assert "unknown place" in rec["check"]


def test_lower_above_upper(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[1, ["lower", "upper"]] = [120000.0, 110000.0]
    failures = check(mini, "facts", facts, tmp_path)
    assert 3 in set(failures["row"])
    assert failures["check"].str.contains("lower 120000 > upper 110000").any()


def test_bounds_must_match_the_qualifier(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[2, "lower"] = 15.0  # 近20人 has no lower bound
    rec = only(check(mini, "facts", facts, tmp_path))
    assert (rec["row"], rec["column"]) == (4, "lower")
    assert "no lower bound" in rec["check"]


def test_unknown_unit(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[0, "unit"] = "mu"
    rec = only(check(mini, "facts", facts, tmp_path))
    assert (rec["row"], rec["column"], rec["value"]) == (2, "unit", "mu")
    indicators = mini["indicators"]
    indicators.loc[0, "unit"] = "亩"
    rec = only(check(mini, "indicators", indicators, tmp_path))
    assert (rec["row"], rec["column"], rec["check"][:12]) == (2, "unit", "unknown unit")


def test_unit_must_be_the_indicators(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[0, "unit"] = "kg"
    rec = only(check(mini, "facts", facts, tmp_path))
    assert rec["column"] == "unit" and "'ha'" in rec["check"]


def test_negative_area(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[0, ["value", "lower", "upper"]] = -20.0
    failures = check(mini, "facts", facts, tmp_path)
    assert set(failures["column"]) == {"value", "lower", "upper"}
    assert (failures["row"] == 2).all()
    assert failures["check"].str.contains("must be ≥ 0").all()


def test_missing_column(mini, tmp_path):
    facts = mini["facts"].drop(columns=["qualifier"])
    failures = check(mini, "facts", facts, tmp_path)
    missing = failures[failures["check"] == "missing column"]
    assert missing["column"].tolist() == ["qualifier"]
    assert missing["row"].isna().all()


def test_unexpected_column_is_reported_not_dropped(mini, tmp_path):
    facts = mini["facts"].assign(valeu=1)
    rec = only(check(mini, "facts", facts, tmp_path))
    assert rec["column"] == "valeu" and "unexpected column" in rec["check"]


def test_quote_not_in_its_source(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[1, "quote"] = "每年分红20万余元"
    rec = only(check(mini, "facts", facts, tmp_path))
    assert (rec["row"], rec["column"], rec["value"]) == (3, "quote", "每年分红20万余元")
    assert "not found in the text of mini-news" in rec["check"]


def test_quote_may_span_a_layout_line_break(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[1, "quote"] = "每年分红10万\n余元"
    assert check(mini, "facts", facts, tmp_path).empty


def test_quote_required_for_a_news_figure(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[0, "quote"] = None
    rec = only(check(mini, "facts", facts, tmp_path))
    assert (rec["row"], rec["column"]) == (2, "quote") and "news" in rec["check"]


def test_text_in_a_number_column_is_reported_not_coerced(mini, tmp_path):
    facts = mini["facts"].astype({"value": object, "year": object})
    facts.loc[0, "value"] = "20公顷"
    facts.loc[1, "year"] = "2025年"
    failures = check(mini, "facts", facts, tmp_path)
    value = failures[failures["column"] == "value"].iloc[0]
    assert (value["row"], value["check"], value["value"]) == (2, "not a number", "20公顷")
    year = failures[failures["column"] == "year"].iloc[0]
    assert (year["row"], year["check"]) == (3, "not a whole number")


def test_not_allowed_value_lists_the_allowed_ones(mini, tmp_path):
    places = mini["places"]
    places.loc[2, "level"] = "hamlet"
    rec = only(check(mini, "places", places, tmp_path))
    assert rec["column"] == "level" and "village" in rec["check"] and rec["value"] == "hamlet"


def test_every_failure_at_once(mini, tmp_path):
    facts = mini["facts"]
    facts.loc[0, "unit"] = "mu"
    facts.loc[1, "place_id"] = "cn.nowhere"
    facts.loc[2, "qualifier"] = "maybe"
    failures = check(mini, "facts", facts, tmp_path)
    assert {(2, "unit"), (3, "place_id"), (4, "qualifier")} <= set(
        zip(failures["row"], failures["column"], strict=True)
    )


def test_gbk_file_loads_the_same(mini, tmp_path):
    path = write_csv(mini["facts"], tmp_path / "facts_gbk.csv", encoding="gbk")
    raw = read_text_table(path)
    assert raw["text"].tolist() == ["300亩", "10万余元", "近20人"]
    refs = {n: f for n, f in mini.items() if n != "facts"}
    typed = validate(raw, "facts", file=path, reference=refs)
    assert typed["value"].tolist() == [20.0, 100000.0, 20.0]


def test_place_coordinates_need_precision_and_source(mini, tmp_path):
    places = mini["places"]
    places.loc[2, ["coord_precision", "coord_source_id"]] = None
    failures = check(mini, "places", places, tmp_path)
    assert set(failures["column"]) == {"coord_precision", "coord_source_id"}
    assert (failures["row"] == 4).all()


def test_rows_are_kept_in_order_and_typed(mini, tmp_path):
    path = write_csv(mini["facts"], tmp_path / "facts.csv")
    refs = {n: f for n, f in mini.items() if n != "facts"}
    typed = validate(read_text_table(path), "facts", file=path, reference=refs)
    assert typed["fact_id"].tolist() == ["f-land", "f-dividend", "f-jobs"]
    assert str(typed["year"].dtype) == "Int64" and typed["year"].isna().tolist() == [
        False,
        True,
        False,
    ]
    assert typed["value"].dtype == "float64"
