"""Numbers read from the text of a table cell, strictly.

A researcher's spreadsheet holds numbers as typed: ASCII digits, but also
the full-width digits a Chinese input method types (２０２５, １２．５), and
now and then something that only looks like a number (一〇, ٢٠٢٥, "−3" with a
typographic minus, "1e-400", "inf").  ``read_number`` decides which is which:

- Full-width forms (U+FF01–U+FF5E: ０–９, ．, －, ＋, ｅ) and the ideographic
  space are read as their ASCII counterparts — the one normalisation done,
  and the one the codebook (data/README.md) announces.  Nothing wider than
  that: NFKC would also turn a superscript "10²" into "102".
- Any other character outside the decimal grammar ``[+-]digits[.digits][e±digits]``
  is an error, and a non-letter among them (another script's digit, a
  typographic minus, a no-break space) is named with its code point.
- inf / nan spellings are not values (an unknown is an empty cell), and a
  number too large (overflow to ∞) or too small (underflow to 0, or to a
  subnormal float that has lost precision) to store is an error, not ∞ or 0.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata

# Full-width ASCII variants and the ideographic space, mapped to ASCII.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_NOT_NUMBERS = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"}
# A whole number beyond 2**53 cannot round-trip through a float (pandas' Int64
# columns convert through one), so it is refused rather than altered.
_WHOLE_LIMIT = 2**53


def read_number(text: str, whole: bool = False) -> tuple[float | int | None, str | None]:
    """``(number, None)`` for a cell that is a number, ``(None, why)`` otherwise.

    ``whole=True`` asks for a whole number written without a decimal point
    ("2025", not "2025.0").

    >>> read_number("１２．５")
    (12.5, None)
    >>> read_number("1e-400")[1]
    'underflow: too close to 0 to store as a 64-bit float; use a larger unit'
    """
    kind = "a whole number" if whole else "a number"
    plain = narrow(text).strip()
    if plain.lower() in _NOT_NUMBERS:
        return None, f"not {kind}: {plain!r} is not a value; leave the cell empty if unknown"
    grammar = _WHOLE if whole else _DECIMAL
    if not grammar.fullmatch(plain):
        odd = _odd_character(plain)
        return None, f"not {kind}" + (f": {odd}" if odd else "")
    if whole:
        number = int(plain)
        if abs(number) >= _WHOLE_LIMIT:
            return None, "overflow: too large for a whole-number column"
        return number, None
    number = float(plain)
    if math.isinf(number):
        return None, "overflow: too large to store as a 64-bit float"
    if abs(number) < sys.float_info.min and _has_nonzero_digit(plain):
        return None, "underflow: too close to 0 to store as a 64-bit float; use a larger unit"
    return number, None


def narrow(text: str) -> str:
    """``text`` with full-width forms as ASCII: "５２００００" → "520000".

    >>> narrow("２０２５－１０")
    '2025-10'
    """
    return text.translate(_WIDTH)


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit of any script but ASCII


def other_digit(text: str) -> str | None:
    """Why ``text`` is not in ASCII digits: its first digit outside 0-9 named (with the
    ASCII form to type when the digits are full-width); None when there is none.

    >>> other_digit("2025-10") is None, other_digit("２０２５")
    (True, "'２' (U+FF12 FULLWIDTH DIGIT TWO) is not an ASCII digit: type '2025'")
    """
    m = _OTHER_DIGIT.search(text)
    if m is None:
        return None
    ch = m.group()
    why = f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed digit')}) is not an ASCII digit"
    plain = narrow(text)
    return why + (f": type {plain!r}" if _OTHER_DIGIT.search(plain) is None else "")


def _has_nonzero_digit(plain: str) -> bool:
    mantissa = re.split("[eE]", plain, maxsplit=1)[0]
    return any(ch in "123456789" for ch in mantissa)


def _odd_character(plain: str) -> str | None:
    """The first non-ASCII non-letter, named: the character a user cannot see
    is wrong (٢ U+0662, − U+2212, a no-break space).  Letters (20公顷,
    2025年) speak for themselves."""
    for ch in plain:
        if ord(ch) > 127 and not unicodedata.category(ch).startswith("L"):
            name = unicodedata.name(ch, "unnamed character")
            return f"{ch!r} (U+{ord(ch):04X} {name}) is not an ASCII digit, sign or point"
    return None
