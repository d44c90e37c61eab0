"""Export: one call writes the PNG, SVG and PDF a report or slide needs, and its index entry.

- PNG at 300 dpi, RGB when the figure is opaque (as saved on white it always
  is): matplotlib's Agg pixels, written by :mod:`ruralstudy.plot.png` (rows
  unfiltered: a third of Pillow's encoding time, files within 20 % of its size).
- PDF with the CJK font embedded as a TrueType CID font (``pdf.fonttype`` 42),
  which print preflight and Illustrator accept (Type 3 they reject).
- SVG with text kept as ``<text>`` (``svg.fonttype`` "none"), editable in
  Inkscape or Illustrator, naming a font list that resolves on Windows, macOS
  and Linux (:data:`ruralstudy.plot.fonts.SVG_FONT_FAMILIES`);
  ``svg_text="path"`` writes the outlined SVG instead (exact shapes, no font
  needed, not editable as text).
- ``<stem>.json`` beside them: the figure's title, caption, sources, simulated
  flag, language and files, which the report gathers into figures.csv.

The same figure gives byte-identical files from run to run (fixed
``svg.hashsalt``, no creation dates in the metadata).
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

from ruralstudy.plot import shown
from ruralstudy.plot.captions import caption_text
from ruralstudy.plot.fonts import checked_once, compact_svg_paths, svg_font_families
from ruralstudy.plot.metrics import shared_metrics
from ruralstudy.plot.png import encode_png
from ruralstudy.plot.record import figure_record
from ruralstudy.plot.style import CJK_FONT_FAMILY, HOUSE_STYLE, register_cjk_font

FORMATS = ("png", "svg", "pdf")
PNG_DPI = 300
CREATOR = "ruralstudy"

# Per-format metadata: dates removed (they would change every run) and a
# creator that does not embed matplotlib's version string.
_METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": CREATOR},
    "svg": {"Date": None, "Creator": CREATOR},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": CREATOR},
}

# Settings that make the files reproducible and keep the CJK font editable,
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


def figure_title(fig: Figure) -> str:
    """The figure's title: the one recorded, else its suptitle or first axes title, on one line."""
    title = figure_record(fig).get("title")
    if not title and getattr(fig, "_suptitle", None) is not None:
        title = fig._suptitle.get_text()
    for ax in fig.get_axes():
        if title:
            break
        title = next(
            (ax.get_title(loc) for loc in ("left", "center", "right") if ax.get_title(loc)), ""
        )
    return unwrap(str(title or ""))


_WIDE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")


def unwrap(text: str) -> str:
    """Wrapped lines as one: joined without a space where Chinese meets Chinese.

    >>> unwrap("茶叶\n合作社（2018年）\nReturnee's tea\ncooperative")
    "茶叶合作社（2018年） Returnee's tea cooperative"
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        glue = "" if _WIDE.match(out[-1]) and _WIDE.match(line[0]) else " "
        out += glue + line
    return out


def index_entry(fig: Figure, files: list[str]) -> dict[str, object]:
    """The figures-index entry of ``fig`` (what ``save`` writes to ``<stem>.json``).

    >>> index_entry(ax.figure, ["fig1.png"])["simulated"]  # doctest: +SKIP
    False
    """
    rec = figure_record(fig)
    entry: dict[str, object] = {
        "title": figure_title(fig),
        "caption": caption_text(fig),
        "source_ids": rec["source_ids"],
        "publishers": rec["publishers"],
        "pages": rec["pages"],
        "simulated": bool(rec["simulated"]),
        "lang": rec["lang"],
        "files": files,
    }
    if rec.get("number") is not None:
        entry["number"] = rec["number"]
    # Notes for the index, not the figure's face (a map's boundary processing).
    notes = list(getattr(fig, "ruralstudy_notes", None) or [])
    if notes:
        entry["notes"] = notes
    return entry


_PNG_FORMAT = "ruralstudy_png"  # a savefig format of our own (:func:`_png_format`)


def _png(fig: Figure, dpi: int) -> tuple[bytes, np.ndarray]:
    """The figure as PNG, and its pixels: matplotlib's Agg pixels, RGB when all opaque.

    On a white ground every alpha is 255, so a fourth channel would only cost
    encoding time and file size. The pixels, dpi and metadata are matplotlib's.
    """
    buffer, pixels = io.BytesIO(), []
    fig.savefig(buffer, format=_png_format(), dpi=dpi, metadata=_METADATA["png"],
                facecolor="white", pixels_out=pixels)  # fmt: skip
    return buffer.getvalue(), pixels[0]


@functools.cache
def _png_format() -> str:
    """Register :data:`_PNG_FORMAT`: an Agg canvas whose print method encodes as above.

    A format of its own, so matplotlib's ``savefig`` does everything it does
    for a PNG (dpi, facecolor, layout) and only the encoding is ours; the
    canvas's own buffer gives the image's size (the figure's size after the
    save can differ from the renderer's by a pixel).
    """
    from matplotlib import cbook
    from matplotlib.backend_bases import register_backend
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    class RGBCanvas(FigureCanvasAgg):
        def print_ruralstudy_png(
            self, filename_or_obj, *, metadata=None, pixels_out=None, **_ignored
        ) -> None:
            # savefig passes a third party's print method dpi, facecolor, edgecolor,
            # orientation and bbox_inches_restore; Agg's print_png has no use for them
            # either (the figure already carries them while it is saved).
            FigureCanvasAgg.draw(self)
            pixels = np.asarray(self.buffer_rgba())
            opaque = int(pixels[..., 3].min()) == 255
            # The caller shows the figure from the pixels as written (ours: the
            # canvas's buffer is drawn into again).
            data = encode_png(pixels[..., :3] if opaque else pixels, dpi=self.figure.dpi,
                              text=metadata, pixels_out=pixels_out)  # fmt: skip
            with cbook.open_file_cm(filename_or_obj, "wb") as out:
                out.write(data)

    register_backend(_PNG_FORMAT, RGBCanvas, "PNG, RGB when opaque (ruralstudy)")
    return _PNG_FORMAT


def _write(stem: Path, fmt: str, data: bytes) -> Path:
    path = stem.with_name(f"{stem.name}.{fmt}")
    path.write_bytes(data)
    return path


@contextlib.contextmanager
def _layout_kept(fig: Figure) -> Iterator[None]:
    """The figure's layout engine off while its other files are written, then back.

    Each save draws the figure again, and a layout engine lays it out again
    first (constrained layout: a quarter of an SVG's or PDF's save). The
    layout the PNG's draw made holds for the others: it is in figure
    fractions, and the files then agree to the pixel on where things are.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    fig.set_layout_engine("none")  # keeps the engine's colorbar compatibility
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


@contextlib.contextmanager
def _no_dry_draw(fig: Figure) -> Iterator[None]:
    """No layout engine at all, not even "none", while ``fig`` is saved once more at the same dpi.

    savefig draws a figure that has a layout engine (the placeholder "none"
    too) once without rendering before the real draw, so that what a draw
    settles (an annotation's arrow is placed from its box as last drawn) is
    settled at the file's dpi: every text is measured again. The PDF follows
    the SVG at the same 72 dpi, whose real draw has settled the figure
    already (a test holds the files to the ones saved with the dry draw).
    The SVG keeps its dry draw: the PNG's draw at 300 dpi settled nothing
    for 72 (a map's leader lines moved by about 10 pt without it).
    """
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    # set_layout_engine(None) means the rc default unless both defaults are off.
    with mpl.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


def _vector_file(fig: Figure, fmt: str, dpi: int) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi, metadata=_METADATA[fmt], facecolor="white")
    return buffer.getvalue()


def save(
    fig: Figure,
    stem: str | os.PathLike[str],
    *,
    dpi: int = PNG_DPI,
    svg_text: Literal["text", "path"] = "text",
) -> list[Path]:
    """Write ``stem.png`` (300 dpi), ``.svg``, ``.pdf`` and ``.json``; return the figure files.

    Generic sans-serif text resolves to the house CJK font while saving, so
    Chinese renders even if the figure was drawn outside the house style.
    The parent folder is created if needed. A suffix on ``stem`` (``.png``)
    is dropped, so ``save(fig, "out/fig1.png")`` still writes all of them.
    ``svg_text="path"`` outlines the SVG's text. ``stem.json`` holds the
    figure's index entry (:func:`index_entry`): title, caption, source_ids,
    publishers, pages read, simulated, lang, files, number if numbered, and
    notes meant for the index (``fig.ruralstudy_notes``, e.g. a map's
    boundary processing).

    >>> import ruralstudy as rs
    >>> ax = rs.plot.bars(facts)  # doctest: +SKIP
    >>> rs.plot.save(ax.figure, "reports/figures/income")  # doctest: +SKIP
    [PosixPath('reports/figures/income.png'), PosixPath('reports/figures/income.svg'), ...]
    """
    if svg_text not in ("text", "path"):
        raise ValueError(f"svg_text must be 'text' or 'path', got {svg_text!r}")
    stem = Path(stem)
    if stem.suffix.lower().lstrip(".") in FORMATS:
        stem = stem.with_suffix("")
    stem.parent.mkdir(parents=True, exist_ok=True)
    register_cjk_font()
    rc = {**_EXPORT_RC, **_cjk_fonts(), "svg.fonttype": "none" if svg_text == "text" else "path"}
    paths = []
    # Each draw of the save measures text through one cache for the process (plot.metrics).
    with mpl.rc_context(rc), checked_once(fig), shared_metrics(fig):
        data, pixels = _png(fig, dpi)  # first: its draw lays the figure out
        paths.append(_write(stem, "png", data))
        with _layout_kept(fig):  # the vector files take the PNG's layout
            svg = compact_svg_paths(_vector_file(fig, "svg", dpi).decode("utf-8"))
            svg = svg_font_families(svg) if svg_text == "text" else svg
            paths.append(_write(stem, "svg", svg.encode("utf-8")))
            with _no_dry_draw(fig):  # the SVG's draw at 72 dpi settled it
                paths.append(_write(stem, "pdf", _vector_file(fig, "pdf", dpi)))
    shown.remember(fig, pixels, dpi)  # a notebook shows the figure from the PNG's pixels
    entry = index_entry(fig, [p.name for p in paths])
    text = json.dumps(entry, ensure_ascii=False, indent=2) + "\n"
    stem.with_name(f"{stem.name}.json").write_text(text, encoding="utf-8")
    return paths
