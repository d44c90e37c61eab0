"""Build the report: execute every numbered notebook, export it to HTML.

``make report`` (or ``ruralstudy report``) runs this.  The notebooks in git
stay as they are; the executed copies go to ``reports/`` as self-contained
HTML (images embedded, no CDN scripts, readable offline), and the figures the
notebooks save go to ``reports/figures/`` as PNG, SVG and PDF.
"""

from __future__ import annotations

import html
import os
import shutil
import time
from pathlib import Path

FIGURES_ENV = "RURALSTUDY_FIGURES_DIR"
TEMPLATES = Path(__file__).resolve().parent / "templates"


class NotebookFailed(RuntimeError):
    """A notebook of the report did not run to the end; the message names it."""


def figures_dir() -> Path:
    """Where notebooks save figures: $RURALSTUDY_FIGURES_DIR, else ``reports/figures``
    at the top of the checkout (found from the working directory)."""
    if os.environ.get(FIGURES_ENV):
        return Path(os.environ[FIGURES_ENV])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir():
            return folder / "reports" / "figures"
    return here / "reports" / "figures"


def notebooks_in(folder: str | Path) -> list[Path]:
    """The numbered notebooks (``01_*.ipynb`` …) of a folder, in order."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def build(
    notebooks: str | Path = "notebooks", out: str | Path = "reports", timeout: int = 1800
) -> list[Path]:
    """Execute each numbered notebook and write ``out/<name>.html`` and ``out/index.html``.

    Stops at the first notebook that fails, naming it and the cell.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    out = Path(out).resolve()
    figures = out / "figures"
    if figures.is_dir():
        shutil.rmtree(figures)  # generated output: figures of a renamed cell must not linger
    figures.mkdir(parents=True)
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="offline")
    written, rows = [], []
    previous = os.environ.get(FIGURES_ENV)
    os.environ[FIGURES_ENV] = str(figures)  # the kernels inherit it: figures_dir()
    try:
        for path in notebooks_in(notebooks):
            start = time.perf_counter()
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb,
                timeout=timeout,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            )
            try:
                client.execute()
            except CellExecutionError as exc:
                raise NotebookFailed(f"{path}: a cell failed\n{exc}") from None
            body, _ = exporter.from_notebook_node(nb)
            target = out / f"{path.stem}.html"
            target.write_text(body, encoding="utf-8")
            written.append(target)
            seconds = time.perf_counter() - start
            rows.append((path.stem, _title(nb), seconds))
            print(f"{path.name}: executed in {seconds:.1f} s -> {target}")
    finally:
        if previous is None:
            os.environ.pop(FIGURES_ENV, None)
        else:
            os.environ[FIGURES_ENV] = previous
    index = out / "index.html"
    index.write_text(_index_html(rows, sorted(figures.rglob("*.png")), figures), encoding="utf-8")
    written.append(index)
    return written


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("# ").strip()
    return ""


def _index_html(rows: list[tuple[str, str, float]], pngs: list[Path], figures: Path) -> str:
    items = "\n".join(
        f'<li><a href="{stem}.html">{html.escape(stem)}</a> — {html.escape(title)}</li>'
        for stem, title, _ in rows
    )
    links = []
    for png in pngs:  # figures may sit in a notebook's own subfolder
        stem = png.relative_to(figures).with_suffix("").as_posix()
        links.append(
            f'<li><a href="figures/{stem}.png">{html.escape(stem)}</a> '
            f'(<a href="figures/{stem}.svg">SVG</a>, <a href="figures/{stem}.pdf">PDF</a>)</li>'
        )
    figs = "\n".join(links)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>ruralstudy report</title></head><body>\n"
        "<h1>ruralstudy report</h1>\n<h2>Notebooks</h2>\n<ol>\n"
        f"{items}\n</ol>\n<h2>Figures (PNG 300 dpi, SVG, PDF)</h2>\n<ul>\n{figs}\n</ul>\n"
        "</body></html>\n"
    )
