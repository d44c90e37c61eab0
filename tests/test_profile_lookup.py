"""Finding a place by id, Chinese name or pinyin; ambiguous and unknown names."""

from __future__ import annotations

import pandas as pd
import pytest

from ruralstudy import cli
from ruralstudy.case_study import AmbiguousPlace, UnknownPlace, find_place

CHETIAN = "cn.guizhou.guian.huchao.chetian"
JIAOYAO = "cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao"


@pytest.mark.parametrize(
    "query",
    [CHETIAN, "车田村", "车田", "Chetian", "chetian", "Chetian Village", "chetiancun",
     "Chē Tián", "ＣＨＥＴＩＡＮ", "che-tian"],
)  # fmt: skip
def test_a_shipped_village_is_found_by_any_of_its_names(query):
    assert find_place(query)["place_id"] == CHETIAN


def test_jiaoyao_by_pinyin():
    assert find_place("jiaoyao")["place_id"] == JIAOYAO


TWO_CHETIANS = pd.DataFrame(
    {
        "place_id": ["cn.a.chetian", "cn.b.chetian", "cn.b.other"],
        "name_zh": ["车田村", "车田村", "脚尧村"],
        "name_en": ["Chetian Village", "Chetian Village", "Jiaoyao Village"],
        "level": ["village", "village", "village"],
    }
)


def test_a_name_shared_by_several_places_lists_them():
    with pytest.raises(AmbiguousPlace) as failed:
        find_place("车田村", TWO_CHETIANS)
    assert "cn.a.chetian" in str(failed.value) and "cn.b.chetian" in str(failed.value)
    assert list(failed.value.candidates["place_id"]) == ["cn.a.chetian", "cn.b.chetian"]
    assert find_place("cn.b.chetian", TWO_CHETIANS)["place_id"] == "cn.b.chetian"


def test_an_unknown_name_gives_the_closest():
    with pytest.raises(UnknownPlace) as failed:
        find_place("Chetain")
    assert failed.value.candidates["place_id"].iloc[0] == CHETIAN
    assert "closest" in str(failed.value)


def test_a_name_with_nothing_close_still_lists_the_nearest_saying_so(capsys):
    with pytest.raises(UnknownPlace) as failed:
        find_place("zzzzqqq", TWO_CHETIANS)
    message = str(failed.value)
    assert message.startswith("no place called 'zzzzqqq'; none is close; the nearest:\n")
    assert len(failed.value.candidates) == 3  # all three, fewer than the five listed
    assert all(pid in message for pid in TWO_CHETIANS["place_id"])
    assert cli.main(["profile", "zzzz"]) == 1
    err = capsys.readouterr().err
    assert "no place called 'zzzz'; none is close; the nearest:" in err
    assert len([line for line in err.splitlines() if line.startswith("  cn.")]) == 5


def test_a_misspelt_chinese_name_finds_the_village_by_characters_and_pinyin():
    # A wrong character: close by characters alone.
    with pytest.raises(UnknownPlace) as failed:
        find_place("车天村", TWO_CHETIANS)
    assert "; closest:" in str(failed.value)
    assert list(failed.value.candidates["place_id"])[:2] == ["cn.a.chetian", "cn.b.chetian"]
    # Other characters that sound the same (che tian): no character in common, close by pinyin.
    with pytest.raises(UnknownPlace) as failed:
        find_place("彻甜", TWO_CHETIANS)
    assert "; closest:" in str(failed.value)
    assert failed.value.candidates["place_id"].iloc[0] == "cn.a.chetian"
    # Pinyin typed for a place listed only in Chinese and English elsewhere.
    with pytest.raises(UnknownPlace) as failed:
        find_place("jiaoyaocun1", TWO_CHETIANS)
    assert failed.value.candidates["place_id"].iloc[0] == "cn.b.other"


def test_the_cli_exits_1_on_an_unknown_or_ambiguous_name(capsys, monkeypatch):
    assert cli.main(["profile", "Chetain"]) == 1
    err = capsys.readouterr().err
    assert "no place called 'Chetain'" in err and CHETIAN in err
    import ruralstudy.datasets

    monkeypatch.setattr(ruralstudy.datasets, "load_places", lambda: TWO_CHETIANS.copy())
    assert cli.main(["profile", "车田村"]) == 1
    err = capsys.readouterr().err
    assert "names 2 places" in err and "cn.a.chetian" in err


def test_candidates_name_the_township_and_county_that_tell_them_apart(capsys, monkeypatch):
    import ruralstudy.datasets

    townships = pd.DataFrame({
        "place_id": ["cn.a", "cn.b"], "name_zh": ["甲乡", "乙镇"], "name_en": ["A", "B"],
        "level": ["township", "township"], "parent_id": [None, None]})  # fmt: skip
    villages = TWO_CHETIANS.assign(parent_id=["cn.a", "cn.b", "cn.b"])
    places = pd.concat([villages, townships], ignore_index=True)
    monkeypatch.setattr(ruralstudy.datasets, "load_places", lambda: places.copy())
    assert cli.main(["profile", "车田村"]) == 1
    err = capsys.readouterr().err
    assert "cn.a.chetian  车田村 Chetian Village (village, in 甲乡)" in err
    assert "cn.b.chetian  车田村 Chetian Village (village, in 乙镇)" in err


def test_an_unknown_name_without_a_project_points_to_data(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("RURALSTUDY_DATA", raising=False)
    assert cli.main(["profile", "清溪村"]) == 1
    assert "--data DIR or RURALSTUDY_DATA=DIR" in capsys.readouterr().err


def test_text_keeps_the_plain_profile(capsys):
    assert cli.main(["profile", "Jiaoyao", "--text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"脚尧村 Jiaoyao Village ({JIAOYAO}): ")
    assert "Tea garden area: 3760亩" in out
