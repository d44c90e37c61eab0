"""Figures on a notebook page carry a description: their title and caption as alt text.

nbconvert gives an image without one the alt text "No description has been
provided for this image". In Jupyter, matplotlib's inline backend draws a
figure's PNG; :func:`describe_inline_figures` adds, beside it, a mime-bundle
formatter for figures that returns no data, only metadata
(``{"image/png": {"alt": …}}``), which IPython keeps with the PNG and the
report's page template writes as the image's ``alt``. The words are the
figure's own, so in its language (``lang``).
"""

from __future__ import annotations

import re

from matplotlib.figure import Figure

from ruralstudy.plot.captions import caption_text
from ruralstudy.plot.export import figure_title, unwrap

_ENDS_WIDE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]$")
_ENDS_SENTENCE = re.compile(r"[.!?。！？]$")


def alt_text(fig: Figure) -> str:
    """The figure's title and caption lines (sources, simulated mark) as one text.

    >>> alt_text(ax.figure)  # doctest: +SKIP
    '车田村大事记 Chetian: events。资料来源：贵州日报，2025年10月'
    """
    parts = [figure_title(fig), *(unwrap(line) for line in caption_text(fig).split("\n"))]
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not _ENDS_SENTENCE.search(out):
            out += "。" if _ENDS_WIDE.search(out) else "."
        out += ("" if not out or _ENDS_WIDE.search(out) else " ") + part
    return out


def _alt_metadata(fig: Figure) -> tuple[dict, dict] | None:
    alt = alt_text(fig)
    return ({}, {"image/png": {"alt": alt}}) if alt else None


def describe_inline_figures() -> None:
    """In IPython, give every figure it shows its :func:`alt_text` (a no-op elsewhere)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.mimebundle_formatter.for_type(Figure, _alt_metadata)
