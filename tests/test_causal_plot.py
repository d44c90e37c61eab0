"""The event-study figure: intervals, pre-periods, zero line, and the source caption."""

from __future__ import annotations

import dataclasses

import matplotlib
import numpy as np
import pandas as pd
import pytest

import ruralstudy as rs

matplotlib.use("Agg")
import matplotlib.pyplot as plt

COLS = ("y", "village_id", "year", "cohort", "county_id")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return rs.simulate.village_panel(2_000, years=range(2015, 2022), seed=2)


@pytest.fixture(scope="module")
def es(panel):
    return rs.causal.event_study(panel, *COLS)


def _event_rows(result) -> pd.DataFrame:
    tidy = result.tidy()
    return tidy[tidy["event_time"].notna()].reset_index(drop=True)


def _markers(ax):
    return [line for line in ax.lines if line.get_marker() == "o"]


def test_draws_estimates_intervals_and_reference_lines(es):
    ax = rs.causal.plot_event_study(es, lang="en")
    es = _event_rows(es)
    pre, post = _markers(ax)
    assert list(pre.get_xdata()) == es.loc[es["event_time"] < 0, "event_time"].tolist()
    assert list(post.get_xdata()) == es.loc[es["event_time"] >= 0, "event_time"].tolist()
    assert pre.get_markerfacecolor() == "white"  # pre-periods hollow
    (bars,) = ax.collections
    segments = bars.get_segments()
    assert len(segments) == len(es)
    np.testing.assert_allclose([s[0][1] for s in segments], es["conf_low"])
    np.testing.assert_allclose([s[1][1] for s in segments], es["conf_high"])
    flat = [line for line in ax.lines if line.get_marker() in ("None", "", None)]
    assert any(np.all(np.asarray(line.get_ydata()) == 0) for line in flat)  # zero line
    assert any(np.all(np.asarray(line.get_xdata()) == -0.5) for line in flat)  # adoption
    assert ax.get_xlabel() == "Years since adoption"
    assert ax.get_ylabel() == "Effect on y"


def test_simulated_rows_bring_caption_and_mark(es):
    ax = rs.causal.plot_event_study(es)  # lang="both"
    mark = rs.plot.SIMULATED_MARKS["both"]
    (caption,) = rs.plot.figure_captions(ax.figure)
    assert caption.endswith(mark)
    assert "资料来源" in caption and "Source" in caption
    assert sum(t.get_text() == mark for t in ax.texts) == 1


def test_a_caption_given_keeps_the_sources_and_the_mark(es):
    ax = rs.causal.plot_event_study(es, caption="Our own words", lang="en")
    mark = rs.plot.SIMULATED_MARKS["en"]
    assert rs.plot.figure_captions(ax.figure) == ["Our own words\n" + mark]
    assert sum(t.get_text() == mark for t in ax.texts) == 1
    unknown = dataclasses.replace(es, source_ids=("nowhere",))
    with pytest.raises(ValueError, match="nowhere"):
        rs.causal.plot_event_study(unknown, caption="Our own words")
    with pytest.raises(ValueError, match="must name its sources"):
        rs.causal.plot_event_study(es, caption="")


def test_methods_compare_on_one_axes(panel, es):
    twfe = rs.causal.event_study(panel, *COLS, method="twfe")
    tidy = twfe.tidy()
    assert tidy.loc[tidy["event_time"] == -1, "std_error"].isna().all()
    truth = rs.simulate.true_att(panel, "dynamic")
    ax = rs.causal.plot_event_study(es, offset=-0.1, lang="zh", truth=truth)
    rs.causal.plot_event_study(twfe, ax=ax, offset=0.1, lang="zh")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "Callaway–Sant'Anna（95%置信区间）",
        "双向固定效应（95%置信区间）",
        "真实效应（模拟）",
    ]
    assert len(rs.plot.figure_captions(ax.figure)) == 1  # same sources, one caption
    assert sum(t.get_text() == rs.plot.SIMULATED_MARKS["zh"] for t in ax.texts) == 1
    # the reference period (no interval) is drawn without a bar
    assert len(ax.collections[1].get_segments()) == len(tidy) - 1
    assert ax.get_xlabel() == "采纳后年数"


def test_mpdta_figures_cite_their_source():
    es = rs.causal.event_study(rs.causal.load_mpdta(), "lemp", "countyreal", "year", "first.treat")
    ax = rs.causal.plot_event_study(es, lang="en")
    (caption,) = rs.plot.figure_captions(ax.figure)
    assert "Callaway" in caption
    assert not any(t.get_text() == rs.plot.SIMULATED_MARK for t in ax.texts)


def test_data_without_sources_needs_a_caption():
    mpdta = rs.causal.load_mpdta().drop(columns="source_id")
    es = rs.causal.event_study(mpdta, "lemp", "countyreal", "year", "first.treat")
    with pytest.raises(ValueError, match="caption="):
        rs.causal.plot_event_study(es)
    text = "Source: Callaway and Sant'Anna (2021), mpdta"
    ax = rs.causal.plot_event_study(es, caption=text, lang="en")
    assert rs.plot.figure_captions(ax.figure) == [text]
    assert not any(t.get_text() == rs.plot.SIMULATED_MARK for t in ax.texts)


def test_a_partly_sourced_panel_is_refused_as_its_caption_would_be(panel):
    part = panel.copy()
    part.loc[part.index[:25], "source_id"] = None
    n = len(part)
    with pytest.raises(ValueError, match=f"25 of {n} rows without a source_id") as estimating:
        rs.causal.event_study(part, *COLS)
    assert "caption=" in str(estimating.value)  # says what to do
    with pytest.raises(ValueError, match=f"25 of {n} rows without a source_id"):
        rs.causal.did(part, *COLS, method="twfe")
    with pytest.raises(ValueError, match=f"25 of {n} rows without a source_id"):
        rs.plot.caption_for(part)


# -- plot_estimates ---------------------------------------------------------------------


def test_plot_estimates_draws_every_result_with_its_interval_and_truth(panel):
    results = [rs.causal.did(panel, *COLS, method=m) for m in ("twfe", "cs")]
    true_att = panel.attrs["true_att"]
    ax = rs.causal.plot_estimates(
        results, group=["growing", "growing"], truth=[true_att, true_att], lang="en"
    )
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["growing\nTWFE", "growing\nCallaway–Sant'Anna"]
    intervals = [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_gid() is None]
    for line, res in zip(intervals, results, strict=True):
        overall = res.overall
        np.testing.assert_allclose(line.get_xdata(), [overall["conf_low"], overall["conf_high"]])
    truths = [line for line in ax.lines if line.get_gid() == "ruralstudy-true-effect"]
    assert len(truths) == 2 and all(line.get_xdata()[0] == true_att for line in truths)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["true effect (simulated)"]
    assert ax.get_xlabel() == "Average effect on the treated (y, 95% CI)"
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # first result on top


def test_plot_estimates_cites_every_result_and_marks_simulated_ones(panel):
    sim = rs.causal.did(panel, *COLS, method="twfe")
    real = rs.causal.did(rs.causal.load_mpdta(), "lemp", "countyreal", "year", "first.treat")
    ax = rs.causal.plot_estimates([real, sim], caption="Our words", lang="en")
    mark = rs.plot.SIMULATED_MARKS["en"]
    assert rs.plot.figure_captions(ax.figure) == ["Our words\n" + mark]
    assert sum(t.get_text() == mark for t in ax.texts) == 1
    ax = rs.causal.plot_estimates([real], lang="en")
    (caption,) = rs.plot.figure_captions(ax.figure)
    assert "Callaway" in caption and mark not in caption
    assert not any(t.get_text() == mark for t in ax.texts)


def test_plot_estimates_refuses_what_it_cannot_draw_or_cite(panel):
    res = rs.causal.did(panel, *COLS)
    with pytest.raises(TypeError, match="one value per result"):
        rs.causal.plot_estimates([res], truth="true_att")
    with pytest.raises(ValueError, match="1 values for 2 results"):
        rs.causal.plot_estimates([res, res], group=["a"])
    unsourced = dataclasses.replace(res, source_ids=())
    with pytest.raises(ValueError, match="caption="):
        rs.causal.plot_estimates([unsourced])
    with pytest.raises(ValueError, match="must name its sources"):
        rs.causal.plot_estimates([unsourced], caption="")


def test_combining_tidy_frames_is_refused_with_what_to_do_instead(panel):
    """pd.concat of tables loses their sources: a list of results keeps them."""
    twfe = rs.causal.did(panel, *COLS, method="twfe")
    cs = rs.causal.did(panel, *COLS)
    with pytest.raises(TypeError, match="does not carry the sources"):
        rs.causal.plot_estimates(pd.concat([twfe.tidy(), cs.tidy()]))
    with pytest.raises(TypeError, match="result 1 is a DataFrame"):
        rs.causal.plot_estimates([twfe, cs.tidy()])
    ax = rs.causal.plot_estimates([twfe, cs], lang="en")
    (caption,) = rs.plot.figure_captions(ax.figure)
    assert caption.endswith(rs.plot.SIMULATED_MARKS["en"])


def test_refuses_a_result_that_is_not_an_event_study(panel):
    res = rs.causal.did(panel, *COLS)
    with pytest.raises(ValueError, match="aggregation 'simple'"):
        rs.causal.plot_event_study(res)
    dynamic = rs.causal.did(panel, *COLS, aggregation="dynamic")
    ax = rs.causal.plot_event_study(dynamic, lang="en")  # the same rows as an event study
    assert len(_markers(ax)[1].get_xdata()) == int((_event_rows(dynamic)["event_time"] >= 0).sum())


def test_axis_names_the_outcome_by_its_indicator_or_the_label_given(panel, es):
    panel = panel.rename(columns={"y": "village_income_per_capita"})
    cols = ("village_income_per_capita", *COLS[1:])
    result = rs.causal.did(panel, *cols, method="twfe")
    indicators = rs.load_indicators().set_index("indicator_id")
    name = indicators.loc["village_income_per_capita", "name_en"]
    ax = rs.causal.plot_estimates([result], lang="en")
    assert name in ax.get_xlabel() and "village_income_per_capita" not in ax.get_xlabel()
    ax = rs.causal.plot_event_study(es, lang="en", label="log income")
    assert ax.get_ylabel() == "Effect on log income"
    ax = rs.causal.plot_event_study(es, lang="zh", label="收入对数")
    assert ax.get_ylabel() == "处理效应（收入对数）"


def test_uniform_band_is_drawn_when_the_result_has_one(es):
    lo, hi = es.tidy()["conf_low"], es.tidy()["conf_high"]
    table = es.tidy().assign(
        conf_low_uniform=np.where(es.tidy()["event_time"].notna(), lo - 0.01, np.nan),
        conf_high_uniform=np.where(es.tidy()["event_time"].notna(), hi + 0.01, np.nan),
    )
    banded = dataclasses.replace(es, table=table, inference="bootstrap", crit=2.9)
    ax = rs.causal.plot_event_study(banded, lang="en")
    uniform, pointwise = ax.collections[:2]
    rows = _event_rows(banded)
    np.testing.assert_allclose([s[0][1] for s in uniform.get_segments()], rows["conf_low_uniform"])
    np.testing.assert_allclose([s[1][1] for s in pointwise.get_segments()], rows["conf_high"])
    (legend,) = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "uniform band" in legend
    plain = rs.causal.plot_event_study(es, lang="en")
    assert len(plain.collections) == 1  # no band without one
