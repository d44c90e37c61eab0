"""Score the quantity extractor on hand-made gold lists (issue 5 and issue 12 targets).

Matching: a gold row is found when an extracted span overlaps it.  An
extracted row is a false positive when it overlaps a trap or no gold/optional
row at all; rows on optional items are not scored.  A match is "right" when
value, bounds, unit and normalised value/bounds/unit all agree; its "bounds"
are right when value, lower and upper as written agree; its span is right
when it is the gold surface.  "rate units" is the share of the gold's rates
(norm_unit with a slash) found with the gold's rate unit.

The unseen list (issue 12) has a tuned part and a held-out part, scored apart.

Run as a script to print the scores and the misses:
    .venv/bin/python tests/test_extract_gold.py
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from ruralstudy.datasets import TEXTS_DIR
from ruralstudy.extract import extract_quantities

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = TEXTS_DIR / "gzrb-2025-10-village-governance.txt"  # the shipped source text
SEED_GOLD = FIXTURES / "seed_quantities_gold.tsv"
OWN_GOLD = FIXTURES / "own_quantities_gold.tsv"
OWN_TEXTS = FIXTURES / "own_texts"
UNSEEN_GOLD = FIXTURES / "unseen_quantities_gold.tsv"
UNSEEN_TEXTS = FIXTURES / "unseen_texts"
# The fresh list reads shipped source texts (data/sources) that no other list uses.
FRESH_GOLD = FIXTURES / "fresh_quantities_gold.tsv"
# The rates list: 18 further pages rich in rates, a DEV part (tuned) and a held-out part.
RATES_GOLD = FIXTURES / "rates_quantities_gold.tsv"
RATES_TEXTS = FIXTURES / "rates_texts"
# The second rates list: 10 further pages, all held out, scored once at the end of extract4.
RATES2_GOLD = FIXTURES / "rates2_quantities_gold.tsv"
RATES2_TEXTS = FIXTURES / "rates2_texts"
# The third rates list: 16 further pages (9 in Guizhou), all held out, scored once by the lead
# after the xrules and xspeed work (the gold was committed before the extractor met its texts).
RATES3_GOLD = FIXTURES / "rates3_quantities_gold.tsv"
RATES3_TEXTS = FIXTURES / "rates3_texts"
# The fourth and fifth lists (2026-12-01, evening): farmland pages and village-economy pages,
# each written by a different hand from its texts alone and committed before the extractor
# met them; scored once by the lead after the last rule change of that session.
# The sixth and seventh (2026-12-01, night): collective-economy pages and field-economy pages,
# written the same way and read by a second hand before any run.
LATER_LISTS = {
    name: (FIXTURES / f"{name}_quantities_gold.tsv", FIXTURES / f"{name}_texts")
    for name in (
        *("rates4", "rates5", "rates6", "rates7", "rates8", "rates9", "rates10", "rates11"),
        *("rates12", "rates13", "rates14", "rates15", "rates16", "rates17"),
        *("rates18", "rates19", "rates20", "rates21", "rates22", "rates23", "rates24"),
        *("rates25", "rates26", "rates27", "rates28", "rates29", "rates30"),
        *("rates31", "rates32", "rates33", "rates35", "rates36", "rates37", "rates38"),
        *("rates39", "rates40", "rates41", "rates42", "rates43", "rates44", "rates45"),
        *("rates46",),
    )
}
RAW = ["value", "lower", "upper"]
NUMERIC = ["value", "lower", "upper", "norm_value", "norm_lower", "norm_upper"]


def read_gold(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def gold_spans(text: str, row: dict) -> list[tuple[int, int]]:
    surface = row["surface"].replace("\\n", "\n")
    spans, i = [], text.find(surface)
    while i >= 0:
        spans.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    if row["occ"] == "*":
        return spans
    k = int(row["occ"])
    assert len(spans) >= k, f"gold surface {surface!r} occurrence {k} not in text"
    return [spans[k - 1]]


def _same(a: str, b: float) -> bool:
    if a == "":
        return math.isnan(b)
    return not math.isnan(b) and math.isclose(float(a), b, rel_tol=1e-4, abs_tol=1e-4)


def is_right(gold: dict, found: dict) -> bool:
    return (
        all(_same(gold[c], found[c]) for c in NUMERIC)
        and gold["unit"] == found["unit"]
        and gold["norm_unit"] == found["norm_unit"]
    )


def score(text: str, gold_rows: list[dict]) -> dict:
    """Precision, recall, share of matches right, and the rows behind them."""
    found = extract_quantities(text).to_dict("records")
    gold, other = [], []  # (span, row) pairs
    for row in gold_rows:
        for span in gold_spans(text, row):
            (gold if row["cls"] == "gold" else other).append((span, row))
    used, tp, right, wrong, fp = set(), 0, 0, [], []
    missed, bounds_right, span_right, rates, rates_right = [], 0, 0, 0, 0
    for span, row in gold:
        hit = next(
            (
                i
                for i, f in enumerate(found)
                if i not in used and f["start"] < span[1] and span[0] < f["end"]
            ),
            None,
        )
        is_rate = "/" in row["norm_unit"]
        rates += is_rate
        if hit is None:
            missed.append(row["surface"])
            continue
        used.add(hit)
        tp += 1
        f = found[hit]
        bounds_right += all(_same(row[c], f[c]) for c in RAW)
        span_right += (f["start"], f["end"]) == span
        rates_right += is_rate and f["norm_unit"] == row["norm_unit"]
        if is_right(row, found[hit]):
            right += 1
        else:
            wrong.append((row["surface"], found[hit]["text"], found[hit]["qualifier"]))
    for i, f in enumerate(found):
        if i in used:
            continue
        on = [r for (a, b), r in other if f["start"] < b and a < f["end"]]
        if not on or any(r["cls"] == "trap" for r in on):
            fp.append(f["text"])
    return {
        "precision": tp / (tp + len(fp)) if tp + len(fp) else 1.0,
        "recall": tp / len(gold) if gold else 1.0,
        "right": right / tp if tp else 0.0,
        "n_gold": len(gold),
        "tp": tp,
        "n_fp": len(fp),
        "n_right": right,
        "n_bounds": bounds_right,
        "n_span": span_right,
        "n_rates": rates,
        "n_rates_right": rates_right,
        "missed": missed,
        "false_positives": fp,
        "wrong": wrong,
    }


def pooled(texts: dict[str, str], rows: list[dict]) -> dict:
    """Scores pooled over texts (section -> text), each scored on its own gold rows."""
    total: dict = {}
    for section, text in texts.items():
        s = score(text, [r for r in rows if r["section"] == section])
        for k, v in s.items():
            if k.startswith("n_") or k == "tp":
                total[k] = total.get(k, 0) + v
            elif isinstance(v, list):
                total.setdefault(k, []).extend(
                    (section, *x) if isinstance(x, tuple) else f"{section}: {x}" for x in v
                )
    tp, fp = total.get("tp", 0), total.get("n_fp", 0)
    total["precision"] = tp / (tp + fp) if tp + fp else 1.0
    total["recall"] = tp / total["n_gold"] if total.get("n_gold") else 1.0
    for key, n in [("right", "n_right"), ("bounds", "n_bounds"), ("span", "n_span")]:
        total[key] = total[n] / tp if tp else 0.0
    total["rate_units"] = total["n_rates_right"] / total["n_rates"] if total["n_rates"] else 1.0
    return total


def score_unseen(part: str) -> dict:
    """The unseen list's ``part`` ("tuned" or "heldout"), pooled over its texts."""
    rows = [r for r in read_gold(UNSEEN_GOLD) if r["part"] == part]
    sections = sorted({r["section"] for r in rows})
    texts = {s: (UNSEEN_TEXTS / f"{s}.txt").read_text(encoding="utf-8") for s in sections}
    return pooled(texts, rows)


def score_rates(part: str) -> dict:
    """The rates list's ``part`` ("tuned", the DEV set, or "heldout"), pooled over its texts."""
    rows = [r for r in read_gold(RATES_GOLD) if r["part"] == part]
    sections = sorted({r["section"] for r in rows})
    texts = {s: (RATES_TEXTS / f"{s}.txt").read_text(encoding="utf-8") for s in sections}
    return pooled(texts, rows)


def score_rates2() -> dict:
    """The second rates list (every row held out), pooled over its texts."""
    rows = read_gold(RATES2_GOLD)
    sections = sorted({r["section"] for r in rows})
    texts = {s: (RATES2_TEXTS / f"{s}.txt").read_text(encoding="utf-8") for s in sections}
    return pooled(texts, rows)


def score_fresh() -> dict:
    """The fresh held-out list, pooled over its shipped source texts."""
    rows = read_gold(FRESH_GOLD)
    sections = sorted({r["section"] for r in rows})
    texts = {s: (TEXTS_DIR / f"{s}.txt").read_text(encoding="utf-8") for s in sections}
    return pooled(texts, rows)


def score_seed() -> dict:
    return score(SEED_TEXT.read_text(encoding="utf-8"), read_gold(SEED_GOLD))


def score_own() -> dict:
    """Pooled over the own texts: each text is scored on its own gold rows."""
    rows = read_gold(OWN_GOLD)
    pooled = {"tp": 0, "n_gold": 0, "fp": 0, "right": 0, "missed": [], "fps": [], "wrong": []}
    for section in sorted({r["section"] for r in rows}):
        text = (OWN_TEXTS / f"{section}.txt").read_text(encoding="utf-8")
        s = score(text, [r for r in rows if r["section"] == section])
        pooled["tp"] += s["tp"]
        pooled["n_gold"] += s["n_gold"]
        pooled["fp"] += len(s["false_positives"])
        pooled["right"] += round(s["right"] * s["tp"])
        pooled["missed"] += [f"{section}: {m}" for m in s["missed"]]
        pooled["fps"] += [f"{section}: {m}" for m in s["false_positives"]]
        pooled["wrong"] += [(section, *w) for w in s["wrong"]]
    tp = pooled["tp"]
    return {
        "precision": tp / (tp + pooled["fp"]) if tp + pooled["fp"] else 1.0,
        "recall": tp / pooled["n_gold"],
        "right": pooled["right"] / tp if tp else 0.0,
        "n_gold": pooled["n_gold"],
        "tp": tp,
        "missed": pooled["missed"],
        "false_positives": pooled["fps"],
        "wrong": pooled["wrong"],
    }


def test_unseen_gold_is_big_enough_and_split():
    rows = read_gold(UNSEEN_GOLD)
    for part in ("tuned", "heldout"):
        part_rows = [r for r in rows if r["part"] == part]
        assert sum(r["cls"] == "gold" for r in part_rows) >= 60
        assert sum(r["cls"] == "trap" for r in part_rows) >= 30
        assert sum(r["rate"] == "rate" for r in part_rows) >= 8
    tuned = {r["section"] for r in rows if r["part"] == "tuned"}
    assert tuned.isdisjoint({r["section"] for r in rows if r["part"] == "heldout"})
    assert {p.stem for p in UNSEEN_TEXTS.glob("*.txt")} == {r["section"] for r in rows}


def test_seed_gold_has_what_the_issue_says():
    rows = read_gold(SEED_GOLD)
    assert sum(r["cls"] == "gold" for r in rows) == 43
    assert sum(r["cls"] == "trap" for r in rows) == 50


def test_own_gold_is_big_enough():
    rows = read_gold(OWN_GOLD)
    assert sum(r["cls"] == "gold" for r in rows) >= 30
    assert sum(r["cls"] == "trap" for r in rows) >= 20


# Issue 5's targets, the documented minimum: precision and recall >= 0.98, bounds
# and normalised values right >= 0.95.  The extractor does better (1.000 on both
# lists, tests/fixtures/README.md), so the tests hold it there: texts, gold lists
# and extractor are all deterministic, so a score below 1 is a real change of
# behaviour, never noise.  A change that trades one miss for a wider gain must
# say so here and in the README's score table.


@pytest.mark.parametrize("scorer", [score_seed, score_own], ids=["seed", "own"])
def test_precision_and_recall(scorer):
    s = scorer()
    assert s["false_positives"] == [] and s["precision"] == 1.0
    assert s["missed"] == [] and s["recall"] == 1.0


@pytest.mark.parametrize("scorer", [score_seed, score_own], ids=["seed", "own"])
def test_bounds_and_normalised_values(scorer):
    s = scorer()
    assert s["wrong"] == [] and s["right"] == 1.0


# Issue 12's targets on unseen text: precision >= 0.99, recall >= 0.97, bounds right for
# >= 0.99 of matches, rate units right for >= 0.9 of rate figures.  The tuned part was
# developed on and is held at 1.000.  The held-out part was scored after each rule
# change and never tuned on; its two known misses (三五天, a loose range, and
# 十分之一都不到, "less than a tenth") went when the general rules behind them landed
# (numerals.parse_chinese's pairs, bounds after a figure), so it is held at 1.000 too.
# The fresh list (fixtures/fresh_quantities_gold.tsv) is the measurement on text the
# extractor had not met; its first run is in fixtures/README.md.


def test_unseen_tuned_part_meets_the_targets_in_full():
    s = score_unseen("tuned")
    assert s["false_positives"] == [] and s["missed"] == [] and s["wrong"] == []
    assert s["bounds"] == s["span"] == s["rate_units"] == 1.0


def test_unseen_held_out_part_meets_the_targets():
    s = score_unseen("heldout")
    assert s["false_positives"] == [] and s["missed"] == [] and s["wrong"] == []
    assert s["bounds"] == s["rate_units"] == 1.0 and s["n_rates"] >= 8


def test_fresh_list_is_big_enough_and_on_texts_no_other_list_uses():
    rows = read_gold(FRESH_GOLD)
    assert sum(r["cls"] == "gold" for r in rows) >= 90
    assert sum(r["cls"] == "trap" for r in rows) >= 70
    assert sum(r["rate"] == "rate" for r in rows) >= 20
    assert {r["part"] for r in rows} == {"heldout"}
    fresh = {r["section"] for r in rows}
    assert len(fresh) == 10 and all((TEXTS_DIR / f"{s}.txt").exists() for s in fresh)
    assert SEED_TEXT.stem not in fresh


# The fresh list's first run (the extractor as at 7779e0a, before any change) is in
# fixtures/README.md: precision 0.989, recall 0.979, bounds 0.989, rate units 0.773.
# The rules it showed missing were then written in general form (至少, 每股, 十来万,
# traditional 農民, 三类贫困村); the last one wrong, 23 万元 after "每年…出租，集体经济收入就有"
# (每年 in a clause before the figure's, not one of only a period), went with xrules's rule
# for a clause of what happens every year before a clause naming an income.
FRESH_WRONG: list[str] = []


def test_fresh_list_meets_the_targets():
    s = score_fresh()
    assert s["precision"] >= 0.99 and s["recall"] >= 0.97
    assert s["bounds"] >= 0.99 and s["rate_units"] >= 0.9
    assert s["false_positives"] == [] and s["missed"] == []
    assert [w[1] for w in s["wrong"]] == FRESH_WRONG


def test_rates_list_is_big_enough_split_and_on_new_texts():
    rows = read_gold(RATES_GOLD)
    held = [r for r in rows if r["part"] == "heldout"]
    dev = [r for r in rows if r["part"] == "tuned"]
    assert (
        sum(r["cls"] == "gold" for r in held) >= 60 and sum(r["rate"] == "rate" for r in held) >= 30
    )
    assert (
        sum(r["cls"] == "gold" for r in dev) >= 60 and sum(r["rate"] == "rate" for r in dev) >= 15
    )
    assert {r["section"] for r in held}.isdisjoint({r["section"] for r in dev})
    assert {p.stem for p in RATES_TEXTS.glob("*.txt")} == {r["section"] for r in rows}
    others = {p.stem for p in FIXTURES.glob("*_texts/*.txt") if p.parent != RATES_TEXTS}
    assert others.isdisjoint({r["section"] for r in rows})


def test_rates_dev_part_meets_the_targets_in_full():
    s = score_rates("tuned")
    assert s["false_positives"] == [] and s["missed"] == [] and s["wrong"] == []
    assert s["bounds"] == s["rate_units"] == 1.0


# The rates list's held-out part is issue 12's measurement on unseen text, scored once
# after the last rule change (fixtures/README.md): precision 0.985, recall 0.956, bounds
# 0.969, rate units 0.677 (21/31), below every target.  Rules written since for some of
# its miss classes (README; extract3, then extract4's parallel lists, 这5年来 / 经营6个月后
# and 至少 at a distance) lift it to 1.000, 0.985 (67/68), 1.000 and 0.871 (27/31): no
# longer a measurement on unseen text.  Held there so that a change which makes it worse
# shows.  xrules's sentence-level rules (a one-sided rate completed from its sentence, a
# restated measure) lift rate units to 0.968 (30/31): left are 一栋 (a lone 一 with a
# classifier) and 一畝地可得到800元 (the own list reads a lone 一亩 before a sum as no rate).
# xrates7's 一亩地 before what one 亩 brings (可得到, 能拿到) takes 一畝地可得到800元: 31/31.
# xrules10 re-read 一栋 as optional (a lone 一 with a classifier, as rates8 and rates10): 67/67.
def test_rates_held_out_part_is_no_worse_than_after_its_measurement():
    s = score_rates("heldout")
    assert s["false_positives"] == [] and s["tp"] >= 67 and s["n_gold"] == 67
    assert s["n_bounds"] == s["tp"] and s["n_rates_right"] >= 31 and s["n_rates"] == 31


def test_rates2_list_is_big_enough_held_out_and_on_new_texts():
    rows = read_gold(RATES2_GOLD)
    assert sum(r["cls"] == "gold" for r in rows) >= 100
    assert sum(r["rate"] == "rate" for r in rows) >= 30
    assert {r["part"] for r in rows} == {"heldout"}
    sections = {r["section"] for r in rows}
    assert {p.stem for p in RATES2_TEXTS.glob("*.txt")} == sections and len(sections) == 10
    others = {p.stem for p in FIXTURES.glob("*_texts/*.txt") if p.parent != RATES2_TEXTS}
    assert others.isdisjoint(sections)
    assert all(not (TEXTS_DIR / f"{s}.txt").exists() for s in sections)


def _long_lines(text: str, length: int = 30) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if len(ln.strip()) >= length]


# A list may hold fewer rates than 45 only where its second reader took a wrong rate row out
# and no rate-dense page was left to add before the one scoring (said in the list's header).
# rates31 (collective dividends): its pages give dividends as named members' sums and a
# named year's collective income, plain CNY; 41 rates among 217 gold rows.
# rates41 (villagers' pay): its second reader made three hour/day rows optional (no canonical
# unit), leaving 44 rates, with 20 texts already (the most a list holds).
FEWER_RATES = {"rates21": 44, "rates31": 41, "rates41": 44}


def _check_list_is_held_out_and_on_new_texts(gold_path: Path, texts_dir: Path) -> None:
    rows = read_gold(gold_path)
    gold = [r for r in rows if r["cls"] == "gold"]
    min_rates = FEWER_RATES.get(texts_dir.name.removesuffix("_texts"), 45)
    assert len(gold) >= 120 and sum(r["rate"] == "rate" for r in gold) >= min_rates
    assert {r["part"] for r in rows} == {"heldout"}
    sections = {r["section"] for r in rows}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in texts_dir.glob("*.txt")}
    assert set(texts) == sections and 10 <= len(sections) <= 20
    others = [p for p in FIXTURES.glob("*_texts/*.txt") if p.parent != texts_dir]
    assert {p.stem for p in others}.isdisjoint(sections)
    assert all(not (TEXTS_DIR / f"{s}.txt").exists() for s in sections)
    # Not shared by content either: no long line of these texts stands in another list's text
    # or in a shipped source text.
    elsewhere = "\n".join(
        p.read_text(encoding="utf-8") for p in others + sorted(TEXTS_DIR.glob("*.txt"))
    )
    shared = [ln for t in texts.values() for ln in _long_lines(t) if ln in elsewhere]
    assert shared == []
    for row in rows:  # every surface is in its text, as often as occ says
        assert gold_spans(texts[row["section"]], row), f"{row['surface']!r} not in {row['section']}"


def test_rates3_list_is_big_enough_held_out_and_on_new_texts():
    rows = read_gold(RATES3_GOLD)
    gold = [r for r in rows if r["cls"] == "gold"]
    assert len(gold) >= 130 and sum(r["rate"] == "rate" for r in gold) >= 70
    _check_list_is_held_out_and_on_new_texts(RATES3_GOLD, RATES3_TEXTS)


@pytest.mark.parametrize("name", sorted(LATER_LISTS))
def test_later_list_is_big_enough_held_out_and_on_new_texts(name):
    _check_list_is_held_out_and_on_new_texts(*LATER_LISTS[name])


# The second rates list is issue 12's measurement on unseen text after extract4's rules,
# scored once at its end (extractor as at 53a5317; gold committed before any run, 220f746):
# precision 1.000 (109/109), recall 0.982 (109/111), bounds 0.972 (106/109), rate units
# 0.655 (38/58); bounds and rate units below target (fixtures/README.md names the misses).
# Rules written after it for some of its miss classes (日收入/日挣, 每个人每天 as a lead
# clause, 亩均年产量, 高于/低于, 600元以上/晚) lift bounds to 0.982 (107/109) and rate units
# to 0.759 (44/58): no longer a measurement on unseen text.  Held there so that a change
# which makes it worse shows.  xrules's general rules for the classes left (a list under a
# header saying what it is per, a restated measure, a one-sided rate completed from its
# sentence, 一个家庭, pinyin glosses, a range between list items, 20%多) lift it to recall
# 1.000 (111/111), bounds 1.000 and rate units 1.000 (58/58), held there.
def test_rates2_list_is_no_worse_than_after_its_measurement():
    s = score_rates2()
    assert s["false_positives"] == [] and s["tp"] == s["n_gold"] == 111
    assert s["n_bounds"] == 111 and s["n_rates_right"] == s["n_rates"] == 58


def score_held_out_list(gold_path: Path, texts_dir: Path) -> dict:
    """A list whose every row is held out, pooled over its texts."""
    rows = read_gold(gold_path)
    sections = sorted({r["section"] for r in rows})
    texts = {s: (texts_dir / f"{s}.txt").read_text(encoding="utf-8") for s in sections}
    return pooled(texts, rows)


def score_rates3() -> dict:
    """The third rates list (every row held out), pooled over its texts."""
    return score_held_out_list(RATES3_GOLD, RATES3_TEXTS)


# The third rates list is issue 12's measurement on unseen text after the xrules rules and
# the xspeed changes, scored once (extractor as at 9f0ba07; gold committed before any run,
# 7a647eb): precision 0.979 (183/187), recall 0.973 (183/188), bounds 0.940 (172/183), rate
# units 0.838 (62/74); recall meets its target, precision, bounds and rate units do not
# (fixtures/README.md names the misses).  Since xrules5 wrote general rules for its miss
# classes it is no measurement any more, and it is held at the figures after them:
# precision 1.000 (186/186), recall 0.989 (186/188), bounds 1.000 (186/186), rate units
# 1.000 (74/74).
def test_rates3_list_is_no_worse_than_after_xrules5s_rules():
    s = score_rates3()
    assert s["tp"] >= 186 and s["n_gold"] == 188 and s["false_positives"] == []
    assert s["n_bounds"] == s["tp"] and s["n_rates_right"] == s["n_rates"] == 74


# The fourth and fifth lists are issue 12's measurement on unseen text after xrules5's rules
# and xspeed2's changes, scored once by the lead (extractor as at 22b9120; both golds
# committed before any run, and read a second time by a third hand, 247b828).  rates4
# (farmland, 157 gold): precision 1.000 (149/149), recall 0.949 (149/157), bounds 0.953
# (142/149), rate units 0.875 (42/48).  rates5 (village economy, 145 gold): precision 0.972
# (138/142), recall 0.952 (138/145), bounds 0.978 (135/138), rate units 0.622 (28/45).
# Pooled: precision 0.986, recall 0.950, bounds 0.965, rate units 0.753: every target missed
# (fixtures/README.md names the misses).  Held there so that a change which makes it worse
# shows; a rule written for its misses makes it a measurement no longer.  Since then the
# market 斤 (市斤, a unit the reader lacked) lifts rates5 to recall 0.959 (139/145), bounds
# 136 and rate units 0.756 (34/45): rates5 is no longer unseen.  After xrules6's rules for
# both lists' miss classes (neither is unseen now): rates4 recall 1.000 (157/157), bounds
# 156, rate units 47/48; rates5 recall 0.993 (144/145), no false positive, bounds 144, rate
# units 42/45 (fixtures/README.md).
# The sixth and seventh lists are issue 12's measurement on unseen text after xrules6's rules
# and xspeed3's changes, scored once by the lead (extractor as at 5603575; golds committed
# before any run and read by a second hand, 66497c4).  rates6 (collective economy, 193 gold):
# precision 0.995 (191/192), recall 0.990 (191/193), bounds 0.995 (190/191), rate units 0.898
# (44/49).  rates7 (crops, livestock, prices and wages, 158 gold): precision 0.993 (150/151),
# recall 0.949 (150/158), bounds 0.987 (148/150), rate units 0.767 (56/73).  Pooled:
# precision 0.994, recall 0.972, bounds 0.991 (targets met), rate units 0.820 (missed).
# xrules7's general rules for their non-rate miss classes (a space before 多, 角/毛 after a
# 每-denominator and before 1斤, ranges high to low, 粒, a bound then a figure, 超过了, 近四成,
# 百倍, a method's name; 半 alone, fixtures/README.md) tune both on them, so neither is
# unseen now: rates6 recall 1.000 (193/193), no false positive, bounds 193; rates7 recall
# 1.000 (158/158), no false positive, bounds 157, rate units 61/73; rates5 recall 145/145
# (大概半小时).  Held there.
# xrates7's general rate rules for their rate-unit misses (fixtures/README.md), merged with
# xrules7's: rates5 rate units 45/45, rates6 49/49, rates7 72/73 and bounds 158/158 (tuned).
MEASURED_LATER = {
    # xrules15: 约占 a few words before a share is about (约占…的三分之一): rates4 bounds 157/157.
    "rates4": {"tp": 157, "n_gold": 157, "fp": 0, "n_bounds": 157, "rates": (47, 48)},
    # 近N年 (近4天) alone re-read as relative time, a trap (2026-12-04, docs/DESIGN.md, Qualifiers):
    # rates5 one gold row fewer, rates9 four, rates22 one, and rates21 no false positive.
    "rates5": {"tp": 144, "n_gold": 144, "fp": 0, "n_bounds": 144, "rates": (45, 45)},
    "rates6": {"tp": 193, "n_gold": 193, "fp": 0, "n_bounds": 193, "rates": (49, 49)},
    # (2026-12-04: 未來的20天之內 re-read as within, under, with 之内 as a bound: bounds 158/158)
    "rates7": {"tp": 158, "n_gold": 158, "fp": 0, "n_bounds": 158, "rates": (72, 73)},
    # The eighth and ninth lists: issue 12's measurement on unseen text after xrules7's and
    # xrates7's rules, scored once by the lead (extractor as at f0fc806; golds committed before
    # any run and read by a second hand).  rates8 (rural tourism, 166 gold): precision 1.000,
    # recall 0.904 (150/166), bounds 0.987 (148/150), rate units 0.786 (44/56).  rates9 (land,
    # 178 gold spans): precision 0.972 (171/176), recall 0.961 (171/178), bounds 0.965
    # (165/171), rate units 0.745 (41/55).  Pooled: precision 0.985, recall 0.933, bounds
    # 0.975, rate units 0.766: every target missed (fixtures/README.md names the misses).
    # Tuned lists since (xrules8's rules, non-rate classes, looked at their misses): held at
    # what they read after them (rates8: recall 165/166, bounds 165/165; rates9: recall
    # 178/178, 2 false positives, bounds 175/178).
    # Tuned lists since: xrates8's rate rules (一亩地 leading a clause or a figure, 一股, 标间,
    # 半天, 住一晚, 一个人吃饭, 年上交税金, 单产, the parts of a spending per visit, X的也, 一亩
    # and its crop) lift rate units to 0.982 (55/56) and 0.964 (53/55), rates9's false
    # positives to 3 and bounds to 167/171.  Both merged: rates8 reads 1.000 throughout
    # (166/166, rate units 56/56); rates9 recall 178/178, no false positive, bounds 177/178,
    # rate units 54/55.  Held there.
    # The tenth and eleventh lists: issue 12's measurement on unseen text after xrules8's and
    # xrates8's rules, scored once by the lead (extractor as at b8e24e8; golds committed
    # before any run and read by a second hand).  rates10 (collective economy, dividends,
    # livestream sales; 178 gold spans): precision 1.000, recall 0.972 (173/178), bounds
    # 0.983 (170/173), rate units 0.833 (40/48).  rates11 (wages, livestock, tea, relocation;
    # 145 gold spans): precision 0.972 (140/144), recall 0.966 (140/145), bounds 0.979
    # (137/140), rate units 0.921 (58/63).  Pooled: precision 0.987, recall 0.969, bounds
    # 0.981, rate units 0.883: each just under its target (fixtures/README.md names the misses).
    # Tuned lists since (xrules9: 元钱, kg, 外三元, 十二三, 款, 消费者, 多层, 万块的,
    # prefixes 大概在, 最低, 不过就是, 一人 touching a sum, 每斤…五毛, 扛过): rates10
    # recall 177/178, bounds 175/177, rate units 42/48; rates11 recall 145/145, no false
    # positive, bounds 145/145.  xrules10 re-read rates10's 两个小时后 as relative time
    # (optional, as its 兩個月后): 177 gold spans, all found; and its 最多賣五六塊錢 as at
    # most 6 (DESIGN.md's 最多), as the extractor reads it: bounds 176/177.
    # xrates10's rate rules (a 每年 leading the clause of a 户均 sum, 的人均 after a sum, a 每人
    # list head, 夫妻俩…各, 每安置一名, 劳均, 每公顷, 每平米, 月租, a clause led by 每户 heading
    # the income after it): rates10 rate units 45/48, rates11 63/63.
    # 劳均年收入 re-read as CNY/person (DESIGN.md): rates10 rate units 47/48.
    # xrules11: a bound word before a 每-word bounds the rate (差不多每亩460斤): bounds 177/177.
    "rates10": {"tp": 177, "n_gold": 177, "fp": 0, "n_bounds": 177, "rates": (47, 48)},
    "rates11": {"tp": 145, "n_gold": 145, "fp": 0, "n_bounds": 145, "rates": (63, 63)},
    "rates8": {"tp": 166, "n_gold": 166, "fp": 0, "n_bounds": 166, "rates": (56, 56)},
    # xrules10: a negated reaching is at most (沒收入下1萬塊錢): rates9 bounds 178/178.
    "rates9": {"tp": 174, "n_gold": 174, "fp": 0, "n_bounds": 174, "rates": (54, 55)},
    # The twelfth and thirteenth lists are issue 12's measurement on unseen text after xrules10,
    # xrates10 and xrules11, scored once by the lead (extractor as at 3ef72ff; golds committed
    # before any run and read by a second hand).  rates12 (subsidies, cadre pay, public works;
    # 186 gold spans): precision 0.963 (184/191), recall 0.989 (184/186), bounds 1.000, rate
    # units 0.750 (45/60).  rates13 (understory economy, rice-paddy fish, chili, kiwifruit; 163
    # gold spans): precision 1.000 (158/158), recall 0.969 (158/163), bounds 0.987 (156/158),
    # rate units 0.736 (39/53).  Pooled: precision 0.980, recall 0.980, bounds 0.994, rate units
    # 0.743: recall and bounds meet their targets, precision and rate units do not.
    # xrules12: a campaign's years are its name (三年大决战): rates12 no false positive; 尾 counts
    # fish, 两块六左右, 不过 after a word, 産 folded (畝産): rates13 recall 161/163, bounds
    # 160/161, rate units 42/53; villages counted bare (142村1120组): rates12 recall 186/186.
    # Tuned since (xrates11: the parts of a per-亩 grant after 其中, the ordinal 第一年, the
    # variant 産; 亩收/亩增; 年 leading 产值; 产值 after 亩产; a pay list's total): rates12 rate
    # units 45 -> 56, rates13 39 -> 47.
    # Conventions settled after it (the lists' headers): 年人均补助 CNY/person (DESIGN.md), a weight
    # with 每天 not attached kg (the older lists): rates12 rate units 59/60, rates13 48/49.
    "rates12": {"tp": 186, "n_gold": 186, "fp": 0, "n_bounds": 186, "rates": (59, 60)},
    # 100万余斤 re-read as [100万, 101万) (DESIGN.md: 余 after 万 steps one 万): bounds 161/161.
    # xrules15: a noun counted after 万 with a word between (25万猕猴桃种植农民, 超过50万农业人口):
    # recall 163/163, bounds 163.
    "rates13": {"tp": 163, "n_gold": 163, "fp": 0, "n_bounds": 163, "rates": (48, 49)},
    # The fourteenth and fifteenth lists are issue 12's measurement on unseen text after the
    # rules written on rates12/13 (xrules12, xrates11), scored once by the lead (extractor as at
    # 86c7c0f; golds committed before any run and read by a second hand).  rates14 (field crops
    # and their services; 150 gold spans): precision 0.993 (149/150), recall 0.993 (149/150),
    # bounds 1.000, rate units 0.824 (42/51).  rates15 (houses, buildings and rents; 143 gold
    # spans): precision 0.965 (138/143), recall 0.965 (138/143), bounds 0.971 (134/138), rate
    # units 0.654 (34/52).  Pooled: precision 0.980, recall 0.980, bounds 0.986, rate units
    # 0.738 (76/103): recall meets its target, the others do not.
    # Then xrates12 (the signs ㎡ ㎏ ㎞ m², the division and fraction slashes ∕ ⁄ as /, • between
    # denominators; 户均/人均 before an area or weight with a noun between; 斤价, 吨价, 亩租; a
    # clause led by 一间): rates14 rate units 42 -> 47, rates15 34 -> 49 (now seen: no measurement).
    # xrules13: 瓶, 席, 样 count (700万瓶, 14席, 三样): rates14 recall 150/150, rates15 140/143;
    # two-digit years by their context (19年數據, 20年對比): rates15 false positives 5 -> 3;
    # 两头跑 (both ends), 人妻 and 人民 after a number: rates14 fp 1 -> 0, rates15 3 -> 2;
    # 5万块 before a word of money, 不到半年: rates15 recall 142/143, bounds 138/142; 近 after
    # 了 is nearly (废弃了近20年, under): bounds 139/142; 没 before a span of time is under (沒半個
    # 月): bounds 140/142.  xrates14: a change of the yield per 亩 (畝產量比去年增加60斤): rates14
    # rate units 48/51.
    "rates14": {"tp": 150, "n_gold": 150, "fp": 0, "n_bounds": 150, "rates": (48, 51)},
    # xrules15: 2萬多農(nóng)村危房戶 (a noun with a word between, the gloss joined over): recall
    # 143/143; a firm's name in a list of names (三棵树) and a two-digit year after one the text
    # dated (20年平庫): no false positive; 分别约为 bounds each item: bounds 143/143.
    "rates15": {"tp": 143, "n_gold": 143, "fp": 0, "n_bounds": 143, "rates": (49, 52)},
    # The sixteenth and seventeenth lists are issue 12's measurement on unseen text after the
    # rules written on rates14/15 (xrules13, xrates12), scored once by the lead (extractor as at
    # 50b301b; golds committed before any run and read by a second hand).  rates16 (forests,
    # oil-tea, bamboo, carbon sinks; 202 gold spans): precision 0.995 (196/197), recall 0.970
    # (196/202), bounds 0.990 (194/196), rate units 0.729 (43/59).  rates17 (rural finance and
    # insurance; 189 gold spans): precision 1.000 (184/184), recall 0.974 (184/189), bounds
    # 0.962 (177/184), rate units 0.909 (50/55).  Pooled: precision 0.997, recall 0.972, bounds
    # 0.976, rate units 0.816 (93/114): precision and recall meet their targets, bounds and rate
    # units do not.  Raised after xrates13's rules (年 before a yield or a gain; 2块多一斤; 该村)
    # and xrules14's ((含)以上, 以內, 3年期以内; the classifiers 根 趟 季 档 股份 and bare 省).
    # xrates14's (一斤 after 按照 in the price's span; counts with 每户/每亩 attached; 年出栏/年产
    # before a count and a 、-item after a yearly yield; 每个特困户, a 每人 lead after its holders):
    # rates16 no false positive, bounds 202/202, rate units 54/59; rates17 rate units 55/55.
    "rates16": {"tp": 202, "n_gold": 202, "fp": 0, "n_bounds": 202, "rates": (54, 59)},
    "rates17": {"tp": 189, "n_gold": 189, "fp": 0, "n_bounds": 189, "rates": (55, 55)},
    # The nineteenth and twentieth lists are issue 12's measurement on unseen text after the
    # rules written on the tuned lists (xrules14, xrates13, xrules15, xrates14), scored once by
    # the lead (extractor as at 67f223c; golds committed before any run and read by a second
    # hand).  rates19 (fisheries and aquaculture; 175 gold spans): precision 0.972 (173/178),
    # recall 0.989 (173/175), bounds 0.988 (171/173), rate units 0.917 (55/60).  rates20
    # (school meals, pupils' aid, low-income allowances, pensions; 137 gold spans): precision
    # 0.949 (131/138), recall 0.956 (131/137), bounds 0.977 (128/131), rate units 0.776 (45/58).
    # Pooled: precision 0.962, recall 0.974, bounds 0.984, rate units 0.847 (100/118): recall
    # meets its target, the others do not (fixtures/README.md names the misses).
    # Tuned since by xrates15 (a pupil per person, 元/生?年, a spaced X - Y range, 日销 per day,
    # a catch per 亩 with words between, a price restated after 一斤…卖): rates19 rate units
    # 59/60; rates20 bounds 131/131, fp 6, rate units 58/58 (and 1份价值3元 after 每人每天).
    # xrules16 (persons and 县 counted bare, 过 after a verb, 超过有, dated lines, 社区三组,
    # 三倍體): rates19 recall 175/175, fp 3, bounds 175; rates20 recall 137/137, fp 2, bounds 134.
    # Both merged: rates19 recall 175/175, fp 3, bounds 175, rate units 59/60; rates20 recall
    # 137/137, fp 1, bounds 137, rate units 58/58.
    "rates19": {"tp": 175, "n_gold": 175, "fp": 3, "n_bounds": 175, "rates": (59, 60)},
    "rates20": {"tp": 137, "n_gold": 137, "fp": 1, "n_bounds": 137, "rates": (58, 58)},
    # The eighteenth and twenty-first lists are issue 12's measurement on unseen text after the
    # rules written on rates19/20 (xrates15, xrules16), scored once by the lead (extractor as at
    # 92ea19a; golds committed before any run and read by a second hand).  rates18 (rural
    # e-commerce, parcels and couriers' pay; 146 gold spans): precision 0.993 (141/142), recall
    # 0.966 (141/146), bounds 0.965 (136/141), rate units 0.885 (46/52).  rates21 (solar
    # poverty relief, drinking water, roads, house repairs; 185 gold spans): precision 0.994
    # (180/181), recall 0.973 (180/185), bounds 1.000 (180/180), rate units 0.800 (36/45; 5 of
    # the 9 misses are money per 公里, a denominator the reader lacks).  Pooled: precision 0.994,
    # recall 0.970, bounds 0.984, rate units 0.845 (82/97): precision and recall meet their
    # targets, bounds and rate units do not (fixtures/README.md names the misses).
    # Tuned since: 单 (orders) and 枚 counted (tests/test_extract_rules17.py): rates18 recall
    # 146/146, bounds 141.  Then (2026-12-03) money per 公里, a 、-item's period, a bracketed
    # label before a denominator (tests/test_extract_rate_rules16.py); X内 under, 约为每, 年交易额,
    # 日产能, 月…提成, 兄弟二人, 分三期 (tests/test_extract_rules18.py): rates18 bounds 144, rate
    # units 49/52; rates21 recall 183/185, bounds 183, rate units 43/45.
    # (2026-12-03, later: the views after a posting time are no quantity; rates18 no false
    # positive)
    "rates18": {"tp": 146, "n_gold": 146, "fp": 0, "n_bounds": 144, "rates": (49, 52)},
    "rates21": {"tp": 183, "n_gold": 185, "fp": 0, "n_bounds": 183, "rates": (43, 45)},
    # The twenty-second to twenty-fourth lists (2026-12-03) are issue 12's measurement on unseen
    # text after xrates16/xrules18 (written on rates18/21), each scored once by the lead; golds
    # committed before any run, each read by a second hand.  rates24 (bees, silk, medicinal
    # herbs; 216 gold spans), extractor at 390dab0: precision 1.000 (208/208), recall 0.963
    # (208/216), bounds 1.000 (208/208), rate units 0.791 (87/110).  rates23 (relocation,
    # workshops, public-welfare posts, work-for-relief; 190 gold spans), extractor at 6dcfe28
    # (xrules19's rules, written on rates24, in): precision 0.989 (187/189), recall 0.984
    # (187/190), bounds 0.995 (186/187), rate units 0.925 (49/53).  rates22 (livestock and
    # poultry; 206 gold spans), extractor at a50a05e (xrules19 and xrules20 in, written on
    # rates24 and rates23): precision 0.995 (205/206), recall 0.995 (205/206), bounds 1.000
    # (205/205), rate units 0.907 (49/54).  Pooled (612 gold spans): precision 0.995 (600/603),
    # recall 0.980 (600/612), bounds 0.998 (599/600), rate units 0.853 (185/217): precision,
    # recall and bounds meet their targets, rate units do not (rates24's 0.791).
    # Tuned since: xrules19 on rates24 (toneless glosses, 群, 亩用种, 之间/公斤 …): rates24 recall
    # 216/216, bounds 216, rate units 94/110; xrules20 on rates23 (近 after a verb, a date's
    # month and day, 轮, 双, 月增收): rates23 recall 189/190, no false positive, bounds 189, rate
    # units 51/53 (tests/test_extract_rules19.py, tests/test_extract_rules20.py).
    # Tuned since: xrules21 on rates22 (a plan's name, 两月, 年可孵化/年可加工, 村民平均收入;
    # tests/test_extract_rules21.py): recall 206/206, no false positive, rate units 52/54.
    "rates22": {"tp": 205, "n_gold": 205, "fp": 0, "n_bounds": 205, "rates": (52, 54)},
    "rates23": {"tp": 189, "n_gold": 190, "fp": 0, "n_bounds": 189, "rates": (51, 53)},
    # (later: income after a yield per 亩 in its sentence, 种植1亩…需要; rates24 rate units 100/110)
    # (2026-12-04: a sum that is the yield per 亩 times the price, tests/test_extract_rules30.py:
    # rate units 102/110)
    "rates24": {"tp": 216, "n_gold": 216, "fp": 0, "n_bounds": 216, "rates": (102, 110)},
    # The twenty-fifth to twenty-seventh lists (2026-12-03, evening) are issue 12's measurement
    # on unseen text after xrules22 (written on sentences of the lead's and rates24's budget
    # page), scored once by the lead at 65a6b9c; golds committed before any run, each read by a
    # second hand.  rates25 (village events, food and crafts; 135 gold spans): precision 0.985
    # (134/136), recall 0.993 (134/135), bounds 1.000 (134/134), rate units 0.913 (42/46).
    # rates26 (fruit orchards and picking; 161): precision 0.981 (156/159), recall 0.969
    # (156/161), bounds 0.987 (154/156), rate units 0.907 (49/54).  rates27 (farm services and
    # inputs; 163): precision 0.994 (160/161), recall 0.982 (160/163), bounds 1.000 (160/160),
    # rate units 0.948 (55/58).  Pooled (459 gold spans): precision 0.987 (450/456), recall
    # 0.980 (450/459), bounds 0.996 (448/450), rate units 0.924 (146/158): recall, bounds and
    # rate units meet their targets, precision does not (0.99).
    # Tuned since: xrules23 on all three (tests/test_extract_rules23.py); rates25's 十年來 made
    # gold 十年 by the lead after the scoring (the older lists read X年来 as a duration).
    # (2026-12-04, xrules30/31: rates25 rate units 45/46, rates28 47/53, rates29 63/68)
    "rates25": {"tp": 136, "n_gold": 136, "fp": 0, "n_bounds": 136, "rates": (45, 46)},
    "rates26": {"tp": 161, "n_gold": 161, "fp": 0, "n_bounds": 161, "rates": (54, 54)},
    "rates27": {"tp": 162, "n_gold": 163, "fp": 0, "n_bounds": 162, "rates": (57, 58)},
    # The twenty-eighth to thirtieth lists (2026-12-03, evening), the next measurement: rates29
    # (tea gardens and pickers; 165 gold spans) and rates30 (vegetables, greenhouses, fungi; 226)
    # scored once at 861091f (xrules23, written on rates25-27, in): rates29 precision 0.994
    # (165/166), recall 1.000, bounds 0.982 (162/165), rate units 0.882 (60/68); rates30
    # precision 0.986 (217/220), recall 0.960 (217/226), bounds 1.000, rate units 0.919 (57/62).
    # rates28 (scenic and outdoor activities; 141) scored once at 4f01241 (xrules24, written on
    # rates29/30, in): precision 1.000 (138/138), recall 0.979 (138/141), bounds 0.993
    # (137/138), rate units 0.679 (36/53).  Pooled (532 gold spans): precision 0.992 (520/524),
    # recall 0.977 (520/532), bounds 0.992 (516/520), rate units 0.836 (153/183): precision,
    # recall and bounds meet their targets, rate units do not.
    # Tuned since: xrules24 on rates29/30, xrules25 on rates28 (tests/test_extract_rules24.py,
    # tests/test_extract_rules25.py).  rates29's 最低680元/斤 (exact in its second reading, after
    # DESIGN.md) against rates11's 最低8块一斤 (over): a convention the lists disagree on.
    "rates28": {"tp": 141, "n_gold": 141, "fp": 0, "n_bounds": 140, "rates": (47, 53)},
    "rates29": {"tp": 165, "n_gold": 165, "fp": 0, "n_bounds": 164, "rates": (63, 68)},
    "rates30": {"tp": 226, "n_gold": 226, "fp": 2, "n_bounds": 226, "rates": (60, 62)},
    # The thirty-first and thirty-second lists (2026-12-03, night), the third measurement of
    # the evening, each scored once at c8993e7 (xrules25, written on rates28, in): rates31
    # (collective income and dividends; 234 gold spans) precision 0.987 (234/237), recall 1.000,
    # bounds 0.987 (231/234), rate units 0.854 (35/41); rates32 (homestays and farmhouse inns;
    # 165) precision 0.936 (161/172), recall 0.976 (161/165), bounds 0.969 (156/161), rate units
    # 0.885 (46/52).  Pooled (399): precision 0.966 (395/409), recall 0.990 (395/399), bounds
    # 0.980 (387/395), rate units 0.871 (81/93): recall meets its target, the others do not.
    # Since: rates31's four rows of a year's income per head made CNY/person by the lead after
    # DESIGN.md (its header says so; 39/41 under it); xrules26 on rates32
    # (tests/test_extract_rules26.py).  A household's 年均收入 per household (2026-12-04,
    # tests/test_extract_rules29.py): rates32 rate units 47/52.
    "rates31": {"tp": 234, "n_gold": 234, "fp": 3, "n_bounds": 231, "rates": (39, 41)},
    # (2026-12-04: 不下20间 over, tests/test_extract_rules30.py: bounds 160)
    "rates32": {"tp": 164, "n_gold": 165, "fp": 7, "n_bounds": 160, "rates": (47, 52)},
    # The thirty-third list (abandoned farmland brought back into use, and what it yields; 208
    # gold spans, 20 texts), written 2026-12-03/04 and scored once at 91a5c23 (OpenCC's t2s in
    # the scan copy): precision 0.986 (206/209), recall 0.990 (206/208), bounds 0.990 (204/206),
    # rate units 0.765 (52/68): recall and bounds meet their targets, precision and rate units
    # do not.  Tuned since: xrules28 on its classes (tests/test_extract_rules28.py); a household's
    # 年均收入 per household (tests/test_extract_rules29.py): rate units 61/68.
    "rates33": {"tp": 208, "n_gold": 208, "fp": 0, "n_bounds": 207, "rates": (61, 68)},
    # The thirty-fifth list (rural old people's canteens, pensions and their costs; 181 gold
    # spans, 18 texts; rates34 was never written), scored once at 3a75461 (xrules28 in):
    # precision 0.973 (179/184), recall 0.989 (179/181), bounds 0.989 (177/179), rate units
    # 0.853 (58/68): recall meets its target, the others do not.  Tuned since: xrules29 on its
    # classes (tests/test_extract_rules29.py).
    "rates35": {"tp": 179, "n_gold": 181, "fp": 2, "n_bounds": 178, "rates": (63, 68)},
    # The thirty-sixth and thirty-seventh lists (2026-12-04, evening; golds committed before any
    # run, each read by a second hand), scored once at 4d8fed1: rates36 (village tourism money:
    # events, homestays and hotels per night, guides, dividends; 182 gold spans, 20 texts)
    # precision 0.963 (180/187), recall 0.989 (180/182), bounds 0.978 (176/180), rate units 0.880
    # (44/50); rates37 (land: transfer rents, land shares, farmland brought back, yields and costs
    # per 亩; 194 gold spans, 16 texts) precision 0.970 (193/199), recall 0.995 (193/194), bounds
    # 0.969 (187/193), rate units 0.768 (43/56).  Pooled (376): precision 0.966, recall 0.992,
    # bounds 0.973, rate units 0.821: recall meets its target, the others do not.  Tuned since on
    # both (tests/test_extract_rules30.py).
    "rates36": {"tp": 181, "n_gold": 182, "fp": 4, "n_bounds": 177, "rates": (49, 50)},
    "rates37": {"tp": 193, "n_gold": 194, "fp": 2, "n_bounds": 188, "rates": (48, 56)},
    # The thirty-eighth list (Guizhou's specialty crops: 刺梨, 猕猴桃, 樱桃, 火龙果, fungi, ginger;
    # 215 gold spans, 20 texts, all in Guizhou; gold committed before any run and read by a second
    # hand), scored once at 41228a6 (xrules30 in): precision 1.000 (215/215), recall 1.000, bounds
    # 0.981 (211/215), rate units 0.923 (48/52): all but bounds meet their targets.  Tuned since:
    # 不下 and 之内 as bounds, 每年 heading a clause past an area (tests/test_extract_rules30.py):
    # bounds 214/215, rate units 49/52.
    # (约300多万元 plus, docs/DESIGN.md: bounds 215/215)
    "rates38": {"tp": 215, "n_gold": 215, "fp": 0, "n_bounds": 215, "rates": (49, 52)},
    # The thirty-ninth and fortieth lists (2026-12-04, evening; golds committed before any run,
    # each read by a second hand), scored once at 8d80bf2: rates39 (village collective economies:
    # income by year, dividends per share, household and person, rents per 亩; 221 gold spans, 20
    # texts) precision 0.986 (215/218), recall 0.973 (215/221), bounds 0.995 (214/215), rate units
    # 0.925 (49/53); rates40 (homestays, farmhouse inns and summer stays; 171 gold spans, 20 texts)
    # precision 0.975 (158/162), recall 0.924 (158/171), bounds 0.943 (149/158), rate units 0.796
    # (39/49).  Pooled (392): precision 0.982, recall 0.952, bounds 0.973, rate units 0.863: every
    # target missed.  Tuned since on both (tests/test_extract_rules31.py).
    "rates39": {"tp": 216, "n_gold": 221, "fp": 3, "n_bounds": 215, "rates": (51, 53)},
    # (约 with 多/余 plus: rates40 bounds 162; a table's rows under its heading's 人均: rate units
    # 47/49)
    "rates40": {"tp": 169, "n_gold": 171, "fp": 3, "n_bounds": 162, "rates": (47, 49)},
    # The forty-first and forty-second lists (2026-12-04, night; golds committed before any run,
    # each read by a second hand).  rates42 (grain and oilseed: sorghum for liquor makers,
    # potatoes, rice, rapeseed; 164 gold spans, 20 texts), scored once at ac0a8b9 (xrules31 and
    # the table rule in): precision 1.000 (162/162), recall 0.988 (162/164), bounds 0.988
    # (160/162), rate units 0.923 (48/52).  rates41 (villagers' pay: day wages, workshops,
    # public-welfare posts, migrant incomes; 159 gold spans, 20 texts), scored once at 38a476d
    # (rates42's rules in): precision 0.952 (157/165), recall 0.987 (157/159), bounds 0.924
    # (145/157), rate units 0.795 (35/44); its gold then mended by the lead (eleven approx rows
    # had lower = upper = value, 半個月 had no row): precision 0.957, bounds 0.981 (154/157) at
    # the same commit.  Pooled (323, mended): precision 0.979, recall 0.988, bounds 0.984, rate
    # units 0.865.  Tuned since (tests/test_extract_rules31.py, tests/test_extract_rules32.py).
    "rates41": {"tp": 158, "n_gold": 159, "fp": 0, "n_bounds": 155, "rates": (38, 44)},
    "rates42": {"tp": 163, "n_gold": 164, "fp": 0, "n_bounds": 161, "rates": (49, 52)},
    # The forty-third and forty-fourth lists (2026-12-04, night; golds committed before any run,
    # each read by a second hand), scored once at 1ac2b28 (xrules32 in): rates43 (ecological
    # compensation and forest work; 180 gold spans, 20 texts) precision 0.989 (180/182), recall
    # 1.000, bounds 1.000, rate units 0.941 (48/51); rates44 (village crafts and their pay; 158
    # gold spans, 20 texts) precision 0.994 (154/155), recall 0.975 (154/158), bounds 1.000
    # (154/154), rate units 0.920 (46/50).  Pooled (338): precision 0.991, recall 0.988, bounds
    # 1.000, rate units 0.931: every target met.  Tuned since (tests/test_extract_rules33.py).
    "rates43": {"tp": 180, "n_gold": 180, "fp": 1, "n_bounds": 180, "rates": (50, 51)},
    "rates44": {"tp": 157, "n_gold": 158, "fp": 1, "n_bounds": 157, "rates": (48, 50)},
    # The forty-fifth and forty-sixth lists (2026-12-04, night; golds committed before any run,
    # each read by a second hand; neither needs Guizhou).  rates46 (land outside Guizhou, three
    # of its 14 texts web-novel chapters on renting village land; 124 gold spans), scored once at
    # f72122c (xrules33 in): precision 0.976 (120/123), recall 0.968 (120/124), bounds 0.975
    # (117/120), rate units 0.760 (38/50).  rates45 (rural tourism money outside Guizhou; 199
    # gold spans, 20 texts), scored once at 2f7cc1c (rules written on rates46 in): precision
    # 0.980 (195/199), recall 0.980 (195/199), bounds 0.974 (190/195), rate units 0.879 (51/58).
    # Pooled (323): precision 0.978, recall 0.975, bounds 0.975, rate units 0.824: recall meets
    # its target, the others do not.  Tuned since (tests/test_extract_rules33.py).
    "rates45": {"tp": 195, "n_gold": 199, "fp": 4, "n_bounds": 190, "rates": (53, 58)},
    "rates46": {"tp": 123, "n_gold": 124, "fp": 3, "n_bounds": 120, "rates": (41, 50)},
}


@pytest.mark.parametrize("name", sorted(MEASURED_LATER))
def test_later_list_is_no_worse_than_at_its_measurement(name):
    s, m = score_held_out_list(*LATER_LISTS[name]), MEASURED_LATER[name]
    assert s["tp"] >= m["tp"] and s["n_gold"] == m["n_gold"]
    assert len(s["false_positives"]) <= m["fp"] and s["n_bounds"] >= m["n_bounds"]
    assert s["n_rates_right"] >= m["rates"][0] and s["n_rates"] == m["rates"][1]


def test_scorer_counts_a_trap_as_false_positive():
    numbers = dict.fromkeys(NUMERIC, "300") | {"unit": "亩", "norm_unit": "ha"}
    gold = [
        {"cls": "gold", "surface": "300亩", "occ": "1", **numbers},
        {"cls": "trap", "surface": "八月瓜", "occ": "*"},
    ]
    s = score("整合300亩，发展8个八月瓜基地", gold)
    assert (s["recall"], s["right"]) == (1.0, 0.0)  # found, but 300亩 is 20 ha, not 300
    assert s["false_positives"] == ["8个"]  # 8个 overlaps nothing gold or optional
    assert s["precision"] == 0.5


def _summary(name: str, s: dict) -> str:
    line = (
        f"{name}: precision {s['precision']:.3f}  recall {s['recall']:.3f} "
        f"({s['tp']}/{s['n_gold']})  right {s['right']:.3f}"
    )
    if "bounds" in s:
        line += (
            f"  bounds {s['bounds']:.3f}  spans {s['span']:.3f}  rate units "
            f"{s['rate_units']:.3f} ({s['n_rates_right']}/{s['n_rates']})"
        )
    return line


if __name__ == "__main__":
    import sys

    # The held-out part's misses are printed only on request, so that tuning never sees them.
    show = {"seed", "own", "unseen-tuned", "rates-dev"}
    if "--heldout" in sys.argv:
        show |= {
            "unseen-heldout",
            "fresh-heldout",
            "rates-heldout",
            "rates2-heldout",
            "rates3-heldout",
        } | {f"{later}-heldout" for later in LATER_LISTS}
    scorers = [("seed", score_seed), ("own", score_own)]
    scorers += [("unseen-tuned", lambda: score_unseen("tuned"))]
    scorers += [("unseen-heldout", lambda: score_unseen("heldout"))]
    scorers += [("fresh-heldout", score_fresh)]
    scorers += [("rates-dev", lambda: score_rates("tuned"))]
    scorers += [("rates-heldout", lambda: score_rates("heldout"))]
    scorers += [("rates2-heldout", score_rates2)]
    scorers += [("rates3-heldout", score_rates3)]
    for later, paths in LATER_LISTS.items():
        if paths[0].exists():
            scorers += [(f"{later}-heldout", lambda p=paths: score_held_out_list(*p))]
    for name, fn in scorers:
        s = fn()
        print(_summary(name, s))
        if name in show:
            for key in ("missed", "false_positives", "wrong"):
                for item in s[key]:
                    print(f"  {key}: {item}")
