"""XLSX workbooks: ZIP bombs refused before their values are read, limits on
rows and cells, hidden rows, formulas without a value, dates at the
precision they show, one message for a title row."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile

import openpyxl
import pytest

from ruralstudy import DataValidationError
from ruralstudy.errors import HiddenCellsWarning
from ruralstudy.io import read_text_table


def workbook(path, rows, edit=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if edit:
        edit(ws)
    wb.save(path)
    return path


ROWS = [["name_zh", "value"], ["车田村", 1], ["脚尧村", 2], ["贵州", 3]]


def refused(path, match, **options):
    with pytest.raises(DataValidationError, match=match) as info:
        read_text_table(path, **options)
    assert set(info.value.failures["file"]) == {str(path)}
    return info.value.failures


def test_a_plain_workbook_reads_numbers_as_written(tmp_path):
    path = workbook(tmp_path / "t.xlsx", [["a", "b", "c"], [2025, 0.1, True], [1e20, -3.5, None]])
    frame = read_text_table(path)
    assert frame.to_dict("list") == {
        "a": ["2025", "100000000000000000000"],
        "b": ["0.1", "-3.5"],
        "c": ["TRUE", None],
    }


def test_a_zip_bomb_is_refused_from_its_declared_sizes(tmp_path):
    path = workbook(tmp_path / "bomb.xlsx", ROWS)
    padding = "<!--" + " " * (8 << 20) + "-->"  # 8 MiB that deflate packs ~1000 times
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", padding)
    refused(path, r"inflates [\d,]+ times .* limit of 100 \(max_ratio=\).*ZIP bomb")
    refused(path, r"unpacks to [\d,]+ bytes.*max_unpacked_bytes", max_unpacked_bytes=1_000_000)
    assert read_text_table(path, max_ratio=10_000)["name_zh"].tolist() == [
        "车田村",
        "脚尧村",
        "贵州",
    ]


def test_a_member_that_lies_about_its_size_is_refused(tmp_path):
    path = workbook(tmp_path / "lie.xlsx", ROWS)
    data = bytearray(path.read_bytes())
    # Declare 2 GiB for the sheet in the central directory: refused before inflating.
    central = data.rfind(
        b"PK\x01\x02", 0, data.find(b"xl/worksheets/sheet1.xml", data.find(b"PK\x01\x02"))
    )
    struct.pack_into("<I", data, central + 24, 2 << 30)
    path.write_bytes(bytes(data))
    refused(path, "unpacks to 2,14")


def test_rows_and_cells_are_capped_before_the_values_are_read(tmp_path):
    path = workbook(tmp_path / "big.xlsx", [[f"c{i}" for i in range(20)]] + [list(range(20))] * 50)
    refused(path, r"more than 500 cells.*max_cells=", max_cells=500)
    refused(path, r"more than 10 rows.*max_rows=", max_rows=10)
    assert len(read_text_table(path)) == 50


def test_a_cell_far_right_in_every_row_counts_its_padding(tmp_path):
    # The reader pads each row up to the last column: 200 rows reaching column
    # XFD are 3.3 million cells, over the default limit, though only 400 are written.
    def far(ws):
        for row in range(2, 202):
            ws.cell(row=row, column=16384, value="x")

    path = workbook(tmp_path / "wide.xlsx", ROWS, far)
    refused(path, r"more than 2,000,000 cells")


def test_hidden_rows_are_refused_or_read_on_request(tmp_path):
    def hide(ws):
        ws.row_dimensions[3].hidden = True

    path = workbook(tmp_path / "hidden.xlsx", ROWS, hide)
    failures = refused(path, r"1 hidden row\(s\) with data \(rows 3\).*hidden=\"read\"")
    assert failures["row"].tolist() == [3]
    with pytest.warns(
        HiddenCellsWarning, match=r"read as asked.*1 hidden row\(s\) with data \(rows 3\)"
    ):
        table = read_text_table(path, hidden="read")
    assert table["name_zh"].tolist() == ["车田村", "脚尧村", "贵州"]


def test_hidden_columns_and_sheets_are_refused(tmp_path):
    def hide_column(ws):
        ws.column_dimensions["B"].hidden = True

    path = workbook(tmp_path / "col.xlsx", ROWS, hide_column)
    assert refused(path, "hidden column")["column"].tolist() == ["value"]

    wb = openpyxl.Workbook()
    wb.active.title = "cover"
    data = wb.create_sheet("data")
    for row in ROWS:
        data.append(row)
    data.sheet_state = "hidden"
    wb.save(tmp_path / "sheet.xlsx")
    refused(tmp_path / "sheet.xlsx", "sheet 'data' is hidden")
    with pytest.warns(HiddenCellsWarning, match="sheet 'data' is hidden in the workbook"):
        assert len(read_text_table(tmp_path / "sheet.xlsx", hidden="read")) == 3
    with pytest.warns(HiddenCellsWarning, match=r"1 hidden column\(s\) with data \(value\)"):
        read_text_table(path, hidden="read")


def test_a_formula_without_a_computed_value_is_named(tmp_path):
    def formula(ws):
        ws["B3"] = "=B2*2"  # openpyxl stores formulas without a cached value

    failures = refused(
        workbook(tmp_path / "f.xlsx", ROWS, formula), "formula without a computed value"
    )
    assert (failures["row"].iloc[0], failures["column"].iloc[0]) == (3, "value")
    assert len(failures) == 1


def test_excel_error_values_are_named(tmp_path):
    def error(ws):
        ws["B2"] = "#DIV/0!"

    failures = refused(workbook(tmp_path / "e.xlsx", ROWS, error), "Excel error #DIV/0!")
    assert (failures["row"].iloc[0], failures["column"].iloc[0]) == (2, "value")


@pytest.mark.parametrize(
    ("number_format", "expected"),
    [
        ("yyyy-mm", "2025-10"),
        ('yyyy"年"m"月"', "2025-10"),
        ("mmm-yy", "2025-10"),
        ("yyyy", "2025"),
        ("yyyy-mm-dd", "2025-10-01"),
        ("m/d/yyyy", "2025-10-01"),
        ("yyyy-mm-dd hh:mm", "2025-10-01 08:30:00"),
    ],
)
def test_a_date_cell_keeps_the_precision_its_format_shows(tmp_path, number_format, expected):
    def date(ws):
        ws["B2"] = (
            dt.datetime(2025, 10, 1, 8, 30) if "h" in number_format else dt.datetime(2025, 10, 1)
        )
        ws["B2"].number_format = number_format

    path = workbook(tmp_path / "d.xlsx", [["fact_id", "as_of"], ["f1", None]], date)
    assert read_text_table(path)["as_of"].tolist() == [expected]


def test_a_date_whose_format_hides_the_year_is_refused(tmp_path):
    def date(ws):
        ws["B2"] = dt.datetime(2025, 10, 1)
        ws["B2"].number_format = "mmm-dd"

    failures = refused(
        workbook(tmp_path / "d.xlsx", [["fact_id", "as_of"], ["f1", None]], date),
        "precision|unclear",
    )
    assert (failures["row"].iloc[0], failures["column"].iloc[0]) == (2, "as_of")


def test_a_title_row_above_the_header_is_one_message(tmp_path):
    rows = [["车田村调查表 2025"], ["fact_id", "value", "unit", "note"]]
    rows += [[f"f{i}", i, "ha", "整合"] for i in range(60)]
    failures = refused(
        workbook(tmp_path / "title.xlsx", rows), "header is not on row 1.*looks like row 2"
    )
    assert len(failures) == 1


def test_several_sheets_need_the_sheet_named(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "facts"
    for row in ROWS:
        wb.active.append(row)
    wb.create_sheet("notes").append(["说明"])
    wb.save(tmp_path / "two.xlsx")
    refused(tmp_path / "two.xlsx", "data on several sheets")
    assert read_text_table(tmp_path / "two.xlsx", sheet="facts")["value"].tolist() == [
        "1",
        "2",
        "3",
    ]
    refused(tmp_path / "two.xlsx", "no sheet 'survey'", sheet="survey")


def test_mojibake_in_a_workbook_is_reported(tmp_path):
    rows = [["name_zh", "value"], ["车田村".encode().decode("latin-1"), 1]]
    failures = refused(workbook(tmp_path / "m.xlsx", rows), "mojibake")
    assert (failures["row"].iloc[0], failures["column"].iloc[0]) == (2, "name_zh")


def test_a_truncated_workbook_is_refused(tmp_path):
    path = workbook(tmp_path / "cut.xlsx", ROWS)
    path.write_bytes(path.read_bytes()[:-200])
    refused(path, "not a readable XLSX")


def test_a_sheet_declaring_entities_is_refused(tmp_path):
    path = workbook(tmp_path / "dtd.xlsx", ROWS)
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    laughs = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    members["xl/worksheets/sheet1.xml"] = laughs + sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    refused(path, "declares a DOCTYPE")


def test_merged_cells_below_the_header_are_refused(tmp_path):
    def merge(ws):
        ws.merge_cells("A2:A4")  # a place name merged down its rows: rows 3-4 read empty

    failures = refused(workbook(tmp_path / "merged.xlsx", ROWS, merge), r"merged cells \(A2:A4\)")
    assert (failures["row"].iloc[0], failures["column"].iloc[0]) == (2, "name_zh")


def patch_sheet(path, old: bytes, new: bytes):
    """Rewrite the sheet XML (for what openpyxl will not write, e.g. a height of 0)."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    assert old in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


def test_rows_hidden_by_their_height_are_hidden_rows(tmp_path):
    path = patch_sheet(
        workbook(tmp_path / "h.xlsx", ROWS), b'<row r="3"', b'<row r="3" ht="0" customHeight="1"'
    )
    assert refused(path, "hidden row")["row"].tolist() == [3]

    def hide_all(ws):
        ws.sheet_format.zeroHeight = True  # every row hidden unless it says otherwise

    refused(workbook(tmp_path / "all.xlsx", ROWS, hide_all), "4 hidden row")


def test_a_column_zero_wide_is_a_hidden_column(tmp_path):
    path = patch_sheet(
        workbook(tmp_path / "w.xlsx", ROWS),
        b"<sheetData>",
        b'<cols><col min="2" max="2" width="0" customWidth="1"/></cols><sheetData>',
    )
    assert refused(path, "hidden column")["column"].tolist() == ["value"]


def restyle(path, cell: bytes, number_format_id: int):
    """Give one cell a new style whose number format is a built-in id
    (what a Chinese Excel writes for 2025年10月, and openpyxl will not)."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    styles = members["xl/styles.xml"].decode()
    head, _, rest = styles.partition('<cellXfs count="')
    count, _, rest = rest.partition('"')
    xfs, _, tail = rest.partition("</cellXfs>")
    xf = f'<xf numFmtId="{number_format_id}" applyNumberFormat="1"/>'
    styles = f'{head}<cellXfs count="{int(count) + 1}"{xfs}{xf}</cellXfs>{tail}'
    members["xl/styles.xml"] = styles.encode()
    sheet = members["xl/worksheets/sheet1.xml"]
    ref = b'<c r="' + cell + b'"'
    assert ref in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace(ref, ref + f' s="{count}"'.encode(), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize(("format_id", "expected"), [(57, "2025-10"), (31, "2025-10-01")])
def test_chinese_built_in_date_formats_keep_their_precision(tmp_path, format_id, expected):
    # 45931 is 2025-10-01; id 57 is yyyy"年"m"月", id 31 yyyy"年"m"月"d"日" (zh-CN Excel).
    path = workbook(tmp_path / "zh.xlsx", [["fact_id", "as_of"], ["f1", 45931]])
    restyle(path, b"B2", format_id)
    assert read_text_table(path)["as_of"].tolist() == [expected]


def test_text_in_a_date_formatted_cell_stays_text(tmp_path):
    def text_date(ws):
        ws["B2"] = "2025"
        ws["B2"].number_format = "yyyy-mm-dd"

    path = workbook(tmp_path / "t.xlsx", [["fact_id", "as_of"], ["f1", None]], text_date)
    assert read_text_table(path)["as_of"].tolist() == ["2025"]


def test_dates_of_a_1904_workbook(tmp_path):
    def date(ws):
        ws["B2"] = dt.datetime(2025, 10, 1)
        ws["B2"].number_format = "yyyy-mm"

    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["fact_id", "as_of"])
    ws.append(["f1", None])
    date(ws)
    wb.save(tmp_path / "mac.xlsx")
    assert b'date1904="1"' in zipfile.ZipFile(tmp_path / "mac.xlsx").read("xl/workbook.xml")
    assert read_text_table(tmp_path / "mac.xlsx")["as_of"].tolist() == ["2025-10"]


def test_a_formula_whose_stored_result_is_an_error_is_named(tmp_path):
    path = patch_sheet(
        workbook(tmp_path / "e.xlsx", ROWS),
        b'<c r="B3" t="n"><v>2</v></c>',
        b'<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    )
    failures = refused(path, r"Excel error #DIV/0!")
    assert failures[["row", "column"]].values.tolist() == [[3, "value"]]


def test_one_value_far_right_widens_every_row(tmp_path):
    # The values are read as the rectangle from A1 to the last row and column
    # holding a value: one cell in column XFD makes 200 rows 3.3 million cells.
    def far(ws):
        for row in range(2, 202):
            ws.cell(row=row, column=1, value=row)
        ws.cell(row=2, column=16384, value="x")

    refused(workbook(tmp_path / "far.xlsx", [["a"]], far), r"more than 2,000,000 cells")


def test_a_damaged_part_the_scan_does_not_read_is_refused(tmp_path):
    # calamine reads the archive on its own: every member is inflated and its
    # CRC checked first, not only the sheets the scan streams.
    path = workbook(tmp_path / "s.xlsx", ROWS)
    member = b"xl/theme/theme1.xml"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        crc = archive.getinfo(member.decode()).CRC
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(member))
    assert struct.unpack_from("<I", data, central + 16)[0] == crc
    data[central + 16] ^= 0xFF  # the stored CRC no longer fits the bytes
    path.write_bytes(bytes(data))
    refused(path, "theme1.xml is damaged")


@pytest.mark.parametrize("ref", ["A１", "B٢", "C３0"])
def test_a_cell_reference_in_other_digits_is_no_reference(ref):
    """Cell references are ASCII (ECMA-376); int() would read A１ as row 1."""
    from ruralstudy._xlsx_scan import CELL_REF

    assert CELL_REF.fullmatch(ref) is None
    assert CELL_REF.fullmatch("A12").groups() == ("A", "12")
