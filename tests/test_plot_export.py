"""Export: PNG at 300 dpi, SVG and PDF; byte-identical reruns; CJK font embedded in the PDF."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from PIL import Image
from pypdf import PdfReader

import ruralstudy.plot as rsp

CAPTION = "数据来源：测试日报，2025年10月 · Source: Test Daily, Oct 2025"

# A figure script run in a fresh interpreter, so "same input, same bytes" is
# checked across processes, not only within one.
_SCRIPT = textwrap.dedent(
    """
    import sys
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import ruralstudy.plot as rsp
    with rsp.style():
        fig, ax = plt.subplots()
        ax.bar(["车田村 Chetian", "脚尧村 Jiaoyao"], [1.0, 2.0])
        ax.set_title("村集体经济收入 Village collective income ≈")
        rsp.add_caption(fig, {caption!r})
        rsp.save(fig, sys.argv[1])
    """
).format(caption=CAPTION + "\n" + rsp.SIMULATED_MARK)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _figure():
    with rsp.style():
        fig, ax = plt.subplots()
        ax.bar(["车田村", "脚尧村"], [1.0, 2.0])
        ax.set_title("村集体经济收入")
        rsp.add_caption(fig, CAPTION)
    return fig


def test_save_writes_three_formats_and_png_at_300_dpi(tmp_path):
    paths = rsp.save(_figure(), tmp_path / "sub" / "fig1")
    assert [p.name for p in paths] == ["fig1.png", "fig1.svg", "fig1.pdf"]
    assert all(p.stat().st_size > 0 for p in paths)
    with Image.open(paths[0]) as img:
        dpi = img.info["dpi"]
    assert dpi == pytest.approx((300, 300), abs=0.01)


def test_save_drops_a_format_suffix_from_the_stem(tmp_path):
    paths = rsp.save(_figure(), tmp_path / "fig2.png")
    assert {p.name for p in paths} == {"fig2.png", "fig2.svg", "fig2.pdf"}


def test_same_input_gives_byte_identical_files_across_processes(tmp_path):
    script = tmp_path / "make.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    for run in ("a", "b"):
        subprocess.run([sys.executable, str(script), str(tmp_path / run / "fig")], check=True)
    for suffix in ("svg", "pdf", "png"):
        a = (tmp_path / "a" / f"fig.{suffix}").read_bytes()
        b = (tmp_path / "b" / f"fig.{suffix}").read_bytes()
        assert a == b, suffix


def test_files_carry_no_creation_date(tmp_path):
    _png, svg, pdf = rsp.save(_figure(), tmp_path / "fig")
    meta = PdfReader(pdf).metadata
    assert "/CreationDate" not in meta and "/ModDate" not in meta
    assert meta["/Creator"] == "ruralstudy"
    assert "<dc:date>" not in svg.read_text(encoding="utf-8")


def _pdf_fonts(path: Path) -> list[dict]:
    fonts = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.append(font.get_object())
    return fonts


def test_pdf_embeds_the_cjk_font_and_keeps_the_text(tmp_path):
    _, _, pdf = rsp.save(_figure(), tmp_path / "fig")
    cjk = [f for f in _pdf_fonts(pdf) if "NotoSansCJKsc" in str(f["/BaseFont"])]
    assert cjk, "no Noto Sans CJK SC font in the PDF"
    for font in cjk:
        # Type 3: each glyph's outline is a drawing procedure inside the PDF,
        # so the file renders without the font installed.
        assert font["/Subtype"] == "/Type3"
        assert len(font["/CharProcs"].get_object()) > 0
    # The ToUnicode map survives, so text copied out of the PDF is Chinese.
    text = PdfReader(pdf).pages[0].extract_text()
    assert "村集体经济收入" in text and "数据来源" in text
