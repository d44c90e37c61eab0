"""A figure saved by rs.plot.save shows in a notebook as the file's pixels, scaled to the screen;
a figure changed after its save, or never saved, is drawn as the inline backend draws it."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.core.pylabtools import select_figure_formats
from PIL import Image

import ruralstudy.plot as rsp
from ruralstudy.plot import shown


@pytest.fixture
def shell():
    """An IPython shell whose figure formatters are those matplotlib_inline registers."""
    sh = InteractiveShell.instance()
    select_figure_formats(sh, {"png"}, bbox_inches="tight")
    yield sh
    plt.close("all")
    InteractiveShell.clear_instance()


def _figure():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([1, 3, 2])
    ax.set_title("车田村 Chetian")
    return fig


def _displayed(sh, fig) -> Image.Image:
    data, _ = sh.display_formatter.format(fig)
    return Image.open(io.BytesIO(base64.b64decode(data["image/png"])))


def test_a_saved_figure_shows_the_saved_pixels_averaged_to_screen_size(shell, tmp_path):
    fig = _figure()
    rsp.save(fig, tmp_path / "fig")
    image = _displayed(shell, fig)
    assert image.size == (400, 300)  # 4 x 3 inches at the figure's 100 dpi
    saved = Image.open(tmp_path / "fig.png")
    assert saved.size == (1200, 900)
    assert np.array_equal(np.asarray(image), np.asarray(saved.reduce(3)))


def test_a_figure_changed_after_its_save_is_drawn_again(shell, tmp_path):
    fig = _figure()
    rsp.save(fig, tmp_path / "fig")
    fig.axes[0].set_title("changed")
    assert shown.shown_png(fig) is None
    image = _displayed(shell, fig)
    # the inline backend's own drawing: cropped to the tight box, not the full 400 x 300
    assert image.size != (400, 300)


def test_a_figure_never_saved_is_drawn_by_the_inline_backend(shell):
    fig = _figure()
    assert shown.shown_png(fig) is None
    assert _displayed(shell, fig).size != (400, 300)


def test_a_retina_display_is_left_to_its_own_formatter(shell, tmp_path):
    select_figure_formats(shell, {"retina"}, bbox_inches="tight")
    fig = _figure()
    rsp.save(fig, tmp_path / "fig")
    assert shown.shown_png(fig) is None  # nothing kept: the notebook draws at 2x itself
    width, _ = _displayed(shell, fig).size
    assert width > 400


def test_outside_a_notebook_nothing_is_kept(tmp_path):
    InteractiveShell.clear_instance()
    fig = _figure()
    rsp.save(fig, tmp_path / "fig")
    assert shown.shown_png(fig) is None
    plt.close(fig)


def test_a_screen_dpi_the_notebook_asks_for_is_kept(shell, tmp_path):
    select_figure_formats(shell, {"png"}, bbox_inches="tight", dpi=150)
    fig = _figure()
    rsp.save(fig, tmp_path / "fig")
    assert _displayed(shell, fig).size == (600, 450)  # 300 dpi halved
