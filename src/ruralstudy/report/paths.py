"""Where notebooks find things: the figures folder and the numbered notebooks."""

from __future__ import annotations

import os
from pathlib import Path

FIGURES_ENV = "RURALSTUDY_FIGURES_DIR"


def figures_dir() -> Path:
    """Where notebooks save figures: $RURALSTUDY_FIGURES_DIR (the report sets it for
    each kernel, so its figures land in ``reports/figures``), else ``figures/`` at
    the top of the checkout (found from the working directory).

    A notebook run by hand (JupyterLab, nbval in ``make test``) thus never writes
    into ``reports/``, which holds only what ``make report`` wrote, so the report
    never meets a file it did not write under one of its own names.

    >>> import ruralstudy as rs
    >>> rs.report.figures_dir()  # doctest: +SKIP
    PosixPath('/home/me/ruralstudy/figures')
    """
    if os.environ.get(FIGURES_ENV):
        return Path(os.environ[FIGURES_ENV])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir():
            return folder / "figures"
    return here / "figures"


def notebooks_in(folder: str | Path) -> list[Path]:
    """The numbered notebooks (``01_*.ipynb`` …) of a folder, in order.

    >>> notebooks_in("notebooks")[0].name  # doctest: +SKIP
    '01_data_tour.ipynb'
    """
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))
