"""Notebook → HTML pages: one for readers (code hidden), one for researchers.

Both use the ``offline`` template (``ruralstudy/templates/offline``): the
JupyterLab look without the scripts it would load from a CDN, with Chinese
font fallbacks, a link back to the report's index, and the notebook's own
title as the page title (not "Notebook").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import nbformat

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEMPLATE = "offline"
HIDDEN_TAG = "remove-cell"  # cells a reader of either page never needs (e.g. set-up)


def title_of(nb: nbformat.NotebookNode) -> str:
    """The first Markdown heading of the notebook, without its ``#`` marks.

    >>> title_of(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 01 · A tour")]))
    '01 · A tour'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


_QUESTION = re.compile(r"^\s*\*\*(Question|问题)[.:：。]?\*\*[.:：]?\s*", re.IGNORECASE)


def question_of(nb: nbformat.NotebookNode) -> str:
    """The notebook's question: the paragraph of its first Markdown cell that starts
    with **Question.** (else the first paragraph after the title), as plain text."""
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first is None:
        return ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", first.source) if p.strip()]
    paragraphs = [p for p in paragraphs if not p.startswith("#")]
    chosen = next(
        (p for p in paragraphs if _QUESTION.match(p)), paragraphs[0] if paragraphs else ""
    )
    return plain_text(_QUESTION.sub("", chosen))


def plain_text(markdown: str) -> str:
    """Markdown emphasis, code marks and links reduced to their words, on one line."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


@cache
def _exporter():
    """One exporter for both pages: its Jinja templates are compiled once, and the
    page kind is set per call (``render``). Not for two threads at once."""
    from nbconvert.preprocessors import TagRemovePreprocessor

    from ruralstudy.report.page_exporter import PageExporter

    exporter = PageExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name=TEMPLATE,
        # Validate the notebook once, after all preprocessors, not after each of the
        # dozen (most disabled): a page of an invalid notebook still fails.
        optimistic_validation=True,
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={HIDDEN_TAG}, enabled=True), enabled=True
    )
    return exporter


def render(
    nb: nbformat.NotebookNode,
    *,
    title: str,
    with_code: bool,
    index_href: str | None = None,
    font_href: str | None = None,
) -> str:
    """The HTML page of an executed notebook.

    ``index_href`` adds a link back to the report's index, ``font_href`` names the
    report's Chinese font (:mod:`ruralstudy.report.webfont`) first in its CSS (both
    relative paths).
    """
    nb = nbformat.from_dict(nb)  # a copy: the title below must not leak into the caller's
    nb.metadata["title"] = title
    page = {"index_href": index_href or "", "with_code": with_code, "font_href": font_href or ""}
    resources = {"ruralstudy": page}
    exporter = _exporter()
    # Read per conversion, not baked into the templates (nbconvert's TemplateExporter).
    exporter.exclude_input = not with_code
    exporter.exclude_input_prompt = not with_code
    exporter.exclude_output_prompt = not with_code
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
