"""Tiny notebooks written to disk for the report's tests (shared, not a test module)."""

from __future__ import annotations

from pathlib import Path

import nbformat


def write_notebook(path: Path, title: str, *codes: str, question: str = "") -> None:
    """A notebook titled ``title`` (with an optional **Question.**) and one cell per code."""
    head = f"# {title}" + (f"\n\n**Question.** {question}" if question else "")
    cells = [nbformat.v4.new_markdown_cell(head)] + [nbformat.v4.new_code_cell(c) for c in codes]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def notebook(path: Path, *codes: str) -> None:
    """An untitled ("T") notebook of ``codes``."""
    write_notebook(path, "T", *codes)
