"""The encoding decision and the mojibake test on many generated texts, not
only the corpus: real text is never called garbled, garbled text is found
whichever wrong reading made it, and GBK and Big5 are told apart once a file
holds a few words."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ruralstudy import DataValidationError
from ruralstudy._chars import RARE, kind
from ruralstudy._encoding import decode_table
from ruralstudy._mojibake import diagnose

RNG_SEED = 20251001


def _pool(codec: str, leads: range, trails: list[int]) -> list[str]:
    chars = []
    for lead in leads:
        for trail in trails:
            try:
                chars.append(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


GB2312 = _pool("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))
BIG5 = _pool("big5", range(0xA4, 0xC6), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
RARE_HANZI = [chr(c) for c in range(0x4E00, 0xA000, 7) if kind(chr(c)) == RARE]


def _words(pool, rng, count, length):
    return ["".join(rng.choice(pool) for _ in range(length)) for _ in range(count)]


@pytest.mark.parametrize(
    ("pool", "codec", "label"), [(GB2312, "gbk", "GB18030/GBK"), (BIG5, "big5", "Big5")]
)
def test_gbk_and_big5_files_of_a_few_words_decode_right(pool, codec, label):
    rng = random.Random(RNG_SEED)
    refused = 0
    for _ in range(300):
        names = _words(pool, rng, 3, 4)  # three four-character names: a small table
        table = "name_zh,value\n" + "".join(f"{name},{i}\n" for i, name in enumerate(names))
        try:
            decoded = decode_table(table.encode(codec), Path("t.csv"))
        except DataValidationError as err:
            assert "encoding cannot be told" in str(err)
            refused += 1
            continue
        assert (decoded.label, decoded.text) == (label, table)  # never misread
    # Random characters are harsher than text (real Big5 text repeats the
    # frequent characters, which GBK reads as rare ones); few are ambiguous.
    assert refused <= 15


def test_real_chinese_is_never_called_garbled():
    rng = random.Random(RNG_SEED)
    flagged = []
    for _ in range(5000):
        text = rng.choice(_words(GB2312 + BIG5, rng, 1, rng.randint(2, 12)))
        text += "".join(rng.choice(RARE_HANZI) for _ in range(rng.randint(0, 2)))
        for expect in ("chinese", "source", None):
            if diagnose(text, expect) is not None:
                flagged.append((text, expect, diagnose(text, expect)))
    # Random strings of everyday and rare hanzi are harsher than real text
    # (which repeats common characters); still at most 1 in 1,000 is doubted.
    assert len(flagged) <= 15, flagged[:5]


@pytest.mark.parametrize(
    ("real", "wrong"),
    [
        ("utf-8", "sloppy"),
        ("gbk", "latin-1"),
        ("big5", "latin-1"),
        ("utf-8", "gbk"),
    ],
)
def test_garbled_chinese_is_found_whichever_wrong_reading_made_it(real, wrong):
    rng = random.Random(RNG_SEED)
    pool = BIG5 if real == "big5" else GB2312
    missed = []
    for text in _words(pool, rng, 500, 4):
        data = text.encode(real)
        garbled = _misread(data, wrong)
        if diagnose(garbled, "chinese") is None:
            missed.append((text, garbled))
    assert len(missed) <= 5, missed[:5]


def _misread(data: bytes, wrong: str) -> str:
    if wrong == "sloppy":  # Windows-1252, Latin-1 for the bytes it leaves undefined
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    return data.decode(wrong, errors="replace")


def test_european_text_is_not_garbled():
    for text in ["Gödel", "São Paulo", "naïve café", "Ærøskøbing", "Dvořák", "Łódź", "µg/m³"]:
        assert diagnose(text, None) is None
        assert diagnose(text, "source") is None


def test_a_gbk_file_valid_as_utf8_is_refused_not_misread(tmp_path):
    # Hanzi whose GBK bytes are one UTF-8 letter each (lead 0xC2-0xD7, trail 0xA1-0xBF).
    rng = random.Random(RNG_SEED)
    pool = _pool("gb2312", range(0xC2, 0xD8), list(range(0xA1, 0xC0)))
    for _ in range(50):
        names = _words(pool, rng, 2, 3)
        path = tmp_path / "t.csv"
        path.write_bytes(("name_zh,value\n" + f"{names[0]},1\n{names[1]},2\n").encode("gbk"))
        from ruralstudy.io import read_text_table

        with pytest.raises(DataValidationError, match="GB18030/GBK"):
            read_text_table(path)
