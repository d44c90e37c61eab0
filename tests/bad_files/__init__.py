"""A corpus of bad and unusual table files, built in a test's tmp_path.

Each Case builds one file and says what reading it must give: for a bad file,
the words of the message and, where there is one, the row (as a spreadsheet
numbers it) and the column; for a valid but unusual file, cells it must hold.
Files are generated rather than committed so the repository stays small and
every byte of a case can be read here.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FACTS_HEADER = "fact_id,place_id,value,unit,name_zh,quote"


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[Path], None]  # writes the file at the given path
    message: str | None = None  # regex the error must match; None: the file is valid
    row: int | None = None
    column: str | None = None
    cells: dict[str, list] = field(default_factory=dict)  # valid files: expected columns
    options: dict = field(default_factory=dict)  # keywords for read_text_table


def raw(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return raw(content.encode(encoding))


TABLE = "name_zh,value\n车田村,1\n脚尧村,2\n"
TABLE_CELLS = {"name_zh": ["车田村", "脚尧村"], "value": ["1", "2"]}


def _gbk_that_is_valid_utf8() -> str:
    """GBK hanzi whose two bytes also form one UTF-8 character (lead 0xC2-0xD7,
    trail 0xA1-0xBF): a GBK file of them is valid UTF-8 (Greek, Hebrew …)."""
    chars = [
        bytes((lead, trail)).decode("gbk")
        for lead in range(0xC2, 0xD8)
        for trail in (0xA1, 0xA9, 0xB3)
    ]
    return "".join(chars[:8])


def _mostly_utf8_with_gbk_row() -> bytes:
    return "name_zh,value\n车田村,1\n脚尧村,2\n".encode() + "贵州省,3\n".encode("gbk")


def _many_rows_with_title(title_line: str) -> str:
    rows = "\n".join(f"f{i},cn.chetian,{i},ha,车田村,整合{i}亩" for i in range(60))
    return f"{title_line}\n{FACTS_HEADER}\n{rows}\n"


CSV_ENCODINGS = [
    Case("utf8", "t.csv", text(TABLE), cells=TABLE_CELLS),
    Case("utf8 with BOM", "t.csv", text(TABLE, "utf-8-sig"), cells=TABLE_CELLS),
    Case("gbk", "t.csv", text(TABLE, "gbk"), cells=TABLE_CELLS),
    Case(
        "gb18030 with rare and four-byte characters",
        "t.csv",
        text("name_zh,value\n𠀀𪚥村,1\n䶮寨,2\n㙟村,3\n", "gb18030"),
        cells={"name_zh": ["𠀀𪚥村", "䶮寨", "㙟村"]},
    ),
    Case(
        "big5 that is genuinely big5",
        "t.csv",
        text("name_zh,quote\n臺北市,繁體中文測試\n車田村,貴州省黔東南\n", "big5"),
        cells={"name_zh": ["臺北市", "車田村"], "quote": ["繁體中文測試", "貴州省黔東南"]},
    ),
    Case(
        "utf16 LE with BOM, tab-delimited (Excel Unicode text)",
        "t.txt",
        text("名称\t数值\r\n车田村\t1\r\n脚尧村\t2\r\n", "utf-16"),
        cells={"名称": ["车田村", "脚尧村"], "数值": ["1", "2"]},
    ),
    Case(
        "utf16 LE with BOM named .csv",
        "t.csv",
        text("名称\t数值\r\n车田村\t1\r\n", "utf-16"),
        cells={"名称": ["车田村"]},
    ),
    Case(
        "utf16 BE with BOM",
        "t.csv",
        raw(codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be")),
        cells=TABLE_CELLS,
    ),
    Case("utf16 LE without BOM", "t.csv", text(TABLE, "utf-16-le"), cells=TABLE_CELLS),
    Case("utf32 with BOM", "t.csv", text(TABLE, "utf-32"), cells=TABLE_CELLS),
    Case("CRLF line ends", "t.csv", text(TABLE.replace("\n", "\r\n")), cells=TABLE_CELLS),
    Case("old Mac CR line ends", "t.csv", text(TABLE.replace("\n", "\r")), cells=TABLE_CELLS),
    Case(
        "quoted field with newlines and quotes",
        "t.csv",
        text('quote,value\n"第一行\n第二行，""引号""",1\n普通,2\n'),
        cells={"quote": ['第一行\n第二行，"引号"', "普通"], "value": ["1", "2"]},
    ),
    Case(
        "european names beside chinese",
        "t.csv",
        text("title,name_zh\nGödel and São Paulo,车田村\nα = 0.05 note,脚尧村\n"),
        cells={"title": ["Gödel and São Paulo", "α = 0.05 note"]},
    ),
    Case(
        "pinyin with tone marks, precomposed and combining",
        "t.csv",
        text("name_zh,name\n车田村,Chētián Cūn\n脚尧村,Jia\u030coya\u0301o\n"),
        cells={"name": ["Chētián Cūn", "Jia\u030coya\u0301o"]},
    ),
    Case(
        "a source's own words in Japanese, Korean, with box-drawing separators",
        "t.csv",
        text(
            "quote,title\n彼が就任した年、木界村の所得は6800元だった。,和美村寨系列报道│贵阳市\n"
            "한국어 기사,© 新华网 «报道»\n"
        ),
        cells={"title": ["和美村寨系列报道│贵阳市", "© 新华网 «报道»"]},
    ),
    Case(
        "chinese punctuation, full-width forms and symbols",
        "t.csv",
        text("quote,value\n“10万余元”（约）、①②·×°℃《报告》,1\n"),
        cells={"quote": ["“10万余元”（约）、①②·×°℃《报告》"]},
    ),
]

MOJIBAKE = [
    Case(
        "utf8 read as windows-1252 then saved",
        "t.csv",
        text("name_zh,value\n" + "车田村".encode().decode("cp1252", "replace") + ",1\n"),
        message="mojibake.*UTF-8 read as Windows-1252",
        row=2,
        column="name_zh",
    ),
    Case(
        "utf8 read as latin-1 then saved, in a quote",
        "t.csv",
        text("quote,value\nok,1\n" + "整合300亩撂荒地".encode().decode("latin-1") + ",2\n"),
        message="mojibake.*UTF-8 read as Windows-1252/Latin-1.*整合300亩撂荒地",
        row=3,
        column="quote",
    ),
    Case(
        "utf8 read as latin-1 in a column of any name",
        "t.csv",
        text("村名,value\n" + "黔东南苗族侗族自治州".encode().decode("latin-1") + ",1\n"),
        message="mojibake",
        row=2,
        column="村名",
    ),
    Case(
        "utf8 read as windows-1252 twice",
        "t.csv",
        text(
            "note,value\n"
            + "车田村整合".encode().decode("cp1252", "replace").encode().decode("cp1252", "replace")
            + ",1\n"
        ),
        message="mojibake",
        row=2,
        column="note",
    ),
    Case(
        "gbk read as latin-1 then saved",
        "t.csv",
        text("name_zh,value\n" + "车田村".encode("gbk").decode("latin-1") + ",1\n"),
        message="GB18030/GBK read as Windows-1252",
        row=2,
        column="name_zh",
    ),
    Case(
        "big5 read as latin-1 then saved",
        "t.csv",
        text("publisher,value\n" + "貴州日報社".encode("big5").decode("latin-1") + ",1\n"),
        message="Big5 read as Windows-1252",
        row=2,
        column="publisher",
    ),
    Case(
        "utf8 read as gbk then saved",
        "t.csv",
        text("title,value\n" + "贵州省黔东南州".encode().decode("gbk", "replace") + ",1\n"),
        message="UTF-8 read as GB18030/GBK",
        row=2,
        column="title",
    ),
    Case(
        "gbk file whose bytes are valid utf8",
        "t.csv",
        text("name_zh,value\n" + _gbk_that_is_valid_utf8() + ",1\n", "gbk"),
        message="valid UTF-8 but reads as Chinese only in GB18030/GBK",
    ),
    Case(
        "replacement characters",
        "t.csv",
        text("name_zh,value\n车田\ufffd\ufffd,1\n"),
        message="characters were lost.*U\\+FFFD",
        row=2,
        column="name_zh",
    ),
    Case(
        "锟斤拷 marks",
        "t.csv",
        text("quote,value\n公司实现锟斤拷分红,1\n"),
        message="lost.*锟斤拷",
        row=2,
        column="quote",
    ),
    Case(
        "question marks where chinese was",
        "t.csv",
        text("name_zh,value\n???,1\n"),
        message="question marks where Chinese text is expected",
        row=2,
        column="name_zh",
    ),
    Case(
        "private-use characters from a gbk user-defined area",
        "t.csv",
        raw(b"name_zh,value\n" + "贵州省黔东南苗族侗族自治州".encode("gbk") + b"\xaa\xa1,1\n"),
        message="characters were lost.*U\\+E",
        row=2,
        column="name_zh",
    ),
    Case(
        "cyrillic letters where chinese is expected",
        "t.csv",
        text("name_zh,value\nЖЖ村,1\n"),
        message="not plausible Chinese.*CYRILLIC",
        row=2,
        column="name_zh",
    ),
    Case(
        "C1 control characters",
        "t.csv",
        text("note,value\nabc\x85\x9d,1\n"),
        message="characters were lost",
        row=2,
        column="note",
    ),
    Case(
        "garbled header",
        "t.csv",
        text("名称".encode().decode("latin-1") + ",value\nx,1\n"),
        message="mojibake",
        row=1,
    ),
]

UNREADABLE_TEXT = [
    Case("binary junk", "t.csv", raw(bytes(range(256)) * 4), message="binary data"),
    Case("NUL bytes in text", "t.csv", raw(b"a,b\n1,\x002\n3,4\n"), message="binary data"),
    Case(
        "control characters",
        "t.csv",
        raw(b"a,b\n1,\x01\x02\n"),
        message="control character U\\+0001 on line 2",
    ),
    Case("empty file", "t.csv", raw(b""), message="empty file"),
    Case("only a BOM", "t.csv", raw(codecs.BOM_UTF8), message="empty file"),
    Case("only blank lines", "t.csv", raw(b"\n\r\n\n"), message="empty file"),
    Case(
        "shift-jis",
        "t.csv",
        text("名前,数\n東京都港区,1\nテスト,2\n", "shift_jis"),
        message="unknown text encoding",
    ),
    Case(
        "latin-1 european text",
        "t.csv",
        text("name,city\nMüller,Zürich\nÅse,Tromsø\n", "latin-1"),
        message="unknown text encoding",
    ),
    Case(
        "undecodable bytes",
        "t.csv",
        raw(b"\x81\x30\xff\xfe\xfa" * 20),
        message="unknown text encoding",
    ),
    Case(
        "mostly utf8 with a pasted gbk row",
        "t.csv",
        raw(_mostly_utf8_with_gbk_row()),
        message="mostly UTF-8.*line 4.*mixes two encodings",
    ),
    Case(
        "utf8 BOM then invalid bytes",
        "t.csv",
        raw(codecs.BOM_UTF8 + b"a,b\n\xb3\xb5,1\n"),
        message="UTF-8 with BOM byte-order mark but is not valid",
    ),
    Case(
        "utf16 BOM with an odd byte count",
        "t.csv",
        raw("a,b\n1,2\n".encode("utf-16") + b"\x00"),
        message="byte-order mark but is not valid",
    ),
]

CSV_STRUCTURE = [
    Case(
        "semicolon-delimited",
        "t.csv",
        text("name_zh;value;unit\n车田村;1;ha\n脚尧村;2;ha\n"),
        message="delimiter looks wrong.*semicolon",
    ),
    Case(
        "semicolon-delimited with decimal commas",
        "t.csv",
        text("name;value\nA;1,5\nB;2,25\nC;3\n"),
        message="delimiter looks wrong.*semicolon",
    ),
    Case(
        "tab-delimited named .csv",
        "t.csv",
        text("name_zh\tvalue\n车田村\t1\n脚尧村\t2\n"),
        message="delimiter looks wrong.*tab",
    ),
    Case(
        "tab-delimited named .tsv",
        "t.tsv",
        text("name_zh\tvalue\n车田村\t1\n脚尧村\t2\n"),
        cells=TABLE_CELLS,
    ),
    Case(
        "pipe-delimited",
        "t.csv",
        text("a|b|c\n1|2|3\n4|5|6\n"),
        message="delimiter looks wrong.*vertical bar",
    ),
    Case(
        "unbalanced quote",
        "t.csv",
        text('name_zh,value\n车田村,1\n"脚尧村,2\n贵州,3\n'),
        message="never closed",
        row=3,
        column="name_zh",
    ),
    Case(
        "text after a closing quote",
        "t.csv",
        text('name_zh,value\n车田村,1\n脚尧村,"2"亩\n'),
        message="after the closing quote",
        row=3,
        column="value",
    ),
    Case(
        "row numbers count records, not lines",
        "t.csv",
        text('quote,value\n"一\n二\n三",1\n脚尧村,"2"x\n'),
        message="after the closing quote",
        row=3,
        column="value",
    ),
    Case(
        "field over the csv limit",
        "t.csv",
        text("name_zh,quote\n车田村," + "长" * 140_000 + "\n"),
        message="field limit of 131,072",
        row=2,
        column="quote",
    ),
    Case(
        "unclosed quote swallowing a long file",
        "t.csv",
        text('name_zh,quote\n车田村,"开始\n' + "车田村,整合300亩\n" * 20_000),
        message="field limit of 131,072 characters .a quote opened in it is probably never closed",
        row=2,
        column="quote",
    ),
    Case(
        "title row above the header",
        "t.csv",
        text(_many_rows_with_title("车田村调查表 2025,,,,,")),
        message="header is not on row 1.*looks like row 2",
        row=1,
    ),
    Case(
        "title row without trailing commas",
        "t.csv",
        text(_many_rows_with_title("车田村调查表")),
        message="header is not on row 1",
        row=1,
    ),
    Case(
        "an empty first row",
        "t.csv",
        text("\n" + TABLE),
        message="header is not on row 1: row 1 is empty.*looks like row 2",
        row=1,
    ),
    Case(
        "blank row inside the table",
        "t.csv",
        text("name_zh,value\n车田村,1\n\n脚尧村,2\n"),
        message="blank row",
        row=3,
    ),
    Case(
        "row of empty cells inside the table",
        "t.csv",
        text("name_zh,value\n车田村,1\n,\n脚尧村,2\n"),
        message="blank row",
        row=3,
    ),
    Case(
        "short row",
        "t.csv",
        text("a,b,c\n1,2,3\n4,5\n"),
        message="2 fields but the header has 3",
        row=3,
    ),
    Case(
        "value beyond the last column",
        "t.csv",
        text("a,b\n1,2\n3,4,5\n"),
        message="beyond the last",
        row=3,
    ),
    Case(
        "repeated column name",
        "t.csv",
        text("a,b,a\n1,2,3\n"),
        message="used more than once",
        row=1,
        column="a",
    ),
    Case(
        "column without a name",
        "t.csv",
        text("a,,c\n1,2,3\n"),
        message="column 2 has no name",
        row=1,
    ),
    Case(
        "header repeated mid-file",
        "t.csv",
        text("name_zh,value\n车田村,1\nname_zh,value\n脚尧村,2\n"),
        message="header row again",
        row=3,
    ),
    Case(
        "two files joined, each with its BOM",
        "t.csv",
        raw(codecs.BOM_UTF8 + b"name_zh,value\n1,1\n" + codecs.BOM_UTF8 + b"name_zh,value\n2,2\n"),
        message="header row again",
        row=3,
    ),
    Case(
        "a BOM inside a cell",
        "t.csv",
        text("name_zh,value\n车\ufeff田村,1\n"),
        message="byte-order mark .U\\+FEFF. inside the text",
        row=2,
        column="name_zh",
    ),
    Case(
        "Excel's sep=, hint line is dropped", "t.csv", text("sep=,\r\n" + TABLE), cells=TABLE_CELLS
    ),
    Case(
        "Excel's sep=; hint line",
        "t.csv",
        text("sep=;\nname_zh;value\n车田村;1\n"),
        message="says the cells are separated by ';'",
        row=1,
    ),
    Case("a CSV renamed .xlsx is read as CSV", "t.xlsx", text(TABLE), cells=TABLE_CELLS),
    Case("junk renamed .xlsx", "t.xlsx", raw(bytes(range(256))), message="binary data"),
    Case(
        "trailing blank lines and commas are harmless",
        "t.csv",
        text("name_zh,value,\n车田村,1,\n脚尧村,2,\n\n\n"),
        cells=TABLE_CELLS,
    ),
]

OTHER_FORMATS = [
    Case(
        "old excel .xls",
        "t.xls",
        raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
        message="old Excel 97-2003 workbook \\(.xls\\).*save as Excel Workbook \\(.xlsx\\)",
    ),
    Case("pdf", "t.csv", raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), message="a PDF document"),
    Case(
        "html table saved as .xls",
        "t.xls",
        text("<html><body><table><tr><td>车田村</td></tr></table></body></html>"),
        message="web page",
    ),
    Case(
        "excel 2003 xml spreadsheet",
        "t.xml",
        text(
            '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        ),
        message="Excel 2003 XML spreadsheet",
    ),
    Case("gzip", "t.csv.gz", raw(b"\x1f\x8b\x08\x00" + b"\x00" * 20), message="gzip"),
    Case(
        "broken zip",
        "t.xlsx",
        raw(b"PK\x03\x04 not really a workbook"),
        message="not a readable XLSX",
    ),
    Case(
        "opendocument spreadsheet",
        "t.ods",
        lambda p: _zip(
            p, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}
        ),
        message="OpenDocument",
    ),
    Case(
        "excel binary workbook",
        "t.xlsb",
        lambda p: _zip(p, {"xl/workbook.bin": "x", "[Content_Types].xml": "<x/>"}),
        message="xlsb",
    ),
    Case(
        "word document",
        "t.xlsx",
        lambda p: _zip(p, {"word/document.xml": "<x/>"}),
        message="Word document",
    ),
    Case("plain zip", "t.xlsx", lambda p: _zip(p, {"data.csv": "a,b\n"}), message="a ZIP archive"),
]


def _zip(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)


ALL_TEXT_CASES = CSV_ENCODINGS + MOJIBAKE + UNREADABLE_TEXT + CSV_STRUCTURE + OTHER_FORMATS
