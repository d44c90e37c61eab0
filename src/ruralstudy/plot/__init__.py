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
the caption and across the panel). The maps of :mod:`ruralstudy.maps` and
the figures of :mod:`ruralstudy.causal` caption the same way.
"""

from __future__ import annotations

from ruralstudy.plot._bars import bars
from ruralstudy.plot._before_after import before_after
from ruralstudy.plot._ranked import ranked
from ruralstudy.plot._series import series
from ruralstudy.plot._timeline import timeline
from ruralstudy.plot.captions import (
    SIMULATED_MARK,
    add_caption,
    caption_for,
    cite,
    cited_source_ids,
    figure_captions,
    format_date,
    is_simulated,
    mark_simulated,
    resolve_caption,
)
from ruralstudy.plot.export import save
from ruralstudy.plot.style import (
    CJK_FONT_FAMILY,
    HOUSE_STYLE,
    PALETTE,
    cjk_font_path,
    register_cjk_font,
    style,
    use_style,
)

__all__ = [
    "CJK_FONT_FAMILY",
    "HOUSE_STYLE",
    "PALETTE",
    "SIMULATED_MARK",
    "add_caption",
    "bars",
    "before_after",
    "caption_for",
    "cite",
    "cited_source_ids",
    "cjk_font_path",
    "figure_captions",
    "format_date",
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
