"""The case study of any place: tables, figures and plain statements from its data.

>>> import ruralstudy as rs
>>> case = rs.case_study.CaseStudy("cn.guizhou.guian.huchao.chetian")  # doctest: +SKIP
>>> case.before_after_note()  # doctest: +SKIP
>>> rs.case_study.find_place("Jiaoyao")["place_id"]  # doctest: +SKIP
'cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao'

The case-study notebook (``ruralstudy/templates/case_study.ipynb``) calls
these; ``ruralstudy profile PLACE`` runs it for one place.
"""

from __future__ import annotations

from ruralstudy.case_study.lookup import (
    AmbiguousPlace,
    PlaceLookupError,
    UnknownPlace,
    find_place,
    normalise,
)
from ruralstudy.case_study.story import CaseStudy, Tables, bounds_text, interval_text
from ruralstudy.display import MISSING, format_value, show, tidy_table

__all__ = [
    "MISSING",
    "AmbiguousPlace",
    "CaseStudy",
    "PlaceLookupError",
    "Tables",
    "UnknownPlace",
    "bounds_text",
    "find_place",
    "format_value",
    "interval_text",
    "normalise",
    "show",
    "tidy_table",
]
