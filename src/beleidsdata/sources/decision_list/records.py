"""The records a decision list is read into: frozen dataclasses, no RDF."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import Note, Span
from ..names import Name


@dataclass(frozen=True)
class Proposer:
    """A minister proposing an item, with the role the list gives them as written
    ("minister-president", "Vlaams minister van Welzijn, Volksgezondheid en Gezin")."""

    name: Name
    role: str | None
    span: Span


@dataclass(frozen=True)
class Item:
    """One decision of the meeting."""

    number: int  # position in the list, from 1
    title: str | None  # the item's title line, when the list gives one
    proposers: tuple[Proposer, ...]
    text: str  # what was decided: paragraphs separated by a blank line ("\n\n")
    approvals: tuple[str, ...]  # kinds of approval the text states (APPROVAL_KINDS)
    span: Span
    title_span: Span | None


@dataclass(frozen=True)
class DecisionList:
    """The decisions of one meeting of the Flemish Government."""

    date: str  # ISO date of the meeting
    title: str  # the list's heading or first line, as written
    items: tuple[Item, ...]
    span: Span
    notes: tuple[Note, ...] = ()
