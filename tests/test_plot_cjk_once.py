"""The CJK check runs once a save, not at each of its draws (ruralstudy.plot.fonts.checked_once)."""

from __future__ import annotations

import contextlib

import matplotlib.pyplot as plt
import pytest

import ruralstudy as rs
import ruralstudy.plot as rsp
from ruralstudy.plot import export, fonts

JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _checked_at_each_draw(fig):
    fonts.guard_figure(fig)
    return contextlib.nullcontext()


def _figures():
    rs.plot.use_style()
    case = rs.case_study.CaseStudy(JIAOYAO)
    return [case.locator().figure, case.timeline().figure, case.before_after_chart().figure]


def _plain_figure():
    """Chinese in a font without its glyphs: only the check gives it the CJK font."""
    fig, ax = plt.subplots()
    ax.bar(["车田村", "脚尧村"], [1.0, 2.0])
    ax.set_title("村集体经济收入", fontfamily="DejaVu Sans")
    return fig


def test_files_are_those_of_a_check_at_every_draw(tmp_path, monkeypatch):
    once = [p.read_bytes() for i, f in enumerate([*_figures(), _plain_figure()])
            for p in rsp.save(f, tmp_path / f"once{i}")]  # fmt: skip
    monkeypatch.setattr(export, "checked_once", _checked_at_each_draw)
    each = [p.read_bytes() for i, f in enumerate([*_figures(), _plain_figure()])
            for p in rsp.save(f, tmp_path / f"each{i}")]  # fmt: skip
    assert len(once) == 12
    assert once == each


def test_one_check_a_save_and_again_at_draws_after_it(tmp_path, monkeypatch):
    fig = _plain_figure()
    calls = []
    real = fonts.apply_cjk
    monkeypatch.setattr(fonts, "apply_cjk", lambda f: calls.append(f) or real(f))
    rsp.save(fig, tmp_path / "f")
    assert len(calls) == 1
    fig.axes[0].set_xlabel("年份", fontfamily="DejaVu Sans")  # changed after the save
    fig.canvas.draw()
    assert len(calls) == 2
    assert fig.axes[0].xaxis.label.get_fontfamily()[0] == fonts.FALLBACK_FAMILY[0]
