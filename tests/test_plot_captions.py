"""Source captions name the sources of exactly the rows drawn; simulated rows are marked."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from test_plot_frames import facts, simulated_facts, sources

import ruralstudy.plot as rsp
from ruralstudy.plot.captions import format_date, wrap_caption


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_caption_names_publisher_and_date_in_each_language():
    rows = facts().query("source_id == 'test-news-a'")
    zh = rsp.caption_for(rows, lang="zh", sources=sources(), titles=False)
    en = rsp.caption_for(rows, lang="en", sources=sources(), titles=False)
    both = rsp.caption_for(rows, lang="both", sources=sources(), titles=False)
    assert zh == "资料来源：贵州日报，2025年10月"
    assert en == "Source: Guizhou Daily, Oct 2025"
    assert both == "资料来源：贵州日报，2025年10月 · Source: Guizhou Daily, Oct 2025"


def test_caption_with_titles():
    rows = facts().query("source_id == 'test-news-a'")
    # Titles by default: the yearbook form 发布机构《发布名称》.
    assert rsp.caption_for(rows, lang="zh", sources=sources()) == (
        "资料来源：贵州日报《测试报道甲》，2025年10月"
    )
    # A Chinese title has no place in an English caption; an English one does.
    assert rsp.caption_for(rows, lang="en", sources=sources()) == "Source: Guizhou Daily, Oct 2025"
    src = sources().assign(title_en="Test report A")
    assert rsp.caption_for(rows, lang="en", sources=src) == (
        "Source: Guizhou Daily, “Test report A”, Oct 2025"
    )
    # bilingual: the title once, in the Chinese half
    both = rsp.caption_for(rows, lang="both", sources=sources(), titles=True)
    assert both.count("测试报道甲") == 1


def test_caption_strips_provenance_notes_and_shortens_titles():
    src = sources()
    src.loc[0, "publisher"] = "贵州日报 (via 新浪财经 repost)"
    src.loc[0, "title"] = "很" * 50 + " (as reposted)"
    rows = facts().query("source_id == 'test-news-a'")
    text = rsp.caption_for(rows, lang="zh", sources=src, titles=True)
    assert "via" not in text and "reposted" not in text
    assert "贵州日报《" + "很" * 29 + "…》" in text


def test_sources_of_one_publisher_share_one_entry():
    src = pd.DataFrame(
        {
            "source_id": [f"nbs-{y}" for y in range(2016, 2021)],
            "kind": "statistics",
            "publisher": [f"国家统计局 (via repost {y})" for y in range(2016, 2021)],
            "publisher_en": "National Bureau of Statistics",
            "title": "公报",
            "date": [f"{y}-01" for y in range(2016, 2021)],
        }
    )
    rows = pd.DataFrame({"source_id": list(src["source_id"])})
    assert rsp.caption_for(rows, lang="both", sources=src) == (
        "资料来源：国家统计局，2016年1月至2020年1月（5份） · "
        "Sources: National Bureau of Statistics, Jan 2016 – Jan 2020 (5 sources)"
    )
    two = rsp.caption_for(rows.head(2), lang="zh", sources=src)
    # Two releases are each named (one title here, written once).
    assert two == "资料来源：国家统计局《公报》，2016年1月、2017年1月"


def test_caption_lists_every_source_of_the_rows_once_in_order():
    rows = facts().query("indicator_id == 'collective_income'").sort_values("fact_id")
    text = rsp.caption_for(rows, lang="en", sources=sources())
    assert text.startswith("Sources: Guizhou Daily")
    assert text.count("Guizhou Daily") == 1
    assert "Qiandongnan Daily" in text
    assert "Statistics" not in text  # a source of no drawn row is not cited


def test_caption_only_cites_rows_drawn():
    rows = facts().query("place_id == 'cn.guizhou'")
    text = rsp.caption_for(rows, lang="zh", sources=sources())
    assert "贵州省统计局" in text
    assert "贵州日报" not in text and "黔东南日报" not in text


def test_synthetic_rows_bring_the_mark():
    assert rsp.SIMULATED_MARK == "模拟数据 · simulated data"
    real = facts().query("place_id == 'cn.guizhou'")
    mixed = pd.concat([real, simulated_facts()])
    for lang in ("zh", "en", "both"):
        assert rsp.SIMULATED_MARK not in rsp.caption_for(real, lang=lang, sources=sources())
        text = rsp.caption_for(mixed, lang=lang, sources=sources())
        assert text.splitlines()[-1] == rsp.SIMULATED_MARKS[lang]
    assert rsp.is_simulated(mixed, sources=sources())
    assert not rsp.is_simulated(real, sources=sources())


def test_unknown_source_is_an_error_not_an_omission():
    rows = facts().head(2).copy()
    rows.loc[rows.index[1], "source_id"] = "no-such-source"
    with pytest.raises(ValueError, match="no-such-source"):
        rsp.caption_for(rows, sources=sources())


def test_rows_without_source_or_column_are_errors():
    rows = facts().head(3).copy()
    rows.loc[rows.index[2], "source_id"] = pd.NA
    with pytest.raises(ValueError, match="without a source_id"):
        rsp.caption_for(rows, sources=sources())
    with pytest.raises(ValueError, match="no 'source_id' column"):
        rsp.caption_for(rows.drop(columns="source_id"), sources=sources())
    with pytest.raises(ValueError, match="nothing to cite"):
        rsp.caption_for(rows.iloc[:0], sources=sources())


def test_bad_lang_is_an_error():
    with pytest.raises(ValueError, match="lang"):
        rsp.caption_for(facts(), lang="fr", sources=sources())


@pytest.mark.parametrize(
    ("date", "zh", "en"),
    [
        ("2024", "2024年", "2024"),
        ("2025-10", "2025年10月", "Oct 2025"),
        ("2024-11-28", "2024年11月28日", "28 Nov 2024"),
        (2024.0, "2024年", "2024"),
        (None, "", ""),
    ],
)
def test_format_date(date, zh, en):
    assert format_date(date, "zh") == zh
    assert format_date(date, "en") == en


def test_source_without_english_publisher_falls_back_to_publisher():
    src = sources().drop(columns="publisher_en")
    text = rsp.caption_for(facts().head(1), lang="en", sources=src)
    assert text.startswith("Source: 贵州日报")


def test_add_caption_draws_text_below_the_axes():
    with rsp.style():
        fig, ax = plt.subplots()
        ax.plot([1, 2], [1, 2])
        text = rsp.caption_for(facts(), sources=sources())
        artist = rsp.add_caption(fig, text)
        fig.canvas.draw()
        caption_box = artist.get_window_extent()
        axes_box = ax.get_tightbbox()
        assert caption_box.y1 <= axes_box.y0 + 1  # below the axes and its tick labels
        assert caption_box.x1 <= fig.bbox.x1  # wrapped inside the figure
        assert rsp.figure_captions(fig) == [text]


def test_add_caption_dedupes_and_draws_the_mark_once():
    with rsp.style():
        fig, _axes = plt.subplots(1, 2)
        sim = rsp.caption_for(simulated_facts(), sources=sources())
        real = rsp.caption_for(facts().query("place_id == 'cn.guizhou'"), sources=sources())
        rsp.add_caption(fig, sim)
        rsp.add_caption(fig, sim)
        rsp.add_caption(fig, real)
        drawn = [t.get_text() for t in fig.texts]
        assert sum(t == rsp.SIMULATED_MARK for t in drawn) == 1
        body = "".join(t for t in drawn if t != rsp.SIMULATED_MARK).replace("\n", "")
        assert body.count("ruralstudy") == 2  # zh and en halves, once each
        assert "贵州省统计局" in body


def test_add_caption_keeps_axes_clear_without_a_layout_engine():
    fig, ax = plt.subplots(layout="none")
    ax.set_xlabel("x")
    rsp.add_caption(fig, "数据来源：测试 · Source: test\n" + rsp.SIMULATED_MARK)
    fig.canvas.draw()
    lowest = min(t.get_window_extent().y1 for t in fig.texts)
    assert ax.get_tightbbox().y0 >= max(t.get_window_extent().y1 for t in fig.texts) - 1
    assert lowest > 0


def test_wrap_caption_breaks_chinese_without_spaces():
    text = "资料来源：" + "贵州日报《很长很长的标题》，2025年10月；" * 8
    wrapped = wrap_caption(text, width_pt=300)
    assert wrapped.replace("\n", "") == text
    assert wrapped.count("\n") >= 2
    assert not any(line.startswith(("，", "；", "》")) for line in wrapped.splitlines())


@pytest.mark.parametrize("width_pt", range(40, 320, 7))
def test_wrap_caption_never_ends_a_line_with_an_opening_mark(width_pt):
    # At every width, no line ends with an opening mark or starts with a closing one.
    text = (
        "资料来源：国家统计局《2024年国民经济和社会发展统计公报》"
        "（转引自“某网站”），2025年2月、3月。"
    )
    lines = wrap_caption(text, width_pt=width_pt).splitlines()
    assert "".join(lines) == text
    for line in lines[:-1]:
        assert line[-1] not in "（《“(", (width_pt, lines)
    for line in lines[1:]:
        assert line[0] not in "）》”)、，。；：", (width_pt, lines)


def test_mark_simulated_stamps_the_axes():
    _fig, ax = plt.subplots()
    stamp = rsp.mark_simulated(ax)
    assert stamp.get_text() == rsp.SIMULATED_MARK
    assert stamp in ax.texts


# -- resolve_caption and cite: the one caption step of every figure -----------------------


def test_resolve_caption_without_override_is_caption_for():
    rows = facts().query("source_id == 'test-news-a'")
    assert rsp.resolve_caption(rows, None, "en", sources()) == rsp.caption_for(
        rows, lang="en", sources=sources()
    )


@pytest.mark.parametrize("empty", ["", "  \n ", False, True, rsp.SIMULATED_MARK])
def test_resolve_caption_refuses_a_caption_that_names_no_source(empty):
    with pytest.raises(ValueError, match="must name its sources"):
        rsp.resolve_caption(facts().head(2), empty, "en", sources())


def test_resolve_caption_checks_sources_even_with_an_override():
    rows = facts().head(2).assign(source_id=["test-news-a", "nowhere"])
    with pytest.raises(ValueError, match="nowhere"):
        rsp.resolve_caption(rows, "Our own words", "en", sources())
    rows = facts().head(2).assign(source_id=["test-news-a", None])
    with pytest.raises(ValueError, match="1 of 2 rows without a source_id"):
        rsp.resolve_caption(rows, "Our own words", "en", sources())


def test_resolve_caption_decides_the_mark_from_the_data_not_the_text():
    sim = simulated_facts()
    assert rsp.resolve_caption(sim, "Our words", "en", sources()) == (
        "Our words\n" + rsp.SIMULATED_MARKS["en"]
    )
    # A mark written into the caption of real rows is not theirs to carry.
    real = facts().head(2)
    assert rsp.resolve_caption(real, "Our words\n" + rsp.SIMULATED_MARK, "en", sources()) == (
        "Our words"
    )
    # Nor can simulated rows lose it by writing it once already.
    text = rsp.resolve_caption(sim, "Our words\n" + rsp.SIMULATED_MARK, "en", sources())
    assert text.count(rsp.SIMULATED_MARK) == 0 and text.count(rsp.SIMULATED_MARKS["en"]) == 1


def test_resolve_caption_of_data_without_source_column_needs_the_words():
    rows = facts().head(2).drop(columns="source_id")
    assert rsp.resolve_caption(rows, "Source: our survey", "en", sources()) == "Source: our survey"
    with pytest.raises(ValueError, match="no 'source_id' column"):
        rsp.resolve_caption(rows, None, "en", sources())


def test_cite_captions_and_stamps_simulated_panels_once():
    fig, ax = plt.subplots()
    rsp.cite(ax, simulated_facts(), "Our words", lang="en", sources=sources())
    rsp.cite(ax, simulated_facts(), "Our words", lang="en", sources=sources())
    assert rsp.figure_captions(fig) == ["Our words\n" + rsp.SIMULATED_MARKS["en"]]
    assert sum(t.get_text() == rsp.SIMULATED_MARKS["en"] for t in ax.texts) == 1
    _fig, real_ax = plt.subplots()
    rsp.cite(real_ax, facts(), lang="en", sources=sources())
    assert not any(t.get_text() == rsp.SIMULATED_MARK for t in real_ax.texts)


def test_cited_source_ids_counts_rows_without_one():
    rows = pd.DataFrame({"source_id": pd.Categorical(["a", None, " ", "b", None])})
    with pytest.raises(ValueError, match="3 of 5 rows without a source_id"):
        rsp.cited_source_ids(rows)
    assert rsp.cited_source_ids(pd.DataFrame({"source_id": ["b", "a", "b"]})) == ["b", "a"]
