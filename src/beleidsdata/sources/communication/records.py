"""The records a communication or note is read into: frozen dataclasses, no RDF.

Sections nest as the numbering says ("7" > "7.B" > "7.B.3"); :meth:`Communication.walk`
gives each section with that path, which is how footnotes and agreement references say
where they occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..base import Note, Span

# The decision part: "Voorstel van beslissing", "VOORSTEL TOT BESLISSING", "Beslissing".
DECISION = re.compile(r"^(?:voorstel\s+(?:van|tot)\s+(?:beslissing|besluit)|beslissing)$", re.I)


@dataclass(frozen=True)
class ListItem:
    """A numbered point ("1.", "2°", "a)") in a section's own text, e.g. a decision point."""

    number: str | None  # as written, without its separator: "1", "2", "a"
    text: str
    span: Span


@dataclass(frozen=True)
class Section:
    """A section, subsection or unnumbered block ("➤ Voor de minister bevoegd voor …")."""

    number: str | None  # "1".."9", "A".."I", "2.1", "IV"; None for an unnumbered heading
    title: str  # source capitalisation, without number and markup
    text: str  # own text only (not the subsections'); see the module docstring
    subsections: tuple[Section, ...]
    items: tuple[ListItem, ...]  # the numbered points of the own text, also present in text
    span: Span  # heading line to the last line of the last subsection


@dataclass(frozen=True)
class Footnote:
    """A footnote ("<sup>1</sup> Uit het deel …") and where its marker was first used."""

    number: str
    text: str
    cited_in: str | None  # path of the section citing it ("1", "7.B.3"), None if uncited
    span: Span


@dataclass(frozen=True)
class Signatory:
    """A signing minister: the portfolio line and the name below it."""

    name: str  # display form: "Jan Jambon"
    written_name: str  # as signed: "Jan JAMBON"
    given_name: str  # "Jan"
    family_name: str  # "Jambon"
    portfolio: str  # "Vlaams minister van Buitenlandse Zaken, Cultuur, ICT en …"
    span: Span


@dataclass(frozen=True)
class AgreementReference:
    """A place where the document cites the coalition agreement (regeerakkoord).

    ``kind`` is "section" (a section titled after the agreement; its own text quotes it),
    "footnote" (a footnote that cites the agreement, or that is attached to a sentence or
    section that does) or "mention" (a sentence elsewhere naming the agreement).
    """

    kind: str
    text: str
    section_title: str | None  # the quoted title of the agreement part, if given
    pages: str | None  # "45-46" from "p.45-46"
    section: str | None  # path of the section of this document it occurs in
    span: Span


@dataclass(frozen=True)
class Communication:
    """A mededeling or nota aan de Vlaamse Regering."""

    doc_type: str  # the form: "mededeling", "nota", "bisnota", "omzendbrief" …
    subject: str  # the "Betreft:" text
    summary: str  # the "Samenvatting"; "" when the document has none
    sections: tuple[Section, ...]  # top-level sections in document order
    signatories: tuple[Signatory, ...]
    agreement_references: tuple[AgreementReference, ...]
    span: Span
    subject_span: Span
    summary_span: Span | None
    preamble: str  # text between the subject and the first heading, if any
    issuers: tuple[str, ...]  # the minister title lines at the top, as written
    document_number: str | None  # "VR 2020 1707 MED.0213" when the text states it
    footnotes: tuple[Footnote, ...] = ()
    attachments: tuple[str, ...] = ()  # the "Bijlagen" listed after the signatures
    agenda_type: str | None = None  # "nota" | "mededeling" (Kaleidos agenda item type)
    notes: tuple[Note, ...] = ()  # no signatures; a text that breaks off

    def walk(self) -> Iterator[tuple[str | None, Section]]:
        """Every section depth-first with its path ("7.B.3"; unnumbered blocks inherit)."""
        stack: list[tuple[str | None, Section]] = [
            (child_path(None, s.number), s) for s in reversed(self.sections)
        ]
        while stack:
            path, section = stack.pop()
            yield path, section
            stack.extend(
                (child_path(path, s.number) if s.number else path, s)
                for s in reversed(section.subsections)
            )

    def section(self, path: str) -> Section:
        """The numbered section at ``path`` ("7", "7.B", "7.B.3"); KeyError if absent."""
        for found, section in self.walk():
            if found == path and section.number is not None:
                return section
        raise KeyError(path)

    @property
    def decision_points(self) -> tuple[ListItem, ...]:
        """The numbered points of the "Voorstel van beslissing", if the document has one."""
        points: list[ListItem] = []
        for _, section in self.walk():
            if DECISION.match(section.title):
                points.extend(section.items)
        return tuple(points)


def child_path(parent: str | None, number: str | None) -> str | None:
    if number is None:
        return parent
    if "." in number or parent is None:
        return number
    return f"{parent}.{number}"
