"""ruralstudy.project.add_facts: rows appended as written, or nothing at all."""

from __future__ import annotations

import pytest
from project_fixture import FACTS_ROWS, SOURCE_ID, VILLAGE, make_project

import ruralstudy as rs
from ruralstudy import datasets, project
from ruralstudy.safe_write import OutputError

HEADER = (
    "fact_id,place_id,indicator_id,year,as_of,value,lower,upper,qualifier,unit,text,"
    "source_id,quote,note"
)
ROW = (
    f"shiyan-households,{VILLAGE},households,,2024-12,320,320,320,exact,household,320户,"
    f"{SOURCE_ID},目前，全村共有农户320户。,"
)


@pytest.fixture(autouse=True)
def shipped_only(monkeypatch):
    monkeypatch.setenv("RURALSTUDY_DATA", "")  # recorded, so restored after the test
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)


@pytest.fixture
def folder(tmp_path):
    return make_project(tmp_path / "shiyan")


def review(tmp_path, *rows: str, header: str = HEADER, name: str = "review.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def test_rows_are_appended_as_written_and_load(folder, tmp_path):
    before = (folder / "facts.csv").read_bytes()
    added = project.add_facts(folder, review(tmp_path, ROW))
    assert added["fact_id"].tolist() == ["shiyan-households"]
    after = (folder / "facts.csv").read_bytes()
    assert after == before + (ROW + "\n").encode()
    rs.use_data(folder)
    assert rs.load_facts().iloc[-1]["fact_id"] == "shiyan-households"


def test_the_facts_files_column_order_and_line_endings_are_kept(folder, tmp_path):
    facts = folder / "facts.csv"
    columns = HEADER.split(",")
    reordered = [columns[1], columns[0], *columns[2:]]
    rows = [r.split(",", 2) for r in FACTS_ROWS.strip().split("\n")]
    body = [",".join([r[1], r[0], r[2]]) for r in rows]
    facts.write_bytes(("\ufeff" + "\r\n".join([",".join(reordered), *body])).encode())
    project.add_facts(folder, review(tmp_path, ROW))
    lines = facts.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[-1] == ""  # ended by the file's own line ending
    fid, place = ROW.split(",")[:2]
    assert lines[-2].startswith(f"{place},{fid},households,")
    rs.use_data(folder)
    assert rs.load_facts().iloc[-1]["fact_id"] == "shiyan-households"


def test_a_column_the_facts_file_lacks_is_refused(folder, tmp_path):
    facts = folder / "facts.csv"
    text = facts.read_text(encoding="utf-8-sig").replace(",note\n", "\n", 1)
    text = "\n".join(line.removesuffix(",") for line in text.split("\n"))
    facts.write_text(text, encoding="utf-8-sig")
    before = facts.read_bytes()
    with pytest.raises(rs.DataValidationError, match=r"\['note'\] are not in"):
        project.add_facts(folder, review(tmp_path, ROW))
    assert facts.read_bytes() == before


def test_a_facts_file_resaved_in_gbk_is_not_appended_to_in_utf8(folder, tmp_path):
    facts = folder / "facts.csv"
    facts.write_bytes(facts.read_text(encoding="utf-8-sig").encode("gb18030"))
    before = facts.read_bytes()
    with pytest.raises(rs.DataValidationError, match="re-save it as CSV UTF-8"):
        project.add_facts(folder, review(tmp_path, ROW))
    assert facts.read_bytes() == before


def test_an_empty_review_adds_nothing(folder, tmp_path):
    with pytest.raises(rs.DataValidationError, match="no rows to add"):
        project.add_facts(folder, review(tmp_path))


def test_a_facts_file_edited_meanwhile_is_not_overwritten(folder, tmp_path, monkeypatch):
    facts = folder / "facts.csv"
    checked = project._validated

    def edit_while_checking(*args):
        out = checked(*args)
        with facts.open("a", encoding="utf-8") as f:
            f.write("her edit\n")
        return out

    monkeypatch.setattr(project, "_validated", edit_while_checking)
    with pytest.raises(OutputError, match="changed while"):
        project.add_facts(folder, review(tmp_path, ROW))
    assert facts.read_text(encoding="utf-8-sig").endswith("her edit\n")


def test_rows_repeating_each_other_or_an_existing_fact_are_all_named(folder, tmp_path):
    again = ROW.replace("shiyan-households", "shiyan-households-2")
    old = FACTS_ROWS.split("\n")[0].replace("shiyan-collective-income-2020", "new-id")
    path = review(tmp_path, ROW, again, old)
    with pytest.raises(rs.DataValidationError) as err:
        project.add_facts(folder, path)
    f = err.value.failures
    assert sorted(f["row"]) == [3, 4]
    assert any("earlier row" in c for c in f["check"])  # rows 2 and 3 repeat each other
    assert any("an existing fact has the same place" in c for c in f["check"])


def test_a_clash_names_the_existing_facts_file_and_row(folder, tmp_path):
    """Her row repeats a shipped fact's id, and one of her own facts: both named."""
    import csv

    with (datasets.DATA_DIR / "facts.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    n = 3  # the third shipped fact: data/facts.csv row 4 (row 1 is the header)
    shipped_id = rows[n - 1]["fact_id"]
    assert shipped_id not in {r["fact_id"] for r in rows[: n - 1]}  # the first of that id
    own = FACTS_ROWS.split("\n")[1]  # the project's second fact: its row 3
    path = review(tmp_path, ROW.replace("shiyan-households", shipped_id), own)
    with pytest.raises(rs.DataValidationError) as err:
        project.add_facts(folder, path)
    checks = dict(zip(err.value.failures["row"], err.value.failures["check"], strict=False))
    assert f"(data/facts.csv row {n + 1})" in checks[2]
    assert f"({folder / 'facts.csv'} row 3)" in checks[3]


def test_a_row_that_would_stop_the_project_loading_is_refused(folder, tmp_path):
    # Valid as a fact, but another version (as_of) of a collective-income cell she has:
    # added, rs.load_collective_economy() and every later load would refuse the project.
    other = FACTS_ROWS.split("\n")[0].replace("shiyan-collective-income-2020", "new-id")
    path = review(tmp_path, ROW, other.replace(",2024-12,", ",2024-11,"))
    before = (folder / "facts.csv").read_bytes()
    with pytest.raises(rs.DataValidationError, match="nothing added") as err:
        project.add_facts(folder, path)
    (failure,) = err.value.failures.to_dict("records")
    assert (failure["file"], failure["row"]) == (str(path), 3)
    assert f"as {folder / 'facts.csv'} row 2: two versions of one cell" in failure["check"]
    assert (folder / "facts.csv").read_bytes() == before
