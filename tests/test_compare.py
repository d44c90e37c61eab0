import math

import numpy as np
import pandas as pd
import pytest

import ruralstudy as rs
from ruralstudy import compare

PLACE = "cn.test.village"


def facts(rows):
    cols = ["fact_id", "indicator_id", "year", "value", "lower", "upper", "qualifier", "text"]
    df = pd.DataFrame(rows, columns=cols)
    return df.assign(
        place_id=PLACE,
        unit="CNY",
        source_id="src",
        year=df["year"].astype("Int64"),
    )


SAMPLE = facts(
    [
        ("a1", "income", 2015, 50000, math.nan, 50000, "under", "不足5万元"),
        ("a2", "income", 2017, 60000, 60000, 70000, "plus", "6万多元"),
        ("a3", "income", 2023, 860000, 860000, 860000, "exact", "86万元"),
        ("b1", "dividend", None, 100000, 100000, 110000, "plus", "10万余元"),
        ("c1", "jobs", 2018, 20, 20, 20, "exact", "20人"),
    ]
)


def test_before_is_the_latest_figure_up_to_the_cut_and_after_the_latest_since():
    table = compare.before_after(SAMPLE, year=2018).set_index("indicator_id")
    income = table.loc["income"]
    assert (income["before_fact_id"], income["after_fact_id"]) == ("a2", "a3")
    assert (income["change"], income["change_lower"], income["change_upper"]) == (
        800000.0,
        790000.0,  # 86万 − the upper end of 6万多
        800000.0,
    )
    assert income["ratio_lower"] == pytest.approx(860000 / 70000)
    assert income["ratio_upper"] == pytest.approx(860000 / 60000)


def test_undated_facts_are_left_out_and_one_sided_indicators_kept():
    table = compare.before_after(SAMPLE, year=2018).set_index("indicator_id")
    assert "dividend" not in table.index  # undated: neither before nor after
    jobs = table.loc["jobs"]
    assert jobs["before_year"] == 2018 and pd.isna(jobs["after_year"])
    assert math.isnan(jobs["change"])


def test_a_tie_on_the_before_side_names_indicator_year_and_facts():
    df = pd.concat([SAMPLE, SAMPLE.iloc[[1]].assign(fact_id="a2b", value=65000.0)])
    with pytest.raises(ValueError, match=r"income has 2 facts for 2017 \(a2, a2b\); choose one"):
        compare.before_after(df, year=2018)


def test_indicators_keep_the_order_they_first_appear_in():
    shuffled = SAMPLE.iloc[[4, 2, 0, 1, 3]]
    table = compare.before_after(shuffled, year=2018)
    assert table["indicator_id"].tolist() == ["jobs", "income"]
    assert pd.isna(table["after_fact_id"].iloc[0]) and table["after_fact_id"].iloc[1] == "a3"


def test_the_intervention_year_can_count_as_after():
    table = compare.before_after(SAMPLE, year=2018, baseline_includes_year=False)
    jobs = table.set_index("indicator_id").loc["jobs"]
    assert pd.isna(jobs["before_year"]) and jobs["after_year"] == 2018


def test_an_open_bound_keeps_the_change_open():
    table = compare.before_after(SAMPLE, year=2016).set_index("indicator_id")
    income = table.loc["income"]  # before: 不足5万元 (no lower bound)
    assert income["before_fact_id"] == "a1"
    assert income["change_lower"] == 860000 - 50000
    assert math.isnan(income["change_upper"])


def test_intervention_is_looked_up_and_must_be_unambiguous():
    events = pd.DataFrame(
        {"place_id": [PLACE, PLACE], "intervention_id": ["e1", "e2"], "year": [2016, 2020]}
    )
    table = compare.before_after(SAMPLE, intervention_id="e2", interventions=events)
    assert set(table["cut_year"]) == {2020}
    with pytest.raises(ValueError, match="2 interventions"):
        compare.before_after(SAMPLE, interventions=events)
    with pytest.raises(ValueError, match="no intervention 'e9'"):
        compare.before_after(SAMPLE, intervention_id="e9", interventions=events)


def test_interval_arithmetic():
    diff = compare.interval_difference(np.array([[10.0, 9.0, 12.0]]), np.array([[4.0, 3.0, 5.0]]))
    np.testing.assert_allclose(diff, [[6.0, 4.0, 9.0]])
    ratio = compare.interval_ratio(np.array([[10.0, 9.0, 12.0]]), np.array([[4.0, 3.0, 5.0]]))
    np.testing.assert_allclose(ratio, [[2.5, 1.8, 4.0]])


def growth(year, nominal, real):
    rows = [
        ("n", "rural_income_growth_nominal", year, nominal),
        ("r", "rural_income_growth_real", year, real),
    ]
    df = pd.DataFrame(rows, columns=["fact_id", "indicator_id", "year", "value"])
    return df.assign(place_id="cn", source_id="s")


def test_price_index_chains_nominal_over_real_growth():
    rates = pd.concat([growth(2020, 6.9, 3.8), growth(2021, 10.5, 9.7)])
    index = compare.rural_price_index(rates, base_year=2021)
    assert index[2021] == 100
    assert index[2020] == pytest.approx(100 / (1.105 / 1.097))
    assert index[2019] == pytest.approx(100 / (1.105 / 1.097) / (1.069 / 1.038))


def test_price_index_refuses_gaps():
    rates = pd.concat([growth(2019, 9.6, 6.2), growth(2021, 10.5, 9.7)])
    with pytest.raises(ValueError, match="gaps"):
        compare.rural_price_index(rates, base_year=2021)


def test_deflate_names_uncovered_years():
    index = pd.Series({2020: 95.0, 2021: 100.0})
    df = pd.DataFrame({"year": pd.array([2020, 2021], dtype="Int64"), "value": [95.0, 100.0],
                       "lower": [95.0, 100.0], "upper": [95.0, 100.0]})  # fmt: skip
    out = compare.deflate(df, index)
    assert out["value_real"].tolist() == [100.0, 100.0]
    with pytest.raises(ValueError, match="2019"):
        compare.deflate(df.assign(year=pd.array([2019, 2021], dtype="Int64")), index)


def test_benchmark_against_national_rural_income_in_the_shipped_data():
    shipped = rs.load_facts()
    jiaoyao = shipped.query("indicator_id == 'village_income_per_capita'")
    out = compare.benchmark(jiaoyao, shipped)
    row = out.iloc[0]
    assert row["benchmark_value"] == 23119.0  # national 2024
    assert row["ratio"] == pytest.approx(25000 / 23119)
    assert math.isnan(row["ratio_lower"])  # 约2.5万元 has no bounds


def test_benchmark_leaves_a_missing_year_visible():
    shipped = rs.load_facts()
    odd = SAMPLE.iloc[[0]].assign(year=pd.array([1990], dtype="Int64"), unit="CNY/person")
    out = compare.benchmark(odd, shipped)
    assert pd.isna(out["benchmark_year"].iloc[0]) and math.isnan(out["ratio"].iloc[0])


def test_benchmark_refuses_unlike_units():
    shipped = rs.load_facts()
    with pytest.raises(ValueError, match="units differ"):
        compare.benchmark(SAMPLE.iloc[[0]], shipped)  # CNY against CNY/person


def test_two_facts_for_the_same_latest_year_are_not_chosen_silently():
    tied = pd.concat([SAMPLE, SAMPLE.iloc[[2]].assign(fact_id="a3-other", value=900000.0)])
    with pytest.raises(ValueError, match=r"a3, a3-other"):
        compare.before_after(tied, year=2018)


def test_ratio_bounds_are_the_extreme_corners():
    got = compare.interval_ratio(np.array([[5.0, -10.0, 20.0]]), np.array([[7.0, 5.0, 10.0]]))
    np.testing.assert_allclose(got, [[5 / 7, -2.0, 4.0]])
    straddle = compare.interval_ratio(np.array([[5.0, 4.0, 6.0]]), np.array([[2.0, -1.0, 4.0]]))
    assert np.isnan(straddle[0, 1:]).all()
    # 近20 over 10: at most 2, and nothing of how few.
    open_bound = compare.interval_ratio(np.array([[20.0, np.nan, 20.0]]), np.array([[10.0] * 3]))
    assert np.isnan(open_bound[0, 1]) and open_bound[0, 2] == 2.0
    # 30 over 不足10 (a positive amount below 10): at least 3, no upper bound.
    under = compare.interval_ratio(np.array([[30.0] * 3]), np.array([[10.0, np.nan, 10.0]]))
    assert under[0, 1] == 3.0 and np.isnan(under[0, 2])
    # 约10 (no bounds) as the divisor or the dividend: no bounds at all.
    approx = compare.interval_ratio(np.array([[30.0] * 3, [10.0, np.nan, np.nan]]),
                                    np.array([[10.0, np.nan, np.nan], [5.0] * 3]))  # fmt: skip
    assert np.isnan(approx[:, 1:]).all()
    # A negative lower end of the dividend is divided by the divisor's smallest value.
    negative = compare.interval_ratio(
        np.array([[5.0, -10.0, np.nan]]), np.array([[5.0, 5.0, np.nan]])
    )
    assert negative[0, 1] == -2.0 and np.isnan(negative[0, 2])


def test_price_index_refuses_a_year_with_one_rate():
    rates = pd.concat([growth(2020, 6.9, 3.8), growth(2021, 10.5, 9.7).iloc[[0]]])
    with pytest.raises(ValueError, match=r"only one of the two growth rates for \[2021\]"):
        compare.rural_price_index(rates, base_year=2020)


# -- many places at once -------------------------------------------------------------------


def two_villages() -> pd.DataFrame:
    rows = [
        # (fact_id, place, indicator, year, value, lower, upper, qualifier, text)
        ("x1", "cn.t.x", "income", 2019, 50000, 50000, 50000, "exact", "5万元"),
        ("x2", "cn.t.x", "income", 2021, 200000, 200000, 200000, "exact", "20万元"),
        ("x3", "cn.t.x", "income", 2024, 800000, 800000, 900000, "plus", "80万余元"),
        ("x4", "cn.t.x", "homestays", 2024, 12, 12, 12, "exact", "12家"),
        ("y1", "cn.t.y", "income", 2018, 100000, math.nan, 100000, "under", "不足10万元"),
        ("y2", "cn.t.y", "income", 2023, 300000, 300000, 300000, "exact", "30万元"),
        ("z1", "cn.t.z", "income", None, 10000, 10000, 10000, "exact", "1万元"),
    ]
    cols = ["fact_id", "place_id", "indicator_id", "year", "value", "lower", "upper",
            "qualifier", "text"]  # fmt: skip
    df = pd.DataFrame(rows, columns=cols)
    return df.assign(unit="CNY", source_id="src", year=df["year"].astype("Int64"))


def test_dated_pairs_take_the_earliest_and_latest_figure_with_growth_bounds():
    pairs = compare.dated_pairs(two_villages()).set_index("place_id")
    assert list(pairs.index) == ["cn.t.x", "cn.t.y"]  # z undated, homestays one year
    x = pairs.loc["cn.t.x"]
    assert (x["before_fact_id"], x["after_fact_id"], x["years"]) == ("x1", "x3", 5.0)
    # 5万 → 80万余 [80万, 90万): ratio [16, 18], growth 16^(1/5) − 1 … 18^(1/5) − 1.
    assert (x["ratio"], x["ratio_lower"], x["ratio_upper"]) == (16.0, 16.0, 18.0)
    assert x["growth_per_year"] == pytest.approx(0.741101, abs=1e-6)
    assert x["growth_per_year_lower"] == pytest.approx(0.741101, abs=1e-6)
    assert x["growth_per_year_upper"] == pytest.approx(0.782602, abs=1e-6)
    # 不足10万 has no lower bound: the ratio and growth have no bounds.
    y = pairs.loc["cn.t.y"]
    assert y["growth_per_year"] == pytest.approx(3 ** (1 / 5) - 1)
    assert math.isnan(y["growth_per_year_upper"]) and math.isnan(y["ratio_upper"])
    # ... but it is a ceiling: 30万 over at most 10万 is at least 3 times, 3^(1/5) − 1 a year.
    assert y["ratio_lower"] == 3.0
    assert y["growth_per_year_lower"] == pytest.approx(3 ** (1 / 5) - 1)
    # change = 30万 − [?, 10万]: at least 20万, no upper bound.
    assert y["change_lower"] == 200000.0 and math.isnan(y["change_upper"])


def test_dated_pairs_refuse_a_conflict_unless_asked_to_show_each():
    df = pd.concat([two_villages(), two_villages().iloc[[2]].assign(fact_id="x3b", value=850000.0)])
    with pytest.raises(ValueError, match=r"cn.t.x income has 2 facts for 2024 \(x3, x3b\)"):
        compare.dated_pairs(df)
    each = compare.dated_pairs(df, ties="each")
    assert sorted(each.loc[each["place_id"] == "cn.t.x", "after_fact_id"]) == ["x3", "x3b"]


def test_dated_pairs_of_one_indicator_and_an_empty_result_keep_their_columns():
    assert compare.dated_pairs(two_villages(), indicator_id="homestays").empty
    assert "growth_per_year_upper" in compare.dated_pairs(two_villages().iloc[:0]).columns


def test_before_after_all_cuts_each_place_at_its_earliest_intervention():
    events = pd.DataFrame(
        {
            "place_id": ["cn.t.x", "cn.t.x", "cn.t.y", "cn.t.w"],
            "intervention_id": ["x-coop", "x-company", "y-coop", "w-coop"],
            "year": pd.array([2020, 2022, 2020, 2020], dtype="Int64"),
            "kind": [
                "organisation_founded",
                "investment",
                "organisation_founded",
                "organisation_founded",
            ],
        }
    )
    table = compare.before_after_all(two_villages(), events).set_index("place_id")
    # x: latest up to 2020 is 2019's 5万, latest since is 2024's; homestays is one-sided.
    assert list(table.index) == ["cn.t.x", "cn.t.y"]  # w has no facts, z no intervention
    x = table.loc["cn.t.x"]
    assert (x["intervention_id"], x["cut_year"], x["before_fact_id"], x["after_fact_id"]) == (
        "x-coop", 2020, "x1", "x3",
    )  # fmt: skip
    assert x["growth_per_year"] == pytest.approx(0.741101, abs=1e-6)
    # kind= chooses the cut: x's 2022 investment, so before is 2021's 20万.
    later = compare.before_after_all(two_villages(), events, kind="investment")
    assert later[["place_id", "before_fact_id", "years"]].values.tolist() == [["cn.t.x", "x2", 3.0]]


def test_before_after_all_keeps_each_conflicting_figure_as_its_own_pair():
    # x's 2019 has two sources: 5万 (x1) and 约6万 [6万, 6万] (x1b); cut 2020, after 2024's
    # 80万余 [80万, 90万). Both pairs stay, each named by its facts, flagged as a conflict.
    events = pd.DataFrame(
        {
            "place_id": ["cn.t.x", "cn.t.y"],
            "intervention_id": ["x-coop", "y-coop"],
            "year": pd.array([2020, 2020], dtype="Int64"),
            "kind": "organisation_founded",
        }
    )
    rival = two_villages().iloc[[0]].assign(
        fact_id="x1b", value=60000.0, lower=60000.0, upper=60000.0, qualifier="approx",
        text="约6万元", source_id="other",
    )  # fmt: skip
    df = pd.concat([two_villages(), rival], ignore_index=True)
    table = compare.before_after_all(df, events)
    x = table[table["place_id"] == "cn.t.x"].set_index("before_fact_id")
    assert sorted(x.index) == ["x1", "x1b"] and set(x["after_fact_id"]) == {"x3"}
    assert x["conflict"].all() and not table.loc[table["place_id"] == "cn.t.y", "conflict"].any()
    assert x.loc["x1b", "before_source_id"] == "other"
    # 80万余 / 6万 = [13.33, 15] over 5 years; 80万 − 6万 = 74万 … 84万.
    assert x.loc["x1b", "ratio"] == pytest.approx(800000 / 60000)
    assert x.loc["x1b", "ratio_upper"] == pytest.approx(15.0)
    assert x.loc["x1b", "growth_per_year"] == pytest.approx((40 / 3) ** 0.2 - 1)
    assert x.loc["x1b", "growth_per_year_upper"] == pytest.approx(15**0.2 - 1)
    assert (x.loc["x1b", "change_lower"], x.loc["x1b", "change_upper"]) == (740000.0, 840000.0)
    assert x.loc["x1", "growth_per_year"] == pytest.approx(16**0.2 - 1)
    with pytest.raises(ValueError, match=r"income has 2 facts for 2019 \(x1, x1b\)"):
        compare.before_after_all(df, events, ties="error")
    with pytest.raises(ValueError, match="ties must be"):
        compare.before_after_all(df, events, ties="first")


def test_a_conflict_on_both_sides_gives_every_combination():
    # Two before figures × two after figures: four pairs, all flagged.
    more = pd.DataFrame(
        [
            ("p1", "income", 2016, 10.0, 10.0, 10.0, "exact", "10元"),
            ("p1b", "income", 2016, 20.0, 20.0, 20.0, "exact", "20元"),
            ("p2", "income", 2020, 40.0, 40.0, 40.0, "exact", "40元"),
            ("p2b", "income", 2020, 80.0, 80.0, 80.0, "exact", "80元"),
        ],
        columns=["fact_id", "indicator_id", "year", "value", "lower", "upper", "qualifier", "text"],
    ).assign(place_id=PLACE, unit="CNY", source_id="src")
    events = pd.DataFrame(
        {"place_id": [PLACE], "intervention_id": ["e"], "year": [2018], "kind": "investment"}
    )
    table = compare.before_after_all(more, events)
    got = sorted(zip(table["before_fact_id"], table["after_fact_id"], table["ratio"], strict=True))
    assert got == [("p1", "p2", 4.0), ("p1", "p2b", 8.0), ("p1b", "p2", 2.0), ("p1b", "p2b", 4.0)]
    assert table["conflict"].all()
    assert table["growth_per_year"].tolist() == pytest.approx(
        [4**0.25 - 1, 8**0.25 - 1, 2**0.25 - 1, 4**0.25 - 1]
    )


def test_before_after_all_answers_on_the_shipped_facts_and_its_example_runs():
    import doctest

    table = compare.before_after_all(rs.load_facts())
    assert table["before_year"].notna().all() and table["after_year"].notna().all()
    # 千户苗寨 has two 2007 figures of per-capita income (two sources): both pairs stay.
    miaozhai = table[table["place_id"].str.endswith(".qianhu-miaozhai")
                     & (table["indicator_id"] == "village_income_per_capita")]  # fmt: skip
    assert sorted(miaozhai["before_fact_id"]) == [
        "qianhu-miaozhai-income-per-capita-2007",
        "qianhu-miaozhai-income-per-capita-2007-cri",
    ]
    assert miaozhai["conflict"].all()
    # A row not in conflict is one pair per place and indicator.
    single = table[~table["conflict"]]
    assert not single.duplicated(["place_id", "indicator_id"]).any()
    finder = doctest.DocTestFinder()
    [test] = finder.find(compare.before_after_all, globs={**vars(compare), "rs": rs})
    result = doctest.DocTestRunner().run(test)
    assert result.attempted == 3 and result.failed == 0


def test_dated_pairs_flags_conflicts_too():
    df = pd.concat([two_villages(), two_villages().iloc[[2]].assign(fact_id="x3b", value=850000.0)])
    each = compare.dated_pairs(df, ties="each")
    assert each.set_index("after_fact_id").loc[["x3", "x3b"], "conflict"].all()
    assert not each.loc[each["place_id"] == "cn.t.y", "conflict"].any()


def test_benchmark_growth_and_constant_prices_by_hand():
    pairs = compare.dated_pairs(two_villages(), indicator_id="income")
    reference = pd.DataFrame(
        {
            "fact_id": ["g2019", "g2024"],
            "place_id": "cn.guizhou",
            "indicator_id": compare.RURAL_INCOME,
            "year": pd.array([2019, 2024], dtype="Int64"),
            "value": [100.0, 100.0 * 1.1**5],  # 10 % a year
        }
    )
    out = compare.benchmark_growth(pairs, reference).set_index("place_id")
    assert out.loc["cn.t.x", "benchmark_growth_per_year"] == pytest.approx(0.1)
    assert out.loc["cn.t.x", "growth_vs_benchmark"] == pytest.approx(1.741101 / 1.1 - 1, abs=1e-6)
    assert math.isnan(out.loc["cn.t.y", "benchmark_growth_per_year"])  # no 2018/2023 benchmark
    index = pd.Series({2019: 80.0, 2024: 100.0})
    real = compare.deflate_pairs(pairs, index).set_index("place_id")
    x = real.loc["cn.t.x"]
    assert x["deflated"] and x["before_value_real"] == pytest.approx(62500.0)
    assert x["real_growth_per_year"] == pytest.approx(12.8 ** (1 / 5) - 1)
    assert x["real_growth_per_year_upper"] == pytest.approx((900000 / 62500) ** (1 / 5) - 1)
    assert not real.loc["cn.t.y", "deflated"] and math.isnan(real.loc["cn.t.y", "after_value_real"])


def test_one_sided_figures_give_one_sided_growth_and_a_fall_keeps_its_bounds():
    rows = [
        # 33元 → 超过1万元 over 34 years: at least (10000/33)^(1/34) − 1 a year.
        ("h1", "cn.t.h", "income", 1985, 33, 33, 33, "exact", "33元"),
        ("h2", "cn.t.h", "income", 2019, 10000, 10000, math.nan, "over", "超过10000元"),
        # 超过16400元 → 近1.7万元 over 2 years: at most (17000/16400)^(1/2) − 1 a year.
        ("k1", "cn.t.k", "income", 2016, 16400, 16400, math.nan, "over", "超过16400元"),
        ("k2", "cn.t.k", "income", 2018, 17000, math.nan, 17000, "under", "近1.7万元"),
        # 53万 → 27万余 in one year: a fall, between −49.1 % and −47.2 %.
        ("v1", "cn.t.v", "visits", 2019, 530000, 530000, 530000, "exact", "53万人次"),
        ("v2", "cn.t.v", "visits", 2020, 270000, 270000, 280000, "plus", "27万余人次"),
    ]
    cols = ["fact_id", "place_id", "indicator_id", "year", "value", "lower", "upper",
            "qualifier", "text"]  # fmt: skip
    df = pd.DataFrame(rows, columns=cols)
    df = df.assign(unit="CNY", source_id="src", year=df["year"].astype("Int64"))
    pairs = compare.dated_pairs(df).set_index("place_id")
    h = pairs.loc["cn.t.h"]
    assert h["growth_per_year_lower"] == pytest.approx((10000 / 33) ** (1 / 34) - 1)
    assert h["growth_per_year_lower"] == pytest.approx(0.18300, abs=1e-5)
    assert math.isnan(h["growth_per_year_upper"]) and math.isnan(h["change_upper"])
    k = pairs.loc["cn.t.k"]
    assert math.isnan(k["growth_per_year_lower"])
    assert k["growth_per_year_upper"] == pytest.approx((17000 / 16400) ** 0.5 - 1)
    assert k["growth_per_year_upper"] == pytest.approx(0.01813, abs=1e-5)
    assert k["change_upper"] == 600.0 and math.isnan(k["change_lower"])
    v = pairs.loc["cn.t.v"]
    assert (v["growth_per_year"], v["growth_per_year_upper"]) == pytest.approx(
        (27 / 53 - 1, 28 / 53 - 1)
    )
    assert v["growth_per_year_lower"] == v["growth_per_year"]
    assert (v["change"], v["change_lower"], v["change_upper"]) == (-260000.0, -260000.0, -250000.0)


def test_benchmark_growth_nearest_prefers_the_province_where_it_holds_both_years():
    # Three villages: p1 in province cn.p (which has 2019 and 2024), p2 in cn.p
    # but with years only the country covers, q1 in cn.q (no series of its
    # own), and r1 whose years no series covers.
    rows = [
        ("p1a", "cn.p.a.p1", "income", 2019, 100, 100, 100, "exact", "100元"),
        ("p1b", "cn.p.a.p1", "income", 2024, 200, 200, 200, "exact", "200元"),
        ("p2a", "cn.p.a.p2", "income", 2020, 100, 100, 100, "exact", "100元"),
        ("p2b", "cn.p.a.p2", "income", 2022, 150, 150, 150, "exact", "150元"),
        ("q1a", "cn.q.b.q1", "income", 2019, 100, 100, 100, "exact", "100元"),
        ("q1b", "cn.q.b.q1", "income", 2024, 300, 300, 300, "exact", "300元"),
        ("r1a", "cn.p.a.r1", "income", 2010, 100, 100, 100, "exact", "100元"),
        ("r1b", "cn.p.a.r1", "income", 2012, 121, 121, 121, "exact", "121元"),
    ]
    cols = ["fact_id", "place_id", "indicator_id", "year", "value", "lower", "upper",
            "qualifier", "text"]  # fmt: skip
    village_facts = pd.DataFrame(rows, columns=cols).assign(unit="CNY", source_id="src")
    village_facts["year"] = village_facts["year"].astype("Int64")
    pairs = compare.dated_pairs(village_facts, indicator_id="income")
    level = {  # province: 2019 → 2024 at 10 % a year; country: 5 % a year 2019–2024
        ("cn.p", 2019): 100.0, ("cn.p", 2024): 100.0 * 1.1**5,
        ("cn", 2019): 100.0, ("cn", 2020): 105.0, ("cn", 2022): 105.0 * 1.05**2,
        ("cn", 2024): 100.0 * 1.05**5,
    }  # fmt: skip
    reference = pd.DataFrame(
        {
            "fact_id": [f"{p}-{y}" for p, y in level],
            "place_id": [p for p, _ in level],
            "indicator_id": compare.RURAL_INCOME,
            "year": pd.array([y for _, y in level], dtype="Int64"),
            "value": list(level.values()),
        }
    )
    out = compare.benchmark_growth_nearest(pairs, reference).set_index("place_id")
    assert out.loc["cn.p.a.p1", "benchmark_place_id"] == "cn.p"
    assert out.loc["cn.p.a.p1", "benchmark_growth_per_year"] == pytest.approx(0.10)
    # 200/100 over 5 years against 10 % a year: 2^(1/5) / 1.1 − 1.
    assert out.loc["cn.p.a.p1", "growth_vs_benchmark"] == pytest.approx(2**0.2 / 1.1 - 1)
    # The province lacks 2020 and 2022, so p2 falls back to the country.
    assert out.loc["cn.p.a.p2", "benchmark_place_id"] == "cn"
    assert out.loc["cn.p.a.p2", "benchmark_growth_per_year"] == pytest.approx(0.05)
    # cn.p's series does not enclose cn.q: q1 is set beside the country.
    assert out.loc["cn.q.b.q1", "benchmark_place_id"] == "cn"
    assert out.loc["cn.q.b.q1", "benchmark_growth_per_year"] == pytest.approx(0.05)
    # No series holds 2010 and 2012: no benchmark, and the gap shows.
    assert pd.isna(out.loc["cn.p.a.r1", "benchmark_place_id"])
    assert math.isnan(out.loc["cn.p.a.r1", "growth_vs_benchmark"])
    # The single-place call agrees where the province is chosen.
    single = compare.benchmark_growth(pairs, reference, place_id="cn.p").set_index("place_id")
    assert single.loc["cn.p.a.p1", "growth_vs_benchmark_upper"] == pytest.approx(
        out.loc["cn.p.a.p1", "growth_vs_benchmark_upper"]
    )


def test_benchmark_growth_nearest_follows_the_hierarchy_when_places_are_given():
    # "mine.v" is spelled like no province, but its parent chain reaches cn.p.
    rows = [
        ("m1", "mine.v", "income", 2019, 100, 100, 100, "exact", "100元"),
        ("m2", "mine.v", "income", 2024, 200, 200, 200, "exact", "200元"),
    ]
    cols = ["fact_id", "place_id", "indicator_id", "year", "value", "lower", "upper",
            "qualifier", "text"]  # fmt: skip
    facts = pd.DataFrame(rows, columns=cols).assign(unit="CNY", source_id="src")
    pairs = compare.dated_pairs(facts.astype({"year": "Int64"}), indicator_id="income")
    reference = pd.DataFrame(
        {
            "place_id": ["cn.p", "cn.p", "cn", "cn"],
            "indicator_id": compare.RURAL_INCOME,
            "year": pd.array([2019, 2024, 2019, 2024], dtype="Int64"),
            "value": [100.0, 100.0 * 1.1**5, 100.0, 100.0 * 1.05**5],
        }
    )
    places = pd.DataFrame(
        {
            "place_id": ["cn", "cn.p", "cn.p.a", "mine.v"],
            "parent_id": [None, "cn", "cn.p", "cn.p.a"],
        }
    )
    by_path = compare.benchmark_growth_nearest(pairs, reference)
    assert by_path["benchmark_place_id"].isna().all()  # no dotted path from mine.v to cn
    out = compare.benchmark_growth_nearest(pairs, reference, places=places)
    assert out["benchmark_place_id"].tolist() == ["cn.p"]
    assert out["growth_vs_benchmark"].iloc[0] == pytest.approx(2**0.2 / 1.1 - 1)


def test_benchmark_growth_nearest_without_any_series_leaves_every_pair_open():
    pairs = compare.dated_pairs(two_villages(), indicator_id="income")
    empty = pd.DataFrame(columns=["fact_id", "place_id", "indicator_id", "year", "value"])
    out = compare.benchmark_growth_nearest(pairs, empty)
    assert out["benchmark_place_id"].isna().all()
    assert out["benchmark_growth_per_year"].isna().all() and len(out) == len(pairs)
