"""Find garbled text (mojibake) and lost characters in a table's cells.

Mojibake is text decoded with the wrong encoding: UTF-8 read as Windows-1252
gives "è½¦ç”°æ‘", GBK read as Latin-1 gives "³µÌï´å", UTF-8 read as GBK gives
"杞︾敯鏉", GBK bytes that happen to be valid UTF-8 give Greek or Hebrew
letters.  The test is the one ftfy uses, without guessing: a cell is garbled
when re-encoding it with the wrong encoding and decoding with the right one
succeeds strictly and gives text that reads far more like Chinese
(``_chars.plausibility``).  Real text does not survive that round trip as
anything plausible, so the test does not fire on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ruralstudy._chars import (
    COMMON,
    LOST,
    ODD,
    RARE,
    badness,
    context_kinds,
    describe,
    has_hanzi,
    kind,
    plausibility,
)
from ruralstudy._problems import RESAVE_CSV, problem

LABELS = {
    "sloppy-1252": "Windows-1252/Latin-1",
    "utf-8": "UTF-8",
    "gb18030": "GB18030/GBK",
    "cp950": "Big5",
}
# (how it was wrongly read, what it really was)
WRONG_READINGS = (
    ("sloppy-1252", "utf-8"),
    ("sloppy-1252", "gb18030"),
    ("sloppy-1252", "cp950"),
    ("gb18030", "utf-8"),
    ("cp950", "utf-8"),
    ("utf-8", "gb18030"),
    ("utf-8", "cp950"),
)
# GBK read as Big5 and Big5 read as GBK are both hanzi, which only character
# frequencies could tell apart; those are judged for the whole file when it
# is decoded (``_encoding``), not per cell.
FIXED_MIN_PLAUSIBILITY = 0.9
# Columns that hold Chinese text; *_zh columns too.  Names, titles and
# publishers may also be in a European language, so Latin letters pass there.
CHINESE_COLUMNS = {"name_zh"}
# Verbatim text of a source, which may be Japanese, Korean or European too.
SOURCE_COLUMNS = {"text", "quote", "title", "publisher", "author", "name"}
LOST_QUESTION_MARKS = re.compile(r"\?{2,}")
MARKERS = ("锟斤拷",)  # U+FFFD's UTF-8 bytes read as GBK: text lost long ago
MAX_REMEMBERED = 100_000  # cells whose diagnosis is kept for their repeats


def cell_problems(
    records: list[list[str | None]], path: Path, file_codec: str | None
) -> list[dict]:
    """One problem per column and kind of damage: first row, count, example.

    ``records`` starts with the header (row 1); ``file_codec`` is the codec
    the file was decoded with (None for XLSX, whose XML is always Unicode).
    """
    header = records[0] if records else []
    expectations = [_expectation(name) for name in header]
    found: dict[tuple, list] = {}
    seen: dict[tuple, tuple | None] = {}  # tables repeat their values: judge each once
    for number, rec in enumerate(records, start=1):
        for index, cell in enumerate(rec):
            if cell is None or (cell.isascii() and "??" not in cell):
                continue
            column = header[index] if number > 1 and index < len(header) else None
            expect = expectations[index] if column is not None else None
            key = (cell, expect)
            if key not in seen:
                if len(seen) >= MAX_REMEMBERED:
                    seen.clear()  # quotes seldom repeat: keep the memory bounded
                seen[key] = diagnose(cell, expect)
            diagnosis = seen[key]
            if diagnosis is not None:
                entry = found.setdefault((column, diagnosis[0]), [number, 0, cell, diagnosis])
                entry[1] += 1
    return [_as_problem(path, column, entry, file_codec) for (column, _), entry in found.items()]


def diagnose(cell: str, expect: str | None) -> tuple[str, str] | None:
    """(key, detail) of what is wrong with one cell's text, or None.

    ``expect`` is "chinese" for Chinese names (*_zh), "source" for a source's
    own words (quote, text, title, publisher …), None for any other column.

    >>> diagnose("è½¦ç”°æ‘", None)[0]
    'sloppy-1252>utf-8'
    """
    if "\ufeff" in cell:
        return "bom", ""
    if plausibility(cell) < 1.0:
        for wrong, real in WRONG_READINGS:
            if wrong == "utf-8" and (expect is None or has_hanzi(cell)):
                # Valid UTF-8 outside Chinese columns: Greek is Greek.  Hanzi
                # that would read as other hanzi in GBK are judged for the
                # whole file (``_encoding``): per cell, frequency decides too little.
                continue
            fixed = _undo(cell, wrong, real, _min_drop(wrong, real, expect))
            if fixed is not None:
                return f"{wrong}>{real}", fixed
    if any(marker in cell for marker in MARKERS) or any(
        kind(ch) == LOST for ch in cell if ord(ch) >= 0x80
    ):
        return "lost", _lost_detail(cell)
    if expect == "chinese" and LOST_QUESTION_MARKS.search(cell):
        return "questions", ""
    if expect is not None:
        odd = _odd_letters(cell, expect)
        if odd:
            return "odd", odd[0]
    return None


def _expectation(column: str | None) -> str | None:
    name = (column or "").strip().lower()
    if name in CHINESE_COLUMNS or name.endswith("_zh"):
        return "chinese"
    if name in SOURCE_COLUMNS:
        return "source"
    return None


def _odd_letters(cell: str, expect: str) -> list[str]:
    """Unlikely characters.  A Chinese name (*_zh) holds none of them.  A
    source's own words (quote, title …) may be Japanese, Korean, European or
    carry signs (©, «»), so there only the letters GBK bytes become when read
    as UTF-8 (Cyrillic … NKo) count, and only beside hanzi."""
    if expect == "source":
        if not has_hanzi(cell):
            return []
        return [ch for ch in cell if 0x0400 <= ord(ch) <= 0x07FF]
    wide = [ch for ch in cell if ord(ch) >= 0x80]
    return [ch for ch, k in zip(wide, context_kinds(cell), strict=True) if k == ODD]


def _min_drop(wrong: str, real: str, expect: str | None) -> int:
    """How many unlikely characters undoing a wrong reading must remove.

    One is enough where Chinese is expected; two elsewhere, and for UTF-8
    (GBK read as UTF-8 makes one Greek or Cyrillic letter per hanzi, so a
    lone "α" or "©" is a sign, not mojibake).
    """
    return 1 if expect == "chinese" and wrong != "utf-8" else 2


def _undo(cell: str, wrong: str, real: str, min_drop: int) -> str | None:
    """The cell as it reads when its wrong decoding is reversed, if that reads far better.

    U+FFFD marks where the wrong reading gave up on a byte; the pieces between
    are undone one by one, each allowed to lose a cut-off character at its ends.
    """
    result = _reverse(cell, wrong, real)
    if result is not None and result != cell and not _reads_better(result, cell, min_drop):
        # Garbled twice (saved, reopened wrongly, saved again): undo twice.
        twice = _reverse(result, wrong, real)
        result = twice if twice is not None and _length_fits(twice, result, wrong) else None
    if result is None or result == cell or not _reads_better(result, cell, min_drop):
        return None
    if not _length_fits(result, cell, wrong):
        return None
    return result


def _reverse(cell: str, wrong: str, real: str) -> str | None:
    pieces = []
    for index, piece in enumerate(cell.split("\ufffd")):
        undone = _undo_piece(piece, wrong, real, cut_start=index > 0)
        if undone is None:
            return None
        pieces.append(undone)
    return "\ufffd".join(pieces)


def _length_fits(fixed: str, garbled: str, wrong: str) -> bool:
    """Mojibake has more characters than the text it garbles, except for GBK
    read as UTF-8 (two GBK bytes make one UTF-8 letter); and a fix that lost
    a cut-off character must still hold two hanzi to mean anything."""
    wide_fixed = sum(1 for ch in fixed if ord(ch) >= 0x80 and ch != "\ufffd")
    wide_garbled = sum(1 for ch in garbled if ord(ch) >= 0x80 and ch != "\ufffd")
    if "\ufffd" in fixed and sum(1 for ch in fixed if has_hanzi(ch)) < 2:
        return False
    return wide_fixed >= wide_garbled if wrong == "utf-8" else wide_fixed < wide_garbled


def _undo_piece(piece: str, wrong: str, real: str, cut_start: bool) -> str | None:
    out = []
    segments = list(_segments(piece, wrong))
    for index, (segment, encodable) in enumerate(segments):
        if not encodable or segment.isascii():
            out.append(segment)
            continue
        data = _encode(segment, wrong)
        start_cut = cut_start and index == 0
        end_cut = index == len(segments) - 1
        try:
            out.append(_decode_cut(data, real, start_cut, end_cut))
        except UnicodeDecodeError:
            return None
    return "".join(out)


def _decode_cut(data: bytes, codec: str, start_cut: bool, end_cut: bool) -> str:
    """Strict decoding, except for up to three bytes of a character cut off at
    an end where the wrong reading gave up (replaced by U+FFFD)."""
    starts = range(min(3, len(data)) + 1) if start_cut else (0,)
    for start in starts:
        ends = range(len(data), max(len(data) - 4, start - 1), -1) if end_cut else (len(data),)
        for end in ends:
            try:
                text = data[start:end].decode(codec)
            except UnicodeDecodeError:
                continue
            return "\ufffd" * (start > 0) + text + "\ufffd" * (end < len(data))
    return data.decode(codec)  # raises: invalid in the middle


def _reads_better(fixed: str, original: str, min_drop: int) -> bool:
    """The undone text is plausible and has at most half the unlikely characters."""
    fixed = fixed.replace("\ufffd", "")
    original = original.replace("\ufffd", "")
    has_letters = any(kind(ch) in (COMMON, RARE) for ch in fixed if ord(ch) >= 0x80)
    after, before = badness(fixed), badness(original)
    return (
        has_letters
        and plausibility(fixed) >= FIXED_MIN_PLAUSIBILITY
        and after <= before / 2
        and before - after >= min_drop
    )


def _segments(cell: str, codec: str) -> Iterable[tuple[str, bool]]:
    """Maximal runs of characters that ``codec`` can or cannot encode."""
    start = 0
    state = None
    for at, ch in enumerate(cell):
        ok = _encodable(ch, codec)
        if state is not None and ok != state:
            yield cell[start:at], state
            start = at
        state = ok
    if cell:
        yield cell[start:], bool(state)


def _encodable(ch: str, codec: str) -> bool:
    try:
        _encode(ch, codec)
    except UnicodeEncodeError:
        return False
    return True


def _encode(text: str, codec: str) -> bytes:
    if codec != "sloppy-1252":
        return text.encode(codec)
    # Windows-1252 where it defines a byte, Latin-1 for the five bytes it
    # leaves undefined (0x81 0x8D 0x8F 0x90 0x9D): what tools that "read as
    # ANSI" do, and so what mojibake holds.
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _lost_detail(cell: str) -> str:
    for marker in MARKERS:
        if marker in cell:
            return f"{marker!r} (the bytes of U+FFFD read as GBK)"
    ch = next(ch for ch in cell if ord(ch) >= 0x80 and kind(ch) == LOST)
    return describe(ch)


def _as_problem(path: Path, column: str | None, entry: list, file_codec: str | None) -> dict:
    row, count, value, (key, detail) = entry
    rows = f" (row {row} and {count - 1} more)" if count > 1 else ""
    if key == "lost":
        check = (
            f"characters were lost before the file was saved: {detail}{rows}; "
            "restore the text from the original source"
        )
    elif key == "bom":
        check = (
            f"a byte-order mark (U+FEFF) inside the text{rows}: two files were joined, or "
            "text was pasted from one; delete it"
        )
    elif key == "questions":
        check = (
            f"question marks where Chinese text is expected{rows}: the characters were "
            f"lost when the file was saved in an encoding without them; {RESAVE_CSV}"
        )
    elif key == "odd":
        check = (
            f"not plausible Chinese text: {describe(detail)}{rows}; "
            "is the file's encoding what it claims? " + RESAVE_CSV
        )
    else:
        check = _garbled(key, detail, rows, file_codec)
    return problem(path, row, column, check, value)


def _garbled(key: str, fixed: str, rows: str, file_codec: str | None) -> str:
    wrong, real = key.split(">")
    if wrong == file_codec or (wrong == "utf-8" and file_codec == "utf-8-sig"):
        return (
            f"the file looks like {LABELS[real]} text whose bytes are also valid "
            f"{LABELS[wrong]}, so it cannot be read safely (this would read {fixed!r}){rows}; "
            f"{RESAVE_CSV}"
        )
    return (
        f"garbled text (mojibake): {LABELS[real]} read as {LABELS[wrong]} before the "
        f"file was saved (it should probably read {fixed!r}){rows}; correct it from the "
        f"original and save as UTF-8"
    )
