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

import functools
import io
import os
import re
from typing import Any

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
        apply_cjk(fig)
        original(renderer)

    fig.draw = draw  # type: ignore[method-assign]
    setattr(fig, GUARD_ATTR, True)


# -- PDF: TrueType outlines for Type 42 -------------------------------------------------


def _to_truetype(font: Any) -> None:
    """Turn a CFF-outline TTFont into a TrueType-outline one, in place (fontTools otf2ttf)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.recalcBBoxes = True  # new outlines need their bounding boxes
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID names mean nothing to a reader
    font.sfntVersion = "\x00\x01\x00\x00"


# What a PDF of a CFF font converted to TrueType never uses: glyph substitution and
# positioning (a PDF places glyphs itself) and vertical metrics.
_UNUSED_IN_PDF = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx"]


def _is_cff(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"OTTO"  # the sfnt tag of OpenType fonts with CFF outlines


_LAYOUT = ("GDEF", "GSUB", "GPOS")


def _drop_layout(font: Any, options: Any) -> None:
    """Delete the layout tables the subsetter would drop, before it reads them.

    fontTools 4.68's ``Subsetter.subset`` converts GDEF, GSUB and GPOS to a
    compact form (decompiling every lookup) before it drops the tables listed
    in ``drop_tables``: for Noto Sans CJK that was about 0.1 s of each subset's
    0.6 s. The result is the same font. Not when a ``kern`` table is there: the
    subsetter keeps or drops it by whether GPOS is present.
    """
    if "kern" in font:
        return
    for tag in _LAYOUT:
        if tag in font and tag in options.drop_tables:
            del font[tag]


def _subset_options(face_index: int) -> Any:
    from fontTools import subset

    options = subset.Options(glyph_names=True, recommended_glyphs=True, desubroutinize=True)
    options.drop_tables += _UNUSED_IN_PDF
    options.font_number = face_index
    return options


class _TableData:
    """Stands in for a TTFont's file reader once its tables are decompiled.

    TTFont asks its reader which tables the font has (and forgets a table by
    deleting it there), for the raw data of a table it has not decompiled, and
    for the original table order, which ``save(reorderTables=False)`` keeps.
    """

    def __init__(self, raw: dict[str, bytes | None]) -> None:
        self._raw = dict(raw)  # tag -> raw data (None: decompiled in the font already)

    def keys(self) -> Any:
        return self._raw.keys()

    def __contains__(self, tag: object) -> bool:
        return tag in self._raw

    def __getitem__(self, tag: str) -> bytes:
        data = self._raw[tag]
        if data is None:
            raise KeyError(f"table {tag!r} was decompiled before the font was copied")
        return data

    def __delitem__(self, tag: str) -> None:
        del self._raw[tag]

    def close(self) -> None:
        pass


@functools.lru_cache(maxsize=4)
def _parsed_font(
    path: str, face_index: int, stamp: tuple[int, int]
) -> tuple[bytes, dict, tuple[Any, ...], tuple[int, ...]]:
    """The font as the subsetter loads it, tables decompiled, pickled (once per process).

    Parsing a 65 000-glyph CJK font (offsets, charset, metrics, cmap) was most of
    each subset's 0.2 s, and a PDF makes two; unpickling a parsed copy takes a
    tenth of that. ``stamp`` (mtime, size) makes an edited font a new key.

    Returns the pickle, the raw data of tables not decompiled, the containers
    every copy shares (:func:`_shared_containers`), which the pickle refers to,
    and their sizes.
    """
    import pickle

    from fontTools import subset

    options = _subset_options(face_index)
    font = subset.load_font(path, options)
    _drop_layout(font, options)
    font.getGlyphOrder()
    font.getReverseGlyphMap()
    raw: dict[str, bytes | None] = {}
    for tag in font.reader.keys():
        if tag.strip() in options.drop_tables:
            raw[tag] = font.reader[tag]  # dropped before it is ever read; kept for fidelity
        else:
            font[tag]  # decompile now, once
            raw[tag] = None
    if "CFF " in font:
        _decompile_cff(font["CFF "].cff)
    font.close()
    font.reader = None
    shared = _shared_containers(font)
    index = {id(obj): i for i, obj in enumerate(shared)}
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: index.get(id(obj))
    pickler.dump(font)
    return buffer.getvalue(), raw, shared, tuple(len(obj) for obj in shared)


_SHARED_MIN = 1000


def _shared_containers(font: Any) -> tuple[Any, ...]:
    """The font's large dicts (cmap subtables, metrics, CharStrings, the reverse glyph
    map) and its glyph-order and CFF charset lists: shared by every copy, not unpickled.

    They were two thirds of a copy's unpickling. fontTools' subsetter (4.68)
    replaces each of them with a new, smaller one and never changes them in
    place; the lists it does change in place (the CFF indices of charstrings
    and subroutines) are copied with the rest. ``_check_shared`` holds the
    sizes after each subset, and a test the contents.
    """
    lists = [font.glyphOrder]
    if "CFF " in font:
        cff = font["CFF "].cff
        lists += [cff[name].charset for name in cff.fontNames]
    seen: dict[int, Any] = {id(obj): obj for obj in lists if len(obj) > _SHARED_MIN}
    stack = [font.tables, font.__dict__]
    visited: set[int] = set()
    while stack:  # every dict reachable from the tables, by attribute, list item or value
        obj = stack.pop()
        if id(obj) in visited:
            continue
        visited.add(id(obj))
        if type(obj) is dict:
            if len(obj) > _SHARED_MIN and obj is not font.__dict__:
                seen.setdefault(id(obj), obj)
                continue  # its values are glyph names, ids and metrics
            stack.extend(obj.values())
        elif type(obj) is list and len(obj) <= _SHARED_MIN:
            stack.extend(obj)
        elif hasattr(obj, "__dict__") and obj.__class__.__module__.startswith("fontTools"):
            stack.append(obj.__dict__)
    return tuple(seen.values())


def _decompile_cff(cff: Any) -> None:
    """Read the CFF's top and private dicts now (the CharStrings offsets among them).

    cffLib reads them when first asked; the glyph programs stay unread until used.
    """
    for name in cff.fontNames:
        top = cff[name]
        for key in top.rawDict:
            getattr(top, key)
        dicts = [fd for fd in getattr(top, "FDArray", [])] or [top]
        for fd in dicts:
            private = getattr(fd, "Private", None)
            for key in getattr(private, "rawDict", {}):
                getattr(private, key)


def _cached(fontfile: Any, face_index: int) -> tuple[bytes, dict, tuple[Any, ...], tuple[int, ...]]:
    info = os.stat(fontfile)
    return _parsed_font(str(fontfile), face_index, (info.st_mtime_ns, info.st_size))


def _load_font(fontfile: Any, face_index: int) -> Any:
    """A fresh TTFont of ``fontfile``, as ``fontTools.subset.load_font`` gives, from the cache
    (its largest containers shared with every other copy: :func:`_shared_containers`)."""
    import pickle

    blob, raw, shared, _sizes = _cached(fontfile, face_index)
    unpickler = pickle.Unpickler(io.BytesIO(blob))
    unpickler.persistent_load = shared.__getitem__
    font = unpickler.load()
    font.reader = _TableData(raw)
    return font


def _check_shared(fontfile: Any, face_index: int) -> None:
    """Fail loudly if a subset changed a container every copy shares (a fontTools change)."""
    _blob, _raw, shared, sizes = _cached(fontfile, face_index)
    if tuple(len(obj) for obj in shared) != sizes:
        raise RuntimeError(
            f"fontTools changed the cached font {fontfile} while subsetting it; "
            "ruralstudy.plot.fonts._shared_containers must not share that container"
        )


def _cff_subset(fontfile: Any, glyphs: Any) -> Any:
    """matplotlib's ``get_glyphs_subset`` for a CFF font that is converted to TrueType next.

    Written out (it is matplotlib's ten lines) to change two options: the
    subroutines are expanded and the layout tables dropped before subsetting.
    Pruning the subroutines and closing over the layout tables of a 65 000-glyph
    CJK font took most of a PDF's save (about 1.5 s of 2.5 s per figure), and
    the TrueType conversion expands subroutines and drops the CFF anyway.
    """
    from fontTools import subset
    from matplotlib.backends import _backend_pdf_ps

    options = _subset_options(fontfile.face_index)
    font = _load_font(fontfile, fontfile.face_index)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(gids=glyphs)
    subsetter.subset(font)
    _check_shared(fontfile, fontfile.face_index)
    return _backend_pdf_ps.SubsetResults(font, subsetter.glyph_index_map)._as_cm()


@functools.cache
def truetype_for_pdf() -> None:
    """Embed CFF fonts in PDFs as TrueType (Type 42 needs TrueType data); installed once.

    Wraps matplotlib's ``_backend_pdf_ps.font_as_file``, the one step that
    writes a subset font's bytes; fonts with TrueType outlines pass as they are.
    CFF fonts are subset by :func:`_cff_subset`.
    """
    from matplotlib.backends import _backend_pdf_ps

    original = _backend_pdf_ps.font_as_file
    original_subset = _backend_pdf_ps.get_glyphs_subset

    @functools.wraps(original)
    def font_as_file(font: Any) -> Any:
        if "CFF " in font:
            _to_truetype(font)
        return original(font)

    @functools.wraps(original_subset)
    def get_glyphs_subset(fontfile: Any, glyphs: Any) -> Any:
        if _is_cff(fontfile):
            return _cff_subset(fontfile, glyphs)
        return original_subset(fontfile, glyphs)

    _backend_pdf_ps.font_as_file = font_as_file
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
_COMMAND = re.compile(r"([MLQCz])([^MLQCz]*)")
_NUMBER = re.compile(r"-?[0-9]+\.[0-9]+")


def _round(match: re.Match[str]) -> str:
    text = f"{float(match.group()):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _compact(d: str) -> str:
    out: list[str] = []
    previous = ""
    for command, args in _COMMAND.findall(d):
        coords = " ".join(_NUMBER.sub(_round, args).split())
        # After M or L, further points are implicit line-tos (SVG 1.1 §8.3.2).
        if command == "L" and previous in ("M", "L"):
            out.append(" " + coords)
        else:
            out.append(("\n" if out else "") + command + (" " + coords if coords else ""))
        previous = command if command != "L" or previous not in ("M", "L") else previous
    return "".join(out)


def compact_svg_paths(svg: str) -> str:
    """``svg`` with path coordinates rounded to 0.01 pt and repeated line-tos implied.

    matplotlib writes six decimals (a millionth of a point); a hundredth of a
    point (3.5 µm) is far below what print or screen resolves, and a map's
    SVG shrinks by about half.

    >>> compact_svg_paths('<path d="M 1.000000 2.123456 \nL 3.5 4.25 \nL 5 6 \nz"/>')
    '<path d="M 1 2.12 3.5 4.25 5 6\nz"/>'
    """
    return _PATH_DATA.sub(lambda m: _compact(m.group()), svg)
