"""Export: one call writes the PNG, SVG and PDF a report or slide needs.

The same figure gives byte-identical SVG and PDF from run to run (fixed
``svg.hashsalt``, no creation dates in the metadata), so committed or
published figure files change only when the figure does.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from ruralstudy.plot.style import CJK_FONT_FAMILY, HOUSE_STYLE, register_cjk_font

FORMATS = ("png", "svg", "pdf")
PNG_DPI = 300
CREATOR = "ruralstudy"

# Per-format metadata: dates removed (they would change every run) and a
# creator that does not embed matplotlib's version string in SVG.
_METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": CREATOR},
    "svg": {"Date": None, "Creator": CREATOR},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": CREATOR},
}

# Settings that make the files reproducible and keep the CJK font embedded,
# applied even if the figure was drawn outside the house style.
_EXPORT_RC = {
    "svg.hashsalt": HOUSE_STYLE["svg.hashsalt"],
    "svg.fonttype": HOUSE_STYLE["svg.fonttype"],
    "pdf.fonttype": HOUSE_STYLE["pdf.fonttype"],
}


def _cjk_fonts() -> dict[str, list[str]]:
    """The sans-serif list with the CJK font first, for the duration of a save.

    Text resolves a generic family ("sans-serif") to one font when it is
    drawn, so a figure built inside ``rs.plot.style()`` but saved after it
    would otherwise lose its Chinese glyphs. Noto Sans CJK SC carries Latin
    glyphs too; text with an explicit font name keeps it.
    """
    families = [f for f in mpl.rcParams["font.sans-serif"] if f != CJK_FONT_FAMILY]
    return {"font.sans-serif": [CJK_FONT_FAMILY, *families]}


def save(fig: Figure, stem: str | os.PathLike[str], *, dpi: int = PNG_DPI) -> list[Path]:
    """Write ``stem.png`` (300 dpi), ``stem.svg`` and ``stem.pdf``; return their paths.

    Generic sans-serif text resolves to the house CJK font while saving, so
    Chinese renders even if the figure was drawn outside the house style.
    The parent folder is created if needed. A suffix on ``stem`` (``.png``)
    is dropped, so ``save(fig, "out/fig1.png")`` still writes all three.

    >>> import ruralstudy as rs
    >>> ax = rs.plot.bars(facts)  # doctest: +SKIP
    >>> rs.plot.save(ax.figure, "reports/figures/income")  # doctest: +SKIP
    [PosixPath('reports/figures/income.png'), PosixPath('reports/figures/income.svg'), ...]
    """
    stem = Path(stem)
    if stem.suffix.lower().lstrip(".") in FORMATS:
        stem = stem.with_suffix("")
    stem.parent.mkdir(parents=True, exist_ok=True)
    register_cjk_font()
    paths = []
    with mpl.rc_context({**_EXPORT_RC, **_cjk_fonts()}):
        for fmt in FORMATS:
            path = stem.with_name(f"{stem.name}.{fmt}")
            fig.savefig(
                path,
                format=fmt,
                dpi=dpi,
                metadata=_METADATA[fmt],
                facecolor="white",
            )
            paths.append(path)
    return paths
