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
# The names run to where the subject starts, or to the end. A gap is tried only at the
# start of a run of spaces ((?<!\s)): tried at every space of a long run, each attempt
# reads the rest of the run, which is quadratic.
_SPONSORS = re.compile(
    r"\bvan\s+((?:de\s+)?(?:heer|heren|mevrouw|mevrouwen|dames?)\b.+?)"
    r"(?=(?<!\s)\s+(?:betreffende|over|tot\s+besluit|houdende|inzake|met\s+betrekking)\b|$)",
    re.IGNORECASE,
)
_SUBMITTED = re.compile(r"\bingediend\s+door\s+", re.IGNORECASE)
_ON_DATE = re.compile(r"(?<!\s)\s+op\s+\d", re.IGNORECASE)


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
        names = _submitted(_last_line(text))
        if names is not None:
            return names.rstrip(" ,.;")
    if title:
        m = _SPONSORS.search(_last_line(title))
        if m:
            return m.group(1).rstrip(" ,.;")
    return None


def _last_line(text: str) -> str:
    """Where a pattern that runs to the end of the text (``$``, no line breaks crossed)
    can match: its last line. Looking only there keeps it from trying every line."""
    return text.removesuffix("\n").rsplit("\n", 1)[-1]


def _submitted(line: str) -> str | None:
    """What follows "ingediend door", up to "op <date>": found in two linear steps (one
    pattern with a lazy group before an optional tail took minutes on hostile lines)."""
    start = _SUBMITTED.search(line)
    if start is None or start.end() >= len(line):
        return None
    rest = line[start.end() :]
    on = _ON_DATE.search(rest, 1)
    return rest[: on.start()] if on else rest
