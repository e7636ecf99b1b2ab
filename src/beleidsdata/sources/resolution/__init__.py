"""Flemish Parliament texts: resolutions and motions.

A Parliament text is one long sentence: an optional title block (``Stuk 1234 (2018-2019) –
Nr. 5``, ``Voorstel van resolutie … betreffende …``, ``ingediend door …``; :mod:`.title`),
the preamble ``Het Vlaams Parlement,`` and then clauses, each opened by a fixed phrase
(:mod:`.clauses`), which carry their text directly or numbered points (``1°``, ``1.``,
``1)``, ``-``/``•`` bullets) which may hold lettered (``a)``) and roman (``i)``) sub-points,
nested to any depth (:mod:`.points`). The extracted lines are cleaned first
(:mod:`.lines`); the records are in :mod:`.records`.
"""

from __future__ import annotations

import re

from ..base import SourceText, Span
from .clauses import CLAUSE_TYPES, PREAMBLE, build_clause, clause_at, find_clauses
from .lines import clean_line, join_lines
from .records import Clause, Point, Resolution
from .title import DOCNUM, read_title_block

KIND = "resolutie"
LABEL = "Flemish Parliament resolution or motion"

AUTHOR = "Vlaams Parlement"


def parse(source: SourceText) -> Resolution:
    """Read a Parliament resolution or motion into records; raise a SourceError naming the
    line when it is recognisably one but malformed."""
    lines = [clean_line(t) for t in source.lines]
    start, preamble, raw_clauses = find_clauses(source, lines)
    clauses = tuple(build_clause(source, raw) for raw in raw_clauses)
    title = read_title_block(lines[:start])
    first = next(i + 1 for i, t in enumerate(lines) if t)
    return Resolution(
        kind="motie" if _is_motion(title.title, clauses) else "resolutie",
        title=title.title,
        document_number=title.document_number,
        date=title.date,
        submitted_by=title.submitted_by,
        author=AUTHOR,
        preamble=join_lines([t for _, t in preamble]),
        clauses=clauses,
        span=Span(first, clauses[-1].span.end),
    )


def _is_motion(title: str | None, clauses: tuple[Clause, ...]) -> bool:
    """A motion says so in its title, or closes a debate or an interpellation."""
    return bool(title and re.search(r"\bmotie\b", title, re.I)) or any(
        c.type == "decision" or (c.type == "hearing" and "interpellatie" in c.text.lower())
        for c in clauses
    )


def detect(source: SourceText) -> float:
    """How sure we are that this is a Parliament resolution or motion (0.0–1.0).

    The preamble "Het Vlaams Parlement," and dash-led clause phrases ("– gelet op",
    "– overwegende dat", "– vraagt de Vlaamse Regering") are the signature; without the
    preamble the score stays below one half, since Government decrees use similar phrases.
    """
    lines = [clean_line(t) for t in source.lines]
    score = 0.0
    types: set[str] = set()
    preamble = False
    for text in lines:
        m = PREAMBLE.match(text)
        if m and (m.group().endswith(",") or m.end() == len(text)):
            preamble = True
            text = text[m.end() :].strip()
        found = clause_at(text)
        if found and (found[1]["dash"] or text[:1].islower()):
            types.add(found[0])
    if preamble:
        # The preamble alone may be a sentence in another text; with clauses it is a sign.
        score += 0.45 if types else 0.15
    score += min(0.45, 0.15 * len(types))
    head = " ".join(lines[:40])
    if DOCNUM.search(head) or re.search(r"\b(?:resolutie|motie)\b", head, re.I):
        score += 0.1
    if not preamble:
        score = min(score, 0.45)
    return round(min(score, 1.0), 2)


__all__ = [
    "AUTHOR",
    "CLAUSE_TYPES",
    "KIND",
    "LABEL",
    "Clause",
    "Point",
    "Resolution",
    "detect",
    "parse",
]
