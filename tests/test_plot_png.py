"""ruralstudy.plot.png writes PNG files any reader reads back to the same pixels, dpi and text."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from ruralstudy.plot.png import encode_png


@pytest.mark.parametrize("channels, mode", [(3, "RGB"), (4, "RGBA")])
def test_pillow_reads_back_the_pixels_dpi_and_text(channels, mode):
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, size=(37, 53, channels), dtype=np.uint8)
    data = encode_png(pixels, dpi=300, text={"Software": "ruralstudy"})
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # checks every chunk's CRC and the zlib stream
        assert image.mode == mode and image.size == (53, 37)
        assert np.array_equal(np.asarray(image), pixels)
        assert image.info["Software"] == "ruralstudy"
        assert [round(d) for d in image.info["dpi"]] == [300, 300]


def test_an_rgba_buffers_first_three_channels_are_written_as_rgb_without_a_copy_first():
    """The figure's RGBA buffer is passed as a view of its colour channels (for speed); the
    file and the pixels handed back are those of the same pixels made contiguous first."""
    rng = np.random.default_rng(11)
    rgba = rng.integers(0, 256, size=(41, 29, 4), dtype=np.uint8)
    view = rgba[..., :3]
    assert not view.flags.c_contiguous
    kept: list[np.ndarray] = []
    data = encode_png(view, dpi=300, pixels_out=kept)
    assert data == encode_png(np.ascontiguousarray(view), dpi=300)
    assert np.array_equal(kept[0], view) and not np.shares_memory(kept[0], rgba)
    with Image.open(io.BytesIO(data)) as image:
        assert image.mode == "RGB" and np.array_equal(np.asarray(image), view)


def test_a_sparse_chart_stays_within_a_fifth_of_pillows_size():
    """Unfiltered rows suit figures (flat colour, antialiased edges): a sparse chart, the
    worst case measured, is at most a fifth larger than Pillow's adaptive filters make it."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=150)
    ax.bar(["Chetian", "Jiaoyao", "other"], [3, 5, 2])
    ax.plot([0, 1, 2], [1, 4, 2], color="black")
    ax.set_title("Collective income, 2019-2024")
    fig.canvas.draw()
    pixels = np.ascontiguousarray(np.asarray(fig.canvas.buffer_rgba())[..., :3])
    plt.close(fig)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", compress_level=3)
    assert len(encode_png(pixels, dpi=150)) <= 1.2 * len(buffer.getvalue())


@pytest.mark.parametrize("bad", [np.zeros((2, 2), np.uint8), np.zeros((2, 2, 3), np.float64),
                                 np.zeros((2, 2, 2), np.uint8)])  # fmt: skip
def test_anything_but_8_bit_rgb_or_rgba_is_refused(bad):
    with pytest.raises(ValueError, match="uint8 RGB or RGBA"):
        encode_png(bad, dpi=72)
