"""ruralstudy.safe_write: spreadsheet-safe CSV, atomic writes, refused targets."""

from __future__ import annotations

import csv
import errno
import io
import os

import pandas as pd
import pytest

from ruralstudy import safe_write
from ruralstudy.safe_write import (
    OutputError,
    csv_bytes,
    neutralise_cell,
    restore_cell,
    write_bytes,
    write_csv,
)

FORMULAS = ["=1+1", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("x")']


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_cell_gets_an_apostrophe_and_comes_back_whole(text):
    safe = neutralise_cell(text)
    assert safe == "'" + text
    assert restore_cell(safe) == text


@pytest.mark.parametrize("text", ["-5", "-12.5", "+3", "-1e-3", ".5", "车田村", "10万余元", "a=b"])
def test_numbers_and_plain_text_are_left_alone(text):
    assert neutralise_cell(text) == text
    assert restore_cell(text) == text


def test_an_apostrophe_the_author_wrote_is_kept_on_reading_back():
    assert restore_cell("'quoted'") == "'quoted'"
    assert restore_cell("'") == "'"


def test_csv_neutralises_text_cells_only_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "quote": ["=cmd|' /C calc'!A0", "@x", "普通文字"],
            "value": [-5.0, -0.25, 3.0],
            "year": pd.array([2024, None, -1], dtype="Int64"),
            "text": ["-5", "-2+3", None],
        }
    )
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[0] == ["quote", "value", "year", "text"]
    assert [r[0] for r in rows[1:]] == ["'=cmd|' /C calc'!A0", "'@x", "普通文字"]
    assert [r[1] for r in rows[1:]] == ["-5.0", "-0.25", "3.0"]
    assert [r[2] for r in rows[1:]] == ["2024", "", "-1"]
    assert [r[3] for r in rows[1:]] == ["-5", "'-2+3", ""]
    assert frame.loc[0, "quote"].startswith("=")  # the caller's data keep the true text


def test_csv_starts_with_a_bom_for_excel(tmp_path):
    out = write_csv(pd.DataFrame({"名": ["车田村"]}), tmp_path / "t.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_write_replaces_atomically_and_keeps_the_mode(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


def test_a_new_file_gets_the_usual_permissions_not_mkstemps_private_ones(tmp_path):
    target = write_bytes(tmp_path / "new.csv", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_refuses_to_overwrite_an_input(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("原文")
    with pytest.raises(OutputError, match="it is an input"):
        write_bytes(tmp_path / "." / "article.txt", b"rows", inputs=[article])
    assert article.read_text() == "原文"


def test_refuses_a_hard_link_to_an_input(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("原文")
    os.link(article, tmp_path / "alias.csv")
    with pytest.raises(OutputError, match="it is an input"):
        write_bytes(tmp_path / "alias.csv", b"rows", inputs=[article])
    assert article.read_text() == "原文"


def test_refuses_a_symbolic_link_and_leaves_its_target(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "out.csv"
    link.symlink_to(precious)
    with pytest.raises(OutputError, match="symbolic link"):
        write_bytes(link, b"rows")
    assert precious.read_text() == "keep me"
    assert link.is_symlink()


def test_missing_folder_is_one_line(tmp_path):
    with pytest.raises(OutputError) as err:
        write_bytes(tmp_path / "no" / "such" / "out.csv", b"x")
    assert "no folder" in str(err.value) and "\n" not in str(err.value)


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_write.os, "fsync", full)
    with pytest.raises(OutputError, match="No space left"):
        write_bytes(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_folder_is_one_line(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="Permission denied"):
            write_bytes(folder / "out.csv", b"x")
    finally:
        folder.chmod(0o700)


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    def denied(**kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(safe_write.tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as err:
        write_bytes(tmp_path / "out.csv", b"x")
    assert str(err.value) == f"cannot write {tmp_path / 'out.csv'}: Permission denied"


@pytest.mark.parametrize("text", ["-٣", "-３", "+１２", "-१.5"])
def test_a_sign_before_other_digits_is_no_plain_number_and_is_neutralised(text):
    """A spreadsheet reads only ASCII digits as a number: the apostrophe stays."""
    assert neutralise_cell(text) == "'" + text
    assert restore_cell(neutralise_cell(text)) == text
