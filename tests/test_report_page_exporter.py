"""The report's pages are the documents nbconvert's own HTML exporter makes, without its
BeautifulSoup pass over each page (ruralstudy.report.page_exporter)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from ruralstudy.report import pages
from ruralstudy.report.page_exporter import PageExporter, accessible

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _both(nb) -> tuple[str, str]:
    kw = {"extra_template_basedirs": [str(pages.TEMPLATES)], "template_name": pages.TEMPLATE}
    resources = {"ruralstudy": {"index_href": "", "with_code": True}}
    ours, _ = PageExporter(**kw).from_notebook_node(nb, resources=dict(resources))
    theirs, _ = HTMLExporter(**kw).from_notebook_node(nb, resources=dict(resources))
    return ours, theirs


def _small_notebook():
    v4 = nbformat.v4
    image = v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    return v4.new_notebook(cells=[
        v4.new_markdown_cell("# T\n\n![](pic.png) and <img src='b.png' alt='kept'>"),
        v4.new_code_cell("print(1)", outputs=[v4.new_output("stream", text="1\n"), image]),
        v4.new_code_cell("1", outputs=[v4.new_output("execute_result", data={"text/plain": "1"},
                                                     execution_count=1)]),
    ])  # fmt: skip


@pytest.mark.parametrize("source", ["small", "06_case_before_after.ipynb"])
def test_a_page_is_the_document_nbconverts_exporter_makes(source):
    nb = _small_notebook() if source == "small" else nbformat.read(NOTEBOOKS / source, 4)
    ours, theirs = _both(nb)
    # Tags, attributes (in any order) and text all equal; only the serialisation differs.
    assert BeautifulSoup(ours, "html.parser") == BeautifulSoup(theirs, "html.parser")
    assert 'tabindex="0"' in ours


def test_accessible_marks_inputs_outputs_and_images_once():
    html = accessible(
        '<div class="jp-Cell-inputWrapper"><div class="jp-RenderedText jp-OutputArea-output" '
        'data-mime-type="text/plain"><img src="a.png"><img alt="mine" src="b.png"></div></div>'
        '<div class="jp-OutputArea-child">'
    )
    assert html.count('tabindex="0"') == 2
    assert html.count("alt=") == 2 and 'alt="mine"' in html
    assert '<div class="jp-OutputArea-child">' in html  # not an output itself
