"""Which cell styles of a workbook show dates, and in which number format.

calamine (the reader of values) turns a date-formatted number into a date
but does not say which format showed it; the format decides the precision
read (``_xlsx.date_text``: "yyyy-mm" is a month, not a day).  So the
workbook's styles are read here, and the sheet scan notes the format of
every date-styled cell.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
STYLES = "xl/styles.xml"
# The built-in formats a Chinese (zh-CN) Excel or WPS writes by id alone,
# which openpyxl's table lacks (ECMA-376 part 1, 18.8.30).
ZH_CN_BUILTIN = {
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"',
    33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"',
    35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    55: '上午/下午h"时"mm"分"',
    56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}


def date_styles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Style index (a cell's ``s`` attribute) → number format, for the
    styles whose format shows a date or a time.  Raises ElementTree.ParseError
    or KeyError for a broken styles part (the caller names the file)."""
    if STYLES not in archive.namelist():
        return {}
    root = ElementTree.fromstring(archive.read(STYLES))
    custom = {f.get("numFmtId"): f.get("formatCode", "") for f in root.iter(f"{MAIN}numFmt")}
    cell_formats = root.find(f"{MAIN}cellXfs")
    if cell_formats is None:
        return {}
    found = {}
    for index, xf in enumerate(cell_formats.iter(f"{MAIN}xf")):
        code = _format_code(xf.get("numFmtId", "0"), custom)
        if code and is_date_format(code):
            found[str(index)] = code
    return found


def _format_code(format_id: str, custom: dict[str, str]) -> str | None:
    if format_id in custom:
        return custom[format_id]
    try:
        number = int(format_id)
    except ValueError:
        return None
    return BUILTIN_FORMATS.get(number) or ZH_CN_BUILTIN.get(number)


def uses_1904_dates(archive: zipfile.ZipFile) -> bool:
    """Whether the workbook counts days from 1904 (old Mac Excel)."""
    root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    properties = root.find(f"{MAIN}workbookPr")
    return properties is not None and properties.get("date1904") in {"1", "true"}
