"""Drawing the source line and the simulated mark, inside the figure on every route.

What a figure cites is decided in :mod:`ruralstudy.provenance`; this module
draws it. The caption is a figure text that takes part in the layout's
bounding box, so ``bbox_inches="tight"`` — what the Jupyter inline backend,
nbconvert's HTML and many users' ``savefig`` use — keeps it in the image
instead of cropping it away; the axes are moved up to leave it room, so a
plain ``fig.savefig()`` shows it too.

The provenance helpers are re-exported here (``from ruralstudy.plot.captions
import caption_for`` keeps working).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine
from matplotlib.text import Text
from matplotlib.textpath import TextToPath

from ruralstudy.plot import record
from ruralstudy.plot.breaking import break_lines
from ruralstudy.plot.fonts import guard_figure
from ruralstudy.plot.style import CJK_FONT_FAMILY, register_cjk_font
from ruralstudy.provenance import (
    LANGS,
    SIMULATED_MARK,
    SIMULATED_MARKS,
    SYNTHETIC_KIND,
    TITLE_MAX_CHARS,
    Lang,
    caption_for,
    check_lang,
    cited_source_ids,
    format_date,
    is_mark,
    is_simulated,
    publisher_name,
    resolve,
    resolve_caption,
    sources_by_id,
    text_of,
)

__all__ = [
    "CAPTION_FAMILY",
    "LANGS",
    "SIMULATED_MARK",
    "SIMULATED_MARKS",
    "SYNTHETIC_KIND",
    "TITLE_MAX_CHARS",
    "Lang",
    "add_caption",
    "caption_for",
    "check_lang",
    "cite",
    "cited_source_ids",
    "figure_captions",
    "format_date",
    "is_simulated",
    "mark_simulated",
    "publisher_name",
    "resolve_caption",
    "text_of",
    "wrap_caption",
]

STAMP_GID = "ruralstudy-simulated-stamp"
CAPTION_GID = "ruralstudy-caption"
MARK_GID = "ruralstudy-simulated-mark"

CAPTION_FONTSIZE = 7.0
MARK_FONTSIZE = 8.0
CAPTION_COLOR = "#333333"
MARK_COLOR = "#B2182B"
# Captions name the CJK font themselves, so they render even on a figure
# drawn outside the house style.
CAPTION_FAMILY = [CJK_FONT_FAMILY, "DejaVu Sans"]
_LINESPACING = 1.25
_PAD_IN = 0.06  # inches between caption and figure edge

# Attributes we keep on a Figure: captions by key, and the artists drawing them.
_CAPTIONS_ATTR = "_ruralstudy_captions"
_ARTISTS_ATTR = "_ruralstudy_caption_artists"
_BOTTOM_ATTR = "_ruralstudy_bottom"


def cite(
    ax: Axes,
    df: pd.DataFrame,
    caption: str | None = None,
    *,
    lang: Lang = "both",
    sources: pd.DataFrame | None = None,
    key: str | None = None,
) -> str:
    """Caption ``ax``'s figure with the sources of ``df``'s rows; stamp ``ax`` if simulated.

    What every figure of ruralstudy does once it has drawn ``df`` (charts,
    maps, causal plots), and what a hand-built figure should call too: the
    caption comes from :func:`ruralstudy.provenance.resolve_caption`
    (``caption=`` replaces the wording, never the sources check or the
    simulated mark), is added with :func:`add_caption` (``key`` replaces an
    earlier caption of that key), a panel drawn from simulated rows is
    stamped once with :func:`mark_simulated`, and the figure records what it
    cites for :func:`ruralstudy.plot.save`'s index entry. Returns the caption.

    >>> ax = panel.plot(x="year", y="y")  # doctest: +SKIP
    >>> rs.plot.cite(ax, panel)  # doctest: +SKIP
    """
    table = sources_by_id(sources)
    text, simulated, ids = resolve(df, caption, lang, table)
    fig = ax.get_figure(root=True)
    add_caption(fig, text, key=key)
    record.note_sources(fig, ids, table, simulated=simulated, lang=lang)
    if simulated and not any(t.get_gid() == STAMP_GID for t in ax.texts):
        mark_simulated(ax, lang=lang)
    return text


def wrap_caption(text: str, width_pt: float, fontsize: float = CAPTION_FONTSIZE) -> str:
    """Break ``text`` into lines no wider than ``width_pt`` points.

    matplotlib's own ``wrap=True`` breaks only at spaces, and Chinese has
    none, so we measure with the font itself and may break between any two
    CJK characters, following the Chinese line-breaking rules of
    :mod:`ruralstudy.plot.breaking` (no line ends with （《“ nor starts with
    ）》”、，。). A bilingual caption too wide for one line breaks between its
    Chinese and English halves first.

    >>> wrap_caption("数据来源：" + "贵州日报" * 30, 200).count("\\n") > 0
    True
    """
    register_cjk_font()
    prop = FontProperties(family=CAPTION_FAMILY, size=fontsize)

    def width(s: str) -> float:
        return _text_width(s, prop) if s else 0.0

    paragraphs: list[str] = []
    for paragraph in text.split("\n"):
        if " · " in paragraph and width(paragraph) > width_pt:
            paragraphs.extend(paragraph.split(" · "))
        else:
            paragraphs.append(paragraph)
    # Agg at screen dpi rounds each CJK advance up to whole pixels (7 pt draws as
    # 7.2 pt at 100 dpi), so a line of Chinese measured to the full width would
    # draw up to 3 % wider than the figure: wrap to 97 %.
    fit = width_pt * 0.97
    return "\n".join(line for p in paragraphs for line in break_lines(p, width, fit))


@functools.lru_cache(maxsize=8192)
def _text_width(s: str, prop: FontProperties) -> float:
    """Width in points of ``s`` in the font ``prop`` (hashable by its properties).
    Cached: breaking a line measures each longer prefix of it, and a figure re-wraps
    its caption whenever a line is added, so the same strings come back (notebook
    03 measured ~1,200 of them)."""
    return _MEASURE.get_text_width_height_descent(s, prop, ismath=False)[0]


_MEASURE = TextToPath()


def _split_mark(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """(caption lines, simulated marks), each once, in order."""
    lines: list[str] = []
    marks: list[str] = []
    for text in texts:
        for line in text.split("\n"):
            if is_mark(line):
                if line.strip() not in marks:
                    marks.append(line.strip())
            elif line.strip() and line not in lines:
                lines.append(line)
    return lines, marks


def _reserve_bottom(fig: Figure, height_in: float) -> None:
    """Keep the axes clear of a caption ``height_in`` inches tall at the bottom."""
    frac = min(height_in / fig.get_figheight(), 0.5)
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, frac, 1, 1 - frac))
    elif isinstance(engine, TightLayoutEngine):
        engine.set(rect=(0, frac, 1, 1))
    else:
        # No layout engine: shift the subplot area up by the caption's height,
        # from the bottom the figure had before any caption.
        base = getattr(fig, _BOTTOM_ATTR, None)
        if base is None:
            base = fig.subplotpars.bottom
            setattr(fig, _BOTTOM_ATTR, base)
        fig.subplots_adjust(bottom=min(base + frac, 0.9))


def add_caption(fig: Figure, text: str, *, key: str | None = None) -> Text:
    """Draw ``text`` as the source caption at the bottom of ``fig``; return the artist.

    Captions accumulate per figure: adding the same text twice draws it once,
    and several panels with different sources each add their own line. A
    simulated-data mark line (:data:`ruralstudy.provenance.SIMULATED_MARKS`)
    is drawn once, last, in red. The axes are moved up so the caption never
    overlaps them, lines are wrapped to the figure width, and the caption is
    part of the figure's tight bounding box (it survives
    ``bbox_inches="tight"``). ``key`` replaces an earlier caption added with
    the same key.

    >>> add_caption(fig, caption_for(facts))  # doctest: +SKIP
    """
    if isinstance(fig, SubFigure):
        fig = fig.get_figure(root=True)
    register_cjk_font()
    guard_figure(fig)
    captions: dict[str, str] = getattr(fig, _CAPTIONS_ATTR, None) or {}
    captions[key if key is not None else text] = text
    setattr(fig, _CAPTIONS_ATTR, captions)
    for artist in getattr(fig, _ARTISTS_ATTR, []):
        artist.remove()

    lines, marks = _split_mark(captions.values())
    width_pt = (fig.get_figwidth() - 2 * _PAD_IN) * 72
    x = _PAD_IN / fig.get_figwidth()
    y_in = _PAD_IN
    artists: list[Text] = []
    for mark in reversed(marks):
        artists.append(
            fig.text(
                x,
                y_in / fig.get_figheight(),
                mark,
                ha="left",
                va="bottom",
                fontsize=MARK_FONTSIZE,
                color=MARK_COLOR,
                family=CAPTION_FAMILY,
                gid=MARK_GID,
            )
        )
        y_in += MARK_FONTSIZE * _LINESPACING / 72
    body = wrap_caption("\n".join(lines), width_pt)
    n_lines = body.count("\n") + 1 if body else 0
    caption = fig.text(
        x,
        y_in / fig.get_figheight(),
        body,
        ha="left",
        va="bottom",
        fontsize=CAPTION_FONTSIZE,
        color=CAPTION_COLOR,
        linespacing=_LINESPACING,
        family=CAPTION_FAMILY,
        gid=CAPTION_GID,
    )
    artists.insert(0, caption)
    y_in += n_lines * CAPTION_FONTSIZE * _LINESPACING / 72 + _PAD_IN
    setattr(fig, _ARTISTS_ATTR, artists)
    _reserve_bottom(fig, y_in)
    return caption


def mark_simulated(ax: Axes, *, lang: str = "both") -> Text:
    """Stamp the simulated-data mark across ``ax`` so a cropped panel still says it.

    >>> mark_simulated(ax)  # doctest: +SKIP
    """
    register_cjk_font()
    guard_figure(ax.get_figure(root=True))
    stamp = ax.text(
        0.5,
        0.5,
        SIMULATED_MARKS[check_lang(lang)],
        transform=ax.transAxes,
        ha="center",
        va="center",
        rotation=20,
        fontsize=16,
        color=MARK_COLOR,
        alpha=0.18,
        family=CAPTION_FAMILY,
        zorder=10,
        gid=STAMP_GID,
    )
    stamp.set_in_layout(False)
    return stamp


def caption_artists(fig: Figure) -> list[Text]:
    """The text artists drawing ``fig``'s caption and simulated mark (for checks and tests)."""
    return list(getattr(fig, _ARTISTS_ATTR, []))


def figure_captions(fig: Figure) -> list[str]:
    """The caption texts added to ``fig`` so far, in order (for checks and tests).

    >>> figure_captions(ax.figure)  # doctest: +SKIP
    ['资料来源：… · Source: …']
    """
    return list((getattr(fig, _CAPTIONS_ATTR, None) or {}).values())


def caption_text(fig: Figure) -> str:
    """The caption as drawn on ``fig``, lines unwrapped, marks last.

    >>> caption_text(ax.figure)  # doctest: +SKIP
    '资料来源：贵州日报，2025年10月'
    """
    lines, marks = _split_mark(figure_captions(fig))
    return "\n".join([*lines, *marks])
