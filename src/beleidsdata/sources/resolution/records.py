"""The records a resolution or motion is read into: frozen dataclasses, no RDF.

A resolution's natural key is its document number; a text without one (an unnumbered draft,
an extract) gets a fingerprint of its clauses that survives re-extraction of the same PDF.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..base import Note, Span
from .signatures import Signatory


@dataclass(frozen=True)
class Point:
    """One numbered (or bulleted) point of a clause, with its own sub-points.

    ``number`` is the label without its decoration ("1", "a", "iv"); bullets have no
    written number, so they get their 1-based position among their siblings. ``label``
    is the label as written ("1°", "a)", "-"). ``text`` is the point's own text only.
    """

    number: str
    label: str
    text: str
    parts: tuple[Point, ...]
    span: Span


@dataclass(frozen=True)
class Clause:
    """One clause of the sentence that follows "Het Vlaams Parlement,".

    ``type`` is one of :data:`CLAUSE_TYPES`. With points, ``intro`` is the clause's lead-in
    as written without dash and final colon ("vraagt de Vlaamse Regering om") and ``text``
    is empty; without points, ``intro`` is the opening phrase ("gehoord") and ``text`` the
    rest of the clause as written.
    """

    type: str
    intro: str
    text: str
    points: tuple[Point, ...]
    span: Span


@dataclass(frozen=True)
class Resolution:
    """A resolution or motion of the Vlaams Parlement."""

    kind: str  # "resolutie" | "motie" (as the text states it; see stated_kind)
    title: str | None
    document_number: str | None  # canonical: "Stuk 1234 (2018-2019) – Nr. 5"
    date: str | None  # ISO date from the title block
    submitted_by: str | None  # the members who tabled it, as written
    author: str
    preamble: str
    clauses: tuple[Clause, ...]
    span: Span
    signatories: tuple[Signatory, ...] = ()  # submitters and signing officers, with roles
    stated_kind: bool = True  # whether the text says it is a motion or a resolution
    notes: tuple[Note, ...] = ()  # a text that breaks off

    @property
    def key(self) -> str:
        """The natural key: the document number ("1234-2018-2019-5") when the text has
        one, else a short hash of the normalised clause texts (stable across runs and
        across line-wrapping, hyphenation and whitespace differences)."""
        if self.document_number:
            m = _CANONICAL_DOCNUM.fullmatch(self.document_number)
            if m:
                return "-".join(g for g in m.groups() if g)
        return fingerprint(self.clauses)

    def of_type(self, clause_type: str) -> tuple[Clause, ...]:
        """The clauses of one type, in document order."""
        return tuple(c for c in self.clauses if c.type == clause_type)


_CANONICAL_DOCNUM = re.compile(r"Stuk (\d+) \((\d{4})-(\d{4})\)(?: – Nr\. (\d+))?")


def fingerprint(clauses: tuple[Clause, ...]) -> str:
    """A short hash of the clause texts, blind to case, punctuation, whitespace and
    hyphenation, so re-extracting the same PDF gives the same key."""
    parts: list[str] = []

    def walk(points: tuple[Point, ...]) -> None:
        for p in points:
            parts.extend((p.number, p.text))
            walk(p.parts)

    for clause in clauses:
        parts.extend((clause.type, clause.intro, clause.text))
        walk(clause.points)
    text = unicodedata.normalize("NFKC", "\x1f".join(parts)).casefold()
    normal = "".join(ch for ch in text if ch.isalnum() or ch == "\x1f")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]
