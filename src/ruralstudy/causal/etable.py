"""Results side by side, as a paper prints them: ``rs.causal.etable([r1, r2, …])``.

One column per result; per term the estimate (with stars if asked) over its
standard error in parentheses (and its confidence interval in brackets if
asked); below, the facts a reader needs to judge each column: outcome,
method, control group, aggregation, inference, counts, the pre-test's
p-value, the sources and whether the data are simulated.

HTML and LaTeX are written by pandas' Styler, which escapes every cell
(``escape="html"`` / ``"latex"``); Markdown by hand, because pandas'
``to_markdown`` needs tabulate, which ruralstudy does not depend on.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ruralstudy.causal import _labels
from ruralstudy.causal._labels import name_of, outcome_label, words
from ruralstudy.causal.results import PanelResult, _Result, as_results, inference_text
from ruralstudy.provenance import check_lang

STARS = ((0.01, "***"), (0.05, "**"), (0.10, "*"))
ROWS = {
    "outcome": ("结果变量", "Outcome"),
    "method": ("方法", "Method"),
    "control_group": ("对照组", "Control group"),
    "aggregation": ("汇总方式", "Aggregation"),
    "inference": ("推断", "Inference"),
    "n_obs": ("观测数", "Observations"),
    "n_units": ("单位数", "Units"),
    "n_clusters": ("聚类数", "Clusters"),
    "pretest": ("预检验 p 值", "Pre-test p-value"),
    "sources": ("资料来源", "Sources"),
    "simulated": ("模拟数据", "Simulated data"),
}
NOTES = {
    "se": ("括号内为标准误", "Standard errors in parentheses"),
    "ci": ("方括号内为{level}置信区间", "{level} confidence intervals in brackets"),  # level "" ok
    "stars": ("* p<0.1, ** p<0.05, *** p<0.01",) * 2,  # the same in both languages
}


@dataclass(frozen=True)
class Etable:
    """A table of results side by side; ``frame`` holds its cells as text.

    ``frame`` is indexed by row: a term ("ATT"), its standard error
    ("ATT (se)") and interval ("ATT (ci)"), then the facts; the exports
    leave the label of a standard-error or interval line blank, as papers
    do. ``to_html()``, ``to_latex()`` and ``to_markdown()`` write it for a
    page, a paper or a README; in a notebook it shows as HTML.
    """

    frame: pd.DataFrame
    notes: str

    def _printed(self) -> pd.DataFrame:
        """The table as printed: a first column of row labels, continuation lines blank."""
        labels = ["" if _is_continuation(k) else k for k in self.frame.index]
        out = self.frame.reset_index(drop=True)
        out.insert(0, "", labels)
        return out

    def to_html(self) -> str:
        printed = self._printed()
        styler = printed.style.hide(axis="index").format(escape="html")
        styler = styler.format_index(escape="html", axis=1).set_caption(html.escape(self.notes))
        # The Styler's table id is random; one derived from the content writes the same
        # bytes for the same table (the report's pages are byte-identical across builds).
        digest = hashlib.sha1(printed.to_json().encode() + self.notes.encode()).hexdigest()
        return styler.set_uuid(f"etable-{digest[:10]}").to_html()

    def to_latex(self) -> str:
        printed = self._printed()
        styler = printed.style.hide(axis="index").format(escape="latex")
        styler = styler.format_index(escape="latex", axis=1)
        body = styler.to_latex(hrules=True, column_format="l" + "c" * (printed.shape[1] - 1))
        body = body.translate(_LATEX_DASHES)
        notes = _escape_latex(self.notes).translate(_LATEX_DASHES)
        return body + "\\par\\footnotesize " + notes + "\n"

    def to_markdown(self) -> str:
        # Written by hand: pandas' to_markdown needs tabulate (see module docstring).
        printed = self._printed()
        lines = [
            _md_row([str(c) for c in printed.columns]),
            "| --- |" + " :---: |" * (printed.shape[1] - 1),
        ]
        lines += [_md_row([str(v) for v in row]) for row in printed.itertuples(index=False)]
        return "\n".join(lines) + f"\n\n{_md_cell(self.notes)}\n"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self._printed().to_string(index=False) + "\n" + self.notes

    __repr__ = __str__


def etable(
    results: Sequence[_Result],
    *,
    lang: str = "both",
    titles: Sequence[str] | None = None,
    terms: Sequence[str] | None = None,
    stars: bool = False,
    ci: bool = False,
    digits: int = 3,
    label: str | None = None,
    sources: pd.DataFrame | None = None,
    indicators: pd.DataFrame | None = None,
) -> Etable:
    """Results side by side: estimates over standard errors, and what each rests on.

    ``results`` is a list of what :func:`did`, :func:`event_study`,
    :func:`att_gt` or :func:`its` return, one column each, headed "(1)",
    "(2)" … or by ``titles``. Rows are the terms of all results, in order of
    first appearance (``terms`` picks and orders them, e.g. ``["ATT"]``).
    ``stars=True`` marks p < 0.1, 0.05, 0.01; ``ci=True`` adds each
    confidence interval in brackets. ``label`` names the outcome (default:
    its indicator name, else the column name). Export with ``.to_latex()``,
    ``.to_html()`` or ``.to_markdown()``.

    >>> import ruralstudy as rs
    >>> mpdta = rs.causal.load_mpdta()
    >>> cols = ("lemp", "countyreal", "year", "first.treat")
    >>> table = rs.causal.etable([rs.causal.did(mpdta, *cols, method=m) for m in ("twfe", "cs")],
    ...                          lang="en")
    >>> table.frame.loc["ATT"].tolist()
    ['−0.037', '−0.040']
    """
    check_lang(lang)
    results = as_results(results, "etable")
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 0:
        raise ValueError(f"digits must be a whole number >= 0, got {digits!r}")
    heads = list(titles) if titles is not None else [f"({i})" for i in range(1, len(results) + 1)]
    if len(heads) != len(results):
        raise ValueError(f"titles= has {len(heads)} names for {len(results)} results")
    if len(set(heads)) != len(heads):
        raise ValueError(f"titles= repeats a name: {heads}")
    tables = [r.tidy().set_index("term") for r in results]
    wanted = _terms(tables, terms)
    body = {}
    for term in wanted:
        cells = [_cells(t, term, stars, ci, digits) for t in tables]
        body[term] = [c[0] for c in cells]
        body[f"{term} (se)"] = [c[1] for c in cells]
        if ci:
            body[f"{term} (ci)"] = [c[2] for c in cells]
    facts = {
        words(ROWS[key], lang): [_fact(r, key, lang, label, sources, indicators) for r in results]
        for key in ROWS
    }
    frame = pd.DataFrame({**body, **facts}, index=heads).T
    frame.index.name = None
    return Etable(frame, _notes(results, stars, ci, lang))


def _terms(tables: list[pd.DataFrame], terms: Sequence[str] | None) -> list[str]:
    present = list(dict.fromkeys(t for table in tables for t in table.index))
    if terms is None:
        return present
    missing = [t for t in terms if t not in present]
    if missing:
        raise ValueError(f"etable: no result has the term(s) {missing}; they have {present}")
    return list(terms)


def _is_continuation(key: str) -> bool:
    return key.endswith((" (se)", " (ci)"))


def _cells(table: pd.DataFrame, term: str, stars: bool, ci: bool, digits: int) -> tuple:
    if term not in table.index:
        return ("", "", "")
    row = table.loc[term]
    est, se = float(row["estimate"]), float(row["std_error"])
    mark = _stars(float(row["p_value"])) if stars else ""
    first = _num(est, digits) + mark
    second = f"({_num(se, digits)})" if np.isfinite(se) else ""
    lo, hi = float(row["conf_low"]), float(row["conf_high"])
    third = f"[{_num(lo, digits)}, {_num(hi, digits)}]" if np.isfinite(lo) else ""
    return (first, second, third)


def _num(x: float, digits: int) -> str:
    # a minus sign, not a hyphen: the tables are typeset
    return f"{x:.{digits}f}".replace("-", "−")


def _stars(p: float) -> str:
    if not np.isfinite(p):
        return ""
    return next((s for cut, s in STARS if p < cut), "")


def _fact(result: _Result, key: str, lang: str, label, sources, indicators) -> str:
    panel = result if isinstance(result, PanelResult) else None
    if key == "outcome":
        return outcome_label(result.outcome, lang, label, indicators)
    if key == "method":
        return name_of(_labels.METHOD_NAMES, result.method, lang)
    if key == "control_group":
        return name_of(_labels.CONTROL_GROUPS, panel.control_group if panel else None, lang)
    if key == "aggregation":
        return name_of(_labels.AGGREGATIONS, panel.aggregation if panel else None, lang)
    if key == "inference":
        return inference_text(result, lang)
    if key == "n_obs":
        return f"{result.n_obs:,}"
    if key in ("n_units", "n_clusters"):
        return f"{getattr(panel, key):,}" if panel else "—"
    if key == "pretest":
        test = result.pretest
        return "—" if test is None else f"{test.p_value:.3f}"
    if key == "sources":
        return ", ".join(result.source_ids) or "—"
    if key == "simulated":
        return words(("是", "yes") if result.simulated(sources) else ("否", "no"), lang)
    raise KeyError(key)


def _notes(results: list[_Result], stars: bool, ci: bool, lang: str) -> str:
    levels = {f"{100 * r.confidence:g}%" for r in results}
    level = levels.pop() if len(levels) == 1 else ""
    parts = [NOTES["se"]]
    if ci:  # results at different levels: the note cannot name one
        parts.append(tuple(p.format(level=level).strip() for p in NOTES["ci"]))
    if stars:
        parts.append(NOTES["stars"])
    sep = {"zh": "；", "en": "; ", "both": "; "}[lang]
    return sep.join(words(p, lang) for p in parts) + ("。" if lang == "zh" else ".")


# The notes line sits outside the Styler's table, so it is escaped here with
# the same replacements the Styler's escape="latex" makes.
_LATEX = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}  # fmt: skip


# Typeset minus and dashes as TeX writes them, so the table compiles with pdflatex too.
_LATEX_DASHES = str.maketrans({"−": "$-$", "–": "--", "—": "---"})


def _escape_latex(text: str) -> str:
    return "".join(_LATEX.get(ch, ch) for ch in text)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(_md_cell(c) for c in cells) + " |"
