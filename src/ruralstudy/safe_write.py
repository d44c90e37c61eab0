"""Writing output files so that they cannot be abused or lose work.

Three rules for every file the package writes:

* **Atomic**: the bytes go to a temporary file in the target's folder, which
  then replaces the target in one step (``os.replace``).  An interrupted or
  failed write leaves the old file (or none), never a truncated one under
  the final name.
* **Never over an input, never through a link**: a target that is the same
  file as one of the command's inputs is refused (``extract -o article.txt``
  would destroy the article), and so is a target that is a symbolic link —
  writing through it would overwrite a file somewhere else, and replacing the
  link would silently undo the user's set-up; the message says which.
* **Spreadsheet-safe CSV**: a text cell beginning with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return is run as a formula when Excel or
  LibreOffice opens the CSV ("CSV injection").  Following the OWASP advice
  (https://owasp.org/www-community/attacks/CSV_Injection) such a cell is
  written with a leading apostrophe, which spreadsheets read as "this is
  text".  Numbers stay numbers: numeric columns are never touched, and a text
  cell that is a plain number ("-5", "+3.2e4") is not a formula either.
  ``restore_cell`` undoes the prefix when the package reads such a file back
  (``ruralstudy add``), so the data keep the true text.

Failures (missing folder, permission, full disk) raise ``OutputError`` with
a one-line message naming the file.

>>> import pandas as pd
>>> neutralise_frame(pd.DataFrame({"quote": ["=1+1", "-5", "车田村"]}))["quote"].tolist()
["'=1+1", '-5', '车田村']
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A cell that is only a number is read as that number, not as a formula.  ASCII digits
# only: "-٣" or "-３" is no number a spreadsheet reads, so it keeps its apostrophe.
_PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


class OutputError(Exception):
    """An output file that cannot or must not be written; the message is one
    line naming the file and the reason."""


def neutralise_cell(value: object) -> object:
    """``value`` with an apostrophe in front if a spreadsheet would run it as
    a formula; anything else (numbers, missing values, plain text) unchanged.

    >>> neutralise_cell("@SUM(A1)"), neutralise_cell("-12.5"), neutralise_cell(-3)
    ("'@SUM(A1)", '-12.5', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        if not _PLAIN_NUMBER.fullmatch(value):
            return "'" + value
    return value


def restore_cell(value: object) -> object:
    """The true text of a cell ``neutralise_cell`` wrote (the apostrophe
    before a formula character removed); anything else unchanged.

    >>> restore_cell("'=1+1"), restore_cell("'quoted'")
    ('=1+1', "'quoted'")
    """
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell made spreadsheet-safe; columns
    of numbers (and the values in them) are left exactly as they are."""
    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):  # bools are numeric too
            out[col] = out[col].map(neutralise_cell, na_action="ignore")
    return out


def csv_bytes(frame: pd.DataFrame, encoding: str = "utf-8-sig") -> bytes:
    """``frame`` as spreadsheet-safe CSV (no index; BOM by default so Excel
    reads the Chinese text as UTF-8)."""
    buffer = io.StringIO(newline="")
    neutralise_frame(frame).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode(encoding)


def write_csv(
    frame: pd.DataFrame,
    path: str | Path,
    inputs: Iterable[str | Path] = (),
    encoding: str = "utf-8-sig",
) -> Path:
    """Write ``frame`` as spreadsheet-safe CSV to ``path``, atomically, never
    over one of ``inputs`` nor through a symbolic link; return the path.

    >>> write_csv(pd.DataFrame({"a": [1]}), "out.csv", inputs=["article.txt"])  # doctest: +SKIP
    PosixPath('out.csv')
    """
    return write_bytes(path, csv_bytes(frame, encoding), inputs)


def write_text(
    path: str | Path, text: str, inputs: Iterable[str | Path] = (), encoding: str = "utf-8"
) -> Path:
    """``write_bytes`` for text (UTF-8 by default)."""
    return write_bytes(path, text.encode(encoding), inputs)


def write_bytes(path: str | Path, data: bytes, inputs: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder,
    then ``os.replace``).  Refuses a target that is one of ``inputs`` or a
    symbolic link; an OS failure becomes ``OutputError`` and leaves no
    temporary file behind.

    >>> write_bytes("notes/summary.txt", b"ok")  # doctest: +SKIP
    PosixPath('notes/summary.txt')
    """
    path = Path(path)
    check_target(path, inputs)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: no folder {folder}")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return path


def check_target(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Raise OutputError if ``path`` is a symbolic link, a folder, or the same
    file as one of ``inputs`` (checked before any work is done)."""
    path = Path(path)
    if path.is_symlink():
        raise OutputError(
            f"refusing to write {path}: it is a symbolic link (to {os.readlink(path)}); "
            "give the real file or remove the link"
        )
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    for source in inputs:
        if _same_file(path, Path(source)):
            raise OutputError(f"refusing to write {path}: it is an input ({source})")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones
    (mkstemp makes it private, 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
