"""The markup of one line and the fixed phrases of the family, read the same everywhere.

Communications reach us as markdown-ish exports of Word files: bold markers, HTML tags and
entities, footnote markers ("<sup>1</sup>", "[^1]") and list markers ("-", "➤", "✓", "o")
are markup, not words; titles and texts come out plain.
"""

from __future__ import annotations

import html
import re

from ..base import squash

MINISTER = re.compile(r"\b(?:vice)?minister(?:-president)?\b", re.I)
FOOTNOTE_DEF = re.compile(r"^(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*(.*)$")
_FOOTNOTE_REF = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\](?!:)")
BULLET = re.compile(r"^(?P<ind>[ \t]*)(?:[-*+•▪●◦➤►▶✓✔→]|o(?=[ \t]))[ \t]+(?P<rest>.*)$")
SUB_MARKER = re.compile(r"^(?:[✓✔➤►▶•▪●◦→]|o(?=\s))\s+")
NUMBERED = re.compile(
    r"^(?P<ind>[ \t]*)(?P<label>\d{1,2}|[a-z])(?P<sep>[.)°])[ \t]+(?P<rest>\S.*)$"
)
_TAGS = re.compile(r"<[^>]{1,40}>")
_LEAD_MARKS = re.compile(r"^[\s➤►▶•▪●◦✓✔→*\-–]+")
SUMMARY = re.compile(r"^(?:samenvatting|synthese|korte inhoud)$", re.I)
TOP_TERMS = re.compile(
    r"^(?:samenvatting|synthese|inleiding|situering|context|conclusies?|besluit"
    r"|voorstel\s+(?:van|tot)\s+(?:beslissing|besluit)|beslissing|bijlagen?)$",
    re.I,
)
AGREEMENT = re.compile(r"regeerakkoord|coalitieakkoord", re.I)


def clean(text: str) -> str:
    """Inline markup to plain text: footnote markers to "[n]", no bold, tags or entities."""
    text = _FOOTNOTE_REF.sub(lambda m: f"[{m.group(1) or m.group(2)}]", text)
    text = _TAGS.sub("", text.replace("**", ""))
    return html.unescape(text).replace("\u00a0", " ")


def plain(line: str) -> str:
    """A line without markdown heading/bold markup, for matching fixed phrases."""
    return squash(clean(line.strip().lstrip("#")))


def heading_text(text: str) -> str:
    return squash(_LEAD_MARKS.sub("", clean(text))).rstrip(":").strip()


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def bold_only(text: str) -> str | None:
    """The inner text when the whole line is bold ("**Title**", "**Title**:"), else None."""
    s = text.strip().rstrip(":").strip()
    if len(s) > 4 and s.startswith("**") and s.endswith("**") and s.count("**") == 2:
        return s[2:-2]
    return None


def footnote_refs(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _FOOTNOTE_REF.finditer(text)}
