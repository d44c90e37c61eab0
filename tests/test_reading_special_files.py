"""Paths that are not regular files are refused before anything is read,
and the bytes read are capped, so /dev/zero or a FIFO can neither exhaust
memory nor hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ruralstudy import DataValidationError
from ruralstudy.io import MAX_BYTES, read_text_table


def refused(path, match, **options):
    with pytest.raises(DataValidationError, match=match) as info:
        read_text_table(path, **options)
    assert info.value.failures["file"].tolist() == [str(path)]


def test_a_folder_is_refused(tmp_path):
    refused(tmp_path, "it is a folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    refused(fifo, r"named pipe \(FIFO\)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_without_reading(tmp_path):
    refused(Path("/dev/zero"), "it is a device")


def test_a_symlink_to_a_table_reads_the_table(tmp_path):
    (tmp_path / "real.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(tmp_path / "real.csv")
    assert read_text_table(tmp_path / "link.csv")["b"].tolist() == ["2"]


def test_a_dangling_symlink_or_missing_file_is_a_clear_error(tmp_path):
    (tmp_path / "dangling.csv").symlink_to(tmp_path / "nowhere.csv")
    refused(tmp_path / "dangling.csv", "cannot read file")
    refused(tmp_path / "nope.csv", "cannot read file")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    sparse = tmp_path / "huge.csv"
    with sparse.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk used, nothing worth reading
    refused(sparse, r"larger than the limit of 100,000,000 bytes \(max_bytes=\)")


def test_the_size_limit_is_a_keyword(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n" + "1,2\n" * 100, encoding="utf-8")
    refused(path, "larger than the limit of 100 bytes", max_bytes=100)
    assert len(read_text_table(path, max_bytes=10_000)) == 100


def test_csv_rows_and_cells_are_capped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n" + "1,2\n" * 100, encoding="utf-8")
    refused(path, r"more than 50 rows", max_rows=50)
    refused(path, r"more than 99 cells", max_cells=99)
    assert len(read_text_table(path)) == 100
