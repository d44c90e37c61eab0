"""Causal designs for village data: panel difference-in-differences and event studies.

>>> import ruralstudy as rs
>>> panel = rs.simulate.village_panel(n_villages=3_000, seed=1)
>>> rs.causal.did(panel, "y", "village_id", "year", "cohort", cluster="county_id")  # doctest: +SKIP

- :func:`did` — overall ATT by Callaway-Sant'Anna (``method="cs"``) or two-way
  fixed effects (``method="twfe"``);
- :func:`event_study` and :func:`plot_event_study` — effects by years since adoption;
- :func:`plot_estimates` — estimates (methods, panels) side by side with their intervals;
- :func:`etable` — results side by side as a paper prints them (LaTeX, HTML, Markdown);
- :func:`att_gt` — group-time effects;
- :func:`cohorts_from_interventions` — each unit's cohort from the interventions
  table, with unrecorded units an explicit choice;
- :func:`its` — interrupted time series for one place's yearly series (:func:`plot_its`);

Every estimator returns a result object (:mod:`ruralstudy.causal.results`):
``.tidy()``, ``.summary()``, ``.plot()``, ``.source_ids``, ``.pretest``.
- :func:`load_mpdta`, :func:`load_mpdta_reference` — Callaway and Sant'Anna's
  example panel and R did's results on it, for validation.

statsmodels, scipy, csdid and matplotlib are imported only when a function
needs them, so importing this package stays cheap.
"""

from __future__ import annotations

from ruralstudy.causal.cohorts import cohorts_from_interventions
from ruralstudy.causal.etable import Etable, etable
from ruralstudy.causal.its import its
from ruralstudy.causal.its_plot import plot_its
from ruralstudy.causal.panel import att_gt, did, event_study
from ruralstudy.causal.plots import plot_estimates, plot_event_study
from ruralstudy.causal.reference import load_mpdta, load_mpdta_reference
from ruralstudy.causal.results import ItsResult, PanelResult

__all__ = [
    "Etable",
    "ItsResult",
    "PanelResult",
    "att_gt",
    "cohorts_from_interventions",
    "did",
    "etable",
    "event_study",
    "its",
    "load_mpdta",
    "load_mpdta_reference",
    "plot_estimates",
    "plot_event_study",
    "plot_its",
]
