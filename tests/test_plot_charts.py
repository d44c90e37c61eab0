"""Chart functions: images against committed baselines, captions, interval marks, errors.

Baselines are drawn from the fixed frames in test_plot_frames (never data/),
so they change only when a chart's drawing does. To redraw them after an
intended change: ``RURALSTUDY_UPDATE_BASELINES=1 .venv/bin/python -m pytest
tests/test_plot_charts.py`` (the same switch as tests/test_maps_image.py),
then look at every PNG in tests/baseline/ before committing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.container import ErrorbarContainer
from matplotlib.testing.compare import compare_images
from test_plot_frames import (
    CHETIAN,
    GUIZHOU,
    JIAOYAO,
    facts,
    interventions,
    simulated_facts,
    sources,
    tables,
)

import ruralstudy.plot as rsp

BASELINE_DIR = Path(__file__).parent / "baseline"
TOLERANCE = 2.0  # RMS of 0-255 pixel values: text antialiasing noise, not a changed chart
BASELINE_DPI = 100
UPDATE = os.environ.get("RURALSTUDY_UPDATE_BASELINES") == "1"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _income(place=None):
    df = facts().query("indicator_id == 'collective_income'")
    return df if place is None else df[df["place_id"] == place]


def _rural_income(place):
    return facts().query("indicator_id == 'rural_income'").query("place_id == @place")


# Each case draws one chart inside the house style and returns its Axes.
CASES = {
    "bars_both": lambda: rsp.bars(_income(), lang="both", **tables()),
    "bars_zh": lambda: rsp.bars(_income(), lang="zh", **tables()),
    "before_after_both": lambda: rsp.before_after(
        facts(), place_id=JIAOYAO, interventions=interventions(), lang="both", **tables()
    ),
    "before_after_en": lambda: rsp.before_after(
        facts(), place_id=JIAOYAO, year=2018, lang="en", **tables()
    ),
    "timeline_both": lambda: rsp.timeline(
        interventions(), facts(), place_id=CHETIAN, lang="both", **tables()
    ),
    "timeline_zh": lambda: rsp.timeline(interventions(), place_id=CHETIAN, lang="zh", **tables()),
    "series_both": lambda: rsp.series(
        _rural_income(CHETIAN),
        benchmarks=_rural_income(GUIZHOU),
        interventions=interventions(),
        lang="both",
        **tables(),
    ),
    "series_simulated_en": lambda: rsp.series(simulated_facts(), lang="en", **tables()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_matches_baseline(name, tmp_path):
    with rsp.style():
        ax = CASES[name]()
        actual = tmp_path / f"{name}.png"
        ax.figure.savefig(actual, dpi=BASELINE_DPI, metadata={"Software": None})
    expected = BASELINE_DIR / f"{name}.png"
    if UPDATE:
        BASELINE_DIR.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
        pytest.skip(f"wrote baseline {expected.name}")
    assert expected.exists(), f"no baseline {expected}; see this module's docstring"
    diff = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert diff is None, diff


# -- captions -------------------------------------------------------------------------


def _caption_text(ax) -> str:
    return "\n".join(rsp.figure_captions(ax.figure))


def test_bars_caption_names_only_the_sources_of_its_bars():
    with rsp.style():
        ax = rsp.bars(_income(CHETIAN), lang="en", **tables())
    text = _caption_text(ax)
    assert text == "Source: Guizhou Daily, Oct 2025"


def test_bars_caption_lists_every_source_drawn():
    with rsp.style():
        ax = rsp.bars(_income(), lang="zh", **tables())
    assert _caption_text(ax) == (
        "资料来源：贵州日报《测试报道甲》，2025年10月；黔东南日报《测试报道乙》，2024年11月28日"
    )


def test_before_after_cites_drawn_rows_not_superseded_ones():
    # An older 'before' figure from another source: not the latest, not drawn.
    older = (
        facts().query("fact_id == 't06'").assign(fact_id="old", year=2010, source_id="test-stats")
    )
    data = pd.concat([facts(), older])
    with rsp.style():
        ax = rsp.before_after(data, place_id=JIAOYAO, year=2018, lang="en", **tables())
    text = _caption_text(ax)
    assert "Qiandongnan Daily" in text
    assert "Statistics" not in text


def test_timeline_cites_events_and_facts():
    with rsp.style():
        only_events = rsp.timeline(interventions(), place_id=JIAOYAO, lang="en", **tables())
        assert _caption_text(only_events) == "Source: Qiandongnan Daily, 28 Nov 2024"
        extra = facts().query("place_id == @JIAOYAO").head(1).assign(source_id="test-stats")
        with_facts = rsp.timeline(interventions(), extra, place_id=JIAOYAO, lang="en", **tables())
    assert "Guizhou Statistics Bureau" in _caption_text(with_facts)


def test_series_cites_benchmarks_and_interventions():
    with rsp.style():
        ax = rsp.series(
            _rural_income(CHETIAN),
            benchmarks=_rural_income(GUIZHOU),
            interventions=interventions(),
            lang="en",
            **tables(),
        )
    text = _caption_text(ax)
    assert "Guizhou Daily" in text and "Guizhou Statistics Bureau" in text
    assert "Qiandongnan" not in text  # Jiaoyao's intervention is not drawn on Chetian's series


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_simulated_rows_bring_the_mark_in_caption_and_on_the_axes(lang):
    with rsp.style():
        ax = rsp.series(simulated_facts(), lang=lang, **tables())
        fig_texts = [t.get_text() for t in ax.figure.texts]
    assert rsp.SIMULATED_MARKS[lang] in fig_texts
    assert any(t.get_text() == rsp.SIMULATED_MARKS[lang] for t in ax.texts)


def test_caption_override_keeps_the_simulated_mark():
    with rsp.style():
        ax = rsp.series(simulated_facts(), caption="Our own words", lang="en", **tables())
    assert rsp.figure_captions(ax.figure) == ["Our own words\n" + rsp.SIMULATED_MARKS["en"]]
    with rsp.style():
        ax = rsp.bars(_income(CHETIAN), caption="Custom caption", lang="en", **tables())
    assert rsp.figure_captions(ax.figure) == ["Custom caption"]


@pytest.mark.parametrize("empty", ["", False])
def test_a_chart_cannot_be_drawn_without_naming_its_sources(empty):
    with rsp.style(), pytest.raises(ValueError, match="must name its sources"):
        rsp.bars(_income(CHETIAN), caption=empty, lang="en", **tables())


def test_caption_override_still_checks_the_sources():
    bad = _income(CHETIAN).assign(source_id="nowhere")
    with rsp.style(), pytest.raises(ValueError, match="nowhere"):
        rsp.bars(bad, caption="Our own words", **tables())


def test_real_data_carries_no_simulated_mark():
    with rsp.style():
        ax = rsp.bars(_income(), **tables())
    texts = [t.get_text() for t in ax.figure.texts + ax.texts]
    assert rsp.SIMULATED_MARK not in texts


def test_unknown_source_fails_the_chart():
    bad = _income(CHETIAN).assign(source_id="nowhere")
    with rsp.style(), pytest.raises(ValueError, match="nowhere"):
        rsp.bars(bad, **tables())


# -- intervals ------------------------------------------------------------------------


def _arrows(ax) -> int:
    return sum(1 for t in ax.texts if getattr(t, "arrow_patch", None) is not None)


def _whiskers(ax) -> int:
    return sum(isinstance(c, ErrorbarContainer) for c in ax.containers)


def test_bars_draw_whiskers_for_bounds_and_arrows_for_open_bounds():
    data = _income()
    with rsp.style():
        ax = rsp.bars(data, lang="en", **tables())
    counts = data["qualifier"].value_counts()
    assert _whiskers(ax) == counts.get("plus", 0) + counts.get("range", 0)
    assert _arrows(ax) == counts.get("over", 0) + counts.get("under", 0)
    # 约: the bar is faded; exact bars are solid
    alphas = [p.get_alpha() for p in ax.patches]
    assert sorted(a for a in alphas if a is not None and a < 1) == [0.45] * counts.get("approx", 0)


def test_value_labels_mark_qualifiers():
    with rsp.style():
        ax = rsp.bars(_income(), lang="en", **tables())
    labels = {t.get_text() for t in ax.texts}
    assert {"100+", "≈500", ">1,000", "<800", "300–400", "300"} <= labels
    with rsp.style():
        ax = rsp.bars(_income(), lang="zh", **tables())
    labels = {t.get_text() for t in ax.texts}
    assert {"10万余元", "约50万元", "逾百万元", "近80万元"} <= labels  # the source's words


def _year_labels(ax) -> list[str]:
    return [t.get_text() for t in ax.texts if re.fullmatch(r"(19|20)\d\d", t.get_text())]


def test_before_after_picks_latest_before_and_after():
    with rsp.style():
        ax = rsp.before_after(facts(), place_id=JIAOYAO, year=2018, lang="en", **tables())
    years = sorted(_year_labels(ax))
    # tea 2016→2024, abandoned 2018→2024 (2018 is the baseline), visitors 2017→2024
    assert years == sorted(["2016", "2024", "2018", "2024", "2017", "2024"])
    # collective income 2020 and 2024 are both after: one side only, a table row for 2024
    table = [t.get_text() for t in ax.texts if t.get_text().startswith("after")]
    assert len(table) == 1 and table[0].startswith("after (2024)")


def test_before_after_draws_no_lone_dots():
    with rsp.style():
        ax = rsp.before_after(facts(), place_id=JIAOYAO, year=2018, lang="en", **tables())
    # Every marker drawn is one end of a dumbbell: each row has exactly two.
    markers = [line for line in ax.lines if line.get_marker() == "o"]
    rows = pd.Series([float(line.get_ydata()[0]) for line in markers]).value_counts()
    assert (rows == 2).all() and len(rows) == 3
    # Hollow means approximate only: of these six facts only 约5% (t09) is, before or after.
    hollow = [line for line in markers if line.get_markerfacecolor() == "white"]
    assert len(hollow) == 1 and hollow[0].get_xdata()[0] > 0


def test_before_after_can_drop_one_sided_indicators_with_a_note():
    with rsp.style():
        ax = rsp.before_after(
            facts(), place_id=JIAOYAO, year=2018, lang="en", one_sided="drop", **tables()
        )
    assert not any(t.get_text().startswith("after (") for t in ax.texts)
    assert "1 indicator(s) with one side only not shown" in ax.get_legend().get_title().get_text()


def test_before_after_title_states_the_change():
    with rsp.style():
        ax = rsp.before_after(
            facts(), place_id=JIAOYAO, year=2018, lang="en", title_from="visitors", **tables()
        )
    title = ax.get_title(loc="left").replace("\n", " ")
    assert title == "Visitors: 20,000+ visits (2017) → >100 thousand visits (2024)"


def test_before_after_baseline_year_can_count_as_after():
    with rsp.style():
        ax = rsp.before_after(
            facts().query("indicator_id == 'abandoned_share'"),
            place_id=JIAOYAO,
            year=2018,
            baseline_includes_year=False,
            lang="en",
            **tables(),
        )
    # With 2018 counted as after, the indicator has one side only: a table row, no dumbbell.
    assert _year_labels(ax) == []
    assert any(t.get_text().startswith("after (2024)") for t in ax.texts)


# -- labels and language --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "present", "absent"),
    [("zh", "车田村", "Chetian"), ("en", "Chetian", "车田村"), ("both", "车田村\nChetian", None)],
)
def test_labels_follow_lang(lang, present, absent):
    with rsp.style():
        ax = rsp.bars(_income(), lang=lang, **tables())
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert any(present in t for t in ticks)
    if absent:
        assert not any(absent in t for t in ticks)
        assert absent not in ax.get_title(loc="left")


def test_titles_come_from_the_indicator_names():
    with rsp.style():
        ax = rsp.series(_rural_income(CHETIAN), lang="both", **tables())
    assert ax.get_title(loc="left") == "农村居民人均可支配收入\nRural disposable income per person"


def test_bars_name_the_source_when_place_and_year_repeat():
    two = pd.concat(
        [_income(CHETIAN).head(1), _income(CHETIAN).head(1).assign(source_id="test-stats")]
    )
    with rsp.style():
        ax = rsp.bars(two, lang="zh", **tables())
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["车田村\n2018\n贵州日报", "车田村\n2018\n贵州省统计局"]


# -- composition and errors -----------------------------------------------------------


def test_draws_on_the_axes_given_and_returns_it():
    with rsp.style():
        fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
        assert rsp.bars(_income(CHETIAN), ax=left, lang="en", **tables()) is left
        assert rsp.series(_rural_income(GUIZHOU), ax=right, lang="en", **tables()) is right
    # two panels, two sources: both cited on the one figure
    assert len(rsp.figure_captions(fig)) == 2


def test_renders_chinese_without_the_house_style():
    # Outside rs.plot.style(): the chart names the CJK font itself, so no
    # missing-glyph warning (an error under this suite's filterwarnings).
    with mpl.rc_context({"font.family": ["sans-serif"], "font.sans-serif": ["DejaVu Sans"]}):
        ax = rsp.bars(_income(), lang="both", **tables())
        ax.figure.canvas.draw()


def test_one_indicator_per_bars_chart():
    with pytest.raises(ValueError, match="one indicator"):
        rsp.bars(facts(), **tables())


def test_unknown_place_is_an_error():
    bad = _income(CHETIAN).assign(place_id="cn.nowhere")
    with pytest.raises(ValueError, match=r"cn\.nowhere"):
        rsp.bars(bad, **tables())


def test_series_needs_years():
    undated = _rural_income(CHETIAN).assign(year=pd.NA)
    with pytest.raises(ValueError, match="needs a year"):
        rsp.series(undated, **tables())


def test_before_after_needs_one_intervention():
    with pytest.raises(ValueError, match="intervention_id"):
        rsp.before_after(facts(), place_id=CHETIAN, interventions=interventions(), **tables())


def test_bad_lang_is_an_error():
    with pytest.raises(ValueError, match="lang"):
        rsp.bars(_income(), lang="de", **tables())


def test_charts_do_not_save_or_show(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show called"))
    with rsp.style():
        for case in CASES.values():
            case()
    assert list(tmp_path.iterdir()) == []


def test_sources_frame_is_used_for_the_caption():
    src = sources().assign(publisher_en=lambda d: d["publisher_en"].str.upper())
    with rsp.style():
        ax = rsp.bars(_income(CHETIAN), lang="en", **{**tables(), "sources": src})
    assert _caption_text(ax) == "Source: GUIZHOU DAILY, Oct 2025"


def test_undated_bars_are_labelled_not_dropped():
    rows = _income(CHETIAN).head(2).astype({"year": "Int64"})
    rows.loc[rows.index[1], "year"] = pd.NA
    with rsp.style():
        ax = rsp.bars(rows, lang="en", **tables())
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2018", "n.d."]
    assert ax.get_title(loc="left") == "Chetian: Village collective income"


# -- yearbook options -----------------------------------------------------------------


def test_figure_number_and_unit_line():
    with rsp.style():
        ax = rsp.bars(_income(CHETIAN), lang="zh", number=2, unit_line=True, **tables())
    assert ax.get_title(loc="left").startswith("图2\u3000")
    assert ax.get_ylabel() == ""
    assert "单位：万元" in [t.get_text() for t in ax.texts]
    assert rsp.figure_record(ax.figure)["number"] == 2
    with rsp.style():
        ax = rsp.series(_rural_income(CHETIAN), lang="en", number="3a", unit_line=True, **tables())
    assert ax.get_title(loc="left").startswith("Figure 3a. ")
    assert "Unit: yuan per person" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize(
    ("lang", "area_unit", "row_unit", "values"),
    [
        ("zh", None, "亩", {"1760亩", "3760亩"}),  # 亩 for Chinese readers, as the source wrote
        ("zh", "ha", "公顷", {"117", "251"}),  # hectares asked: numbers, never "3760亩"
        ("en", None, "ha", {"117", "251"}),
        ("en", "mu", "mu", {"1,760", "3,760"}),
    ],
)
def test_area_row_label_and_values_agree_on_the_unit(lang, area_unit, row_unit, values):
    tea = facts().query("indicator_id == 'tea_area'")
    with rsp.style():
        ax = rsp.before_after(
            tea, place_id=JIAOYAO, year=2018, lang=lang, area_unit=area_unit, **tables()
        )
    (label,) = [t.get_text() for t in ax.get_yticklabels()]
    assert f"（{row_unit}）" in label or f"({row_unit})" in label
    drawn = {t.get_text() for t in ax.texts}
    assert values <= drawn, drawn
    other = "亩" if row_unit != "亩" else "公顷"
    assert not any(other in t for t in drawn)


def test_bad_area_unit_is_an_error():
    with pytest.raises(ValueError, match="area_unit"):
        rsp.before_after(facts(), place_id=JIAOYAO, year=2018, area_unit="acre", **tables())


def test_change_title_in_chinese():
    tea = facts().query("indicator_id == 'tea_area'")
    with rsp.style():
        ax = rsp.before_after(
            tea, place_id=JIAOYAO, year=2018, lang="zh", title_from="tea_area", **tables()
        )
    assert ax.get_title(loc="left").replace("\n", "") == "茶园面积：1760亩（2016）→ 3760亩（2024）"
    with pytest.raises(ValueError, match="not among"):
        rsp.before_after(tea, place_id=JIAOYAO, year=2018, title_from="visitors", **tables())
