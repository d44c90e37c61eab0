"""Text measured once per process while saving (ruralstudy.plot.metrics): the same files."""

from __future__ import annotations

import contextlib

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

import ruralstudy as rs
import ruralstudy.plot as rsp
from ruralstudy.plot import export, metrics

CHETIAN = "cn.guizhou.guian.huchao.chetian"
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"


@pytest.fixture(autouse=True)
def _fresh_cache():
    metrics._measured.clear()
    yield
    metrics._measured.clear()
    plt.close("all")


def _uncached(monkeypatch):
    monkeypatch.setattr(export, "shared_metrics", lambda fig: contextlib.nullcontext())


def _bytes(paths):
    return {p.suffix: p.read_bytes() for p in paths}


def _profile_figures(place_id):
    """The case study's figures of one place, as its profile draws them."""
    rs.plot.use_style()
    case = rs.case_study.CaseStudy(place_id)
    axes = {"locator": case.locator(), "timeline": case.timeline(),
            "before_after": case.before_after_chart()}  # fmt: skip
    return {name: ax.figure for name, ax in axes.items() if ax is not None}


def _saved(place_id, folder):
    return {name: _bytes(rsp.save(fig, folder / name))
            for name, fig in _profile_figures(place_id).items()}  # fmt: skip


def test_a_village_saved_after_another_is_the_village_saved_alone_and_uncached(
    tmp_path, monkeypatch
):
    """A cache that leaked one village's measurements into the next would move its text."""
    _saved(CHETIAN, tmp_path / "first")
    assert metrics._measured, "the first village's saves filled the cache"
    after_chetian = _saved(JIAOYAO, tmp_path / "second")
    metrics._measured.clear()
    alone = _saved(JIAOYAO, tmp_path / "alone")
    _uncached(monkeypatch)
    uncached = _saved(JIAOYAO, tmp_path / "uncached")
    assert set(alone) == {"locator", "timeline", "before_after"}
    for name in alone:
        for fmt in alone[name]:
            assert after_chetian[name][fmt] == alone[name][fmt], (name, fmt)
            assert alone[name][fmt] == uncached[name][fmt], (name, fmt)


def test_a_figure_saved_twice_is_the_same_bytes_as_without_the_cache(tmp_path, monkeypatch):
    """The second save hits the first one's measurements. (A timeline's second SVG differs
    from its first with or without the cache: its clip-path id hashes a rectangle the
    layout settles further; so each save is compared with the same save uncached.)"""
    fig = _profile_figures(CHETIAN)["timeline"]
    cached = [_bytes(rsp.save(fig, tmp_path / f"cached{i}")) for i in range(2)]
    _uncached(monkeypatch)
    fig = _profile_figures(CHETIAN)["timeline"]
    plain = [_bytes(rsp.save(fig, tmp_path / f"plain{i}")) for i in range(2)]
    assert cached == plain


def test_other_font_settings_measure_again(tmp_path, monkeypatch):
    """A setting a measurement reads (here hinting) is part of the key: no stale sizes."""
    fig = _profile_figures(CHETIAN)["timeline"]
    rsp.save(fig, tmp_path / "default")
    with mpl.rc_context({"text.hinting": "no_hinting"}):
        cached = _bytes(rsp.save(fig, tmp_path / "unhinted"))
    _uncached(monkeypatch)
    with mpl.rc_context({"text.hinting": "no_hinting"}):
        plain = _bytes(rsp.save(fig, tmp_path / "plain"))
    assert cached == plain
    with mpl.rc_context({"text.hinting": "no_hinting"}):
        unhinted = metrics._settings()
    assert unhinted != metrics._settings()


def test_the_save_leaves_the_figure_and_its_renderers_as_they_were(tmp_path):
    fig = _profile_figures(CHETIAN)["timeline"]
    guard = vars(fig).get("draw")
    rsp.save(fig, tmp_path / "f")
    assert vars(fig).get("draw") is guard
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)  # a draw outside a save measures as matplotlib does
    assert "get_text_width_height_descent" not in vars(renderer)


def test_tex_is_never_cached():
    calls = []

    class Renderer:
        dpi = 72

        def get_text_width_height_descent(self, s, prop, ismath):
            calls.append(ismath)
            return (1.0, 2.0, 0.5)

    shared = metrics._shared(Renderer(), metrics._settings())
    prop = mpl.font_manager.FontProperties(size=10)
    for _ in range(2):
        shared("x", prop, "TeX")
        shared("x", prop, False)
    assert calls == ["TeX", False, "TeX"]
