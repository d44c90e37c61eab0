"""Find a place by what a user types: its place_id, Chinese name or pinyin.

Several villages in China share a name (车田村 is one of many), so a name
that fits more than one place is an error listing them, never a silent first
pick; a name that fits none lists the closest names.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pandas as pd

# Level words dropped so "Chetian", "chetiancun" and "Chetian Village" all match.
_LEVEL_WORDS_ZH = ("村", "社区", "镇", "乡", "街道", "县", "市", "区", "省")
_LEVEL_WORDS_EN = ("village", "community", "town", "township", "subdistrict", "county",
                   "district", "city", "province")  # fmt: skip
_LEVEL_PINYIN = ("cun", "shequ", "zhen", "xiang", "jiedao", "xian", "shi", "qu", "sheng")


class PlaceLookupError(LookupError):
    """A place name that does not name exactly one place; ``candidates`` holds the choices."""

    def __init__(self, message: str, candidates: pd.DataFrame) -> None:
        super().__init__(message)
        self.candidates = candidates


class AmbiguousPlace(PlaceLookupError):
    """The name fits several places."""


class UnknownPlace(PlaceLookupError):
    """The name fits no place."""


def normalise(text: str) -> str:
    """Lower case, tone marks and width folded, spaces, hyphens and apostrophes gone.

    >>> normalise("Chētián  Village"), normalise("ＣＨＥＴＩＡＮ")
    ('chetianvillage', 'chetian')
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(text)))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[\s\-_'’·.]+", "", folded.lower())


def _pinyin(name_zh: str) -> str:
    from pypinyin import lazy_pinyin  # only a name lookup needs it

    return "".join(lazy_pinyin(name_zh))


def _strip(text: str, endings: tuple[str, ...]) -> str:
    for end in sorted(endings, key=len, reverse=True):
        if text.endswith(end) and len(text) > len(end):
            return text[: -len(end)]
    return text


def place_keys(place: pd.Series) -> set[str]:
    """Every normalised spelling that names ``place``: id, names, pinyin, with and
    without the level word.

    >>> sorted(place_keys(pd.Series({"place_id": "x.chetian", "name_zh": "车田村",
    ...                              "name_en": "Chetian Village"})))[:3]
    ['chetian', 'chetiancun', 'chetianvillage']
    """
    zh = str(place.get("name_zh") or "")
    en = normalise(str(place.get("name_en") or ""))
    pinyin = normalise(_pinyin(zh)) if zh else ""
    keys = {
        normalise(place["place_id"]),
        normalise(zh),
        normalise(_strip(zh, _LEVEL_WORDS_ZH)),
        en,
        _strip(en, _LEVEL_WORDS_EN),
        pinyin,
        _strip(pinyin, _LEVEL_PINYIN),
    }
    return keys - {""}


def find_place(query: str, places: pd.DataFrame | None = None) -> pd.Series:
    """The one place ``query`` names (a place_id, Chinese name or pinyin).

    An exact place_id always wins. Otherwise every spelling of every place
    is compared after :func:`normalise`; several matches raise
    :class:`AmbiguousPlace`, none :class:`UnknownPlace` with the closest names.

    >>> find_place("Chetian")["place_id"]  # doctest: +SKIP
    'cn.guizhou.guian.huchao.chetian'
    """
    if places is None:
        from ruralstudy.datasets import load_places

        places = load_places()
    exact = places[places["place_id"] == query]
    if len(exact) == 1:
        return exact.iloc[0]
    wanted = normalise(query)
    keys = [place_keys(row) for _, row in places.iterrows()]
    hits = places[[wanted in k for k in keys]] if wanted else places.iloc[:0]
    if len(hits) == 1:
        return hits.iloc[0]
    if len(hits) > 1:
        raise AmbiguousPlace(
            f"{query!r} names {len(hits)} places; give one of their place_ids:\n"
            + describe(hits, places),
            hits,
        )
    close, near = closest(query, places, keys)
    heading = "closest" if near else "none is close; the nearest"
    hint = f"; {heading}:\n" + describe(close, places) if len(close) else ""
    raise UnknownPlace(f"no place called {query!r}{hint}", close)


NEAR = 0.5  # difflib ratio from which a spelling counts as close


def closest(
    query: str, places: pd.DataFrame, keys: list[set[str]], n: int = 5
) -> tuple[pd.DataFrame, bool]:
    """The ``n`` places with a spelling most like ``query``, most alike first, and
    whether the best is close (difflib ratio ≥ :data:`NEAR`).

    The query is compared as typed and, when it holds Chinese, as its pinyin,
    with every spelling of a place (Chinese names and pinyin among them), so
    "车天村" finds 车田村 and "chetain" finds Chetian.
    """
    spellings = {normalise(query)}
    if any(unicodedata.east_asian_width(c) == "W" for c in query):
        spellings.add(normalise(_pinyin(query)))
    spellings -= {""}
    scores = [
        max((difflib.SequenceMatcher(None, s, k).ratio() for s in spellings for k in ks),
            default=0.0)
        for ks in keys
    ]  # fmt: skip
    ranked = places.assign(_score=scores).sort_values("_score", ascending=False, kind="stable")
    top = ranked.head(n)
    near = bool(len(top)) and float(top["_score"].iloc[0]) >= NEAR
    return top.drop(columns="_score"), near


def describe(places: pd.DataFrame, everywhere: pd.DataFrame | None = None) -> str:
    """One line per place: id, Chinese and English name, level, and the names
    of its township and county (two 车田村 differ only there), looked up in
    ``everywhere`` (default: ``places`` itself).

    >>> places = pd.DataFrame({"place_id": ["a", "a.b"], "name_zh": ["某县", "某村"],
    ...     "name_en": ["X County", "Y Village"], "level": ["county", "village"],
    ...     "parent_id": [None, "a"]})
    >>> describe(places.iloc[1:], places)
    '  a.b  某村 Y Village (village, in 某县)'
    """
    everywhere = places if everywhere is None else everywhere
    return "\n".join(
        f"  {p.place_id}  {p.name_zh} {p.name_en} ({p.level}{_within(p, everywhere)})"
        for p in places.itertuples()
    )


def _within(place, everywhere: pd.DataFrame) -> str:
    """ ", in 湖潮乡 · 贵安新区直管区": the names of the two levels above, if known."""
    if "parent_id" not in everywhere.columns:
        return ""
    name_of = everywhere.set_index("place_id")["name_zh"]
    parent_of = everywhere.set_index("place_id")["parent_id"]
    names, at = [], getattr(place, "parent_id", None)
    while isinstance(at, str) and at in name_of.index and len(names) < 2:
        names.append(str(name_of[at]))
        at = parent_of[at]
    return f", in {' · '.join(names)}" if names else ""
