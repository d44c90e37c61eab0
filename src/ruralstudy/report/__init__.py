"""Build the report: execute the notebooks and village profiles, export HTML.

``make report`` (or ``ruralstudy report``) runs :func:`build`;
``ruralstudy profile PLACE`` runs :func:`build_profile`. The notebooks in git
stay as they are; executed copies become self-contained HTML pages (images
embedded, no CDN scripts, readable offline) in the output folder, each
notebook twice (``NAME.html`` for readers, code hidden; ``NAME.code.html``
for researchers), with an ``index.html`` and the saved figures in
``figures/`` (PNG, SVG, PDF and a ``figures.csv`` listing them).

Everything is built in a temporary folder inside the output folder and moved
into place only when all of it succeeded; files the report did not write
are never deleted or overwritten (see :mod:`ruralstudy.report.output`).

>>> import ruralstudy as rs
>>> rs.report.build("notebooks", "reports")  # doctest: +SKIP
>>> rs.report.build_profile("车田村", "profiles")  # doctest: +SKIP

This module imports nothing heavy: notebooks call :func:`figures_dir`.
"""

from __future__ import annotations

from ruralstudy.report.paths import FIGURES_ENV, figures_dir, notebooks_in

__all__ = [
    "FIGURES_ENV",
    "KernelFailed",
    "NotebookFailed",
    "ReportError",
    "build",
    "build_profile",
    "figures_dir",
    "notebooks_in",
    "profile_places",
]

_LAZY = {
    "build": "ruralstudy.report.builder",
    "build_profile": "ruralstudy.report.profile",
    "profile_places": "ruralstudy.report.profile",
    "ReportError": "ruralstudy.report.errors",
    "NotebookFailed": "ruralstudy.report.errors",
    "KernelFailed": "ruralstudy.report.errors",
}


def __getattr__(name: str):
    # PEP 562: nbclient and nbconvert load only when a report is built.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ruralstudy.report' has no attribute {name!r}")
