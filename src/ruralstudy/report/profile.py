"""A place's profile page: the case-study notebook run for one place.

The notebook ``ruralstudy/templates/case_study.ipynb`` ships inside the
package, so ``ruralstudy profile`` works from an installed wheel. Its
``parameters`` cell (papermill's convention, so ``papermill`` itself can run
it too) holds ``place_id``, ``intervention_id`` and ``lang``.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from urllib.parse import quote

import nbformat
import pandas as pd

from ruralstudy.report import kernel, pages, webfont
from ruralstudy.report.output import OutputFolder
from ruralstudy.report.paths import FIGURES_ENV

CASE_STUDY = pages.TEMPLATES / "case_study.ipynb"
VILLAGE_LEVELS = ("village", "community")  # 村 and 社区: the same (village) tier
MIN_FACTS = 5
DEFAULT_TIMEOUT = 600


def case_study_notebook(
    place_id: str, *, intervention_id: str | None = None, lang: str = "both"
) -> nbformat.NotebookNode:
    """The case-study notebook with its parameters set (not yet executed)."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(CASE_STUDY))  # papermill's reader sets the metadata it needs
    params = {"place_id": place_id, "intervention_id": intervention_id, "lang": lang}
    nb = parameterize_notebook(nb, params)
    for cell in nb.cells:  # papermill gives its cell a random id; the page must not change
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    # papermill's own metadata would tell a reader nothing; keep the page clean.
    nb.metadata.pop("papermill", None)
    return nb


def profile_places(min_facts: int = MIN_FACTS, places: pd.DataFrame | None = None,
                   facts: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Village-level places (村, 社区) with at least ``min_facts`` facts, most facts first.

    >>> profile_places()["place_id"].tolist()  # doctest: +SKIP
    ['cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao', 'cn.guizhou.guian.huchao.chetian', …]
    """
    import ruralstudy as rs

    places = rs.load_places() if places is None else places
    facts = rs.load_facts() if facts is None else facts
    counts = facts.groupby("place_id").agg(n_facts=("fact_id", "size"),
                                           n_sources=("source_id", "nunique"))  # fmt: skip
    out = places[places["level"].isin(VILLAGE_LEVELS)].merge(counts, on="place_id")
    out = out[out["n_facts"] >= min_facts]
    return out.sort_values(["n_facts", "place_id"], ascending=[False, True]).reset_index(drop=True)


def rs_facts() -> pd.DataFrame:
    """The facts table as the loaders return it."""
    import ruralstudy as rs

    return rs.load_facts()


def page_name(place_id: str) -> str:
    """The profile's file name: ``<place_id>.html``."""
    return f"{place_id}.html"


async def run_profile(
    place_id: str,
    *,
    figures: Path,
    intervention_id: str | None = None,
    lang: str = "both",
    timeout: int = DEFAULT_TIMEOUT,
    in_kernel: kernel.Kernel | None = None,
) -> kernel.Executed:
    """Execute the case study of ``place_id``; its figures go to ``figures/<place_id>/``.

    ``in_kernel``: a running kernel to use (the report runs every profile in a
    few), else a kernel of its own.
    """
    nb = case_study_notebook(place_id, intervention_id=intervention_id, lang=lang)
    figures = Path(figures).resolve()  # the kernel runs in another folder
    figures.mkdir(parents=True, exist_ok=True)
    name, environ = f"profile of {place_id}", {FIGURES_ENV: str(figures)}
    if in_kernel is not None:
        return await in_kernel.run(nb, name, cwd=figures.parent, environ=environ,
                                   timeout=timeout)  # fmt: skip
    return await kernel.run(nb, name, cwd=figures.parent, env={**os.environ, **environ},
                            timeout=timeout)  # fmt: skip


def profile_title(place: pd.Series, lang: str = "both") -> str:
    """The page title in the profile's language: the place's name and "case study"."""
    return {
        "zh": f"{place['name_zh']} · 案例研究",
        "en": f"{place['name_en']} · case study",
        "both": f"{place['name_zh']} {place['name_en']} · 案例研究 case study",
    }[lang]


def build_profile(
    place: str,
    out: str | Path = "profiles",
    *,
    lang: str = "both",
    intervention_id: str | None = None,
    timeout: int = DEFAULT_TIMEOUT,
) -> list[Path]:
    """Write ``out/<place_id>.html`` (no code cells), ``out/figures/<place_id>/`` and
    the page's Chinese font ``out/fonts/<place_id>.woff`` (:mod:`ruralstudy.report.webfont`).

    ``place`` is a place_id, Chinese name or pinyin (:func:`find_place`); an
    ambiguous or unknown name raises :class:`ruralstudy.case_study.PlaceLookupError`.

    >>> build_profile("Jiaoyao", "profiles")  # doctest: +SKIP
    [PosixPath('profiles/cn.guizhou.qiandongnan.leishan.xijiang.jiaoyao.html'), ...]
    """
    from ruralstudy.case_study import find_place

    row = find_place(place)
    place_id = str(row["place_id"])
    with OutputFolder(out, kind=f"profile.{place_id}") as staged:
        # Its own font file: profiles of several places may share one folder.
        font_file = f"{webfont.FONTS}/{place_id}.woff"
        staged.check_free([page_name(place_id), font_file, webfont.licence_file(font_file)])
        executed = asyncio.run(run_profile(place_id, figures=staged.path / "figures",
                                           intervention_id=intervention_id, lang=lang,
                                           timeout=timeout))  # fmt: skip
        html = pages.render(executed.nb, title=profile_title(row, lang), with_code=False,
                            font_href=quote(font_file))  # fmt: skip
        (staged.path / page_name(place_id)).write_text(html, encoding="utf-8")
        webfont.write_font(staged.path, [html], font_file)
        written = staged.commit()
    n_facts = int((rs_facts()["place_id"] == place_id).sum())
    print(f"{row['name_zh']} {row['name_en']} ({place_id}): {n_facts} facts, "
          f"{executed.seconds:.1f} s -> {Path(out) / page_name(place_id)}")  # fmt: skip
    return written
