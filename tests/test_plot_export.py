"""Export: PNG at 300 dpi, SVG text and PDF TrueType fonts; byte-identical reruns; index entry."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.ft2font import FT2Font
from PIL import Image
from pypdf import PdfReader

import ruralstudy.plot as rsp

MAP_MAX_BYTES = 1_500_000  # a map a report can embed: no file over 1.5 MB
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


def test_png_has_matplotlibs_pixels_as_rgb(tmp_path):
    fig = _figure()
    png = rsp.save(fig, tmp_path / "fig")[0]
    reference = io.BytesIO()
    with rsp.style():  # the house font first, as save() has it
        fig.savefig(reference, format="png", dpi=300, facecolor="white")
    with Image.open(png) as ours, Image.open(reference) as theirs:
        assert ours.mode == "RGB" and theirs.mode == "RGBA"
        assert ours.info["Software"] == "ruralstudy"
        assert np.array_equal(np.asarray(ours.convert("RGBA")), np.asarray(theirs))


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


def test_pdf_embeds_the_cjk_font_as_truetype_and_keeps_the_text(tmp_path):
    _, _, pdf = rsp.save(_figure(), tmp_path / "fig")
    fonts = _pdf_fonts(pdf)
    assert not [f for f in fonts if f["/Subtype"] == "/Type3"], "Type 3 fonts in the PDF"
    cjk = [f for f in fonts if "NotoSansCJKsc" in str(f["/BaseFont"])]
    assert cjk, "no Noto Sans CJK SC font in the PDF"
    for font in cjk:
        # Type 0 with a CIDFontType2 descendant: TrueType outlines, editable.
        assert font["/Subtype"] == "/Type0"
        descendant = font["/DescendantFonts"][0].get_object()
        assert descendant["/Subtype"] == "/CIDFontType2"
        data = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
        # FontFile2 must hold TrueType data (not CFF/OTTO), and a font a reader can parse.
        assert data[:4] == b"\x00\x01\x00\x00"
        parsed = TTFont(io.BytesIO(data))
        assert "glyf" in parsed and "CFF " not in parsed
    # The ToUnicode map survives, so text copied out of the PDF is Chinese.
    text = PdfReader(pdf).pages[0].extract_text()
    assert "村集体经济收入" in text and "数据来源" in text


def _otf2ttf(font) -> dict:
    """Reference: fontTools' otf2ttf conversion of a CFF font's glyphs (name -> outline)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    glyph_set, out = font.getGlyphSet(), {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        out[name] = pen.glyph()
    return out


def _outline(glyph, glyf) -> tuple:
    coordinates, ends, flags = glyph.getCoordinates(glyf)
    return list(coordinates), list(ends), [f & 1 for f in flags]  # on-curve bits


_TEXTS = (
    "资料来源：贵州日报（2025年）村集体经济收入 Ab-1",
    "雷山县 Leishan 1986",
    "萬戶營銷 ﬁ ≈ ¥ — 脚尧村",  # traditional, a ligature, symbols
)


def _cjk_gids(text: str) -> tuple:
    from matplotlib import font_manager

    from ruralstudy.plot.style import cjk_font_path

    path = font_manager.FontPath(str(cjk_font_path()), 0)
    ft = font_manager.get_font(str(path))
    return path, {ft.get_char_index(ord(c)) for c in text if not c.isspace()}


@pytest.mark.parametrize("text", _TEXTS)
def test_the_truetype_subset_has_the_glyphs_of_matplotlibs_subset_converted_by_otf2ttf(text):
    """The PDF's CJK subset is built from the glyphs asked for (for speed); each keeps the
    outline fontTools' otf2ttf gives matplotlib's own subset, its advance and its characters."""
    from matplotlib.backends import _backend_pdf_ps

    from ruralstudy.plot import fonts

    fonts.truetype_for_pdf()
    path, gids = _cjk_gids(text)
    with _backend_pdf_ps.get_glyphs_subset.__wrapped__(path, gids) as theirs:
        ref_order = theirs.font.getGlyphOrder()
        ref = _otf2ttf(theirs.font)
        ref_hmtx = theirs.font["hmtx"]
        ref_map = theirs.glyph_index_map
    with fonts._truetype_subset(path, gids) as ours:
        data = _backend_pdf_ps.font_as_file(ours.font).getvalue()
        index_map = ours.glyph_index_map
    font = TTFont(io.BytesIO(data))
    order, glyf, hmtx = font.getGlyphOrder(), font["glyf"], font["hmtx"]
    assert "CFF " not in font and data[:4] == b"\x00\x01\x00\x00"
    assert set(index_map) == gids and order[0] == ".notdef"
    for gid in gids:
        mine, theirs_name = order[index_map[gid]], ref_order[ref_map[gid]]
        assert _outline(glyf[mine], glyf) == _outline(ref[theirs_name], None)
        assert hmtx[mine][0] == ref_hmtx[theirs_name][0]
    # Every character of a kept glyph maps to it, as in the font (glyph ids of the subset).
    kept = sorted({0, *gids})
    with TTFont(str(path), lazy=True) as source:
        new_id = {source.getGlyphOrder()[gid]: i for i, gid in enumerate(kept)}
        expected = {cp: new_id[name] for cp, name in source.getBestCmap().items()
                    if name in new_id}  # fmt: skip
    assert {cp: font.getGlyphID(name) for cp, name in font.getBestCmap().items()} == expected
    FT2Font(io.BytesIO(data))  # matplotlib reads the embedded font back: it must parse


def test_glyphs_compiled_once_per_process_give_the_bytes_fontTools_compiles_afresh(monkeypatch):
    """Each subset reuses glyphs fontTools compiled once (for speed); the embedded font is
    byte for byte the one made of glyphs converted anew, which fontTools compiles on save."""
    from fontTools.ttLib import newTable
    from matplotlib.backends import _backend_pdf_ps

    from ruralstudy.plot import fonts

    def embedded():
        path, gids = _cjk_gids(_TEXTS[0] + _TEXTS[2])
        with fonts._truetype_subset(path, gids) as result:
            kinds = {type(g) for g in result.font["glyf"].glyphs.values()}
            return _backend_pdf_ps.font_as_file(result.font).getvalue(), kinds

    embedded()
    cached, kinds = embedded()  # every glyph from the cache
    assert kinds == {fonts._compiled_glyph_type()}

    def afresh(source, name):
        glyph = source.truetype_glyph(name)
        glyph.recalcBounds(newTable("glyf"))  # the bounds hmtx takes, as fontTools sets them
        return glyph

    monkeypatch.setattr(fonts._CffSource, "compiled_glyph", afresh)
    fresh, kinds = embedded()
    assert fonts._compiled_glyph_type() not in kinds
    assert cached == fresh


def _labelled_point():
    """A label in a box with a leader line from its box: the line's end is placed from
    the box as last drawn, so a draw at another dpi before the save moves it."""
    with rsp.style():
        fig, ax = plt.subplots(layout="constrained")
        label = ax.text(0.6, 0.6, "车田村 Chetian", bbox={"boxstyle": "round", "fc": "white"})
        ax.annotate("", xy=(0.2, 0.2), xytext=(0.6, 0.6), zorder=1,
                    arrowprops={"arrowstyle": "-", "patchA": label.get_bbox_patch()})  # fmt: skip
        ax.set_title("村集体经济收入")
    return fig


def test_the_pdf_saved_without_a_dry_draw_is_the_one_saved_with_it(tmp_path, monkeypatch):
    """savefig's dry draw before the PDF is skipped (the SVG's draw at the same dpi settled
    the figure): every file is the same bytes as when savefig makes it."""
    from ruralstudy.plot import export

    fast = rsp.save(_labelled_point(), tmp_path / "fast")
    monkeypatch.setattr(export, "_no_dry_draw", lambda fig: contextlib.nullcontext())
    slow = rsp.save(_labelled_point(), tmp_path / "slow")
    for ours, theirs in zip(fast, slow, strict=True):
        assert ours.read_bytes() == theirs.read_bytes(), ours.name


def test_truetype_subsets_are_reproducible_and_do_not_leak_into_each_other():
    """Glyphs converted once per process are copied into each subset: building B between two
    builds of A changes nothing, and a fresh cache gives the same bytes."""
    from matplotlib.backends import _backend_pdf_ps

    from ruralstudy.plot import fonts

    def embedded(text):
        path, gids = _cjk_gids(text)
        with fonts._truetype_subset(path, gids) as result:
            return _backend_pdf_ps.font_as_file(result.font).getvalue(), result.glyph_index_map

    first = embedded(_TEXTS[0])
    for text in _TEXTS[1:]:
        embedded(text)
    assert embedded(_TEXTS[0]) == first
    fonts._cff_source.cache_clear()
    assert embedded(_TEXTS[0]) == first


def test_svg_keeps_text_as_text_with_fonts_for_every_platform(tmp_path):
    _, svg, _ = rsp.save(_figure(), tmp_path / "fig")
    root = ET.parse(svg).getroot()
    texts = [el for el in root.iter() if el.tag.endswith("}text")]
    assert any("村集体经济收入" in "".join(el.itertext()) for el in texts)
    families = {re.search(r"font-family: ?([^;]+)", el.get("style", "")).group(1) for el in texts}
    expected = ", ".join(f if f == "sans-serif" else f"'{f}'" for f in rsp.SVG_FONT_FAMILIES)
    assert families == {expected}
    for name in ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"):
        assert name in expected


def test_svg_can_be_outlined_for_exact_rendering(tmp_path):
    _, svg, _ = rsp.save(_figure(), tmp_path / "fig", svg_text="path")
    root = ET.parse(svg).getroot()
    assert not [el for el in root.iter() if el.tag.endswith("}text")]
    with pytest.raises(ValueError, match="svg_text"):
        rsp.save(_figure(), tmp_path / "bad", svg_text="outline")


def test_save_writes_the_index_entry_beside_the_files(tmp_path):
    from test_plot_frames import facts, simulated_facts, tables

    with rsp.style():
        ax = rsp.series(simulated_facts(), lang="zh", number=3, **tables())
    rsp.save(ax.figure, tmp_path / "sim")
    entry = json.loads((tmp_path / "sim.json").read_text(encoding="utf-8"))
    assert set(entry) == {
        "title", "caption", "source_ids", "publishers", "pages", "simulated", "lang", "files",
        "number",
    }  # fmt: skip
    assert entry["files"] == ["sim.png", "sim.svg", "sim.pdf"]
    assert entry["simulated"] is True and entry["lang"] == "zh" and entry["number"] == 3
    assert entry["source_ids"] == ["test-sim"]
    assert entry["title"].startswith("图3")
    assert entry["caption"].splitlines()[-1] == rsp.SIMULATED_MARKS["zh"]
    with rsp.style():
        ax = rsp.bars(facts().query("indicator_id == 'collective_income'"), lang="en", **tables())
    rsp.save(ax.figure, tmp_path / "real")
    entry = json.loads((tmp_path / "real.json").read_text(encoding="utf-8"))
    assert entry["simulated"] is False and "number" not in entry
    assert entry["publishers"] == ["Guizhou Daily", "Qiandongnan Daily"]
    assert entry["caption"] == rsp.caption_text(ax.figure)


# A chart and a map from the shipped data, saved in a fresh interpreter.
_CASE_SCRIPT = textwrap.dedent(
    """
    import sys
    import matplotlib
    matplotlib.use("Agg")
    sys.path.insert(0, {tests!r})
    import figure_cases
    import ruralstudy as rs
    for name in ("before_after", "choropleth"):
        fig = figure_cases.CASES[name]("zh")
        rs.plot.save(fig, sys.argv[1] + "/" + name)
    """
)


def test_charts_and_maps_are_byte_identical_across_runs_and_maps_stay_small(tmp_path):
    script = tmp_path / "cases.py"
    script.write_text(_CASE_SCRIPT.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        subprocess.run([sys.executable, str(script), str(tmp_path / run)], check=True)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name
        if path.name.startswith("choropleth") and path.suffix != ".json":
            assert path.stat().st_size <= MAP_MAX_BYTES, (path.name, path.stat().st_size)


def test_compacting_rounds_ascii_numbers_only():
    """SVG numbers are ASCII; a full-width one is left as written, not rounded into ASCII."""
    from ruralstudy.plot.fonts import compact_svg_paths

    svg = '<path d="M １.23456 2.34567 L ٣.45678 4.5"/>'
    assert compact_svg_paths(svg) == '<path d="M １.23456 2.35 ٣.45678 4.5"/>'


def _compact_reference(svg: str) -> str:
    """The compaction as first written (one regex substitution and one float format per
    number): the vectorised one must give the same text for any input."""
    number = re.compile(r"-?[0-9]+\.[0-9]+")

    def rounded(match):
        text = f"{float(match.group()):.2f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text

    def compact(d):
        out, previous = [], ""
        for command, args in re.findall(r"([MLQCz])([^MLQCz]*)", d):
            coords = " ".join(number.sub(rounded, args).split())
            if command == "L" and previous in ("M", "L"):
                out.append(" " + coords)
            else:
                out.append(("\n" if out else "") + command + (" " + coords if coords else ""))
                previous = command
        return "".join(out)

    return re.sub(r'(?<= d=")[^"]*', lambda m: compact(m.group()), svg)


_PATH_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["M", "L", "Q", "C", "z", " ", "\n", "  ", ",", "L "]),
        st.floats(-2e7, 2e7, allow_nan=False).map(lambda x: f"{x:.6f}"),
        st.decimals(-1000, 1000, places=3).map(str),  # ties: x.xx5
        st.integers(-100, 100).map(str),
        st.text("0123456789.-１٣ab", max_size=6),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PATH_TEXT, max_size=4), st.text('<>/ ="ab', max_size=8))
def test_compacted_paths_are_the_text_the_first_compaction_wrote(paths, between):
    from ruralstudy.plot.fonts import compact_svg_paths

    svg = between.join(f'<path d="{d}"/>' for d in paths) + between
    assert compact_svg_paths(svg) == _compact_reference(svg)


@pytest.mark.parametrize("d", ["M 1.125 2.675 0.005 -0.004 -0.005 1.115 2.5e-07",
                               "M 12345678.125 -99999999.995 10000000.005 0.125000"])  # fmt: skip
def test_numbers_at_a_half_hundredth_round_as_python_formats_them(d):
    from ruralstudy.plot.fonts import compact_svg_paths

    svg = f'<path d="{d}"/><path d=""/><text>1.23456</text>'
    assert compact_svg_paths(svg) == _compact_reference(svg)
