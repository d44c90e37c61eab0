"""``make report``: every numbered notebook and every village profile, one index.

Notebooks and profiles run concurrently (``jobs`` kernels at a time, each run
reset to a fresh kernel's state and given its own figures folder, so the pages
and figures are the same whatever the order). A progress line per notebook gives its time; the
first failure stops the build, names the notebook, the cell and the error,
and leaves the output folder as it was (:mod:`ruralstudy.report.output`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from ruralstudy.report import gallery, kernel, pages, profile, webfont
from ruralstudy.report.errors import ReportError
from ruralstudy.report.index_page import render_index
from ruralstudy.report.output import OutputFolder
from ruralstudy.report.paths import FIGURES_ENV, notebooks_in

DEFAULT_TIMEOUT = 600
RUNS = "_runs"  # staging subfolder: one figures folder per kernel, merged afterwards
PROFILES = "profiles"


def default_jobs() -> int:
    """Kernels run at once: the cores this process may use, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def build(
    notebooks: str | Path = "notebooks",
    out: str | Path = "reports",
    *,
    profiles: bool = True,
    min_facts: int = profile.MIN_FACTS,
    jobs: int | None = None,
    timeout: int = DEFAULT_TIMEOUT,
) -> list[Path]:
    """Execute each numbered notebook (and a profile per village with at least
    ``min_facts`` facts); write the pages, ``index.html``, ``figures/`` and the pages'
    Chinese font ``fonts/`` (:mod:`ruralstudy.report.webfont`).

    Returns the files written. Raises :class:`ReportError` (or its
    :class:`NotebookFailed`, :class:`KernelFailed`) with a one-line reason.

    >>> build("notebooks", "reports")  # doctest: +SKIP
    """
    paths = _notebook_paths(Path(notebooks))
    places = profile.profile_places(min_facts) if profiles else None
    with OutputFolder(out, kind="report") as staged:
        staged.check_free(_page_names(paths, places))
        runs = (staged.path / RUNS).resolve()  # kernels run in other folders
        order = staged.previous_seconds()
        done, html = asyncio.run(_run_all(paths, places, runs, jobs or default_jobs(), timeout,
                                          order))  # fmt: skip
        notebook_of = _merge_figures(runs, staged.path / "figures", done)
        shutil.rmtree(runs, ignore_errors=True)  # absent when no notebook saved a figure
        for name, text in html.items():
            (staged.path / name).parent.mkdir(exist_ok=True)
            (staged.path / name).write_text(text, encoding="utf-8")
        entries = _notebook_entries(paths, done)
        profile_entries = _profile_entries(places)
        rows = gallery.figure_rows(staged.path / "figures", notebook_of)
        figures = staged.path / "figures"
        figures.mkdir(exist_ok=True)
        (figures / "figures.csv").write_text(gallery.figures_csv(rows), encoding="utf-8")
        index = render_index(entries, profile_entries, rows)
        (staged.path / "index.html").write_text(index, encoding="utf-8")
        webfont.write_font(staged.path, [index, *html.values()])  # staged: moved with the pages
        return staged.commit({key: ex.seconds for key, ex in done.items()})


def _notebook_paths(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ReportError(f"--notebooks {folder}: no such folder")
    paths = notebooks_in(folder)
    if not paths:
        raise ReportError(f"--notebooks {folder}: no numbered notebooks (NN_name.ipynb) in it")
    return paths


def _page_names(paths: list[Path], places) -> list[str]:
    names = ["index.html", "figures/figures.csv", webfont.FONT_FILE, webfont.LICENCE_FILE]
    names += [f"{p.stem}{suffix}" for p in paths for suffix in (".html", ".code.html")]
    if places is not None:
        names += [f"{PROFILES}/{profile.page_name(pid)}" for pid in places["place_id"]]
    return names


async def _run_all(
    paths, places, runs: Path, jobs: int, timeout: int, last_seconds: dict[str, float]
) -> tuple[dict[str, kernel.Executed], dict[str, str]]:
    """Run every notebook and profile, ``jobs`` at a time; key: its page.

    Returns them and their pages (file name → HTML). A page is made as soon as
    its notebook has run, while other kernels still run, on one thread (the
    exporter is shared, and not made for two at once).

    The jobs that took longest last time start first (longest-processing-time
    order), so one long notebook does not run alone at the end; the first
    build, with no times yet, takes them in file order. Order changes only
    when pages are made, never what they hold.
    """
    gate = asyncio.Semaphore(jobs)
    loop = asyncio.get_running_loop()
    titles = {} if places is None else {
        f"{PROFILES}/{row['place_id']}": profile.profile_title(row) for _, row in places.iterrows()
    }  # fmt: skip
    html: dict[str, str] = {}

    async def one(key: str, make):
        async with gate:
            executed = await make()
        print(f"{executed.name}: {executed.seconds:.1f} s", flush=True)
        html.update(await loop.run_in_executor(renderer, _pages_of, key, executed.nb, titles))
        return key, executed

    def notebook_job(path: Path):
        async def make():
            nb = nbformat.read(path, as_version=4)
            async with pool.kernel(path.name) as k:
                return await k.run(nb, path.name, cwd=path.parent.resolve(),
                                   environ={FIGURES_ENV: str(runs / path.stem)},
                                   timeout=timeout)  # fmt: skip

        return make

    def profile_job(place_id: str):
        async def make():
            async with pool.kernel(f"profile of {place_id}") as k:
                return await profile.run_profile(place_id, figures=runs / place_id / PROFILES,
                                                 timeout=timeout, in_kernel=k)  # fmt: skip

        return make

    tasks = [(p.stem, notebook_job(p)) for p in paths]
    if places is not None:
        tasks += [(f"{PROFILES}/{pid}", profile_job(pid)) for pid in places["place_id"]]
    tasks.sort(key=lambda task: -last_seconds.get(task[0], 0.0))  # stable: file order on ties
    runs.mkdir(parents=True, exist_ok=True)
    try:
        # Notebooks and profiles share at most ``jobs`` kernels that import the libraries
        # once; each run starts from what a fresh kernel has (ruralstudy.report.fresh).
        with ThreadPoolExecutor(max_workers=1) as renderer:
            async with kernel.KernelPool(env=dict(os.environ), cwd=runs) as pool:
                async with asyncio.TaskGroup() as group:
                    futures = [group.create_task(one(key, make)) for key, make in tasks]
    except* ReportError as failed:
        raise failed.exceptions[0] from None
    return dict(f.result() for f in futures), dict(sorted(html.items()))


def _pages_of(key: str, nb, profile_titles: dict[str, str]) -> dict[str, str]:
    """The pages of one executed notebook (reader and code) or profile (reader only)."""
    if key in profile_titles:
        page = f"{PROFILES}/{profile.page_name(key.split('/', 1)[1])}"
        return {page: pages.render(nb, title=profile_titles[key], with_code=False,
                                   index_href="../index.html",
                                   font_href=f"../{webfont.FONT_FILE}")}  # fmt: skip
    title = pages.title_of(nb) or key
    return {f"{key}{suffix}": pages.render(nb, title=title, with_code=with_code,
                                           index_href="index.html", font_href=webfont.FONT_FILE)
            for suffix, with_code in ((".html", False), (".code.html", True))}  # fmt: skip


def _merge_figures(runs: Path, figures: Path, done: dict) -> dict[str, str]:
    """Move each kernel's figures into ``figures/``; two pages saving one name is an error.

    Returns figure stem → the page that made it.
    """
    made_by: dict[str, str] = {}
    figures.mkdir(parents=True, exist_ok=True)
    for key in done:
        source = runs / (key.split("/", 1)[1] if key.startswith(f"{PROFILES}/") else key)
        if not source.is_dir():
            continue
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            rel = path.relative_to(source).as_posix()
            target = figures / rel
            if target.exists():
                raise ReportError(f"{key} and {made_by[_stem(rel)]} both saved figures/{rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
            made_by[_stem(rel)] = key
    return made_by


def _stem(rel: str) -> str:
    return rel.rsplit(".", 1)[0]


def _notebook_entries(paths: list[Path], done: dict) -> list[dict]:
    entries = []
    for path in paths:
        nb = done[path.stem].nb
        title = pages.title_of(nb) or path.stem
        entries.append({"stem": path.stem, "title": title, "question": pages.question_of(nb)})
    return entries


def _profile_entries(places) -> list[dict]:
    if places is None:
        return []
    entries = []
    for _, place in places.iterrows():
        page = f"{PROFILES}/{profile.page_name(place['place_id'])}"
        entries.append({"place_id": place["place_id"], "name_zh": place["name_zh"],
                        "name_en": place["name_en"], "within": _within(place),
                        "n_facts": int(place["n_facts"]), "n_sources": int(place["n_sources"]),
                        "page": page})  # fmt: skip
    return entries


def _within(place) -> str:
    import ruralstudy as rs

    places = rs.load_places().set_index("place_id")
    parent = place.get("parent_id")
    names = []
    while isinstance(parent, str) and parent in places.index and len(names) < 3:
        names.append(str(places.loc[parent, "name_zh"]))
        parent = places.loc[parent, "parent_id"]
    return " · ".join(reversed(names))
