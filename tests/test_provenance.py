"""How a source is named: the original publisher and release, honest about reposts."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy import provenance as pv


def _source(**fields) -> pd.Series:
    base = {"source_id": "s", "kind": "statistics", "publisher": "", "title": "", "date": ""}
    return pd.Series({**base, **fields})


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [
        ("国家统计局 (via 199it.com repost)", "国家统计局"),
        ("国家统计局 (via 中国经济网 report, 国际在线 big5 copy)", "国家统计局"),
        ("贵州日报 (数字报 szb.eyesnews.cn)", "贵州日报"),
        ("wuliutian.com (repost; original publisher not named on the stored copy)", ""),
        ("unknown (literature-database abstract served at 1.203.103.66)", ""),
    ],
)
def test_publisher_is_the_original_one_or_empty_when_unknown(publisher, expected):
    assert pv.publisher_name(_source(publisher=publisher)) == expected


@pytest.mark.parametrize(
    ("publisher", "url", "site"),
    [
        ("国家统计局 (via 199it.com repost)", "http://www.199it.com/a", "199it.com"),
        ("多彩贵州信息港 (copy at m.beizhemei.com)", "http://m.beizhemei.com/x", "m.beizhemei.com"),
        ("wuliutian.com (repost; original publisher not named)", "https://wuliutian.com/1",
         "wuliutian.com"),
        ("unknown (abstract)", "http://1.203.103.66/ps/x", "1.203.103.66"),
    ],
)  # fmt: skip
def test_read_from_names_the_page_the_text_came_from(publisher, url, site):
    assert pv.read_from(_source(publisher=publisher, url=url)) == site


@pytest.mark.parametrize(
    ("title", "zh", "en"),
    [
        ("[國家統計局]2021年居民收入和消費支出情況", "2021年居民收入和消費支出情況", ""),
        ("国家统计局:2020年居民收入和消费支出情况", "2020年居民收入和消费支出情况", ""),
        ("国家统计局 2015年全国居民收入 (reported as: …)", "", ""),  # a description
        ("车田村 feature (title not shown in the stored copy)", "", ""),
        ("贵州日报 page of late October 2025 (several pieces): 我省…", "", ""),
        (
            "Simulated village panel (ruralstudy.simulate.village_panel)",
            "",
            "Simulated village panel",
        ),
    ],
)
def test_release_title_is_the_release_not_a_description(title, zh, en):
    row = _source(publisher="国家统计局 (via x.com repost)", title=title)
    assert pv.release_title(row, "zh") == zh
    assert pv.release_title(row, "en") == en


def test_caption_names_publisher_and_release_in_the_yearbook_form():
    src = pd.DataFrame(
        [
            _source(source_id="nbs", publisher="国家统计局 (via feifmx.com repost)",
                    publisher_en="National Bureau of Statistics of China",
                    title="中华人民共和国2024年国民经济和社会发展统计公报", date="2025-02-28"),
            _source(source_id="web", kind="news",
                    publisher="wuliutian.com (repost; original publisher not named)",
                    publisher_en="wuliutian.com (repost)", url="https://wuliutian.com/lvyou/1"),
        ]
    )  # fmt: skip
    rows = pd.DataFrame({"source_id": ["nbs", "web"]})
    assert pv.caption_for(rows, "zh", src) == (
        "资料来源：国家统计局《中华人民共和国2024年国民经济和社会发展统计公报》，2025年2月28日；"
        "转引自wuliutian.com"
    )
    assert pv.caption_for(rows, "en", src) == (
        "Sources: National Bureau of Statistics of China, 28 Feb 2025; via wuliutian.com"
    )
    table = pv.sources_by_id(src)
    assert pv.publishers_of(["nbs", "web"], table) == ["国家统计局", "转引自wuliutian.com"]
    assert pv.pages_of(["nbs", "web"], table) == ["https://wuliutian.com/lvyou/1"]


def test_a_concat_of_frames_cites_every_row_whatever_its_attrs():
    a = pd.DataFrame({"source_id": ["x"]})
    a.attrs["source_ids"] = ("x",)
    b = pd.DataFrame({"source_id": ["y"]})
    b.attrs["source_ids"] = ("y",)
    assert pv.cited_source_ids(pd.concat([a, b])) == ["x", "y"]


# -- every shipped source -------------------------------------------------------------

_DOMAIN = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_shipped_source_is_named_without_leftovers():
    sources = rs.load_sources()
    for sid in sources["source_id"]:
        rows = pd.DataFrame({"source_id": [sid]})
        zh = pv.caption_for(rows, "zh", sources)
        en = pv.caption_for(rows, "en", sources)
        # No curator's English in a Chinese caption: only site and package names.
        latin = re.findall(r"[A-Za-z]{2,}", _DOMAIN.sub("", zh))
        assert set(latin) <= {"cnmaps", "data", "ruralstudy", "Callaway", "Sant", "Anna"}, (sid, zh)
        assert "unknown" not in zh and "via" not in zh and "repost" not in zh
        assert not _CJK.search(en), (sid, en)


@pytest.mark.parametrize("date", ["２０２５-10", "2025-１０", "٢٠٢٥", "२०२५-10-01", "２０２５.0"])
def test_a_date_in_other_digits_is_refused_not_printed_as_written(date):
    """\\d would read ２０２５ or ٢٠٢٥ as a year; dates are ASCII, as the loader's pattern."""
    with pytest.raises(ValueError, match=r"not an ASCII digit"):
        pv.format_date(date, "zh")


def test_a_full_width_date_is_told_its_ascii_form():
    with pytest.raises(ValueError, match=r"type '2025-10'"):
        pv.format_date("２０２５-１０", "en")
