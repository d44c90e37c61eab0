"""A figure just saved is shown in a notebook as the PNG it was saved as, scaled to the screen.

Jupyter's inline backend draws every figure it shows once more, at the
figure's dpi (with ``bbox_inches="tight"``, twice): about 0.2 s a figure,
a fifth of a report profile's run. A figure :func:`ruralstudy.plot.save`
has just written at 300 dpi has those pixels already; averaged down to the
screen's dpi they show what the file holds, in a few milliseconds. A figure
changed after its save (matplotlib marks it stale) is drawn as before, and so
is any figure never saved.

Only the plain PNG display is stood in for (IPython's default); a notebook
that asked for retina or SVG figures keeps its own.
"""

from __future__ import annotations

import functools
from base64 import b64encode
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ruralstudy.plot.png import encode_png

_PIXELS = "_ruralstudy_shown"  # the scaled pixels, kept on the figure until it is closed
_STANDS_IN = "_ruralstudy_stands_in_for"  # on our formatter: the one it wraps


def remember(fig: Figure, pixels: np.ndarray, saved_dpi: float) -> None:
    """Keep ``pixels`` (the saved PNG's, at ``saved_dpi``) scaled to screen size, to show ``fig``.

    Call it when every file of the figure is written: it marks the figure as
    drawn, so any change after it shows as stale.
    """
    inline = _inline_formatter()
    if inline is None:
        return  # not in a notebook shell, or the shell shows figures another way
    screen_dpi = inline.keywords.get("dpi", fig.dpi)
    if not isinstance(screen_dpi, (int, float)):
        screen_dpi = fig.dpi  # e.g. dpi="figure"
    setattr(fig, _PIXELS, (_scaled(pixels, saved_dpi / screen_dpi), screen_dpi))
    # The saves changed the figure's dpi and back, which marks it stale; it is
    # now exactly what was saved, and any later change marks it stale again.
    fig.stale = False


def _scaled(pixels: np.ndarray, factor: float) -> Any:
    from PIL import Image

    image = Image.fromarray(pixels)
    if factor == round(factor) and factor >= 1:
        return image.reduce(int(factor))  # the mean of each block: 300 dpi to 100 exactly
    size = (max(1, round(image.width / factor)), max(1, round(image.height / factor)))
    return image.resize(size, Image.Resampling.LANCZOS)


def shown_png(fig: Figure) -> bytes | None:
    """The PNG that shows ``fig`` as saved, or None if it was not saved or changed since."""
    kept = getattr(fig, _PIXELS, None)
    if kept is None or fig.stale:
        return None
    image, dpi = kept
    return encode_png(np.asarray(image), dpi=dpi)


def _inline_formatter() -> functools.partial | None:
    """The inline backend's PNG formatter for figures, with ours standing in front of it.

    None outside IPython, before the inline backend is set up, or when it does
    not show figures as plain PNG. matplotlib_inline registers its formatter
    when the backend starts and again when its settings change, so this wraps
    whatever is registered at the time of each save.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None:
        return None
    png = shell.display_formatter.formatters["image/png"]
    try:
        current = png.lookup_by_type(Figure)
    except KeyError:
        return None
    wrapped = getattr(current, _STANDS_IN, current)
    if not _is_plain_png(wrapped):
        return None
    if wrapped is current:
        png.for_type(Figure, _stand_in(wrapped))
    return wrapped


def _is_plain_png(formatter: Any) -> bool:
    """IPython's ``partial(print_figure, fmt="png", …)``, as matplotlib_inline registers it."""
    from IPython.core.pylabtools import print_figure

    return (isinstance(formatter, functools.partial) and formatter.func is print_figure
            and formatter.keywords.get("fmt") == "png")  # fmt: skip


def _stand_in(draw: functools.partial) -> Any:
    def show(fig: Figure) -> Any:
        data = shown_png(fig)
        if data is None:
            return draw(fig)
        # As the formatter it stands for returns it (IPython 9 asks for base64 text).
        return b64encode(data).decode("ascii") if draw.keywords.get("base64") else data

    setattr(show, _STANDS_IN, draw)
    return show
