"""Read a file's bytes safely: regular files only, never more than a limit.

``Path.read_bytes()`` on /dev/zero never ends (MemoryError) and on a FIFO
blocks forever; a file is therefore checked with ``stat`` before it is
opened (which does not block), opened without blocking, checked again on
the open descriptor (it may have been swapped), and read to at most
``max_bytes + 1`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ruralstudy._problems import RESAVE_CSV, file_error

# Formats a researcher may hand over by mistake, by their first bytes.
OTHER_FORMATS = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Excel 97-2003 workbook (.xls), or a password-protected workbook",
    ),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
MARKUP_FORMATS = (
    (b"urn:schemas-microsoft-com:office:spreadsheet", "an Excel 2003 XML spreadsheet"),
    (b"<html", "a web page (HTML, often saved by a website as .xls)"),
    (b"<table", "a web page (HTML, often saved by a website as .xls)"),
)
SAVE_AS = f"open it and save as Excel Workbook (.xlsx), or as CSV UTF-8 ({RESAVE_CSV})"


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or DataValidationError."""
    try:
        info = path.stat()
    except OSError as exc:
        raise file_error(path, f"cannot read file: {exc.strerror or exc}") from None
    _require_regular(path, info.st_mode)
    if info.st_size > max_bytes:
        raise _too_large(path, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise file_error(path, f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        _require_regular(path, os.fstat(handle.fileno()).st_mode)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew after stat
        raise _too_large(path, max_bytes)
    return data


def _too_large(path: Path, max_bytes: int):
    return file_error(
        path,
        f"the file is larger than the limit of {max_bytes:,} bytes (max_bytes=); "
        "split it, or pass a larger max_bytes= if it is meant to be this big",
    )


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    raise file_error(path, f"not a file that can be read as a table: it is {kind}")


def refuse_other_formats(raw: bytes, path: Path) -> None:
    """DataValidationError naming the format of a file that is not CSV or XLSX."""
    for magic, name in OTHER_FORMATS:
        if raw.startswith(magic):
            raise file_error(path, f"not a CSV or XLSX table: the file is {name}; {SAVE_AS}")
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<!doctype", b"<html", b"<table")):
        for marker, name in MARKUP_FORMATS:
            if marker in raw[:4096].lower():
                raise file_error(path, f"not a CSV or XLSX table: the file is {name}; {SAVE_AS}")
