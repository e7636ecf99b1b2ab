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

from ..base import Note, SourceText, Span, ends_cleanly
from .clauses import CLAUSE_TYPES, PREAMBLE, build_clause, clause_at, find_clauses
from .lines import clean_line, join_lines
from .records import Clause, Point, Resolution
from .signatures import SUBMITTER, Signatory, read_signatures, read_submitters
from .title import DOCNUM, read_title_block

KIND = "resolutie"
LABEL = "Flemish Parliament resolution or motion"

AUTHOR = "Vlaams Parlement"


def parse(source: SourceText) -> Resolution:
    """Read a Parliament resolution or motion into records; raise a SourceError naming the
    line when it is recognisably one but malformed."""
    lines = [clean_line(t) for t in source.lines]
    start, preamble, raw_clauses, trailer = find_clauses(source, lines)
    clauses = tuple(build_clause(source, raw) for raw in raw_clauses)
    title = read_title_block(lines[:start])
    first = next(i + 1 for i, t in enumerate(lines) if t)
    stated = _stated_kind(title.title, clauses)
    return Resolution(
        kind=stated or "resolutie",
        title=title.title,
        document_number=title.document_number,
        date=title.date,
        submitted_by=title.submitted_by,
        author=AUTHOR,
        preamble=join_lines([t for _, t in preamble]),
        clauses=clauses,
        span=Span(first, clauses[-1].span.end),
        signatories=_signatories(lines[:start], trailer),
        stated_kind=stated is not None,
        notes=_breaks_off(lines, clauses),
    )


def _stated_kind(title: str | None, clauses: tuple[Clause, ...]) -> str | None:
    """What the text says it is: its title names it ("Motie van aanbeveling", "Voorstel
    van resolutie"), or it closes a debate ("gaat over tot de orde van de dag") or an
    interpellation, which only motions do. None when the text does not say."""
    if title and re.search(r"\bmotie\b", title, re.I):
        return "motie"
    if title and re.search(r"\bresolutie\b", title, re.I):
        return "resolutie"
    if any(
        c.type == "decision" or (c.type == "hearing" and "interpellatie" in c.text.lower())
        for c in clauses
    ):
        return "motie"
    return None


_OPERATIVE = frozenset({"request", "recommendation", "declaration", "decision"})


def _breaks_off(lines: list[str], clauses: tuple[Clause, ...]) -> tuple[Note, ...]:
    """A text that stops before its operative part, or mid-clause, is cut off."""
    last = max(n for n, t in enumerate(lines, 1) if t)
    end = clauses[-1]
    tail = end.text
    point = end.points[-1] if end.points else None
    while point is not None:
        tail = point.text
        point = point.parts[-1] if point.parts else None
    if not ends_cleanly(tail or end.intro):
        return (Note(min(last, end.span.end), "the last clause stops mid-sentence", True),)
    if not any(c.type in _OPERATIVE for c in clauses):
        return (
            Note(
                end.span.end,
                "no operative part (no '– vraagt …', '– beveelt … aan', '– spreekt zich uit' "
                "or '– gaat over tot de orde van de dag')",
                True,
            ),
        )
    return ()


def _signatories(header: list[str], trailer: list[tuple[int, str]]) -> tuple[Signatory, ...]:
    """The submitters the title block names ("ingediend door …", "van de heer …") and the
    people of the signature block, each once."""
    found = list(read_signatures(trailer))
    for number, text in enumerate(header, 1):
        named = read_submitters(text)
        found += [Signatory(n, SUBMITTER, Span(number, number)) for n in named]
    seen: set[tuple[str, str]] = set()
    out = []
    for signatory in found:
        if (signatory.name.name, signatory.role) not in seen:
            seen.add((signatory.name.name, signatory.role))
            out.append(signatory)
    return tuple(out)


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
