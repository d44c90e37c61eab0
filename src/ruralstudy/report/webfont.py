"""The report's own Chinese font: a subset of the figures' Noto Sans CJK SC.

A browser on a machine with no CJK font (a bare Linux, a fresh container)
draws every Chinese character of the pages as a box, whatever font names the
CSS lists. So the report writes one font file beside its pages,
``fonts/NotoSansCJKsc-subset.woff``: the package's Noto Sans CJK SC
(:func:`ruralstudy.plot.style.cjk_font_path`) cut down by fontTools'
subsetter to the characters the pages use, and every page's CSS names it
first (``templates/offline/fonts.css``) with a relative address, so the
report reads the same offline and wherever its folder is copied.

WOFF, not WOFF2: WOFF2 needs the brotli package, WOFF only zlib. The font is
under the SIL Open Font License 1.1, which allows subsetting and
redistribution with the licence; :func:`licence_text` goes beside it.
"""

from __future__ import annotations

import html
import io
import unicodedata
from collections.abc import Iterable
from pathlib import Path

FONTS = "fonts"
FONT_FILE = f"{FONTS}/NotoSansCJKsc-subset.woff"
LICENCE_FILE = f"{FONTS}/NotoSansCJKsc-subset.LICENSE.txt"  # licence_file(FONT_FILE)
LICENCE_SUFFIX = ".LICENSE.txt"
# The name records kept: the subsetter's default (0-6: copyright, names, version)
# and the licence and its address (13, 14), so the file itself says its terms.
_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]
LICENCE_LINE = (
    "{file}: a subset (the characters these pages use) of {family}, {version}. {copyright}\n"
    "Licensed under the SIL Open Font License, Version 1.1 ({address}), which allows\n"
    "subsetting and redistribution with this notice. Taken from the mplfonts package and\n"
    "cut by ruralstudy's report (ruralstudy.report.webfont).\n"
)


def page_characters(pages: Iterable[str]) -> str:
    """Every wide (CJK) character the pages show (entities read as characters), sorted.

    Wide and full-width in Unicode's East Asian Width: ideographs, CJK punctuation
    (，。：、《》), full-width forms and the ideographic space U+3000 ("图2　农村"),
    which a Latin font lacks too. Everything else (letters, “ ” · — ’ ±, shared with
    Latin text) is left to the system's Latin fonts, which have it and set it narrow,
    as mixed text wants: a CJK font sets ’ as wide as an ideograph ("Gui’an").

    >>> page_characters(["<p>车田村 &#x8F66;，Chetian · 1</p>", "<b>田</b>　"])
    '\u3000村田车，'
    """
    chars: set[str] = set()
    for page in pages:
        chars.update(html.unescape(page))
    return "".join(sorted(c for c in chars if unicodedata.east_asian_width(c) in ("W", "F")))


def subset_font(characters: str) -> bytes:
    """The WOFF of Noto Sans CJK SC cut to the ``characters`` it has glyphs for.

    The same characters give the same bytes (the font's own dates are kept,
    not the time of the build), so serial and parallel builds are alike.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from ruralstudy.plot.style import cjk_font_path

    options = subset.Options()
    options.name_IDs = _NAME_IDS
    options.notdef_outline = True  # a character the font lacks shows the font's box, not nothing
    # No OpenType layout: the pages set Chinese horizontally with the default glyphs, and
    # ASCII is not in the subset; the layout tables were half the file and half the time.
    options.layout_features = []
    font = TTFont(str(cjk_font_path()), recalcTimestamp=False, lazy=True)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        font.flavor = "woff"  # the subsetter's own flavor option serves only its command line
        out = io.BytesIO()
        font.save(out)
    finally:
        font.close()
    return out.getvalue()


def licence_text(font_file: str = FONT_FILE) -> str:
    """The licence note of the subset ``font_file``, in the words of the font's own name records.

    >>> "SIL Open Font License" in licence_text()
    True
    """
    from fontTools.ttLib import TTFont

    from ruralstudy.plot.style import cjk_font_path

    with TTFont(str(cjk_font_path()), lazy=True) as font:
        names = font["name"]
        record = {i: str(names.getDebugName(i) or "") for i in (0, 1, 5, 14)}
    return LICENCE_LINE.format(file=Path(font_file).name, family=record[1],
                               version=record[5].split(";")[0], copyright=record[0],
                               address=record[14])  # fmt: skip


def licence_file(font_file: str) -> str:
    """The licence note's path beside ``font_file``.

    >>> licence_file("fonts/a.b.woff")
    'fonts/a.b.LICENSE.txt'
    """
    return font_file.removesuffix(".woff") + LICENCE_SUFFIX


def write_font(folder: Path, pages: Iterable[str], font_file: str = FONT_FILE) -> list[Path]:
    """Write the subset for ``pages`` as ``folder/font_file``, its licence note beside it.

    Returns the two files written.
    """
    font, licence = folder / font_file, folder / licence_file(font_file)
    font.parent.mkdir(parents=True, exist_ok=True)
    font.write_bytes(subset_font(page_characters(pages)))
    licence.write_text(licence_text(font_file), encoding="utf-8")
    return [font, licence]
