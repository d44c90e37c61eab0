"""One place's case study, told from whatever its data hold.

:class:`CaseStudy` reads the shipped tables (and a researcher's own, where
activated) once and answers the case-study notebook's questions, each as a
table, a figure or a short text: who and where the place is, what happened
when, what is reported and by whom, what changed around an intervention,
how reported income compares with the rural benchmark of the same year,
where sources disagree, and what the record can and cannot support. The
notebook (``templates/case_study.ipynb``) only calls these methods, so a
village added to the data gets the same study as Chetian.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from ruralstudy import compare
from ruralstudy.display import MISSING, format_value, md_text, tidy_table

if TYPE_CHECKING:
    from matplotlib.axes import Axes

Lang = Literal["zh", "en", "both"]
PER_CAPITA_UNIT = "CNY/person"
PROVINCE = "province"


# The case study's sections: heading (zh, en) and an introduction (zh, en) or none.
SECTIONS = {
    "identity": ("基本信息", "Who and where", "", ""),
    "timeline": ("大事记", "What happened when", "", ""),
    "facts": (
        "数据与来源", "What is reported, and by whom",
        "每个数字按来源的原文列出，附其措辞所含的区间（“10万余元”即不少于10万元、不到11万元）"
        "和出处。",
        'Every figure as the source wrote it, with the interval its wording implies ("10万余元" '
        "is at least 100 000 and below 110 000) and the source it comes from.",
    ),
    "before_after": ("前后对比", "Before and after", "", ""),
    "benchmark": ("与农村居民收入比较", "Against the rural benchmark", "", ""),
    "conflicts": (
        "相互矛盾的数据", "Where the sources disagree",
        "同一指标、同一年份（或都没有年份）而数值不同的数据并列列出：它们往往以同一名称统计"
        "不同的东西，数据不替读者取舍。",
        "Figures of one indicator for one year (or both undated) that differ are kept side by "
        "side: they often count different things under one name, and the data do not choose "
        "between them.",
    ),
    "support": ("数据能说明什么", "What the data can and cannot support", "", ""),
    "sources": ("来源", "Sources", "本页引用的每个来源。", "Every source this page cites."),
}  # fmt: skip


@dataclass(frozen=True)
class Tables:
    """The five master tables a case study reads."""

    facts: pd.DataFrame
    places: pd.DataFrame
    indicators: pd.DataFrame
    sources: pd.DataFrame
    interventions: pd.DataFrame

    @classmethod
    def load(cls) -> Tables:
        """The tables as the loaders return them (shipped data plus any active project)."""
        import ruralstudy as rs

        return cls(rs.load_facts(), rs.load_places(), rs.load_indicators(),
                   rs.load_sources(), rs.load_interventions())  # fmt: skip


class CaseStudy:
    """The case study of one place.

    ``intervention_id`` picks the event that splits before from after; by
    default it is the place's intervention with the most indicators that
    have a dated figure on both sides (ties: the later one, whose "before"
    lies closest to the event), and none if the place has no intervention.

    >>> case = CaseStudy("cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao")  # doctest: +SKIP
    >>> case.facts_table().head()  # doctest: +SKIP
    """

    def __init__(
        self,
        place_id: str,
        intervention_id: str | None = None,
        lang: Lang = "both",
        tables: Tables | None = None,
    ) -> None:
        if lang not in ("zh", "en", "both"):
            raise ValueError(f"lang must be zh, en or both, got {lang!r}")
        self.t = tables or Tables.load()
        places = self.t.places.set_index("place_id", drop=False)
        if place_id not in places.index:
            raise ValueError(f"no place {place_id!r} in places")
        self.place_id, self.lang = place_id, lang
        self.place = places.loc[place_id]
        self.facts = self.t.facts[self.t.facts["place_id"] == place_id].reset_index(drop=True)
        self.events = self.t.interventions[self.t.interventions["place_id"] == place_id]
        self._comparisons: dict[str, pd.DataFrame] = {}
        self.intervention_id = self._choose_intervention(intervention_id)

    # --- words -------------------------------------------------------------

    def words(self, zh: str, en: str, sep: str = " / ") -> str:
        """Chinese, English or both, by the study's ``lang``."""
        return {"zh": zh, "en": en, "both": f"{zh}{sep}{en}"}[self.lang]

    def name(self, row: pd.Series | None = None) -> str:
        """A place's (default: this place's) name in the study's language."""
        row = self.place if row is None else row
        zh, en = format_value(row.get("name_zh")), format_value(row.get("name_en"))
        return {"zh": zh, "en": en, "both": f"{zh} {en}"}[self.lang]

    def title(self) -> str:
        """The page title: the place's name and "case study"."""
        return f"{self.name()} · " + self.words("案例研究", "case study", " ")

    def heading(self) -> str:
        """The page's first heading, as Markdown (the name escaped)."""
        return f"# {md_text(self.name())} · " + self.words("案例研究", "case study", " ")

    def section(self, key: str) -> str:
        """A section's heading (and its short introduction, if it has one) as
        Markdown, in the study's language: the notebook's headings follow
        ``lang`` like everything else on the page."""
        zh, en, intro_zh, intro_en = SECTIONS[key]
        heading = {"zh": zh, "en": en, "both": f"{en} · {zh}"}[self.lang]
        intro = self.words(intro_zh, intro_en, "\n\n") if intro_en else ""
        return f"## {heading}" + (f"\n\n{intro}" if intro else "")

    def _indicator_names(self) -> pd.Series:
        ind = self.t.indicators.set_index("indicator_id")
        if self.lang == "zh":
            return ind["name_zh"]
        if self.lang == "en":
            return ind["name_en"]
        return ind["name_zh"] + " " + ind["name_en"]

    def _source_names(self) -> pd.Series:
        """source_id → "publisher, date" as a reader would cite it."""
        s = self.t.sources.set_index("source_id")
        publisher = s["publisher"].fillna("").str.replace(r"\s*[（(].*[)）]\s*$", "", regex=True)
        if self.lang == "en" and "publisher_en" in s:
            publisher = s["publisher_en"].fillna(publisher)
        dated = ", " + s["date"].astype("string")
        return publisher + dated.fillna("")  # an undated source is its publisher alone

    # --- identity ------------------------------------------------------------

    def ancestors(self) -> pd.DataFrame:
        """The places above this one, nearest first (township, county, …)."""
        places = self.t.places.set_index("place_id", drop=False)
        rows, parent, seen = [], self.place.get("parent_id"), {self.place_id}
        while isinstance(parent, str) and parent in places.index and parent not in seen:
            seen.add(parent)
            rows.append(places.loc[parent])
            parent = places.loc[parent].get("parent_id")
        return pd.DataFrame(rows)

    def identity(self) -> pd.DataFrame:
        """Who and where: names, level, the units above, code and coordinates."""
        p, w = self.place, self.words
        above = " › ".join(self.name(r) for _, r in self.ancestors().iterrows())
        coords = MISSING
        if pd.notna(p.get("lon")) and pd.notna(p.get("lat")):
            coords = f"{p['lon']:.4f}°E, {p['lat']:.4f}°N"
            if pd.notna(p.get("coord_error_km")):
                coords += f" (± {format_value(float(p['coord_error_km']))} km, "
                coords += w("精度", "precision") + f": {format_value(p.get('coord_precision'))})"
        rows = [
            (w("名称", "name"), self.name()),
            (w("级别", "level"), format_value(p.get("level"))),
            (w("上级", "within"), above or MISSING),
            (w("行政区划代码", "admin code"), format_value(p.get("admin_code"))),
            (w("坐标（WGS84）", "coordinates (WGS84)"), coords),
            (w("坐标来源", "coordinates from"), format_value(p.get("coord_source_id"))),
            (w("数据", "data held"), self._holdings()),
        ]
        return pd.DataFrame(rows, columns=[w("项目", "item"), w("内容", "value")])

    def _holdings(self) -> str:
        n_src = self.facts["source_id"].nunique()
        return self.words(
            f"{len(self.facts)}条数据，{n_src}个来源，{len(self.events)}个事件",
            f"{plural(len(self.facts), 'fact')}, {plural(n_src, 'source')}, "
            f"{plural(len(self.events), 'event')}",
        )

    def has_location(self) -> bool:
        """Whether the place has coordinates to draw on a map."""
        return bool(pd.notna(self.place.get("lon")) and pd.notna(self.place.get("lat")))

    def on_base_map(self) -> bool:
        """Whether the place has coordinates in Guizhou, which the base maps show."""
        if not self.has_location():
            return False
        from ruralstudy import maps

        return maps.on_base_map(float(self.place["lon"]), float(self.place["lat"]))

    def locator(self) -> Axes | None:
        """A locator map of the place on a map of Guizhou; None without coordinates,
        or for a place outside Guizhou (it would be drawn far off the map)."""
        if not self.on_base_map():
            return None
        from ruralstudy import maps
        from ruralstudy.plot.record import set_field

        # No China inset: it costs about 3 s of CPU per profile (the report makes
        # one per village), and a Guizhou base map already places the village.
        ax = maps.locator(self.t.places[self.t.places["place_id"] == self.place_id],
                          lang=self.lang, sources=self.t.sources)  # fmt: skip
        # The page's heading says what the map is; the title (recorded, not drawn) tells
        # the gallery and the image's alt text.
        title = f"{self.name()} · " + self.words("位置图", "location map", " ")
        set_field(ax.figure, "title", title)
        return ax

    def location_note(self) -> str:
        """What the map shows, or why there is none."""
        if not self.has_location():
            return self.words(
                "数据中没有该地的坐标，无法绘制位置图。",
                "The data hold no coordinates for this place, so there is no map.",
            )
        if not self.on_base_map():
            return self.words(
                "本包的底图只覆盖贵州省，该地在省外，因此没有位置图（坐标见上表）。",
                "The package's base maps cover Guizhou only and this place lies outside it, "
                "so there is no locator map (its coordinates are in the table above).",
            )
        if format_value(self.place.get("coord_precision")) != "village":
            return self.words(
                "坐标只精确到上级单位（图中空心点与误差圈）：图示大致区域，而非村庄位置。",
                "The coordinates are those of a unit above the place (hollow point with its "
                "error circle): the map shows the area, not the village itself.",
            )
        return ""

    # --- events and facts --------------------------------------------------------

    def timeline(self) -> Axes | None:
        """The chronicle of interventions with dated facts, or None without events."""
        if self.events.empty:
            return None
        from ruralstudy import plot

        return plot.timeline(self.t.interventions, self.t.facts, place_id=self.place_id,
                             lang=self.lang, indicators=self.t.indicators,
                             places=self.t.places, sources=self.t.sources)  # fmt: skip

    def events_table(self) -> pd.DataFrame:
        """The place's interventions in order, with their sources."""
        w = self.words
        ev = self.events.sort_values(["year", "intervention_id"], kind="stable")
        names = ev["name_zh"] if self.lang == "zh" else ev["name_en"]
        if self.lang == "both":
            names = ev["name_zh"] + " " + ev["name_en"]
        return tidy_table(pd.DataFrame({
            w("年份", "year"): year_text(ev["year"]),
            w("事件", "event"): names.to_numpy(),
            w("类型", "kind"): ev["kind"].to_numpy(),
            w("来源", "source"): ev["source_id"].map(self._source_names()).to_numpy(),
        }))  # fmt: skip

    def sources_table(self) -> pd.DataFrame:
        """Every source the page cites (facts, events, coordinates, benchmarks), in full:
        publisher, title, date, address and the date it was seen, so a reader
        can find each figure where it was read (DESIGN.md principle 1)."""
        w = self.words
        income = self.income_facts()
        benchmarks = [] if income.empty else [
            i for *_, b in self._benchmarks(income) for i in b["benchmark_source_id"]
        ]  # fmt: skip
        cited = [*self.facts["source_id"], *self.events["source_id"],
                 self.place.get("coord_source_id"), *benchmarks]  # fmt: skip
        ids = list(dict.fromkeys(x for x in cited if isinstance(x, str) and x))
        s = self.t.sources.set_index("source_id").reindex(ids)
        return tidy_table(pd.DataFrame({
            "source_id": ids,
            w("发布者", "publisher"): s["publisher"].to_numpy(),
            w("标题", "title"): s["title"].to_numpy(),
            w("日期", "date"): s["date"].to_numpy(),
            w("网址", "address"): s["url"].to_numpy(),
            w("查阅日期", "seen"): s["accessed"].to_numpy(),
        }))  # fmt: skip

    def facts_of(self, *indicator_ids: str) -> pd.DataFrame:
        """The place's fact rows of these indicators (all rows without arguments)."""
        if not indicator_ids:
            return self.facts
        return self.facts[self.facts["indicator_id"].isin(indicator_ids)]

    def facts_table(self, *indicator_ids: str) -> pd.DataFrame:
        """Every fact about the place (or of these indicators): what was reported,
        its bounds, its source."""
        w = self.words
        f = self.facts_of(*indicator_ids).sort_values(["indicator_id", "year"], kind="stable")
        return tidy_table(pd.DataFrame({
            w("指标", "indicator"): f["indicator_id"].map(self._indicator_names()).to_numpy(),
            w("年份", "year"): year_text(f["year"]),
            w("原文", "as reported"): f["text"].to_numpy(),
            w("数值", "value"): f["value"].to_numpy(),
            w("区间", "bounds"): [bounds_text(r) for _, r in f.iterrows()],
            w("单位", "unit"): f["unit"].to_numpy(),
            w("来源", "source"): f["source_id"].map(self._source_names()).to_numpy(),
            "source_id": f["source_id"].to_numpy(),
        }))  # fmt: skip

    # --- conflicting figures -------------------------------------------------------

    def conflicts(self) -> pd.DataFrame:
        """Facts of one indicator and one year (or both undated) that disagree.

        Each figure is kept, side by side with its source: they are often
        different counts (registered, resident) under one name, and the data
        do not choose between them.
        """
        key, numbers = ["indicator_id", "_year"], ["value", "lower", "upper"]
        f = self.facts.assign(_year=self.facts["year"].astype("Float64").fillna(-1))
        versions = f.drop_duplicates(key + numbers).groupby(key).size().rename("_n")
        f = f.merge(versions.reset_index(), on=key, how="left")
        clash = f[f["_n"] > 1].sort_values(key, kind="stable")
        w = self.words
        return tidy_table(pd.DataFrame({
            w("指标", "indicator"): clash["indicator_id"].map(self._indicator_names()).to_numpy(),
            w("年份", "year"): year_text(clash["year"]),
            w("原文", "as reported"): clash["text"].to_numpy(),
            w("区间", "bounds"): [bounds_text(r) for _, r in clash.iterrows()],
            w("报道日期", "reported"): clash["as_of"].to_numpy(),
            w("来源", "source"): clash["source_id"].map(self._source_names()).to_numpy(),
            "fact_id": clash["fact_id"].to_numpy(),
        }))  # fmt: skip

    def _comparable_facts(self) -> pd.DataFrame:
        """Dated facts with one figure per indicator and year: the others are conflicts."""
        dated = self.facts[self.facts["year"].notna()]
        single = ~dated.duplicated(["indicator_id", "year"], keep=False)
        return dated[single]

    # --- before and after ------------------------------------------------------------

    def _compare(self, intervention_id: str) -> pd.DataFrame:
        """``compare.before_after`` around one event, computed once (the page asks ~7 times)."""
        if intervention_id not in self._comparisons:
            facts = self._comparable_facts()
            self._comparisons[intervention_id] = pd.DataFrame() if facts.empty else (
                compare.before_after(facts, place_id=self.place_id,
                                     intervention_id=intervention_id,
                                     interventions=self.t.interventions))  # fmt: skip
        return self._comparisons[intervention_id].copy()  # callers may change their copy

    def _choose_intervention(self, intervention_id: str | None) -> str | None:
        if intervention_id is not None:
            if intervention_id not in set(self.events["intervention_id"]):
                known = ", ".join(self.events["intervention_id"]) or "none"
                raise ValueError(
                    f"no intervention {intervention_id!r} for {self.place_id} (known: {known})"
                )
            return intervention_id
        best, best_n = None, -1
        for ev in self.events.sort_values(["year", "intervention_id"], kind="stable").itertuples():
            n = len(both_sides(self._compare(ev.intervention_id)))
            if n >= best_n:  # sorted by year: a tie goes to the later event
                best, best_n = ev.intervention_id, n
        return best

    def intervention(self) -> pd.Series | None:
        """The intervention row that splits before from after, if any."""
        if self.intervention_id is None:
            return None
        ev = self.events[self.events["intervention_id"] == self.intervention_id]
        return ev.iloc[0]

    def comparison(self) -> pd.DataFrame:
        """``rs.compare.before_after`` for the chosen intervention (empty without one)."""
        return (
            pd.DataFrame() if self.intervention_id is None else self._compare(self.intervention_id)
        )

    def before_after_table(self, one_sided: bool = False) -> pd.DataFrame:
        """Indicators with a figure on both sides: before, after, change and ratio.

        ``one_sided=True`` keeps indicators with a figure on one side only, the
        other side shown as missing: a gap in the record, not a zero.
        """
        t, w = self.comparison(), self.words
        t = t if one_sided or t.empty else both_sides(t)
        if t.empty:
            return t
        return tidy_table(pd.DataFrame({
            w("指标", "indicator"): t["indicator_id"].map(self._indicator_names()).to_numpy(),
            w("之前", "before"): side_text(t, "before"),
            w("之后", "after"): side_text(t, "after"),
            w("变化", "change"): [interval_text(*r) for r in
                                 t[["change", "change_lower", "change_upper"]].to_numpy()],
            w("倍数", "ratio"): [interval_text(*r) for r in
                                t[["ratio", "ratio_lower", "ratio_upper"]].to_numpy()],
            w("单位", "unit"): t["unit"].to_numpy(),
            w("来源", "sources"): [  # one source for both sides is named once
                "; ".join(dict.fromkeys(x for x in pair if isinstance(x, str)))
                for pair in zip(t["before_source_id"], t["after_source_id"], strict=True)
            ],
        }))  # fmt: skip

    def before_after_chart(self) -> Axes | None:
        """A dumbbell chart of the indicators with both sides, or None."""
        t = both_sides(self.comparison())
        if t.empty:
            return None
        from ruralstudy import plot

        ids = set(t["before_fact_id"]) | set(t["after_fact_id"])
        rows = self.facts[self.facts["fact_id"].isin(ids)]
        return plot.before_after(rows, intervention_id=self.intervention_id,
                                 interventions=self.t.interventions, lang=self.lang,
                                 indicators=self.t.indicators, places=self.t.places,
                                 sources=self.t.sources)  # fmt: skip

    def before_after_note(self) -> str:
        """In plain words: which comparison is possible, and what is missing."""
        w, ev = self.words, self.intervention()
        if ev is None:
            return w(
                "数据中没有该地的干预事件，因此无法区分“之前”和“之后”。",
                "No intervention is recorded for this place, so there is no before and after.",
            )
        t, cut = self.comparison(), int(ev["year"])
        n_both = len(both_sides(t))
        undated = int(self.facts["year"].isna().sum())
        one_side = t[t["before_value"].isna() ^ t["after_value"].isna()] if len(t) else t
        before_only = int(one_side["after_value"].isna().sum()) if len(one_side) else 0
        after_only = len(one_side) - before_only
        name_zh, name_en, ev_id = (
            md_text(ev[k]) for k in ("name_zh", "name_en", "intervention_id")
        )
        zh = (f"分界：{cut}年“{name_zh}”（{ev_id}）。"
              f"{n_both}个指标在前后都有数据；{before_only}个只有之前、{after_only}个只有之后的数据；"
              f"{undated}条数据没有年份，无法归入任何一边。")  # fmt: skip
        en = (f"The split is {cut}, “{name_en}” ({ev_id}). "
              f"{plural(n_both, 'indicator')} with a dated figure on both sides; "
              f"{before_only} only before and {after_only} only after; "
              f"{plural(undated, 'fact')} without a year, on neither side.")  # fmt: skip
        if n_both == 0:
            zh += "没有可以比较前后的指标：空白是记录的缺口，不是零。"
            en += " No indicator can be compared before and after: a gap in the record, not a zero."
        return w(zh, en, "\n\n")

    # --- benchmark -----------------------------------------------------------------

    def province_id(self) -> str | None:
        """The province the place lies in (from the parent chain), if any."""
        up = self.ancestors()
        prov = up[up["level"] == PROVINCE] if len(up) else up
        return None if prov.empty else str(prov["place_id"].iloc[0])

    def income_facts(self) -> pd.DataFrame:
        """The place's reported per-capita income figures (unit CNY/person), dated;
        not the benchmark series itself (a province's or the country's own)."""
        f = self.facts
        return f[(f["unit"] == PER_CAPITA_UNIT) & f["year"].notna()
                 & (f["indicator_id"] != compare.RURAL_INCOME)]  # fmt: skip

    def benchmark(self) -> pd.DataFrame:
        """Reported per-capita income beside provincial and national rural
        disposable income of the same year, with the ratios and their bounds."""
        income, w = self.income_facts(), self.words
        if income.empty:
            return pd.DataFrame()
        table = pd.DataFrame({
            w("指标", "indicator"): income["indicator_id"].map(self._indicator_names()).to_numpy(),
            w("年份", "year"): year_text(income["year"]),
            w("原文", "as reported"): income["text"].to_numpy(),
            w("来源", "source"): income["source_id"].to_numpy(),
        })  # fmt: skip
        # Each heading is worded whole in each language ("省 / province" as a
        # prefix of "省农村… / province rural…" would print both twice).
        for zh, en, b in self._benchmarks(income):
            table[w(f"{zh}农村居民人均可支配收入", f"{en} rural income")] = b[
                "benchmark_value"
            ].to_numpy()
            table[w(f"与{zh}之比", f"ratio to {en}")] = [
                interval_text(*r) for r in b[["ratio", "ratio_lower", "ratio_upper"]].to_numpy()
            ]
            table[w(f"{zh}来源", f"{en} source")] = b["benchmark_source_id"].to_numpy()
        return tidy_table(table)

    def _benchmarks(self, income: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
        """(zh, en, compare.benchmark rows) against the province and the country."""
        out = []
        for ref_id, zh, en in ((self.province_id(), "省", "province"),
                               (compare.NATIONAL, "全国", "national")):  # fmt: skip
            ref = self.t.facts if ref_id else self.t.facts.iloc[:0]
            b = compare.benchmark(income, ref, place_id=ref_id or compare.NATIONAL)
            out.append((zh, en, b))
        return out

    def benchmark_note(self) -> str:
        """What the benchmark comparison means, or why there is none."""
        w = self.words
        if self.income_facts().empty:
            return w(
                "数据中没有该地有年份的人均收入，无法与农村居民人均可支配收入比较。",
                "The data hold no dated per-capita income for this place, so there is no "
                "benchmark comparison.",
            )
        return w(
            "村里报道的“人均收入”不是国家统计局基于住户调查的“人均可支配收入”：比值只说明量级，"
            "不是精确差距。没有同年基准的年份标为“—”。",
            "A village's reported “per-capita income” is not the survey-based disposable income "
            "of the statistics bureau: read the ratio as an order of magnitude, not a precise gap. "
            "A year without a benchmark of the same year shows “—”.",
            "\n\n",
        )

    def benchmark_in_prices(self, base_year: int) -> pd.DataFrame:
        """National rural per-capita disposable income in prices of ``base_year``.

        Deflated by the rural price index implied by the nominal and real growth
        rates of the same releases (``rs.compare.rural_price_index``): facts rows
        whose value, lower and upper are in constant prices, the current-price
        figure kept as ``value_nominal``.
        """
        facts = self.t.facts
        index = compare.rural_price_index(facts, base_year=base_year)
        national = facts[(facts["place_id"] == compare.NATIONAL)
                         & (facts["indicator_id"] == compare.RURAL_INCOME)]  # fmt: skip
        real = compare.deflate(national, index)
        return real.assign(value_nominal=real["value"], value=real["value_real"],
                           lower=real["lower_real"], upper=real["upper_real"])  # fmt: skip

    # --- what the data support -------------------------------------------------------

    def support(self) -> str:
        """ "What the data can and cannot support", as a short Markdown list."""
        w, f = self.words, self.facts
        kinds = self.t.sources.set_index("source_id")["kind"]
        used = f["source_id"].map(kinds).value_counts()
        kinds_text = ", ".join(f"{md_text(k)} {n}" for k, n in used.items()) or MISSING
        can = [w(f"一份可追溯的记录：{len(f)}条数据，来自{f['source_id'].nunique()}个来源"
                 f"（{kinds_text}），每条附原文与区间。",
                 f"A traced record: {plural(len(f), 'fact')} from "
                 f"{plural(f['source_id'].nunique(), 'source')} "
                 f"({kinds_text}), each with its wording and bounds.")]  # fmt: skip
        cannot = []
        if f.empty:
            can = [w("暂无：数据中还没有关于该地的数据。",
                     "Nothing yet: the data hold no facts about this place.")]  # fmt: skip
        n_both = len(both_sides(self.comparison()))
        if self.intervention_id is None:
            cannot.append(
                w(
                    "前后对比：数据中没有该地的干预事件。",
                    "A before/after comparison: no intervention is recorded.",
                )
            )
        elif n_both:
            can.append(w(f"{n_both}个指标的前后对比（按报道原样，含区间）。",
                         f"A before/after comparison of {plural(n_both, 'indicator')}, "
                         "as reported, with bounds."))  # fmt: skip
        else:
            cannot.append(w("前后对比：没有指标在分界两侧都有有年份的数据。",
                            "A before/after comparison: no indicator has dated figures on both "
                            "sides of the split."))  # fmt: skip
        if not self.income_facts().empty:
            can.append(w("人均收入与同年农村基准的量级比较。",
                         "An order-of-magnitude comparison of per-capita income with the rural "
                         "benchmark of the same year."))  # fmt: skip
        cannot.append(w("干预的因果效应：单个村庄没有反事实；因果结论需要多村面板（见笔记本05）。",
                        "An effect of any intervention: one village has no counterfactual; a "
                        "causal claim needs a panel of villages (notebook 05)."))  # fmt: skip
        undated = int(f["year"].isna().sum())
        if undated:
            cannot.append(w(f"把{undated}条无年份的数据放到时间上。",
                            f"Placing {plural(undated, 'undated fact')} in time."))  # fmt: skip
        n_conf = self.conflicts()["fact_id"].nunique() if len(f) else 0
        if n_conf:
            cannot.append(w(f"在{n_conf}条相互矛盾的数据之间作出选择：来源可能统计的是不同对象。",
                            f"Choosing between {n_conf} conflicting figures: the sources may "
                            "count different things."))  # fmt: skip
        if (used.index == "synthetic").any():
            cannot.append(w("任何实证结论：部分数据是模拟数据。",
                            "Any empirical claim: some of the data are simulated."))  # fmt: skip
        head_can, head_cannot = (
            w("**能支持：**", "**Can support:**"),
            w("**不能支持：**", "**Cannot support:**"),
        )
        return "\n".join([head_can, *[f"- {c}" for c in can], "", head_cannot,
                          *[f"- {c}" for c in cannot]])  # fmt: skip

    # --- saving ---------------------------------------------------------------------

    def figures_folder(self) -> Path:
        """Where this study's figures go: ``figures_dir()/<place_id>/``."""
        from ruralstudy.report import figures_dir

        return figures_dir() / self.place_id

    def save(self, ax: Axes | None, stem: str) -> None:
        """Save a figure of the study as PNG, SVG and PDF (nothing for None)."""
        if ax is None:
            return
        from ruralstudy import plot

        plot.save(ax.figure, self.figures_folder() / stem)


def year_text(years: pd.Series) -> list[str]:
    """Years as written, "2024" (no thousands separator), missing as —."""
    return [MISSING if pd.isna(y) else str(int(y)) for y in years]


def plural(n: int, word: str) -> str:
    """ "1 indicator", "2 indicators"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def side_text(table: pd.DataFrame, side: str) -> list[str]:
    """ "6亩 (1986)": a side's figure as reported with its year; — where there is none."""
    return [
        MISSING if pd.isna(year) else f"{format_value(text)} ({int(year)})"
        for text, year in zip(table[f"{side}_text"], table[f"{side}_year"], strict=True)
    ]


def both_sides(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of a before/after table with a figure on both sides."""
    if table.empty:
        return table
    return table[table["before_value"].notna() & table["after_value"].notna()]


def interval_text(value: float, lower: float, upper: float) -> str:
    """A value with its bounds: "3.2 [2.9, 3.5]", open bounds as "…", missing as —.

    >>> interval_text(2.0, 2.0, 3.0), interval_text(5.0, float("nan"), float("nan"))
    ('2 [2, 3]', '5 […, …]')
    """
    if pd.isna(value):
        return MISSING
    if lower == value == upper:
        return format_value(float(value))
    lo = "…" if pd.isna(lower) else format_value(float(lower))
    hi = "…" if pd.isna(upper) else format_value(float(upper))
    return f"{format_value(float(value))} [{lo}, {hi}]"


def bounds_text(row: pd.Series) -> str:
    """A fact's interval as its qualifier reads: exact, [a, b), ≥ a, < b, ≈."""
    q, lo, hi = row.get("qualifier"), row.get("lower"), row.get("upper")
    fmt = lambda x: format_value(float(x))  # noqa: E731
    if q == "exact":
        return "="
    if q == "approx":
        return "≈"
    if pd.notna(lo) and pd.notna(hi):
        return f"[{fmt(lo)}, {fmt(hi)}" + (")" if q == "plus" else "]")
    if pd.notna(lo):
        return f"≥ {fmt(lo)}" if q != "over" else f"> {fmt(lo)}"
    if pd.notna(hi):
        return f"< {fmt(hi)}"
    return MISSING
