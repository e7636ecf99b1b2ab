"""Section numbers as headings write them, and the numbering schemes they may belong to.

Heading markup is unreliable, so nesting is decided by the numbering: "7." is arabic, "B." a
letter, "IV." roman, "2.1" dotted under "2"; "I." may be the ninth letter or the first roman
numeral, and the open levels decide which.
"""

from __future__ import annotations

import re

from ..numbering import roman_value

# Heading numbers: "2.1", "2.1.", "7.", "7)", "A.", "IV.", and, in explicit headings only,
# "7 TITLE" without a dot. At most two digits, so years never pass for a number.
_LABEL = re.compile(
    r"^(?:(?P<label>\d{1,2}(?:\.\d{1,2})+|\d{1,2})(?P<sep>[.)]|(?=\s))"
    r"|(?P<letter>[A-Z]|[IVXL]{2,5})(?P<lsep>[.)]))\s*(?P<title>\S.*)$"
)


def split_label(title: str) -> tuple[str, bool, str] | None:
    """ "7. PLAN" → ("7", True, "PLAN"); "2.1 Doel" → ("2.1", False, "Doel"); else None.

    Letters that are no Roman numeral ("IIII.", "VX.") are no label: they stay in the title.
    """
    m = _LABEL.match(title)
    if m is None:
        return None
    letter = m.group("letter")
    if letter:
        if len(letter) > 1 and roman_value(letter) is None:
            return None
        return letter, True, m.group("title").strip()
    label = m.group("label")
    return label, bool(m.group("sep")) or "." in label, m.group("title").strip()


def interpretations(label: str) -> list[tuple[str, int]]:
    """The numbering schemes a label may belong to, with its value in each."""
    if "." in label:
        head, _, last = label.rpartition(".")
        return [(f"dotted:{head}", int(last))]
    if label.isdigit():
        return [("arabic", int(label))]
    found: list[tuple[str, int]] = []
    if len(label) == 1:
        found.append(("letter", ord(label) - ord("A") + 1))
    value = roman_value(label)
    if value:
        found.append(("roman", value))
    return found
