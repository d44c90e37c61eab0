"""Inside a reused kernel: start the next notebook as a fresh kernel would.

The report runs notebook after notebook in a few kernels
(:class:`ruralstudy.report.kernel.KernelPool`) so that starting a kernel and
importing pandas, matplotlib and geopandas (2.4 s of CPU each time) happens
once per kernel. Before each run the kernel calls :func:`begin`, which puts
back what a notebook can change and a fresh kernel would not have: the
namespace and the cell counter (so the page says ``[1]`` again), open
figures, matplotlib's settings, pandas' options, the warnings shown once,
the environment variables, ``sys.path``, the data project chosen with
``rs.use_data``, the working folder and the figures folder. Modules stay
imported, and their caches (boundaries, fonts) stay warm: that is the point.

What survives the reset (modules, classes, those caches) is then frozen out
of the garbage collector (:func:`gc.freeze`): IPython's reset starts with a full
collection, which walked every object of a warm kernel, 0.14-0.25 s a run
(docs/tooling-notes.md, *Report*); each collection now walks only what the last
notebook made, and so do the collections Python starts while a notebook runs.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from dataclasses import dataclass

_BACKEND_KEYS = ("backend", "interactive")


@dataclass
class _Pristine:
    """The kernel's state before its first notebook."""

    rc: dict
    filters: list
    environ: dict[str, str]
    path: list[str]
    data_choice: tuple


_pristine: _Pristine | None = None


def begin(cwd: str, environ: dict[str, str]) -> None:
    """Reset the kernel for the next notebook, run in ``cwd`` with ``environ`` set."""
    global _pristine
    import matplotlib.pyplot as plt

    from ruralstudy import datasets

    plt.close("all")
    if _pristine is None:
        import matplotlib as mpl

        _pristine = _Pristine(dict(mpl.rcParams), list(warnings.filters), dict(os.environ),
                              list(sys.path), datasets._data_choice())  # fmt: skip
    else:
        _restore(_pristine)
    os.chdir(cwd)
    os.environ.update(environ)
    from IPython import get_ipython

    get_ipython().reset(new_session=True)  # empty namespace; the next cell is number 1
    # The reset collects before it empties the namespace: collect the last run's
    # garbage now, then freeze what is left (frozen garbage would never be freed).
    gc.collect()
    gc.freeze()


def _restore(state: _Pristine) -> None:
    import matplotlib as mpl
    import pandas as pd

    from ruralstudy import datasets

    # As matplotlib's rc_context restores (no re-validation). Not the backend and
    # "interactive": the inline backend sets them when the first figure loads it, once.
    dict.update(mpl.rcParams, {k: v for k, v in state.rc.items() if k not in _BACKEND_KEYS})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # resetting a deprecated option warns that it is
        pd.reset_option("all")  # a fresh kernel's pandas: every option at its default
    warnings.resetwarnings()  # a filter change also forgets which warnings were shown once
    warnings.filters[:] = state.filters
    os.environ.clear()
    os.environ.update(state.environ)
    sys.path[:] = state.path
    datasets._set_data_choice(state.data_choice)
