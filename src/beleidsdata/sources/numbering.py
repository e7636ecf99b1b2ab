"""How the documents number their parts: Roman numerals and agreement section numbers.

Several parsers meet the same numbering (communications head sections "IV.", resolutions
label points "iv)", evaluations quote agreement sections "2.3.5 …"); reading it in one place
keeps their rules the same.
"""

from __future__ import annotations

import re

# "2.3.5 Title …", "2 Chapter", "2.3. Economie": a coalition-agreement section number and the
# rest of the line. At most two digits a level, so years ("2019-2024 …") and amounts never
# pass for a section number.
SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_DIGITS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral ("iv" → 4, "XL" → 40), or None when it is not one.

    Only canonical numerals count ("iiii", "vx" and "IL" are not numbers but words or
    debris), written in one case throughout ("Iv" is not a label either).
    """
    if not (numeral.isupper() or numeral.islower()):
        return None
    low = numeral.lower()
    if any(ch not in _ROMAN_VALUES for ch in low):
        return None
    total = 0
    for i, ch in enumerate(low):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(low) and _ROMAN_VALUES[low[i + 1]] > value else value
    return total if 0 < total < 4000 and to_roman(total) == low else None


def to_roman(number: int) -> str:
    """The canonical lower-case Roman numeral for 1..3999 ("" for 0)."""
    if not 0 <= number < 4000:
        raise ValueError(f"{number} has no Roman numeral")
    out = ""
    for value, digits in _ROMAN_DIGITS:
        while number >= value:
            out += digits
            number -= value
    return out
