"""Source captions: every figure names where its numbers came from.

A policy writer copies a figure without the notebook around it, so the figure
itself must carry its evidence: the publisher, title and date of every source
behind the rows it drew, and a visible mark when any of those rows is
simulated (source kind ``synthetic``, DESIGN.md principle 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine
from matplotlib.text import Text
from matplotlib.textpath import TextToPath

from ruralstudy.plot.style import CJK_FONT_FAMILY, register_cjk_font

Lang = Literal["zh", "en", "both"]
LANGS: tuple[str, ...] = ("zh", "en", "both")

SIMULATED_MARK = "模拟数据 · simulated data"
SYNTHETIC_KIND = "synthetic"
STAMP_GID = "ruralstudy-simulated-stamp"

CAPTION_FONTSIZE = 7.0
MARK_FONTSIZE = 8.0
CAPTION_COLOR = "#333333"
MARK_COLOR = "#B2182B"
# Captions name the CJK font themselves, so they render even on a figure
# drawn outside the house style.
CAPTION_FAMILY = [CJK_FONT_FAMILY, "DejaVu Sans"]
_LINESPACING = 1.25
_PAD_IN = 0.06  # inches between caption and figure edge

_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

# Attributes we keep on a Figure: captions by key, and the artists drawing them.
_CAPTIONS_ATTR = "_ruralstudy_captions"
_ARTISTS_ATTR = "_ruralstudy_caption_artists"
_BOTTOM_ATTR = "_ruralstudy_bottom"


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of zh, en, both; raise ValueError otherwise."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def text_of(value: object) -> str:
    """A cell as stripped text; empty for NaN/None/NA."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def format_date(value: object, lang: Literal["zh", "en"]) -> str:
    """A source date (YYYY, YYYY-MM or YYYY-MM-DD) as a reader writes it.

    >>> format_date("2025-10", "zh"), format_date("2025-10", "en")
    ('2025年10月', 'Oct 2025')
    """
    text = text_of(value)
    if re.fullmatch(r"\d{4}\.0", text):  # a year column read as float
        text = text[:4]
    m = _DATE.match(text)
    if not m:
        return text
    year, month, day = m.group(1), m.group(2), m.group(3)
    if lang == "zh":
        out = f"{year}年"
        if month:
            out += f"{int(month)}月"
            if day:
                out += f"{int(day)}日"
        return out
    if month and day:
        return f"{int(day)} {_MONTHS_EN[int(month) - 1]} {year}"
    if month:
        return f"{_MONTHS_EN[int(month) - 1]} {year}"
    return year


def _sources_by_id(sources: pd.DataFrame | None) -> pd.DataFrame:
    if sources is None:
        # Imported here: the caption needs the registry only when the caller
        # did not pass one, and ruralstudy.datasets must not import us.
        from ruralstudy.datasets import load_sources

        sources = load_sources()
    if "source_id" in sources.columns:
        sources = sources.set_index("source_id", drop=False)
    if sources.index.has_duplicates:
        dup = sorted(set(sources.index[sources.index.duplicated()]))
        raise ValueError(f"sources table repeats source_id(s): {dup}")
    return sources


def cited_source_ids(df: pd.DataFrame, what: str = "caption_for") -> list[str]:
    """The distinct source_ids of ``df`` in order of first appearance; every row must have one.

    The one rule for which rows a figure or an estimate can cite: a missing
    ``source_id`` column, no rows, or a row whose source_id is empty is an
    error naming how many rows lack one (never a silent omission). Fast on a
    categorical column of millions of rows: only the distinct values are
    inspected.

    >>> cited_source_ids(pd.DataFrame({"source_id": ["b", "a", "b"]}))
    ['b', 'a']
    """
    if "source_id" not in df.columns:
        raise ValueError(
            f"{what}: the data has no 'source_id' column; every row drawn must name its source"
        )
    if df.empty:
        raise ValueError(f"{what}: no rows, so nothing to cite")
    ids = df["source_id"]
    distinct = pd.unique(ids)
    blank = [v for v in distinct if not text_of(v)]
    if blank:
        missing = ids.isna().to_numpy() | ids.isin([v for v in blank if not pd.isna(v)]).to_numpy()
        rows = list(df.index[missing])[:10]
        raise ValueError(
            f"{what}: {int(missing.sum())} of {len(df)} rows without a source_id "
            f"(index {rows}); every row must name its source"
        )
    return list(dict.fromkeys(str(v).strip() for v in distinct))


def _check_known(ids: list[str], table: pd.DataFrame, what: str) -> None:
    unknown = [i for i in ids if i not in table.index]
    if unknown:
        raise ValueError(
            f"{what}: source_id(s) not in the sources table: {unknown}; "
            "add them to sources (data/sources.csv) or pass sources="
        )


def _any_synthetic(ids: list[str], table: pd.DataFrame) -> bool:
    kinds = table.loc[table.index.intersection(ids)].get("kind", pd.Series(dtype=str))
    return bool((kinds.astype(str) == SYNTHETIC_KIND).any())


def _field(row: pd.Series, name: str, lang: str) -> str:
    """``name_<lang>`` if the sources table has it, else ``name``."""
    return text_of(row.get(f"{name}_{lang}")) or text_of(row.get(name))


# A trailing "(via … repost)" or "（数字报）" is the curator's provenance note;
# the caption names the publisher, data/sources.csv keeps the whole trail.
_TRAILING_NOTE = re.compile(r"\s*[（(][^()（）]*[)）]\s*$")
TITLE_MAX_CHARS = 30


def publisher_name(row: pd.Series, lang: str = "zh") -> str:
    """A source's publisher as a caption names it, without a trailing provenance note.

    >>> publisher_name(pd.Series({"publisher": "国家统计局 (via 199it.com repost)"}))
    '国家统计局'
    """
    name = _field(row, "publisher", lang)
    while _TRAILING_NOTE.search(name) and _TRAILING_NOTE.sub("", name):
        name = _TRAILING_NOTE.sub("", name)
    return name or text_of(row.get("source_id"))


def _title(row: pd.Series, lang: str) -> str:
    title = _TRAILING_NOTE.sub("", _field(row, "title", lang))
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title


def _entry(rows: list[pd.Series], lang: Literal["zh", "en"], with_title: bool) -> str:
    """One publisher's part of the caption, for one or several of its sources."""
    publisher = publisher_name(rows[0], lang)
    raw_dates = sorted({text_of(r.get("date")) for r in rows} - {""})
    dates = [format_date(d, lang) for d in raw_dates]
    if len(rows) == 1:
        title = _title(rows[0], lang) if with_title else ""
        if lang == "zh":
            head = publisher + (f"《{title}》" if title else "")
            return "，".join(p for p in (head, *dates) if p)
        return ", ".join(p for p in (publisher, f"“{title}”" if title else "", *dates) if p)
    # Several sources of one publisher (a yearly bulletin, say): one entry.
    n = len(rows)
    if lang == "zh":
        when = "、".join(dates) if len(dates) <= 3 else f"{dates[0]}至{dates[-1]}"
        return f"{publisher}，{when}（{n}份）" if when else f"{publisher}（{n}份）"
    when = ", ".join(dates) if len(dates) <= 3 else f"{dates[0]} – {dates[-1]}"
    return f"{publisher}, {when} ({n} sources)" if when else f"{publisher} ({n} sources)"


def _bypublisher_name(rows: list[pd.Series], lang: str) -> list[list[pd.Series]]:
    groups: dict[str, list[pd.Series]] = {}
    for row in rows:
        groups.setdefault(publisher_name(row, lang), []).append(row)
    return list(groups.values())


def caption_for(
    df: pd.DataFrame,
    lang: Lang = "both",
    sources: pd.DataFrame | None = None,
    *,
    titles: bool = False,
) -> str:
    """The source caption for the rows of ``df``.

    Each distinct ``source_id`` (in order of first appearance) is looked up in
    ``sources`` (default ``rs.load_sources()``) and named by publisher and
    date, and by title too with ``titles=True`` (titles longer than 30
    characters are shortened; with ``lang="both"`` the title appears once, in
    the Chinese part). Several sources of one publisher share one entry
    ("国家统计局，2016年1月至2025年1月（10份）"). A trailing bracketed note
    on a publisher ("(via … repost)") is left to the sources table.

    If any source is of kind ``synthetic`` the caption ends with a line
    holding :data:`SIMULATED_MARK`. A source_id missing from ``sources``, or
    a row without one, is an error: a figure never loses a source silently.
    Columns ``publisher_zh``/``publisher_en`` and ``title_zh``/``title_en``
    are used for that language when the sources table has them.

    >>> caption_for(facts.query("source_id == 'gzrb-2025-10'"))  # doctest: +SKIP
    '数据来源：贵州日报，2025年10月 · Source: Guizhou Daily, Oct 2025'
    """
    check_lang(lang)
    ids = cited_source_ids(df)
    table = _sources_by_id(sources)
    _check_known(ids, table, "caption_for")
    rows = [table.loc[i] for i in ids]
    zh = "数据来源：" + "；".join(_entry(g, "zh", titles) for g in _bypublisher_name(rows, "zh"))
    en_label = "Source: " if len(rows) == 1 else "Sources: "
    en_entries = [_entry(g, "en", titles and lang == "en") for g in _bypublisher_name(rows, "en")]
    en = en_label + "; ".join(en_entries)
    text = {"zh": zh, "en": en, "both": f"{zh} · {en}"}[lang]
    if any(text_of(r.get("kind")) == SYNTHETIC_KIND for r in rows):
        text += "\n" + SIMULATED_MARK
    return text


def is_simulated(df: pd.DataFrame, sources: pd.DataFrame | None = None) -> bool:
    """True if any row of ``df`` comes from a source of kind ``synthetic``.

    Unknown source_ids count as not synthetic here; :func:`caption_for` is
    where they are an error.

    >>> is_simulated(panel)  # doctest: +SKIP
    True
    """
    return _any_synthetic(cited_source_ids(df, "is_simulated"), _sources_by_id(sources))


def resolve_caption(
    df: pd.DataFrame,
    caption: str | None = None,
    lang: Lang = "both",
    sources: pd.DataFrame | None = None,
) -> str:
    """The caption a figure drawn from ``df`` must carry.

    ``caption=None`` gives :func:`caption_for` ``df``. A given caption
    replaces the wording only: it must be non-empty text (a figure must name
    its sources), and the rows' source_ids are still checked (a row without
    one, or an id missing from ``sources``, is an error). Whether the rows
    are simulated is decided from the data (:func:`is_simulated`), never
    from the caption text: if they are, the caption ends with
    :data:`SIMULATED_MARK`; if not, a mark written into ``caption`` is
    dropped. Data without a ``source_id`` column can only be drawn with a
    caption given.

    >>> resolve_caption(sim_rows, "Our own words", lang="en")  # doctest: +SKIP
    'Our own words\\n模拟数据 · simulated data'
    """
    return _resolve(df, caption, lang, _sources_by_id(sources))[0]


def _resolve(df: pd.DataFrame, caption: object, lang: str, table: pd.DataFrame) -> tuple[str, bool]:
    """(caption text, whether any row is simulated): the one decision behind every figure."""
    check_lang(lang)
    if caption is None:
        ids = cited_source_ids(df)
        _check_known(ids, table, "caption_for")
        return caption_for(df, lang, table), _any_synthetic(ids, table)  # type: ignore[arg-type]
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError(
            f"caption= must be non-empty text, got {caption!r}: a figure must name its sources "
            "(leave caption=None to cite the sources of the rows drawn)"
        )
    simulated = False
    if "source_id" in df.columns:
        ids = cited_source_ids(df, "caption")
        _check_known(ids, table, "caption")
        simulated = _any_synthetic(ids, table)
    lines = [line for line in caption.split("\n") if line.strip() != SIMULATED_MARK]
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise ValueError(
            "caption= holds only the simulated-data mark: a figure must name its sources"
        )
    return (f"{text}\n{SIMULATED_MARK}" if simulated else text), simulated


def cite(
    ax: Axes,
    df: pd.DataFrame,
    caption: str | None = None,
    *,
    lang: Lang = "both",
    sources: pd.DataFrame | None = None,
    key: str | None = None,
) -> str:
    """Caption ``ax``'s figure with the sources of ``df``'s rows; stamp ``ax`` if simulated.

    What every figure of ruralstudy does once it has drawn ``df`` (charts,
    maps, causal plots), and what a hand-built figure should call too: the
    caption comes from :func:`resolve_caption` (``caption=`` replaces the
    wording, never the sources check or the simulated mark), is added with
    :func:`add_caption` (``key`` replaces an earlier caption of that key),
    and a panel drawn from simulated rows is stamped once with
    :func:`mark_simulated`. Returns the caption text.

    >>> ax = panel.plot(x="year", y="y")  # doctest: +SKIP
    >>> rs.plot.cite(ax, panel)  # doctest: +SKIP
    """
    text, simulated = _resolve(df, caption, lang, _sources_by_id(sources))
    add_caption(ax.get_figure(root=True), text, key=key)
    if simulated and not any(t.get_gid() == STAMP_GID for t in ax.texts):
        mark_simulated(ax)
    return text


# -- drawing --------------------------------------------------------------------------

_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u300a-\u300b"
_TOKEN = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+\s*|\s+")
_NO_LINE_START = set("，。；：、）》」』”,.;:)")


def wrap_caption(text: str, width_pt: float, fontsize: float = CAPTION_FONTSIZE) -> str:
    """Break ``text`` into lines no wider than ``width_pt`` points.

    matplotlib's own ``wrap=True`` breaks only at spaces, and Chinese has
    none, so we measure with the font itself and may break between any two
    CJK characters (never before closing punctuation).

    >>> wrap_caption("数据来源：" + "贵州日报" * 30, 200).count("\\n") > 0
    True
    """
    prop = FontProperties(family=CAPTION_FAMILY, size=fontsize)
    measure = TextToPath()

    def width(s: str) -> float:
        if not s:
            return 0.0
        return measure.get_text_width_height_descent(s, prop, ismath=False)[0]

    out: list[str] = []
    paragraphs: list[str] = []
    for paragraph in text.split("\n"):
        # A bilingual caption too wide for one line breaks between its
        # Chinese and English halves first.
        if " · " in paragraph and width(paragraph) > width_pt:
            paragraphs.extend(paragraph.split(" · "))
        else:
            paragraphs.append(paragraph)
    for paragraph in paragraphs:
        line = ""
        for token in _TOKEN.findall(paragraph):
            candidate = line + token
            if line and width(candidate.rstrip()) > width_pt and token[0] not in _NO_LINE_START:
                out.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
        out.append(line.rstrip())
    return "\n".join(out)


def _split_mark(texts: Iterable[str]) -> tuple[list[str], bool]:
    lines: list[str] = []
    marked = False
    for text in texts:
        for line in text.split("\n"):
            if line.strip() == SIMULATED_MARK:
                marked = True
            elif line.strip() and line not in lines:
                lines.append(line)
    return lines, marked


def _reserve_bottom(fig: Figure, height_in: float) -> None:
    """Keep the axes clear of a caption ``height_in`` inches tall at the bottom."""
    frac = min(height_in / fig.get_figheight(), 0.5)
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, frac, 1, 1 - frac))
    elif isinstance(engine, TightLayoutEngine):
        engine.set(rect=(0, frac, 1, 1))
    else:
        # No layout engine: shift the subplot area up by the caption's height,
        # from the bottom the figure had before any caption.
        base = getattr(fig, _BOTTOM_ATTR, None)
        if base is None:
            base = fig.subplotpars.bottom
            setattr(fig, _BOTTOM_ATTR, base)
        fig.subplots_adjust(bottom=min(base + frac, 0.9))


def add_caption(fig: Figure, text: str, *, key: str | None = None) -> Text:
    """Draw ``text`` as the source caption at the bottom of ``fig``; return the artist.

    Captions accumulate per figure: adding the same text twice draws it once,
    and several panels with different sources each add their own line. A line
    equal to :data:`SIMULATED_MARK` is drawn once, last, in red. The
    axes are moved up so the caption never overlaps them, and lines are
    wrapped to the figure width. ``key`` replaces an earlier caption added
    with the same key.

    >>> add_caption(fig, caption_for(facts))  # doctest: +SKIP
    """
    if isinstance(fig, SubFigure):
        fig = fig.get_figure(root=True)
    register_cjk_font()
    captions: dict[str, str] = getattr(fig, _CAPTIONS_ATTR, None) or {}
    captions[key if key is not None else text] = text
    setattr(fig, _CAPTIONS_ATTR, captions)
    for artist in getattr(fig, _ARTISTS_ATTR, []):
        artist.remove()

    lines, marked = _split_mark(captions.values())
    pad = _PAD_IN / fig.get_figheight()
    width_pt = (fig.get_figwidth() - 2 * _PAD_IN) * 72
    x = _PAD_IN / fig.get_figwidth()
    y_in = _PAD_IN
    artists: list[Text] = []
    if marked:
        mark = fig.text(
            x,
            pad,
            SIMULATED_MARK,
            ha="left",
            va="bottom",
            fontsize=MARK_FONTSIZE,
            color=MARK_COLOR,
            family=CAPTION_FAMILY,
        )
        artists.append(mark)
        y_in += MARK_FONTSIZE * _LINESPACING / 72
    body = wrap_caption("\n".join(lines), width_pt)
    n_lines = body.count("\n") + 1 if body else 0
    caption = fig.text(
        x,
        y_in / fig.get_figheight(),
        body,
        ha="left",
        va="bottom",
        fontsize=CAPTION_FONTSIZE,
        color=CAPTION_COLOR,
        linespacing=_LINESPACING,
        family=CAPTION_FAMILY,
    )
    artists.insert(0, caption)
    y_in += n_lines * CAPTION_FONTSIZE * _LINESPACING / 72 + _PAD_IN
    for artist in artists:
        artist.set_in_layout(False)
    setattr(fig, _ARTISTS_ATTR, artists)
    _reserve_bottom(fig, y_in)
    return caption


def mark_simulated(ax: Axes) -> Text:
    """Stamp :data:`SIMULATED_MARK` across ``ax`` so a cropped panel still says it.

    >>> mark_simulated(ax)  # doctest: +SKIP
    """
    register_cjk_font()
    stamp = ax.text(
        0.5,
        0.5,
        SIMULATED_MARK,
        transform=ax.transAxes,
        ha="center",
        va="center",
        rotation=20,
        fontsize=16,
        color=MARK_COLOR,
        alpha=0.18,
        family=CAPTION_FAMILY,
        zorder=10,
        gid=STAMP_GID,
    )
    stamp.set_in_layout(False)
    return stamp


def figure_captions(fig: Figure) -> list[str]:
    """The caption texts added to ``fig`` so far, in order (for checks and tests).

    >>> figure_captions(ax.figure)  # doctest: +SKIP
    ['数据来源：… · Source: …']
    """
    return list((getattr(fig, _CAPTIONS_ATTR, None) or {}).values())
