"""What a set of rows cites, whether it is simulated, and how each source is named.

The one place that decides what a figure, a map or an estimate cites
(DESIGN.md principle 2, "The source goes wherever the figure goes"): plot, maps,
causal and report all ask here, and draw or write what they are told.
Nothing here reads ``DataFrame.attrs`` (pandas drops it on concat): rows
cite through their ``source_id`` column only.

How a source is named follows the Chinese yearbook convention
"资料来源：发布机构《发布名称》": the *original* publisher and release, not the
page the text was read from. data/sources.csv records a repost as
``国家统计局 (via 199it.com repost)``; the caption says 国家统计局, and the
repost page stays in the data (``url``, the note) and in the figures index.
A source whose original publisher the data do not know is named honestly
as what it is: "转引自 wuliutian.com" (quoted from a repost).

>>> import pandas as pd
>>> src = pd.DataFrame({"source_id": ["a"], "kind": ["statistics"],
...     "publisher": ["国家统计局 (via 199it.com repost)"],
...     "publisher_en": ["National Bureau of Statistics of China"],
...     "title": ["国家统计局:2020年居民收入和消费支出情况"], "date": ["2021-01-18"]})
>>> caption_for(pd.DataFrame({"source_id": ["a"]}), "zh", src)
'资料来源：国家统计局《2020年居民收入和消费支出情况》，2021年1月18日'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import pandas as pd

from ruralstudy.numbers import other_digit

Lang = Literal["zh", "en", "both"]
LANGS: tuple[str, ...] = ("zh", "en", "both")

SYNTHETIC_KIND = "synthetic"
# The mark every figure drawn from simulated rows carries. The bilingual one
# is the default (a reused figure may meet readers of either language).
SIMULATED_MARK = "模拟数据 · simulated data"
SIMULATED_MARKS: dict[str, str] = {
    "zh": "模拟数据，非实测",
    "en": "Simulated data, not evidence",
    "both": SIMULATED_MARK,
}
SOURCE_LABEL = {"zh": "资料来源：", "en_one": "Source: ", "en_many": "Sources: "}
VIA = {"zh": "转引自", "en": "via"}

_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
TITLE_MAX_CHARS = 30
# At most this many releases of one publisher are named one by one; more
# share one entry with their date range ("国家统计局，2016年1月至2025年1月（10份）").
TITLES_PER_PUBLISHER = 2


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of zh, en, both; raise ValueError otherwise.

    >>> check_lang("zh")
    'zh'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def text_of(value: object) -> str:
    """A cell as stripped text; empty for NaN/None/NA.

    >>> text_of(float("nan")), text_of(" 贵州 ")
    ('', '贵州')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def format_date(value: object, lang: Literal["zh", "en"]) -> str:
    """A source date (YYYY, YYYY-MM or YYYY-MM-DD) as a reader writes it.

    Digits are ASCII: a date in full-width or another script's digits (２０２５, ٢٠٢٥)
    raises ValueError naming the digit, as the loader's date pattern refuses it.

    >>> format_date("2025-10", "zh"), format_date("2025-10", "en")
    ('2025年10月', 'Oct 2025')
    """
    text = text_of(value)
    why = other_digit(text)
    if why:  # \d would read ２０２５ or ٢٠٢٥ as a year and print it as written
        raise ValueError(f"date {text!r}: {why}; dates are YYYY, YYYY-MM or YYYY-MM-DD")
    if re.fullmatch(r"[0-9]{4}\.0", text):  # a year column read as float
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


# -- which rows cite what -------------------------------------------------------------


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


def sources_by_id(sources: pd.DataFrame | None) -> pd.DataFrame:
    """The sources table indexed by source_id (default ``rs.load_sources()``)."""
    if sources is None:
        # Imported here: provenance sits above datasets, and only needs the
        # registry when the caller did not pass one.
        from ruralstudy.datasets import load_sources

        sources = load_sources()
    if "source_id" in sources.columns:
        sources = sources.set_index("source_id", drop=False)
    if sources.index.has_duplicates:
        dup = sorted(set(sources.index[sources.index.duplicated()]))
        raise ValueError(f"sources table repeats source_id(s): {dup}")
    return sources


def check_known(ids: list[str], table: pd.DataFrame, what: str) -> None:
    """Raise if any of ``ids`` is not in the sources ``table``."""
    unknown = [i for i in ids if i not in table.index]
    if unknown:
        raise ValueError(
            f"{what}: source_id(s) not in the sources table: {unknown}; "
            "add them to sources (data/sources.csv) or pass sources="
        )


def any_synthetic(ids: list[str], table: pd.DataFrame) -> bool:
    """True if any of ``ids`` is a source of kind ``synthetic`` in ``table``."""
    kinds = table.loc[table.index.intersection(ids)].get("kind", pd.Series(dtype=str))
    return bool((kinds.astype(str) == SYNTHETIC_KIND).any())


def is_simulated(df: pd.DataFrame, sources: pd.DataFrame | None = None) -> bool:
    """True if any row of ``df`` comes from a source of kind ``synthetic``.

    Unknown source_ids count as not synthetic here; :func:`caption_for` is
    where they are an error.

    >>> is_simulated(panel)  # doctest: +SKIP
    True
    """
    return any_synthetic(cited_source_ids(df, "is_simulated"), sources_by_id(sources))


# -- how a source is named ------------------------------------------------------------

# A trailing "(via … repost)" or "（数字报）" is the curator's provenance note.
_TRAILING_NOTE = re.compile(r"\s*[（(][^()（）]*[)）]\s*$")
# The curator's words for "the publisher is not known" (data/sources.csv).
_UNKNOWN_PUBLISHER = re.compile(r"^(unknown|不详|未知)\b", re.IGNORECASE)
_NOT_NAMED = re.compile(r"original publisher not named|原(始)?出处不详|原发布者不详", re.IGNORECASE)
# Where a repost note names the page's site: "via 199it.com repost", "copy at m.beizhemei.com".
_VIA_SITE = re.compile(r"(?:via|copy at|served at)\s+([^\s,;()（）]+)", re.IGNORECASE)
# Titles the curator wrote as a description, not the release's own words.
_NOT_A_TITLE = re.compile(r"title not shown", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _field(row: pd.Series, name: str, lang: str) -> str:
    """``name_<lang>`` if the sources table has it, else ``name``."""
    return text_of(row.get(f"{name}_{lang}")) or text_of(row.get(name))


def _strip_notes(text: str) -> str:
    while _TRAILING_NOTE.search(text) and _TRAILING_NOTE.sub("", text):
        text = _TRAILING_NOTE.sub("", text)
    return text.strip()


def publisher_name(row: pd.Series, lang: str = "zh") -> str:
    """The original publisher as a caption names it; empty when the data do not know it.

    >>> publisher_name(pd.Series({"publisher": "国家统计局 (via 199it.com repost)"}))
    '国家统计局'
    >>> publisher_name(pd.Series({"publisher": "unknown (database abstract)"}))
    ''
    """
    raw = _field(row, "publisher", lang)
    if _NOT_NAMED.search(raw) or _NOT_NAMED.search(text_of(row.get("publisher"))):
        return ""
    name = _strip_notes(raw)
    return "" if _UNKNOWN_PUBLISHER.match(name) else name


def read_from(row: pd.Series) -> str:
    """The site of the page a source was read from: a repost's site, else its address's host.

    >>> read_from(pd.Series({"publisher": "国家统计局 (via 199it.com repost)",
    ...                      "url": "http://www.199it.com/archives/1193176.html"}))
    '199it.com'
    """
    publisher = text_of(row.get("publisher"))
    m = _VIA_SITE.search(publisher)
    if m:
        return m.group(1)
    head = _strip_notes(publisher)
    if "." in head and " " not in head and not _UNKNOWN_PUBLISHER.match(head):
        return head  # the site itself, e.g. wuliutian.com
    host = urlsplit(text_of(row.get("url"))).hostname or ""
    return host.removeprefix("www.")


def release_title(row: pd.Series, lang: str = "zh") -> str:
    """The release's own title for 《》, or empty when the data hold only a description.

    The curator's notes in brackets and a leading publisher tag
    ("[國家統計局]", "国家统计局:") go; a title written as an English
    description ("车田村 feature (title not shown …)") is no title to quote
    in a Chinese caption, and a Chinese one none for an English caption.

    >>> release_title(pd.Series({"publisher": "国家统计局", "title": "[国家统计局]2021年居民收入"}))
    '2021年居民收入'
    """
    raw = _field(row, "title", lang)
    if not raw or _NOT_A_TITLE.search(raw):
        return ""
    title = _strip_notes(raw)
    title = re.sub(r"^[\[【［][^\]】］]*[\]】］]\s*", "", title)
    publisher = _strip_notes(text_of(row.get("publisher")))
    if publisher and title.startswith(publisher) and title != publisher:
        rest = title[len(publisher) :]
        # "国家统计局:2020年…" is how the page titled the release; "国家统计局 2015年
        # 全国居民收入" (a space, or ": ") is the curator describing it (data/README.md).
        if rest[:1].isspace() or rest[:2] in (": ", "： "):
            return ""
        title = rest.lstrip(":：·")
    has_latin, has_cjk = bool(_LATIN_WORD.search(title)), bool(_CJK.search(title))
    if (lang == "zh" and has_latin) or (lang == "en" and has_cjk):
        return ""
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title


@dataclass(frozen=True)
class SourceName:
    """How one source is named in a caption and in the figures index."""

    source_id: str
    publisher: str  # original publisher, "" when not known
    release: str  # original release title, "" when the data hold none
    date: str  # as the source dates it (YYYY[-MM[-DD]])
    read_from: str  # site of the page the text was read from


def source_name(row: pd.Series, lang: Literal["zh", "en"] = "zh") -> SourceName:
    """The parts a caption names a source by.

    >>> s = source_name(pd.Series({"source_id": "x", "publisher": "unknown (abstract)",
    ...                             "url": "http://1.2.3.4/ps"}))
    >>> (s.publisher, s.read_from)
    ('', '1.2.3.4')
    """
    return SourceName(
        source_id=text_of(row.get("source_id")) or text_of(row.name),
        publisher=publisher_name(row, lang),
        release=release_title(row, lang),
        date=text_of(row.get("date")),
        read_from=read_from(row),
    )


def cited_name(name: SourceName, lang: Literal["zh", "en"]) -> str:
    """Who a caption names: the publisher, or "转引自 <site>" when it is not known.

    >>> cited_name(SourceName("x", "", "", "", "wuliutian.com"), "zh")
    '转引自wuliutian.com'
    """
    if name.publisher:
        return name.publisher
    site = name.read_from or name.source_id
    return f"{VIA['zh']}{site}" if lang == "zh" else f"{VIA['en']} {site}"


def _entry(names: list[SourceName], lang: Literal["zh", "en"], with_title: bool) -> str:
    """One publisher's part of the caption, for one or several of its sources."""
    who = cited_name(names[0], lang)
    dates = [format_date(d, lang) for d in sorted({n.date for n in names} - {""})]
    titles = list(dict.fromkeys(n.release for n in names if n.release)) if with_title else []
    if len(names) <= TITLES_PER_PUBLISHER:
        if lang == "zh":
            head = who + "".join(f"《{t}》" for t in titles)
            return "，".join(p for p in (head, "、".join(dates)) if p)
        quoted = ", ".join(f"“{t}”" for t in titles)
        return ", ".join(p for p in (who, quoted, ", ".join(dates)) if p)
    n = len(names)
    if lang == "zh":
        when = f"{dates[0]}至{dates[-1]}" if len(dates) > 1 else "".join(dates)
        return f"{who}，{when}（{n}份）" if when else f"{who}（{n}份）"
    when = f"{dates[0]} – {dates[-1]}" if len(dates) > 1 else "".join(dates)
    return f"{who}, {when} ({n} sources)" if when else f"{who} ({n} sources)"


def _by_publisher(names: list[SourceName], lang: str) -> list[list[SourceName]]:
    groups: dict[str, list[SourceName]] = {}
    for name in names:
        groups.setdefault(cited_name(name, lang), []).append(name)  # type: ignore[arg-type]
    return list(groups.values())


def caption_for(
    df: pd.DataFrame,
    lang: Lang = "both",
    sources: pd.DataFrame | None = None,
    *,
    titles: bool = True,
) -> str:
    """The source line for the rows of ``df``: "资料来源：发布机构《发布名称》，日期".

    Each distinct ``source_id`` (in order of first appearance) is looked up
    in ``sources`` (default ``rs.load_sources()``) and named by its original
    publisher (:func:`publisher_name`), release title (:func:`release_title`;
    ``titles=False`` leaves titles out) and date; a source whose publisher
    is unknown is named "转引自 <site>" / "via <site>". Up to two releases
    of one publisher are named one by one, more share one entry with their
    date range ("国家统计局，2016年1月至2025年1月（10份）"). Columns
    ``publisher_en``/``title_en`` serve English captions.

    If any source is of kind ``synthetic`` the caption ends with a line
    holding the simulated-data mark of ``lang`` (:data:`SIMULATED_MARKS`).
    A source_id missing from ``sources``, or a row without one, is an
    error: a figure never loses a source silently.

    >>> caption_for(facts.query("source_id == 'gzrb-2025-10'"))  # doctest: +SKIP
    '资料来源：贵州日报，2025年10月 · Source: Guizhou Daily, Oct 2025'
    """
    check_lang(lang)
    ids = cited_source_ids(df)
    table = sources_by_id(sources)
    check_known(ids, table, "caption_for")
    rows = [table.loc[i] for i in ids]
    zh_names = [source_name(r, "zh") for r in rows]
    en_names = [source_name(r, "en") for r in rows]
    zh = SOURCE_LABEL["zh"] + "；".join(
        _entry(g, "zh", titles) for g in _by_publisher(zh_names, "zh")
    )
    en_label = SOURCE_LABEL["en_one"] if len(rows) == 1 else SOURCE_LABEL["en_many"]
    en = en_label + "; ".join(
        _entry(g, "en", titles and lang == "en") for g in _by_publisher(en_names, "en")
    )
    text = {"zh": zh, "en": en, "both": f"{zh} · {en}"}[lang]
    if any(text_of(r.get("kind")) == SYNTHETIC_KIND for r in rows):
        text += "\n" + SIMULATED_MARKS[lang]
    return text


def is_mark(line: str) -> bool:
    """True if ``line`` is one of the simulated-data marks."""
    return line.strip() in SIMULATED_MARKS.values()


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
    from the caption text: if they are, the caption ends with the mark; if
    not, a mark written into ``caption`` is dropped. Data without a
    ``source_id`` column can only be drawn with a caption given.

    >>> resolve_caption(sim_rows, "Our own words", lang="en")  # doctest: +SKIP
    'Our own words\\nSimulated data, not evidence'
    """
    return resolve(df, caption, lang, sources_by_id(sources))[0]


def resolve(
    df: pd.DataFrame, caption: object, lang: str, table: pd.DataFrame
) -> tuple[str, bool, list[str]]:
    """(caption text, whether any row is simulated, source_ids cited): behind every figure."""
    check_lang(lang)
    if caption is None:
        ids = cited_source_ids(df)
        check_known(ids, table, "caption_for")
        return caption_for(df, lang, table), any_synthetic(ids, table), ids  # type: ignore[arg-type]
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError(
            f"caption= must be non-empty text, got {caption!r}: a figure must name its sources "
            "(leave caption=None to cite the sources of the rows drawn)"
        )
    simulated, ids = False, []
    if "source_id" in df.columns:
        ids = cited_source_ids(df, "caption")
        check_known(ids, table, "caption")
        simulated = any_synthetic(ids, table)
    lines = [line for line in caption.split("\n") if not is_mark(line)]
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise ValueError(
            "caption= holds only the simulated-data mark: a figure must name its sources"
        )
    mark = SIMULATED_MARKS[lang]
    return (f"{text}\n{mark}" if simulated else text), simulated, ids


def publishers_of(
    ids: list[str], table: pd.DataFrame, lang: Literal["zh", "en"] = "zh"
) -> list[str]:
    """The names a caption gives the sources ``ids``, each once, for the figures index.

    >>> publishers_of(["a"], sources_by_id(src))  # doctest: +SKIP
    ['国家统计局']
    """
    names = [cited_name(source_name(table.loc[i], lang), lang) for i in ids if i in table.index]
    return list(dict.fromkeys(names))


def pages_of(ids: list[str], table: pd.DataFrame) -> list[str]:
    """The addresses of the pages the sources ``ids`` were read from (reposts included)."""
    urls = [text_of(table.loc[i].get("url")) for i in ids if i in table.index]
    return list(dict.fromkeys(u for u in urls if u))
