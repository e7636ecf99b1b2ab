"""The title block before the preamble: kind, title, document number, date, sponsors.

``Stuk 1234 (2018-2019) – Nr. 5``, ``Voorstel van resolutie … betreffende …``, ``ingediend
door …``; all of it is optional, and an extraction may run it together on a few lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DATE_WORDS, find_date
from .lines import join_lines

DOCNUM = re.compile(
    r"\bstuk\s+(?P<nr>\d+)\s*\(\s*(?P<y1>\d{4})\s*[-–—]\s*(?P<y2>\d{2,4})\s*\)"
    r"(?:\s*[-–—]?\s*nr\.?\s*(?P<sub>\d+))?",
    re.IGNORECASE,
)
_KIND_LINE = re.compile(
    r"(?:(?:voorstel|ontwerp)\s+van\s+)?resolutie\b|(?:gemotiveerde\s+)?motie\b", re.I
)
_TITLE_STOP = re.compile(
    r"(?:ingediend|tekst\s+aangenomen|aangenomen|zitting|stuk)\b", re.IGNORECASE
)
_SPONSORS = re.compile(
    r"\bvan\s+((?:de\s+)?(?:heer|heren|mevrouw|mevrouwen|dames?)\b.+?)"
    r"(?=\s+(?:betreffende|over|tot\s+besluit|houdende|inzake|met\s+betrekking)\b|$)",
    re.IGNORECASE,
)
_SUBMITTED = re.compile(r"\bingediend\s+door\s+(.+?)(?:\s+op\s+\d.*)?$", re.IGNORECASE)


def _canonical_docnum(m: re.Match[str]) -> str:
    y1, y2 = m["y1"], m["y2"]
    if len(y2) == 2:
        y2 = str(int(y1) + 1) if int(y2) == (int(y1) + 1) % 100 else y1[:2] + y2
    sub = f" – Nr. {int(m['sub'])}" if m["sub"] else ""
    return f"Stuk {int(m['nr'])} ({y1}-{y2}){sub}"


@dataclass(frozen=True)
class TitleBlock:
    """What the lines before the preamble say; each part may be missing."""

    title: str | None
    document_number: str | None  # canonical: "Stuk 1234 (2018-2019) – Nr. 5"
    date: str | None  # ISO date
    submitted_by: str | None  # the members who tabled it, as written


def read_title_block(header: list[str]) -> TitleBlock:
    """The title block from the lines before the preamble."""
    joined = " ".join(t for t in header if t)
    docnum_match = DOCNUM.search(joined)
    title = _title(header)
    return TitleBlock(
        title=title,
        document_number=_canonical_docnum(docnum_match) if docnum_match else None,
        date=find_date(joined),
        submitted_by=_submitted_by(header, title),
    )


def _title(header: list[str]) -> str | None:
    """From the kind line ("Voorstel van resolutie …") to "ingediend door", a date or a
    document number."""
    title_lines: list[str] = []
    started = False
    for text in header:
        if not text:
            continue
        if not started and _KIND_LINE.match(text):
            started = True
        elif started and (_TITLE_STOP.match(text) or DATE_WORDS.fullmatch(text)):
            break
        if started:
            title_lines.append(text)
    title = join_lines(title_lines) or None
    if title:
        title = re.split(r"\s+ingediend\b", title, maxsplit=1, flags=re.I)[0]
    return title


def _submitted_by(header: list[str], title: str | None) -> str | None:
    """The "ingediend door …" line, else the members the title names ("van de heer …")."""
    for text in header:
        m = _SUBMITTED.search(text)
        if m:
            return m.group(1).rstrip(" ,.;")
    if title:
        m = _SPONSORS.search(title)
        if m:
            return m.group(1).rstrip(" ,.;")
    return None
