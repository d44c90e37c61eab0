"""A small data project for the tests: 试验村, a made-up village under the
shipped 雷山县, with a made-up news text (tests/fixtures/project/README.md).

Not a test module; imported by tests/test_project*.py and tests/test_cli*.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ruralstudy.project import init_project

FIXTURES = Path(__file__).parent / "fixtures" / "project"
NEWS = FIXTURES / "fixture-shiyan-news.txt"
SOURCE_ID = "fixture-shiyan-2024"
LEISHAN = "cn.guizhou.qiandongnan.leishan"  # shipped county: her village's parent
VILLAGE = f"{LEISHAN}.shiyan"

SOURCES_ROW = (
    f"{SOURCE_ID},news,测试日报 (test fixture),Test Daily (fixture),"
    "[TEST FIXTURE] 雷山县试验村 发展茶产业,2024-12,,,https://example.org/fixture,2026-12-01,"
    "Written for the tests; not a real source.\n"
)
PLACES_ROW = (
    f"{VILLAGE},试验村,Shiyan Village (test fixture),village,{LEISHAN},,108.08,26.38,"
    f"county,20,{SOURCE_ID},Made-up village of the test fixture.\n"
)
INTERVENTIONS_ROW = (
    f"{VILLAGE},shiyan-2021-tea-coop,2021,organisation_founded,成立茶叶专业合作社,"
    f"Tea cooperative founded,{SOURCE_ID},"
    "2021年，试验村成立茶叶专业合作社，带动农户发展茶叶种植。,\n"
)
FACTS_ROWS = (
    f"shiyan-collective-income-2020,{VILLAGE},collective_income,2020,2024-12,80000,80000,80000,"
    f"exact,CNY,8万元,{SOURCE_ID},2020年，试验村村集体经济收入仅为8万元。,\n"
    f"shiyan-collective-income-2024,{VILLAGE},collective_income,2024,2024-12,350000,350000,"
    f"350000,exact,CNY,35万元,{SOURCE_ID},2024年，试验村村集体经济收入达到35万元。,\n"
)


def make_project(folder: Path, *, facts: bool = True) -> Path:
    """An initialised project with the village, its source (text stored) and
    intervention, and (``facts=True``) two collective-income facts."""
    init_project(folder)
    shutil.copy(NEWS, folder / "sources" / f"{SOURCE_ID}.txt")
    append(folder / "sources.csv", SOURCES_ROW)
    append(folder / "places.csv", PLACES_ROW)
    append(folder / "interventions.csv", INTERVENTIONS_ROW)
    if facts:
        append(folder / "facts.csv", FACTS_ROWS)
    return folder


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write(text)
