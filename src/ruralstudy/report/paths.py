"""Where notebooks find things: the figures folder and the numbered notebooks."""

from __future__ import annotations

import os
from pathlib import Path

FIGURES_ENV = "RURALSTUDY_FIGURES_DIR"


def figures_dir() -> Path:
    """Where notebooks save figures: $RURALSTUDY_FIGURES_DIR (the report sets it for
    each kernel), else ``reports/figures`` at the top of the checkout (found from
    the working directory).

    >>> import ruralstudy as rs
    >>> rs.report.figures_dir()  # doctest: +SKIP
    PosixPath('/home/me/ruralstudy/reports/figures')
    """
    if os.environ.get(FIGURES_ENV):
        return Path(os.environ[FIGURES_ENV])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir():
            return folder / "reports" / "figures"
    return here / "reports" / "figures"


def notebooks_in(folder: str | Path) -> list[Path]:
    """The numbered notebooks (``01_*.ipynb`` …) of a folder, in order.

    >>> notebooks_in("notebooks")[0].name  # doctest: +SKIP
    '01_data_tour.ipynb'
    """
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))
