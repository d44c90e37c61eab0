"""A researcher's data project: init, use_data / RURALSTUDY_DATA, loading it
with the shipped tables (references across, no id collisions, quotes)."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from project_fixture import FACTS_ROWS, LEISHAN, SOURCE_ID, VILLAGE, append, make_project

import ruralstudy as rs
from ruralstudy import datasets
from ruralstudy.project import init_project
from ruralstudy.safe_write import OutputError
from ruralstudy.schemas import MASTER_TABLES


@pytest.fixture(autouse=True)
def shipped_only(monkeypatch):
    """Each test starts with no project chosen and no RURALSTUDY_DATA."""
    monkeypatch.setenv("RURALSTUDY_DATA", "")  # recorded, so restored after the test
    monkeypatch.setattr(datasets, "_chosen", datasets._UNSET)


def shipped_digest() -> str:
    h = hashlib.sha256()
    for p in sorted(datasets.DATA_DIR.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


# --- init ------------------------------------------------------------------------


def test_init_writes_headers_only_with_bom_a_texts_folder_and_a_readme(tmp_path):
    folder = init_project(tmp_path / "mine")
    for name, table in MASTER_TABLES.items():
        raw = (folder / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw.decode("utf-8-sig") == ",".join(table.column_names) + "\n"
    assert (folder / "sources").is_dir()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "facts.csv" in readme and "sources/" in readme
    rs.use_data(folder)  # an empty project is a valid one
    pd.testing.assert_frame_equal(rs.load_facts(), datasets._shipped("facts"))


def test_init_never_overwrites(tmp_path):
    (tmp_path / "facts.csv").write_text("mine")
    with pytest.raises(OutputError, match="not overwriting"):
        init_project(tmp_path)
    assert (tmp_path / "facts.csv").read_text() == "mine"
    assert not (tmp_path / "places.csv").exists()  # nothing written at all


def test_init_refuses_the_shipped_folder():
    before = shipped_digest()
    with pytest.raises(OutputError, match="shipped"):
        init_project(datasets.DATA_DIR)
    assert shipped_digest() == before


# --- loading a project beside the shipped data ------------------------------------


def test_loaders_return_shipped_then_project_rows(tmp_path):
    shipped = {n: len(getattr(rs, f"load_{n}")()) for n in datasets.LOAD_ORDER}
    folder = make_project(tmp_path / "mine")
    assert rs.use_data(folder) == folder.resolve()
    assert datasets.data_project() == folder.resolve()
    places = rs.load_places()
    assert len(places) == shipped["places"] + 1
    mine = places.iloc[-1]
    assert (mine["place_id"], mine["parent_id"]) == (VILLAGE, LEISHAN)  # parent is shipped
    assert mine["lon"] == pytest.approx(108.08) and places["lon"].dtype == "float64"
    facts = rs.load_facts()
    assert len(facts) == shipped["facts"] + 2
    assert facts["year"].dtype == "Int64"
    assert list(facts.tail(2)["indicator_id"]) == ["collective_income"] * 2  # shipped indicator
    assert len(rs.load_sources()) == shipped["sources"] + 1
    assert len(rs.load_interventions()) == shipped["interventions"] + 1
    assert len(rs.load_indicators()) == shipped["indicators"]
    rs.use_data(None)
    assert len(rs.load_facts()) == shipped["facts"]
    assert datasets.data_project() is None


def test_environment_variable_chooses_the_project_and_use_data_none_overrides_it(
    tmp_path, monkeypatch
):
    folder = make_project(tmp_path / "mine")
    monkeypatch.setenv("RURALSTUDY_DATA", str(folder))
    assert VILLAGE in set(rs.load_places()["place_id"])
    rs.use_data(None)
    assert VILLAGE not in set(rs.load_places()["place_id"])


def test_an_edited_project_file_is_read_again(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    rs.use_data(folder)
    n = len(rs.load_facts())
    append(
        folder / "facts.csv",
        f"shiyan-households,{VILLAGE},households,,2024-12,320,320,320,exact,household,320户,"
        f"{SOURCE_ID},目前，全村共有农户320户。,\n",
    )
    assert len(rs.load_facts()) == n + 1


def test_a_project_fact_may_cite_a_shipped_source_and_its_stored_text(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    shipped = datasets._shipped("facts").iloc[0]
    append(
        folder / "facts.csv",
        f"shiyan-reuse,{VILLAGE},{shipped['indicator_id']},2025,2025-10,2000,2000,3000,plus,"
        f"CNY/month,2000多元,{shipped['source_id']},{shipped['quote']},\n",
    )
    rs.use_data(folder)
    assert rs.load_facts().iloc[-1]["fact_id"] == "shiyan-reuse"


def test_read_table_knows_the_projects_places(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    mine = tmp_path / "survey.csv"
    mine.write_text(
        "fact_id,place_id,indicator_id,year,as_of,value,lower,upper,qualifier,unit,text,"
        f"source_id,quote\nsurvey-1,{VILLAGE},households,2024,2024-12,320,320,320,exact,"
        f"household,320户,{SOURCE_ID},目前，全村共有农户320户。\n",
        encoding="utf-8",
    )
    with pytest.raises(rs.DataValidationError, match="unknown place id"):
        rs.read_table(mine)
    rs.use_data(folder)
    assert rs.read_table(mine)["place_id"].tolist() == [VILLAGE]


# --- what a project may not do ------------------------------------------------------


def failures_of(folder) -> pd.DataFrame:
    with pytest.raises(rs.DataValidationError) as err:
        rs.use_data(folder)
    return err.value.failures


def test_an_id_collision_names_both_files_and_rows(tmp_path):
    folder = make_project(tmp_path / "mine")
    shipped = datasets._shipped("places")
    row = shipped.index[shipped["place_id"] == LEISHAN][0] + 2
    append(folder / "places.csv", f"{LEISHAN},雷山县,Leishan,county,cn.guizhou,,,,,,,\n")
    f = failures_of(folder)
    assert len(f) == 1
    hit = f.iloc[0]
    assert hit["file"] == str(folder.resolve() / "places.csv")
    assert hit["row"] == 3 and hit["column"] == "place_id"
    assert f"data/places.csv row {row}" in hit["check"]


def test_ids_differing_by_case_width_or_space_collide(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    shipped_id = datasets._shipped("facts")["fact_id"].iloc[1]
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in shipped_id)
    # Full-width letters fail the id pattern; what matters is that the clash is named too.
    append(
        folder / "facts.csv",
        f"{wide},{VILLAGE},collective_income,2020,2024-12,80000,80000,80000,exact,CNY,8万元,"
        f"{SOURCE_ID},2020年，试验村村集体经济收入仅为8万元。,\n",
    )
    f = failures_of(folder)
    assert any("id already used by data/facts.csv row 3" in c for c in f["check"])


def test_a_fact_id_collision_with_a_shipped_fact(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    shipped_id = datasets._shipped("facts")["fact_id"].iloc[0]
    append(
        folder / "facts.csv",
        f"{shipped_id},{VILLAGE},collective_income,2020,2024-12,80000,80000,80000,exact,CNY,"
        f"8万元,{SOURCE_ID},2020年，试验村村集体经济收入仅为8万元。,\n",
    )
    f = failures_of(folder)
    assert f[["row", "column"]].values.tolist() == [[2, "fact_id"]]
    assert "data/facts.csv row 2" in f.iloc[0]["check"]


def test_a_quote_not_in_the_projects_text_is_named(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    append(
        folder / "facts.csv",
        f"shiyan-x,{VILLAGE},collective_income,2020,2024-12,90000,90000,90000,exact,CNY,9万元,"
        f"{SOURCE_ID},2020年，试验村村集体经济收入为9万元。,\n",
    )
    f = failures_of(folder)
    assert f[["row", "column"]].values.tolist() == [[2, "quote"]]
    assert f"not found in the text of {SOURCE_ID}" in f.iloc[0]["check"]


def test_every_problem_of_every_file_at_once_and_the_old_choice_stays(tmp_path):
    good = make_project(tmp_path / "good")
    rs.use_data(good)
    bad = make_project(tmp_path / "bad")
    append(bad / "places.csv", "cn.guizhou.x,某村,X,hamlet,cn.guizhou,,,,,,,\n")
    append(
        bad / "facts.csv",
        f"shiyan-y,{VILLAGE},no_such_indicator,2020,2024-12,1,1,1,exact,CNY,1元,{SOURCE_ID},,\n",
    )
    f = failures_of(bad)
    files = {p.rsplit("/", 1)[-1] for p in f["file"]}
    assert files == {"places.csv", "facts.csv"}
    assert "level" in set(f["column"]) and "indicator_id" in set(f["column"])
    assert "quote" in set(f["column"])  # a news figure needs its quote
    assert datasets.data_project() == good.resolve()


def test_a_text_under_a_shipped_source_id_is_refused(tmp_path):
    folder = make_project(tmp_path / "mine")
    shipped_text = next(datasets.TEXTS_DIR.glob("*.txt"))
    (folder / "sources" / shipped_text.name).write_text("另一篇", encoding="utf-8")
    f = failures_of(folder)
    assert "a source text of this id is shipped" in f.iloc[0]["check"]


def test_a_missing_table_or_folder_is_named(tmp_path):
    folder = make_project(tmp_path / "mine")
    (folder / "interventions.csv").unlink()
    f = failures_of(folder)
    assert "missing interventions.csv" in f.iloc[0]["check"]
    f = failures_of(tmp_path / "nowhere")
    assert "no such folder" in f.iloc[0]["check"]
    f = failures_of(folder / "facts.csv")
    assert "not a folder" in f.iloc[0]["check"]


def test_the_shipped_folder_is_not_a_project_and_is_never_written(tmp_path):
    before = shipped_digest()
    f = failures_of(datasets.DATA_DIR)
    assert "shipped data folder" in f.iloc[0]["check"]
    folder = make_project(tmp_path / "mine")
    rs.use_data(folder)
    rs.load_facts()
    assert shipped_digest() == before


def test_a_project_fact_repeating_a_shipped_one_under_another_id(tmp_path):
    folder = make_project(tmp_path / "mine", facts=False)
    f0 = datasets._shipped("facts").iloc[0]
    row = ",".join(
        "" if pd.isna(v) else (f'"{v}"' if isinstance(v, str) and "," in v else str(v))
        for v in ["my-copy", *f0.drop("fact_id").tolist()]
    )
    append(folder / "facts.csv", row + "\n")
    f = failures_of(folder)
    assert f[["row", "column"]].values.tolist() == [[2, "fact_id"]]
    assert "the same figure as data/facts.csv row 2" in f.iloc[0]["check"]


def test_facts_that_would_share_a_wide_view_cell_are_named_at_load(tmp_path):
    # Same place, year, source and indicator, another as_of: valid facts, but two
    # versions of one cell of rs.load_collective_economy().
    folder = make_project(tmp_path / "mine")
    second = FACTS_ROWS.splitlines()[0].replace("shiyan-collective-income-2020", "again-2020")
    append(folder / "facts.csv", second.replace(",2024-12,", ",2024-11,") + "\n")
    f = failures_of(folder)
    assert f[["row", "column"]].values.tolist() == [[2, "fact_id"], [4, "fact_id"]]
    assert f.iloc[0]["check"].startswith("same place, year, source and indicator as row 4")
    assert "collective_economy" in f.iloc[0]["check"]
    # Against a shipped fact: named by the shipped file and row.
    mine = make_project(tmp_path / "other", facts=False)
    shipped = datasets._shipped("facts")
    domains = datasets._shipped("indicators").set_index("indicator_id")["domain"]
    i = int(shipped.index[shipped["indicator_id"].map(domains).eq("tourism")
                          & shipped["year"].notna()][0])  # fmt: skip
    copy = shipped.iloc[[i]].assign(fact_id="my-version", as_of="2026-12")
    copy.assign(year=copy["year"].astype("Int64")).to_csv(mine / "facts.csv", index=False)
    f = failures_of(mine)
    assert f[["row", "column"]].values.tolist() == [[2, "fact_id"]]
    assert (
        f"as data/facts.csv row {i + 2}: two versions of one cell of the tourism view"
        in (f.iloc[0]["check"])
    )


def test_a_stored_text_keeps_its_bytes(tmp_path):
    from ruralstudy.project import store_text

    folder = init_project(tmp_path / "mine")
    raw = "第一行\r\n第二行，共有农户9户。\r\n".encode()
    stored = store_text(folder, "crlf-text", raw)
    assert stored.read_bytes() == raw
    assert store_text(folder, "crlf-text", raw) == stored  # the same text again is fine
    with pytest.raises(OutputError, match="different text"):
        store_text(folder, "crlf-text", raw + b"x")
    with pytest.raises(OutputError, match="not a valid id"):
        store_text(folder, "Bad ID", raw)
    shipped_id = datasets._shipped("sources")["source_id"].iloc[0]
    with pytest.raises(OutputError, match="is a shipped source"):
        store_text(folder, shipped_id, raw)


def test_using_data_restores_the_choice_even_after_an_error(tmp_path):
    good = make_project(tmp_path / "good")
    rs.use_data(good)
    with pytest.raises(RuntimeError), datasets.using_data(None):
        assert datasets.data_project() is None
        raise RuntimeError
    assert datasets.data_project() == good.resolve()


def test_a_bad_environment_variable_is_named_by_the_loaders(tmp_path, monkeypatch):
    monkeypatch.setenv("RURALSTUDY_DATA", str(tmp_path / "typo"))
    with pytest.raises(rs.DataValidationError, match="no such folder"):
        rs.load_places()
