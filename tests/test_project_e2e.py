"""A researcher's round, as she types it: init → extract → fill → add →
validate → profile, on a news text not in data/ (a fixture written for the
tests, tests/fixtures/project/README.md).

``test_round_trip`` ends with the plain-text profile (``profile --text``);
``test_round_trip_to_an_html_profile`` ends with the HTML profile
(``profile PLACE --data DIR --out OUT`` writes ``OUT/<place_id>.html`` whose
figures cite the new source).
"""

from __future__ import annotations

import csv
import io

import pytest
from project_fixture import NEWS, PLACES_ROW, SOURCE_ID, SOURCES_ROW, VILLAGE, append

from ruralstudy import datasets
from ruralstudy.cli import main

# What she writes into the review file: the rows she keeps, their indicator
# (and as_of where she changes it; None keeps the source's date extract filled).
FILL = {
    f"{SOURCE_ID}-q001": ("collective_income", None),
    f"{SOURCE_ID}-q002": ("households", None),
    f"{SOURCE_ID}-q003": ("collective_income", None),
    f"{SOURCE_ID}-q004": ("farm_land_transferred", None),
}


@pytest.fixture(autouse=True)
def shipped_only(monkeypatch):
    monkeypatch.setenv("RURALSTUDY_DATA", "")  # recorded, so restored after the test
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)


def fill_review(review, keep: dict[str, tuple[str, str]], place_id: str) -> None:
    """Edit the review file as a spreadsheet user would: fill place,
    indicator and as_of of the rows to keep, delete the others."""
    text = review.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    kept = []
    for row in rows:
        if row["fact_id"] in keep:
            row["indicator_id"], as_of = keep[row["fact_id"]]
            row["as_of"] = row["as_of"] if as_of is None else as_of
            row["place_id"] = place_id
            kept.append(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(kept)
    review.write_text(out.getvalue(), encoding="utf-8-sig")


def test_round_trip(tmp_path, capsys):
    project = tmp_path / "shiyan"
    assert main(["init", str(project)]) == 0
    # She adds her village (parent: the shipped 雷山县) and the article's source.
    append(project / "places.csv", PLACES_ROW)
    append(project / "sources.csv", SOURCES_ROW)

    args = ["extract", str(NEWS), "--source-id", SOURCE_ID, "--data", str(project)]
    assert main(args) == 0
    stored = project / "sources" / f"{SOURCE_ID}.txt"
    assert stored.read_text(encoding="utf-8") == NEWS.read_text(encoding="utf-8")
    review = project / f"review-{SOURCE_ID}.csv"
    assert review.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8-sig"))))
    assert {r["as_of"] for r in rows} == {"2024-12"}  # the source's date, from sources.csv
    assert {r["place_id"] for r in rows} == {""}  # hers to fill

    fill_review(review, FILL, VILLAGE)
    capsys.readouterr()
    assert main(["add", str(project), str(review)]) == 0
    assert "4 fact(s) added" in capsys.readouterr().out

    assert main(["validate", "--data", str(project)]) == 0
    assert "OK (4 facts of its own" in capsys.readouterr().out
    facts = datasets.load_facts()
    mine = facts[facts["place_id"] == VILLAGE]
    assert sorted(mine["indicator_id"]) == [
        "collective_income",
        "collective_income",
        "farm_land_transferred",
        "households",
    ]
    land = mine[mine["indicator_id"] == "farm_land_transferred"].iloc[0]
    assert (land["qualifier"], land["unit"], land["text"]) == ("plus", "ha", "500余亩")
    assert land["lower"] == pytest.approx(500 / 15) and land["upper"] == pytest.approx(40)

    assert main(["profile", "试验村", "--text", "--data", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"试验村 Shiyan Village (test fixture) ({VILLAGE}): 4 facts" in out
    assert out.count(f"({SOURCE_ID})") == 4
    assert "35万元" in out and "500余亩" in out


def extracted_project(project):
    """init → her village and source → extract; return the review file."""
    assert main(["init", str(project)]) == 0
    append(project / "places.csv", PLACES_ROW)
    append(project / "sources.csv", SOURCES_ROW)
    assert main(["extract", str(NEWS), "--source-id", SOURCE_ID, "--data", str(project)]) == 0
    return project / f"review-{SOURCE_ID}.csv"


def her_round(project) -> None:
    """init → her village and source → extract → fill → add, as above."""
    review = extracted_project(project)
    fill_review(review, FILL, VILLAGE)
    assert main(["add", str(project), str(review)]) == 0
    assert main(["validate", "--data", str(project)]) == 0


def test_round_trip_to_an_html_profile(tmp_path, capsys):
    project, out = tmp_path / "shiyan", tmp_path / "profiles"
    her_round(project)
    assert main(["profile", "试验村", "--data", str(project), "--out", str(out)]) == 0
    page = (out / f"{VILLAGE}.html").read_text(encoding="utf-8")
    assert "试验村" in page and "测试日报" in page  # the new village, its new source
    assert "https://example.org/fixture" in page  # cited in full: its address
    figures = sorted((out / "figures" / VILLAGE).glob("*.svg"))
    assert figures, "the profile has no figures"
    for svg in figures:  # every figure's caption cites the new source
        assert "测试日报" in svg.read_text(encoding="utf-8"), svg.name


def test_add_lists_every_problem_with_its_row_and_writes_nothing(tmp_path, capsys):
    project = tmp_path / "shiyan"
    review = extracted_project(project)
    bad = dict(FILL)
    bad[f"{SOURCE_ID}-q002"] = ("no_such_indicator", "2024-12")  # review row 3
    bad[f"{SOURCE_ID}-q004"] = ("farm_land_transferred", "12/2024")  # review row 5
    fill_review(review, bad, VILLAGE)
    before = (project / "facts.csv").read_bytes()
    capsys.readouterr()

    assert main(["add", str(project), str(review)]) == 1
    err = capsys.readouterr().err
    assert f"{review}:3: column 'indicator_id'" in err
    assert f"{review}:5: column 'as_of'" in err
    assert "nothing added" in err
    assert (project / "facts.csv").read_bytes() == before

    # Corrected, then added twice: the second time every row is a duplicate.
    fill_review(review, {k: (ind, "2024-12") for k, (ind, _) in FILL.items()}, VILLAGE)
    assert main(["add", str(project), str(review)]) == 0
    after = (project / "facts.csv").read_bytes()
    assert main(["add", str(project), str(review)]) == 1
    assert capsys.readouterr().err.count("a fact of this id exists") == 4
    assert (project / "facts.csv").read_bytes() == after


def test_add_takes_the_project_from_data_or_the_environment(tmp_path, capsys, monkeypatch):
    project = tmp_path / "shiyan"
    review = extracted_project(project)
    second, third = tmp_path / "second-review.csv", tmp_path / "third-review.csv"
    second.write_bytes(review.read_bytes())
    third.write_bytes(review.read_bytes())
    fill_review(third, {k: v for k, v in FILL.items() if k.endswith("q003")}, VILLAGE)
    fill_review(review, {k: v for k, v in FILL.items() if k.endswith("q001")}, VILLAGE)
    fill_review(second, {k: v for k, v in FILL.items() if k.endswith("q002")}, VILLAGE)
    capsys.readouterr()
    monkeypatch.setenv("RURALSTUDY_DATA", "")  # extract --data put the project there
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)
    assert main(["add", str(review)]) == 2  # no project named anywhere
    assert "give DIR" in capsys.readouterr().err
    assert main(["add", str(tmp_path), str(review), "--data", str(project)]) == 2
    assert "differ" in capsys.readouterr().err
    assert main(["add", "--data", str(project), str(review)]) == 0
    assert "1 fact(s) added" in capsys.readouterr().out

    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)
    monkeypatch.setenv("RURALSTUDY_DATA", str(project))
    assert main(["add", str(second)]) == 0
    assert len(datasets.load_facts().query("place_id == @VILLAGE")) == 2

    # `add DIR REVIEW.csv` adds to DIR, whatever (even a broken) RURALSTUDY_DATA names.
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)
    monkeypatch.setenv("RURALSTUDY_DATA", str(tmp_path / "no-such-project"))
    assert main(["add", str(project), str(third)]) == 0
    assert len(datasets.load_facts().query("place_id == @VILLAGE")) == 3


def test_every_command_that_reads_the_tables_takes_data():
    from ruralstudy.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    takes = {name for name, p in sub.choices.items()
             if any(a.dest == "data" for a in p._actions)}  # fmt: skip
    # init makes the folder --data would name; every other command reads the tables.
    assert takes == set(sub.choices) - {"init"}
