"""The house style: a CJK font that needs no system install, and print-ready defaults.

Chinese must render on a fresh machine with no system CJK font, so the font
comes from a pip package: mplfonts ships Noto Sans CJK SC (SIL Open Font
Licence). We register that one file with matplotlib's font manager in memory.
We never run ``mplfonts init`` (it writes into matplotlib's install and cache)
and never touch the SimHei file mplfonts also carries (not freely licensed).
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans CJK SC"

# Okabe & Ito (2008) colour-blind-safe palette, minus yellow (too light on
# white paper); black comes last for a benchmark-like series.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000"]

HOUSE_STYLE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [CJK_FONT_FAMILY, "DejaVu Sans"],
    # The CJK font's U+2212 minus is fine, but labels mixing fonts look
    # uneven; a hyphen-minus renders identically everywhere.
    "axes.unicode_minus": False,
    "font.size": 9,
    "axes.titlesize": 10.5,
    "axes.titlelocation": "left",
    "axes.titleweight": "normal",
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    # 16 cm: the text width of an A4 report page.
    "figure.figsize": (6.3, 3.9),
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "figure.constrained_layout.use": True,
    "savefig.dpi": 300,
    "savefig.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "lines.linewidth": 1.6,
    "lines.markersize": 5,
    # Type 42 (TrueType CID font): editable, accepted by print preflight.
    # matplotlib would write this OpenType/CFF font's data where TrueType is
    # required; ruralstudy.plot.fonts converts the embedded subset.
    "pdf.fonttype": 42,
    # Text stays text in SVG, with a font list that resolves everywhere.
    "svg.fonttype": "none",
    # Fixed salt: SVG element ids stay the same from run to run.
    "svg.hashsalt": "ruralstudy",
}


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC file inside the installed mplfonts package.

    Found without importing mplfonts (its import pulls in font tooling we
    do not need).

    >>> cjk_font_path().name
    'NotoSansCJKsc-Regular.otf'
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or spec.origin is None:
        raise RuntimeError(
            "ruralstudy.plot needs the 'mplfonts' package for its CJK font: pip install mplfonts"
        )
    path = Path(spec.origin).parent / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise RuntimeError(f"mplfonts is installed but {CJK_FONT_FILE} is missing at {path}")
    return path


@functools.lru_cache(maxsize=8)
def _add_font(path: Path, manager: font_manager.FontManager) -> None:
    """Add the font file to ``manager``'s list, once per list (a scan of the list on
    every call cost 4 ms, and every chart calls it)."""
    if not any(Path(entry.fname) == path for entry in manager.ttflist):
        manager.addfont(str(path))


def register_cjk_font() -> str:
    """Register the CJK font with matplotlib (in memory, once); return its family name.

    The font is also appended to ``font.family`` as the fallback for
    glyphs the other fonts lack, so a figure drawn without the house style
    still shows its Chinese.

    >>> register_cjk_font()
    'Noto Sans CJK SC'
    """
    _add_font(cjk_font_path(), font_manager.fontManager)
    # Last in the font.family list: matplotlib falls back to it glyph by glyph
    # (a generic family like "sans-serif" resolves to one font only), so
    # Chinese drawn in the default style shows, and nothing else changes: the
    # fonts before it still draw every glyph they have.
    families = list(mpl.rcParams["font.family"])
    if CJK_FONT_FAMILY not in families:
        mpl.rcParams["font.family"] = [*families, CJK_FONT_FAMILY]
    return CJK_FONT_FAMILY


def use_style() -> None:
    """Set the house style for the rest of the session.

    >>> import ruralstudy as rs
    >>> rs.plot.use_style()
    """
    register_cjk_font()
    from ruralstudy.plot.fonts import truetype_for_pdf

    truetype_for_pdf()
    mpl.rcParams.update(HOUSE_STYLE)
    from ruralstudy.plot.inline import describe_inline_figures

    describe_inline_figures()  # alt text for figures shown in a notebook


@contextmanager
def style() -> Iterator[None]:
    """The house style inside a ``with`` block only; rcParams are restored after.

    All but interactive mode: a Jupyter kernel resolves its backend on the
    first figure and switches interactive mode on then, and if that happens
    inside the block, restoring the old value would stop every later figure
    from showing in the notebook.

    >>> import ruralstudy as rs
    >>> with rs.plot.style():
    ...     ax = rs.plot.bars(facts)  # doctest: +SKIP
    """
    register_cjk_font()
    from ruralstudy.plot.fonts import truetype_for_pdf

    truetype_for_pdf()
    interactive = mpl.is_interactive()
    try:
        with mpl.rc_context(HOUSE_STYLE):
            try:
                yield
            finally:
                interactive = mpl.is_interactive()
    finally:
        mpl.interactive(interactive)
