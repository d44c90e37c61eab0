"""Text measured once per process while figures are saved, not once per draw.

matplotlib caches a text's size per renderer, and every draw of a save has a
renderer of its own: the SVG's dry and real draws measure each text twice,
and every figure measures its tick labels, caption and legend again, in every
village's profile (a measurement is a libraqm shaping, about 40 µs a CJK
glyph). What a renderer measures depends only on its class, its dpi, the
text, its font properties and the font settings, so :func:`shared_metrics`
answers a draw from what any earlier draw of the process measured with the
same of all of these. matplotlib offers no hook for this: the renderer's
documented ``get_text_width_height_descent`` is answered, for the draws of one
save, by an attribute set on that renderer alone (a hand-written cache, then).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.figure import Figure

_MAX_ENTRIES = 16_384  # a build measures a few thousand distinct texts
_METHOD = "get_text_width_height_descent"
# The settings a measurement reads besides the text and its font properties:
# which font files a family resolves to, hinting, mathtext fonts, AFM fonts.
_SETTING_PREFIXES = ("font.", "text.", "mathtext.")
_SETTING_KEYS = ("pdf.use14corefonts", "ps.useafm")

_measured: dict[tuple, tuple[float, float, float]] = {}


def _settings() -> tuple:
    """The font settings now, and the fonts registered (``addfont`` changes what resolves)."""
    values = tuple(
        (key, repr(value))
        for key, value in mpl.rcParams.items()
        if key.startswith(_SETTING_PREFIXES) or key in _SETTING_KEYS
    )
    return values, len(font_manager.fontManager.ttflist), len(font_manager.fontManager.afmlist)


def _shared(renderer: Any, settings: tuple) -> Callable[..., tuple[float, float, float]]:
    """``renderer``'s own measurement, answered from the process's earlier ones when the same."""
    measure = getattr(renderer, _METHOD)  # bound: the vector renderer's, inside a mixed one
    owner = getattr(measure, "__self__", renderer)
    where = (type(owner).__module__, type(owner).__qualname__, getattr(owner, "dpi", None),
             getattr(renderer, "dpi", None), settings)  # fmt: skip

    @functools.wraps(measure)
    def shared(s: str, prop: font_manager.FontProperties, ismath: Any) -> Any:
        if ismath == "TeX":  # measured by a TeX run, with files of its own
            return measure(s, prop, ismath)
        key = (where, s, prop.copy(), ismath)  # a copy: FontProperties hash by mutable state
        found = _measured.get(key)
        if found is None:
            found = tuple(measure(s, prop, ismath))
            if len(_measured) >= _MAX_ENTRIES:
                _measured.clear()
            _measured[key] = found
        return found

    return shared


@contextlib.contextmanager
def _measuring_through_cache(renderer: Any) -> Iterator[None]:
    before = vars(renderer).get(_METHOD)  # normally none: the class's method
    setattr(renderer, _METHOD, _shared(renderer, _settings()))
    try:
        yield
    finally:
        if before is None:
            delattr(renderer, _METHOD)
        else:
            setattr(renderer, _METHOD, before)


@contextlib.contextmanager
def shared_metrics(fig: Figure) -> Iterator[None]:
    """While ``fig`` is saved, each of its draws measures text through the process's cache.

    >>> with shared_metrics(fig):  # doctest: +SKIP
    ...     fig.savefig("out.svg")
    """
    before = vars(fig).get("draw")  # the CJK guard's wrapper (fonts.guard_figure), if any
    original = fig.draw

    @functools.wraps(original)
    def draw(renderer: Any) -> None:
        with _measuring_through_cache(renderer):
            original(renderer)

    fig.draw = draw  # type: ignore[method-assign]
    try:
        yield
    finally:
        if before is None:
            del fig.draw
        else:
            fig.draw = before  # type: ignore[method-assign]
