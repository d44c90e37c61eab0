"""Time and peak memory of reading table files, and of refusing hostile ones.

Issue 9: a 1 MB XLSX inflating to 1 GiB took 9 GB and died; one with 14.7
million cells ran past 5 minutes; /dev/zero raised MemoryError and a FIFO
hung.  Each case here runs in a fresh interpreter, which reports its own wall
and CPU time for read_text_table (CPU time tells a slow reader from a busy
machine) and its peak resident memory (ru_maxrss, the whole process, pandas
included).

    python benchmarks/bench_reading.py [--rows 100000] [--bomb-mib 1024] [--cells 14700000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from ruralstudy import DataValidationError
from ruralstudy.io import read_text_table
options = json.loads(sys.argv[2])
t, cpu = time.perf_counter(), time.process_time()
try:
    outcome = f"read {len(read_text_table(sys.argv[1], **options))} rows"
except DataValidationError as err:
    outcome = "refused: " + str(err).splitlines()[1].split(": ", 1)[1][:70]
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": elapsed, "cpu": cpu, "mb": peak, "outcome": outcome}))
"""

ROW = (
    "f{i},cn.guizhou.guian.chetian,land_consolidated_area,2025,2025-10,{i}.5,,,exact,ha,"
    "300亩,mini-news,车田村整合300亩撂荒地\n"
)
HEADER = (
    "fact_id,place_id,indicator_id,year,as_of,value,lower,upper,qualifier,unit,text,"
    "source_id,quote\n"
)


def write_csv(path: Path, rows: int, encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        handle.write(HEADER)
        for i in range(rows):
            handle.write(ROW.format(i=i))
    return path


def write_xlsx(path: Path, rows: int) -> Path:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("facts")
    ws.append(HEADER.strip().split(","))
    for i in range(rows):
        ws.append(ROW.format(i=i).strip().split(","))
    wb.save(path)
    return path


def write_bomb(path: Path, mib: int) -> Path:
    """A valid-looking workbook whose sheet inflates to ``mib`` MiB of empty rows."""
    _write_workbook(path, lambda sheet: _stream(sheet, b"<row/>" * 10_000, mib << 20))
    return path


def write_many_cells(path: Path, cells: int) -> Path:
    """A workbook of ``cells`` one-character cells, 100 to a row."""
    row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 100 + b"</row>"
    _write_workbook(path, lambda sheet: _stream(sheet, row, len(row) * (cells // 100)))
    return path


def _stream(sheet, chunk: bytes, size: int) -> None:
    sheet.write(
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    for _ in range(size // len(chunk)):
        sheet.write(chunk)
    sheet.write(b"</sheetData></worksheet>")


def _write_workbook(path: Path, write_sheet) -> None:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            write_sheet(sheet)


def measure(path: str, options: dict) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path, json.dumps(options)],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode != 0:
        nan = float("nan")
        return {"s": nan, "cpu": nan, "mb": nan, "outcome": "crashed: " + done.stderr[-200:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, default=100_000, help="facts rows in the CSV/XLSX cases"
    )
    parser.add_argument("--bomb-mib", type=int, default=1024, help="unpacked size of the ZIP bomb")
    parser.add_argument("--cells", type=int, default=14_700_000, help="cells of the huge sheet")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {
            f"CSV UTF-8, {args.rows:,} facts rows": write_csv(folder / "f.csv", args.rows, "utf-8"),
            f"CSV GBK, {args.rows:,} facts rows": write_csv(folder / "g.csv", args.rows, "gbk"),
            f"XLSX, {args.rows:,} facts rows": write_xlsx(folder / "f.xlsx", args.rows),
            f"XLSX ZIP bomb, {args.bomb_mib:,} MiB unpacked": write_bomb(
                folder / "b.xlsx", args.bomb_mib
            ),
            # Its repeated cells compress ~300 times, which the ratio check alone
            # refuses; the ratio is lifted here to time the cell count instead.
            f"XLSX of {args.cells:,} cells (max_ratio lifted)": (
                write_many_cells(folder / "c.xlsx", args.cells),
                {"max_ratio": 1e9, "max_unpacked_bytes": 10**12},
            ),
            "/dev/zero": Path("/dev/zero"),
        }
        if hasattr(os, "mkfifo"):
            os.mkfifo(folder / "pipe.csv")
            cases["a FIFO"] = folder / "pipe.csv"
        for name, case in cases.items():
            path, options = case if isinstance(case, tuple) else (case, {})
            size = path.stat().st_size if path.is_file() else 0
            result = measure(str(path), options)
            print(
                f"{name:42s} {size / 1e6:8.1f} MB on disk  {result['s']:7.2f} s "
                f"(CPU {result['cpu']:6.2f} s)  "
                f"peak {result['mb']:7.0f} MB  {result['outcome']}"
            )


if __name__ == "__main__":
    main()
