"""read_table: the encodings and formats researchers' spreadsheets write, and
clear errors for files that are not tables."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import write_csv

from ruralstudy import DataValidationError
from ruralstudy.datasets import validate
from ruralstudy.io import read_text_table


def refs(mini, table):
    return {name: frame for name, frame in mini.items() if name != table}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_read_the_same_text(mini, tmp_path, encoding):
    path = write_csv(mini["facts"], tmp_path / f"facts-{encoding}.csv", encoding=encoding)
    raw = read_text_table(path)
    assert raw.columns[0] == "fact_id"  # no BOM glued to the first header
    assert raw["quote"].tolist() == mini["facts"]["quote"].tolist()


def test_xlsx_reads_numbers_as_written(mini, tmp_path):
    path = tmp_path / "facts.xlsx"
    mini["facts"].to_excel(path, index=False)
    typed = validate(read_text_table(path), "facts", file=str(path), reference=refs(mini, "facts"))
    assert typed["year"].tolist()[0] == 2025  # Excel's float 2025.0 is the year 2025
    pd.testing.assert_series_equal(typed["value"], mini["facts"]["value"])


def test_round_trip_read_write_read_is_equal(mini, tmp_path):
    first_path = write_csv(mini["facts"], tmp_path / "a.csv")
    first = validate(read_text_table(first_path), "facts", reference=refs(mini, "facts"))
    second_path = tmp_path / "b.csv"
    first.to_csv(second_path, index=False)
    second = validate(read_text_table(second_path), "facts", reference=refs(mini, "facts"))
    pd.testing.assert_frame_equal(first, second)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 4, "binary data"),
        (b"\x81\x30\xff\xfe\xfa" * 20, "unknown text encoding"),
        (b"", "empty file"),
        (b"PK\x03\x04 not really a workbook", "not a readable XLSX"),
        (b'a,b\n"unterminated,1\n', "not a readable CSV"),
    ],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, content, message):
    path = tmp_path / "junk.csv"
    path.write_bytes(content)
    with pytest.raises(DataValidationError, match=message) as info:
        read_text_table(path)
    assert info.value.failures["file"].tolist() == [str(path)]


def test_excel_unicode_text_is_read_not_called_binary(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("名称\t数值\r\n车田,1\r\n".replace(",", "\t").encode("utf-16"))
    assert read_text_table(path).to_dict("list") == {"名称": ["车田"], "数值": ["1"]}


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataValidationError, match="cannot read file"):
        read_text_table(tmp_path / "nope.csv")


def test_a_text_file_that_is_not_the_table_lists_missing_columns(mini, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("今天的笔记\n车田村很美\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        validate(read_text_table(path), "facts", file=str(path), reference=refs(mini, "facts"))
    missing = info.value.failures.query("check == 'missing column'")["column"]
    assert {"fact_id", "value", "source_id"} <= set(missing)


def test_trailing_commas_are_harmless(mini, tmp_path):
    path = tmp_path / "facts.csv"
    text = mini["facts"].to_csv(index=False)
    path.write_text("\n".join(line + "," for line in text.splitlines()) + "\n", encoding="utf-8")
    raw = read_text_table(path)
    assert list(raw.columns) == list(mini["facts"].columns)
    assert raw["fact_id"].tolist() == ["f-land", "f-dividend", "f-jobs"]


def test_a_value_beyond_the_last_column_is_reported_not_shifted(mini, tmp_path):
    path = tmp_path / "facts.csv"
    lines = mini["facts"].to_csv(index=False).splitlines()
    lines[2] += ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        read_text_table(path)
    rec = info.value.failures.iloc[0]
    assert (rec["row"], rec["value"]) == (3, "surplus")
    assert "beyond the last" in rec["check"]


def test_blank_and_short_rows_are_reported_with_their_spreadsheet_row(mini, tmp_path):
    path = tmp_path / "facts.csv"
    lines = mini["facts"].to_csv(index=False).splitlines()
    lines.insert(2, "")  # a blank line after the first data row: row 3
    lines[3] = ",".join(lines[3].split(",")[:4])  # the next row stops early: row 4
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")  # trailing blank lines are fine
    with pytest.raises(DataValidationError) as info:
        read_text_table(path)
    failures = info.value.failures
    assert failures["row"].tolist() == [3, 4]
    assert "blank row" in failures["check"].iloc[0]
    assert "4 fields" in failures["check"].iloc[1]


def test_repeated_or_missing_column_names_are_reported(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("fact_id,value,value,,note\nf,1,2,3,\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        read_text_table(path)
    checks = info.value.failures["check"].tolist()
    assert "column name used more than once" in checks
    assert "column 4 has no name" in checks


def test_a_workbook_with_several_sheets_needs_the_sheet_named(mini, tmp_path):
    path = tmp_path / "survey.xlsx"
    with pd.ExcelWriter(path) as writer:
        mini["facts"].to_excel(writer, sheet_name="facts", index=False)
        pd.DataFrame({"说明": ["notes"]}).to_excel(writer, sheet_name="notes", index=False)
    with pytest.raises(DataValidationError, match="data on several sheets"):
        read_text_table(path)
    assert read_text_table(path, sheet="facts")["fact_id"].tolist()[0] == "f-land"
    with pytest.raises(DataValidationError, match="no sheet 'survey'"):
        read_text_table(path, sheet="survey")


def test_line_breaks_are_those_of_csv_only(tmp_path):
    # Inside quotes every line break is text; outside, only \r\n, \r and \n
    # end a row (not U+2028 or U+2029, which str.splitlines would split at).
    path = tmp_path / "breaks.csv"
    path.write_text(
        'name_zh,note\r\n车田村,"a\r\nb\rc\nd"\n脚尧村,x\u2028y\u2029z\r贵州,end',
        encoding="utf-8",
        newline="",
    )
    frame = read_text_table(path)
    assert frame["note"].tolist() == ["a\r\nb\rc\nd", "x\u2028y\u2029z", "end"]


def test_repeated_cells_share_one_string(tmp_path):
    # Memory: a column of repeated ids holds one string object, not one per row.
    path = tmp_path / "repeated.csv"
    lines = [f"f{i},cn.guizhou.chetian,{i}" for i in range(30_000)]
    path.write_text("fact_id,place_id,value\n" + "\n".join(lines) + "\n", encoding="utf-8")
    frame = read_text_table(path)
    places = frame["place_id"].tolist()
    assert places[0] == "cn.guizhou.chetian"
    assert all(place is places[0] for place in places)
    assert frame["fact_id"].tolist() == [f"f{i}" for i in range(30_000)]
    assert frame["value"].iloc[-1] == "29999"


def test_a_column_of_new_values_is_not_remembered():
    # The memo of repeated cells stays small: a column whose values are mostly
    # new (ids, quotes) is dropped from it, a repetitive one kept.
    from ruralstudy._csv import _Memo

    memo = _Memo()
    rows = 3 * _Memo.MIN_SIZE
    for i in range(rows):
        assert memo.cells([f"id-{i}", "cn.guizhou", ""]) == [f"id-{i}", "cn.guizhou", None]
    assert memo.columns[0] is None
    assert memo.columns[1] == {"cn.guizhou": "cn.guizhou"}
