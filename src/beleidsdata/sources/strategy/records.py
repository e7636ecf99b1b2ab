"""The records a strategy document is read into: frozen dataclasses, no RDF.

They are what the mapping sees of a strategy; everything else in this package is how the
OCR'd text is turned into them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base import Span

DEFAULT_TITLE = "Vlaamse Digitale Strategie"

# Kinds of Box and of Subsection, for the mapping's concept schemes.
BOX_KINDS = ("voorbeeld", "samenwerking", "citaat", "kader", "voetnoot", "sectie")
SUBSECTION_KINDS = ("ambities", "uitdagingen", "initiatieven", "actiepunten", "principes", "sectie")


@dataclass(frozen=True)
class Axis:
    """One of the axes of the digital decade ("burger", "onderneming", …), as the text names it."""

    number: int
    label: str
    span: Span


@dataclass(frozen=True)
class ActionPoint:
    """A headed action point under "2.x.4 … hiermee willen we het verschil maken".

    ``number`` is its 1-based order within the speerpunt (the text does not number them);
    ``heading`` is the heading as written (wrapped lines joined, OCR repaired, a final period
    kept), ``text`` its body paragraphs.
    """

    number: int
    heading: str
    text: str
    span: Span


@dataclass(frozen=True)
class Principle:
    """One of the numbered principles ("1. Inclusieve toegang") of the last speerpunt."""

    number: int
    title: str
    text: str
    span: Span


@dataclass(frozen=True)
class Box:
    """Material kept apart from the main text of a speerpunt.

    ``kind`` is one of :data:`BOX_KINDS`: "voorbeeld" (an example under "Strategie in de
    praktijk", titled by its heading), "samenwerking" (a "Hoe werkt Vlaanderen samen …?" block,
    titled by that question), "citaat" (a quote; ``title`` is the attribution), "kader" (a
    titled text box), "voetnoot" (a footnote; ``title`` is its number) or "sectie" (a numbered
    sub-section the family does not define; ``title`` is its heading).
    """

    kind: str
    title: str | None
    text: str
    span: Span


@dataclass(frozen=True)
class Subsection:
    """A numbered sub-section heading of a speerpunt, its number normalised ("2.4.1" for an
    OCR'd "2.41" or "211"). ``kind`` is one of :data:`SUBSECTION_KINDS`; ``span`` covers the
    heading and its text up to the next sub-section."""

    number: str
    kind: str
    title: str
    span: Span


@dataclass(frozen=True)
class Speerpunt:
    """One speerpunt (spearhead) with its sub-sections.

    ``number`` is written as in the text ("2.1"). ``title`` is the heading in normal
    capitalisation: the wording of the list of speerpunten in the introduction where it matches
    the heading, else the heading itself recased; ``heading`` is the heading as printed (capitals,
    OCR repaired). ``summary`` is the description from that list. ``introduction`` is text
    between the heading and the first sub-section. ``challenges_title`` is the part after
    "Een schets van de uitdagingen:"; ``action_points_title`` the part before ": hiermee willen
    we het verschil maken". ``initiatives`` is the running-initiatives sub-section as text: it is
    a multi-column figure in the PDF, which OCR interleaves, so it is not split into items.
    ``action_points_intro`` is prose between the action-point heading and the first action point.
    ``principles_closing`` is a closing paragraph after the last principle that speaks about the
    principles as a whole. ``subsections`` lists the sub-section headings with their spans, so
    each of the texts above can be traced to its lines.
    """

    number: str
    title: str
    heading: str
    summary: str | None
    introduction: str
    ambitions: str
    challenges_title: str | None
    challenges: str
    initiatives: str
    action_points_title: str | None
    action_points_intro: str
    action_points: tuple[ActionPoint, ...]
    principles_title: str | None
    principles: tuple[Principle, ...]
    principles_closing: str
    examples: tuple[Box, ...]
    boxes: tuple[Box, ...]
    subsections: tuple[Subsection, ...]
    span: Span


@dataclass(frozen=True)
class Strategy:
    """A digital strategy: its introduction, axes and speerpunten.

    ``announced_action_point_count`` is the number of action points the introduction announces
    ("36 actiepunten"); the body may hold a different number of headed action points.
    """

    title: str
    introduction: str
    announced_action_point_count: int | None
    axes: tuple[Axis, ...]
    speerpunten: tuple[Speerpunt, ...]
    span: Span

    @property
    def action_points(self) -> tuple[ActionPoint, ...]:
        """All action points in document order."""
        return tuple(ap for sp in self.speerpunten for ap in sp.action_points)
