"""Decide a text table's encoding on evidence, and refuse to guess without it.

The order (documented in docs/reading-files.md):

1. A byte-order mark decides: UTF-8, UTF-16 LE/BE (Excel's "Unicode text"),
   UTF-32.  The rest of the file must then be valid in that encoding.
2. NUL bytes with the pattern of UTF-16 (every other byte zero for ASCII)
   mean UTF-16 without a mark; other NUL bytes mean binary data.
3. Bytes that are valid UTF-8 are UTF-8 (the chance that a legacy file is
   valid UTF-8 is small, and ``_mojibake`` checks the cells for that case).
4. Otherwise GB18030 (which covers GBK and GB2312, what Chinese Windows
   writes), unless Big5 (Traditional Chinese Windows) also decodes the bytes
   and reads clearly more like Chinese (``_chars.plausibility``).
5. A legacy reading that still does not look like Chinese, or a file that is
   mostly UTF-8 with some invalid bytes, is refused with what it likely is.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ruralstudy._chars import LOST, badness, kind, plausibility
from ruralstudy._problems import RESAVE_CSV, file_error

BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE (Excel 'Unicode text')"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)
LEGACY = (("gb18030", "GB18030/GBK"), ("cp950", "Big5"))
HANZI_LISTS = {"gb18030": "gb2312", "cp950": "big5"}  # each reading judged by its own list
BIG5_MARGIN = 0.1  # Big5 must read this much better than GB18030 to be chosen
LEGACY_MIN_PLAUSIBILITY = 0.7  # below this a GB18030/Big5 reading is a guess
LOOKALIKE_MIN_BADNESS = 2  # unlikely characters needed before UTF-8 is doubted
SAMPLE_CHARS = 50_000  # plausibility is judged on the first characters only
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
HANZI = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read in."""

    text: str
    codec: str  # Python codec name, "" when a BOM or NUL pattern decided
    label: str  # what a user calls it: "UTF-8", "GB18030/GBK", "Big5" …
    utf16: bool = False  # Excel's UTF-16 "Unicode text" is tab-delimited


def decode_table(raw: bytes, path: Path) -> Decoded:
    """The text of a CSV file's bytes, or DataValidationError saying why not.

    >>> decode_table("名称\\n车田村\\n".encode("gbk"), Path("a.csv")).label
    'GB18030/GBK'
    """
    for bom, codec, label in BOMS:
        if raw.startswith(bom):
            text = _strict(raw, codec, label, path)
            return _checked(path, Decoded(text, codec, label, utf16="16" in label))
    if b"\x00" in raw:
        return _checked(path, _utf16_without_bom(raw, path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _checked(path, _legacy(raw, path, exc.start))
    _refuse_legacy_lookalike(raw, text, path)
    return _checked(path, Decoded(text, "utf-8", "UTF-8"))


def _refuse_legacy_lookalike(raw: bytes, text: str, path: Path) -> None:
    """Refuse valid UTF-8 that reads far more like Chinese in GBK or Big5.

    GBK bytes are valid UTF-8 only by design or by rare chance; when they
    are, the UTF-8 reading is Greek, Hebrew or rare hanzi while the GBK one
    is everyday Chinese.  Too little non-ASCII text decides nothing.
    """
    if text.isascii() or badness(text[:SAMPLE_CHARS]) < LOOKALIKE_MIN_BADNESS:
        return
    for codec, label in LEGACY:
        try:
            other = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        before, after = badness(text[:SAMPLE_CHARS]), badness(other[:SAMPLE_CHARS])
        if plausibility(other[:SAMPLE_CHARS]) >= 0.95 and after <= before / 4:
            sample = _first_difference(text, other)
            if _explained_as_mojibake(sample[0]):
                return  # Latin-1 mojibake stored as UTF-8: the cell checks say so
            raise file_error(
                path,
                f"the file is valid UTF-8 but reads as Chinese only in {label} "
                f"(UTF-8 gives {sample[0]!r}, {label} gives {sample[1]!r}): it is "
                f"probably a {label} file whose bytes happen to be valid UTF-8; "
                f"{RESAVE_CSV}",
            )


def _explained_as_mojibake(line: str) -> bool:
    from ruralstudy._mojibake import diagnose

    found = diagnose(line, "chinese")
    return found is not None and found[0].startswith("sloppy-1252")


def _first_difference(text: str, other: str) -> tuple[str, str]:
    """The first line on which two readings differ, from each."""
    for mine, theirs in zip(text.splitlines(), other.splitlines(), strict=False):
        if mine != theirs:
            return mine[:60], theirs[:60]
    return text[:60], other[:60]


def _strict(raw: bytes, codec: str, label: str, path: Path) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise file_error(
            path,
            f"the file starts with a {label} byte-order mark but is not valid {label} "
            f"at byte {exc.start} (line {_line_of(raw, exc.start)}): it is damaged or "
            f"mixes encodings; {RESAVE_CSV}",
        ) from None


def _utf16_without_bom(raw: bytes, path: Path) -> Decoded:
    even = raw[0::2].count(0)
    odd = raw[1::2].count(0)
    codec = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    if codec and len(raw) % 2 == 0 and (even + odd) * 10 >= len(raw):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None and _first_control(text) is None:
            return Decoded(text, codec, f"{codec.upper()} without a byte-order mark", True)
    raise file_error(path, "not a text table: the file contains binary data (NUL bytes)")


def _legacy(raw: bytes, path: Path, utf8_error_at: int) -> Decoded:
    mixed = _mostly_utf8(raw)
    if mixed:
        raise file_error(
            path,
            f"mostly UTF-8 text, but byte {utf8_error_at} (line {_line_of(raw, utf8_error_at)}) "
            f"is not valid UTF-8: the file is damaged or mixes two encodings "
            f"(e.g. rows pasted from a GBK file); {RESAVE_CSV}",
        )
    readings = []
    for codec, label in LEGACY:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text[:SAMPLE_CHARS], HANZI_LISTS[codec])
        readings.append((score, codec, label, text))
    if not readings:
        raise file_error(
            path,
            f"unknown text encoding: not UTF-8 (invalid at byte {utf8_error_at}, line "
            f"{_line_of(raw, utf8_error_at)}), GB18030/GBK or Big5{_suggestion(raw)}; "
            f"{RESAVE_CSV}",
        )
    best = readings[0]
    for reading in readings[1:]:
        if reading[0] >= best[0] + BIG5_MARGIN:
            best = reading
    # GB18030 is the prior here (Guizhou's Excel writes GBK): it keeps a tie,
    # but a Big5 reading better by less than the margin leaves the file ambiguous.
    rivals = [r for r in readings if r is not best and r[0] > best[0]]
    if rivals:
        ours, theirs = _first_difference(best[3], rivals[0][3])
        raise file_error(
            path,
            f"the encoding cannot be told: the file reads as Chinese both in {best[2]} "
            f"({ours!r}) and in {rivals[0][2]} ({theirs!r}); {RESAVE_CSV}",
        )
    score, codec, label, text = best
    if score < LEGACY_MIN_PLAUSIBILITY:
        raise file_error(
            path,
            f"unknown text encoding: not UTF-8, and read as {label} it is not plausible "
            f"Chinese ({score:.0%} of its non-ASCII characters are usual in Chinese "
            f"text){_suggestion(raw)}; {RESAVE_CSV}",
        )
    return Decoded(text, codec, label)


def _mostly_utf8(raw: bytes) -> bool:
    """True when most non-ASCII text is valid UTF-8 and only some bytes are not.

    A genuine GBK or Big5 file forms a valid multi-byte UTF-8 hanzi only by
    chance (well under 1 % of its characters); a UTF-8 file with a damaged
    byte or a pasted GBK row keeps most of its hanzi.
    """
    text = raw.decode("utf-8", errors="replace")
    hanzi = len(HANZI.findall(text))
    replaced = text.count("\ufffd")
    return hanzi >= 3 and hanzi >= replaced


def _checked(path: Path, decoded: Decoded) -> Decoded:
    found = _first_control(decoded.text)
    if found is not None:
        at, ch = found
        line = decoded.text.count("\n", 0, at) + 1
        raise file_error(
            path,
            f"not a text table: control character U+{ord(ch):04X} on line {line} "
            f"(read as {decoded.label}); the file is binary or damaged",
        )
    return decoded


def _first_control(text: str) -> tuple[int, str] | None:
    # Tab, CR, LF and form feed occur in real exports; other C0 controls and
    # DEL never do, and C1 controls are caught per cell (``_mojibake``).
    match = CONTROL.search(text)
    return None if match is None else (match.start(), match.group())


def _line_of(raw: bytes, at: int) -> int:
    return raw.count(b"\n", 0, at) + 1


def _suggestion(raw: bytes) -> str:
    """', it looks like cp1252 (English)' from charset-normalizer, or ''."""
    from charset_normalizer import from_bytes  # only needed on this error path

    best = from_bytes(raw[:100_000]).best()
    if best is None:
        return ""
    language = f" ({best.language})" if best.language and best.language != "Unknown" else ""
    return f"; it looks most like {best.encoding}{language}"


def lost_characters(text: str) -> bool:
    """True when text holds U+FFFD, private-use or C1 control characters."""
    return any(kind(ch) == LOST for ch in text if ord(ch) >= 0x80)
