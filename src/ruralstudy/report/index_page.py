"""The report's index.html: questions, village profiles and the figure gallery."""

from __future__ import annotations

from urllib.parse import quote

from ruralstudy.report.pages import TEMPLATES
from ruralstudy.report.webfont import FONT_FILE

TITLE = "ruralstudy 报告 · report"


def href(*parts: str) -> str:
    """A relative link with each path segment percent-encoded (ids may hold any text).

    >>> href("figures", "06 cases/a#1.png")
    'figures/06%20cases/a%231.png'
    """
    return "/".join(quote(seg) for p in parts for seg in p.split("/"))


def render_index(notebooks: list[dict], profiles: list[dict], figures: list[dict]) -> str:
    """The index page. ``notebooks``: stem, title, question; ``profiles``: place_id,
    name_zh, name_en, within, n_facts, n_sources, page; ``figures``: gallery rows."""
    import jinja2

    from ruralstudy import __version__

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value from the data or a notebook is escaped
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    nbs = [{**nb, "reader_href": href(f"{nb['stem']}.html"),
            "code_href": href(f"{nb['stem']}.code.html")} for nb in notebooks]  # fmt: skip
    places = [{**p, "href": href(p["page"])} for p in profiles]
    figs = [{**f, **{f"{fmt}_href": href("figures", f[fmt]) for fmt in ("png", "svg", "pdf")}}
            for f in figures]  # fmt: skip
    page = env.get_template("report_index.html.j2")
    return page.render(title=TITLE, notebooks=nbs, profiles=places, figures=figs,
                       version=__version__, rs_font_href=href(FONT_FILE))  # fmt: skip
