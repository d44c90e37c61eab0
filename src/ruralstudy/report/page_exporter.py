"""nbconvert's HTML exporter without its last pass over each finished page.

nbconvert 7's ``HTMLExporter.from_notebook_node`` ends by parsing the whole
page with BeautifulSoup (``html.parser``) to add two accessibility
attributes, and writing it out again. A report page carries JupyterLab's
stylesheet and, for notebook 01, 9 000 table cells: that pass was 5 s of the
report's 7 s of page rendering. :class:`PageExporter` runs the exporter's
own steps and adds the same attributes to the template's own tags with two
regular expressions (written by hand: no option turns the pass off, and the
tags come from nbconvert's ``lab`` template, which writes them one way):

- ``tabindex="0"`` on each cell's input wrapper and each output, so a
  keyboard reaches them, as nbconvert does;
- an ``alt`` on any image that has none (our figures bring their own:
  :mod:`ruralstudy.plot.inline`), nbconvert's words.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

NO_ALT = "No description has been provided for this image"  # nbconvert's words
# An opening div whose class list holds one of the two (lab/base.html.j2 writes the
# class attribute first), and an img tag with no alt attribute.
_FOCUSABLE = re.compile(
    r'<div class="(?=[^"]*\b(?:jp-Cell-inputWrapper|jp-OutputArea-output)\b)[^"]*"'
)
_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\balt=)")


def accessible(html: str) -> str:
    """``html`` with tabindex on inputs and outputs and an alt on every image.

    >>> accessible('<div class="jp-Cell-inputWrapper"><img src="a.png">')[:64]
    '<div class="jp-Cell-inputWrapper" tabindex="0"><img alt="No desc'
    """
    html = _FOCUSABLE.sub(lambda m: f'{m.group(0)} tabindex="0"', html)
    return _IMG_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', html)


class PageExporter(HTMLExporter):
    """``HTMLExporter`` whose pages get their accessibility attributes from :func:`accessible`."""

    def from_notebook_node(self, nb: Any, resources: dict | None = None, **kw: Any):
        # HTMLExporter.from_notebook_node's steps (nbconvert 7.17), up to its soup pass.
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
        )
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return accessible(html), resources
