"""Words the causal summaries, tables and figures share, in Chinese and English.

One table of names so that a summary, an ``etable`` and a figure call a
method, a control group or an outcome the same thing.
"""

from __future__ import annotations

import pandas as pd

from ruralstudy.provenance import check_lang

METHOD_NAMES = {
    "cs": ("Callaway–Sant'Anna", "Callaway–Sant'Anna"),
    "twfe": ("双向固定效应", "two-way fixed effects"),
    "its": ("间断时间序列", "interrupted time series"),
}
# Short names for a row or column label; "both" writes the Chinese name with the usual abbreviation.
METHOD_SHORT = {
    "cs": {"zh": "Callaway–Sant'Anna", "en": "Callaway–Sant'Anna", "both": "Callaway–Sant'Anna"},
    "twfe": {"zh": "双向固定效应", "en": "TWFE", "both": "双向固定效应 TWFE"},
    "its": {"zh": "间断时间序列", "en": "ITS", "both": "间断时间序列 ITS"},
}
CONTROL_GROUPS = {
    "nevertreated": ("从未处理", "never treated"),
    "notyettreated": ("尚未处理", "not yet treated"),
}
AGGREGATIONS = {
    "simple": ("简单加权", "simple"),
    "dynamic": ("按事件时间", "by event time"),
    "group": ("按队列", "by cohort"),
    "calendar": ("按年份", "by calendar year"),
    "group-time": ("队列×时期", "group-time"),
    "none": ("—", "—"),
}
WEIGHTS = {"rademacher": "Rademacher", "mammen": "Mammen"}


def words(pair: tuple[str, str], lang: str) -> str:
    """One of a (zh, en) pair, or both; a name both languages share is written once."""
    from ruralstudy.plot.labels import bilingual

    zh, en = pair
    return en if zh == en else bilingual(zh, en, lang)


def name_of(table: dict, key: object, lang: str) -> str:
    """``key``'s words from ``table``; a key the table does not know is shown as it is."""
    if key is None:
        return "—"
    return words(table[key], lang) if key in table else str(key)


def outcome_label(
    outcome: str,
    lang: str,
    label: str | None = None,
    indicators: pd.DataFrame | None = None,
) -> str:
    """How figures and tables name an outcome.

    ``label`` if given; else, when ``outcome`` is an ``indicator_id`` of the
    indicators table (default ``rs.load_indicators()``), its name and unit;
    else the column name, the only name the data give.
    """
    check_lang(lang)
    if label is not None:
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"label= must be non-empty text, got {label!r}")
        return label
    if indicators is None:
        from ruralstudy.datasets import load_indicators

        indicators = load_indicators()
    match = indicators[indicators["indicator_id"] == outcome]
    if match.empty:
        return outcome
    from ruralstudy.plot.labels import axis_label, unit_words

    row = match.iloc[0]
    unit_zh, unit_en = unit_words(str(row.get("unit", "")))
    return axis_label(row["name_zh"], row["name_en"], unit_zh, unit_en, lang).replace("\n", " ")
