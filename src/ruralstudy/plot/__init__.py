"""Figures policy writers can reuse as they are: bilingual, cited, interval-aware.

>>> import ruralstudy as rs
>>> rs.plot.use_style()
>>> facts = rs.load_facts().query("indicator_id == 'collective_income'")
>>> ax = rs.plot.bars(facts)  # doctest: +SKIP
>>> rs.plot.save(ax.figure, "reports/figures/collective_income")  # doctest: +SKIP

Every chart function takes the data first, options by keyword, ``ax=None``,
returns the Axes, and writes a source caption naming the sources of the rows
it drew through :func:`cite` (``caption=`` overrides the wording, never the
check of the sources; simulated rows always bring :data:`SIMULATED_MARK`, in
the caption and across the panel). What to cite is decided in
:mod:`ruralstudy.provenance`; this package draws it. The maps of :mod:`ruralstudy.maps` and
the figures of :mod:`ruralstudy.causal` caption the same way.
"""

from __future__ import annotations

from ruralstudy.plot._bars import bars
from ruralstudy.plot._before_after import before_after
from ruralstudy.plot._ranked import ranked
from ruralstudy.plot._series import series
from ruralstudy.plot._timeline import timeline
from ruralstudy.plot.captions import (
    add_caption,
    caption_text,
    cite,
    figure_captions,
    mark_simulated,
)
from ruralstudy.plot.export import index_entry, save
from ruralstudy.plot.fonts import SVG_FONT_FAMILIES, apply_cjk
from ruralstudy.plot.record import figure_record
from ruralstudy.plot.style import (
    CJK_FONT_FAMILY,
    HOUSE_STYLE,
    PALETTE,
    cjk_font_path,
    register_cjk_font,
    style,
    use_style,
)

# The provenance helpers, where callers of the plot layer have always found them.
from ruralstudy.provenance import (
    SIMULATED_MARK,
    SIMULATED_MARKS,
    caption_for,
    cited_source_ids,
    format_date,
    is_simulated,
    resolve_caption,
)

__all__ = [
    "CJK_FONT_FAMILY",
    "HOUSE_STYLE",
    "PALETTE",
    "SIMULATED_MARK",
    "SIMULATED_MARKS",
    "SVG_FONT_FAMILIES",
    "add_caption",
    "apply_cjk",
    "bars",
    "before_after",
    "caption_for",
    "caption_text",
    "cite",
    "cited_source_ids",
    "cjk_font_path",
    "figure_captions",
    "figure_record",
    "format_date",
    "index_entry",
    "is_simulated",
    "mark_simulated",
    "ranked",
    "register_cjk_font",
    "resolve_caption",
    "save",
    "series",
    "style",
    "timeline",
    "use_style",
]
