"""House style: CJK font from a pip package, registered in memory, no glyph gaps."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager

import ruralstudy.plot as rsp

# Every non-ASCII character the chart functions themselves put on a figure
# (qualifier marks, arrows, separators, CJK punctuation of captions).
PLOT_SYMBOLS = "≈≥≤→↑↓·，：；《》–—“”年月日万亿元余约近逾"


def test_font_file_comes_from_mplfonts_and_is_the_free_one():
    path = rsp.cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert "mplfonts" in path.parts
    assert "SimHei" not in path.name


def test_register_is_in_memory_and_idempotent():
    path = rsp.cjk_font_path()
    rsp.register_cjk_font()
    entries = [f for f in font_manager.fontManager.ttflist if Path(f.fname) == path]
    rsp.register_cjk_font()
    assert [f for f in font_manager.fontManager.ttflist if Path(f.fname) == path] == entries
    assert rsp.CJK_FONT_FAMILY in {f.name for f in entries}
    # Nothing copied into matplotlib's install, as `mplfonts init` would do.
    installed = Path(mpl.get_data_path()) / "fonts" / "ttf" / path.name
    assert not installed.exists()


def test_style_resolves_sans_serif_to_the_cjk_font():
    with rsp.style():
        found = font_manager.findfont(
            font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False
        )
        assert Path(found) == rsp.cjk_font_path()
        assert mpl.rcParams["axes.unicode_minus"] is False
        assert mpl.rcParams["pdf.fonttype"] == 42  # TrueType CID font: editable, preflight-safe
        assert mpl.rcParams["svg.fonttype"] == "none"  # SVG text stays <text>


def test_style_context_restores_rcparams():
    before = dict(mpl.rcParams)
    with rsp.style():
        assert mpl.rcParams["svg.hashsalt"] == "ruralstudy"
    assert mpl.rcParams["svg.hashsalt"] == before["svg.hashsalt"]
    assert mpl.rcParams["font.sans-serif"] == before["font.sans-serif"]


def test_use_style_sets_the_house_style():
    with mpl.rc_context():
        rsp.use_style()
        for key, value in rsp.HOUSE_STYLE.items():
            assert mpl.rcParams[key] == mpl.RcParams({key: value})[key], key


def test_chinese_and_plot_symbols_render_without_missing_glyphs():
    with rsp.style(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title("集体经济收入 Collective income " + PLOT_SYMBOLS + " -1")
        fig.canvas.draw()
        plt.close(fig)
    glyph = [w for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert glyph == []


def test_import_ruralstudy_does_not_import_matplotlib():
    code = (
        "import sys, ruralstudy; "
        "assert 'matplotlib' not in sys.modules, 'import ruralstudy pulled in matplotlib'; "
        "import ruralstudy.plot; assert 'matplotlib' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_style_block_keeps_interactive_mode_switched_on_inside():
    # A notebook backend switches interactive mode on with the first figure;
    # if that figure is drawn inside style(), later figures must still show.
    before = mpl.is_interactive()
    try:
        mpl.interactive(False)
        with rsp.style():
            mpl.interactive(True)
        assert mpl.is_interactive()
    finally:
        mpl.interactive(before)
