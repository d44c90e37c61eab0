"""ruralstudy: source-traced data and analysis for village revitalisation in Guizhou.

>>> import ruralstudy as rs
>>> facts = rs.load_facts()            # the long master table, validated
>>> land = rs.load_land_consolidation()  # a wide place-year view of it
>>> rs.use_data("my_village")  # doctest: +SKIP

Heavy parts (plot, maps, causal, simulate, compare) load on first use, so
``import ruralstudy`` costs little more than ``import pandas``.
"""

from __future__ import annotations

import importlib
from typing import Any

from ruralstudy.datasets import (
    data_project,
    load_collective_economy,
    load_facts,
    load_indicators,
    load_interventions,
    load_land_consolidation,
    load_places,
    load_sources,
    load_tourism,
    read_table,
    use_data,
    validate_file,
)
from ruralstudy.errors import DataValidationError
from ruralstudy.project import add_facts, init_project

__version__ = "0.1.0"

_LAZY_SUBMODULES = {
    "atlas",
    "plot",
    "maps",
    "causal",
    "simulate",
    "compare",
    "extract",
    "units",
    "report",
    "case_study",
    "display",
}

__all__ = [
    "DataValidationError",
    "__version__",
    "add_facts",
    "atlas",
    "case_study",
    "causal",
    "compare",
    "data_project",
    "display",
    "extract_quantities",
    "init_project",
    "load_collective_economy",
    "load_facts",
    "load_indicators",
    "load_interventions",
    "load_land_consolidation",
    "load_places",
    "load_sources",
    "load_tourism",
    "maps",
    "plot",
    "read_table",
    "report",
    "show",
    "simulate",
    "use_data",
    "validate_file",
]


def __getattr__(name: str) -> Any:
    # PEP 562 lazy loading: geopandas, statsmodels and matplotlib are imported
    # only when a user first touches rs.maps / rs.causal / rs.plot.
    if name in _LAZY_SUBMODULES:
        return importlib.import_module(f"ruralstudy.{name}")
    if name == "extract_quantities":
        return importlib.import_module("ruralstudy.extract").extract_quantities
    if name == "show":  # tables for notebooks; lazy, as it needs pandas' Styler (jinja2)
        return importlib.import_module("ruralstudy.display").show
    raise AttributeError(f"module 'ruralstudy' has no attribute {name!r}")
