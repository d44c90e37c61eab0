"""Inside a reused kernel: start the next notebook as a fresh kernel would.

The report runs profile after profile in one kernel (:class:`ruralstudy.report.kernel.Kernel`)
so pandas, matplotlib and geopandas are imported once. Before each run the kernel calls
:func:`begin`, which puts back what a notebook can change and a fresh kernel would not
have: the namespace and the cell counter (so the page says ``[1]`` again), open figures,
matplotlib's settings, the warnings shown once, the working folder and the figures folder.
Modules stay imported, and their caches (boundaries, fonts) stay warm: that is the point.
"""

from __future__ import annotations

import os
import warnings

_BACKEND_KEYS = ("backend", "interactive")
_pristine: tuple[dict, list] | None = None  # rcParams and warning filters before the first run


def begin(cwd: str, environ: dict[str, str]) -> None:
    """Reset the kernel for the next notebook, run in ``cwd`` with ``environ`` set."""
    global _pristine
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    plt.close("all")
    if _pristine is None:
        _pristine = (dict(mpl.rcParams), list(warnings.filters))
    else:
        rc, filters = _pristine
        # As matplotlib's rc_context restores (no re-validation). Not the backend and
        # "interactive": the inline backend sets them when the first figure loads it, once.
        dict.update(mpl.rcParams, {k: v for k, v in rc.items() if k not in _BACKEND_KEYS})
        warnings.resetwarnings()  # a filter change also forgets which warnings were shown once
        warnings.filters[:] = filters
    os.chdir(cwd)
    os.environ.update(environ)
    from IPython import get_ipython

    get_ipython().reset(new_session=True)  # empty namespace; the next cell is number 1
