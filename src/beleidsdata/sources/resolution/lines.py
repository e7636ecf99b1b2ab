"""PDF-extracted lines made plain: ligatures, soft hyphens, page furniture, wrapping.

A PDF extraction leaves ligatures ("ﬁ"), invisible characters and soft hyphens in the text,
the running head and address footer on every page, and the signature block after the last
clause; none of it belongs to a clause.
"""

from __future__ import annotations

import re

from ..base import join_wrapped, squash

_INVISIBLE = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u200b": None, "\ufeff": None}
)
# Page furniture a PDF extraction leaves in the running text: the running head with the
# document number, the Parliament's address footer and bare page numbers.
FURNITURE = re.compile(
    r"(?:stuk\s+\d+\s*\([^)]*\)\s*(?:[-–—]\s*)?nr\.?\s*\d+(?:\s+\d{1,3})?"
    r"|.*vlaamsparlement\.be.*|\d{1,3})",
    re.IGNORECASE,
)
# Signature block after the last clause of an adopted text.
TRAILER = re.compile(
    r"(?:de\s+(?:voorzitter|griffier)\b|brussel,?\s+\d{1,2}\s+\w+\s+\d{4})", re.IGNORECASE
)


def clean_line(raw: str) -> str:
    """One source line, trimmed and with PDF artefacts undone, whitespace squashed.

    A soft hyphen at the end of a line is a hyphenation point (it becomes "-" so that
    :func:`join_wrapped` undoes it); elsewhere it is invisible and dropped.
    """
    text = raw.translate(_INVISIBLE)
    text = re.sub(r"\u00ad\s*$", "-", text).replace("\u00ad", "")
    return squash(text)


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen right after a quote, bracket or digit
    ("‘Smart Flanders’-" + "doelstellingen", "2014-" + "2019") is a compound, joined
    without a space and with the hyphen kept."""
    merged: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if merged and re.search(r"[^\w\s-]-$|\d-$", merged[-1]) and part[:1].isalnum():
            merged[-1] += part
        else:
            merged.append(part)
    return join_wrapped(merged)
