"""Chinese that renders on every figure and in every file, with or without the house style.

Three jobs, each a gap matplotlib leaves for CJK text:

- :func:`guard_figure` makes a figure, each time it is drawn and before its
  layout is computed, give every text whose font lacks its glyphs the CJK font
  (titles, labels, legends, tick labels, map names). So a figure drawn
  without :func:`ruralstudy.plot.use_style` shows Chinese, not boxes and a
  "Glyph … missing" warning.
- :func:`truetype_for_pdf`: matplotlib embeds fonts in a PDF as Type 42
  ("pdf.fonttype": 42) by writing the font's data as ``FontFile2``, which
  must be TrueType; Noto Sans CJK SC is OpenType/CFF, so the file would be
  mislabelled (print preflight rejects it). We convert the *subset* matplotlib
  embeds (a few dozen glyphs) to TrueType outlines with fontTools' cu2qu, the
  conversion of fontTools' own otf2ttf snippet.
- :data:`SVG_FONT_FAMILIES`: the font list an SVG names, so its text finds a
  CJK font on Windows, macOS and Linux.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text

from ruralstudy.plot.style import CJK_FONT_FAMILY, register_cjk_font

# Installed CJK fonts on each platform, most common first; a generic family last.
SVG_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "sans-serif",
)
FALLBACK_FAMILY = [CJK_FONT_FAMILY, "DejaVu Sans"]
GUARD_ATTR = "_ruralstudy_font_guard"


@functools.lru_cache(maxsize=64)
def _charmap(path: str) -> frozenset[int]:
    return frozenset(font_manager.get_font(path).get_charmap())


def lacks_glyphs(text: str, families: list[str] | tuple[str, ...]) -> bool:
    """True if the first font ``families`` resolve to has no glyph for some character of ``text``.

    >>> lacks_glyphs("车田村", ["DejaVu Sans"])
    True
    """
    if text.isascii():
        return False
    path = font_manager.findfont(font_manager.FontProperties(family=list(families)))
    chars = _charmap(path)
    return any(ord(c) not in chars for c in text if not c.isspace())


def _needs_cjk(text: Text) -> bool:
    return lacks_glyphs(text.get_text(), tuple(text.get_fontfamily()))


def apply_cjk(fig: Figure) -> None:
    """Give the CJK font to every text of ``fig`` (tick labels too) that would miss glyphs.

    >>> apply_cjk(ax.figure)  # doctest: +SKIP
    """
    register_cjk_font()
    for text in fig.findobj(Text):
        if _needs_cjk(text):
            text.set_fontfamily([*FALLBACK_FAMILY, *text.get_fontfamily()])
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.get_ticklabels(which="both")
            if any(_needs_cjk(t) for t in labels):
                axis.set_tick_params(which="both", labelfontfamily=FALLBACK_FAMILY)


def guard_figure(fig: Figure) -> None:
    """Make sure ``fig`` draws its Chinese with a CJK font, whatever the style (once per figure).

    The figure's own ``draw`` is wrapped so :func:`apply_cjk` runs first,
    before the layout engine measures any text: a text measured in a font
    without its glyphs would already warn and be laid out wrong.

    >>> guard_figure(ax.figure)  # doctest: +SKIP
    """
    truetype_for_pdf()
    if getattr(fig, GUARD_ATTR, False):
        return
    original = fig.draw

    @functools.wraps(original)
    def draw(renderer: Any) -> None:
        if not getattr(fig, _CHECKED_ATTR, False):
            apply_cjk(fig)
        original(renderer)

    fig.draw = draw  # type: ignore[method-assign]
    setattr(fig, GUARD_ATTR, True)


_CHECKED_ATTR = "_ruralstudy_cjk_checked"


@contextlib.contextmanager
def checked_once(fig: Figure) -> Iterator[None]:
    """The CJK check of ``fig`` run now, and not again at each draw until the block ends.

    A save draws a figure five times (the PNG's and SVG's dry and real draws,
    the PDF's) with no code of the caller between them, so its texts and their
    fonts are those of the first draw; each check walked the whole figure
    (about 7 ms a draw on a profile's figures).
    """
    guard_figure(fig)
    apply_cjk(fig)
    setattr(fig, _CHECKED_ATTR, True)
    try:
        yield
    finally:
        setattr(fig, _CHECKED_ATTR, False)


# -- PDF: TrueType outlines for Type 42 -------------------------------------------------

# The name records a subset keeps, as fontTools' subsetter keeps them by default:
# copyright, family, style, unique id, full name, version and PostScript name, in English.
_NAME_IDS = range(7)
_NAME_LANGS = {(3, 0x409), (1, 0)}  # Windows English, Mac Roman English


def _is_cff(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"OTTO"  # the sfnt tag of OpenType fonts with CFF outlines


class _CffSource:
    """What every TrueType subset of one CFF font needs, read once per process.

    A subset is built from the glyphs asked for alone (:func:`_truetype_subset`),
    so its cost grows with the glyphs on the figure, not with the 65 000 of the
    font: fontTools' subsetter walks the whole font's cmap, charset and metrics
    for every subset, which with the CFF-to-TrueType conversion was about 0.2 s
    of each PDF's 0.4 s. Each glyph is converted to TrueType and compiled once
    per process (:meth:`compiled_glyph`).
    """

    def __init__(self, path: str, face_index: int) -> None:
        from io import BytesIO
        from pathlib import Path

        from fontTools.ttLib import TTFont

        # Read into memory: a font kept open for the process would leave its file open.
        data = BytesIO(Path(path).read_bytes())
        self.font = TTFont(data, fontNumber=face_index, lazy=True)
        self.order = self.font.getGlyphOrder()
        self.codepoints: dict[str, list[int]] = {}
        for codepoint, name in sorted(self.font.getBestCmap().items()):
            self.codepoints.setdefault(name, []).append(codepoint)
        self.advances = {name: advance for name, (advance, _) in self.font["hmtx"].metrics.items()}
        self._glyph_set = self.font.getGlyphSet()
        self._compiled: dict[str, Any] = {}

    def truetype_glyph(self, name: str) -> Any:
        """The glyph with TrueType (quadratic) outlines: fontTools' otf2ttf conversion."""
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen

        pen = TTGlyphPen(None)  # CFF glyphs have no components
        self._glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        return pen.glyph()

    def compiled_glyph(self, name: str) -> Any:
        """:meth:`truetype_glyph` compiled by fontTools, once per process, for every subset.

        Compiling a glyph (its bounds, then its coordinates packed as small as
        they go) was about 0.08 s of each PDF, twice over for the same glyphs.
        """
        glyph = self._compiled.get(name)
        if glyph is None:
            glyph = self._compiled[name] = _compiled_glyph_type()(self.truetype_glyph(name))
        return glyph


@functools.cache
def _compiled_glyph_type() -> type:
    """A fontTools glyph that compiles to the bytes it compiled to the first time.

    fontTools compiles every glyph again each time a font is saved, though a
    glyph that does not change compiles to the same bytes; its bounds are set
    by that first compile too. Nothing changes it afterwards: a subset only
    reads its glyphs (hmtx, maxp, hhea take their bounds and point counts), so
    one object serves every subset of the process. A class made on first use:
    fontTools is imported only when a PDF is written.
    """
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    class CompiledGlyph(Glyph):
        def __init__(self, glyph: Glyph) -> None:
            self.__dict__.update(glyph.__dict__)
            # fontTools' own compile, as in a glyf table of a fresh font (a CFF
            # glyph is simple: the table itself is not read).
            self._bytes = Glyph.compile(self, newTable("glyf"), recalcBBoxes=True)

        def compile(self, glyfTable: Any, recalcBBoxes: bool = True, **_options: Any) -> bytes:
            return self._bytes

    return CompiledGlyph


@functools.lru_cache(maxsize=4)
def _cff_source(path: str, face_index: int, stamp: tuple[int, int]) -> _CffSource:
    """``stamp`` (mtime, size) makes an edited font a new key."""
    return _CffSource(path, face_index)


def _truetype_subset(fontfile: Any, gids: Any) -> Any:
    """matplotlib's ``get_glyphs_subset`` for a CFF font: the subset, with TrueType outlines.

    The glyphs kept are the ones asked for and .notdef, in the font's order, as
    fontTools' subsetter keeps them; the tables are those a TrueType font needs
    (head, hhea, hmtx, maxp, cmap, loca, glyf, name, OS/2, post), taken from the
    font and fitted to the subset. A PDF places the glyphs itself, so no layout
    tables. Written by hand because fontTools offers no subset that reads only
    the glyphs it keeps (see :class:`_CffSource`).
    """
    import copy

    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib import TTFont, newTable
    from matplotlib.backends import _backend_pdf_ps

    info = os.stat(fontfile)
    source = _cff_source(str(fontfile), fontfile.face_index, (info.st_mtime_ns, info.st_size))
    wanted = set(gids)
    kept = sorted({0, *wanted})
    order = [source.order[gid] for gid in kept]
    font = TTFont(recalcBBoxes=True, recalcTimestamp=False)  # the source's dates: reproducible
    font.setGlyphOrder(order)
    for tag in ("head", "hhea", "OS/2", "post"):
        font[tag] = copy.deepcopy(source.font[tag])
    font["name"] = _names_kept(source.font["name"])
    FontBuilder(font=font).setupCharacterMap(
        {cp: name for name in order for cp in source.codepoints.get(name, ())}
    )
    glyphs = {name: source.compiled_glyph(name) for name in order}  # bounds set
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    font["maxp"] = _truetype_maxp()
    font["hmtx"] = hmtx = newTable("hmtx")
    hmtx.metrics = {name: (source.advances[name], getattr(glyphs[name], "xMin", 0))
                    for name in order}  # fmt: skip
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID names mean nothing to a reader
    font.sfntVersion = "\x00\x01\x00\x00"
    index_map = {gid: i for i, gid in enumerate(kept) if gid in wanted}
    return _backend_pdf_ps.SubsetResults(font, index_map)._as_cm()


def _names_kept(names: Any) -> Any:
    from fontTools.ttLib import newTable

    table = newTable("name")
    table.names = [
        record
        for record in names.names
        if record.nameID in _NAME_IDS and (record.platformID, record.langID) in _NAME_LANGS
    ]
    return table


def _truetype_maxp() -> Any:
    """A version 1.0 maxp (TrueType's); its counts are filled in when the font is saved."""
    from fontTools.ttLib import newTable

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "numGlyphs",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    return maxp


@functools.cache
def truetype_for_pdf() -> None:
    """Embed CFF fonts in PDFs as TrueType (Type 42 needs TrueType data); installed once.

    Wraps matplotlib's ``_backend_pdf_ps.get_glyphs_subset``: a CFF font's
    subset is built with TrueType outlines (:func:`_truetype_subset`); fonts
    with TrueType outlines pass as they are.
    """
    from matplotlib.backends import _backend_pdf_ps

    original_subset = _backend_pdf_ps.get_glyphs_subset

    @functools.wraps(original_subset)
    def get_glyphs_subset(fontfile: Any, glyphs: Any) -> Any:
        if _is_cff(fontfile):
            return _truetype_subset(fontfile, glyphs)
        return original_subset(fontfile, glyphs)

    _backend_pdf_ps.get_glyphs_subset = get_glyphs_subset


# -- SVG: a font list that resolves everywhere ---------------------------------------

_SVG_FAMILY = re.compile(r"font-family: ?([^;\"]+)")


def svg_font_families(svg: str) -> str:
    """``svg`` with every text's font-family replaced by :data:`SVG_FONT_FAMILIES`.

    >>> "'Microsoft YaHei'" in svg_font_families('<text style="font-family: sans-serif">')
    True
    """
    families = ", ".join(f if f == "sans-serif" else f"'{f}'" for f in SVG_FONT_FAMILIES)
    return _SVG_FAMILY.sub(f"font-family: {families}", svg)


# -- SVG: compact path data -----------------------------------------------------------

_PATH_DATA = re.compile(r'(?<= d=")[^"]*')
_NUMBER = re.compile(r"(-?[0-9]+\.[0-9]+)")  # captured: split keeps the numbers
# A command and the line-tos it implies: after M or L, further L are implicit (SVG 1.1 §8.3.2).
_RUN = re.compile(r"([ML])([^MLQCz]*(?:L[^MLQCz]*)*)|([QCz])([^MLQCz]*)")
_EMPTY_LINE_TO = re.compile(r"L\s*(?=[MLQCz]|$)")
_CENTS = ["", *(f".{c:02d}".rstrip("0") for c in range(1, 100))]  # hundredths as written


def _rounded(numbers: list[str]) -> list[str]:
    """Each number as ``f"{float(n):.2f}"`` writes it, trailing zeros and "-0" dropped.

    Vectorised (a map's SVG has some 40 000 numbers: formatting each in Python
    was two thirds of the compaction). Rounding ``x * 100`` to an integer is
    what "%.2f" does except within 1e-6 of a half, where the float product may
    fall on either side: those few, and numbers too large for that margin, are
    formatted by Python itself.
    """
    if not numbers:
        return []
    values = np.fromiter(map(float, numbers), np.float64, len(numbers))
    hundredths = values * 100
    cents = np.rint(hundredths)
    unsure = (np.abs(hundredths - np.floor(hundredths) - 0.5) < 1e-6) | (np.abs(values) >= 1e7)
    cents = np.abs(cents).astype(np.int64)
    whole, part = np.divmod(cents, 100)
    signs = np.where((values < 0) & (cents > 0), "-", "")
    out = [sign + str(w) + _CENTS[c] for sign, w, c in zip(signs.tolist(), whole.tolist(),
                                                          part.tolist(), strict=True)]  # fmt: skip
    for i in np.flatnonzero(unsure).tolist():
        text = f"{values[i]:.2f}".rstrip("0").rstrip(".")
        out[i] = "0" if text == "-0" else text
    return out


def _run(match: re.Match[str]) -> str:
    command, args = (match[1], match[2]) if match[1] else (match[3], match[4])
    coords = " ".join(args.replace("L", " ").split()) if match[1] else " ".join(args.split())
    return command + (" " + coords if coords else "")


def _compact(d: str) -> str:
    """Whitespace collapsed, one command a line, implied line-tos without their L."""
    if _EMPTY_LINE_TO.search(d):  # an L without a point: kept as a space, as written
        return _compact_each(d)
    return "\n".join(_run(m) for m in _RUN.finditer(d))


_COMMAND = re.compile(r"([MLQCz])([^MLQCz]*)")


def _compact_each(d: str) -> str:
    """:func:`_compact` a command at a time (an implied L without a point leaves a space)."""
    out: list[str] = []
    previous = ""
    for command, args in _COMMAND.findall(d):
        coords = " ".join(args.split())
        if command == "L" and previous in ("M", "L"):
            out.append(" " + coords)
        else:
            out.append(("\n" if out else "") + command + (" " + coords if coords else ""))
            previous = command
    return "".join(out)


def compact_svg_paths(svg: str) -> str:
    """``svg`` with path coordinates rounded to 0.01 pt and repeated line-tos implied.

    matplotlib writes six decimals (a millionth of a point); a hundredth of a
    point (3.5 µm) is far below what print or screen resolves, and a map's
    SVG shrinks by about half. The numbers of all paths are rounded at once.

    >>> compact_svg_paths('<path d="M 1.000000 2.123456 \nL 3.5 4.25 \nL 5 6 \nz"/>')
    '<path d="M 1 2.12 3.5 4.25 5 6\nz"/>'
    """
    paths = _PATH_DATA.findall(svg)
    if not paths:
        return svg
    pieces = _NUMBER.split('"'.join(paths))  # a quote ends a path's data: never in it
    pieces[1::2] = _rounded(pieces[1::2])  # the numbers, between what is not
    data = "".join(pieces).split('"')
    return _interleave(_PATH_DATA.split(svg), [_compact(d) for d in data])


def _interleave(outer: list[str], inner: list[str]) -> str:
    """outer[0] + inner[0] + outer[1] + ... + outer[-1] (``len(outer) == len(inner) + 1``)."""
    return "".join(itertools.chain.from_iterable(zip(outer, inner, strict=False))) + outer[-1]
